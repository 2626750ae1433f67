//! `server backup` and `server restore`: the database, every attachment and the 查询码 key in one
//! tar archive, so that a restored portal serves every file it lists and opens every case with
//! the codes citizens hold.
//!
//! The archive holds `portal.db` (a consistent copy, `VACUUM INTO`, which holds the files'
//! bytes), `query-code.key`, and `attachments/<token>` for a recorded file still on disk (kept so
//! by an earlier version, not yet moved into the database; a restored portal moves it in). It is written under a temporary name, readable by its
//! owner only, synced, and renamed into place: a backup that exists is whole.

use crate::Settings;
use anyhow::Context as _;
use app::kernel::files::{private_dir, private_file, restrict};
use app::kernel::store::{self, Pool};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// What a backup or a restore held.
#[derive(Debug, PartialEq, Eq)]
pub struct Summary {
    /// Files held: a backup's in its database and on disk; a restore's unpacked to disk (those
    /// of an earlier version's archive).
    pub attachments: usize,
    /// Recorded files whose bytes were neither in the database nor on disk (named in the log).
    pub missing: usize,
}

const DATABASE: &str = "portal.db";
const KEY: &str = "query-code.key";
const ATTACHMENTS: &str = "attachments";

/// Writes the archive `to` (which must not exist) from the running data of `settings`.
pub async fn backup(settings: &Settings, pool: &Pool, to: &Path) -> anyhow::Result<Summary> {
    anyhow::ensure!(
        store::backend(pool) == store::Backend::Sqlite,
        "the database is on PostgreSQL: back it up with pg_dump (README, \"Operations\"); \
         `backup` copies an SQLite database"
    );
    anyhow::ensure!(
        !to.exists(),
        "{} already exists; choose a new file name so that no backup is overwritten",
        to.display()
    );
    let staging = sibling(to, "parts");
    private_dir(&staging).with_context(|| format!("cannot create {}", staging.display()))?;
    let result = async {
        let copy = staging.join(DATABASE);
        let copy_path = copy
            .to_str()
            .context("the backup path must be valid UTF-8")?;
        store::backup_to(pool, copy_path)
            .await
            .context("cannot copy the database")?;
        let recorded = app::kernel::files::store::all_tokens(pool)
            .await
            .context("cannot list the attachments")?
            .len();
        let on_disk = app::kernel::files::store::without_bytes(pool)
            .await
            .context("cannot list the attachments")?;
        let in_database = recorded - on_disk.len();
        let attachments_dir = settings.data_dir.join(ATTACHMENTS);
        let key_file = settings.query_code_key_file();
        let to = to.to_owned();
        tokio::task::spawn_blocking(move || {
            write_archive(&to, &copy, &attachments_dir, &on_disk, &key_file)
        })
        .await
        .context("the backup task failed")?
        .map(|s| Summary {
            attachments: s.attachments + in_database,
            ..s
        })
    }
    .await;
    let _ = std::fs::remove_dir_all(&staging);
    result
}

fn write_archive(
    to: &Path,
    database: &Path,
    attachments_dir: &Path,
    tokens: &[String],
    key_file: &Path,
) -> anyhow::Result<Summary> {
    let part = sibling(to, "part");
    let file = private_file()
        .open(&part)
        .with_context(|| format!("cannot create {}", part.display()))?;
    let mut archive = tar::Builder::new(std::io::BufWriter::new(file));
    archive.mode(tar::HeaderMode::Deterministic);
    let written = (|| -> anyhow::Result<Summary> {
        archive.append_path_with_name(database, DATABASE)?;
        // Without the key no citizen's 查询码 would open a restored case: no backup without it.
        anyhow::ensure!(
            key_file.is_file(),
            "the 查询码 key {} is missing; give the server's --query-code-key (PORTAL_QUERY_CODE_KEY_FILE)",
            key_file.display()
        );
        archive.append_path_with_name(key_file, KEY)?;
        let mut summary = Summary {
            attachments: 0,
            missing: 0,
        };
        for token in tokens {
            let path = attachments_dir.join(token);
            if path.exists() {
                archive.append_path_with_name(&path, format!("{ATTACHMENTS}/{token}"))?;
                summary.attachments += 1;
            } else {
                tracing::error!(token = %token, "a recorded attachment is missing from disk");
                summary.missing += 1;
            }
        }
        let mut out = archive.into_inner()?;
        out.flush()?;
        out.get_ref().sync_all()?;
        Ok(summary)
    })();
    match written {
        Ok(summary) => {
            std::fs::rename(&part, to)
                .with_context(|| format!("cannot move the backup to {}", to.display()))?;
            Ok(summary)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            Err(e.context(format!("cannot write the backup to {}", to.display())))
        }
    }
}

