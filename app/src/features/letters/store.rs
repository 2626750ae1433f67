//! Every SQL statement of the bureau's letters to units (portable SQL, binds).

use crate::kernel::store::{Pool, StoreError, Tx};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LetterRow {
    pub id: i64,
    pub kind: String,
    pub number: String,
    pub unit_code: String,
    pub subject: String,
    pub body: String,
    pub reply_by: String,
    pub issued_at: String,
    pub issued_by: Option<String>,
    pub answer: Option<String>,
    pub answer_text: Option<String>,
    pub answered_at: Option<String>,
    pub answered_by: Option<String>,
}

const LETTER: &str = "SELECT l.id, l.kind, l.number, l.unit_code, l.subject, l.body, l.reply_by, \
                      l.issued_at, i.display_name AS issued_by, l.answer, l.answer_text, \
                      l.answered_at, a.display_name AS answered_by \
                      FROM letters l \
                      LEFT JOIN staff_users i ON i.id = l.issued_by \
                      LEFT JOIN staff_users a ON a.id = l.answered_by";

/// A new letter; its id.
pub struct NewRow<'a> {
    pub kind: &'a str,
    pub year: i32,
    pub seq: i64,
    pub number: &'a str,
    pub unit: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub reply_by: &'a str,
    pub at: &'a str,
    pub staff: i64,
}

pub async fn insert(tx: &mut Tx, l: &NewRow<'_>) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO letters (kind, year, seq, number, unit_code, subject, body, reply_by, \
         issued_at, issued_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(l.kind)
    .bind(i64::from(l.year))
    .bind(l.seq)
    .bind(l.number)
    .bind(l.unit)
    .bind(l.subject)
    .bind(l.body)
    .bind(l.reply_by)
    .bind(l.at)
    .bind(l.staff)
    .fetch_one(&mut **tx)
    .await?)
}

pub async fn link(tx: &mut Tx, letter: i64, petition: i64) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO letter_cases (letter_id, petition_id) VALUES ($1, $2)")
        .bind(letter)
        .bind(petition)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The letters issued in `year` (all of them when `None`), to `unit` only when one is given,
/// newest first.
pub async fn list(
    pool: &Pool,
    year: Option<i32>,
    unit: Option<&str>,
) -> Result<Vec<LetterRow>, StoreError> {
    let mut sql = format!("{LETTER} WHERE 1 = 1");
    let mut n = 0;
    let mut next = || {
        n += 1;
        n
    };
    if year.is_some() {
        sql.push_str(&format!(" AND l.year = ${}", next()));
    }
    if unit.is_some() {
        sql.push_str(&format!(" AND l.unit_code = ${}", next()));
    }
    sql.push_str(" ORDER BY l.issued_at DESC, l.id DESC");
    let mut q = sqlx::query_as::<_, LetterRow>(&sql);
    if let Some(y) = year {
        q = q.bind(i64::from(y));
    }
    if let Some(u) = unit {
        q = q.bind(u.to_owned());
    }
    Ok(q.fetch_all(pool).await?)
}

pub async fn get(pool: &Pool, id: i64) -> Result<Option<LetterRow>, StoreError> {
    Ok(
        sqlx::query_as::<_, LetterRow>(&format!("{LETTER} WHERE l.id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

/// The numbers of the matters a letter names, in the order they were named.
pub async fn cases_of(pool: &Pool, letter: i64) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT p.number FROM letter_cases c JOIN petitions p ON p.id = c.petition_id \
         WHERE c.letter_id = $1 ORDER BY p.id",
    )
    .bind(letter)
    .fetch_all(pool)
    .await?)
}

/// The letters that name a matter: id, kind, number and the unit written to, oldest first.
pub async fn of_case(
    pool: &Pool,
    petition: i64,
) -> Result<Vec<(i64, String, String, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT l.id, l.kind, l.number, l.unit_code FROM letter_cases c JOIN letters l ON l.id = c.letter_id \
         WHERE c.petition_id = $1 ORDER BY l.id",
    )
    .bind(petition)
    .fetch_all(pool)
    .await?)
}

/// Records the unit's answer on a letter not yet answered; whether it was (false: answered
/// before, or no such letter).
pub async fn answer(
    tx: &mut Tx,
    id: i64,
    answer: &str,
    text: &str,
    at: &str,
    staff: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE letters SET answer = $1, answer_text = $2, answered_at = $3, answered_by = $4 \
         WHERE id = $5 AND answer IS NULL",
    )
    .bind(answer)
    .bind(text)
    .bind(at)
    .bind(staff)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
