//! Tests against the real server on port 0, each with its own fresh SQLite file.

use portal_tests::{spawn_app, spawn_app_with};
use reqwest::StatusCode;

#[tokio::test]
async fn healthz_answers_200_when_the_database_answers() {
    let app = spawn_app().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn healthz_answers_503_when_the_database_does_not_answer() {
    let app = spawn_app().await;
    app.pool.close().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], "unavailable");
}

#[tokio::test]
async fn empty_database_is_migrated_and_seeded_with_random_passwords() {
    let a = spawn_app().await;
    let b = spawn_app().await;
    assert!(a.seeded.len() >= 5, "demo staff accounts are seeded");
    for role in [
        "registrar",
        "unit_staff",
        "supervisor",
        "admin",
        "legal_aid",
    ] {
        assert!(
            a.seeded.iter().any(|s| s.role == role),
            "a {role} account is seeded"
        );
    }
    let pa: Vec<_> = a.seeded.iter().map(|s| s.password.clone()).collect();
    let pb: Vec<_> = b.seeded.iter().map(|s| s.password.clone()).collect();
    assert_ne!(pa, pb, "passwords differ between installations");
    assert!(a.seeded.iter().all(|s| s.password.len() >= 16));
}

#[tokio::test]
async fn restarting_on_the_same_data_dir_does_not_seed_again() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // The same data directory and, on PostgreSQL, the same database.
    let mut database = None;
    let first = spawn_app_with(|s| {
        s.data_dir = data.clone();
        database = s.database_url.clone();
    })
    .await;
    assert!(!first.seeded.is_empty());
    drop(first);
    let second = spawn_app_with(|s| {
        s.data_dir = data.clone();
        s.database_url = database;
    })
    .await;
    assert!(second.seeded.is_empty(), "seeding happens once");
    assert_eq!(second.get("/healthz").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn home_page_shows_the_public_information_from_the_config() {
    let app = spawn_app().await;
    let res = app.get("/").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = res.text().await.unwrap();
    assert!(html.contains("<html lang=\"zh-Hans\""), "lang on html");
    assert!(html.contains("防城港市信访局"));
    assert!(html.contains("12345") && html.contains("12348"));
    assert!(html.contains("接待时间"));
    assert!(html.contains("第二十二条"));
}

#[tokio::test]
async fn public_information_server_function_answers_json() {
    let app = spawn_app().await;
    let res = app.get("/fn/public-info").await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["bureau_name"], "防城港市信访局");
    assert_eq!(body["hotlines"][0]["number"], "12345");
}

#[tokio::test]
async fn unknown_paths_get_a_real_404_page() {
    let app = spawn_app().await;
    let res = app.get("/no/such/page").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = res.text().await.unwrap();
    assert!(html.contains("找不到这个页面"));
    assert!(html.contains("返回首页"));
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_csp() {
    let app = spawn_app().await;
    // The petition journey is the page with scripts (its island).
    let res = app.get("/petition").await;
    let h = res.headers();
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    assert_eq!(h["referrer-policy"], "same-origin");
    assert!(
        h.get("strict-transport-security").is_none(),
        "no HSTS on plain http"
    );
    let csp = h["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(csp.contains("'wasm-unsafe-eval'"));
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .expect("a nonce in the CSP")
        .to_owned();
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "inline scripts carry the nonce"
    );
    let again = app.get("/petition").await;
    assert_ne!(
        again.headers()["content-security-policy"].to_str().unwrap(),
        csp,
        "fresh nonce per response"
    );
    // A page without scripts runs none, and so needs no nonce.
    let home = app.get("/").await;
    let csp = home.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("script-src 'none'"), "{csp}");
    assert!(!home.text().await.unwrap().contains("<script"));
}

/// `GET` with these headers: status, `ETag`, `Cache-Control` and body.
async fn fetch(
    app: &portal_tests::TestApp,
    path: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, Option<String>, Option<String>, String) {
    let mut req = app.http.get(app.url(path));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.unwrap();
    let h = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let (status, etag, cache) = (res.status(), h("etag"), h("cache-control"));
    (status, etag, cache, res.text().await.unwrap())
}

