//! Files citizens upload (petitions and legal-aid applications alike): judged by their content,
//! written and synced under `DATA_DIR/attachments`, recorded, and handed to staff as downloads.

pub mod download;
pub mod store;
pub mod uploads;

use std::path::Path;

/// Creates `dir` (and its parents) readable by the server's user only: citizens' files and the
/// database never sit where other accounts of the machine can read them.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    restrict(dir, 0o700)
}

/// Narrows `path` to `mode` (Unix; elsewhere nothing to do).
pub fn restrict(path: &Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

/// Options that create a file readable and writable by its owner only.
pub fn private_file() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Writes a new file `path` readable by its owner only, synced to disk.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = private_file().open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
