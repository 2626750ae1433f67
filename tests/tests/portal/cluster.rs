//! Two portal servers on one database behave as one portal (issue 15): what one files the other
//! finds, a staff session from one is good on the other, and numbers taken by both at once never
//! repeat. Server A runs in this process; server B is another process (this test binary re-run
//! with its `server_process` test serving), so nothing in memory is shared between them. On SQLite both
//! use one file; under `.ci/postgres`, one PostgreSQL database.

use portal_tests::{TestApp, spawn_app_with};
use reqwest::StatusCode;
use serde_json::Value;
use std::process::Child;

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
/// must have), with a data directory of its own; both without filing limits unless
/// `filing_limits`.
async fn two_servers_with(filing_limits: bool) -> (TestApp, OtherServer) {
    let mut shared = None;
    let a = spawn_app_with(|s| {
        if !filing_limits {
            portal_tests::without_filing_limits(s);
        }
        shared = Some((s.database_url(), s.query_code_key_file()));
    })
    .await;
    let (database, key) = shared.expect("A's settings");
    let dir = tempfile::tempdir().expect("B's data dir");
    let data = dir.path().join("data");
    let (child, base_url) =
        portal_tests::start_child_server(&data, Some(&database), Some(&key), filing_limits);
    let b = OtherServer {
        child,
        base_url,
        _dir: dir,
    };
    (a, b)
}

async fn two_servers() -> (TestApp, OtherServer) {
    two_servers_with(false).await
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

#[tokio::test]
async fn guesses_spread_over_both_servers_are_throttled_as_one() {
    let (a, b) = two_servers().await;
    let (number, code) = a
        .submit_petition(&portal_tests::journeys::wage_appeal())
        .await;
    let lookup = |url: String, code: &str| {
        a.http
            .get(url)
            .header("x-query-code", code.to_owned())
            .send()
    };
    let path = format!("/api/v1/petitions/{number}");
    // Six wrong codes, three on each server: the five free ones and the one that locks.
    for i in 0..6 {
        let url = if i % 2 == 0 {
            a.url(&path)
        } else {
            b.url(&path)
        };
        let res = lookup(url, "ABCD-EFGH-JKMN").await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "guess {i}");
    }
    // Now the right code waits, on either server.
    for url in [a.url(&path), b.url(&path)] {
        let res = lookup(url, &code).await.unwrap();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(res.headers().contains_key("retry-after"));
    }
    // Sign-in: six wrong passwords for one account, spread over both, lock it on both.
    let sign_in = |url: String, password: &str| {
        a.http
            .post(url)
            .form(&[("username", "admin"), ("password", password)])
            .send()
    };
    for i in 0..6 {
        let url = if i % 2 == 0 {
            a.url("/staff/login")
        } else {
            b.url("/staff/login")
        };
        let res = sign_in(url, "guess").await.unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "password {i}");
    }
    let password = &a
        .seeded
        .iter()
        .find(|s| s.username == "admin")
        .expect("admin is seeded")
        .password;
    for url in [a.url("/staff/login"), b.url("/staff/login")] {
        let res = sign_in(url, password).await.unwrap();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    }
}

#[tokio::test]
async fn one_person_s_filings_spread_over_both_servers_count_as_one() {
    let (a, b) = two_servers_with(true).await;
    let petition = portal_tests::journeys::wage_appeal();
    // Five a day per person (the default): three through A, two through B.
    for i in 0..5 {
        let url = if i % 2 == 0 {
            a.url("/api/v1/petitions")
        } else {
            b.url("/api/v1/petitions")
        };
        let res = a.http.post(url).json(&petition).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::CREATED, "filing {i}");
    }
    for url in [a.url("/api/v1/petitions"), b.url("/api/v1/petitions")] {
        let res = a.http.post(url).json(&petition).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(res.headers().contains_key("retry-after"));
    }
}

#[tokio::test]
async fn periodic_work_runs_on_one_server_a_period() {
    let (a, _b) = two_servers().await;
    // A second pool on A's database stands for a second server's.
    let other = app::kernel::store::connect(&a.database_url)
        .await
        .expect("another pool");
    let now = a.ctx.now().utc();
    let hour = chrono::Duration::hours(1);
    // Both ask, at once and many times over.
    let mut asks = tokio::task::JoinSet::new();
    for i in 0..20 {
        let pool = if i % 2 == 0 {
            a.ctx.pool.clone()
        } else {
            other.clone()
        };
        asks.spawn(async move {
            app::kernel::store::claim_periodic(&pool, "test-job", now, hour)
                .await
                .unwrap()
        });
    }
    let runs = asks.join_all().await.into_iter().filter(|yes| *yes).count();
    assert_eq!(runs, 1, "one run this hour");
    let soon = now + chrono::Duration::minutes(59);
    assert!(
        !app::kernel::store::claim_periodic(&other, "test-job", soon, hour)
            .await
            .unwrap()
    );
    let later = now + chrono::Duration::minutes(61);
    assert!(
        app::kernel::store::claim_periodic(&other, "test-job", later, hour)
            .await
            .unwrap(),
        "the next hour's run"
    );
}

#[tokio::test]
async fn one_action_sent_to_both_servers_at_once_is_taken_once() {
    let (a, b) = two_servers().await;
    let mut petition = portal_tests::journeys::wage_appeal();
    petition["unit"] = "city-hrss".into();
    let (number, _) = a.submit_petition(&petition).await;
    let registrar = a.staff_cookie("dengji").await;
    let path = format!("/staff/cases/{number}");
    let mut sends = tokio::task::JoinSet::new();
    for i in 0..16 {
        let url = if i % 2 == 0 {
            a.url(&path)
        } else {
            b.url(&path)
        };
        let (http, cookie) = (a.http.clone(), registrar.clone());
        sends.spawn(async move {
            http.post(url)
                .header("cookie", cookie)
                .form(&[("action", "assign"), ("unit", "city-hrss")])
                .send()
                .await
                .unwrap()
                .status()
        });
    }
    let statuses = sends.join_all().await;
    let taken = statuses
        .iter()
        .filter(|s| **s == StatusCode::SEE_OTHER)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::CONFLICT)
        .count();
    assert_eq!((taken, refused), (1, 15), "{statuses:?}");
    let assigned: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM petition_events e JOIN petitions p ON p.id = e.petition_id \
         WHERE p.number = $1 AND e.kind = 'assigned'",
    )
    .bind(&number)
    .fetch_one(&a.pool)
    .await
    .unwrap();
    assert_eq!(assigned, 1, "one registration in the record");
}

#[tokio::test]
async fn a_file_sent_through_one_server_is_opened_by_staff_through_the_other() {
    let (a, b) = two_servers().await;
    // Three pieces' worth (a file is kept in pieces of 256 KiB).
    let mut bytes = crate::petition_web::jpeg();
    bytes.resize(600 * 1024, 9);
    let number =
        crate::petition_web::send_with_files(&a, "appeal", vec![("工资单.jpg", bytes.clone())])
            .await;
    let registrar = a.staff_cookie("dengji").await;
    let res = a
        .http
        .get(b.url(&format!("/staff/cases/{number}/files/1")))
        .header("cookie", &registrar)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.unwrap().as_ref(), bytes.as_slice());
}
