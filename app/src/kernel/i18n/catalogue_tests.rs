//! The catalogue's own checks: every file parses, every message exists in both languages with
//! the same arguments, the English is English, and every message the code names exists.

use super::messages::SOURCES;
use crate::domain::prefs::Lang;
use crate::kernel::source_scan::{code_outside_tests, rust_sources, shown};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

type Messages = BTreeMap<String, BTreeSet<String>>;

/// The variables a pattern refers to (`$name`), nested selectors included.
fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_variables(i, out),
    }
}

fn inline_variables(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Each message of a file, with its variables; the test fails on a syntax error or an id twice.
fn messages(folder: &str, lang: &str, text: &str) -> Messages {
    let resource = fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("{folder}/locales/{lang}.ftl: {errors:?}"));
    let mut out = Messages::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    variables(value, &mut vars);
                }
                assert!(
                    out.insert(m.id.name.to_owned(), vars).is_none(),
                    "{folder}/locales/{lang}.ftl: {} twice",
                    m.id.name
                );
            }
            ast::Entry::Junk { content } => {
                panic!("{folder}/locales/{lang}.ftl cannot read: {content}")
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_message_is_in_both_languages_with_the_same_arguments() {
    let mut all = BTreeSet::new();
    for source in SOURCES {
        let zh = messages(source.folder, "zh-Hans", source.zh);
        let en = messages(source.folder, "en", source.en);
        let (zh_ids, en_ids): (BTreeSet<_>, BTreeSet<_>) =
            (zh.keys().collect(), en.keys().collect());
        assert_eq!(
            zh_ids, en_ids,
            "{}: the two files have different messages",
            source.folder
        );
        for (id, vars) in &zh {
            assert_eq!(
                Some(vars),
                en.get(id),
                "{}: {id} has other arguments in English",
                source.folder
            );
            assert!(all.insert(id.clone()), "{id} is in two folders");
        }
    }
}

#[test]
fn the_english_is_english() {
    for source in SOURCES {
        for (n, line) in source.en.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            assert!(
                !crate::domain::text::has_han(line),
                "{}/locales/en.ftl line {}: Chinese in the English: {line}",
                source.folder,
                n + 1
            );
            assert!(
                !line.contains(['，', '。', '：', '（', '）', '“', '”', '、', '；']),
                "{}/locales/en.ftl line {}: Chinese punctuation: {line}",
                source.folder,
                n + 1
            );
        }
    }
}