#[tokio::test]
async fn public_pages_are_made_once_and_revalidated_with_an_etag() {
    let app = spawn_app().await;
    let br = [("accept-encoding", "br")];
    let (status, etag, cache, _) = fetch(&app, "/stats", &br).await;
    assert_eq!(status, StatusCode::OK);
    let etag = etag.expect("an ETag");
    assert_eq!(cache.as_deref(), Some("no-cache"), "asked again each time");
    let before = app.ctx.pages.len();
    let (_, again, _, _) = fetch(&app, "/stats", &br).await;
    assert_eq!(again.as_deref(), Some(etag.as_str()));
    assert_eq!(app.ctx.pages.len(), before, "served from memory");
    let (status, _, _, body) = fetch(
        &app,
        "/stats",
        &[("accept-encoding", "br"), ("if-none-match", &etag)],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    // Each language, mode and encoding is its own page.
    let (_, english, _, text) = fetch(
        &app,
        "/stats",
        &[
            ("accept-encoding", "identity"),
            ("cookie", "portal_lang=en"),
        ],
    )
    .await;
    assert_ne!(english.as_deref(), Some(etag.as_str()));
    assert!(text.contains("Petitions received"), "{text}");
    let (_, plain, _, _) = fetch(&app, "/stats", &[("accept-encoding", "identity")]).await;
    assert_ne!(plain.as_deref(), Some(etag.as_str()), "another encoding");
    // A petition changes the figures: the page is made again, at once.
    let (_, plain_before, _, text_before) =
        fetch(&app, "/stats", &[("accept-encoding", "identity")]).await;
    assert_eq!(plain, plain_before);
    app.submit_petition(&portal_tests::journeys::wage_appeal())
        .await;
    let (status, plain_after, _, text_after) =
        fetch(&app, "/stats", &[("accept-encoding", "identity")]).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(plain_after, plain_before, "content changed");
    assert_ne!(text_after, text_before);
    let (status, _, _, _) = fetch(
        &app,
        "/stats",
        &[("accept-encoding", "br"), ("if-none-match", &etag)],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "the old ETag is stale");
}

#[tokio::test]
async fn pages_of_a_signed_in_reader_or_with_personal_data_are_never_kept() {
    let app = spawn_app().await;
    let cookie = app.staff_cookie("dengji").await;
    let (status, etag, _, _) = fetch(&app, "/", &[("cookie", &cookie)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(etag, None, "a staff member's page is made for them");
    for path in ["/petition", "/lookup?number=XF202612010001", "/staff"] {
        let (_, etag, _, _) = fetch(&app, path, &[]).await;
        assert_eq!(etag, None, "{path}");
    }
    let (_, etag, _, _) = fetch(&app, "/no-such-page", &[]).await;
    assert_eq!(etag, None, "only pages answered 200");
}

#[tokio::test]
async fn hsts_is_sent_when_the_portal_is_served_over_https() {
    let app = spawn_app_with(|s| s.public_url = Some("https://xf.example.gov.cn".into())).await;
    let res = app.get("/healthz").await;
    assert!(
        res.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age=")
    );
    let res = app.get("/prefs?a11y=on&back=/").await;
    assert!(
        res.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Secure")
    );
}

#[tokio::test]
async fn responses_are_compressed_with_brotli_or_gzip() {
    let app = spawn_app().await;
    for (accept, expected) in [("br", "br"), ("gzip", "gzip")] {
        let res = app
            .http
            .get(app.url("/"))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["content-encoding"], expected);
    }
}

#[tokio::test]
async fn oversized_request_bodies_are_refused_with_413() {
    let app = spawn_app().await;
    let body = vec![b'x'; server::http::MAX_BODY_BYTES + 1];
    let res = app
        .http
        .post(app.url("/fn/public-info"))
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn switches_set_a_cookie_and_return_to_the_same_page() {
    let app = spawn_app().await;
    let res = app.get("/prefs?lang=hant&back=/no/such%3Fx%3D1").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/no/such?x=1");
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("portal_lang=hant;"));
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));

    let page = app
        .http
        .get(app.url("/"))
        .header("cookie", "portal_lang=hant; portal_a11y=on")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<html lang=\"zh-Hant\" class=\"a11y\""));
    // The switches name each language in itself; the rest of the page is in Traditional script.
    assert!(page.contains(">简体</a>") && page.contains(">English</a>"));
    assert!(page.contains("退出無障礙") && page.contains("網上信訪服務平台"));
    assert!(!page.contains("网上信访服务平台"));
}

