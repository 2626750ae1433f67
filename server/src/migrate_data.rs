//! `server migrate-data --from sqlite://… --to postgres://…`: a bureau moves from the embedded
//! SQLite database to PostgreSQL (the copy itself is `app::kernel::store::transfer`).

use anyhow::Context as _;
use app::kernel::store::{self, Backend, transfer};
use std::path::{Path, PathBuf};

/// The file an `sqlite:` URL names (without its `?…` options).
fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

/// A URL as it may be printed: without a password.
fn shown(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.split_once('@') {
            Some((user, host)) if user.contains(':') => format!(
                "{scheme}://{}:***@{host}",
                user.split(':').next().unwrap_or_default()
            ),
            _ => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

pub async fn migrate_data(from: &str, to: &str) -> anyhow::Result<()> {
    let file = sqlite_file(from).with_context(|| {
        format!(
            "--from must name the SQLite database file, as sqlite://DATA_DIR/portal.db (not {from})"
        )
    })?;
    anyhow::ensure!(
        file.is_file(),
        "there is no SQLite database at {}: --from names the portal.db in the old server's --data-dir",
        file.display()
    );
    anyhow::ensure!(
        Backend::of(to) == Backend::Postgres,
        "--to must be a PostgreSQL URL, as postgres://USER@HOST/DATABASE (not {})",
        shown(to)
    );
    let source = store::connect(from)
        .await
        .context("cannot open the source database")?;
    // The source as this version's server would leave it at start: migrated, its events typed,
    // and files an earlier version kept on disk moved in.
    store::migrate(&source)
        .await
        .context("cannot bring the source database up to this version")?;
    app::features::upgrade_stored_data(&source)
        .await
        .context("cannot upgrade the source's stored events")?;
    let data_dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    let attachments = data_dir.join("attachments");
    if attachments.is_dir() {
        app::kernel::files::uploads::adopt_files(&source, &attachments)
            .await
            .context("cannot move the source's stored files into its database")?;
    }
    let missing = app::kernel::files::store::without_bytes(&source).await?;
    let target = store::connect(to).await.with_context(|| {
        format!(
            "cannot open the target database {} (create it first, e.g. createdb)",
            shown(to)
        )
    })?;
    store::migrate(&target)
        .await
        .context("cannot apply the PostgreSQL migrations to the target")?;
    let result = transfer::copy(&source, &target).await;
    source.close().await;
    target.close().await;
    let done = result?;
    println!(
        "Copied {} into {}, checked on both sides:",
        file.display(),
        shown(to)
    );
    println!(
        "  {:<24} {:>10} {:>10}  rows' digest (SHA-256 sum)",
        "table", "SQLite", "PostgreSQL"
    );
    for t in &done.tables {
        println!(
            "  {:<24} {:>10} {:>10}  {}",
            t.table,
            t.source.rows,
            t.target.rows,
            &t.target.hex()[..16]
        );
    }
    let f = &done.target_files;
    println!(
        "  attachments: {} files, {} bytes, SHA-256 {} on both sides",
        f.files, f.bytes, f.sha256
    );
    let key = data_dir.join("query-code.key");
    if key.is_file() {
        println!(
            "Every server on the new database needs this portal's 查询码 key, {}: copy it into \
             each server's --data-dir or pass it with --query-code-key. Without it no citizen's \
             查询码 opens their case.",
            key.display()
        );
    }
    if !missing.is_empty() {
        anyhow::bail!(
            "{} recorded attachments had no bytes in the source (named in the log), so the copy \
             lacks them too; the rest is copied",
            missing.len()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_file_comes_from_its_url_and_passwords_are_never_printed() {
        assert_eq!(
            sqlite_file("sqlite://data/portal.db?mode=ro"),
            Some(PathBuf::from("data/portal.db"))
        );
        assert_eq!(
            sqlite_file("sqlite:/srv/portal.db"),
            Some(PathBuf::from("/srv/portal.db"))
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://h/db"), None);
        assert_eq!(
            shown("postgres://portal:secret@db:5432/portal"),
            "postgres://portal:***@db:5432/portal"
        );
        assert_eq!(
            shown("postgres://portal@db/portal"),
            "postgres://portal@db/portal"
        );
    }
}
