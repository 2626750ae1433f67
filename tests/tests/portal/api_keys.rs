//! API keys (issue 17) against the real server: an administrator creates a key (shown once)
//! and revokes it; a caller with a key names the channel of the petitions it sends, each call
//! logged; without a key, with a wrong one or a revoked one, naming a channel is refused.

use portal_tests::browser::{Browser, Js};
use portal_tests::{TestApp, journeys, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Creates a key named `name` on the administrator's page: the key, as the page shows it once.
async fn create_key(app: &TestApp, admin: &str, name: &str) -> String {
    let res = app
        .http
        .post(app.url("/staff/api-keys"))
        .header("cookie", admin)
        .form(&[("name", name)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The key rides to the page in a cookie of the administrator's browser, never stored here.
    let set = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        set.contains("HttpOnly") && set.contains("Max-Age=300"),
        "{set}"
    );
    let pair = set.split(';').next().unwrap().to_owned();
    let page = app
        .http
        .get(app.url("/staff/api-keys"))
        .header("cookie", format!("{admin}; {pair}"))
        .send()
        .await
        .unwrap();
    let cleared = page.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cleared.contains("Max-Age=0"),
        "the page clears it: {cleared}"
    );
    let html = page.text().await.unwrap();
    let at = html.find("id=\"new-key\">").expect("the key shown") + 13;
    let key = html[at..at + html[at..].find('<').unwrap()].to_owned();
    assert!(key.starts_with("xfk_") && key.len() == 36, "{key}");
    // Shown once.
    let (_, again) = app.get_with(admin, "/staff/api-keys").await;
    assert!(!again.contains(&key) && again.contains(name));
    key
}

async fn submit(app: &TestApp, key: Option<&str>, body: &Value) -> (StatusCode, Value) {
    let mut req = app.http.post(app.url("/api/v1/petitions")).json(body);
    if let Some(key) = key {
        req = req.header("authorization", format!("Bearer {key}"));
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn from_hotline() -> Value {
    let mut body = journeys::wage_appeal();
    body["channel"] = json!("hotline");
    body
}

async fn channel_of(app: &TestApp, number: &str) -> String {
    sqlx::query_scalar("SELECT channel FROM petitions WHERE number = $1")
        .bind(number)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_keyed_caller_names_the_channel_and_nobody_else_may() {
    let app = spawn_app().await;
    let admin = app.staff_cookie("admin").await;
    // Only the administrator manages keys.
    let registrar = app.staff_cookie("dengji").await;
    let (status, _) = app
        .post_form_with(&registrar, "/staff/api-keys", &[("name", "12345 热线")])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, html) = app.get_with(&registrar, "/staff/api-keys").await;
    assert!(html.contains("只有管理员"), "{html}");
    // A name is needed.
    let (status, html) = app
        .post_form_with(&admin, "/staff/api-keys", &[("name", " ")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("href=\"#name\"") && html.contains("2 到 50 个字"));
    let key = create_key(&app, &admin, "12345 政务服务便民热线").await;

    // Without a key, naming a channel is refused; with none named, it is `api` as before.
    let (status, body) = submit(&app, None, &from_hotline()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(body["errors"][0]["code"], "unauthorized");
    let mut api = journeys::wage_appeal();
    api["channel"] = json!("api");
    let (status, _) = submit(&app, None, &api).await;
    assert_eq!(status, StatusCode::CREATED, "`api` needs no key");
    let (status, body) = submit(&app, None, &journeys::wage_appeal()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        channel_of(&app, body["number"].as_str().unwrap()).await,
        "api"
    );
    // A wrong key is refused whatever the body says.
    let (status, _) = submit(
        &app,
        Some("xfk_00000000000000000000000000000000"),
        &journeys::wage_appeal(),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // With the key: the hotline's petition, on the case as such.
    let (status, body) = submit(&app, Some(&key), &from_hotline()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let number = body["number"].as_str().unwrap().to_owned();
    assert_eq!(channel_of(&app, &number).await, "hotline");
    let (_, case) = app
        .get_with(&registrar, &format!("/staff/cases/{number}"))
        .await;
    assert!(
        case.contains("id=\"case-channel\">12345 热线转来"),
        "{case}"
    );
    // A channel that is not one, or the web forms', is named as the problem.
    let mut web = journeys::wage_appeal();
    web["channel"] = json!("web");
    let (status, body) = submit(&app, Some(&key), &web).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "channel");
    // Every call with the key is logged, with its answer.
    let calls: Vec<i64> = sqlx::query_scalar("SELECT status FROM api_calls ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(calls, [201, 422]);
    let (_, page) = app.get_with(&admin, "/staff/api-keys").await;
    assert!(page.contains("<td>2</td>"), "two calls listed: {page}");

    // Revoked: refused at once.
    let id: i64 = sqlx::query_scalar("SELECT id FROM api_keys")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let (status, _) = app
        .post_form_with(&admin, &format!("/staff/api-keys/{id}/revoke"), &[])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = submit(&app, Some(&key), &from_hotline()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, page) = app.get_with(&admin, "/staff/api-keys").await;
    assert!(page.contains("已停用"));

    // The API document names the channel's codes and the 401.
    let doc: Value = app
        .http
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let channel = &doc["components"]["schemas"]["PetitionInput"]["properties"]["channel"];
    let said = channel["description"].as_str().unwrap_or_default();
    for code in [
        "api", "letter", "visit", "phone", "fax", "hotline", "transfer",
    ] {
        assert!(said.contains(&format!("`{code}`")), "{code} in {said}");
    }
    assert!(doc["paths"]["/api/v1/petitions"]["post"]["responses"]["401"].is_object());
}

/// The administrator's page in the browser, JavaScript on and off, every page audited.
async fn keys_in_the_browser(js: Js) {
    let app = spawn_app().await;
    let b = Browser::start(js).await;
    let password = &app
        .seeded
        .iter()
        .find(|s| s.username == "admin")
        .unwrap()
        .password;
    b.visit(&app.url("/staff/login")).await;
    b.fill("username", "admin").await;
    b.fill("password", password).await;
    b.press("form button[type=submit]").await;
    b.click_link("接口密钥").await;
    assert_eq!(b.text("h1").await, "接口密钥");
    b.press("main form[action='/staff/api-keys'] button[type=submit]")
        .await;
    assert!(b.text(".error-summary").await.contains("接入方名称"));
    b.replace("name", "12345 热线").await;
    b.press("main form[action='/staff/api-keys'] button[type=submit]")
        .await;
    assert!(b.text("#new-key").await.starts_with("xfk_"));
    b.press("#keys form button").await;
    assert!(b.text("#keys").await.contains("已停用"));
    let _ = b.client.clone().close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_in_the_browser_js_on() {
    keys_in_the_browser(Js::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_in_the_browser_js_off() {
    keys_in_the_browser(Js::Off).await;
}
