//! Notifications (issue 16) end to end: the portal's worker sends through a real SMTP server
//! (aiosmtpd) and an HTTP receiver standing in for the SMS gateway. Each public step of a case
//! is told, and nothing more than the number, what happened and where to look; status SMS wait
//! out the night; a failing or silent gateway is tried again with backoff and given up after the
//! limit; a server killed mid-send leaves the message to another, under the same key.

use portal_tests::notify::{Answer, SmsGateway, SmtpServer};
use portal_tests::{TestApp, journeys, spawn_app_with};
use reqwest::StatusCode;
use serde_json::{Value, json};

const TOKEN: &str = "gateway-secret";

pub(crate) fn transports(
    smtp: Option<&SmtpServer>,
    sms: &SmsGateway,
) -> app::kernel::outbox::transport::Transports {
    use app::kernel::outbox::transport::{Mailer, SmsGateway as Gateway};
    app::kernel::outbox::transport::Transports {
        sms: Some(
            Gateway::new(&sms.url, Some(TOKEN.into()))
                .unwrap()
                .with_timeout(std::time::Duration::from_secs(2))
                .unwrap(),
        ),
        mail: smtp
            .map(|s| Mailer::new(&s.url(), "防城港市信访局 <noreply@xfj.example.cn>").unwrap()),
    }
}

async fn sending(smtp: Option<&SmtpServer>, sms: &SmsGateway) -> TestApp {
    let t = transports(smtp, sms);
    spawn_app_with(|s| s.transports = t).await
}

/// Moves the clock on to the next 10:00 Beijing time (never back), so that SMS are not held
/// for the night whenever the tests run.
pub(crate) fn at_ten(app: &TestApp) {
    let beijing = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let now = app::kernel::clock::Clock::now(&app.clock).with_timezone(&beijing);
    let mut ten = now.date_naive().and_hms_opt(10, 0, 0).unwrap();
    if ten <= now.naive_local() {
        ten += chrono::Duration::days(1);
    }
    app.clock
        .set(ten.and_local_timezone(beijing).unwrap().to_utc());
}

fn with_notify(mut body: Value, notify: Value) -> Value {
    body["notify"] = notify;
    body
}

pub(crate) async fn act(app: &TestApp, cookie: &str, number: &str, form: &[(&str, &str)]) {
    let (status, html) = app
        .post_form_with(cookie, &format!("/staff/cases/{number}"), form)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{form:?}: {html}");
}

/// The unit's written reply (信访处理意见书, 支持) on a case it accepted.
pub(crate) async fn reply(app: &TestApp, unit: &str, number: &str) {
    act(
        app,
        unit,
        number,
        &[
            ("action", "reply"),
            ("reply_request", "请求督促用人单位支付拖欠的三个月工资。"),
            ("reply_facts", "经查，该公司自 8 月起确未足额支付工资。"),
            ("opinion", "已责令该公司于 15 日内支付拖欠工资。"),
            ("legal_basis", "《劳动保障监察条例》第二十六条"),
            ("outcome", "support"),
        ],
    )
    .await;
}

/// The registrar assigns the case to the unit `city-hrss`; the registrar's cookie.
pub(crate) async fn assign(app: &TestApp, number: &str) -> String {
    let registrar = app.staff_cookie("dengji").await;
    act(
        app,
        &registrar,
        number,
        &[("action", "assign"), ("unit", "city-hrss")],
    )
    .await;
    registrar
}

