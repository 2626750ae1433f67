use super::*;
use std::path::{Path, PathBuf};

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
        "features/intake",
        "features/api_keys",
        "features/visits/pages/staff.rs",
        "features/visits/staff_http.rs",
        "features/letters",
        "features/search",
        "features/reports",
        "domain/src/report.rs",
        "kernel/export.rs",
        "domain/src/letter.rs",
        "domain/src/case/search.rs",
        // The outbox page (the workbench's).
        "features/notify/pages/outbox_page.rs",
        "features/notify/service.rs",
        "features/notify/view.rs",
        "features/notify/server_fns.rs",
        "features/cases/http.rs",
        "kernel/files/download.rs",
        "domain/src/case/list.rs",
        "domain/src/case/due.rs",
        "ui/action_form.rs",
        "ui/file_links.rs",
        "ui/sign_in_first.rs",
        "domain/src/staff.rs",
        "kernel/guard.rs",
        "kernel/i18n",
        // SQL and the texts stored before events were typed; the language switch's own names.
        "store.rs",
        "domain/src/prefs.rs",
        "server/src/seed.rs",
        "server/src/cli.rs",
        "server/src/main.rs",
        // The API's documentation, for programmers (it names Chinese terms such as 查询码).
        "/api.rs",
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

/// Chinese in citizen-facing code that is not a message, and why: what the test below lets through.
const NOT_MESSAGES: &[(&str, &str)] = &[
    // The mark a clerk types after a chosen representative of a joint visit (an input word).
    ("domain/src/petition/joint.rs", "代表"),
    ("domain/src/petition/joint.rs", "代表人"),
    // The markers a guide's Markdown source writes where a chart goes (its authors write Chinese).
    ("domain/src/library/mod.rs", "{{时限图}}"),
    ("domain/src/library/mod.rs", "{{流程图}}"),
    // The numerals that may number a law's article, and the anchor written the law's way.
    ("domain/src/library/mod.rs", "零〇一二三四五六七八九十百千"),
    ("domain/src/library/mod.rs", "第{}条"),
    // The text a new guide starts from in the editor (guides are written in Chinese).
    ("domain/src/library/mod.rs", "# 标题"),
    (
        "domain/src/library/mod.rs",
        "一句话摘要：这篇指南讲什么、写给谁。",
    ),
    ("domain/src/library/mod.rs", "## 第一个小标题"),
    (
        "domain/src/library/mod.rs",
        "正文。引用条文时写成链接，例如 [第三十四条](/laws/信访工作条例-2022#第三十四条)。",
    ),
    // The name a file is stored under when it came without one (it is data, not a message).
    ("domain/src/petition/attachment.rs", "附件"),
    // The address of 法律援助法 in the statute library.
    ("features/legal_aid/pages/mod.rs", "法律援助法-2021"),
];

/// A text a citizen can meet is a message of the catalogue, said in their language: no Chinese
/// string literal is left in citizen-facing code (Traditional comes from the Simplified
/// messages by zhconv; the catalogue's tests require every message in English).
#[test]
fn citizen_facing_code_says_everything_through_the_catalogue() {
    let mut found = Vec::new();
    for file in citizen_sources() {
        let shown = file.to_string_lossy().replace('\\', "/");
        let src = std::fs::read_to_string(&file).expect("readable source");
        for lit in chinese_literals(&src) {
            let allowed = NOT_MESSAGES
                .iter()
                .any(|(f, text)| shown.ends_with(f) && lit == *text);
            if !allowed {
                found.push(format!("{shown}: {lit}"));
            }
        }
    }
    found.sort();
    found.dedup();
    assert!(
        found.is_empty(),
        "{} Chinese strings in citizen-facing code are not messages (put them in the folder's \
         locales/*.ftl and say them with t!/msg!):\n{}",
        found.len(),
        found.join("\n")
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