async fn page_with(
    app: &portal_tests::TestApp,
    path: &str,
    headers: &[(&str, &str)],
) -> (reqwest::header::HeaderMap, String) {
    let mut req = app.http.get(app.url(path));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.unwrap();
    let headers = res.headers().clone();
    (headers, res.text().await.unwrap())
}

#[tokio::test]
async fn pages_come_in_the_browsers_language_until_one_is_chosen() {
    let app = spawn_app().await;
    let (headers, page) = page_with(&app, "/", &[("accept-language", "en-US,en;q=0.9")]).await;
    assert!(
        page.starts_with("<!DOCTYPE html><html lang=\"en\""),
        "{}",
        &page[..80]
    );
    assert_eq!(headers["content-language"], "en");
    assert!(
        headers["vary"]
            .to_str()
            .unwrap()
            .contains("Accept-Language")
    );
    assert!(page.contains("Check progress") && page.contains("Skip to main content"));
    assert!(page.contains(">简体</a>") && page.contains(">繁體</a>"));
    // The bureau's own English for its name, from the config.
    assert!(
        page.contains("<span class=\"brand-name\">Fangchenggang Letters and Visits Bureau</span>")
    );

    // The header's choice wins over the browser's.
    let (_, page) = page_with(
        &app,
        "/",
        &[("accept-language", "en"), ("cookie", "portal_lang=hans")],
    )
    .await;
    assert!(page.contains("<html lang=\"zh-Hans\"") && page.contains("查询办理进度"));
    let (_, page) = page_with(&app, "/", &[("accept-language", "zh-HK")]).await;
    assert!(page.contains("<html lang=\"zh-Hant\"") && page.contains("查詢辦理進度"));

    // Pages answering a form post follow the browser's language too.
    let res = app
        .http
        .post(app.url("/lookup"))
        .header("accept-language", "en-GB")
        .form(&[("number", "XF202612010001"), ("code", "ABCD-EFGH-JKMN")])
        .send()
        .await
        .unwrap();
    let page = res.text().await.unwrap();
    assert!(page.contains("<html lang=\"en\""), "{}", &page[..200]);
    assert!(!page.contains("查询办理进度"), "the page is in English");

    // The workbench stays in Simplified Chinese.
    let (headers, page) = page_with(&app, "/staff/login", &[("cookie", "portal_lang=en")]).await;
    assert!(page.contains("<html lang=\"zh-Hans\""));
    assert_eq!(headers["content-language"], "zh-Hans");

    // Form values are what the citizen typed, in any language; text boxes too.
    let (_, page) = page_with(
        &app,
        "/search?q=%E5%A4%8D%E6%9F%A5",
        &[("cookie", "portal_lang=hant")],
    )
    .await;
    assert!(
        page.contains("value=\"复查\""),
        "the typed query is kept as typed"
    );
}

#[tokio::test]
async fn switches_never_redirect_off_site() {
    let app = spawn_app().await;
    for back in [
        "//evil.example/",
        "https://evil.example/",
        "/%5Cevil.example",
    ] {
        let res = app.get(&format!("/prefs?a11y=on&back={back}")).await;
        assert_eq!(res.headers()["location"], "/", "back={back}");
    }
}

