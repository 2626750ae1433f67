//! Rewrites a finished HTML page into the reader's language (see the module above for the rules).
//!
//! The pages come from our own renderer, so the HTML is well formed; the rewriter still never
//! loses a byte it does not understand: anything it cannot parse is copied as it is.

use super::{ENGLISH, KEPT_END, KEPT_START, Names, has_han};
use crate::domain::prefs::Lang;

/// Elements whose content is not HTML text: copied untouched (form values are what the citizen typed).
const RAW: [&str; 3] = ["script", "style", "textarea"];
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Chinese punctuation that English pages write the English way.
const FULL_WIDTH: [char; 10] = ['（', '）', '，', '。', '：', '；', '、', '“', '”', '！'];

fn english_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '（' => out.push_str(" ("),
            '）' => out.push(')'),
            '，' | '、' => out.push_str(", "),
            '。' => out.push_str(". "),
            '：' => out.push_str(": "),
            '；' => out.push_str("; "),
            '“' | '”' => out.push('"'),
            '！' => out.push_str("! "),
            c => out.push(c),
        }
    }
    out.replace(" )", ")")
}

/// Attributes that people read or hear, translated like text.
const SPOKEN: [&str; 4] = ["aria-label", "title", "placeholder", "alt"];

/// The page in `lang`, with the bureau's `names` in English. Text the English catalogue lacks stays
/// Chinese, tagged `<span lang="zh-Hans" data-untranslated>` so that screen readers read it right,
/// and is reported through `missing` (the browser tests fail on any such element).
pub fn rewrite(html: &str, lang: Lang, names: &Names, missing: &mut dyn FnMut(&str)) -> String {
    if lang == Lang::Simplified {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + html.len() / 4);
    // Open elements and whether each keeps its content as it is.
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let keep = stack.last().is_some_and(|(_, k)| *k);
        // Text that can hold no markup (a `<span lang>` around a Chinese name would show as text).
        let plain = stack
            .last()
            .is_some_and(|(n, _)| n == "title" || n == "option");
        let Some(lt) = rest.find('<') else {
            text(&mut out, rest, (lang, names), keep, plain, missing);
            break;
        };
        text(&mut out, &rest[..lt], (lang, names), keep, plain, missing);
        rest = &rest[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").map_or(rest.len(), |e| e + 4 + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let Some(tag_len) = tag_end(rest) else {
            out.push_str(rest);
            break;
        };
        let tag = &rest[..tag_len];
        rest = &rest[tag_len..];
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
            open_tag(&mut out, tag, &attrs, (lang, names), missing);
        }
        if RAW.contains(&name.as_str()) {
            let close = format!("</{name}");
            let end = find_ignore_case(rest, &close).unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if !VOID.contains(&name.as_str()) && !tag.ends_with("/>") {
            stack.push((name, own_keep));
        }
    }
    out
}

