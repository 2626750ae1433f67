//! The last step of a page in another language, over the finished HTML (see the module above):
//! - **繁體**: every text node and spoken attribute through zhconv, `lang="zh-Hans"` content
//!   retagged `zh-Hant`;
//! - **English**: the page is English already (its messages are); Chinese inside an English
//!   sentence (someone's words, a name without English: see
//!   `messages::Messages::render_for_page`) arrives between two marks (`super::KEPT_START`) and
//!   leaves as `<span lang="zh-Hans">…</span>`, or without the marks where no markup may stand
//!   (attributes, `<title>`, `<option>`). A page without marks is not parsed.
//!
//! The pages come from our own renderer, so the HTML is well formed; the rewriter still never
//! loses a byte it does not understand: anything it cannot parse is copied as it is.

use super::{KEPT_END, KEPT_START, has_han};
use crate::domain::prefs::Lang;
use std::borrow::Cow;

/// Elements whose content is not HTML text: copied untouched (form values are what the citizen typed).
const RAW: [&str; 3] = ["script", "style", "textarea"];
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Attributes that people read or hear, converted like text.
const SPOKEN: [&str; 4] = ["aria-label", "title", "placeholder", "alt"];

/// Whether `text` needs the rewriter in `lang`.
fn touched(text: &str, lang: Lang) -> bool {
    match lang {
        Lang::Simplified => false,
        Lang::Traditional => has_han(text),
        Lang::English => text.contains([KEPT_START, KEPT_END]),
    }
}

/// The page in `lang` (see the module's comment).
pub fn rewrite(html: &str, lang: Lang) -> Cow<'_, str> {
    if !touched(html, lang) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    // Open elements and whether each keeps its content as it is.
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut rest = html;
    while let Some((piece, after)) = next_piece(rest) {
        rest = after;
        let tag = match piece {
            Piece::Text(t) => {
                let keep = stack.last().is_some_and(|(_, k)| *k);
                // Text that can hold no markup (a `<span lang>` would show as text).
                let plain = stack
                    .last()
                    .is_some_and(|(n, _)| n == "title" || n == "option");
                text(&mut out, t, lang, keep, plain);
                continue;
            }
            Piece::Other(t) => {
                out.push_str(t);
                continue;
            }
            Piece::Tag(tag) => tag,
        };
        let keep = stack.last().is_some_and(|(_, k)| *k);
        if tag.starts_with("<!") || tag.starts_with("<?") {
            out.push_str(tag);
            continue;
        }
        if let Some(closing) = tag.strip_prefix("</") {
            let name = tag_name(closing);
            if let Some(at) = stack.iter().rposition(|(n, _)| *n == name) {
                stack.truncate(at);
            }
            out.push_str(tag);
            continue;
        }
        let name = tag_name(&tag[1..]);
        let attrs = attributes(tag);
        // What someone typed stays as typed (and the switch's own names); on English pages, so
        // does content in Chinese only.
        let own_keep = keep
            || attrs
                .iter()
                .any(|(n, v)| n.eq_ignore_ascii_case("translate") && v.as_deref() == Some("no"))
            || (lang == Lang::English
                && attrs.iter().any(|(n, v)| {
                    n.eq_ignore_ascii_case("lang")
                        && v.as_deref().is_some_and(|v| v.starts_with("zh"))
                }));
        if own_keep {
            out.push_str(tag);
        } else {
            open_tag(&mut out, tag, &attrs, lang);
        }
        if RAW.contains(&name.as_str()) {
            let (raw, after) = raw_content(&name, rest);
            out.push_str(raw);
            rest = after;
            continue;
        }
        if !VOID.contains(&name.as_str()) && !tag.ends_with("/>") {
            stack.push((name, own_keep));
        }
    }
    Cow::Owned(out)
}

fn text(out: &mut String, text: &str, lang: Lang, keep: bool, plain: bool) {
    if !touched(text, lang) {
        out.push_str(text);
    } else if keep {
        // Kept as it is; marks there are not ours (someone typed them), so they make no markup.
        match lang {
            Lang::English => out.push_str(&text.replace([KEPT_START, KEPT_END], "")),
            _ => out.push_str(text),
        }
    } else {
        out.push_str(&convert(text, lang, !plain));
    }
}

