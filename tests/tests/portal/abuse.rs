//! The portal under abuse, against the real server: filing limits, throttles that cannot be
//! raced, addresses behind proxies, cross-origin posts, downloads, backups, and the API's and the
//! static files' answers to what they do not take.

use app::domain::config::Limits;
use app::kernel::client::TrustedProxies;
use portal_tests::{TestApp, site_root, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::sync::Arc;

/// Valid ID numbers of different people (checksums right).
const PEOPLE: [&str; 8] = [
    "450602198001010100",
    "450602198001010119",
    "450602198001010127",
    "450602198001010135",
    "450602198001010143",
    "450602198001010151",
    "45060219800101016X",
    "450602198001010178",
];

fn petition(person: usize) -> Value {
    json!({
        "category": "suggestion",
        "petitioner": {
            "name": "王五", "id_number": PEOPLE[person], "mobile": format!("1391234560{person}"),
            "address": "防城港市港口区某某路 3 号", "district": "450602"
        },
        "title": "公交站点的建议",
        "request": "建议在小区门口增设公交站点，方便老人出行。",
        "facts_and_reasons": "小区有住户两千余人，最近的公交站点步行需二十分钟，老人出行很不方便。"
    })
}

/// Limits as the test says, and the test client (loopback) trusted as a proxy, so that each
/// request can name its own client in `X-Forwarded-For`.
async fn spawn_limited(limits: Limits) -> TestApp {
    spawn_app_with(|s| {
        let mut config = (*s.config).clone();
        config.limits = limits;
        s.config = Arc::new(config);
        s.trusted_proxies = TrustedProxies::parse("127.0.0.1").unwrap();
    })
    .await
}

/// `GET /api/v1/petitions/{number}` with the 查询码.
async fn lookup(app: &TestApp, number: &str, code: &str) -> reqwest::Response {
    app.http
        .get(app.url(&format!("/api/v1/petitions/{number}")))
        .header("x-query-code", code)
        .send()
        .await
        .unwrap()
}

async fn submit_from(app: &TestApp, client: &str, body: &Value) -> reqwest::Response {
    app.http
        .post(app.url("/api/v1/petitions"))
        .header("x-forwarded-for", client)
        .header("accept-language", "en")
        .json(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn one_client_cannot_flood_intake_and_is_told_when_to_come_back() {
    let app = spawn_limited(Limits {
        per_client_per_hour: 3,
        per_person_per_day: 5,
        ..Limits::default()
    })
    .await;
    for person in 0..3 {
        let res = submit_from(&app, "203.0.113.5", &petition(person)).await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    let res = submit_from(&app, "203.0.113.5", &petition(3)).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((3000..=3600).contains(&wait), "about an hour: {wait}");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "rate_limited");
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("limit") && message.contains("minutes"),
        "{message}"
    );
    // Everyone else still files.
    let res = submit_from(&app, "198.51.100.20", &petition(3)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    // An hour later the first client may file again.
    app.clock.advance(chrono::Duration::seconds(wait as i64));
    let res = submit_from(&app, "203.0.113.5", &petition(4)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn one_person_is_limited_per_day_from_whatever_address_and_the_form_keeps_what_was_typed() {
    let app = spawn_limited(Limits {
        per_client_per_hour: 100,
        per_person_per_day: 2,
        ..Limits::default()
    })
    .await;
    for client in ["203.0.113.1", "203.0.113.2"] {
        let res = submit_from(&app, client, &petition(0)).await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    let res = submit_from(&app, "203.0.113.3", &petition(0)).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    // The same mobile with another ID number is the same person too.
    let mut same_mobile = petition(1);
    same_mobile["petitioner"]["mobile"] = petition(0)["petitioner"]["mobile"].clone();
    let res = submit_from(&app, "203.0.113.4", &same_mobile).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    // A legal-aid application by the same person, on the web form: refused, everything kept.
    let answers = aid_answers(0);
    let res = app
        .http
        .post(app.url("/legal-aid/apply"))
        .header("x-forwarded-for", "203.0.113.9")
        .form(&answers)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    let html = res.text().await.unwrap();
    assert!(
        html.contains("提交的次数已达上限"),
        "said in the reader's language"
    );
    assert!(
        html.contains("父亲年老多病，兄弟三人长期不给付赡养费"),
        "kept"
    );
    // The next day the person files again.
    app.advance_days(1);
    let res = submit_from(&app, "203.0.113.3", &petition(0)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn concurrent_wrong_codes_are_evaluated_no_more_than_the_allowance() {
    let app = spawn_app().await;
    let (number, code) = app.submit_petition(&petition(0)).await;
    let tries = (0..100).map(|_| {
        app.http
            .get(app.url(&format!("/api/v1/petitions/{number}")))
            .header("x-query-code", "ABCD-EFGH-JKMN")
            .send()
    });
    let answers = futures_join(tries).await;
    let evaluated = answers
        .iter()
        .filter(|s| **s == StatusCode::NOT_FOUND)
        .count();
    let slowed = answers
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(evaluated + slowed, 100);
    assert!(
        evaluated <= 6,
        "{evaluated} guesses evaluated (five free, then locked)"
    );
    let right = lookup(&app, &number, &code).await;
    assert_eq!(right.status(), StatusCode::TOO_MANY_REQUESTS, "locked");
}

#[tokio::test]
async fn concurrent_wrong_passwords_are_evaluated_no_more_than_the_allowance() {
    let app = spawn_app().await;
    let tries = (0..60).map(|_| {
        app.http
            .post(app.url("/staff/login"))
            .form(&[("username", "dengji"), ("password", "wrong password")])
            .send()
    });
    let answers = futures_join(tries).await;
    let evaluated = answers
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    assert!(evaluated <= 6, "{evaluated} passwords evaluated");
    assert_eq!(
        answers
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count(),
        60 - evaluated
    );
}

/// Sends them all at once; their statuses.
async fn futures_join(
    requests: impl Iterator<
        Item = impl Future<Output = reqwest::Result<reqwest::Response>> + Send + 'static,
    >,
) -> Vec<StatusCode> {
    let tasks: Vec<_> = requests.map(tokio::spawn).collect();
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap().unwrap().status());
    }
    statuses
}

#[tokio::test]
async fn every_spelling_of_a_number_shares_one_guessing_budget() {
    let app = spawn_app().await;
    let (number, code) = app.submit_petition(&petition(0)).await;
    let spaced = format!(
        "{} {} {} {}",
        &number[..2],
        &number[2..6],
        &number[6..10],
        &number[10..]
    );
    let full_width: String = number
        .chars()
        .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
        .collect();
    let lower = number.to_lowercase();
    for spelling in [&spaced, &full_width, &lower, &spaced, &full_width, &lower] {
        let res = app
            .http
            .post(app.url("/lookup"))
            .form(&[("number", spelling.as_str()), ("code", "ABCD-EFGH-JKMN")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{spelling}");
    }
    let res = app
        .http
        .post(app.url("/lookup"))
        .form(&[("number", number.as_str()), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}

async fn wrong_lookup_from(app: &TestApp, client: &str, number: &str) -> StatusCode {
    app.http
        .get(app.url(&format!("/api/v1/petitions/{number}")))
        .header("x-query-code", "ABCD-EFGH-JKMN")
        .header("x-forwarded-for", client)
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn forwarded_addresses_are_believed_from_a_trusted_proxy_only() {
    // Behind a trusted proxy: one citizen's typos lock that citizen, not everyone.
    let app = spawn_limited(Limits::default()).await;
    let mut numbers = Vec::new();
    for person in 0..3 {
        numbers.push(app.submit_petition(&petition(person)).await.0);
    }
    let mut statuses = Vec::new();
    for i in 0..12 {
        statuses.push(wrong_lookup_from(&app, "203.0.113.7", &numbers[i % 3]).await);
    }
    assert_eq!(
        statuses.last(),
        Some(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    assert_eq!(
        wrong_lookup_from(&app, "198.51.100.8", &numbers[0]).await,
        StatusCode::NOT_FOUND,
        "another citizen behind the same proxy is still heard"
    );

    // Without `--trusted-proxy` the header is anyone's to write, and ignored.
    let app = spawn_app().await;
    let mut numbers = Vec::new();
    for person in 0..3 {
        numbers.push(app.submit_petition(&petition(person)).await.0);
    }
    for i in 0..12 {
        let client = format!("203.0.113.{i}");
        wrong_lookup_from(&app, &client, &numbers[i % 3]).await;
    }
    assert_eq!(
        wrong_lookup_from(&app, "198.51.100.8", &numbers[0]).await,
        StatusCode::TOO_MANY_REQUESTS,
        "a made-up address buys no new tries"
    );
}

#[tokio::test]
async fn posts_from_another_origin_are_refused() {
    let app = spawn_app().await;
    let cookie = app.staff_cookie("dengji").await;
    let other_port = format!("http://127.0.0.1:{}", app.addr.port().wrapping_add(1));
    for (name, value) in [
        ("origin", other_port.as_str()),
        ("origin", "http://evil.example"),
        ("sec-fetch-site", "same-site"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let res = app
            .http
            .post(app.url("/staff/logout"))
            .header("cookie", &cookie)
            .header(name, value)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{name}: {value}");
        assert!(res.text().await.unwrap().contains("来自其他网站或页面"));
    }
    let (status, _) = app.get_with(&cookie, "/staff").await;
    assert_eq!(status, StatusCode::OK, "still signed in");
    let res = app
        .http
        .post(app.url("/api/v1/petitions"))
        .header("origin", "http://evil.example")
        .header("accept-language", "en")
        .json(&petition(0))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "cross_origin");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("another site"),
        "in the caller's language: {body}"
    );
    // The portal's own pages post as before.
    let res = app
        .http
        .post(app.url("/staff/logout"))
        .header("cookie", &cookie)
        .header("origin", &app.base_url)
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

/// The web form's answers of a complete legal-aid application by `PEOPLE[person]`, submitting.
fn aid_answers(person: usize) -> Vec<(&'static str, String)> {
    [
        ("who", "self"),
        ("name", "王五"),
        ("id_number", PEOPLE[person]),
        ("mobile", &format!("1391234560{person}")),
        ("address", "防城港市港口区某某路 3 号"),
        ("district", "450602"),
        ("matter", "maintenance"),
        (
            "description",
            "父亲年老多病，兄弟三人长期不给付赡养费，协商多次无果。",
        ),
        (
            "hardship_statement",
            "父亲没有收入，靠我打零工每月一千五百元维持。",
        ),
        ("pledge", "yes"),
        ("action", "submit"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

/// A legal-aid application through the web form with one file; its number.
async fn apply_with_file(app: &TestApp, name: &str, bytes: Vec<u8>) -> String {
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in aid_answers(5) {
        form = form.text(k, v);
    }
    form = form.part(
        "files",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
    );
    let res = app
        .http
        .post(app.url("/legal-aid/apply"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let (status, html) = app.follow(res).await;
    assert_eq!(status, StatusCode::OK);
    let at = html.find("id=\"aid-number\"").unwrap();
    let start = at + html[at..].find('>').unwrap() + 1;
    html[start..start + 14].to_owned()
}

fn jpeg() -> Vec<u8> {
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0];
    jpeg.resize(3000, 7);
    jpeg
}

#[tokio::test]
async fn a_download_is_named_for_what_its_content_is() {
    let app = spawn_app().await;
    let number = apply_with_file(&app, "证据照片.hta", jpeg()).await;
    let agency = app.staff_cookie("fayuan").await;
    let res = app
        .http
        .get(app.url(&format!("/staff/legal-aid/{number}/files/1")))
        .header("cookie", &agency)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    let saved: String = "证据照片.jpg"
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    assert!(
        disposition.ends_with(&format!("filename*=UTF-8''{saved}"))
            && disposition.contains("filename=\"file.jpg\""),
        "{disposition}"
    );
    // The page still shows the name the citizen gave.
    let (_, page) = app
        .get_with(&agency, &format!("/staff/legal-aid/{number}"))
        .await;
    assert!(page.contains("证据照片.hta"));
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[tokio::test]
async fn a_backup_holds_the_files_and_the_key_and_restores_into_a_working_portal() {
    let app = spawn_app().await;
    if app_on_postgres(&app) {
        // PostgreSQL is backed up with its own tools; `backup` says so instead of half a copy.
        let settings = server::Settings::for_tests(app.data_dir.clone(), site_root());
        let dir = tempfile::tempdir().unwrap();
        let refused = server::backup::backup(&settings, &app.pool, &dir.path().join("b.tar"))
            .await
            .unwrap_err()
            .to_string();
        assert!(refused.contains("pg_dump"), "{refused}");
        return;
    }
    let number = apply_with_file(&app, "欠条.jpg", jpeg()).await;
    let (petition_number, code) = app.submit_petition(&petition(1)).await;
    let password = app
        .seeded
        .iter()
        .find(|s| s.username == "fayuan")
        .unwrap()
        .password
        .clone();
    // The data is the server's user's alone.
    assert_eq!(mode(&app.data_dir), 0o700);
    assert_eq!(mode(&app.data_dir.join("portal.db")), 0o600);
    assert_eq!(mode(&app.data_dir.join("query-code.key")), 0o600);
    let attachments = app.data_dir.join("attachments");
    assert_eq!(mode(&attachments), 0o700);
    for file in std::fs::read_dir(&attachments).unwrap() {
        assert_eq!(mode(&file.unwrap().path()), 0o600);
    }

    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("portal-backup.tar");
    let settings = server::Settings::for_tests(app.data_dir.clone(), site_root());
    let summary = server::backup::backup(&settings, &app.pool, &archive)
        .await
        .unwrap();
    assert_eq!(summary.attachments, 1);
    assert_eq!(mode(&archive), 0o600);
    assert!(
        server::backup::backup(&settings, &app.pool, &archive)
            .await
            .is_err(),
        "never overwrites a backup"
    );
    drop(app);

    let restored_dir = dir.path().join("restored");
    let restored = server::Settings::for_tests(restored_dir.clone(), site_root());
    let summary = server::backup::restore(&restored, &archive).unwrap();
    assert_eq!(
        summary.attachments, 0,
        "the file is in the database, not beside it"
    );
    assert!(
        server::backup::restore(&restored, &archive).is_err(),
        "never restores over a portal's data"
    );
    let app = spawn_app_with(|s| s.data_dir = restored_dir.clone()).await;
    assert!(app.seeded.is_empty(), "the restored accounts are kept");
    let res = app
        .http
        .post(app.url("/staff/login"))
        .form(&[("username", "fayuan"), ("password", password.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let cookie = res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let res = app
        .http
        .get(app.url(&format!("/staff/legal-aid/{number}/files/1")))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.unwrap().to_vec(), jpeg());
    // The citizens' codes open their cases: the key came back with the database.
    let res = lookup(&app, &petition_number, &code).await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_query_code_hashed_by_an_earlier_version_opens_and_is_rehashed_with_the_key() {
    use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
    let app = spawn_app().await;
    let (number, code) = app.submit_petition(&petition(0)).await;
    // What earlier versions stored: argon2id of the code without its hyphens.
    let plain: String = code.chars().filter(|c| *c != '-').collect();
    let params = argon2::Params::new(2 * 1024, 1, 1, None).unwrap();
    let old = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password(plain.as_bytes(), &SaltString::generate(&mut OsRng))
        .unwrap()
        .to_string();
    sqlx::query("UPDATE petitions SET query_code_hash = $1 WHERE number = $2")
        .bind(&old)
        .bind(&number)
        .execute(&app.pool)
        .await
        .unwrap();
    let res = lookup(&app, &number, &code).await;
    assert_eq!(res.status(), StatusCode::OK);
    let stored: String =
        sqlx::query_scalar("SELECT query_code_hash FROM petitions WHERE number = $1")
            .bind(&number)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(stored.starts_with("hmac-sha256$"), "{stored}");
    let res = lookup(&app, &number, &code).await;
    assert_eq!(res.status(), StatusCode::OK, "and opens again");
}

#[tokio::test]
async fn the_api_answers_methods_and_paths_it_does_not_take_in_its_format() {
    let app = spawn_app().await;
    let res = app
        .http
        .delete(app.url("/api/v1/petitions"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(res.headers().contains_key("allow"));
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "method_not_allowed");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("DELETE")
    );
    let res = app.get("/api/v1/petitions/%FF%FE").await;
    assert!(res.status().is_client_error());
    let body: Value = res.json().await.unwrap();
    assert!(body["errors"][0]["code"].is_string(), "{body}");
}

#[tokio::test]
async fn static_files_take_no_writes_and_staff_pages_are_never_stored() {
    let app = spawn_app().await;
    for method in ["PUT", "DELETE", "TRACE", "POST"] {
        let res = app
            .http
            .request(method.parse().unwrap(), app.url("/pkg/portal.css"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED, "{method}");
    }
    let (number, _) = app.submit_petition(&petition(0)).await;
    let cookie = app.staff_cookie("dengji").await;
    for path in ["/staff".to_owned(), format!("/staff/cases/{number}")] {
        let res = app
            .http
            .get(app.url(&path))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["cache-control"], "no-store", "{path}");
    }
}

#[tokio::test]
async fn a_title_of_only_invisible_characters_is_refused() {
    let app = spawn_app().await;
    let mut body = petition(0);
    body["title"] = json!("\u{200B}\u{200B}\u{202E}\u{2060}");
    let res = app
        .http
        .post(app.url("/api/v1/petitions"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "title");
    assert_eq!(body["errors"][0]["code"], "required");
}

#[tokio::test]
async fn the_figures_are_kept_and_follow_every_change() {
    let app = spawn_app().await;
    let stats = || async {
        app.get("/api/v1/stats")
            .await
            .json::<Value>()
            .await
            .unwrap()
    };
    assert_eq!(stats().await["received"], 0);
    let (first, _) = app.submit_petition(&petition(0)).await;
    app.submit_petition(&petition(1)).await;
    assert_eq!(stats().await["received"], 2, "new petitions are taken in");
    assert!(stats().await["units"].as_array().unwrap().is_empty());
    let registrar = app.staff_cookie("dengji").await;
    let (status, _) = app
        .post_form_with(
            &registrar,
            &format!("/staff/cases/{first}"),
            &[("action", "assign"), ("unit", "city-hrss")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let now = stats().await;
    assert_eq!(
        now["units"][0]["unit"], "city-hrss",
        "new events are taken in"
    );
    assert_eq!(now["units"][0]["received"], 1);
    let month = now["month"].as_str().unwrap().to_owned();
    assert_eq!(now["volumes"], json!([[month, 2]]));
}

fn app_on_postgres(app: &portal_tests::TestApp) -> bool {
    app::kernel::store::backend(&app.pool) == app::kernel::store::Backend::Postgres
}
