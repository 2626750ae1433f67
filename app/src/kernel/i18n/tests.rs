use super::pattern::{Pattern, english_placeholders};
use super::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const CATALOGUE: &str = include_str!("en.tsv");

#[test]
fn every_catalogue_line_is_a_pair_with_english_only_on_the_right() {
    let mut keys = HashSet::new();
    for (n, line) in CATALOGUE.lines().enumerate() {
        if is_comment(line) {
            continue;
        }
        let (zh, en) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("line {}: no tab: {line}", n + 1));
        assert!(
            has_han(zh) || zh.contains(['（', '：', '，', '。']),
            "line {}: the key is not Chinese: {zh}",
            n + 1
        );
        assert!(!en.trim().is_empty(), "line {}: no English for {zh}", n + 1);
        assert!(!en.contains('\t'), "line {}: two tabs", n + 1);
        assert!(!has_han(en), "line {}: Chinese in the English: {en}", n + 1);
        assert!(
            !en.contains(['，', '。', '：', '（', '）', '“', '”', '、', '；']),
            "line {}: Chinese punctuation in the English: {en}",
            n + 1
        );
        assert_eq!(
            zh,
            zh.trim(),
            "line {}: the key has surrounding space",
            n + 1
        );
        assert!(keys.insert(zh), "line {}: {zh} twice", n + 1);
        let p = Pattern::new(zh, en);
        assert_eq!(
            english_placeholders(en),
            p.placeholders(),
            "line {}: placeholders differ: {zh} / {en}",
            n + 1
        );
    }
}

#[test]
fn catalogue_translates_exact_text_patterns_and_dates() {
    let cat = &*ENGLISH;
    let none = Names::new();
    let names = Names::from([("某某局".to_owned(), "Some Bureau".to_owned())]);
    assert_eq!(
        cat.translate("某某局太短：至少 4 个字，现在 2 个字", &names)
            .as_deref(),
        Some("Some Bureau is too short: enter at least 4 characters (you have entered 2)")
    );
    assert_eq!(
        cat.translate("  提交信访事项 ", &none).as_deref(),
        Some("  Submit petition ")
    );
    assert_eq!(
        cat.translate("标题太短：至少 4 个字，现在 2 个字", &none)
            .as_deref(),
        Some("Title is too short: enter at least 4 characters (you have entered 2)")
    );
    // A name the catalogue does not know stays Chinese inside the sentence, marked.
    assert_eq!(
        cat.translate("某某太短：至少 4 个字，现在 2 个字", &none)
            .as_deref(),
        Some("\u{e000}某某\u{e001} is too short: enter at least 4 characters (you have entered 2)")
    );
    assert_eq!(
        cat.translate("2026年12月8日", &none).as_deref(),
        Some("8 December 2026")
    );
    assert_eq!(
        cat.translate("2026年12月", &none).as_deref(),
        Some("December 2026")
    );
    assert_eq!(cat.translate("2026年13月8日", &none), None);
    assert_eq!(cat.translate("no Chinese", &none), None);
    assert_eq!(cat.translate("从未写过的一句话", &none), None);
    // Someone's own words in a template are never half translated, whatever they start with.
    assert_eq!(
        cat.translate("不予受理：请求事项已经法院判决", &none)
            .as_deref(),
        Some("Not accepted: \u{e000}请求事项已经法院判决\u{e001}")
    );
    // Markers typed by someone never become markup.
    assert_eq!(
        cat.translate("\u{e000}提交信访事项\u{e001}", &none)
            .as_deref(),
        Some("Submit petition")
    );
}

