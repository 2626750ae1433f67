//! The library's documents and their versions.

use crate::kernel::store::{Pool, StoreError};

/// A version of a document to save.
pub struct NewVersion<'a> {
    pub slug: &'a str,
    pub kind: &'a str,
    pub position: i64,
    pub title: &'a str,
    pub summary: &'a str,
    pub source: &'a str,
    pub search_text: &'a str,
    pub author: &'a str,
    pub at: &'a str,
    pub publish: bool,
    /// A new document is meant: refuse (`Duplicate`) if the name was taken meanwhile.
    pub create_only: bool,
}

/// A document as readers see it (its published version) or as an editor sees a version.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DocRow {
    pub slug: String,
    pub kind: String,
    pub position: i64,
    pub version: i64,
    pub title: String,
    pub summary: String,
    pub source: String,
    pub author: String,
    pub created_at: String,
    pub published_at: Option<String>,
}

/// Saves a new version of the document `slug` (created if new), published at once when asked;
/// returns the version number. `articles` replaces a statute's articles (number, text).
pub async fn save(
    pool: &Pool,
    new: NewVersion<'_>,
    articles: Option<&[(String, String)]>,
) -> Result<i64, StoreError> {
    let mut write = crate::kernel::store::begin_write(pool).await?;
    let tx = &mut write.tx;
    let existing =
        sqlx::query_as::<_, (i64, String)>("SELECT id, kind FROM documents WHERE slug = $1")
            .bind(new.slug)
            .fetch_optional(&mut **tx)
            .await?;
    let document_id = match existing {
        Some((_, kind)) if kind != new.kind || new.create_only => {
            return Err(StoreError::Duplicate("slug"));
        }
        Some((id, _)) => id,
        None => {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO documents (slug, kind, position) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(new.slug)
            .bind(new.kind)
            .bind(new.position)
            .fetch_one(&mut **tx)
            .await?
        }
    };
    let version = sqlx::query_scalar::<_, i64>(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM document_versions WHERE document_id = $1",
    )
    .bind(document_id)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO document_versions (document_id, version, title, summary, source, search_text, \
         author, created_at, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(document_id)
    .bind(version)
    .bind(new.title)
    .bind(new.summary)
    .bind(new.source)
    .bind(new.search_text)
    .bind(new.author)
    .bind(new.at)
    .bind(new.publish.then_some(new.at))
    .execute(&mut **tx)
    .await?;
    if new.publish {
        sqlx::query("UPDATE documents SET published = $1 WHERE id = $2")
            .bind(version)
            .bind(document_id)
            .execute(&mut **tx)
            .await?;
    }
    if let Some(articles) = articles {
        sqlx::query("DELETE FROM statute_articles WHERE document_id = $1")
            .bind(document_id)
            .execute(&mut **tx)
            .await?;
        for (position, (number, body)) in articles.iter().enumerate() {
            sqlx::query(
                "INSERT INTO statute_articles (document_id, position, number, body) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(document_id)
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .bind(number)
            .bind(body)
            .execute(&mut **tx)
            .await?;
        }
    }
    write.tx.commit().await?;
    Ok(version)
}

const DOC_COLUMNS: &str = "d.slug, d.kind, d.position, v.version, v.title, v.summary, v.source, \
                           v.author, v.created_at, v.published_at";

/// The published version of `slug`.
pub async fn published(pool: &Pool, slug: &str) -> Result<Option<DocRow>, StoreError> {
    Ok(sqlx::query_as::<_, DocRow>(&format!(
        "SELECT {DOC_COLUMNS} FROM documents d JOIN document_versions v \
         ON v.document_id = d.id AND v.version = d.published WHERE d.slug = $1"
    ))
    .bind(slug)
    .fetch_optional(pool)
    .await?)
}

/// A given version of `slug`, published or not (for editors).
pub async fn version(pool: &Pool, slug: &str, version: i64) -> Result<Option<DocRow>, StoreError> {
    Ok(sqlx::query_as::<_, DocRow>(&format!(
        "SELECT {DOC_COLUMNS} FROM documents d JOIN document_versions v ON v.document_id = d.id \
         WHERE d.slug = $1 AND v.version = $2"
    ))
    .bind(slug)
    .bind(version)
    .fetch_optional(pool)
    .await?)
}

/// Every version of `slug`, newest first (for editors: who changed what, when).
pub async fn history(pool: &Pool, slug: &str) -> Result<Vec<DocRow>, StoreError> {
    Ok(sqlx::query_as::<_, DocRow>(&format!(
        "SELECT {DOC_COLUMNS} FROM documents d JOIN document_versions v ON v.document_id = d.id \
         WHERE d.slug = $1 ORDER BY v.version DESC"
    ))
    .bind(slug)
    .fetch_all(pool)
    .await?)
}

/// The published documents of `kind`, in index order.
pub async fn list_published(pool: &Pool, kind: &str) -> Result<Vec<DocRow>, StoreError> {
    Ok(sqlx::query_as::<_, DocRow>(&format!(
        "SELECT {DOC_COLUMNS} FROM documents d JOIN document_versions v \
         ON v.document_id = d.id AND v.version = d.published WHERE d.kind = $1 \
         ORDER BY d.position, d.slug"
    ))
    .bind(kind)
    .fetch_all(pool)
    .await?)
}

/// The latest version of every document of `kind`s, published or not (for editors).
pub async fn list_latest(pool: &Pool) -> Result<Vec<DocRow>, StoreError> {
    Ok(sqlx::query_as::<_, DocRow>(&format!(
        "SELECT {DOC_COLUMNS} FROM documents d JOIN document_versions v ON v.document_id = d.id \
         WHERE v.version = (SELECT MAX(version) FROM document_versions WHERE document_id = d.id) \
         AND d.kind <> 'statute' ORDER BY d.position, d.slug"
    ))
    .fetch_all(pool)
    .await?)
}

/// How many documents there are of `kind`.
pub async fn count(pool: &Pool, kind: &str) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM documents WHERE kind = $1")
            .bind(kind)
            .fetch_one(pool)
            .await?,
    )
}

