//! The citizen's side of notifications (issue 16) against the real server: the forms ask how to
//! be told, a status page stops the messages, and 我的事项 proves a mobile by an SMS code, lists
//! its matters and sends a lost 查询码 again. The SMS gateway is an HTTP receiver standing in for
//! the real one; the mail goes through a real SMTP server.

use super::notify::{assign, at_ten, states, transports};
use portal_tests::browser::{Browser, Js};
use portal_tests::notify::{SmsGateway, SmtpServer};
use portal_tests::{TestApp, journeys, spawn_app_with};
use reqwest::StatusCode;
use serde_json::json;

const MOBILE: &str = "13812345678";

async fn sending(smtp: Option<&SmtpServer>, sms: &SmsGateway) -> TestApp {
    let t = transports(smtp, sms);
    spawn_app_with(|s| s.transports = t).await
}

async fn post(app: &TestApp, path: &str, cookie: &str, form: &[(&str, &str)]) -> reqwest::Response {
    let mut req = app.http.post(app.url(path)).form(form);
    if !cookie.is_empty() {
        req = req.header("cookie", cookie);
    }
    req.send().await.expect("request to the test server")
}

/// The `portal_mine=…` pair a response sets.
fn mine_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with("portal_mine="))
        .unwrap_or_default()
        .to_owned()
}

/// The SMS requests sent to `mobile` with `template`.
fn sent(gateway: &SmsGateway, mobile: &str, template: &str) -> Vec<serde_json::Value> {
    gateway
        .requests()
        .into_iter()
        .map(|r| r.body)
        .filter(|b| b["to"] == mobile && b["template"] == template)
        .collect()
}

/// Waits for the `n`th code sent to `mobile` and returns it.
async fn code_sent(gateway: &SmsGateway, mobile: &str, n: usize) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let codes = sent(gateway, mobile, "notice-code");
        if codes.len() >= n {
            return codes[n - 1]["params"]["code"].as_str().unwrap().to_owned();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no code sent to {mobile}"
        );
        gateway.wait_for(gateway.requests().len() + 1).await;
    }
}

