//! A table of the workbench as a download: CSV (UTF-8 with a byte-order mark, so that Excel
//! reads the Chinese as such; quoted by the `csv` crate) or an XLSX workbook (`rust_xlsxwriter`),
//! never cached and never shown by the portal's origin. Every cell a spreadsheet would run as a
//! formula is written plain (`domain::case::search::plain_cell`).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A table: its column headings and its rows of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The sheet's name in a workbook (at most 31 characters).
    pub name: String,
    pub headings: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The formats of a download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn parse(ext: &str) -> Option<Self> {
        match ext {
            "csv" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            _ => None,
        }
    }

    fn ext(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }

    fn media_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

fn plain(text: &str) -> String {
    crate::domain::case::search::plain_cell(text)
}

/// The table as CSV.
pub fn csv(table: &Table) -> Result<Vec<u8>, String> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(table.headings.iter().map(|h| plain(h)))
            .map_err(|e| e.to_string())?;
        for row in &table.rows {
            w.write_record(row.iter().map(|c| plain(c)))
                .map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The table as an XLSX workbook of one sheet: the headings bold and frozen, every cell text.
pub fn xlsx(table: &Table) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format as CellFormat, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let name: String = table.name.chars().take(31).collect();
    sheet.set_name(&name).map_err(|e| e.to_string())?;
    let bold = CellFormat::new().set_bold();
    for (c, h) in table.headings.iter().enumerate() {
        let col = u16::try_from(c).map_err(|e| e.to_string())?;
        sheet
            .write_string_with_format(0, col, plain(h), &bold)
            .map_err(|e| e.to_string())?;
        sheet.set_column_width(col, 14).map_err(|e| e.to_string())?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let at = u32::try_from(r + 1).map_err(|e| e.to_string())?;
        for (c, cell) in row.iter().enumerate() {
            let col = u16::try_from(c).map_err(|e| e.to_string())?;
            sheet
                .write_string(at, col, plain(cell))
                .map_err(|e| e.to_string())?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// The table as a download named `stem.csv` or `stem.xlsx`.
pub fn download(table: &Table, format: Format, stem: &str) -> Response {
    let bytes = match format {
        Format::Csv => csv(table),
        Format::Xlsx => xlsx(table),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "cannot write an export");
            return (StatusCode::SERVICE_UNAVAILABLE, "暂时无法导出，请稍后再试").into_response();
        }
    };
    let name = format!("{stem}.{}", format.ext());
    let encoded = percent_encoding::utf8_percent_encode(&name, percent_encoding::NON_ALPHANUMERIC);
    let disposition = format!(
        "attachment; filename=\"export.{}\"; filename*=UTF-8''{encoded}",
        format.ext()
    );
    crate::kernel::files::download::attachment(bytes, format.media_type().to_owned(), disposition)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            name: "信访事项".into(),
            headings: vec!["编号".into(), "标题".into()],
            rows: vec![
                vec!["XF1".into(), "电梯, \"停用\"".into()],
                vec!["XF2".into(), "=1+1".into()],
            ],
        }
    }

    #[test]
    fn csv_is_quoted_with_a_bom_and_formulas_made_plain() {
        let text = String::from_utf8(csv(&table()).unwrap()).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("XF1,\"电梯, \"\"停用\"\"\"\n"), "{text}");
        assert!(text.contains("XF2,'=1+1\n"));
    }

    #[test]
    fn a_workbook_is_a_zip() {
        let bytes = xlsx(&table()).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
