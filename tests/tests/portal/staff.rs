//! Staff sign-in against the real server: sessions, throttling, sign-out.

use portal_tests::{TestApp, spawn_app, spawn_app_with};
use reqwest::StatusCode;

async fn sign_in(app: &TestApp, username: &str, password: &str) -> reqwest::Response {
    app.http
        .post(app.url("/staff/login"))
        .form(&[("username", username), ("password", password)])
        .send()
        .await
        .unwrap()
}

fn password_of<'a>(app: &'a TestApp, username: &str) -> &'a str {
    &app.seeded
        .iter()
        .find(|s| s.username == username)
        .unwrap()
        .password
}

fn session_cookie(res: &reqwest::Response) -> String {
    let set = res.headers()["set-cookie"].to_str().unwrap();
    set.split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn the_workbench_needs_a_signed_in_session() {
    let app = spawn_app().await;
    let res = app.get("/staff").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/staff/login");
}

#[tokio::test]
async fn a_seeded_account_signs_in_with_its_printed_password_and_signs_out() {
    let app = spawn_app().await;
    let res = sign_in(&app, "dengji", password_of(&app, "dengji")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/staff");
    let set_cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(
        set_cookie.contains("Max-Age=1800"),
        "30 minutes idle timeout: {set_cookie}"
    );
    let cookie = session_cookie(&res);

    let page = app
        .http
        .get(app.url("/staff"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("登记员（演示）"));

    let out = app
        .http
        .post(app.url("/staff/logout"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    let after = app
        .http
        .get(app.url("/staff"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(
        after.status(),
        StatusCode::SEE_OTHER,
        "the old session is gone"
    );
}

#[tokio::test]
async fn signing_in_renews_the_session_id() {
    let app = spawn_app().await;
    let planted = "portal_session=planted-by-an-attacker";
    let res = app
        .http
        .post(app.url("/staff/login"))
        .header("cookie", planted)
        .form(&[
            ("username", "duban"),
            ("password", password_of(&app, "duban")),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_ne!(session_cookie(&res), planted);
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_name_get_the_same_answer_and_keep_the_name() {
    let app = spawn_app().await;
    let wrong = sign_in(&app, "dengji", "not-the-password").await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert!(
        wrong.headers().get("set-cookie").is_none(),
        "no session for a failure"
    );
    let wrong = wrong.text().await.unwrap();
    let unknown = sign_in(&app, "nobody", "not-the-password").await;
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    let unknown = unknown.text().await.unwrap();
    for html in [&wrong, &unknown] {
        assert!(html.contains("用户名或密码不正确"));
        assert!(
            html.contains("href=\"#password\""),
            "the summary links to the field"
        );
    }
    assert!(wrong.contains("value=\"dengji\""), "the name typed is kept");
    assert!(
        !wrong.contains("not-the-password"),
        "the password is never echoed"
    );
}

#[tokio::test]
async fn empty_fields_are_named_one_by_one() {
    let app = spawn_app().await;
    let res = sign_in(&app, "", "").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("请输入用户名") && html.contains("请输入密码"));
}

#[tokio::test]
async fn repeated_failures_for_an_account_are_slowed_down_even_with_the_right_password() {
    let app = spawn_app().await;
    for _ in 0..5 {
        assert_eq!(
            sign_in(&app, "admin", "guess").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }
    // The sixth failure locks the account; now even the right password must wait.
    assert_eq!(
        sign_in(&app, "admin", "guess").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let locked = sign_in(&app, "admin", password_of(&app, "admin")).await;
    assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = locked.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=30).contains(&retry), "{retry}");
    assert!(locked.text().await.unwrap().contains("尝试次数过多"));
    // Another account from the same client is not locked by it.
    let other = sign_in(&app, "duban", password_of(&app, "duban")).await;
    assert_eq!(other.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_session_cookie_is_secure_behind_https() {
    let app = spawn_app_with(|s| s.public_url = Some("https://xf.example.gov.cn".into())).await;
    let res = sign_in(&app, "dengji", password_of(&app, "dengji")).await;
    assert!(
        res.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Secure")
    );
}
