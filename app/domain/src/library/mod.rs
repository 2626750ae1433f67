//! 普法园地 and the statute library (条例 第18条): how a guide's Markdown source and an imported law
//! text are read, and how search finds and highlights words in them.
//!
//! Search is plain substring matching over the documents' text after both sides are brought to
//! Simplified script: Chinese has no spaces between words, so a two-character word such as 复查
//! or 调解 is found wherever it occurs, and a longer phrase only where it occurs whole. The
//! library is small (guides, an FAQ, a few laws), so no index is needed; the SQL stays portable.

use crate::message::Msg;
use serde::{Deserialize, Serialize};

/// The kinds of document in the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    Guide,
    Faq,
    Statute,
}

impl DocKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Guide => "guide",
            Self::Faq => "faq",
            Self::Statute => "statute",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::Guide, Self::Faq, Self::Statute]
            .into_iter()
            .find(|k| k.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            Self::Guide => Msg::new("doc-kind-guide"),
            Self::Faq => Msg::new("doc-kind-faq"),
            Self::Statute => Msg::new("doc-kind-statute"),
        }
    }
}

/// Why a source text cannot be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceProblem {
    /// The first line must be `# 标题`.
    NoTitle,
    /// A summary paragraph must follow the title.
    NoSummary,
    /// Nothing after the summary.
    NoBody,
    /// A law text without a single `第…条`.
    NoArticles,
}

impl SourceProblem {
    pub fn message(&self) -> Msg {
        match self {
            Self::NoTitle => Msg::new("source-no-title"),
            Self::NoSummary => Msg::new("source-no-summary"),
            Self::NoBody => Msg::new("source-no-body"),
            Self::NoArticles => Msg::new("source-no-articles"),
        }
    }
}

/// A guide or the FAQ as written: title line, summary paragraph, body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuideSource {
    pub title: String,
    pub summary: String,
    pub body: String,
}

/// Reads `# 标题`, a blank line, the summary paragraph, then the body.
pub fn parse_guide(source: &str) -> Result<GuideSource, SourceProblem> {
    let text = source.replace("\r\n", "\n");
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let title = first
        .strip_prefix("# ")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or(SourceProblem::NoTitle)?;
    let rest = rest.trim_start();
    let (summary, body) = rest.split_once("\n\n").unwrap_or((rest, ""));
    let summary = summary.trim();
    if summary.is_empty() || summary.starts_with('#') {
        return Err(SourceProblem::NoSummary);
    }
    let body = body.trim();
    if body.is_empty() {
        return Err(SourceProblem::NoBody);
    }
    Ok(GuideSource {
        title: title.to_owned(),
        summary: summary.split_whitespace().collect::<Vec<_>>().join(" "),
        body: body.to_owned(),
    })
}

/// The generated charts a guide may place on a line of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Chart {
    /// `{{时限图}}`: the statutory clock.
    TimeLimits,
    /// `{{流程图}}`: the six routes of 第31条.
    Routes,
}

impl Chart {
    pub const ALL: [Self; 2] = [Self::TimeLimits, Self::Routes];

    pub fn marker(self) -> &'static str {
        match self {
            Self::TimeLimits => "{{时限图}}",
            Self::Routes => "{{流程图}}",
        }
    }
}

/// One block of a law text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatuteBlock {
    /// `## 第一章 总则` (and `###` 节).
    Heading { level: u8, text: String },
    /// An article: its number as written (`第三十四条`, also its anchor) and its paragraphs, the
    /// first without the number.
    Article {
        number: String,
        paragraphs: Vec<String>,
    },
}

/// A law text as imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statute {
    pub title: String,
    /// Lines before the first chapter or article (adoption dates and the like).
    pub preamble: Vec<String>,
    pub blocks: Vec<StatuteBlock>,
}

impl Statute {
    /// The article numbered `number` (`第三十四条`), its paragraphs joined by newlines.
    pub fn article(&self, number: &str) -> Option<String> {
        self.blocks.iter().find_map(|b| match b {
            StatuteBlock::Article {
                number: n,
                paragraphs,
            } if n == number => Some(paragraphs.join("\n")),
            _ => None,
        })
    }

    pub fn article_count(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| matches!(b, StatuteBlock::Article { .. }))
            .count()
    }
}

