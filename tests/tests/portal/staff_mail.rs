//! Staff notifications by mail (issue 16) against the real server and a real SMTP server: the
//! staff member's own page sets the address and the switch, a case given to a unit, a review
//! asked of a unit and a 督办函 each mail the unit's staff who asked, and the day's digest of due
//! and overdue cases goes once a day from 08:00.

use super::notify::{act, assign, at_ten, reply, transports};
use portal_tests::browser::{Browser, Js};
use portal_tests::notify::{Mail, SmsGateway, SmtpServer};
use portal_tests::{TestApp, journeys, spawn_app_with};
use reqwest::StatusCode;
use serde_json::json;

async fn mailing(smtp: &SmtpServer, sms: &SmsGateway) -> TestApp {
    let t = transports(Some(smtp), sms);
    spawn_app_with(|s| s.transports = t).await
}

/// Sets `cookie`'s staff member's address and switch on their page.
async fn set_mail(app: &TestApp, cookie: &str, email: &str, on: bool) {
    let mut form = vec![("email", email)];
    if on {
        form.push(("notify_email", "yes"));
    }
    let (status, html) = app.post_form_with(cookie, "/staff/account", &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
}

/// The mails to `to` so far.
fn to(smtp: &SmtpServer, to: &str) -> Vec<Mail> {
    smtp.mails()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t == to))
        .collect()
}

/// Waits for the `n`th mail to `address` and returns its body.
async fn nth_to(smtp: &SmtpServer, address: &str, n: usize) -> Mail {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let mails = to(smtp, address);
        if mails.len() >= n {
            return mails[n - 1].clone();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no mail {n} to {address}"
        );
        smtp.wait_for(smtp.mails().len() + 1).await;
    }
}

