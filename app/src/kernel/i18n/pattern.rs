//! Catalogue patterns: a Chinese template with `{}` placeholders and its English, where the English
//! takes the captures in order (`{}`) or by position (`{1}`, `{2}`, …). Compiled into the WASM too,
//! for the field messages the browser shows.

#[derive(Clone, Debug)]
pub struct Pattern<'a> {
    key: &'a str,
    /// The literal pieces around the placeholders: one more than there are placeholders.
    pieces: Vec<&'a str>,
    english: &'a str,
}

impl<'a> Pattern<'a> {
    pub fn new(chinese: &'a str, english: &'a str) -> Self {
        Self {
            key: chinese,
            pieces: chinese.split("{}").collect(),
            english,
        }
    }

    pub fn key(&self) -> &'a str {
        self.key
    }

    pub fn english(&self) -> &'a str {
        self.english
    }

    pub fn placeholders(&self) -> usize {
        self.pieces.len() - 1
    }

    /// Whether the template's own words are Chinese (so it is a sentence with names put in, not
    /// just punctuation around two pieces).
    pub fn has_words(&self) -> bool {
        self.pieces.iter().any(|p| super::has_han(p))
    }

    pub fn literal_len(&self) -> usize {
        self.pieces.iter().map(|p| p.len()).sum()
    }

    /// The captures when `text` fits the template: the first piece is a prefix, the last a suffix,
    /// the middle ones found left to right; every capture non-empty.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Vec<&'t str>> {
        let (first, rest) = self.pieces.split_first()?;
        let (last, middle) = rest.split_last()?;
        if text.len() < first.len() + last.len() {
            return None;
        }
        let mut rest = text.strip_prefix(first)?.strip_suffix(last)?;
        let mut captures = Vec::with_capacity(self.pieces.len() - 1);
        for piece in middle {
            if piece.is_empty() {
                return None;
            }
            // Each capture holds at least one character.
            let skip = rest.chars().next()?.len_utf8();
            let at = rest[skip..].find(piece)? + skip;
            captures.push(&rest[..at]);
            rest = &rest[at + piece.len()..];
        }
        if rest.is_empty() {
            return None;
        }
        captures.push(rest);
        Some(captures)
    }

    /// The English with the captures put in, each first passed through `each` (which may refuse).
    pub fn apply(
        &self,
        text: &str,
        mut each: impl FnMut(&str) -> Option<String>,
    ) -> Option<String> {
        let captures = self
            .captures(text)?
            .into_iter()
            .map(&mut each)
            .collect::<Option<Vec<String>>>()?;
        Some(fill(self.english, &captures))
    }
}

/// Puts captures into an English template: `{}` takes the next one, `{n}` the n-th (1-based).
pub fn fill(template: &str, captures: &[String]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut next = 0;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(0) => {
                out.push_str(captures.get(next).map(String::as_str).unwrap_or(""));
                next += 1;
                rest = &after[1..];
            }
            Some(close) if after[..close].bytes().all(|b| b.is_ascii_digit()) => {
                let n: usize = after[..close].parse().unwrap_or(0);
                out.push_str(
                    n.checked_sub(1)
                        .and_then(|i| captures.get(i))
                        .map(String::as_str)
                        .unwrap_or(""),
                );
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Placeholders an English template uses: `{}` counted, or the highest `{n}`.
pub fn english_placeholders(template: &str) -> usize {
    let mut plain = 0;
    let mut highest = 0;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(0) => plain += 1,
            Some(close) if after[..close].bytes().all(|b| b.is_ascii_digit()) => {
                highest = highest.max(after[..close].parse().unwrap_or(0));
            }
            _ => {}
        }
        rest = after;
    }
    plain.max(highest)
}

/// A text through a small list of (Chinese, translation) pairs: an exact entry, else a template
/// whose captures are themselves entries (or kept, when the template has words of its own).
pub fn translate_with(pairs: &[(String, String)], text: &str) -> Option<String> {
    let exact = |t: &str| {
        pairs
            .iter()
            .find(|(zh, _)| zh == t)
            .map(|(_, tr)| tr.clone())
    };
    if let Some(found) = exact(text) {
        return Some(found);
    }
    pairs
        .iter()
        .filter(|(zh, _)| zh.contains("{}"))
        .map(|(zh, tr)| Pattern::new(zh, tr))
        .find_map(|p| {
            let words = p.has_words();
            p.apply(text, |c| {
                if !super::has_han(c) {
                    Some(c.to_owned())
                } else {
                    exact(c.trim()).or_else(|| words.then(|| c.to_owned()))
                }
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_between_literal_pieces() {
        let p = Pattern::new(
            "{}太短：至少 {} 个字，现在 {} 个字",
            "{1} is too short: at least {2} characters, now {3}",
        );
        assert_eq!(
            p.captures("标题太短：至少 4 个字，现在 2 个字"),
            Some(vec!["标题", "4", "2"])
        );
        assert_eq!(p.captures("标题太长：最多 4 个字"), None);
        assert_eq!(
            p.apply("标题太短：至少 4 个字，现在 2 个字", |c| Some(
                if c == "标题" {
                    "Title".into()
                } else {
                    c.into()
                }
            ))
            .as_deref(),
            Some("Title is too short: at least 4 characters, now 2")
        );
    }

    #[test]
    fn empty_captures_do_not_match() {
        let p = Pattern::new("请填写{}", "Enter your {}");
        assert_eq!(p.captures("请填写"), None);
        assert_eq!(p.captures("请填写姓名"), Some(vec!["姓名"]));
    }

    #[test]
    fn a_small_list_translates_messages_with_their_labels() {
        let pairs = vec![
            ("姓名".to_owned(), "Full name".to_owned()),
            ("请填写{}".to_owned(), "Enter your {}".to_owned()),
        ];
        assert_eq!(
            translate_with(&pairs, "请填写姓名").as_deref(),
            Some("Enter your Full name")
        );
        assert_eq!(translate_with(&pairs, "姓名").as_deref(), Some("Full name"));
        assert_eq!(translate_with(&pairs, "别的"), None);
    }

    #[test]
    fn fill_takes_plain_and_positional_placeholders() {
        let caps = vec!["a".to_owned(), "b".to_owned()];
        assert_eq!(fill("{} then {}", &caps), "a then b");
        assert_eq!(fill("{2} before {1}", &caps), "b before a");
        assert_eq!(fill("braces {x} stay", &caps), "braces {x} stay");
        assert_eq!(english_placeholders("{2} before {1}"), 2);
        assert_eq!(english_placeholders("{} and {}"), 2);
    }
}