/// A place search may point at: a published guide or FAQ, or one article of a published law.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Candidate {
    pub slug: String,
    pub kind: String,
    pub title: String,
    /// The article number of a law (`第三十四条`), its anchor.
    pub anchor: Option<String>,
    pub text: String,
}

/// `%` and `_` in a LIKE pattern taken literally.
fn like_pattern(term: &str) -> String {
    let escaped = term
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// The published texts that contain `term`, ignoring ASCII case on every backend (the caller
/// checks the other terms and ranks them): guides and the FAQ, each law by its title, and every
/// article of the laws.
pub async fn containing(pool: &Pool, term: &str) -> Result<Vec<Candidate>, StoreError> {
    let pattern = like_pattern(&term.to_lowercase());
    Ok(sqlx::query_as::<_, Candidate>(
        "SELECT d.slug, d.kind, v.title, NULL AS anchor, v.search_text AS text \
         FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.published \
         WHERE d.kind <> 'statute' \
         AND (LOWER(v.search_text) LIKE $1 ESCAPE '\\' OR LOWER(v.title) LIKE $1 ESCAPE '\\') \
         UNION ALL \
         SELECT d.slug, d.kind, v.title, NULL AS anchor, v.title || ' ' || v.summary AS text \
         FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.published \
         WHERE d.kind = 'statute' AND LOWER(v.search_text) LIKE $1 ESCAPE '\\' \
         UNION ALL \
         SELECT d.slug, d.kind, v.title, a.number AS anchor, a.body AS text \
         FROM statute_articles a JOIN documents d ON d.id = a.document_id \
         JOIN document_versions v ON v.document_id = d.id AND v.version = d.published \
         WHERE LOWER(a.body) LIKE $1 ESCAPE '\\' OR a.number LIKE $1 ESCAPE '\\'",
    )
    .bind(pattern)
    .fetch_all(pool)
    .await?)
}

/// The version readers see of `slug`, if published.
pub async fn published_version(pool: &Pool, slug: &str) -> Result<Option<i64>, StoreError> {
    Ok(
        sqlx::query_scalar::<_, Option<i64>>("SELECT published FROM documents WHERE slug = $1")
            .bind(slug)
            .fetch_optional(pool)
            .await?
            .flatten(),
    )
}
