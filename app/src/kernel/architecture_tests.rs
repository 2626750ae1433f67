//! Checks of the portal's shape that the compiler cannot make (ARCHITECTURE.md): one clock, and
//! event kinds spelled in one place.

use super::source_scan::{code_outside_tests, rust_sources, shown};
use crate::domain::case::EventKind;
use crate::domain::legal_aid::AidEventKind;

/// Files that are tests themselves (declared `#[cfg(test)]` where they are included).
fn is_test_file(name: &str) -> bool {
    name.ends_with("tests.rs") || name.ends_with("kernel/source_scan.rs")
}

/// Nothing reads the time but the clock (`kernel::clock`): a request reads it once and passes
/// it down, and tests move it.
#[test]
fn only_the_clock_reads_the_time() {
    let mut found = Vec::new();
    for file in rust_sources() {
        let name = shown(&file);
        if name.ends_with("kernel/clock.rs") || is_test_file(&name) {
            continue;
        }
        let code = code_outside_tests(&std::fs::read_to_string(&file).expect("readable"));
        for call in [
            "Utc::now(",
            "Local::now(",
            "SystemTime::now(",
            "Instant::now(",
        ] {
            if code.contains(call) {
                found.push(format!("{name}: {call}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "time read outside the clock:\n{}",
        found.join("\n")
    );
}

/// An event kind is spelled only where events map to storage (`domain::case::event`,
/// `domain::legal_aid::event`). Two other mappings share some of the words: the statuses
/// (`status`) and the workbench's form codes (`action`: "hearing" is a form's and an event's).
#[test]
fn event_kinds_are_spelled_only_in_their_mapping() {
    let allowed = [
        "domain/src/case/event.rs",
        "domain/src/legal_aid/event.rs",
        "domain/src/case/status.rs",
        "domain/src/legal_aid/status.rs",
        "domain/src/case/action.rs",
    ];
    let kinds: Vec<&str> = EventKind::ALL
        .iter()
        .map(|k| k.code())
        .chain(AidEventKind::ALL.iter().map(|k| k.code()))
        .collect();
    let mut found = Vec::new();
    for file in rust_sources() {
        let name = shown(&file);
        if allowed.iter().any(|a| name.ends_with(a)) || is_test_file(&name) {
            continue;
        }
        let code = code_outside_tests(&std::fs::read_to_string(&file).expect("readable"));
        for kind in &kinds {
            if code.contains(&format!("\"{kind}\"")) || code.contains(&format!("'{kind}'")) {
                found.push(format!("{name}: {kind}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "event kinds spelled outside their mapping:\n{}",
        found.join("\n")
    );
}

/// The common parts serve every feature and know none (ARCHITECTURE.md): the kernel and the UI
/// widgets import nothing from `features`, so a feature can be added or removed without them.
#[test]
fn the_kernel_and_the_widgets_know_no_feature() {
    let mut found = Vec::new();
    for file in rust_sources() {
        let name = shown(&file);
        let common = name.contains("app/src/kernel/") || name.contains("app/src/ui/");
        if !common || is_test_file(&name) {
            continue;
        }
        let code = code_outside_tests(&std::fs::read_to_string(&file).expect("readable"));
        let uses = code
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .any(|l| l.contains("crate::features::") || l.contains("features::"));
        if uses {
            found.push(name);
        }
    }
    assert!(
        found.is_empty(),
        "common code that imports a feature:\n{}",
        found.join("\n")
    );
}