pub(crate) async fn states(app: &TestApp) -> Vec<(String, String, i64)> {
    sqlx::query_as::<_, (String, String, i64)>(
        "SELECT channel, state, attempts FROM outbox ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_petitioner_is_told_each_public_step_by_sms_and_mail_and_nothing_more() {
    let smtp = SmtpServer::start();
    let gateway = SmsGateway::start().await;
    let app = sending(Some(&smtp), &gateway).await;
    at_ten(&app);
    let body = with_notify(
        journeys::wage_appeal(),
        json!({"sms": true, "email": "zhangsan@example.cn"}),
    );
    let (number, code) = app.submit_petition(&body).await;

    // On receipt: the number and the date the bureau must act by, signed with its name.
    let sms = gateway.wait_for(1).await;
    let first = &sms[0];
    assert_eq!(first.body["to"], "13812345678");
    assert_eq!(first.body["template"], "notice-received");
    assert_eq!(first.body["params"]["number"], number.as_str());
    assert!(first.body["params"]["due"].as_str().unwrap().contains('月'));
    let text = first.body["text"].as_str().unwrap();
    assert!(text.starts_with("【防城港市信访局】您的信访事项"), "{text}");
    assert!(text.contains(&number));
    assert_eq!(
        first.authorization.as_deref(),
        Some("Bearer gateway-secret")
    );
    assert_eq!(first.idempotency_key.as_deref(), first.body["key"].as_str());
    let mails = smtp.wait_for(1).await;
    assert_eq!(mails[0].to, ["zhangsan@example.cn"]);
    assert!(mails[0].from.contains("noreply@xfj.example.cn"));
    assert!(
        mails[0].subject().contains("防城港市信访局"),
        "{}",
        mails[0].subject()
    );
    assert!(mails[0].body().contains(&number), "{}", mails[0].body());

    // The registrar assigns, the unit accepts, notes (internal: nothing sent), extends, replies.
    let registrar = assign(&app, &number).await;
    gateway.wait_for(2).await;
    let unit = app.staff_cookie("city-hrss").await;
    act(&app, &unit, &number, &[("action", "accept")]).await;
    gateway.wait_for(3).await;
    act(
        &app,
        &unit,
        &number,
        &[
            ("action", "progress"),
            ("note", "已约谈用人单位负责人，内部记录"),
        ],
    )
    .await;
    act(
        &app,
        &unit,
        &number,
        &[
            ("action", "extend"),
            ("days", "10"),
            ("extend_reason", "需要补充调查用人单位账目"),
        ],
    )
    .await;
    gateway.wait_for(4).await;
    let opinion = "已责令该公司于 15 日内支付拖欠工资，逾期将依法处理。";
    act(
        &app,
        &unit,
        &number,
        &[
            ("action", "reply"),
            ("reply_request", "请求督促用人单位支付拖欠的三个月工资。"),
            (
                "reply_facts",
                "经查，该公司自 8 月起确未足额支付工资，共计拖欠三个月。",
            ),
            ("opinion", opinion),
            ("legal_basis", "《劳动保障监察条例》第二十六条"),
            ("outcome", "support"),
        ],
    )
    .await;
    let sms = gateway.wait_for(5).await;
    let mails = smtp.wait_for(5).await;
    let templates: Vec<&str> = sms
        .iter()
        .map(|r| r.body["template"].as_str().unwrap())
        .collect();
    assert_eq!(
        templates,
        [
            "notice-received",
            "notice-assigned",
            "notice-accepted",
            "notice-extended",
            "notice-replied"
        ]
    );
    assert!(
        sms[1].body["text"].as_str().unwrap().contains("人力资源"),
        "{:?}",
        sms[1].body
    );
    assert_eq!(sms[3].body["params"]["days"], "10");
    // 第34条: the extension's reason is told.
    assert_eq!(sms[3].body["params"]["reason"], "需要补充调查用人单位账目");
    assert!(
        sms[3].body["text"]
            .as_str()
            .unwrap()
            .contains("理由：需要补充调查用人单位账目")
    );
    // Never the 查询码, the ID number, the reply's words or an internal note; every key its own.
    for text in sms
        .iter()
        .map(|r| r.body["text"].as_str().unwrap().to_owned())
        .chain(mails.iter().map(|m| m.body()))
    {
        for secret in [
            code.as_str(),
            &code.replace('-', ""),
            "11010519491231002X",
            opinion,
            "内部记录",
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
    let keys: std::collections::BTreeSet<_> =
        sms.iter().map(|r| r.body["key"].to_string()).collect();
    assert_eq!(keys.len(), 5);
    // Five events told, on two channels, each sent once (the last one's record may follow the
    // SMTP server's acceptance by a moment).
    for row in 0..10 {
        wait_for_state(&app, row, "sent").await;
    }
    let all = states(&app).await;
    assert_eq!(all.len(), 10, "{all:?}");
    assert!(
        all.iter()
            .all(|(_, state, attempts)| state == "sent" && *attempts == 1),
        "{all:?}"
    );

    // The outbox page shows what went out, the mobile's middle hidden.
    let (status, html) = app.get_with(&registrar, "/staff/outbox").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("138****5678") && !html.contains("13812345678"));
    assert!(html.contains("已发送") && html.contains(&number));
    // A unit's staff do not read every citizen's messages.
    let (_, html) = app.get_with(&unit, "/staff/outbox").await;
    assert!(html.contains("只有登记员、督办和管理员可以查看"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_are_said_in_the_language_the_citizen_used_and_none_unasked() {
    let gateway = SmsGateway::start().await;
    let app = sending(None, &gateway).await;
    at_ten(&app);
    for (lang, body) in [
        (
            "en",
            with_notify(journeys::wage_appeal(), json!({"sms": true})),
        ),
        (
            "zh-TW",
            with_notify(journeys::wage_appeal(), json!({"sms": true})),
        ),
        // No "notify": nothing is queued for it.
        ("zh-CN", journeys::wage_appeal()),
        (
            "zh-CN",
            with_notify(journeys::legal_aid_application(), json!({"sms": true})),
        ),
    ] {
        let path = if body.get("applicant").is_some() {
            "/api/v1/legal-aid"
        } else {
            "/api/v1/petitions"
        };
        let res = app
            .http
            .post(app.url(path))
            .header("accept-language", lang)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    // Sent side by side: found by what they are, not by the order they arrived in.
    let sms = gateway.wait_for(3).await;
    let texts: Vec<(String, String)> = sms
        .iter()
        .map(|r| {
            (
                r.body["template"].as_str().unwrap().to_owned(),
                r.body["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let has = |template: &str, part: &str| {
        texts
            .iter()
            .any(|(t, text)| t == template && text.contains(part))
    };
    assert!(
        has("notice-received", "[Fangchenggang") && has("notice-received", "has been received"),
        "{texts:?}"
    );
    assert!(has("notice-received", "您的信訪事項"), "{texts:?}");
    assert!(has("notice-aid-received", "法律援助申请"), "{texts:?}");
    assert_eq!(states(&app).await.len(), 3);

    // A bad address is refused with the field named, in the caller's language.
    let res = app
        .http
        .post(app.url("/api/v1/petitions"))
        .header("accept-language", "en")
        .json(&with_notify(
            journeys::wage_appeal(),
            json!({"email": "zhang at example"}),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "notify.email");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("email address"),
        "{body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_sms_wait_out_the_night_and_mail_does_not() {
    let smtp = SmtpServer::start();
    let gateway = SmsGateway::start().await;
    let app = sending(Some(&smtp), &gateway).await;
    at_ten(&app);
    app.clock.advance(chrono::Duration::hours(13)); // 23:00
    let body = with_notify(
        journeys::wage_appeal(),
        json!({"sms": true, "email": "zhangsan@example.cn"}),
    );
    let (number, _) = app.submit_petition(&body).await;
    // The mail goes at once; the SMS, in the same pass, is not due.
    smtp.wait_for(1).await;
    assert!(gateway.requests().is_empty());
    let due: i64 = sqlx::query_scalar("SELECT due_ms FROM outbox WHERE channel = 'sms'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let due = chrono::DateTime::from_timestamp_millis(due)
        .unwrap()
        .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap());
    assert_eq!(due.format("%H:%M").to_string(), "08:00");
    // The morning: it goes.
    app.clock.advance(chrono::Duration::hours(9));
    let sms = gateway.wait_for(1).await;
    assert!(sms[0].body["text"].as_str().unwrap().contains(&number));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_or_silent_gateway_is_tried_again_later_and_given_up_after_the_limit() {
    let gateway = SmsGateway::start().await;
    let app = sending(None, &gateway).await;
    at_ten(&app);
    let sms_only = || with_notify(journeys::wage_appeal(), json!({"sms": true}));

    // 500, then no answer (the sender's time-out), then delivered: three tries, one key.
    gateway.answer_next(&[Answer::Fail, Answer::Hold]);
    app.submit_petition(&sms_only()).await;
    gateway.wait_for(1).await;
    let error = wait_for_error(&app, "HTTP 500").await;
    assert!(error.contains("gateway down"), "{error}");
    assert_eq!(states(&app).await[0].1, "pending");
    // Tried again a minute later (by the injected clock), not before.
    assert_eq!(gateway.requests().len(), 1);
    app.clock.advance(chrono::Duration::minutes(1));
    gateway.wait_for(2).await;
    wait_for_error(&app, "did not answer").await;
    gateway.release();
    app.clock.advance(chrono::Duration::minutes(5));
    let sms = gateway.wait_for(3).await;
    wait_for_state(&app, 0, "sent").await;
    let keys: std::collections::BTreeSet<_> =
        sms.iter().map(|r| r.idempotency_key.clone()).collect();
    assert_eq!(keys.len(), 1, "every try of one message carries its key");
    let tries: Vec<i64> = sqlx::query_scalar("SELECT ok FROM outbox_attempts ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(tries, [0, 0, 1]);

    // Failing every time: after six tries (1, 5, 30 min, 2 h, 6 h apart) it is given up and the
    // outbox page says so.
    gateway.answer_next(&[Answer::Fail; 6]);
    let (number, _) = app.submit_petition(&sms_only()).await;
    let waits = [1, 5, 30, 120, 360];
    for (i, minutes) in waits.iter().enumerate() {
        gateway.wait_for(4 + i).await;
        wait_for_attempts(&app, 1, i as i64 + 1).await;
        app.clock.advance(chrono::Duration::minutes(*minutes));
    }
    gateway.wait_for(9).await;
    wait_for_state(&app, 1, "failed").await;
    let registrar = app.staff_cookie("dengji").await;
    let (_, html) = app.get_with(&registrar, "/staff/outbox").await;
    assert!(html.contains("有 1 条通知多次发送失败"), "{html}");
    assert!(html.contains("发送失败") && html.contains(&number));
    let (_, html) = app.get_with(&registrar, "/staff").await;
    assert!(
        html.contains("有 1 条通知多次发送失败") && html.contains("/staff/outbox"),
        "{html}"
    );
    // Given up means given up: a day later nothing more is tried.
    app.clock.advance(chrono::Duration::days(1));
    assert_eq!(states(&app).await[1], ("sms".into(), "failed".into(), 6));
}

async fn wait_for_error(app: &TestApp, part: &str) -> String {
    poll(app, |rows: &[(Option<String>, String, i64)]| {
        rows.first()
            .and_then(|(e, _, _)| e.clone())
            .filter(|e| e.contains(part))
    })
    .await
}

pub(crate) async fn wait_for_state(app: &TestApp, row: usize, state: &str) {
    poll(app, |rows: &[(Option<String>, String, i64)]| {
        rows.get(row).filter(|(_, s, _)| s == state).map(|_| ())
    })
    .await
}

/// Waits until row `row` (0-based) has `attempts` tries recorded and is pending again (a try
/// counts when it is claimed, before its answer: waiting for its record keeps the test's clock
/// from moving between the two).
async fn wait_for_attempts(app: &TestApp, row: usize, attempts: i64) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let recorded: Vec<(i64, i64, String, i64)> = sqlx::query_as(
            "SELECT o.attempts, o.claimed_until_ms, o.state, \
             (SELECT COUNT(*) FROM outbox_attempts a WHERE a.outbox_id = o.id) \
             FROM outbox o ORDER BY o.id",
        )
        .fetch_all(&app.pool)
        .await
        .unwrap();
        if recorded.get(row).is_some_and(|(a, claimed, s, tries)| {
            *a == attempts && *claimed == 0 && s == "pending" && *tries == attempts
        }) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the outbox stays {recorded:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// Reads the outbox (error, state, attempts per row) until `done` says it shows what is waited
/// for, or 20 s pass.
async fn poll<T>(app: &TestApp, done: impl Fn(&[(Option<String>, String, i64)]) -> Option<T>) -> T {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let rows = sqlx::query_as::<_, (Option<String>, String, i64)>(
            "SELECT last_error, state, attempts FROM outbox ORDER BY id",
        )
        .fetch_all(&app.pool)
        .await
        .unwrap();
        if let Some(found) = done(&rows) {
            return found;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the outbox stays {rows:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_send_leaves_the_message_to_another_under_the_same_key() {
    let gateway = SmsGateway::start().await;
    let dir = tempfile::tempdir().unwrap();
    let database = portal_tests::fresh_postgres_database()
        .await
        .unwrap_or_else(|| format!("sqlite://{}", dir.path().join("portal.db").display()));
    let key = dir.path().join("query-code.key");
    // Server A takes the message and is killed while the gateway holds its answer.
    gateway.answer_next(&[Answer::Hold]);
    let ten = {
        let beijing = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
        let today = chrono::Utc::now().with_timezone(&beijing).date_naive();
        today
            .and_hms_opt(10, 0, 0)
            .unwrap()
            .and_local_timezone(beijing)
            .unwrap()
            .to_utc()
    };
    let (mut a, base) = portal_tests::start_child_server_sending(
        &dir.path().join("a"),
        Some(&database),
        Some(&key),
        &gateway.url,
        ten,
    );
    let http = reqwest::Client::new();
    let res = http
        .post(format!("{base}/api/v1/petitions"))
        .json(&with_notify(journeys::wage_appeal(), json!({"sms": true})))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let number = res.json::<Value>().await.unwrap()["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let first = gateway.wait_for(1).await;
    // SAFETY: kill(2) on the child server this test started.
    unsafe { libc::kill(a.id() as i32, libc::SIGKILL) };
    a.wait().unwrap();
    gateway.release();

    // Server B, on the same database: the message is A's until A's claim lapses, then B's.
    let t = transports(None, &gateway);
    let b = spawn_app_with(|s| {
        s.database_url = Some(database.clone());
        s.query_code_key = Some(key.clone());
        s.transports = t;
    })
    .await;
    let claimed_until: i64 = sqlx::query_scalar("SELECT claimed_until_ms FROM outbox")
        .fetch_one(&b.pool)
        .await
        .unwrap();
    b.clock
        .set(chrono::DateTime::from_timestamp_millis(claimed_until).unwrap());
    let sms = gateway.wait_for(2).await;
    wait_for_state(&b, 0, "sent").await;
    assert_eq!(sms.len(), 2);
    assert_eq!(sms[1].idempotency_key, first[0].idempotency_key);
    assert_eq!(sms[1].body["key"], first[0].body["key"]);
    assert!(sms[1].body["text"].as_str().unwrap().contains(&number));
    // One message, one row, tried twice, delivered once by the gateway's reckoning.
    assert_eq!(states(&b).await, [("sms".to_owned(), "sent".to_owned(), 2)]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_is_reminded_once_before_the_review_window_closes() {
    let gateway = SmsGateway::start().await;
    let app = sending(None, &gateway).await;
    at_ten(&app);
    let body = with_notify(journeys::wage_appeal(), json!({"sms": true}));
    let (number, _) = app.submit_petition(&body).await;
    assign(&app, &number).await;
    let unit = app.staff_cookie("city-hrss").await;
    act(&app, &unit, &number, &[("action", "accept")]).await;
    reply(&app, &unit, &number).await;
    gateway.wait_for(4).await;
    let reminders = || {
        gateway
            .requests()
            .into_iter()
            .filter(|r| r.body["template"] == "notice-review-closing")
            .collect::<Vec<_>>()
    };
    // Not while the window has long to run.
    server::hourly_work(&app.ctx).await;
    assert_eq!(states(&app).await.len(), 4);
    // Five days before it closes (the 30 days of 第35条 from the reply), once.
    let replied = app::kernel::clock::Now::of(&app.clock).today();
    let last = app
        .ctx
        .config
        .calendar
        .due(app::domain::limit::Limit::RequestReview, replied);
    let days = (last - replied).num_days() - app::domain::case::review::REMINDER_DAYS;
    app.advance_days(days);
    server::hourly_work(&app.ctx).await;
    let sms = gateway.wait_for(5).await;
    let text = sms[4].body["text"].as_str().unwrap();
    assert_eq!(sms[4].body["template"], "notice-review-closing");
    assert!(text.contains(&number) && text.contains("复查"), "{text}");
    assert!(
        text.contains(&format!(
            "{}月{}日",
            chrono::Datelike::month(&last),
            chrono::Datelike::day(&last)
        )),
        "{text}"
    );
    app.advance_days(1);
    server::hourly_work(&app.ctx).await;
    wait_for_state(&app, 4, "sent").await;
    assert_eq!(reminders().len(), 1, "once per window");
    assert_eq!(states(&app).await.len(), 5);
}
