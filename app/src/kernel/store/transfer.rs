//! Moving a portal's data from SQLite to PostgreSQL (`server migrate-data`): every table, its
//! rows as they are, in one PostgreSQL transaction that commits only once both sides are found
//! to hold the same rows.
//!
//! The tables, their columns and their types are read from the target (PostgreSQL's catalogue,
//! after its migrations): the source must have exactly those tables and columns, else the two
//! migration folders have drifted apart and nothing is copied. Tables are filled in the order
//! their foreign keys need, identity columns are then moved past the highest id copied, and each
//! table is checked by its row count and by a digest of its rows (independent of their order)
//! on both sides. The statements here are PostgreSQL's and SQLite's own catalogue queries: the
//! one place of the store that must speak each backend's dialect to the other.

use super::{Pool, StoreError};
use futures_util::TryStreamExt as _;
use sha2::{Digest as _, Sha256};
use sqlx::Row as _;
use std::collections::{BTreeMap, BTreeSet};

/// What a column holds, as both backends read it through the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    Integer,
    Text,
    Bytes,
}

#[derive(Clone, Debug)]
pub struct Column {
    pub name: String,
    pub kind: ColumnType,
}

/// A table of the target, with its columns in order and its identity column, if any.
#[derive(Clone, Debug)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    pub identity: Option<String>,
}

/// One stored value.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    Null,
    Integer(i64),
    Text(String),
    Bytes(Vec<u8>),
}

/// A table's rows on one side: how many, and a digest of them that does not depend on their
/// order (the sum of each row's SHA-256).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowsDigest {
    pub rows: u64,
    sum: [u64; 4],
}

impl RowsDigest {
    fn add(&mut self, row: &[Value]) {
        let mut hash = Sha256::new();
        for value in row {
            match value {
                Value::Null => hash.update([0]),
                Value::Integer(n) => {
                    hash.update([1]);
                    hash.update(n.to_be_bytes());
                }
                Value::Text(s) => {
                    hash.update([2]);
                    hash.update((s.len() as u64).to_be_bytes());
                    hash.update(s.as_bytes());
                }
                Value::Bytes(b) => {
                    hash.update([3]);
                    hash.update((b.len() as u64).to_be_bytes());
                    hash.update(b);
                }
            }
        }
        let hash = hash.finalize();
        for (lane, part) in self.sum.iter_mut().zip(hash.chunks_exact(8)) {
            let mut word = [0; 8];
            word.copy_from_slice(part);
            *lane = lane.wrapping_add(u64::from_be_bytes(word));
        }
        self.rows += 1;
    }

    /// The digest in hex (64 digits).
    pub fn hex(&self) -> String {
        self.sum.iter().map(|w| format!("{w:016x}")).collect()
    }
}

/// The attachments' bytes on one side: files, bytes, and one SHA-256 over every file in the
/// order of their tokens (each token, then its pieces in order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilesDigest {
    pub files: u64,
    pub bytes: u64,
    pub sha256: String,
}

/// One table as copied: its rows on each side.
#[derive(Clone, Debug)]
pub struct TableCopy {
    pub table: String,
    pub source: RowsDigest,
    pub target: RowsDigest,
}

/// What `copy` did, checked on both sides.
#[derive(Clone, Debug)]
pub struct Transfer {
    pub tables: Vec<TableCopy>,
    pub source_files: FilesDigest,
    pub target_files: FilesDigest,
}

#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "the target database already holds data (in {}): migrate into an empty database, before any server has been started on it",
        .0.join(", ")
    )]
    TargetNotEmpty(Vec<String>),
    #[error(
        "the source and the target do not have the same tables and columns ({0}); run this version's server once on the source, or report a migration that was not written for both databases"
    )]
    SchemaDiffers(String),
    #[error("the column {table}.{column} has the type {kind}, which this command cannot copy yet")]
    UnknownType {
        table: String,
        column: String,
        kind: String,
    },
    #[error("the foreign keys between {0} form a cycle: there is no order to fill them in")]
    Cycle(String),
    #[error(
        "after copying, the two sides differ (in {}): nothing was committed to the target",
        .0.join(", ")
    )]
    Differs(Vec<String>),
}

