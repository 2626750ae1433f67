//! Languages. Every page is written once, in Simplified Chinese; the server turns the finished HTML
//! into the reader's language before it leaves (`html::rewrite`):
//! - **繁體**: every text node and label attribute through zhconv, so the Traditional text always
//!   follows the Simplified source and the browser never downloads a conversion table;
//! - **English**: every text node looked up, whole, in one catalogue (`en.tsv`, Simplified → English,
//!   with `{}` placeholders for numbers, dates and names), so a page cannot carry an English string
//!   that has no Chinese source, and a unit test fails when a Chinese string in the code has no English.
//!
//! The bureau's own texts (its name, address, districts, units) take their English from the
//! config's `[english]` table (`Names`). Two markers steer the rest: `translate="no"` (the HTML
//! standard's own) keeps an element exactly as it is in every language — what someone typed, the
//! language switch's names; `lang="zh-Hans"` marks content that exists in Chinese only (guides,
//! statute texts, staff replies and notes): English pages keep it in Chinese, correctly tagged for
//! screen readers, and 繁體 pages convert it and retag it `zh-Hant`. Chinese the catalogue lacks is
//! kept and tagged `data-untranslated` (the browser tests fail on it).

#[cfg(feature = "ssr")]
pub mod html;
#[cfg(feature = "ssr")]
pub mod messages;
pub mod pattern;

#[cfg(feature = "ssr")]
use crate::domain::prefs::Lang;
#[cfg(feature = "ssr")]
use std::{
    collections::{BTreeMap, HashMap},
    sync::LazyLock,
};

/// The bureau's own English for its configured texts (`[english]` in the config).
#[cfg(feature = "ssr")]
pub type Names = BTreeMap<String, String>;

/// Whether pages under this path are translated. The workbench stays in Simplified Chinese (issue
/// #6 allows it); everything the public sees is translated.
pub fn translated_path(path: &str) -> bool {
    !(path == "/staff" || path.starts_with("/staff/") || path.starts_with("/staff?"))
}

/// The language of the page at `path` for a reader with these preferences: their choice, except
/// on the workbench. The page's `<html lang>` and the rewrite of its HTML both come from here.
pub fn page_lang(prefs: crate::domain::prefs::Prefs, path: &str) -> crate::domain::prefs::Lang {
    if translated_path(path) {
        prefs.lang
    } else {
        crate::domain::prefs::Lang::Simplified
    }
}

/// Whether the text contains a Han character.
pub fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// The English catalogue: exact strings, then patterns with `{}` placeholders.
#[cfg(feature = "ssr")]
pub struct Catalogue {
    exact: HashMap<&'static str, &'static str>,
    patterns: Vec<pattern::Pattern<'static>>,
}

#[cfg(feature = "ssr")]
pub static ENGLISH: LazyLock<Catalogue> =
    LazyLock::new(|| Catalogue::parse(include_str!("en.tsv")));

#[cfg(feature = "ssr")]
impl Catalogue {
    /// Parses `Simplified<TAB>English` lines (see `is_comment`). Malformed lines are
    /// refused by the unit tests, and skipped here.
    pub fn parse(text: &'static str) -> Self {
        let mut exact = HashMap::new();
        let mut patterns = Vec::new();
        for (zh, en) in entries(text) {
            if zh.contains("{}") {
                patterns.push(pattern::Pattern::new(zh, en));
            } else {
                exact.insert(zh, en);
            }
        }
        // The most specific pattern first: the one with the most literal text.
        patterns.sort_by_key(|p| std::cmp::Reverse(p.literal_len()));
        Self { exact, patterns }
    }

