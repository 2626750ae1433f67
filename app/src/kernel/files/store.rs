//! Uploaded files: their records, and their bytes in pieces (`attachment_chunks`), both in the
//! database so that every server of a portal reads every file.

use crate::kernel::store::{Pool, StoreError, Tx};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttachmentRecord {
    pub token: String,
    pub original_name: String,
    pub media_type: String,
    pub size_bytes: i64,
}

/// The size of the pieces a file's bytes are kept in.
pub const CHUNK_BYTES: usize = 256 * 1024;

pub async fn insert(
    tx: &mut Tx,
    token: &str,
    original_name: &str,
    media_type: &str,
    size_bytes: u64,
    uploaded_at: &str,
    client: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO attachments (token, original_name, media_type, size_bytes, uploaded_at, \
         unsent_from) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token)
    .bind(original_name)
    .bind(media_type)
    .bind(i64::try_from(size_bytes).unwrap_or(i64::MAX))
    .bind(uploaded_at)
    .bind(client)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Keeps piece `seq` (from 0) of the file `token`.
pub async fn insert_chunk(
    tx: &mut Tx,
    token: &str,
    seq: i64,
    bytes: &[u8],
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO attachment_chunks (token, seq, bytes) VALUES ($1, $2, $3)")
        .bind(token)
        .bind(seq)
        .bind(bytes)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The bytes of the file `token`, or `None` when none are kept.
pub async fn bytes_of(pool: &Pool, token: &str) -> Result<Option<Vec<u8>>, StoreError> {
    use futures_util::TryStreamExt as _;
    // Piece by piece into one buffer, never all pieces and their copy at once.
    let mut pieces = sqlx::query_scalar::<_, Vec<u8>>(
        "SELECT bytes FROM attachment_chunks WHERE token = $1 ORDER BY seq",
    )
    .bind(token)
    .fetch(pool);
    let mut bytes = None::<Vec<u8>>;
    while let Some(piece) = pieces.try_next().await? {
        bytes.get_or_insert_with(Vec::new).extend_from_slice(&piece);
    }
    Ok(bytes)
}

/// Files recorded whose bytes are not in the database (kept on disk by an earlier version, or
/// lost).
pub async fn without_bytes(pool: &Pool) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar::<_, String>(
        "SELECT token FROM attachments a WHERE NOT EXISTS \
         (SELECT 1 FROM attachment_chunks c WHERE c.token = a.token) ORDER BY token",
    )
    .fetch_all(pool)
    .await?)
}

/// The uploaded files among `tokens` that no petition has taken yet, in the order given.
pub async fn unlinked(pool: &Pool, tokens: &[String]) -> Result<Vec<AttachmentRecord>, StoreError> {
    let mut out = Vec::with_capacity(tokens.len());
    for token in tokens {
        if let Some(r) = sqlx::query_as::<_, AttachmentRecord>(
            "SELECT token, original_name, media_type, size_bytes FROM attachments \
             WHERE token = $1 AND petition_id IS NULL AND legal_aid_id IS NULL",
        )
        .bind(token)
        .fetch_optional(pool)
        .await?
        {
            out.push(r);
        }
    }
    Ok(out)
}

/// Forgets an upload no petition has taken, with its bytes; true when there was one.
pub async fn delete_unlinked(pool: &Pool, token: &str) -> Result<bool, StoreError> {
    let mut write = crate::kernel::store::begin_write(pool).await?;
    let done = sqlx::query(
        "DELETE FROM attachments WHERE token = $1 AND petition_id IS NULL AND legal_aid_id IS NULL",
    )
    .bind(token)
    .execute(&mut *write.tx)
    .await?;
    let gone = done.rows_affected() > 0;
    if gone {
        sqlx::query("DELETE FROM attachment_chunks WHERE token = $1")
            .bind(token)
            .execute(&mut *write.tx)
            .await?;
    }
    write.tx.commit().await?;
    Ok(gone)
}

/// The files of a petition.
pub async fn of_petition(
    pool: &Pool,
    petition_id: i64,
) -> Result<Vec<AttachmentRecord>, StoreError> {
    Ok(sqlx::query_as::<_, AttachmentRecord>(
        "SELECT token, original_name, media_type, size_bytes FROM attachments \
         WHERE petition_id = $1 ORDER BY id",
    )
    .bind(petition_id)
    .fetch_all(pool)
    .await?)
}

/// The files of a petition, by its number.
pub async fn of_petition_number(
    pool: &Pool,
    number: &str,
) -> Result<Vec<AttachmentRecord>, StoreError> {
    Ok(sqlx::query_as::<_, AttachmentRecord>(
        "SELECT a.token, a.original_name, a.media_type, a.size_bytes FROM attachments a \
         JOIN petitions p ON p.id = a.petition_id WHERE p.number = $1 ORDER BY a.id",
    )
    .bind(number)
    .fetch_all(pool)
    .await?)
}

/// Tokens of uploads no petition took that were uploaded before `cutoff` (RFC 3339, +08:00).
pub async fn unlinked_before(pool: &Pool, cutoff: &str) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar::<_, String>(
        "SELECT token FROM attachments WHERE petition_id IS NULL AND legal_aid_id IS NULL AND uploaded_at < $1",
    )
    .bind(cutoff)
    .fetch_all(pool)
    .await?)
}

/// The token of every recorded file (for backups).
pub async fn all_tokens(pool: &Pool) -> Result<Vec<String>, StoreError> {
    Ok(
        sqlx::query_scalar::<_, String>("SELECT token FROM attachments ORDER BY token")
            .fetch_all(pool)
            .await?,
    )
}

/// Bytes of files no petition or application has taken yet: (from `client`, from everyone).
pub async fn unsent_bytes(pool: &Pool, client: &str) -> Result<(u64, u64), StoreError> {
    let (mine, everyone): (i64, i64) = sqlx::query_as(
        // A sum is NUMERIC on PostgreSQL: cast back to the integer both backends read.
        "SELECT CAST(COALESCE(SUM(CASE WHEN unsent_from = $1 THEN size_bytes ELSE 0 END), 0) \
                AS BIGINT), CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) \
         FROM attachments WHERE petition_id IS NULL AND legal_aid_id IS NULL",
    )
    .bind(client)
    .fetch_one(pool)
    .await?;
    Ok((
        u64::try_from(mine).unwrap_or(0),
        u64::try_from(everyone).unwrap_or(0),
    ))
}