const NUMERALS: &str = "零〇一二三四五六七八九十百千";

/// `第三十四条 text…` → (`第三十四条`, `text…`).
fn article_start(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('第')?;
    let digits = rest
        .char_indices()
        .take_while(|(_, c)| NUMERALS.contains(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let after = rest[digits..].strip_prefix('条')?;
    let end = line.len() - after.len();
    let body = after.trim_start_matches([' ', '\u{3000}', '\t']);
    // "第三条规定的" inside a sentence is not an article: the number is followed by a space.
    if body.len() == after.len() && !after.is_empty() {
        return None;
    }
    Some((&line[..end], body))
}

/// Reads a law text in the form of `reference/laws/*.md`: `# 名称`, preamble lines, `## 章`
/// headings, and articles that start a paragraph with `第…条` (later paragraphs belong to the
/// article until the next article or heading). HTML comments are skipped.
pub fn parse_statute(source: &str) -> Result<Statute, SourceProblem> {
    let text = source.replace("\r\n", "\n");
    let mut title = None;
    let mut preamble = Vec::new();
    let mut blocks: Vec<StatuteBlock> = Vec::new();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || (line.starts_with("<!--") && line.ends_with("-->")) {
            continue;
        }
        if title.is_none() {
            match line.strip_prefix("# ") {
                Some(t) if !t.trim().is_empty() => {
                    title = Some(t.trim().to_owned());
                    continue;
                }
                _ => return Err(SourceProblem::NoTitle),
            }
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if hashes >= 2 && line[hashes..].starts_with(' ') {
            blocks.push(StatuteBlock::Heading {
                level: u8::try_from(hashes).unwrap_or(6),
                text: line[hashes..].trim().to_owned(),
            });
        } else if let Some((number, body)) = article_start(line) {
            blocks.push(StatuteBlock::Article {
                number: number.to_owned(),
                paragraphs: vec![body.to_owned()],
            });
        } else if let Some(StatuteBlock::Article { paragraphs, .. }) = blocks.last_mut() {
            paragraphs.push(line.to_owned());
        } else {
            preamble.push(line.to_owned());
        }
    }
    let statute = Statute {
        title: title.ok_or(SourceProblem::NoTitle)?,
        preamble,
        blocks,
    };
    if statute.article_count() == 0 {
        return Err(SourceProblem::NoArticles);
    }
    Ok(statute)
}

/// The words of a query: split on spaces (ASCII and full-width), at most five, each at most 20
/// characters; empty when there is nothing to look for.
pub fn query_terms(q: &str) -> Vec<String> {
    // Control characters (a NUL among them, which no stored text holds and PostgreSQL refuses in
    // text) separate terms like spaces.
    q.split(|c: char| c.is_whitespace() || c == '\u{3000}' || c.is_control())
        .filter(|t| !t.is_empty())
        .map(|t| t.chars().take(20).collect::<String>())
        .take(5)
        .collect()
}

/// How well `text` (with `title`) answers `terms`: `None` unless every term occurs; a title hit
/// counts more than a body hit.
pub fn score(title: &str, text: &str, terms: &[String]) -> Option<u32> {
    let title = title.to_lowercase();
    let text = text.to_lowercase();
    let mut total = 0u32;
    for term in terms {
        let term = term.to_lowercase();
        let in_title = u32::try_from(title.matches(&term).count()).unwrap_or(u32::MAX);
        let in_text = u32::try_from(text.matches(&term).count()).unwrap_or(u32::MAX);
        if in_title + in_text == 0 {
            return None;
        }
        total = total.saturating_add(in_title.saturating_mul(10).saturating_add(in_text));
    }
    Some(total)
}

/// A piece of a snippet, marked when it is a search term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnippetPart {
    pub text: String,
    pub mark: bool,
}

/// Up to `width` characters of `text` around the first occurrence of the first term found, with
/// every occurrence of every term marked; `…` where the text was cut.
pub fn snippet(text: &str, terms: &[String], width: usize) -> Vec<SnippetPart> {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = text.to_lowercase().chars().collect();
    // Lower-casing can change the length of some scripts' text; then fall back to the original.
    let hay = if lower.len() == chars.len() {
        &lower
    } else {
        &chars
    };
    let needles: Vec<Vec<char>> = terms
        .iter()
        .map(|t| t.to_lowercase().chars().collect::<Vec<_>>())
        .filter(|t: &Vec<char>| !t.is_empty() && t.len() <= hay.len())
        .collect();
    let find_at = |i: usize| {
        needles
            .iter()
            .filter(|n| hay[i..].starts_with(n))
            .map(Vec::len)
            .max()
    };
    let first = (0..hay.len()).find(|&i| find_at(i).is_some()).unwrap_or(0);
    let start = first.saturating_sub(width / 3);
    let end = (start + width).min(chars.len());
    let start = end.saturating_sub(width).min(start);
    let mut parts: Vec<SnippetPart> = Vec::new();
    let mut push = |s: String, mark: bool| match parts.last_mut() {
        Some(last) if last.mark == mark => last.text.push_str(&s),
        _ => parts.push(SnippetPart { text: s, mark }),
    };
    if start > 0 {
        push("…".to_owned(), false);
    }
    let mut i = start;
    while i < end {
        match find_at(i) {
            Some(len) => {
                let stop = (i + len).min(end);
                push(chars[i..stop].iter().collect(), true);
                i = stop;
            }
            None => {
                push(chars[i].to_string(), false);
                i += 1;
            }
        }
    }
    if end < chars.len() {
        push("…".to_owned(), false);
    }
    parts
}

/// The template a new guide starts from.
pub const NEW_GUIDE_TEMPLATE: &str = "# 标题\n\n一句话摘要：这篇指南讲什么、写给谁。\n\n## 第一个小标题\n\n正文。引用条文时写成链接，例如 [第三十四条](/laws/信访工作条例-2022#第三十四条)。\n";

/// The longest Markdown source an editor may save, in characters.
pub const MAX_SOURCE: usize = 50_000;

/// Where readers find a document, or one article of a law.
pub fn href(kind: DocKind, slug: &str, anchor: Option<&str>) -> String {
    let base = match kind {
        DocKind::Statute => format!("/laws/{slug}"),
        DocKind::Guide | DocKind::Faq => format!("/guides/{slug}"),
    };
    match anchor {
        Some(a) => format!("{base}#{a}"),
        None => base,
    }
}

/// The anchor of article `number` on a law's page, as the law writes its number (`第三十四条`).
pub fn article_anchor(number: u32) -> String {
    format!("第{}条", chinese_number(number))
}

/// A number in Chinese numerals as laws write article numbers: 十一, 二十, 一百零五, 一千零一十.
pub fn chinese_number(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const UNITS: [char; 4] = ['千', '百', '十', '\0'];
    if n == 0 {
        return DIGITS[0].to_string();
    }
    if n >= 10_000 {
        // Laws never number past the thousands; beyond that, say it in digits.
        return n.to_string();
    }
    let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (i, d) in places.into_iter().enumerate() {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push(DIGITS[0]);
            zero = false;
        }
        // 十一, not 一十一, when the number starts with the tens.
        if !(i == 2 && d == 1 && out.is_empty()) {
            out.push(DIGITS[d as usize]);
        }
        if UNITS[i] != '\0' {
            out.push(UNITS[i]);
        }
    }
    out
}