/// The ids the code names: in `t!("…"`, `msg!("…"` and `Msg::new("…"`.
fn ids_in_code() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for file in rust_sources() {
        let code = code_outside_tests(&std::fs::read_to_string(&file).expect("readable"));
        for opener in ["t!(\"", "msg!(\"", "Msg::new(\""] {
            for (i, _) in code.match_indices(opener) {
                let rest = &code[i + opener.len()..];
                if let Some(end) = rest.find('"') {
                    let id = &rest[..end];
                    if !id.is_empty()
                        && id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
                        out.insert(id.to_owned(), shown(&file));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_message_the_code_names_exists() {
    let catalogue = &super::messages::MESSAGES;
    let missing: Vec<String> = ids_in_code()
        .into_iter()
        .filter(|(id, _)| !catalogue.has(Lang::Simplified, id) || !catalogue.has(Lang::English, id))
        .map(|(id, file)| format!("{file}: {id}"))
        .collect();
    assert!(
        missing.is_empty(),
        "messages not in the catalogue:\n{}",
        missing.join("\n")
    );
}

#[test]
fn plurals_and_nested_messages_come_out_right() {
    use crate::domain::msg;
    let m = &super::messages::MESSAGES;
    let wait = |n: u64| {
        msg!(
            "too-many-attempts",
            wait = crate::kernel::error::wait_msg(n)
        )
    };
    assert_eq!(
        m.render(Lang::English, &wait(1)),
        "Too many failed attempts. Try again in 1 second"
    );
    assert_eq!(
        m.render(Lang::English, &wait(90)),
        "Too many failed attempts. Try again in 2 minutes"
    );
    assert_eq!(
        m.render(Lang::Simplified, &wait(30)),
        "查询失败次数过多，请在 30 秒 后再试"
    );
    assert_eq!(
        super::messages::in_script(Lang::Traditional, &msg!("unavailable-read")),
        "暫時無法讀取，請稍後再試"
    );
}

#[test]
fn someones_words_are_marked_on_english_pages_only() {
    use super::{KEPT_END, KEPT_START};
    use crate::domain::msg;
    let m = &super::messages::MESSAGES;
    let none = super::Names::new();
    let note = msg!("event-progress", note = "已电话联系用人单位");
    assert_eq!(
        m.render_for_page(Lang::English, &note, &none),
        format!("{KEPT_START}已电话联系用人单位{KEPT_END}")
    );
    // Not in 简体, not outside pages (the API, stored text), not for words without Chinese.
    assert_eq!(
        m.render_for_page(Lang::Simplified, &note, &none),
        "已电话联系用人单位"
    );
    assert_eq!(
        m.render_with(Lang::English, &note, &none),
        "已电话联系用人单位"
    );
    let plain = msg!("event-progress", note = "called the employer");
    assert_eq!(
        m.render_for_page(Lang::English, &plain, &none),
        "called the employer"
    );
    // A bureau's name without English is said in Chinese, marked; one with English is not.
    let names = super::Names::from([("某某局".to_owned(), "Some Bureau".to_owned())]);
    let assigned = |unit: &str| msg!("event-assigned").with_name("unit", unit.to_owned());
    assert!(
        m.render_for_page(Lang::English, &assigned("某某局"), &names)
            .contains("Some Bureau")
    );
    assert!(
        m.render_for_page(Lang::English, &assigned("某某办"), &names)
            .contains(&format!("{KEPT_START}某某办{KEPT_END}"))
    );
    // Marks someone typed are dropped, so theirs never pair with ours.
    let sly = msg!("event-progress", note = format!("{KEPT_END}假{KEPT_START}"));
    assert_eq!(
        m.render_for_page(Lang::English, &sly, &none),
        format!("{KEPT_START}假{KEPT_END}")
    );
}

#[test]
fn the_self_check_never_says_aid_is_granted() {
    use crate::domain::legal_aid::{CheckAnswers, assess};
    let m = &super::messages::MESSAGES;
    let all = [
        vec![("matter", "other")],
        vec![("matter", "criminal")],
        vec![("matter", "maintenance"), ("special", "domestic_violence")],
        vec![
            ("matter", "labour"),
            ("special", "none"),
            ("group", "migrant_worker"),
        ],
        vec![
            ("matter", "pension"),
            ("special", "none"),
            ("group", "none"),
            ("hardship", "yes"),
        ],
        vec![
            ("matter", "labour"),
            ("special", "none"),
            ("group", "none"),
            ("hardship", "no"),
        ],
    ];
    for pairs in all {
        let result = assess(&CheckAnswers::from_pairs(pairs.iter().copied())).expect("complete");
        let mut said = vec![result.likelihood.heading()];
        for r in result.reasons {
            said.push(r.text);
            said.push(r.article);
        }
        for msg in &said {
            let zh = m.render(Lang::Simplified, msg);
            assert!(!zh.contains("给予法律援助") && !zh.contains("批准"), "{zh}");
            let en = m.render(Lang::English, msg).to_lowercase();
            assert!(!en.contains("granted") && !en.contains("approved"), "{en}");
        }
    }
}

#[test]
fn days_and_times_are_written_the_readers_way() {
    use super::messages::{date_text, month_text, time_text};
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    assert_eq!(date_text(Lang::Simplified, day), "2026年12月8日");
    assert_eq!(date_text(Lang::English, day), "8 December 2026");
    let first = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    assert_eq!(month_text(Lang::Simplified, first), "2026年1月");
    assert_eq!(month_text(Lang::English, first), "January 2026");
    let at = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:30:00+08:00").unwrap();
    assert_eq!(time_text(Lang::Simplified, at), "2026年12月1日 09:30");
    assert_eq!(time_text(Lang::English, at), "1 December 2026, 09:30");
}