/// Where the citizen-facing text lives: every page and component but the workbench's, the domain
/// rules and services whose messages reach citizens, and the server's own pages and API errors.
fn citizen_sources() -> Vec<PathBuf> {
    let app = Path::new(env!("CARGO_MANIFEST_DIR"));
    let server = app.join("../server/src");
    let skip = [
        // The workbench (it stays in Simplified Chinese).
        "features/cases/pages",
        "features/legal_aid/pages/staff_page.rs",
        "features/library/pages/editor_page.rs",
        "features/library/http.rs",
        "features/stats/pages/kpi_page.rs",
        "features/staff",
        "features/cases/http.rs",
        "kernel/files/download.rs",
        "domain/src/case/list.rs",
        "domain/src/case/due.rs",
        "ui/action_form.rs",
        "ui/sign_in_first.rs",
        "domain/src/staff.rs",
        "kernel/guard.rs",
        "kernel/i18n",
        // SQL and the language switch's own names.
        "store.rs",
        "domain/src/prefs.rs",
        "server/src/seed.rs",
        "server/src/cli.rs",
        "server/src/main.rs",
    ];
    let mut files = Vec::new();
    let mut dirs = vec![app.join("src"), app.join("domain/src"), server];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("source dir") {
            let path = entry.expect("dir entry").path();
            let shown = path.to_string_lossy().replace('\\', "/");
            if skip.iter().any(|s| shown.contains(s)) {
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
            } else if shown.ends_with(".rs") {
                files.push(path);
            }
        }
    }
    files
}

/// The string literals of a Rust file outside its tests and comments, with `format!` arguments
/// (`{}`, `{name}`, `{:?}`) written as `{}` and line continuations joined.
fn chinese_literals(src: &str) -> Vec<String> {
    let src = src.split("#[cfg(test)]").next().unwrap_or("");
    let mut found = Vec::new();
    let code: String = src
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut chars = code.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if c == '\'' {
            // A char literal such as '"' must not open a string.
            let ahead: String = code[chars.peek().map_or(code.len(), |p| p.0)..]
                .chars()
                .take(3)
                .collect();
            if ahead.starts_with("\"'") || ahead.starts_with("\\\"'") {
                chars.next();
                if ahead.starts_with('\\') {
                    chars.next();
                }
            }
            continue;
        }
        if c != '"' {
            continue;
        }
        let mut lit = String::new();
        while let Some((_, c)) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next().map(|x| x.1) {
                    Some('n') => lit.push('\n'),
                    Some('\n') => {
                        while chars.peek().is_some_and(|p| p.1.is_whitespace()) {
                            chars.next();
                        }
                    }
                    Some(other) => lit.push(other),
                    None => {}
                },
                c => lit.push(c),
            }
        }
        let han = lit.chars().filter(|c| is_han(*c)).count();
        let latin = lit.chars().filter(char::is_ascii_alphabetic).count();
        // chrono formats, and English prose for programmers that names a Chinese term.
        if han > 0 && !lit.starts_with('%') && latin <= 3 * han {
            for part in lit.split('\n') {
                let part = normalise_placeholders(part.trim());
                if has_han(&part) {
                    found.push(part);
                }
            }
        }
    }
    found
}

fn normalise_placeholders(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if after[..close]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':' || c == '?') =>
            {
                out.push_str("{}");
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

/// The test that a UI string cannot exist in Chinese alone: every Chinese string literal in the
/// citizen-facing code has its English line. (Traditional needs no list: it is generated from the
/// Simplified text by zhconv on the server.)
#[test]
fn every_chinese_string_in_citizen_code_has_english() {
    let keys: HashSet<&str> = entries(CATALOGUE).map(|(zh, _)| zh).collect();
    let mut missing = Vec::new();
    for file in citizen_sources() {
        let src = std::fs::read_to_string(&file).expect("readable source");
        for lit in chinese_literals(&src) {
            if !keys.contains(lit.as_str()) {
                missing.push(format!("{}: {lit}", file.display()));
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "{} Chinese strings have no English in app/src/i18n/en.tsv:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn the_source_scan_finds_literals_placeholders_and_continuations() {
    let src = concat!(
        "let a = \"提交\"; // \"注释\"\n",
        "// \"整行注释\"\n",
        "let b = format!(\"{name}太短：至少 {} 个字\", x);\n",
        "let c = '\"'; let d = \"第一行\\\n     第二行\";\n",
        "#[cfg(test)]\nlet e = \"测试\";\n"
    );
    assert_eq!(
        chinese_literals(src),
        vec!["提交", "注释", "{}太短：至少 {} 个字", "第一行第二行"]
    );
}