fn text(
    out: &mut String,
    text: &str,
    to: (Lang, &Names),
    keep: bool,
    plain: bool,
    missing: &mut dyn FnMut(&str),
) {
    if keep {
        out.push_str(text);
        return;
    }
    if !has_han(text) {
        // Chinese punctuation between translated pieces ("）。" after a link) in English form.
        if to.0 == Lang::English && text.contains(FULL_WIDTH) {
            out.push_str(&english_punctuation(text));
        } else {
            out.push_str(text);
        }
        return;
    }
    match convert(text, to, !plain) {
        Some(converted) => out.push_str(&converted),
        None => {
            missing(unescape(text).trim());
            if plain {
                out.push_str(text);
            } else {
                out.push_str(r#"<span lang="zh-Hans" data-untranslated="">"#);
                out.push_str(text);
                out.push_str("</span>");
            }
        }
    }
}

/// One piece of escaped HTML text in the target language, escaped again; `markup` allows a
/// `<span lang="zh-Hans">` around Chinese kept inside English.
/// None when the English catalogue has no entry.
fn convert(escaped: &str, (lang, names): (Lang, &Names), markup: bool) -> Option<String> {
    match lang {
        Lang::Simplified => Some(escaped.to_owned()),
        Lang::Traditional => Some(zhconv::zhconv(escaped, zhconv::Variant::ZhHant)),
        Lang::English => ENGLISH
            .translate(&unescape(escaped), names)
            .map(|en| escape(&en, !markup)),
    }
}

/// Copies an opening tag, translating its spoken attributes and, in Traditional, retagging
/// `lang="zh-Hans"` content as `zh-Hant`.
fn open_tag(
    out: &mut String,
    tag: &str,
    attrs: &[(&str, Option<String>)],
    to: (Lang, &Names),
    missing: &mut dyn FnMut(&str),
) {
    let lang = to.0;
    let changes = attrs.iter().any(|(n, v)| {
        let n = n.to_ascii_lowercase();
        (SPOKEN.contains(&n.as_str()) && v.as_deref().is_some_and(has_han))
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
        let value = if SPOKEN.contains(&lower.as_str()) && has_han(value) {
            let escaped = escape(value, true);
            convert(&escaped, to, false).unwrap_or_else(|| {
                missing(value);
                escaped
            })
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
            KEPT_START if !attribute => out.push_str(r#"<span lang="zh-Hans">"#),
            KEPT_END if !attribute => out.push_str("</span>"),
            KEPT_START | KEPT_END => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(html: &str) -> (String, Vec<String>) {
        let mut missing = Vec::new();
        let out = rewrite(html, Lang::English, &Names::new(), &mut |m| {
            missing.push(m.to_owned())
        });
        (out, missing)
    }

    #[test]
    fn simplified_pages_pass_through() {
        let page = "<p>提交</p>";
        assert_eq!(
            rewrite(page, Lang::Simplified, &Names::new(), &mut |_| {}),
            page
        );
    }

    #[test]
    fn traditional_converts_text_and_labels_but_never_what_was_typed() {
        let page = concat!(
            r#"<html lang="zh-Hant"><head><title>网上信访</title></head><body>"#,
            r#"<nav aria-label="网站工具"><a lang="zh-Hans" translate="no">简体</a></nav>"#,
            r#"<input name="name" value="张三发"><textarea>头发</textarea>"#,
            r#"<div lang="zh-Hans">发送</div><script>var a="发";</script><!-- 发 --></body></html>"#
        );
        let out = rewrite(page, Lang::Traditional, &Names::new(), &mut |_| {});
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
    fn english_translates_text_and_keeps_chinese_only_content() {
        let (out, missing) = en(concat!(
            r#"<p>查询办理进度</p><p title="网站工具"> 提交信访事项 </p>"#,
            r#"<div lang="zh-Hans"><p>提交</p><br><p>未收录的话</p></div>"#,
            r#"<p translate="no">提交</p><p>没有这句话的翻译</p>"#
        ));
        assert!(
            out.ends_with(
                r#"<p><span lang="zh-Hans" data-untranslated="">没有这句话的翻译</span></p>"#
            ),
            "{out}"
        );
        assert!(out.starts_with("<p>Check progress</p>"), "{out}");
        assert!(
            out.contains(r#"<p title="Site tools"> Submit petition </p>"#),
            "{out}"
        );
        assert!(out.contains(r#"<div lang="zh-Hans"><p>提交</p><br><p>未收录的话</p></div>"#));
        assert!(out.contains(r#"<p translate="no">提交</p>"#));
        assert_eq!(missing, vec!["没有这句话的翻译".to_owned()]);
    }

    #[test]
    fn english_escapes_what_it_writes() {
        let mut missing = Vec::new();
        let out = rewrite(
            r#"<p>2026年12月8日</p><a title="2026年1月2日 09:30" href="/x?a=1&amp;b=2">x</a>"#,
            Lang::English,
            &Names::new(),
            &mut |m| missing.push(m.to_owned()),
        );
        assert_eq!(
            out,
            r#"<p>8 December 2026</p><a title="2 January 2026, 09:30" href="/x?a=1&amp;b=2">x</a>"#
        );
        assert!(missing.is_empty());
    }

    #[test]
    fn english_pages_write_punctuation_the_english_way() {
        let (out, _) = en("<p><a>查询办理进度</a>）。</p>");
        assert_eq!(out, "<p><a>Check progress</a>). </p>");
    }

    #[test]
    fn broken_markup_is_copied_not_lost() {
        let page = "<p>提交</p><a href=\"x";
        let (out, _) = en(page);
        assert!(out.ends_with("<a href=\"x"), "{out}");
    }
}