impl From<sqlx::Error> for TransferError {
    fn from(e: sqlx::Error) -> Self {
        Self::Store(StoreError::Database(e))
    }
}

/// Tables that belong to the migration tool or the database itself, not to the portal.
fn is_internal(table: &str) -> bool {
    table == "_sqlx_migrations" || table.starts_with("sqlite_")
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The portal's tables on the PostgreSQL `target`, in an order their foreign keys allow to fill.
pub async fn tables_of(target: &Pool) -> Result<Vec<Table>, TransferError> {
    let columns: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_identity::text \
         FROM information_schema.columns c JOIN information_schema.tables t \
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
         WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' \
         ORDER BY c.table_name, c.ordinal_position",
    )
    .fetch_all(target)
    .await?;
    let mut tables: BTreeMap<String, Table> = BTreeMap::new();
    for (table, column, kind, identity) in columns {
        if is_internal(&table) {
            continue;
        }
        let column_type = match kind.as_str() {
            "bigint" | "integer" | "smallint" => ColumnType::Integer,
            "text" | "character varying" => ColumnType::Text,
            "bytea" => ColumnType::Bytes,
            _ => {
                return Err(TransferError::UnknownType {
                    table,
                    column,
                    kind,
                });
            }
        };
        let entry = tables.entry(table.clone()).or_insert_with(|| Table {
            name: table,
            columns: Vec::new(),
            identity: None,
        });
        if identity == "YES" {
            entry.identity = Some(column.clone());
        }
        entry.columns.push(Column {
            name: column,
            kind: column_type,
        });
    }
    let keys: Vec<(String, String)> = sqlx::query_as(
        "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint \
         WHERE contype = 'f' AND connamespace = current_schema()::regnamespace",
    )
    .fetch_all(target)
    .await?;
    let mut needs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in keys {
        let (from, to) = (
            from.trim_matches('"').to_owned(),
            to.trim_matches('"').to_owned(),
        );
        // A table referring to itself (a petition to an earlier one) is filled in id order.
        if from != to {
            needs.entry(from).or_default().insert(to);
        }
    }
    let mut ordered = Vec::with_capacity(tables.len());
    let mut left = tables;
    while !left.is_empty() {
        let ready: Vec<String> = left
            .keys()
            .filter(|t| {
                needs
                    .get(*t)
                    .is_none_or(|n| n.iter().all(|d| !left.contains_key(d)))
            })
            .cloned()
            .collect();
        if ready.is_empty() {
            return Err(TransferError::Cycle(
                left.keys().cloned().collect::<Vec<_>>().join(", "),
            ));
        }
        for name in ready {
            if let Some(table) = left.remove(&name) {
                ordered.push(table);
            }
        }
    }
    Ok(ordered)
}