const HRSS: &str = "li.hrss@rsj.example.cn";
const HOUSING: &str = "wang.housing@zjj.example.cn";
const GOV: &str = "zhao.gov@gov.example.cn";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_account_page_sets_the_address_and_the_switch_and_names_each_problem() {
    let smtp = SmtpServer::start();
    let gateway = SmsGateway::start().await;
    let app = mailing(&smtp, &gateway).await;
    let unit = app.staff_cookie("city-hrss").await;

    let (status, html) = app.get_with(&unit, "/staff/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("我的账号") && html.contains("接收邮件通知"));
    assert!(html.contains("市人力资源和社会保障局") || html.contains("单位"));
    let (_, workbench) = app.get_with(&unit, "/staff").await;
    assert!(workbench.contains("href=\"/staff/account\""));

    // A typo'd address is named, and what was typed stays.
    let (status, html) = app
        .post_form_with(
            &unit,
            "/staff/account",
            &[("email", "li@rsj"), ("notify_email", "yes")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("href=\"#email\"") && html.contains("value=\"li@rsj\""));
    assert!(html.contains("checked"), "the switch as it was");
    // Mail on with no address.
    let (status, html) = app
        .post_form_with(
            &unit,
            "/staff/account",
            &[("email", ""), ("notify_email", "yes")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("要接收邮件通知，请填写邮箱地址"), "{html}");
    // Saved, and said so.
    set_mail(&app, &unit, &format!(" {HRSS} "), true).await;
    let (_, html) = app.get_with(&unit, "/staff/account?saved=1").await;
    assert!(html.contains("已保存") && html.contains(&format!("value=\"{HRSS}\"")));
    // Without a session: sent to sign in.
    let res = app
        .http
        .post(app.url("/staff/account"))
        .form(&[("email", HRSS)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/staff/login");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_units_staff_are_mailed_a_case_given_to_them_a_review_and_a_letter_if_they_asked() {
    let smtp = SmtpServer::start();
    let gateway = SmsGateway::start().await;
    let app = mailing(&smtp, &gateway).await;
    at_ten(&app);
    let hrss = app.staff_cookie("city-hrss").await;
    set_mail(&app, &hrss, HRSS, true).await;
    // Another unit's staff member with an address but mail off.
    let housing = app.staff_cookie("city-housing").await;
    set_mail(&app, &housing, HOUSING, false).await;
    let gov = app.staff_cookie("city-gov").await;
    set_mail(&app, &gov, GOV, true).await;

    // Given to 人社局: its staff member is mailed the number, nothing of the petitioner.
    let (number, code) = app.submit_petition(&journeys::wage_appeal()).await;
    let registrar = assign(&app, &number).await;
    let mail = nth_to(&smtp, HRSS, 1).await;
    let body = mail.body();
    assert!(
        body.contains(&format!("信访事项 {number} 已交由本单位办理")) && body.contains("工作台"),
        "{body}"
    );
    assert!(mail.subject().contains("信访工作台"), "{}", mail.subject());
    let petition = journeys::wage_appeal();
    for private in [
        petition["petitioner"]["name"].as_str().unwrap(),
        petition["petitioner"]["id_number"].as_str().unwrap(),
        petition["title"].as_str().unwrap(),
    ] {
        assert!(!body.contains(private), "{private} in {body}");
    }

    // Given to 住建局, whose staff member switched mail off: nothing to them.
    let (other, _) = app.submit_petition(&journeys::wage_appeal()).await;
    act(
        &app,
        &registrar,
        &other,
        &[("action", "assign"), ("unit", "city-housing")],
    )
    .await;

    // A 督办函 on the case 人社局 holds.
    let supervisor = app.staff_cookie("duban").await;
    act(
        &app,
        &supervisor,
        &number,
        &[
            ("action", "supervise"),
            ("letter", "supervision"),
            ("letter_text", "请于三日内报告办理进展并按期办结。"),
        ],
    )
    .await;
    let body = nth_to(&smtp, HRSS, 2).await.body();
    assert!(
        body.contains(&format!("信访事项 {number} 收到督办函")),
        "{body}"
    );

    // Replied; the citizen asks for a 复查, which 市政府 (its review body) is to make.
    act(&app, &hrss, &number, &[("action", "accept")]).await;
    reply(&app, &hrss, &number).await;
    let res = app
        .http
        .post(app.url(&format!("/api/v1/petitions/{number}/review-requests")))
        .header("X-Query-Code", &code)
        .json(&json!({"reason": "用人单位仍未支付。"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "{}",
        res.text().await.unwrap()
    );
    let body = nth_to(&smtp, GOV, 1).await.body();
    assert!(
        body.contains(&format!("信访事项 {number} 收到复查申请")),
        "{body}"
    );
    assert!(to(&smtp, HOUSING).is_empty(), "mail off: none");
    assert_eq!(to(&smtp, HRSS).len(), 2, "nothing more to 人社局");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_days_digest_lists_due_and_overdue_cases_once_a_day_from_eight() {
    let smtp = SmtpServer::start();
    let gateway = SmsGateway::start().await;
    let app = mailing(&smtp, &gateway).await;
    at_ten(&app);
    let registrar = app.staff_cookie("dengji").await;
    const DENGJI: &str = "dengji@xfj.example.cn";
    set_mail(&app, &registrar, DENGJI, true).await;
    let (waiting, _) = app.submit_petition(&journeys::wage_appeal()).await;
    let (given, _) = app.submit_petition(&journeys::wage_appeal()).await;
    assign(&app, &given).await;

    // Nothing is due soon yet: no digest.
    server::hourly_work(&app.ctx).await;
    // Two days before the unregistered one's 第22条 date, at 07:00 Beijing time: that date is
    // close, but the digest waits for eight.
    let beijing = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let today = app::kernel::clock::Now::of(&app.clock).today();
    let due = app
        .ctx
        .config
        .calendar
        .due(app::domain::limit::Limit::Register, today);
    let at = |days: i64, hour: u32| {
        (due + chrono::Duration::days(days))
            .and_hms_opt(hour, 0, 0)
            .unwrap()
            .and_local_timezone(beijing)
            .unwrap()
            .to_utc()
    };
    app.clock.set(at(-2, 7));
    server::hourly_work(&app.ctx).await;
    app.clock.set(at(-2, 8));
    server::hourly_work(&app.ctx).await;
    let mail = nth_to(&smtp, DENGJI, 1).await;
    let body = mail.body();
    assert!(body.contains("今日到期提醒"), "{body}");
    assert!(
        body.contains(&waiting) && body.contains("3 日内到期"),
        "{body}"
    );
    assert!(
        !body.contains(&given),
        "the unit's case is not the registrar's: {body}"
    );
    assert!(mail.subject().contains("信访工作台"));
    let digests = || {
        to(&smtp, DENGJI)
            .iter()
            .filter(|m| m.body().contains("今日到期提醒"))
            .count()
    };
    // Once a day: the next hour's run sends none.
    app.clock.set(at(-2, 9));
    server::hourly_work(&app.ctx).await;
    // Nor does a second server's run of the same hour (the key names the day).
    app::features::cases::service::send_staff_digests(&app.ctx, app.ctx.now())
        .await
        .unwrap();
    // The next morning, overdue now, another.
    app.clock.set(at(1, 8));
    server::hourly_work(&app.ctx).await;
    let body = nth_to(&smtp, DENGJI, 2).await.body();
    assert!(body.contains(&waiting) && body.contains("已超期"), "{body}");
    assert_eq!(digests(), 2);
    // Mail switched off: no more.
    set_mail(&app, &registrar, DENGJI, false).await;
    app.clock.set(at(2, 8));
    server::hourly_work(&app.ctx).await;
    let outbox: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE recipient = $1")
        .bind(DENGJI)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(outbox, 2, "none queued with mail off");
}

/// 我的账号 in the browser, JavaScript on and off, every page audited.
async fn account_in_the_browser(js: Js) {
    let smtp = SmtpServer::start();
    let gateway = SmsGateway::start().await;
    let app = mailing(&smtp, &gateway).await;
    let b = Browser::start(js).await;
    let password = &app
        .seeded
        .iter()
        .find(|s| s.username == "city-hrss")
        .unwrap()
        .password;
    b.visit(&app.url("/staff/login")).await;
    b.fill("username", "city-hrss").await;
    b.fill("password", password).await;
    b.press("form button[type=submit]").await;
    b.click_link("我的账号（邮件通知）").await;
    assert_eq!(b.text("h1").await, "我的账号");
    b.fill("email", "li@rsj").await;
    b.click("#notify_email").await;
    b.press("main form[action='/staff/account'] button[type=submit]")
        .await;
    assert!(b.text(".error-summary").await.contains("邮箱"));
    assert!(b.is_checked("#notify_email").await, "the switch as it was");
    b.replace("email", HRSS).await;
    b.press("main form[action='/staff/account'] button[type=submit]")
        .await;
    assert!(b.text("#account-saved").await.contains("已保存"));
    assert_eq!(b.value("email").await.as_deref(), Some(HRSS));
    let _ = b.client.clone().close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn account_in_the_browser_js_on() {
    account_in_the_browser(Js::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn account_in_the_browser_js_off() {
    account_in_the_browser(Js::Off).await;
}
