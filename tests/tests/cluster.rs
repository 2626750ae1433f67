//! Two portal servers on one database behave as one portal (issue 15): what one files the other
//! finds, a staff session from one is good on the other, and numbers taken by both at once never
//! repeat. Server A runs in this process; server B is another process (this test binary re-run
//! with `server_process` serving), so nothing in memory is shared between them. On SQLite both
//! use one file; under `.ci/postgres`, one PostgreSQL database.

use portal_tests::{TestApp, site_root, spawn_app_with};
use reqwest::StatusCode;
use serde_json::Value;
use std::process::Child;

const CHILD_DATA_DIR: &str = "PORTAL_TEST_CLUSTER_DATA_DIR";
const CHILD_DATABASE: &str = "PORTAL_TEST_CLUSTER_DATABASE";
const CHILD_KEY: &str = "PORTAL_TEST_CLUSTER_KEY";

/// Serves as server B when run as the child process; does nothing as an ordinary test.
#[test]
fn server_process() {
    let (Some(dir), Ok(database), Some(key)) = (
        std::env::var_os(CHILD_DATA_DIR),
        std::env::var(CHILD_DATABASE),
        std::env::var_os(CHILD_KEY),
    ) else {
        return;
    };
    let mut settings = server::Settings::for_tests(dir.into(), site_root());
    portal_tests::without_filing_limits(&mut settings);
    settings.database_url = Some(database);
    settings.query_code_key = Some(key.into());
    portal_tests::serve_as_child(settings);
}

/// Server B's process, stopped when dropped (also when a test fails).
struct OtherServer {
    child: Child,
    base_url: String,
    _dir: tempfile::TempDir,
}

impl OtherServer {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

impl Drop for OtherServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Server A, and server B on A's database with A's 查询码 key (as every server of one portal
/// must have), with a data directory of its own.
async fn two_servers() -> (TestApp, OtherServer) {
    let mut shared = None;
    let a = spawn_app_with(|s| {
        portal_tests::without_filing_limits(s);
        shared = Some((s.database_url(), s.query_code_key_file()));
    })
    .await;
    let (database, key) = shared.expect("A's settings");
    let dir = tempfile::tempdir().expect("B's data dir");
    let data = dir.path().join("data");
    let (child, base_url) = portal_tests::start_child_server(&[
        (CHILD_DATA_DIR, data.as_os_str()),
        (CHILD_DATABASE, database.as_ref()),
        (CHILD_KEY, key.as_os_str()),
    ]);
    let b = OtherServer {
        child,
        base_url,
        _dir: dir,
    };
    (a, b)
}

#[tokio::test]
async fn what_one_server_files_the_other_finds_and_a_session_holds_on_both() {
    let (a, b) = two_servers().await;
    let (number, code) = a
        .submit_petition(&portal_tests::journeys::wage_appeal())
        .await;
    let res = a
        .http
        .get(b.url(&format!("/api/v1/petitions/{number}")))
        .header("x-query-code", &code)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let status: Value = res.json().await.unwrap();
    assert_eq!(status["number"], number.as_str());
    // Signed in on A, the registrar works on B.
    let cookie = a.staff_cookie("dengji").await;
    let res = a
        .http
        .get(b.url(&format!("/staff/cases/{number}")))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains(&number));
}

#[tokio::test]
async fn numbers_taken_on_both_servers_at_once_never_repeat() {
    let (a, b) = two_servers().await;
    let petition = portal_tests::journeys::wage_appeal();
    let mut sends = tokio::task::JoinSet::new();
    for i in 0..60 {
        let url = if i % 2 == 0 {
            a.url("/api/v1/petitions")
        } else {
            b.url("/api/v1/petitions")
        };
        let (http, petition) = (a.http.clone(), petition.clone());
        sends.spawn(async move {
            let res = http.post(url).json(&petition).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::CREATED);
            let receipt: Value = res.json().await.unwrap();
            receipt["number"].as_str().unwrap().to_owned()
        });
    }
    let mut numbers = sends.join_all().await;
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 60, "sixty petitions, sixty numbers");
    // One day's sequence, 1 to 60, with no gap.
    let sequences: Vec<u32> = numbers.iter().map(|n| n[10..].parse().unwrap()).collect();
    assert_eq!(sequences, (1..=60).collect::<Vec<u32>>());
}