/// The SQLite `source`'s tables and their columns.
async fn sqlite_columns(
    source: &mut sqlx::AnyConnection,
) -> Result<BTreeMap<String, BTreeSet<String>>, TransferError> {
    let names: Vec<(String,)> =
        sqlx::query_as("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&mut *source)
            .await?;
    let mut tables = BTreeMap::new();
    for (name,) in names {
        if is_internal(&name) {
            continue;
        }
        let columns: Vec<(String,)> = sqlx::query_as("SELECT name FROM pragma_table_info($1)")
            .bind(&name)
            .fetch_all(&mut *source)
            .await?;
        tables.insert(name, columns.into_iter().map(|(c,)| c).collect());
    }
    Ok(tables)
}

/// What differs between the target's tables and the source's, in words; empty if nothing.
fn schema_differences(
    target: &[Table],
    source: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let mut differences = Vec::new();
    for table in target {
        match source.get(&table.name) {
            None => differences.push(format!("{} is missing from the source", table.name)),
            Some(columns) => {
                let wanted: BTreeSet<String> =
                    table.columns.iter().map(|c| c.name.clone()).collect();
                for c in wanted.difference(columns) {
                    differences.push(format!("the source lacks {}.{c}", table.name));
                }
                for c in columns.difference(&wanted) {
                    differences.push(format!("the target lacks {}.{c}", table.name));
                }
            }
        }
    }
    for name in source.keys() {
        if !target.iter().any(|t| &t.name == name) {
            differences.push(format!("{name} is missing from the target"));
        }
    }
    differences
}

fn select_all(table: &Table) -> String {
    let columns: Vec<String> = table.columns.iter().map(|c| quoted(&c.name)).collect();
    let order = table
        .identity
        .as_deref()
        .map(|id| format!(" ORDER BY {}", quoted(id)))
        .unwrap_or_default();
    format!(
        "SELECT {} FROM {}{order}",
        columns.join(", "),
        quoted(&table.name)
    )
}

fn decode(table: &Table, row: &sqlx::any::AnyRow) -> Result<Vec<Value>, TransferError> {
    let mut values = Vec::with_capacity(table.columns.len());
    for (i, column) in table.columns.iter().enumerate() {
        let unreadable = |e: sqlx::Error| {
            TransferError::Store(StoreError::Corrupt {
                what: "value",
                value: format!("{}.{}: {e}", table.name, column.name),
            })
        };
        let value = match column.kind {
            ColumnType::Integer => row
                .try_get::<Option<i64>, _>(i)
                .map_err(unreadable)?
                .map(Value::Integer),
            ColumnType::Text => row
                .try_get::<Option<String>, _>(i)
                .map_err(unreadable)?
                .map(Value::Text),
            ColumnType::Bytes => row
                .try_get::<Option<Vec<u8>>, _>(i)
                .map_err(unreadable)?
                .map(Value::Bytes),
        };
        values.push(value.unwrap_or(Value::Null));
    }
    Ok(values)
}

/// Every row of `table` on `pool`, as stored (for comparing two databases row by row).
pub async fn rows(pool: &Pool, table: &Table) -> Result<Vec<Vec<Value>>, TransferError> {
    let found = sqlx::query(&select_all(table)).fetch_all(pool).await?;
    found.iter().map(|row| decode(table, row)).collect()
}

async fn digest_of(
    conn: &mut sqlx::AnyConnection,
    table: &Table,
) -> Result<RowsDigest, TransferError> {
    let mut digest = RowsDigest::default();
    let sql = select_all(table);
    let mut found = sqlx::query(&sql).fetch(&mut *conn);
    while let Some(row) = found.try_next().await? {
        digest.add(&decode(table, &row)?);
    }
    Ok(digest)
}

async fn count_of(conn: &mut sqlx::AnyConnection, table: &Table) -> Result<u64, TransferError> {
    let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {}", quoted(&table.name)))
        .fetch_one(&mut *conn)
        .await?;
    Ok(u64::try_from(n).unwrap_or(0))
}

async fn files_digest(conn: &mut sqlx::AnyConnection) -> Result<FilesDigest, TransferError> {
    let mut tokens: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT token FROM attachment_chunks")
            .fetch_all(&mut *conn)
            .await?;
    // Sorted here, not by the database: the two order text by different collations.
    tokens.sort();
    let mut hash = Sha256::new();
    let mut bytes = 0u64;
    for token in &tokens {
        hash.update(token.as_bytes());
        hash.update([0]);
        let mut pieces = sqlx::query_scalar::<_, Vec<u8>>(
            "SELECT bytes FROM attachment_chunks WHERE token = $1 ORDER BY seq",
        )
        .bind(token)
        .fetch(&mut *conn);
        while let Some(piece) = pieces.try_next().await? {
            bytes += piece.len() as u64;
            hash.update(&piece);
        }
    }
    Ok(FilesDigest {
        files: tokens.len() as u64,
        bytes,
        sha256: hex(&hash.finalize()),
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The most parameters one INSERT binds (PostgreSQL allows 65 535), and the most bytes a batch
/// holds before it is sent.
const BATCH_PARAMETERS: usize = 8_000;
const BATCH_BYTES: usize = 4 * 1024 * 1024;

fn insert_statement(table: &Table, rows: usize) -> String {
    let columns: Vec<String> = table.columns.iter().map(|c| quoted(&c.name)).collect();
    let width = table.columns.len();
    let tuples: Vec<String> = (0..rows)
        .map(|r| {
            let slots: Vec<String> = (1..=width).map(|c| format!("${}", r * width + c)).collect();
            format!("({})", slots.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO {} ({}) VALUES {}",
        quoted(&table.name),
        columns.join(", "),
        tuples.join(", ")
    )
}

async fn insert_batch(
    target: &mut sqlx::AnyConnection,
    table: &Table,
    batch: &mut Vec<Vec<Value>>,
) -> Result<(), TransferError> {
    if batch.is_empty() {
        return Ok(());
    }
    let sql = insert_statement(table, batch.len());
    let mut query = sqlx::query(&sql);
    for row in batch.iter() {
        for (value, column) in row.iter().zip(&table.columns) {
            query = match (value, column.kind) {
                (Value::Integer(n), _) => query.bind(*n),
                (Value::Text(s), _) => query.bind(s.as_str()),
                (Value::Bytes(b), _) => query.bind(b.as_slice()),
                (Value::Null, ColumnType::Integer) => query.bind(None::<i64>),
                (Value::Null, ColumnType::Text) => query.bind(None::<String>),
                (Value::Null, ColumnType::Bytes) => query.bind(None::<Vec<u8>>),
            };
        }
    }
    query.execute(&mut *target).await?;
    batch.clear();
    Ok(())
}

fn size_of(row: &[Value]) -> usize {
    row.iter()
        .map(|v| match v {
            Value::Text(s) => s.len(),
            Value::Bytes(b) => b.len(),
            _ => 8,
        })
        .sum()
}

/// Copies every table of the SQLite `source` into the empty PostgreSQL `target` (both migrated
/// to this version), reading the source in one snapshot and writing the target in one
/// transaction that is committed only if every table's count and digest, and the attachments'
/// checksum, are the same on both sides.
pub async fn copy(source: &Pool, target: &Pool) -> Result<Transfer, TransferError> {
    let tables = tables_of(target).await?;
    let mut src = source.begin().await?;
    let differences = schema_differences(&tables, &sqlite_columns(&mut src).await?);
    if !differences.is_empty() {
        return Err(TransferError::SchemaDiffers(differences.join("; ")));
    }
    let mut dst = target.begin().await?;
    let names: Vec<String> = tables.iter().map(|t| quoted(&t.name)).collect();
    // No server writes while the copy runs, nor starts seeding an empty database meanwhile.
    sqlx::query(&format!(
        "LOCK TABLE {} IN EXCLUSIVE MODE",
        names.join(", ")
    ))
    .execute(&mut *dst)
    .await?;
    let mut holding = Vec::new();
    for table in &tables {
        if count_of(&mut dst, table).await? > 0 {
            holding.push(table.name.clone());
        }
    }
    if !holding.is_empty() {
        return Err(TransferError::TargetNotEmpty(holding));
    }
    let mut copies = Vec::with_capacity(tables.len());
    for table in &tables {
        let per_batch = (BATCH_PARAMETERS / table.columns.len().max(1)).max(1);
        let mut digest = RowsDigest::default();
        let mut batch = Vec::with_capacity(per_batch);
        let mut batch_bytes = 0;
        let sql = select_all(table);
        let mut found = sqlx::query(&sql).fetch(&mut *src);
        while let Some(row) = found.try_next().await? {
            let row = decode(table, &row)?;
            digest.add(&row);
            batch_bytes += size_of(&row);
            batch.push(row);
            if batch.len() >= per_batch || batch_bytes >= BATCH_BYTES {
                insert_batch(&mut dst, table, &mut batch).await?;
                batch_bytes = 0;
            }
        }
        drop(found);
        insert_batch(&mut dst, table, &mut batch).await?;
        if count_of(&mut src, table).await? != digest.rows {
            return Err(TransferError::Differs(vec![table.name.clone()]));
        }
        if let Some(id) = &table.identity {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence($1, $2), \
                 (SELECT COALESCE(MAX({id}), 0) + 1 FROM {table}), false)",
                id = quoted(id),
                table = quoted(&table.name)
            ))
            .bind(&table.name)
            .bind(id)
            .execute(&mut *dst)
            .await?;
        }
        copies.push(TableCopy {
            table: table.name.clone(),
            source: digest,
            target: RowsDigest::default(),
        });
    }
    for (copy, table) in copies.iter_mut().zip(&tables) {
        copy.target = digest_of(&mut dst, table).await?;
        if count_of(&mut dst, table).await? != copy.target.rows {
            copy.target.rows = u64::MAX;
        }
    }
    let source_files = files_digest(&mut src).await?;
    let target_files = files_digest(&mut dst).await?;
    let mut differ: Vec<String> = copies
        .iter()
        .filter(|c| c.source != c.target)
        .map(|c| c.table.clone())
        .collect();
    if source_files != target_files {
        differ.push("the attachments' bytes".to_owned());
    }
    if !differ.is_empty() {
        return Err(TransferError::Differs(differ));
    }
    dst.commit().await?;
    src.rollback().await?;
    Ok(Transfer {
        tables: copies,
        source_files,
        target_files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, columns: &[&str]) -> Table {
        Table {
            name: name.into(),
            columns: columns
                .iter()
                .map(|c| Column {
                    name: (*c).into(),
                    kind: ColumnType::Text,
                })
                .collect(),
            identity: None,
        }
    }

    #[test]
    fn a_digest_does_not_depend_on_the_order_of_rows_but_on_every_value() {
        let rows = [
            vec![Value::Integer(1), Value::Text("甲".into()), Value::Null],
            vec![Value::Integer(2), Value::Bytes(vec![0, 1]), Value::Null],
        ];
        let (mut a, mut b) = (RowsDigest::default(), RowsDigest::default());
        a.add(&rows[0]);
        a.add(&rows[1]);
        b.add(&rows[1]);
        b.add(&rows[0]);
        assert_eq!(a, b);
        assert_eq!(a.rows, 2);
        let mut c = RowsDigest::default();
        c.add(&rows[0]);
        c.add(&[Value::Integer(2), Value::Bytes(vec![0, 2]), Value::Null]);
        assert_ne!(a, c);
        // A NULL is not an empty text, and a text is not the same bytes.
        let (mut n, mut e, mut t) = Default::default();
        RowsDigest::add(&mut n, &[Value::Null]);
        RowsDigest::add(&mut e, &[Value::Text(String::new())]);
        RowsDigest::add(&mut t, &[Value::Bytes(Vec::new())]);
        assert!(n != e && e != t && n != t);
    }

    #[test]
    fn differences_of_tables_and_columns_are_each_named() {
        let target = [
            table("petitions", &["id", "title"]),
            table("replies", &["id"]),
        ];
        let mut source = BTreeMap::new();
        source.insert(
            "petitions".to_owned(),
            ["id", "old"].map(String::from).into_iter().collect(),
        );
        source.insert("extra".to_owned(), BTreeSet::new());
        assert_eq!(
            schema_differences(&target, &source),
            [
                "the source lacks petitions.title",
                "the target lacks petitions.old",
                "replies is missing from the source",
                "extra is missing from the target",
            ]
        );
        source.remove("extra");
        source.insert(
            "petitions".to_owned(),
            ["id", "title"].map(String::from).into_iter().collect(),
        );
        source.insert(
            "replies".to_owned(),
            ["id"].map(String::from).into_iter().collect(),
        );
        assert!(schema_differences(&target, &source).is_empty());
    }

    #[test]
    fn an_insert_numbers_every_value_of_every_row() {
        assert_eq!(
            insert_statement(&table("t", &["a", "b"]), 2),
            "INSERT INTO \"t\" (\"a\", \"b\") VALUES ($1, $2), ($3, $4)"
        );
        assert_eq!(quoted("we\"ird"), "\"we\"\"ird\"");
    }
}
