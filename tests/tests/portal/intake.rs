//! 登记来信来访 (issue 17) against the real server: a clerk registers a letter dated by its
//! arrival (the clock from that day, its postmark kept), a visit, each problem named with what was
//! typed kept, a double post filing once; the slip carries the number and the 查询码, which opens
//! the status page; the case page names the channel and the 考核指标 count each channel; in the
//! browser with JavaScript on and off, every page audited.

use portal_tests::browser::{Browser, Js};
use portal_tests::{TestApp, spawn_app};
use reqwest::StatusCode;

/// The form's answers for a matter by `channel` received on `received_on`.
fn answers<'a>(
    channel: &'a str,
    received_on: &'a str,
    postmark: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("channel", channel),
        ("received_on", received_on),
        ("postmarked_on", postmark),
        ("category", "appeal"),
        ("route", "petition"),
        ("name", "李四"),
        ("id_number", "11010519491231002X"),
        ("mobile", "13912345678"),
        ("address", "防城港市港口区渔洲路 2 号"),
        ("district", "450602"),
        ("title", "小区电梯长期停运"),
        ("request", "请求督促物业公司尽快修复小区电梯。"),
        (
            "facts_and_reasons",
            "小区 3 号楼电梯自 10 月起停运，多次向物业反映无果，老人上下楼困难。",
        ),
    ]
}