/// Whether `slug` may name a document: lowercase ASCII letters, digits and hyphens, or (for the
/// laws, named after their files) CJK characters too; 1–80 characters, no leading hyphen.
pub fn valid_slug(slug: &str) -> bool {
    let n = slug.chars().count();
    (1..=80).contains(&n)
        && !slug.starts_with('-')
        && slug.chars().all(|c| {
            c.is_ascii_lowercase()
                || c.is_ascii_digit()
                || c == '-'
                || ('\u{4e00}'..='\u{9fff}').contains(&c)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_numbers_as_laws_write_them() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (34, "三十四"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (1260, "一千二百六十"),
        ];
        for (n, text) in cases {
            assert_eq!(chinese_number(n), text, "{n}");
        }
        assert_eq!(article_anchor(31), "第三十一条");
    }

    #[test]
    fn a_guide_has_a_title_a_summary_and_a_body() {
        let g =
            parse_guide("# 如何信访\n\n一句话摘要，\n接着一行。\n\n## 第一步\n\n正文。\n").unwrap();
        assert_eq!(g.title, "如何信访");
        assert_eq!(g.summary, "一句话摘要， 接着一行。");
        assert!(g.body.starts_with("## 第一步"));
        assert_eq!(
            parse_guide("如何信访\n\n摘要\n\n正文"),
            Err(SourceProblem::NoTitle)
        );
        assert_eq!(
            parse_guide("# 标题\n\n## 小标题\n\n正文"),
            Err(SourceProblem::NoSummary)
        );
        assert_eq!(parse_guide("# 标题\n\n摘要"), Err(SourceProblem::NoBody));
    }

    #[test]
    fn articles_start_a_paragraph_and_keep_their_later_paragraphs() {
        let s = parse_statute(
            "# 某条例\n\n2022年发布\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了……制定本条例。\n\n\
             第三十四条 信访事项应当自受理之日起60日内办结。\n\n情况复杂的，可以适当延长。\n\n\
             ## 第二章 附则\n\n第一百二十条　全角空格之后。\n\n第三条规定的情形不是条文开头。\n",
        )
        .unwrap();
        assert_eq!(s.title, "某条例");
        assert_eq!(s.preamble, ["2022年发布"]);
        assert_eq!(s.article_count(), 3);
        assert_eq!(
            s.article("第三十四条").unwrap(),
            "信访事项应当自受理之日起60日内办结。\n情况复杂的，可以适当延长。"
        );
        assert_eq!(
            s.article("第一百二十条").unwrap(),
            "全角空格之后。\n第三条规定的情形不是条文开头。"
        );
        assert!(
            matches!(&s.blocks[0], StatuteBlock::Heading { level: 2, text } if text == "第一章 总则")
        );
        assert_eq!(parse_statute("没有标题"), Err(SourceProblem::NoTitle));
        assert_eq!(
            parse_statute("# 标题\n\n只有文字。"),
            Err(SourceProblem::NoArticles)
        );
    }

    #[test]
    fn slugs_and_links() {
        assert!(valid_slug("how-to-petition") && valid_slug("信访工作条例-2022"));
        assert!(!valid_slug("") && !valid_slug("-x") && !valid_slug("a/b") && !valid_slug("A"));
        assert!(!valid_slug("../etc") && !valid_slug("a b"));
        assert_eq!(
            href(DocKind::Statute, "信访工作条例-2022", Some("第三十四条")),
            "/laws/信访工作条例-2022#第三十四条"
        );
        assert_eq!(href(DocKind::Faq, "faq", None), "/guides/faq");
    }

    #[test]
    fn every_term_must_occur_and_titles_count_more() {
        let terms = query_terms("复查　期限 ");
        assert_eq!(terms, ["复查", "期限"]);
        assert_eq!(score("复查", "复查的期限是30日", &terms), Some(10 + 1 + 1));
        assert_eq!(score("调解", "调解协议", &terms), None);
        assert_eq!(score("X", "a Hearing", &query_terms("hearing")), Some(1));
        assert!(query_terms("  ").is_empty());
        assert_eq!(query_terms("u\u{0}7\u{11}期限"), ["u", "7", "期限"]);
        assert_eq!(query_terms("一 二 三 四 五 六").len(), 5);
    }

    #[test]
    fn a_snippet_marks_each_occurrence_around_the_first() {
        let text = "信访人对处理意见不服的，可以请求复查。复查机关应当在30日内提出复查意见。";
        let parts = snippet(text, &["复查".to_owned()], 12);
        let marked: Vec<&str> = parts
            .iter()
            .filter(|p| p.mark)
            .map(|p| p.text.as_str())
            .collect();
        assert!(!marked.is_empty() && marked.iter().all(|m| *m == "复查"));
        let whole: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert!(whole.starts_with('…') && whole.ends_with('…'), "{whole}");
        assert_eq!(whole.chars().filter(|c| *c != '…').count(), 12);
        // A short text is shown whole; the longer of two overlapping terms is marked.
        let parts = snippet("复查意见", &["复查".to_owned(), "复查意见".to_owned()], 40);
        assert_eq!(
            parts,
            [SnippetPart {
                text: "复查意见".to_owned(),
                mark: true
            }]
        );
    }
}