/// Unpacks the archive `from` into the data of `settings`, which must hold no database yet (a
/// restore never overwrites a portal's data). Only the archive's own three kinds of entry are
/// taken; anything else (a path leading elsewhere) is refused.
pub fn restore(settings: &Settings, from: &Path) -> anyhow::Result<Summary> {
    let database = settings.data_dir.join(DATABASE);
    anyhow::ensure!(
        settings.database_url.is_none(),
        "restore writes the SQLite file of --data-dir; drop --database-url"
    );
    anyhow::ensure!(
        !database.exists(),
        "{} already holds a database; restore into an empty --data-dir",
        settings.data_dir.display()
    );
    let key_file = settings.query_code_key_file();
    anyhow::ensure!(
        !key_file.exists(),
        "{} already exists; restore into an empty --data-dir (or move the key away)",
        key_file.display()
    );
    private_dir(&settings.data_dir)?;
    let attachments_dir = settings.data_dir.join(ATTACHMENTS);
    anyhow::ensure!(
        !attachments_dir.exists() || std::fs::read_dir(&attachments_dir)?.next().is_none(),
        "{} already holds files; restore into an empty --data-dir",
        attachments_dir.display()
    );
    private_dir(&attachments_dir)?;
    let result = unpack(from, &database, &key_file, &attachments_dir);
    if result.is_err() {
        // Nothing half-restored is left to stop the next try.
        let _ = std::fs::remove_file(sibling(&database, "restoring"));
        let _ = std::fs::remove_file(&key_file);
        let _ = std::fs::remove_dir_all(&attachments_dir);
    }
    let summary = result?;
    std::fs::File::open(&settings.data_dir)?.sync_all()?;
    Ok(summary)
}

fn unpack(
    from: &Path,
    database: &Path,
    key_file: &Path,
    attachments_dir: &Path,
) -> anyhow::Result<Summary> {
    let file = std::fs::File::open(from)
        .with_context(|| format!("cannot open the backup {}", from.display()))?;
    let mut archive = tar::Archive::new(std::io::BufReader::new(file));
    let mut summary = Summary {
        attachments: 0,
        missing: 0,
    };
    let mut saw_database = false;
    let mut saw_key = false;
    let staged = sibling(database, "restoring");
    for entry in archive.entries().context("not a backup archive")? {
        let mut entry = entry.context("the backup archive is damaged")?;
        anyhow::ensure!(
            entry.header().entry_type().is_file(),
            "the backup holds something that is not a file"
        );
        let name = entry.path()?.to_string_lossy().into_owned();
        let target = if name == DATABASE {
            saw_database = true;
            staged.clone()
        } else if name == KEY {
            saw_key = true;
            key_file.to_owned()
        } else if let Some(token) = name
            .strip_prefix("attachments/")
            .filter(|t| app::domain::petition::attachment::is_token(t))
        {
            summary.attachments += 1;
            attachments_dir.join(token)
        } else {
            anyhow::bail!("the backup holds an entry {name:?} that is not the portal's");
        };
        let mut out = private_file()
            .open(&target)
            .with_context(|| format!("cannot create {}", target.display()))?;
        std::io::copy(&mut entry, &mut out)?;
        out.sync_all()?;
    }
    anyhow::ensure!(saw_database, "the backup holds no database");
    anyhow::ensure!(saw_key, "the backup holds no 查询码 key");
    std::fs::rename(&staged, database)?;
    restrict(database, 0o600)?;
    Ok(summary)
}

/// `file` with `.suffix` added to its name.
fn sibling(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{suffix}"));
    file.with_file_name(name)
}
