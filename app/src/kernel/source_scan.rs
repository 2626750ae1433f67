//! For tests that read the portal's own source: the Rust files of the app, the domain crate and
//! the server, and each file's code without its comments and `#[cfg(test)]` items, so that the
//! checks of the architecture (who reads the time, where event kinds are spelled) and of the
//! languages look at what ships.

use std::path::{Path, PathBuf};

/// Every `.rs` file below the app's `src`, the domain crate's `src` and the server's `src`.
pub fn rust_sources() -> Vec<PathBuf> {
    let app = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut dirs = vec![
        app.join("src"),
        app.join("domain/src"),
        app.join("../server/src"),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("source dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The path of a source file as the checks name it, with `/` separators.
pub fn shown(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The code of a Rust file without comments and without the items marked `#[cfg(test)]` (a
/// test module, or a helper for tests, wherever it stands in the file). String and char literals
/// are kept as they are written.
pub fn code_outside_tests(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < chars.len() {
        if starts_with(&chars, i, "#[cfg(test)]") {
            i = end_of_item(&chars, i + "#[cfg(test)]".len());
            continue;
        }
        if starts_with(&chars, i, "//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        let next = skip_literal(&chars, i);
        if next > i {
            out.extend(&chars[i..next]);
            i = next;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn starts_with(chars: &[char], at: usize, what: &str) -> bool {
    what.chars()
        .enumerate()
        .all(|(k, c)| chars.get(at + k) == Some(&c))
}

/// Past a string, raw string or char literal starting at `at` (or `at` itself if none does).
fn skip_literal(chars: &[char], at: usize) -> usize {
    match chars[at] {
        '"' => {
            let mut i = at + 1;
            while i < chars.len() {
                match chars[i] {
                    '\\' => i += 2,
                    '"' => return i + 1,
                    _ => i += 1,
                }
            }
            chars.len()
        }
        'r' if chars.get(at + 1).is_some_and(|c| *c == '"' || *c == '#')
            && (at == 0 || !(chars[at - 1].is_alphanumeric() || chars[at - 1] == '_')) =>
        {
            let mut i = at + 1;
            let mut hashes = 0;
            while chars.get(i) == Some(&'#') {
                hashes += 1;
                i += 1;
            }
            if chars.get(i) != Some(&'"') {
                return at;
            }
            i += 1;
            while i < chars.len() {
                if chars[i] == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
                    return i + 1 + hashes;
                }
                i += 1;
            }
            chars.len()
        }
        '\'' => {
            // 'x', '\n', '\u{..}'; a lifetime ('a) has no closing quote soon after.
            let close = if chars.get(at + 1) == Some(&'\\') {
                (at + 2..chars.len().min(at + 12)).find(|&k| chars[k] == '\'')
            } else {
                (chars.get(at + 2) == Some(&'\'')).then_some(at + 2)
            };
            close.map_or(at, |k| k + 1)
        }
        _ => at,
    }
}

/// The end of the item that starts after an attribute at `from`: through its `{ … }` block, or
/// to its `;` when it has none.
fn end_of_item(chars: &[char], from: usize) -> usize {
    let mut i = from;
    let mut depth = 0usize;
    while i < chars.len() {
        if starts_with(chars, i, "//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        let next = skip_literal(chars, i);
        if next > i {
            i = next;
            continue;
        }
        match chars[i] {
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            ';' if depth == 0 => return i + 1,
            _ => {}
        }
        i += 1;
    }
    chars.len()
}

#[test]
fn test_items_and_comments_are_left_out_wherever_they_stand() {
    let src = concat!(
        "fn a() { let s = \"}\"; } // a comment { \n",
        "#[cfg(test)]\nmod tests { fn t() { let c = '}'; } }\n",
        "fn b<'x>(v: &'x str) {}\n",
        "#[cfg(test)]\npub(crate) fn helper() -> u8 { 1 }\n",
        "#[cfg(test)]\nuse std::fmt;\n",
        "const R: &str = r#\"raw \"}\" text\"#;\n",
    );
    let code = code_outside_tests(src);
    assert!(code.contains("fn a()") && code.contains("fn b<'x>") && code.contains("raw"));
    assert!(!code.contains("mod tests") && !code.contains("helper") && !code.contains("fmt"));
    assert!(!code.contains("a comment"));
}