    /// The English of a catalogue entry, by its exact key (templates included).
    pub fn entry(&self, key: &str) -> Option<&'static str> {
        self.exact.get(key).copied().or_else(|| {
            self.patterns
                .iter()
                .find(|p| p.key() == key)
                .map(|p| p.english())
        })
    }

    /// The English for a piece of Chinese text (surrounding white space kept), or None when the
    /// catalogue has no entry for it.
    pub fn translate(&self, text: &str, names: &Names) -> Option<String> {
        let trimmed = text.trim();
        if !has_han(trimmed) {
            return None;
        }
        let start = text.len() - text.trim_start().len();
        let end = start + trimmed.len();
        // The two markers are ours: never let a typed text carry them into the page.
        let cleaned;
        let trimmed = if trimmed.contains([KEPT_START, KEPT_END]) {
            cleaned = trimmed.replace([KEPT_START, KEPT_END], "");
            cleaned.as_str()
        } else {
            trimmed
        };
        let english = self.lookup(trimmed, names)?;
        Some(format!("{}{english}{}", &text[..start], &text[end..]))
    }

    /// A whole entry: exact text, a bureau name, or a date.
    fn entry_of(&self, text: &str, names: &Names) -> Option<String> {
        if let Some(en) = self.exact.get(text) {
            return Some((*en).to_owned());
        }
        if let Some(en) = names.get(text) {
            return Some(en.clone());
        }
        english_date(text)
    }

    /// An entry, else a template whose pieces in between translate whole: as entries, or as one
    /// more template whose own pieces are all entries ("出现问题：{}" inside "{} · 法律援助自查").
    /// What fills a placeholder may be someone's own words, so nothing is translated half: "请求…"
    /// never turns a reason a citizen wrote into half-English. A piece that does not translate
    /// stays Chinese, marked, when the template has words of its own (a name in a sentence).
    fn lookup(&self, text: &str, names: &Names) -> Option<String> {
        self.lookup_at(text, names, false)
    }

    fn lookup_at(&self, text: &str, names: &Names, nested: bool) -> Option<String> {
        if let Some(found) = self.entry_of(text, names) {
            return Some(found);
        }
        self.patterns.iter().find_map(|p| {
            p.apply(text, |capture| {
                if !has_han(capture) {
                    return Some(capture.to_owned());
                }
                let piece = capture.trim();
                if let Some(found) = self.entry_of(piece, names) {
                    return Some(found);
                }
                if nested {
                    return None;
                }
                self.lookup_at(piece, names, true).or_else(|| {
                    p.has_words()
                        .then(|| format!("{KEPT_START}{capture}{KEPT_END}"))
                })
            })
        })
    }
}

/// Around Chinese kept inside an English sentence (private-use characters, never in real text).
pub const KEPT_START: char = '\u{e000}';
pub const KEPT_END: char = '\u{e001}';

/// The page's field messages for the browser, as a JSON array of [Chinese, translation] pairs
/// (`<` escaped so that it can sit in a `<script type="application/json">`); None on Simplified
/// pages.
#[cfg(feature = "ssr")]
pub fn field_messages_json(lang: Lang) -> Option<String> {
    if lang == Lang::Simplified {
        return None;
    }
    let quote = |s: &str| {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '<' => out.push_str("\\u003c"),
                c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    let pairs: Vec<String> = crate::features::petition::journey::field_message_texts()
        .into_iter()
        .map(|zh| {
            let tr = match lang {
                Lang::English => ENGLISH.entry(zh).unwrap_or(zh).to_owned(),
                _ => translate(lang, zh, &Names::new()),
            };
            format!("[{},{}]", quote(zh), quote(&tr))
        })
        .collect();
    Some(format!("[{}]", pairs.join(",")))
}

/// Blank lines, and lines starting with `#` that hold no tab (a Markdown heading can be a key).
pub fn is_comment(line: &str) -> bool {
    line.trim().is_empty() || (line.starts_with('#') && !line.contains('\t'))
}

/// `Simplified<TAB>English` pairs of a catalogue file.
pub fn entries(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .filter(|l| !is_comment(l))
        .filter_map(|l| l.split_once('\t'))
}

/// Dates as the pages write them (`2026年12月8日`, `2026年12月8日 14:05`, `2026年12月`) in
/// English (`8 December 2026`).
#[cfg(feature = "ssr")]
fn english_date(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let year: u32 = year.parse().ok()?;
    let month = MONTHS.get(month.parse::<usize>().ok()?.checked_sub(1)?)?;
    if rest.is_empty() {
        return Some(format!("{month} {year}"));
    }
    let (day, time) = rest.split_once('日')?;
    let day: u32 = day.parse().ok()?;
    let time = time.trim();
    if time.is_empty() {
        Some(format!("{day} {month} {year}"))
    } else if time.len() == 5
        && time.as_bytes()[2] == b':'
        && time.bytes().filter(u8::is_ascii_digit).count() == 4
    {
        Some(format!("{day} {month} {year}, {time}"))
    } else {
        None
    }
}

/// A text in the reader's language: converted to Traditional script, translated to English
/// (unchanged when the catalogue has no entry), or as it is.
#[cfg(feature = "ssr")]
pub fn translate(lang: Lang, text: &str, names: &Names) -> String {
    match lang {
        Lang::Simplified => text.to_owned(),
        Lang::Traditional => zhconv::zhconv(text, zhconv::Variant::ZhHant),
        Lang::English => ENGLISH
            .translate(text, names)
            .map(|t| t.replace([KEPT_START, KEPT_END], ""))
            .unwrap_or_else(|| text.to_owned()),
    }
}

#[cfg(all(test, feature = "ssr"))]
mod catalogue_tests;
#[cfg(all(test, feature = "ssr"))]
mod tests;

/// The reader's preferences from a request's `Cookie` and `Accept-Language` headers.
#[cfg(feature = "ssr")]
pub fn prefs_from_headers(headers: &http::HeaderMap) -> crate::domain::prefs::Prefs {
    let get = |name| headers.get(name).and_then(|v| v.to_str().ok());
    crate::domain::prefs::Prefs::from_headers(
        get(http::header::COOKIE),
        get(http::header::ACCEPT_LANGUAGE),
    )
}