/// The form's one-time token, from its page.
async fn once(app: &TestApp, cookie: &str) -> String {
    let (status, html) = app.get_with(cookie, "/staff/intake").await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let at = html.find("name=\"once\" value=\"").expect("a once field") + 19;
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

/// The receipt cookie a registration's answer sets, added to the clerk's `cookie`.
fn with_receipt(cookie: &str, res: &reqwest::Response) -> String {
    let receipt = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .next()
        .expect("a receipt cookie")
        .to_owned();
    format!("{cookie}; {receipt}")
}

/// The text of the element with `id` in `html`.
fn text_of(html: &str, id: &str) -> String {
    let at = html.find(&format!("id=\"{id}\">")).expect(id) + id.len() + 6;
    html[at..at + html[at..].find('<').unwrap()].to_owned()
}

async fn post(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.http
        .post(app.url("/staff/intake"))
        .header("cookie", cookie)
        .form(form)
        .send()
        .await
        .unwrap()
}

fn day(app: &TestApp, back: i64) -> String {
    (app::kernel::clock::Now::of(&app.clock).today() - chrono::Duration::days(back))
        .format("%Y-%m-%d")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clerk_registers_a_letter_dated_by_its_arrival_and_hands_over_a_slip() {
    let app = spawn_app().await;
    let registrar = app.staff_cookie("dengji").await;
    let (_, workbench) = app.get_with(&registrar, "/staff").await;
    assert!(workbench.contains("href=\"/staff/intake\""));
    let token = once(&app, &registrar).await;

    // Each problem named, everything typed kept.
    let (received, postmark) = (day(&app, 3), day(&app, 5));
    let (yesterday, tomorrow) = (day(&app, 1), day(&app, -1));
    let mut bad = answers("", &received, &yesterday);
    bad.push(("once", &token));
    bad.retain(|(k, _)| *k != "route" && *k != "id_number");
    bad.push(("route", "litigation"));
    bad.push(("id_number", "11010519491231002"));
    let res = post(&app, &registrar, &bad).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    for field in ["channel", "postmarked_on", "route", "id_number"] {
        assert!(
            html.contains(&format!("href=\"#{field}\"")),
            "{field}: {html}"
        );
    }
    assert!(
        html.contains("不作为信访事项登记"),
        "the route check says why"
    );
    assert!(
        html.contains("小区电梯长期停运") && html.contains("李四"),
        "kept"
    );
    let mut future = answers("letter", &tomorrow, "");
    future.push(("once", &token));
    let html = post(&app, &registrar, &future).await.text().await.unwrap();
    assert!(html.contains("收到日期不能晚于今天"), "{html}");

    // A letter received three days ago, posted two days before that.
    let mut form = answers("letter", &received, &postmark);
    form.push(("once", &token));
    let res = post(&app, &registrar, &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let slip = res.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(slip, "/staff/intake/slip");
    let clerk = with_receipt(&registrar, &res);
    let (status, html) = app.get_with(&clerk, &slip).await;
    assert_eq!(status, StatusCode::OK);
    let number = text_of(&html, "receipt-number");
    assert!(
        number.starts_with(&format!("XF{}", received.replace('-', ""))),
        "the number names the day it arrived: {number}"
    );
    let code = text_of(&html, "receipt-code");
    // The clock runs from the day it arrived.
    let arrived = chrono::NaiveDate::parse_from_str(&received, "%Y-%m-%d").unwrap();
    let due = app
        .ctx
        .config
        .calendar
        .due(app::domain::limit::Limit::Register, arrived);
    let said = format!(
        "{}年{}月{}日",
        chrono::Datelike::year(&due),
        chrono::Datelike::month(&due),
        chrono::Datelike::day(&due)
    );
    assert!(html.contains(&said), "the 第22条 date {said} on the slip");
    // The visitor's code opens the status page.
    let res = app
        .http
        .post(app.url("/lookup"))
        .form(&[("number", number.as_str()), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    // Sent again (a double click): the same slip, no second matter.
    let res = post(&app, &registrar, &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with(&slip)
    );
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM petitions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 1);

    // The case names its channel, the day it arrived and the postmark.
    let (_, case) = app
        .get_with(&registrar, &format!("/staff/cases/{number}"))
        .await;
    assert!(case.contains("id=\"case-channel\">来信"), "{case}");
    assert!(case.contains(&format!("id=\"case-received-on\">{received}")));
    assert!(case.contains(&format!("id=\"case-postmark\">{postmark}")));

    // Each other channel today, and a petition through the API: the 考核指标 count each.
    for (channel, label) in [
        ("visit", "来访"),
        ("phone", "来电"),
        ("fax", "传真"),
        ("hotline", "12345 热线转来"),
        ("transfer", "其他机关转来"),
    ] {
        let mut form = answers(channel, "", "");
        let token = once(&app, &registrar).await;
        form.push(("once", &token));
        let res = post(&app, &registrar, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{channel}");
        let (_, html) = app.get_with(&with_receipt(&registrar, &res), &slip).await;
        let number = text_of(&html, "receipt-number");
        let (_, case) = app
            .get_with(&registrar, &format!("/staff/cases/{number}"))
            .await;
        assert!(
            case.contains(&format!("id=\"case-channel\">{label}")),
            "{channel}"
        );
    }
    app.submit_petition(&portal_tests::journeys::wage_appeal())
        .await;
    let row = |label: &str, n: u32| format!("<th scope=\"row\">{label}</th><td>{n}</td>");
    let (_, kpi) = app
        .get_with(&registrar, &format!("/staff/kpi?month={}", &received[..7]))
        .await;
    assert!(kpi.contains(&row("来信", 1)), "{kpi}");
    // 及时受理率 per channel: the letter registered and sent on within its 15 days.
    super::notify::assign(&app, &number).await;
    let stats: serde_json::Value = app
        .get(&format!("/api/v1/stats?month={}", &received[..7]))
        .await
        .json()
        .await
        .unwrap();
    let letter = stats["by_channel"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "letter")
        .cloned()
        .unwrap();
    assert_eq!(
        (
            letter["received"].as_i64(),
            letter["accepted_in_time_rate"].as_f64()
        ),
        (Some(1), Some(1.0)),
        "{stats}"
    );
    let (_, kpi) = app
        .get_with(&registrar, &format!("/staff/kpi?month={}", &received[..7]))
        .await;
    assert!(
        kpi.contains("<th scope=\"row\">来信</th><td>1</td><td>100.0%</td>"),
        "{kpi}"
    );
    let (_, kpi) = app.get_with(&registrar, "/staff/kpi").await;
    assert!(
        kpi.contains(&row("来访", 1)) && kpi.contains(&row("其他系统接入", 1)),
        "{kpi}"
    );

    // Only 登记员 and 管理员 register.
    let unit = app.staff_cookie("city-hrss").await;
    let (status, _) = app.get_with(&unit, "/staff/intake").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let res = post(&app, &unit, &form).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Another clerk's browser has no slip to show, and no 查询码.
    let admin = app.staff_cookie("admin").await;
    let (status, html) = app.get_with(&admin, &slip).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("没有这份回执") && !html.contains(&code));
}

/// A visit registered in the browser, JavaScript on and off, every page audited.
async fn intake_in_the_browser(js: Js) {
    let app = spawn_app().await;
    let b = Browser::start(js).await;
    b.sign_in(&app, "dengji").await;
    b.click_link("登记来信来访").await;
    assert_eq!(b.text("h1").await, "登记来信来访");
    b.select("channel", "visit").await;
    b.select("category", "appeal").await;
    b.select("route", "petition").await;
    b.fill("name", "李四").await;
    b.press("main form[action='/staff/intake'] button[type=submit]")
        .await;
    assert!(b.text(".error-summary").await.contains("身份证"));
    assert_eq!(b.value("name").await.as_deref(), Some("李四"), "kept");
    for (id, text) in answers("visit", "", "") {
        if ![
            "channel",
            "category",
            "route",
            "district",
            "name",
            "received_on",
            "postmarked_on",
        ]
        .contains(&id)
        {
            b.replace(id, text).await;
        }
    }
    b.select("district", "450602").await;
    b.press("main form[action='/staff/intake'] button[type=submit]")
        .await;
    assert!(b.text("#receipt-number").await.starts_with("XF"));
    assert!(!b.text("#receipt-code").await.is_empty());
    // Every other channel, a letter with its scan; then the 考核指标 count each.
    let scan = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.resize(4000, b' ');
    std::fs::write(scan.path(), &pdf).unwrap();
    for channel in ["letter", "phone", "fax", "hotline", "transfer"] {
        b.click_link("继续登记").await;
        b.select("channel", channel).await;
        b.select("category", "appeal").await;
        b.select("route", "petition").await;
        b.select("district", "450602").await;
        for (id, text) in answers(channel, "", "") {
            if ![
                "channel",
                "category",
                "route",
                "district",
                "received_on",
                "postmarked_on",
            ]
            .contains(&id)
            {
                b.replace(id, text).await;
            }
        }
        if channel == "letter" {
            b.attach("files", &[scan.path()]).await;
        }
        b.press("main form[action='/staff/intake'] button[type=submit]")
            .await;
        assert!(
            b.text("#receipt-number").await.starts_with("XF"),
            "{channel}"
        );
    }
    b.visit(&app.url("/staff/kpi")).await;
    let counts = b.text("#by-channel").await;
    for label in [
        "来信",
        "来访",
        "来电",
        "传真",
        "12345 热线转来",
        "其他机关转来",
    ] {
        assert!(
            counts.contains(&format!("{label}\t1")) || counts.contains(&format!("{label} 1")),
            "{label}: {counts}"
        );
    }
    let _ = b.client.clone().close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn intake_in_the_browser_js_on() {
    intake_in_the_browser(Js::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn intake_in_the_browser_js_off() {
    intake_in_the_browser(Js::Off).await;
}

/// A 复查 request that came by post is in time by its postmark, however late it arrived (第35条).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_posted_review_request_is_in_time_by_its_postmark() {
    use super::notify::{act, assign, reply};
    let app = spawn_app().await;
    let (number, code) = app
        .submit_petition(&portal_tests::journeys::wage_appeal())
        .await;
    let registrar = assign(&app, &number).await;
    let unit = app.staff_cookie("city-hrss").await;
    act(&app, &unit, &number, &[("action", "accept")]).await;
    reply(&app, &unit, &number).await;
    let replied = app::kernel::clock::Now::of(&app.clock).today();
    let last = app
        .ctx
        .config
        .calendar
        .due(app::domain::limit::Limit::RequestReview, replied);
    // Three days after the window closed, the letter arrives: posted on its last day.
    app.advance_days((last - replied).num_days() + 3);
    let citizen = app
        .http
        .post(app.url(&format!("/api/v1/petitions/{number}/review-requests")))
        .header("X-Query-Code", &code)
        .json(&serde_json::json!({"reason": "不服处理意见。"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        citizen.status(),
        StatusCode::CONFLICT,
        "online it is too late"
    );
    let early = (replied - chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let (status, html) = app
        .post_form_with(
            &registrar,
            &format!("/staff/cases/{number}"),
            &[
                ("action", "posted_review"),
                ("review_postmark", &early),
                ("review_reason", "不服处理意见，请求复查。"),
            ],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "before the reply: {html}"
    );
    assert!(html.contains("邮戳日期早于答复日期"));
    let late = (last + chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let (status, html) = app
        .post_form_with(
            &registrar,
            &format!("/staff/cases/{number}"),
            &[
                ("action", "posted_review"),
                ("review_postmark", &late),
                ("review_reason", "不服处理意见，请求复查。"),
            ],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "posted after the window: {html}"
    );
    assert!(html.contains("href=\"#review_postmark\""));
    let (status, html) = app
        .post_form_with(
            &registrar,
            &format!("/staff/cases/{number}"),
            &[
                ("action", "posted_review"),
                ("review_postmark", &last.format("%Y-%m-%d").to_string()),
                ("review_reason", "不服处理意见，请求复查。"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    // The event's record keeps the postmark that made it in time.
    let texts: Vec<String> = sqlx::query_scalar("SELECT text FROM petition_events ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    let said = format!("邮戳日期 {}", last.format("%Y-%m-%d"));
    assert!(texts.iter().any(|t| t.contains(&said)), "{texts:?}");
    // The citizen sees the review under way.
    let res = app
        .http
        .get(app.url(&format!("/api/v1/petitions/{number}")))
        .header("X-Query-Code", &code)
        .send()
        .await
        .unwrap();
    let status: serde_json::Value = res.json().await.unwrap();
    assert_eq!(status["status"], "under_review", "{status}");
}

/// The scanned letter comes with the registration: kept through a send with a problem, then
/// attached to the matter, downloadable by staff; a file that is not a JPEG, PNG or PDF refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_letter_is_registered_with_its_scan() {
    let app = spawn_app().await;
    let registrar = app.staff_cookie("dengji").await;
    let token = once(&app, &registrar).await;
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.resize(4000, b' ');
    let received = day(&app, 1);
    let send = |fields: Vec<(String, String)>, file: Option<(Vec<u8>, &'static str)>| {
        let app = &app;
        let registrar = registrar.clone();
        async move {
            let mut form = reqwest::multipart::Form::new();
            for (k, v) in fields {
                form = form.text(k, v);
            }
            if let Some((bytes, name)) = file {
                form = form.part(
                    "files",
                    reqwest::multipart::Part::bytes(bytes).file_name(name),
                );
            }
            app.http
                .post(app.url("/staff/intake"))
                .header("cookie", registrar)
                .multipart(form)
                .send()
                .await
                .unwrap()
        }
    };
    let fields = |without: &str| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = answers("letter", &received, "")
            .into_iter()
            .filter(|(k, _)| *k != without)
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        v.push(("once".into(), token.clone()));
        v
    };
    // Not a scan: refused, named.
    let res = send(
        fields(""),
        Some((b"MZ\x90\x00 not a document".to_vec(), "信.exe")),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("href=\"#files\""));
    // With a problem elsewhere: the scan is kept and rides along.
    let res = send(fields("title"), Some((pdf.clone(), "来信扫描件.pdf"))).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"files-kept\""), "{html}");
    let at = html.find("name=\"attachment\" value=\"").unwrap() + 25;
    let kept = html[at..at + 32].to_owned();
    let mut again = fields("");
    again.push(("attachment".into(), kept));
    let res = send(again, None).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, slip) = app
        .get_with(&with_receipt(&registrar, &res), "/staff/intake/slip")
        .await;
    let number = text_of(&slip, "receipt-number");
    let (_, case) = app
        .get_with(&registrar, &format!("/staff/cases/{number}"))
        .await;
    let file = format!("/staff/cases/{number}/files/1");
    assert!(
        case.contains(&format!("href=\"{file}\"")) && case.contains("来信扫描件.pdf"),
        "{case}"
    );
    let res = app
        .http
        .get(app.url(&file))
        .header("cookie", &registrar)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.unwrap().len(), pdf.len());
}

/// 联名信访 / 集体访: six people on one visit, at most five representatives (第20条), and the
/// same-matter check over every petitioner — here the third, who has the matter pending already.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_joint_visit_of_six_has_five_representatives_and_every_petitioner_is_checked() {
    let app = spawn_app().await;
    let registrar = app.staff_cookie("dengji").await;
    // The third person of the group has the same matter pending, filed alone.
    let third = "110101199003070038";
    let mut alone = answers("visit", "", "");
    alone.retain(|(k, _)| !["name", "id_number", "mobile"].contains(k));
    alone.extend([
        ("name", "周九"),
        ("id_number", third),
        ("mobile", "13800138009"),
    ]);
    let token = once(&app, &registrar).await;
    alone.push(("once", &token));
    let res = post(&app, &registrar, &alone).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, slip) = app
        .get_with(&with_receipt(&registrar, &res), "/staff/intake/slip")
        .await;
    let earlier = text_of(&slip, "receipt-number");

    let others = |marked: usize| -> String {
        [
            ("王五", "110105194912310011"),
            ("周九", third),
            ("吴十", "110101199003070011"),
            ("郑一", "110101199003070046"),
            ("冯二", "110101199003070054"),
        ]
        .iter()
        .enumerate()
        .map(|(i, (name, id))| format!("{name} {id}{}", if i < marked { " 代表" } else { "" }))
        .collect::<Vec<_>>()
        .join("\n")
    };
    let token = once(&app, &registrar).await;
    let six_representatives = others(5);
    let mut form = answers("visit", "", "");
    form.push(("once", &token));
    form.push(("co_petitioners", &six_representatives));
    let res = post(&app, &registrar, &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("href=\"#co_petitioners\"") && html.contains("代表不得超过 5 人"),
        "{html}"
    );
    assert!(
        html.contains("冯二 110101199003070054 代表"),
        "what was typed is kept"
    );
    // A line that cannot be read is named by its line.
    let bad = format!("{}\n冯二 11010119900307005", others(0));
    let mut form = answers("visit", "", "");
    form.push(("once", &token));
    form.push(("co_petitioners", &bad));
    let html = post(&app, &registrar, &form).await.text().await.unwrap();
    assert!(html.contains("第 6 行的身份证号码有问题"), "{html}");

    let four = others(4);
    let mut form = answers("visit", "", "");
    form.push(("once", &token));
    form.push(("co_petitioners", &four));
    let res = post(&app, &registrar, &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, slip) = app
        .get_with(&with_receipt(&registrar, &res), "/staff/intake/slip")
        .await;
    let number = text_of(&slip, "receipt-number");
    let (_, case) = app
        .get_with(&registrar, &format!("/staff/cases/{number}"))
        .await;
    assert!(
        case.contains("另有 5 人（共 6 人，代表 5 人）") && case.contains("吴十"),
        "{case}"
    );
    assert!(
        case.contains("id=\"same-matter\"") && case.contains(&format!("/staff/cases/{earlier}")),
        "the third person's pending matter is flagged: {case}"
    );
}