#[tokio::test]
async fn demo_cases_fill_the_workbench_and_the_statistics() {
    let app = portal_tests::spawn_app_with(|s| s.seed_demo_cases = true).await;
    let count = app::features::petition::store::count(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 8);
    let stats: serde_json::Value = app.get("/api/v1/stats").await.json().await.unwrap();
    let volumes = stats["volumes"].as_array().unwrap();
    let total: i64 = volumes.iter().map(|v| v[1].as_i64().unwrap()).sum();
    assert_eq!(total, 8, "every demo case within the last twelve months");
    // Legal-aid applications at three stages, for the agency's workbench.
    let states: Vec<String> = sqlx::query_scalar(
        "SELECT kind FROM legal_aid_events WHERE kind <> 'received' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(states, ["granted", "lawyer_assigned", "material_requested"]);
    let staff = app.staff_cookie("fayuan").await;
    let (_, html) = app.get_with(&staff, "/staff/legal-aid").await;
    assert_eq!(html.matches("href=\"/staff/legal-aid/FY").count(), 3);
}

/// A database made before the 内容编辑 role (migration 9 rebuilds `staff_users`) keeps every
/// account and every reference to it when it is upgraded.
#[tokio::test]
async fn an_older_database_upgrades_with_its_staff_and_their_events_intact() {
    let dir = tempfile::tempdir().unwrap();
    let pool = portal_tests::database_before(dir.path(), 20261201000009).await;
    sqlx::query(
        "INSERT INTO staff_users (id, username, display_name, role, password_hash, created_at) \
         VALUES (7, 'dengji', '登记员', 'registrar', 'x', '2026-11-01T09:00:00+08:00')",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO audit_log (at, staff_id, action) VALUES ('2026-11-02T09:00:00+08:00', 7, 'view_case')",
    )
    .execute(&pool)
    .await
    .unwrap();
    let refused = sqlx::query(
        "INSERT INTO staff_users (username, display_name, role, password_hash, created_at) \
         VALUES ('bianji', '编辑', 'editor', 'x', 'now')",
    )
    .execute(&pool)
    .await;
    assert!(refused.is_err(), "no editor role before the upgrade");

    app::kernel::store::migrate(&pool).await.unwrap();
    let row: (i64, String) = sqlx::query_as(
        "SELECT s.id, s.username FROM audit_log a JOIN staff_users s ON s.id = a.staff_id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(row, (7, "dengji".to_owned()));
    sqlx::query(
        "INSERT INTO staff_users (username, display_name, role, password_hash, created_at) \
         VALUES ('bianji', '编辑', 'editor', 'x', 'now')",
    )
    .execute(&pool)
    .await
    .unwrap();
    // Foreign keys still hold on the application's connections.
    let dangling = sqlx::query(
        "INSERT INTO audit_log (at, staff_id, action) VALUES ('2026-11-03T09:00:00+08:00', 999, 'view_case')",
    )
    .execute(&pool)
    .await;
    assert!(dangling.is_err(), "a reference to no staff is refused");
}

#[tokio::test]
async fn only_the_petition_journey_loads_webassembly() {
    let app = spawn_app().await;
    for path in ["/", "/lookup", "/guides", "/legal-aid", "/stats"] {
        let html = app.get(path).await.text().await.unwrap();
        assert!(
            !html.contains("portal_bg.wasm") && !html.contains("modulepreload"),
            "{path}"
        );
    }
    let html = app.get("/petition").await.text().await.unwrap();
    assert!(html.contains("portal_bg.wasm"));
}

#[tokio::test]
async fn the_stylesheet_is_fingerprinted_and_kept_for_a_year() {
    let app = spawn_app().await;
    let page = app.get("/").await.text().await.unwrap();
    let start = page
        .find("/pkg/portal.css?v=")
        .expect("a fingerprinted stylesheet");
    let href = &page[start..start + page[start..].find('"').unwrap()];
    let res = app.get(href).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    // Files with fixed names are asked for again each time (a 304 while unchanged).
    let res = app.get("/pkg/portal.js").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-cache");
}

/// A database made before events were typed (migration 12) keeps every event: each kind, as
/// the portal wrote it then, reads back as the event it was and shows the same words.
#[tokio::test]
async fn events_written_before_they_were_typed_read_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let pool = portal_tests::database_before(dir.path(), 20261201000012).await;
    let run = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query(sql).execute(&pool).await.unwrap() }
    };
    run(
        "INSERT INTO staff_users (id, username, display_name, role, password_hash, created_at) \
         VALUES (1, 'dengji', '登记员', 'registrar', 'x', '2026-11-01T09:00:00+08:00')",
    )
    .await;
    run("INSERT INTO petitions (id, number, received_on, sequence, query_code_hash, category, \
         petitioner_name, id_number, mobile, address, district, title, request, facts_and_reasons, \
         channel, received_at) VALUES (1, 'XF202611020001', '2026-11-02', 1, 'x', 'appeal', '张三', \
         '11010519491231002X', '13812345678', '防城港市港口区某路 1 号', '450602', '工资拖欠', \
         '请求支付工资', '公司拖欠三个月工资', 'web', '2026-11-02T09:00:00+08:00')")
    .await;
    let texts = [
        ("received", "信访事项已收到", None, None),
        (
            "assigned",
            "已登记，交由市人力资源和社会保障局办理",
            Some("city-hrss"),
            None,
        ),
        ("accepted", "承办单位已受理", None, None),
        (
            "extended",
            "办理期限延长 20 日，理由：需要调查用人单位账目",
            None,
            Some(20),
        ),
        ("supervision_letter", "督办函：请于三日内报告", None, None),
        ("replied", "已书面答复（支持）", None, None),
        ("evaluated", "信访人评价：基本满意", None, None),
        ("review_requested", "信访人请求复查：数额不对", None, None),
    ];
    for (i, (kind, text, unit, days)) in texts.iter().enumerate() {
        sqlx::query(
            "INSERT INTO petition_events (id, petition_id, at, kind, public, actor_staff_id, text, \
             unit_code, extension_days) VALUES ($1, 1, $2, $3, $4, 1, $5, $6, $7)",
        )
        .bind(i as i64 + 1)
        .bind(format!("2026-11-{:02}T10:00:00+08:00", 2 + i))
        .bind(kind)
        .bind(i64::from(*kind != "supervision_letter"))
        .bind(text)
        .bind(unit)
        .bind(days)
        .execute(&pool)
        .await
        .unwrap();
    }
    run(
        "INSERT INTO replies (petition_id, event_id, request, facts_and_reasons, opinion, \
         legal_basis, outcome, at) VALUES (1, 6, '请求', '事实', '意见', '依据', 'support', \
         '2026-11-07T10:00:00+08:00')",
    )
    .await;
    run(
        "INSERT INTO evaluations (petition_id, event_id, rating, at) \
         VALUES (1, 7, 'basically_satisfied', '2026-11-08T10:00:00+08:00')",
    )
    .await;

    app::kernel::store::migrate(&pool).await.unwrap();
    app::features::upgrade_stored_data(&pool).await.unwrap();
    let events = app::features::cases::store::events(&pool, 1).await.unwrap();
    assert_eq!(events.len(), texts.len());
    for (e, (kind, text, _, _)) in events.iter().zip(texts) {
        assert_eq!(e.event.kind().code(), kind);
        assert_eq!(
            app::kernel::i18n::simplified(&e.event.message("市人力资源和社会保障局")),
            text
        );
    }
    assert_eq!(
        app::domain::case::Status::of(&events),
        app::domain::case::Status::UnderReview
    );
    // Once: a second start changes nothing.
    app::features::upgrade_stored_data(&pool).await.unwrap();
    assert_eq!(
        app::features::cases::store::events(&pool, 1).await.unwrap(),
        events
    );
}