/// One piece of escaped HTML text (or attribute value) in `lang`; `markup` allows a
/// `<span lang="zh-Hans">` around someone's words inside English.
fn convert(escaped: &str, lang: Lang, markup: bool) -> String {
    match lang {
        Lang::Simplified => escaped.to_owned(),
        Lang::Traditional => zhconv::zhconv(escaped, zhconv::Variant::ZhHant),
        Lang::English if markup => escaped
            .replace(KEPT_START, r#"<span lang="zh-Hans">"#)
            .replace(KEPT_END, "</span>"),
        Lang::English => escaped.replace([KEPT_START, KEPT_END], ""),
    }
}

/// Copies an opening tag, converting its spoken attributes (in English, any attribute with
/// marks loses them) and, in Traditional, retagging `lang="zh-Hans"` content as `zh-Hant`.
fn open_tag(out: &mut String, tag: &str, attrs: &[(&str, Option<String>)], lang: Lang) {
    let converts = |name: &str, value: &str| {
        touched(value, lang) && (SPOKEN.contains(&name) || lang == Lang::English)
    };
    let changes = attrs.iter().any(|(n, v)| {
        let n = n.to_ascii_lowercase();
        v.as_deref().is_some_and(|v| converts(&n, v))
            || (n == "lang" && lang == Lang::Traditional && v.as_deref() == Some("zh-Hans"))
    });
    if !changes {
        out.push_str(tag);
        return;
    }
    let self_closing = tag.ends_with("/>");
    out.push('<');
    out.push_str(&tag_name(&tag[1..]));
    for (name, value) in attrs {
        out.push(' ');
        out.push_str(name);
        let Some(value) = value else { continue };
        let lower = name.to_ascii_lowercase();
        let value = if converts(&lower, value) {
            convert(&escape(value, true), lang, false)
        } else if lower == "lang" && lang == Lang::Traditional && value == "zh-Hans" {
            "zh-Hant".to_owned()
        } else {
            escape(value, true)
        };
        out.push_str("=\"");
        out.push_str(&value);
        out.push('"');
    }
    out.push_str(if self_closing { " />" } else { ">" });
}

/// `html` without its `<script>` elements: for a page whose policy runs none, where they could
/// only fail (Leptos writes its hydration data into every page, for islands to read). Tags are
/// read as the rewriter reads them, so `<script` inside an attribute's value is not one.
pub fn without_scripts(html: &str) -> Cow<'_, str> {
    if !html.contains("<script") {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some((piece, after)) = next_piece(rest) {
        rest = after;
        let tag = match piece {
            Piece::Text(t) | Piece::Other(t) => {
                out.push_str(t);
                continue;
            }
            Piece::Tag(tag) => tag,
        };
        let name = tag_name(&tag[1..]);
        let opening = !tag.starts_with("</") && !tag.starts_with("<!");
        if opening && name == "script" {
            let (_, after) = raw_content(&name, rest);
            rest = after.find('>').map_or("", |gt| &after[gt + 1..]);
            continue;
        }
        out.push_str(tag);
        if opening && RAW.contains(&name.as_str()) {
            let (raw, after) = raw_content(&name, rest);
            out.push_str(raw);
            rest = after;
        }
    }
    Cow::Owned(out)
}

/// One piece of a page: text up to the next `<`, a tag (quotes respected), or something else
/// copied as it is (a comment, or what cannot be read: the rest of the page).
enum Piece<'a> {
    Text(&'a str),
    Tag(&'a str),
    Other(&'a str),
}

/// The piece at the start of `rest` and what follows it; `None` at the end.
fn next_piece(rest: &str) -> Option<(Piece<'_>, &str)> {
    if rest.is_empty() {
        return None;
    }
    if !rest.starts_with('<') {
        let lt = rest.find('<').unwrap_or(rest.len());
        return Some((Piece::Text(&rest[..lt]), &rest[lt..]));
    }
    if let Some(comment) = rest.strip_prefix("<!--") {
        let end = comment.find("-->").map_or(rest.len(), |e| e + 4 + 3);
        return Some((Piece::Other(&rest[..end]), &rest[end..]));
    }
    Some(match tag_end(rest) {
        Some(len) => (Piece::Tag(&rest[..len]), &rest[len..]),
        None => (Piece::Other(rest), ""),
    })
}

/// The content of a `script`, `style` or `textarea` element up to its closing tag, and the rest.
fn raw_content<'a>(name: &str, rest: &'a str) -> (&'a str, &'a str) {
    let end = find_ignore_case(rest, &format!("</{name}")).unwrap_or(rest.len());
    rest.split_at(end)
}

/// The length of the tag at the start of `s` (up to and including `>`), quotes respected.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

fn tag_name(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The attributes of an opening tag, values unescaped.
fn attributes(tag: &str) -> Vec<(&str, Option<String>)> {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut rest = inner.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '-');
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        rest = rest[name_len..].trim_start();
        if name.is_empty() {
            // Not an attribute we understand: skip one character.
            rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
            continue;
        }
        let Some(after_eq) = rest.strip_prefix('=') else {
            attrs.push((name, None));
            continue;
        };
        let after_eq = after_eq.trim_start();
        let (value, remaining) = match after_eq.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &after_eq[1..];
                let end = body.find(q).unwrap_or(body.len());
                (&body[..end], body.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
                (&after_eq[..end], &after_eq[end..])
            }
        };
        attrs.push((name, Some(unescape(value))));
        rest = remaining;
    }
    attrs
}

