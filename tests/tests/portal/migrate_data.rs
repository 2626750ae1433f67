//! `server migrate-data` (issue 15): a bureau's SQLite database, with demo content, an
//! attachment of several pieces and every kind of case and legal-aid event, copied into an empty
//! PostgreSQL database; compared row by row, refused a second time, and then served: a citizen's
//! 查询码 opens the same case, staff open the same file, and new numbers go on from the old.
//! PostgreSQL is the one `.ci/postgres` starts; without it (the SQLite pass) only the refusals
//! that need no PostgreSQL are tried.

use app::domain::case::EventKind;
use app::domain::legal_aid::AidEventKind;
use app::kernel::store::transfer;
use portal_tests::{TestApp, spawn_app_with};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn petition(unit: &str) -> Value {
    crate::cases::petition("appeal", unit)
}

async fn act(app: &TestApp, cookie: &str, number: &str, form: &[(&str, &str)]) {
    let (status, html) = app
        .post_form_with(cookie, &format!("/staff/cases/{number}"), form)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{form:?}: {html}");
}

async fn decide(app: &TestApp, cookie: &str, number: &str, form: &[(&str, &str)]) {
    let (status, html) = app
        .post_form_with(cookie, &format!("/staff/legal-aid/{number}"), form)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{form:?}: {html}");
}

async fn citizen(app: &TestApp, code: &str, path: &str, body: Value) -> StatusCode {
    app.http
        .post(app.url(path))
        .header("X-Query-Code", code)
        .json(&body)
        .send()
        .await
        .unwrap()
        .status()
}

async fn status_of(app: &TestApp, path: &str, code: &str) -> (StatusCode, Value) {
    let res = app
        .http
        .get(app.url(path))
        .header("X-Query-Code", code)
        .send()
        .await
        .unwrap();
    (res.status(), res.json().await.unwrap_or(Value::Null))
}