/// Proves `mobile` by the code it is sent: the session's cookie.
async fn sign_in(app: &TestApp, gateway: &SmsGateway, mobile: &str) -> String {
    let before = sent(gateway, mobile, "notice-code").len();
    let res = post(app, "/mine/code", "", &[("mobile", mobile)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let code = code_sent(gateway, mobile, before + 1).await;
    let res = post(
        app,
        "/mine/verify",
        "",
        &[("mobile", mobile), ("code", &code)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "the right code");
    assert_eq!(res.headers()["location"], "/mine");
    let cookie = mine_cookie(&res);
    assert!(cookie.len() > "portal_mine=".len());
    cookie
}

/// Posts `code` for [`MOBILE`].
async fn verify(app: &TestApp, code: &str) -> reqwest::Response {
    post(
        app,
        "/mine/verify",
        "",
        &[("mobile", MOBILE), ("code", code)],
    )
    .await
}

async fn lookup(app: &TestApp, number: &str, code: &str) -> (StatusCode, String) {
    let res = post(app, "/lookup", "", &[("number", number), ("code", code)]).await;
    (res.status(), res.text().await.unwrap())
}

/// Every answer of the plain-form petition, as its check page posts them.
fn web_answers(extra: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut pairs = vec![
        ("category", "appeal"),
        ("route", "petition"),
        ("name", "张三"),
        ("id_number", "11010519491231002X"),
        ("mobile", MOBILE),
        ("address", "防城港市港口区渔洲路 1 号"),
        ("district", "450602"),
        ("title", "工资拖欠问题"),
        ("request", "请求督促用人单位支付拖欠的三个月工资。"),
        (
            "facts_and_reasons",
            "本人于 2026 年在某公司工作，公司自 8 月起未发放工资，多次催要无果。",
        ),
    ];
    for (k, v) in extra {
        pairs.retain(|(key, _)| key != k);
        pairs.push((k, v));
    }
    pairs
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_petition_form_asks_how_to_be_told_and_a_status_page_stops_the_messages() {
    let smtp = SmtpServer::start();
    let gateway = SmsGateway::start().await;
    let app = sending(Some(&smtp), &gateway).await;
    at_ten(&app);

    // The petitioner's page asks, says what is done with the address (第十七条), and names a
    // bad address keeping every answer.
    let res = post(
        &app,
        "/petition",
        "",
        &web_answers(&[("action", "goto:petitioner")]),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let petitioner = res.text().await.unwrap();
    assert!(
        petitioner.contains("办理进展通知（可选）") && petitioner.contains("第十七条"),
        "the petitioner page asks: {petitioner}"
    );
    assert!(petitioner.contains("防城港市信访局只为告诉您本事项的办理进展使用"));
    assert!(petitioner.contains("保存 30 天后删除"));
    let res = post(
        &app,
        "/petition",
        "",
        &web_answers(&[
            ("step", "petitioner"),
            ("action", "continue"),
            ("sms", "yes"),
            ("email", "zhangsan@example"),
        ]),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("href=\"#email\"") && html.contains("电子邮箱地址格式不对"));
    assert!(
        html.contains("value=\"zhangsan@example\""),
        "the address typed is kept"
    );
    assert!(
        html.contains("name=\"sms\" value=\"yes\" checked"),
        "and the box ticked"
    );

    // The check page says what was chosen; the receipt brings an SMS and a mail.
    let chosen = [("sms", "yes"), ("email", "zhangsan@example.cn")];
    let check = [&chosen[..], &[("action", "goto:check")]].concat();
    let res = post(&app, "/petition", "", &web_answers(&check)).await;
    let page = res.text().await.unwrap();
    assert!(
        page.contains("短信和邮件（zhangsan@example.cn）"),
        "the check page"
    );
    let send = [
        &chosen[..],
        &[
            ("step", "check"),
            ("action", "submit"),
            ("checking", "1"),
            ("declaration", "yes"),
        ],
    ]
    .concat();
    let res = post(&app, "/petition", "", &web_answers(&send)).await;
    let (status, receipt) = app.follow(res).await;
    assert_eq!(status, StatusCode::OK, "{receipt}");
    let number = receipt.split("id=\"receipt-number\">").nth(1).unwrap()[..14].to_owned();
    let code = receipt
        .split("id=\"receipt-code\">")
        .nth(1)
        .map(|s| s[..14].to_owned());
    let sms = gateway.wait_for(1).await;
    assert_eq!(sms[0].body["to"], MOBILE);
    assert_eq!(sms[0].body["params"]["number"], number.as_str());
    let mails = smtp.wait_for(1).await;
    assert_eq!(mails[0].to, ["zhangsan@example.cn"]);

    // The status page offers to stop them, with the number and 查询码 as for the lookup.
    let code = code.unwrap_or_else(|| panic!("the receipt shows the 查询码: {receipt}"));
    let (status, html) = lookup(&app, &number, &code).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("id=\"messages\"") && html.contains("停止通知"));
    // A wrong code stops nothing.
    let res = post(
        &app,
        "/lookup/stop-messages",
        "",
        &[("number", &number), ("code", "ABCD-EFGH-JKMN")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = post(
        &app,
        "/lookup/stop-messages",
        "",
        &[("number", &number), ("code", &code)],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("已停止发送本事项的短信和邮件通知"), "{html}");
    assert!(html.contains("本事项已停止发送通知"));
    // The next public step queues nothing.
    let queued = states(&app).await.len();
    assign(&app, &number).await;
    assert_eq!(
        states(&app).await.len(),
        queued,
        "nothing queued once stopped"
    );
    let (_, html) = lookup(&app, &number, &code).await;
    assert!(html.contains("本事项已停止发送通知") && !html.contains("停止通知</button>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mine_sends_a_code_only_to_a_number_with_matters_and_answers_the_same_either_way() {
    let gateway = SmsGateway::start().await;
    let app = sending(None, &gateway).await;
    let (number, _) = app.submit_petition(&journeys::wage_appeal()).await;
    // Another person's petition, under another mobile.
    let mut other = journeys::wage_appeal();
    other["petitioner"]["mobile"] = json!("13712345678");
    other["title"] = json!("另一个人的事项");
    let (theirs, _) = app.submit_petition(&other).await;

    let (status, html) = app.get_with("", "/mine").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("action=\"/mine/code\"") && html.contains("不需要注册账号"));

    // A bad number is named; a number with nothing here gets the page a known one gets.
    let res = post(&app, "/mine/code", "", &[("mobile", "2381234567")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("href=\"#mobile\"") && html.contains("value=\"2381234567\""));
    let answer = |html: String, mobile: &str| {
        html.replace(mobile, "MOBILE")
            .replace(&format!("{}****{}", &mobile[..3], &mobile[7..]), "MASKED")
    };
    let res = post(&app, "/mine/code", "", &[("mobile", "13900001111")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let unknown = answer(res.text().await.unwrap(), "13900001111");
    let res = post(&app, "/mine/code", "", &[("mobile", MOBILE)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let known = answer(res.text().await.unwrap(), MOBILE);
    assert_eq!(unknown, known, "the same page either way");
    assert!(known.contains("输入短信验证码") && known.contains("MASKED"));
    let code = code_sent(&gateway, MOBILE, 1).await;
    let text = sent(&gateway, MOBILE, "notice-code")[0]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        text.starts_with("【防城港市信访局】您的验证码是") && text.contains(&code),
        "{text}"
    );
    // Nothing for the number with no matters: neither queued nor sent (a sent code's row may
    // already be gone, but the gateway would have it).
    let unknown: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE recipient = $1")
        .bind("13900001111")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(unknown, 0, "nothing queued for a number with no matters");
    // The same work either way: a live code's row, whose code went to no one.
    let rows: Vec<(i64, i64)> =
        sqlx::query_as("SELECT created_ms, expires_ms FROM sms_codes WHERE mobile = $1")
            .bind("13900001111")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        rows[0].1 - rows[0].0,
        10 * 60_000,
        "live for 10 minutes: {rows:?}"
    );
    assert!(
        gateway.requests().iter().all(|r| r.body["to"] == MOBILE),
        "nothing sent to a number with no matters"
    );
    // Once sent, the code is not kept in the outbox (the row itself goes at the hourly sweep).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let kept: Vec<(String, String)> =
            sqlx::query_as("SELECT state, message FROM outbox WHERE recipient = $1")
                .bind(MOBILE)
                .fetch_all(&app.pool)
                .await
                .unwrap();
        if kept.iter().all(|(state, _)| state == "sent") {
            assert!(kept.iter().all(|(_, m)| !m.contains(&code)), "{kept:?}");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{kept:?}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    // A malformed code and a wrong one are told apart; the wrong one is not the right one.
    let res = verify(&app, "12ab").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("6 位数字"));
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let res = verify(&app, wrong).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("验证码不对或者已经失效") && html.contains("href=\"#code\""));
    // The right one, typed with full-width digits and spaces, opens the list.
    let wide: String = code
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap())
        .collect();
    let typed = format!("{} {}", &wide[..9], &wide[9..]);
    let res = verify(&app, &typed).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let set = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        set.contains("HttpOnly") && set.contains("Max-Age=1800") && set.contains("SameSite=Lax")
    );
    assert!(!set.contains(MOBILE), "the cookie names no mobile");
    let cookie = mine_cookie(&res);
    // Once only.
    let res = verify(&app, &code).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let (status, list) = app.get_with(&cookie, "/mine").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains(&number) && list.contains("工资拖欠问题"));
    assert!(list.contains("138****5678") && !list.contains(MOBILE));
    assert!(!list.contains(&theirs), "only this mobile's matters");
    // A matter's status page, without its 查询码; another's is not shown.
    let (status, page) = app
        .get_with(&cookie, &format!("/mine/matter?number={number}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("办理进度") && page.contains("您是通过“我的事项”查看的"));
    assert!(page.contains("返回我的事项"));
    let res = app
        .http
        .get(app.url(&format!("/mine/matter?number={theirs}")))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/mine");
    // A forged cookie opens nothing.
    let forged = format!(
        "portal_mine={}",
        cookie
            .split('.')
            .next()
            .unwrap()
            .replace("portal_mine=", "")
            + ".AAAA"
    );
    let (_, html) = app.get_with(&forged, "/mine").await;
    assert!(html.contains("action=\"/mine/code\"") && !html.contains(&number));
    // Nor does a made-up token, or a row's number as the first cookies carried it.
    for made_up in [
        "portal_mine=0123456789abcdef0123456789abcdef",
        "portal_mine=1.AAAA",
    ] {
        let (_, html) = app.get_with(made_up, "/mine").await;
        assert!(html.contains("action=\"/mine/code\"") && !html.contains(&number));
    }

    // Half an hour on, the session is over.
    app.clock.advance(chrono::Duration::minutes(31));
    let (_, html) = app.get_with(&cookie, "/mine").await;
    assert!(html.contains("验证已经超过 30 分钟") && !html.contains(&number));

    // 退出 ends a session at once, and its cookie goes.
    let cookie = sign_in(&app, &gateway, MOBILE).await;
    let res = post(&app, "/mine/sign-out", &cookie, &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        res.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let (_, html) = app.get_with(&cookie, "/mine").await;
    assert!(!html.contains(&number));
    let (_, html) = app.get_with("", "/mine?ended=1").await;
    assert!(html.contains("您已退出"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn codes_are_limited_per_number_and_five_wrong_tries_spend_one() {
    let gateway = SmsGateway::start().await;
    let app = sending(None, &gateway).await;
    app.submit_petition(&journeys::wage_appeal()).await;

    // Three codes an hour to a number (known or not); the fourth waits.
    for _ in 0..3 {
        let res = post(&app, "/mine/code", "", &[("mobile", "13900001111")]).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let res = post(&app, "/mine/code", "", &[("mobile", "13900001111")]).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    assert!(res.text().await.unwrap().contains("获取验证码太频繁"));

    // Five wrong tries spend the code: the right one after them does not open the list.
    let res = post(&app, "/mine/code", "", &[("mobile", MOBILE)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let code = code_sent(&gateway, MOBILE, 1).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        let res = verify(&app, wrong).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let res = verify(&app, &code).await;
    assert_eq!(
        res.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the number waits"
    );
    assert!(res.text().await.unwrap().contains("验证码输错次数太多"));
    app.clock.advance(chrono::Duration::minutes(1));
    let res = verify(&app, &code).await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "and the code is spent"
    );
    // A new code works.
    app.clock.advance(chrono::Duration::hours(1));
    sign_in(&app, &gateway, MOBILE).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_query_code_is_sent_again_by_sms_and_the_old_one_stops_working() {
    let gateway = SmsGateway::start().await;
    let app = sending(None, &gateway).await;
    let (number, old) = app.submit_petition(&journeys::wage_appeal()).await;
    let res = app
        .http
        .post(app.url("/api/v1/legal-aid"))
        .json(&journeys::legal_aid_application())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: serde_json::Value = res.json().await.unwrap();
    let (aid, aid_old) = (
        receipt["number"].as_str().unwrap().to_owned(),
        receipt["query_code"].as_str().unwrap().to_owned(),
    );

    let cookie = sign_in(&app, &gateway, MOBILE).await;
    let (_, list) = app.get_with(&cookie, "/mine").await;
    assert!(
        list.contains(&number) && list.contains(&aid),
        "both matters listed"
    );
    assert!(list.contains("劳动"), "the legal-aid matter named: {list}");

    for (number, old, template) in [
        (&number, &old, "notice-new-query-code"),
        (&aid, &aid_old, "notice-aid-new-query-code"),
    ] {
        let res = post(&app, "/mine/new-code", &cookie, &[("number", number)]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(to, format!("/mine?reset={number}"));
        let (_, html) = app.get_with(&cookie, &to).await;
        assert!(html.contains(&format!(
            "编号 {number} 的新查询码已经用短信发送到 138****5678"
        )));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let new = loop {
            if let Some(sms) = sent(&gateway, MOBILE, template).first() {
                break sms["params"]["code"].as_str().unwrap().to_owned();
            }
            assert!(std::time::Instant::now() < deadline, "no new 查询码 sent");
            gateway.wait_for(gateway.requests().len() + 1).await;
        };
        assert_ne!(&new, old);
        let text = sent(&gateway, MOBILE, template)[0]["text"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(
            text.contains(number.as_str()) && text.contains("原查询码已作废"),
            "{text}"
        );
        // The old code opens nothing; the new one opens the status page.
        let (status, _) = lookup(&app, number, old).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "the old code");
        let (status, html) = lookup(&app, number, &new).await;
        assert_eq!(status, StatusCode::OK, "the new code");
        assert!(
            !html.contains("发送新查询码"),
            "the reset is not on the public timeline"
        );
    }
    // Staff see the reset on the case's record.
    let registrar = app.staff_cookie("dengji").await;
    let (_, html) = app
        .get_with(&registrar, &format!("/staff/cases/{number}"))
        .await;
    assert!(html.contains("经短信验证码验证，已按信访人申请向留存的手机号码发送新查询码"));

    // Another mobile's matter: nothing sent, back to the list.
    let mut other = journeys::wage_appeal();
    other["petitioner"]["mobile"] = json!("13712345678");
    let (theirs, _) = app.submit_petition(&other).await;
    let before = gateway.requests().len();
    let res = post(&app, "/mine/new-code", &cookie, &[("number", &theirs)]).await;
    assert_eq!(res.headers()["location"], "/mine");
    assert_eq!(states(&app).await.len(), before, "nothing queued for it");
    // Without a session, nothing either.
    let res = post(&app, "/mine/new-code", "", &[("number", &number)]).await;
    assert_eq!(res.headers()["location"], "/mine");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sms_are_limited_in_any_hour_and_a_new_query_code_counts_too() {
    let gateway = SmsGateway::start().await;
    let app = sending(None, &gateway).await;
    let (number, _) = app.submit_petition(&journeys::wage_appeal()).await;

    // A sign-in code and two new 查询码: three SMS to the number; the fourth is not sent and the
    // list says why (the code sent last still works).
    let cookie = sign_in(&app, &gateway, MOBILE).await;
    for _ in 0..2 {
        let res = post(&app, "/mine/new-code", &cookie, &[("number", &number)]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let queued = states(&app).await.len();
    let res = post(&app, "/mine/new-code", &cookie, &[("number", &number)]).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&format!(
            "这个手机号一小时内收到的短信已达上限，{number} 的新查询码没有发送"
        )) && html.contains("原查询码仍然有效"),
        "{html}"
    );
    assert!(html.contains(&number), "still the list");
    assert_eq!(states(&app).await.len(), queued, "nothing queued");

    // A sliding hour, not a lock that lifts: half an hour on, still none.
    app.clock.advance(chrono::Duration::minutes(31));
    let res = post(&app, "/mine/code", "", &[("mobile", MOBILE)]).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.text().await.unwrap().contains("获取验证码太频繁"));
    // An hour after the first, one more.
    app.clock.advance(chrono::Duration::minutes(30));
    let res = post(&app, "/mine/code", "", &[("mobile", MOBILE)]).await;
    assert_eq!(res.status(), StatusCode::OK);

    // Ten from one client in any hour, whatever the numbers: nine more, then a wait.
    for i in 0..9 {
        let mobile = format!("1390000{i:04}");
        let res = post(&app, "/mine/code", "", &[("mobile", &mobile)]).await;
        assert_eq!(res.status(), StatusCode::OK, "{mobile}");
    }
    let res = post(&app, "/mine/code", "", &[("mobile", "13900009999")]).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_old_cookie_never_opens_a_later_citizens_session() {
    let gateway = SmsGateway::start().await;
    let app = sending(None, &gateway).await;
    app.submit_petition(&journeys::wage_appeal()).await;
    let mut other = journeys::wage_appeal();
    other["petitioner"]["mobile"] = json!("13712345678");
    let (theirs, _) = app.submit_petition(&other).await;

    let old = sign_in(&app, &gateway, MOBILE).await;
    // A day on, the hourly sweep has deleted every code (on SQLite a new row may then take an
    // old one's id); another citizen signs in.
    app.clock.advance(chrono::Duration::hours(25));
    let swept = app::kernel::sms_code::sweep(&app.pool, app.ctx.clock.now())
        .await
        .unwrap();
    assert!(swept >= 1);
    let theirs_cookie = sign_in(&app, &gateway, "13712345678").await;
    assert_ne!(old, theirs_cookie);
    let (_, html) = app.get_with(&theirs_cookie, "/mine").await;
    assert!(html.contains(&theirs));
    let (_, html) = app.get_with(&old, "/mine").await;
    assert!(!html.contains(&theirs), "the old cookie opens nothing");
    assert!(html.contains("action=\"/mine/code\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_never_see_a_code_that_a_gateway_will_carry() {
    use portal_tests::notify::Answer;
    let gateway = SmsGateway::start().await;
    let app = sending(None, &gateway).await;
    app.submit_petition(&journeys::wage_appeal()).await;
    // The gateway fails the code's first try: it waits in the outbox for the next.
    gateway.answer_next(&[Answer::Fail]);
    let res = post(&app, "/mine/code", "", &[("mobile", MOBILE)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let code = code_sent(&gateway, MOBILE, 1).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let tried: Vec<i64> = sqlx::query_scalar("SELECT ok FROM outbox_attempts")
            .fetch_all(&app.pool)
            .await
            .unwrap();
        if !tried.is_empty() {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no try recorded");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let registrar = app.staff_cookie("dengji").await;
    let (_, html) = app.get_with(&registrar, "/staff/outbox").await;
    assert!(html.contains("待发送") && html.contains("******"), "{html}");
    assert!(!html.contains(&code), "the code is not shown: {html}");
    // The retry still carries the code to the citizen.
    app.clock.advance(chrono::Duration::minutes(1));
    assert_eq!(code_sent(&gateway, MOBILE, 2).await, code);
}

/// 我的事项 in the browser, JavaScript on and off, every page audited: the mobile, the code,
/// the list, a matter, a new 查询码.
async fn mine_in_the_browser(js: Js) {
    let gateway = SmsGateway::start().await;
    let app = sending(None, &gateway).await;
    let (number, _) = app.submit_petition(&journeys::wage_appeal()).await;
    let b = Browser::start(js).await;
    b.visit(&app.url("/lookup")).await;
    b.click_link("我的事项").await;
    assert_eq!(b.text("h1").await, "我的事项");
    b.fill("mobile", "1381234567").await;
    b.press("main form button[type=submit]").await;
    assert!(b.text(".error-summary").await.contains("手机号码"));
    b.replace("mobile", MOBILE).await;
    b.press("main form button[type=submit]").await;
    assert_eq!(b.text("h1").await, "输入短信验证码");
    let code = code_sent(&gateway, MOBILE, 1).await;
    b.fill("code", "12").await;
    b.press("main form[action='/mine/verify'] button").await;
    assert!(b.text(".error-summary").await.contains("6 位数字"));
    b.replace("code", &code).await;
    b.press("main form[action='/mine/verify'] button").await;
    assert_eq!(b.text("h1").await, "我的事项");
    assert!(b.text("#mine-petitions").await.contains(&number));
    b.press("#mine-petitions form[action='/mine/new-code'] button")
        .await;
    assert!(
        b.text("#mine-notice")
            .await
            .contains("新查询码已经用短信发送")
    );
    b.click("#mine-petitions a").await;
    b.settle_and_audit().await;
    assert_eq!(b.text("h1").await, "办理进度");
    assert!(b.text("main").await.contains(&number));
    b.click_link("返回我的事项").await;
    b.press("main form[action='/mine/sign-out'] button").await;
    assert!(b.text("#mine-notice").await.contains("您已退出"));
    let _ = b.client.clone().close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mine_in_the_browser_js_on() {
    mine_in_the_browser(Js::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mine_in_the_browser_js_off() {
    mine_in_the_browser(Js::Off).await;
}