/// Where the ASCII `needle` (lower case) starts in `haystack`, ignoring ASCII case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len()) + 1).find(|&i| {
        h.get(i..i + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

pub fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplified_pages_and_english_pages_without_marks_pass_through() {
        let page = "<p>提交</p>";
        assert_eq!(rewrite(page, Lang::Simplified), page);
        let page = r#"<p>Submit</p><p lang="zh-Hans">提交</p>"#;
        assert_eq!(rewrite(page, Lang::English), page);
    }

    #[test]
    fn traditional_converts_text_and_labels_but_never_what_was_typed() {
        let page = concat!(
            r#"<html lang="zh-Hant"><head><title>网上信访</title></head><body>"#,
            r#"<nav aria-label="网站工具"><a lang="zh-Hans" translate="no">简体</a></nav>"#,
            r#"<input name="name" value="张三发"><textarea>头发</textarea>"#,
            r#"<div lang="zh-Hans">发送</div><script>var a="发";</script><!-- 发 --></body></html>"#
        );
        let out = rewrite(page, Lang::Traditional);
        assert!(out.contains("<title>網上信訪</title>"), "{out}");
        assert!(out.contains(r#"aria-label="網站工具""#), "{out}");
        assert!(
            out.contains(">简体</a>"),
            "the switch keeps its own name: {out}"
        );
        assert!(out.contains(r#"value="张三发""#), "{out}");
        assert!(out.contains("<textarea>头发</textarea>"), "{out}");
        assert!(out.contains(r#"<div lang="zh-Hant">發送</div>"#), "{out}");
        assert!(out.contains(r#"var a="发";"#), "{out}");
        assert!(out.contains("<!-- 发 -->"), "{out}");
    }

    #[test]
    fn someones_words_in_english_are_tagged_where_markup_may_stand() {
        let (s, e) = (KEPT_START, KEPT_END);
        let page = format!(
            r#"<title>Case: {s}工资{e}</title><p title="Note: {s}电话{e}">Note: {s}已电话联系{e}.</p><select><option>{s}附件{e}</option></select>"#
        );
        assert_eq!(
            rewrite(&page, Lang::English),
            r#"<title>Case: 工资</title><p title="Note: 电话">Note: <span lang="zh-Hans">已电话联系</span>.</p><select><option>附件</option></select>"#
        );
    }

    #[test]
    fn marks_typed_by_someone_never_become_markup() {
        let (s, e) = (KEPT_START, KEPT_END);
        let page = format!(r#"<p translate="no">{e}{s}x</p><div lang="zh-Hans">{s}y</div>"#);
        assert_eq!(
            rewrite(&page, Lang::English),
            r#"<p translate="no">x</p><div lang="zh-Hans">y</div>"#
        );
    }

    #[test]
    fn scripts_leave_a_page_that_runs_none_and_nothing_else_does() {
        let page = concat!(
            r#"<p>a</p><input value="<script>x</script>"><textarea><script></textarea>"#,
            r#"<script nonce="n">__RESOLVED_RESOURCES=[];</script><p>b</p><script>1</script>"#
        );
        assert_eq!(
            without_scripts(page),
            r#"<p>a</p><input value="<script>x</script>"><textarea><script></textarea><p>b</p>"#
        );
        assert!(matches!(without_scripts("<p>a</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn broken_markup_is_copied_not_lost() {
        let page = "<p>提交</p><a href=\"x";
        let out = rewrite(page, Lang::Traditional);
        assert!(out.ends_with("<a href=\"x"), "{out}");
    }
}