/// Cases that between them, with the demo cases, hold every kind of event; returns the number
/// and 查询码 of one that went through all of 复查 and 复核.
async fn every_kind_of_event(app: &TestApp) -> (String, String) {
    let registrar = app.staff_cookie("dengji").await;
    let hrss = app.staff_cookie("city-hrss").await;
    let housing = app.staff_cookie("city-housing").await;
    let supervisor = app.staff_cookie("duban").await;
    let city = app.staff_cookie("city-gov").await;
    let (number, code) = app.submit_petition(&petition("city-hrss")).await;
    let n = number.as_str();
    act(
        app,
        &registrar,
        n,
        &[("action", "assign"), ("unit", "city-housing")],
    )
    .await;
    act(
        app,
        &housing,
        n,
        &[
            ("action", "object"),
            (
                "object_reason",
                "本单位不主管劳动报酬争议，应由人社部门办理。",
            ),
        ],
    )
    .await;
    act(
        app,
        &registrar,
        n,
        &[("action", "assign"), ("unit", "city-hrss")],
    )
    .await;
    act(app, &hrss, n, &[("action", "accept")]).await;
    act(
        app,
        &hrss,
        n,
        &[
            ("action", "progress"),
            ("note", "已约谈用人单位负责人"),
            ("public", "yes"),
        ],
    )
    .await;
    act(
        app,
        &hrss,
        n,
        &[
            ("action", "mediate"),
            ("agreed", "no"),
            ("mediation_note", "公司不同意分期支付"),
        ],
    )
    .await;
    act(
        app,
        &supervisor,
        n,
        &[
            ("action", "supervise"),
            ("letter", "supervision"),
            ("letter_text", "请于三日内报告办理进展"),
        ],
    )
    .await;
    // A letter to the unit about it (督办函, numbered in its year), carried over with its link.
    let reply_by = (chrono::Utc::now() + chrono::Duration::days(20))
        .format("%Y-%m-%d")
        .to_string();
    let (status, html) = app
        .post_form_with(
            &supervisor,
            "/staff/letters",
            &[
                ("kind", "supervision"),
                ("unit", "city-hrss"),
                ("cases", n),
                ("subject", "加快办理拖欠工资信访事项"),
                ("body", "你单位办理的信访事项进展缓慢，请依法按时办理。"),
                ("reply_by", &reply_by),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    act(app, &hrss, n, &crate::cases::letter()).await;
    let path = format!("/api/v1/petitions/{n}");
    assert_eq!(
        citizen(
            app,
            &code,
            &format!("{path}/evaluation"),
            json!({"rating": "unsatisfied"})
        )
        .await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        citizen(
            app,
            &code,
            &format!("{path}/review-requests"),
            json!({"reason": "对处理意见不服。"})
        )
        .await,
        StatusCode::CREATED
    );
    act(app, &city, n, &crate::cases::review_letter()).await;
    assert_eq!(
        citizen(
            app,
            &code,
            &format!("{path}/review-requests"),
            json!({"reason": "对复查意见仍然不服。"})
        )
        .await,
        StatusCode::CREATED
    );
    act(
        app,
        &registrar,
        n,
        &[
            ("action", "hearing"),
            ("hearing_days", "10"),
            ("hearing_note", "邀请劳动监察大队和公司代表参加听证"),
        ],
    )
    .await;
    act(app, &registrar, n, &crate::cases::review_letter()).await;

    let (other, _) = app.submit_petition(&petition("city-hrss")).await;
    act(
        app,
        &registrar,
        &other,
        &[("action", "assign"), ("unit", "city-hrss")],
    )
    .await;
    act(
        app,
        &hrss,
        &other,
        &[
            ("action", "not_accept"),
            ("reason", "已经通过劳动仲裁程序处理，依法不予受理。"),
        ],
    )
    .await;
    act(
        app,
        &registrar,
        &other,
        &[("action", "set_field"), ("field", "labour-social-security")],
    )
    .await;

    let agency = app.staff_cookie("fayuan").await;
    for outcome in ["granted", "refused"] {
        let res = app
            .http
            .post(app.url("/api/v1/legal-aid"))
            .json(&portal_tests::journeys::legal_aid_application())
            .send()
            .await
            .unwrap();
        let status = res.status();
        let receipt: Value = res.json().await.unwrap();
        assert_eq!(status, StatusCode::CREATED, "{receipt}");
        let aid = receipt["number"].as_str().unwrap();
        if outcome == "refused" {
            decide(
                app,
                &agency,
                aid,
                &[
                    ("action", "refuse"),
                    (
                        "reasons",
                        "申请人每月收入高于自治区规定的经济困难标准，不符合第三十四条的条件。",
                    ),
                ],
            )
            .await;
            continue;
        }
        decide(
            app,
            &agency,
            aid,
            &[
                ("action", "request_material"),
                ("days", "10"),
                ("items", "工资欠条或者考勤记录"),
            ],
        )
        .await;
        assert_eq!(
            citizen(
                app,
                receipt["query_code"].as_str().unwrap(),
                &format!("/api/v1/legal-aid/{aid}/material"),
                json!({"explanation": "欠条照片已送到中心窗口。"})
            )
            .await,
            StatusCode::OK
        );
        decide(app, &agency, aid, &[("action", "grant")]).await;
        decide(
            app,
            &agency,
            aid,
            &[("action", "assign"), ("lawyer", "广西某律师事务所 陈律师")],
        )
        .await;
    }
    // A 查询码 sent again through 我的事项, for a petition and for an application.
    let now = app::kernel::clock::Now::of(&app.clock);
    let english = app::domain::prefs::Lang::English;
    let (other, _) = app.submit_petition(&petition("city-hrss")).await;
    let mobile = petition("city-hrss")["petitioner"]["mobile"]
        .as_str()
        .unwrap()
        .to_owned();
    app::features::petition::service::replace_query_code(
        &app.ctx,
        &other,
        &mobile,
        "203.0.113.9",
        english,
        now,
    )
    .await
    .unwrap();
    let res = app
        .http
        .post(app.url("/api/v1/legal-aid"))
        .json(&portal_tests::journeys::legal_aid_application())
        .send()
        .await
        .unwrap();
    let receipt: Value = res.json().await.unwrap();
    let aid = receipt["number"].as_str().unwrap();
    let mobile = portal_tests::journeys::legal_aid_application()["applicant"]["mobile"]
        .as_str()
        .unwrap()
        .to_owned();
    app::features::legal_aid::service::replace_query_code(
        &app.ctx,
        aid,
        &mobile,
        "203.0.113.9",
        english,
        now,
    )
    .await
    .unwrap();
    (number, code)
}

async fn kinds(pool: &app::kernel::store::Pool, table: &str) -> Vec<String> {
    sqlx::query_scalar(&format!("SELECT DISTINCT kind FROM {table}"))
        .fetch_all(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_sqlite_portal_moves_to_postgresql_whole_and_is_served_from_there() {
    let mut from = (String::new(), std::path::PathBuf::new());
    let source = spawn_app_with(|s| {
        s.database_url = None;
        s.seed_demo_cases = true;
        // One person files all of it (the copied filing charges would hold them back after).
        portal_tests::without_filing_limits(s);
        from = (s.database_url(), s.query_code_key_file());
    })
    .await;
    let (from, key) = from;

    let Some(to) = portal_tests::fresh_postgres_database().await else {
        // Without PostgreSQL: what is refused before any database is opened.
        let wrong = server::migrate_data::migrate_data(&from, "sqlite://elsewhere.db").await;
        assert!(
            wrong
                .unwrap_err()
                .to_string()
                .contains("--to must be a PostgreSQL URL")
        );
        let missing =
            server::migrate_data::migrate_data("sqlite:///nowhere/portal.db", "postgres://x/y")
                .await;
        assert!(
            missing
                .unwrap_err()
                .to_string()
                .contains("there is no SQLite database at /nowhere/portal.db")
        );
        return;
    };

    let (number, code) = every_kind_of_event(&source).await;
    // Three pieces' worth of file (a file is kept in pieces of 256 KiB).
    let mut bytes = crate::petition_web::jpeg();
    bytes.resize(600 * 1024, 7);
    let with_file = crate::petition_web::send_with_files(
        &source,
        "appeal",
        vec![("工资单.jpg", bytes.clone())],
    )
    .await;
    let mut petition_kinds = kinds(&source.pool, "petition_events").await;
    petition_kinds.sort();
    let mut all: Vec<String> = EventKind::ALL.iter().map(|k| k.code().to_owned()).collect();
    all.sort();
    assert_eq!(
        petition_kinds, all,
        "every kind of case event is in the source"
    );
    let mut aid_kinds = kinds(&source.pool, "legal_aid_events").await;
    aid_kinds.sort();
    let mut all: Vec<String> = AidEventKind::ALL
        .iter()
        .map(|k| k.code().to_owned())
        .collect();
    all.sort();
    assert_eq!(
        aid_kinds, all,
        "every kind of legal-aid event is in the source"
    );
    let (_, before) = status_of(&source, &format!("/api/v1/petitions/{number}"), &code).await;

    server::migrate_data::migrate_data(&from, &to)
        .await
        .expect("the copy is made and found the same on both sides");

    // Row by row, every table.
    let target = app::kernel::store::connect(&to).await.unwrap();
    let tables = transfer::tables_of(&target).await.unwrap();
    assert!(tables.len() >= 20, "{} tables", tables.len());
    for table in &tables {
        let mut a = transfer::rows(&source.pool, table).await.unwrap();
        let mut b = transfer::rows(&target, table).await.unwrap();
        a.sort();
        b.sort();
        assert_eq!(a.len(), b.len(), "{}: rows", table.name);
        assert!(a == b, "{}: the rows differ", table.name);
        if [
            "petitions",
            "petition_events",
            "legal_aid_events",
            "attachment_chunks",
            "staff_users",
        ]
        .contains(&table.name.as_str())
        {
            assert!(!a.is_empty(), "{} has rows to compare", table.name);
        }
    }

    // Into a database that holds data: refused, and nothing is added.
    let again = server::migrate_data::migrate_data(&from, &to)
        .await
        .unwrap_err();
    assert!(
        again.to_string().contains("already holds data"),
        "{again:#}"
    );
    let petitions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM petitions")
        .fetch_one(&target)
        .await
        .unwrap();
    let source_petitions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM petitions")
        .fetch_one(&source.pool)
        .await
        .unwrap();
    assert_eq!(petitions, source_petitions);
    target.close().await;

    // A server on PostgreSQL with the old portal's 查询码 key serves what was copied.
    let mut moved = spawn_app_with(|s| {
        s.database_url = Some(to.clone());
        s.query_code_key = Some(key.clone());
        portal_tests::without_filing_limits(s);
    })
    .await;
    assert!(moved.seeded.is_empty(), "nothing seeded over the copy");
    moved.seeded = source.seeded.clone();
    let (status, after) = status_of(&moved, &format!("/api/v1/petitions/{number}"), &code).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(after, before, "the same case, event for event");
    let registrar = moved.staff_cookie("dengji").await;
    let res = moved
        .http
        .get(moved.url(&format!("/staff/cases/{with_file}/files/1")))
        .header("cookie", &registrar)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.unwrap().as_ref(), bytes.as_slice());
    // New numbers and ids go on from the copied ones.
    let (next, next_code) = moved.submit_petition(&petition("city-hrss")).await;
    let old: Vec<String> = sqlx::query_scalar("SELECT number FROM petitions")
        .fetch_all(&source.pool)
        .await
        .unwrap();
    assert!(!old.contains(&next), "{next} is a new number");
    let (status, _) = status_of(&moved, &format!("/api/v1/petitions/{next}"), &next_code).await;
    assert_eq!(status, StatusCode::OK);
}
