//! The case lifecycle on the workbench against the real server: events appended by the right
//! people at the right stage, units confined to their own cases, reporters hidden from units
//! (第30条), every view of a full record audited, and the reply reaching the citizen.

use portal_tests::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn sign_in(app: &TestApp, username: &str) -> String {
    app.staff_cookie(username).await
}

/// The `<main>` of a page: what the page shows, without the data a framework script carries.
fn main_of((_, html): (StatusCode, String)) -> String {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").unwrap_or(html.len());
    html[start..end].to_owned()
}

async fn page(app: &TestApp, cookie: &str, path: &str) -> (StatusCode, String) {
    app.get_with(cookie, path).await
}

async fn act(
    app: &TestApp,
    cookie: &str,
    number: &str,
    form: &[(&str, &str)],
) -> (StatusCode, String) {
    app.post_form_with(cookie, &format!("/staff/cases/{number}"), form)
        .await
}

pub(crate) fn petition(category: &str, unit: &str) -> Value {
    // A report names whom it reports (ignored for the other categories).
    json!({
        "reported": "某公司负责人",
        "category": category,
        "petitioner": {
            "name": "张三", "id_number": "11010519491231002X", "mobile": "13812345678",
            "address": "防城港市港口区渔洲路 1 号", "district": "450602"
        },
        "unit": unit,
        "title": "工资拖欠问题",
        "request": "请求督促用人单位支付拖欠的三个月工资。",
        "facts_and_reasons": "本人于 2026 年在某公司工作，公司自 8 月起未发放工资，多次催要无果。"
    })
}

async fn status_of(app: &TestApp, number: &str, code: &str) -> Value {
    app.http
        .get(app.url(&format!("/api/v1/petitions/{number}")))
        .header("X-Query-Code", code)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_case_goes_from_registration_to_a_reply_the_citizen_reads() {
    let app = spawn_app().await;
    let (number, code) = app.submit_petition(&petition("appeal", "city-hrss")).await;
    let registrar = sign_in(&app, "dengji").await;

    // The queue lists it with the ID number masked.
    let (_, html) = page(&app, &registrar, "/staff").await;
    assert!(html.contains(&number) && html.contains("110105********002X"));
    assert!(!html.contains("11010519491231002X"), "masked in lists");

    // The case page shows the full record, and that view is audited.
    let (status, html) = page(&app, &registrar, &format!("/staff/cases/{number}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("11010519491231002X"));
    assert!(html.contains("value=\"assign\""));
    let id: i64 = sqlx::query_scalar("SELECT id FROM petitions WHERE number = $1")
        .bind(&number)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        app::features::cases::store::audit_count(&app.pool, id)
            .await
            .unwrap(),
        1
    );

    // The unit cannot accept before it has the case; the registrar cannot reply.
    let unit = sign_in(&app, "city-hrss").await;
    let (status, _) = act(&app, &unit, &number, &[("action", "accept")]).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not yet the unit's case");
    let (status, html) = act(
        &app,
        &registrar,
        &number,
        &[("action", "assign"), ("unit", "")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("请选择承办单位"));
    let (status, _) = act(
        &app,
        &registrar,
        &number,
        &[("action", "assign"), ("unit", "city-hrss")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, html) = act(
        &app,
        &registrar,
        &number,
        &[("action", "assign"), ("unit", "city-hrss")],
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "registered once");
    assert!(html.contains("当前的状态不能进行这项操作"));

    // Another unit sees nothing of it.
    let other = sign_in(&app, "city-housing").await;
    let (_, html) = page(&app, &other, "/staff").await;
    assert!(!html.contains(&number));
    let (status, html) = page(&app, &other, &format!("/staff/cases/{number}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!html.contains("张三"));
    let (status, _) = act(&app, &other, &number, &[("action", "accept")]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The unit's page starts with what is due, by whom, and what it can do now.
    let (_, html) = page(&app, &unit, &format!("/staff/cases/{number}")).await;
    let now = &html[html.find("id=\"now\"").unwrap()..html.find("id=\"actions\"").unwrap()];
    assert!(
        now.contains("第二十三条") && now.contains("href=\"#action-accept\""),
        "{now}"
    );
    assert!(
        html.find("id=\"actions\"").unwrap() < html.find("事实和理由").unwrap(),
        "the actions come before the long texts"
    );
    assert!(!html.contains("+08:00"), "no raw timestamps");

    // The unit accepts, notes progress internally, replies with the letter of 第32条.
    let res = app
        .http
        .post(app.url(&format!("/staff/cases/{number}")))
        .header("cookie", &unit)
        .form(&[("action", "accept")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, format!("/staff/cases/{number}?done=accept"));
    let (_, html) = page(&app, &unit, &to).await;
    assert!(html.contains("id=\"action-done\"") && html.contains("已受理"));
    // After acceptance the running limit is the handling one (第34条), not 第22条's.
    let now = &html[html.find("id=\"now\"").unwrap()..html.find("id=\"actions\"").unwrap()];
    assert!(now.contains("第三十四条"), "{now}");
    let (status, _) = act(
        &app,
        &unit,
        &number,
        &[("action", "progress"), ("note", "已约谈用人单位负责人")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let reply = [
        ("action", "reply"),
        ("reply_request", "请求督促用人单位支付拖欠的三个月工资。"),
        (
            "reply_facts",
            "经查，该公司自 8 月起确未足额支付工资，共计拖欠三个月。",
        ),
        (
            "opinion",
            "已责令该公司于 15 日内支付拖欠工资，逾期将依法处理。",
        ),
        ("legal_basis", "《劳动保障监察条例》第二十六条"),
    ];
    let (status, html) = act(&app, &unit, &number, &reply).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no outcome chosen"
    );
    assert!(html.contains("请选择处理结果"));
    assert!(
        html.contains("已责令该公司于 15 日内支付拖欠工资"),
        "what was typed is kept"
    );
    let mut full = reply.to_vec();
    full.push(("outcome", "support"));
    let (status, _) = act(&app, &unit, &number, &full).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // The citizen sees the public events and the reply, not the internal note.
    let body = status_of(&app, &number, &code).await;
    assert_eq!(body["status"], "replied");
    let timeline = body["timeline"].to_string();
    assert!(timeline.contains("交由防城港市人力资源和社会保障局办理"));
    assert!(!timeline.contains("约谈"), "internal notes stay internal");
    assert_eq!(body["replies"][0]["outcome"], "支持");
    assert!(
        body["replies"][0]["opinion"]
            .as_str()
            .unwrap()
            .contains("15 日内")
    );

    let (status, _) = act(&app, &unit, &number, &[("action", "close")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, &number, &code).await["status"], "closed");
}

#[tokio::test]
async fn a_reporter_is_hidden_from_the_unit_reported_on() {
    let app = spawn_app().await;
    let (number, _) = app
        .submit_petition(&petition("report", "city-housing"))
        .await;
    let registrar = sign_in(&app, "dengji").await;
    let (status, _) = act(
        &app,
        &registrar,
        &number,
        &[("action", "assign"), ("unit", "city-housing")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let unit = sign_in(&app, "city-housing").await;
    for path in ["/staff".to_owned(), format!("/staff/cases/{number}")] {
        let (status, html) = page(&app, &unit, &path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&number) || path == "/staff");
        for secret in ["张三", "110105", "13812345678", "渔洲路"] {
            assert!(
                !html.contains(secret),
                "{secret} shown to the unit on {path}"
            );
        }
    }
    // The bureau still sees who it is.
    let (_, html) = page(&app, &registrar, &format!("/staff/cases/{number}")).await;
    assert!(html.contains("张三"));
}

#[tokio::test]
async fn signed_out_visitors_are_sent_to_sign_in() {
    let app = spawn_app().await;
    let (number, _) = app.submit_petition(&petition("appeal", "city-hrss")).await;
    let res = app.get(&format!("/staff/cases/{number}")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/staff/login");
    let res = app
        .http
        .post(app.url(&format!("/staff/cases/{number}")))
        .form(&[("action", "close")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/staff/login");
}

async fn citizen_post(
    app: &TestApp,
    number: &str,
    code: &str,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
    let res = app
        .http
        .post(app.url(&format!("/api/v1/petitions/{number}/{path}")))
        .header("X-Query-Code", code)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status();
    let body = res.json::<Value>().await.unwrap_or(Value::Null);
    (status, body)
}

const LETTER: [(&str, &str); 5] = [
    ("reply_request", "请求督促用人单位支付拖欠的三个月工资。"),
    (
        "reply_facts",
        "经查，该公司自 8 月起确未足额支付工资，共计拖欠三个月。",
    ),
    (
        "opinion",
        "已责令该公司于 15 日内支付拖欠工资，逾期将依法处理。",
    ),
    ("legal_basis", "《劳动保障监察条例》第二十六条"),
    ("outcome", "explain"),
];

pub(crate) fn letter() -> Vec<(&'static str, &'static str)> {
    let mut form = vec![("action", "reply")];
    form.extend(LETTER);
    form
}

/// A 复查 or 复核 opinion: the same letter on its own form.
pub(crate) fn review_letter() -> Vec<(&'static str, &'static str)> {
    let mut form = vec![("action", "review")];
    form.extend(LETTER);
    form
}

#[tokio::test]
async fn the_citizen_rates_a_reply_once_and_asks_for_review_then_recheck_then_it_is_final() {
    let app = spawn_app().await;
    let (number, code) = app.submit_petition(&petition("appeal", "city-hrss")).await;

    // Nothing to rate or review before a reply.
    let (status, body) = citizen_post(
        &app,
        &number,
        &code,
        "evaluation",
        json!({"rating": "satisfied"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["errors"][0]["code"], "no_reply_yet");
    let (status, _) = citizen_post(
        &app,
        &number,
        &code,
        "review-requests",
        json!({"reason": "不服"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);

    let registrar = sign_in(&app, "dengji").await;
    let unit = sign_in(&app, "city-hrss").await;
    for (who, form) in [
        (
            &registrar,
            vec![("action", "assign"), ("unit", "city-hrss")],
        ),
        (&unit, vec![("action", "accept")]),
        (&unit, letter()),
    ] {
        let (status, html) = act(&app, who, &number, &form).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    }
    let body = status_of(&app, &number, &code).await;
    assert_eq!(body["after_reply"]["can_evaluate"], true);
    assert_eq!(body["after_reply"]["can_request"], "review");
    assert!(body["after_reply"]["request_until"].is_string());

    // 满意度评价: a rating is required; once per reply; a wrong code is a 404.
    let (status, body) = citizen_post(
        &app,
        &number,
        &code,
        "evaluation",
        json!({"rating": "great"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "rating");
    let (status, _) = citizen_post(
        &app,
        &number,
        "AAAA-AAAA-AAAA",
        "evaluation",
        json!({"rating": "satisfied"}),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = citizen_post(
        &app,
        &number,
        &code,
        "evaluation",
        json!({"rating": "basically_satisfied", "comment": "处理及时"}),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = citizen_post(
        &app,
        &number,
        &code,
        "evaluation",
        json!({"rating": "satisfied"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["errors"][0]["code"], "already_rated");

    // 复查 (第35条): a reason is required; then the case is under review, answered one level up.
    let (status, _) = citizen_post(
        &app,
        &number,
        &code,
        "review-requests",
        json!({"reason": ""}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = citizen_post(
        &app,
        &number,
        &code,
        "review-requests",
        json!({"reason": "对处理意见不服，公司至今未支付。"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(body["level"], "review");
    assert_eq!(
        status_of(&app, &number, &code).await["status"],
        "under_review"
    );
    let (status, body) = citizen_post(
        &app,
        &number,
        &code,
        "review-requests",
        json!({"reason": "再次请求"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["errors"][0]["code"], "request_pending");
    let (status, _) = act(&app, &unit, &number, &letter()).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "the unit does not answer its own review"
    );
    // Hearing time is left out of the limit only for 复核 (第36条), not for 复查.
    let hearing = [
        ("action", "hearing"),
        ("hearing_days", "10"),
        ("hearing_note", "邀请劳动监察大队和公司代表参加听证"),
    ];
    let (status, html) = act(&app, &registrar, &number, &hearing).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("只适用于复核"), "{html}");
    // The 复查 goes to the body the config names one level up (city-hrss → 市人民政府): it is in
    // that body's queue with its own form and clock; neither the unit nor the bureau answers it.
    let (status, _) = act(&app, &unit, &number, &review_letter()).await;
    assert_eq!(status, StatusCode::CONFLICT, "not the unit that replied");
    let (status, _) = act(&app, &registrar, &number, &review_letter()).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "not the bureau, the body is here"
    );
    let city = sign_in(&app, "city-gov").await;
    let (_, list) = page(&app, &city, "/staff?list=review").await;
    assert!(list.contains(&number), "the 复查 queue of 市人民政府");
    let (_, html) = page(&app, &city, &format!("/staff/cases/{number}")).await;
    assert!(html.contains("复查意见书（第三十五条") && html.contains("value=\"review\""));
    assert!(
        !html.contains("value=\"reply\""),
        "not the ordinary reply form"
    );
    assert!(
        html.contains("对处理意见不服，公司至今未支付。"),
        "the request starts the form"
    );
    let (_, unit_page) = page(&app, &unit, &format!("/staff/cases/{number}")).await;
    assert!(
        !unit_page.contains("value=\"review\"") && unit_page.contains("防城港市人民政府"),
        "the unit sees who holds it, and no task of its own"
    );
    let (status, _) = act(&app, &city, &number, &review_letter()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let body = status_of(&app, &number, &code).await;
    assert_eq!(body["after_reply"]["can_request"], "recheck");
    assert_eq!(
        body["after_reply"]["can_evaluate"], true,
        "a new reply can be rated"
    );
    assert!(body["timeline"].to_string().contains("已作出复查意见"));

    // 复核 (第36条), then no more.
    let (status, body) = citizen_post(
        &app,
        &number,
        &code,
        "review-requests",
        json!({"reason": "对复查意见仍然不服。"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(body["level"], "recheck");
    let due_before = status_of(&app, &number, &code).await["running_due"]["date"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, html) = page(&app, &registrar, &format!("/staff/cases/{number}")).await;
    assert!(
        html.contains("value=\"hearing\""),
        "the hearing form is offered"
    );
    let (status, html) = act(
        &app,
        &registrar,
        &number,
        &[
            ("action", "hearing"),
            ("hearing_days", "五天"),
            ("hearing_note", "短"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("听证用时应为 1 到 90 之间的整数") && html.contains("听证情况太短"));
    // The 复核 body of 市人民政府's 复查 is the region's, outside the portal: the bureau holds it.
    let (_, list) = page(&app, &city, "/staff?list=review").await;
    assert!(
        !list.contains(&number),
        "no longer in the city's 复查 queue"
    );
    let (_, list) = page(&app, &registrar, "/staff?list=review").await;
    assert!(list.contains(&number), "in the bureau's");
    let (status, _) = act(&app, &registrar, &number, &hearing).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let body = status_of(&app, &number, &code).await;
    assert_eq!(body["running_due"]["step"], "作出复核意见");
    let due_after = body["running_due"]["date"].as_str().unwrap();
    assert!(
        due_after > due_before.as_str(),
        "{due_before} → {due_after}"
    );
    assert!(body["timeline"].to_string().contains("不计入复核期限"));
    let (status, _) = act(&app, &registrar, &number, &review_letter()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, body) = citizen_post(
        &app,
        &number,
        &code,
        "review-requests",
        json!({"reason": "还是不服。"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["errors"][0]["code"], "final");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("第三十六条")
    );
    assert_eq!(
        status_of(&app, &number, &code).await["replies"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[tokio::test]
async fn deadlines_run_extensions_happen_once_and_supervision_reaches_the_unit_only() {
    let app = spawn_app().await;
    let (number, code) = app.submit_petition(&petition("appeal", "city-hrss")).await;
    // 第22条 runs from receipt.
    let body = status_of(&app, &number, &code).await;
    assert_eq!(body["running_due"]["step"], "登记并转送、交办");
    let registrar = sign_in(&app, "dengji").await;
    let unit = sign_in(&app, "city-hrss").await;
    let supervisor = sign_in(&app, "duban").await;
    let (_, html) = page(&app, &registrar, "/staff").await;
    assert!(html.contains("id=\"deadline-summary\""));
    assert!(html.contains("登记并转送、交办"));
    for (who, form) in [
        (
            &registrar,
            vec![("action", "assign"), ("unit", "city-hrss")],
        ),
        (&unit, vec![("action", "accept")]),
    ] {
        assert_eq!(
            act(&app, who, &number, &form).await.0,
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(
        status_of(&app, &number, &code).await["running_due"]["step"],
        "办结并书面答复"
    );

    // 第34条: once, 1–30 days, the reason told to the citizen.
    let (status, html) = act(
        &app,
        &unit,
        &number,
        &[
            ("action", "extend"),
            ("days", "45"),
            ("extend_reason", "需要补充调查用人单位账目"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("1 到 30 之间"));
    let (status, _) = act(
        &app,
        &unit,
        &number,
        &[
            ("action", "extend"),
            ("days", "30"),
            ("extend_reason", "需要补充调查用人单位账目"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, html) = act(
        &app,
        &unit,
        &number,
        &[
            ("action", "extend"),
            ("days", "10"),
            ("extend_reason", "还需要再补充调查一次"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("已经延长过一次"));
    let body = status_of(&app, &number, &code).await;
    assert_eq!(body["running_due"]["step"], "延长办理期限");
    assert!(
        body["timeline"]
            .to_string()
            .contains("需要补充调查用人单位账目")
    );

    // 督办函: by the supervisor, not by the unit; the unit sees it, the citizen does not.
    let letter = [
        ("action", "supervise"),
        ("letter", "supervision"),
        ("letter_text", "请于三日内报告办理进展"),
    ];
    assert_eq!(
        act(&app, &unit, &number, &letter).await.0,
        StatusCode::CONFLICT
    );
    assert_eq!(
        act(&app, &supervisor, &number, &letter).await.0,
        StatusCode::SEE_OTHER
    );
    let (_, html) = page(&app, &unit, &format!("/staff/cases/{number}")).await;
    assert!(html.contains("督办函：请于三日内报告办理进展"));
    assert!(
        !status_of(&app, &number, &code).await["timeline"]
            .to_string()
            .contains("督办")
    );
}

#[tokio::test]
async fn the_month_s_figures_come_from_the_events() {
    let app = spawn_app().await;
    let (number, code) = app.submit_petition(&petition("appeal", "city-hrss")).await;
    let _second = app
        .submit_petition(&petition("suggestion", "city-housing"))
        .await;
    let registrar = sign_in(&app, "dengji").await;
    let unit = sign_in(&app, "city-hrss").await;
    for (who, form) in [
        (
            &registrar,
            vec![("action", "assign"), ("unit", "city-hrss")],
        ),
        (&unit, vec![("action", "accept")]),
        (
            &unit,
            vec![
                ("action", "mediate"),
                ("agreed", "yes"),
                ("mediation_note", "双方同意分期支付"),
            ],
        ),
        (&unit, letter()),
    ] {
        let (status, html) = act(&app, who, &number, &form).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    }
    let (status, _) = citizen_post(
        &app,
        &number,
        &code,
        "evaluation",
        json!({"rating": "unsatisfied"}),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    let res = app.get("/api/v1/stats").await;
    assert_eq!(res.status(), StatusCode::OK);
    let s: Value = res.json().await.unwrap();
    assert_eq!(s["received"], 2);
    // Registered in time: the first (the second is not due yet, so not counted).
    assert_eq!(s["accepted_in_time_rate"], 1.0);
    assert_eq!(s["closed_on_time_rate"], 1.0);
    assert_eq!(s["resolved_first_time_rate"], 1.0);
    assert_eq!(s["satisfaction_rate"], 0.0);
    assert_eq!(s["mediation_agreement_rate"], 1.0);
    assert_eq!(s["supervision_letters"], 0);
    let units = s["units"].as_array().unwrap();
    assert_eq!(units.len(), 1, "only assigned cases count for a unit");
    assert_eq!(units[0]["unit"], "city-hrss");
    assert_eq!(units[0]["board"], "neither", "satisfaction below 90 %");
    assert_eq!(s["volumes"][0][1], 2);

    let res = app.get("/api/v1/stats?month=2026-13").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app.get("/api/v1/stats?month=2020-01").await;
    let old: Value = res.json().await.unwrap();
    assert_eq!(old["received"], 0);
    assert!(
        old["accepted_in_time_rate"].is_null(),
        "null where nothing was due"
    );

    let page = app.get("/stats").await.text().await.unwrap();
    assert!(page.contains("及时受理率") && page.contains("100.0%") && page.contains("<svg"));
    // The current month has a month before it and none after: nothing has been received then.
    assert!(
        page.contains("上一月") && !page.contains("下一月"),
        "{page}"
    );
    let page = app.get("/stats?month=2020-01").await.text().await.unwrap();
    assert!(page.contains("href=\"/stats?month=2020-02\""));
}

#[tokio::test]
async fn a_unit_objects_to_a_wrong_assignment_and_the_bureau_assigns_again() {
    let app = spawn_app().await;
    let (number, _) = app.submit_petition(&petition("appeal", "city-hrss")).await;
    let registrar = sign_in(&app, "dengji").await;
    let wrong = sign_in(&app, "city-housing").await;
    let assign = |unit: &'static str| vec![("action", "assign"), ("unit", unit)];
    assert_eq!(
        act(&app, &registrar, &number, &assign("city-housing"))
            .await
            .0,
        StatusCode::SEE_OTHER
    );
    let (status, html) = act(
        &app,
        &wrong,
        &number,
        &[("action", "object"), ("object_reason", "短")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("异议理由太短"));
    let objection = [
        ("action", "object"),
        (
            "object_reason",
            "本事项属于劳动保障监察职责，不属于住房城乡建设部门",
        ),
    ];
    assert_eq!(
        act(&app, &wrong, &number, &objection).await.0,
        StatusCode::SEE_OTHER
    );
    // Back with the bureau: the unit no longer sees it; the registrar assigns it again.
    assert_eq!(
        page(&app, &wrong, &format!("/staff/cases/{number}"))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let (_, html) = page(&app, &registrar, &format!("/staff/cases/{number}")).await;
    assert!(html.contains("承办单位对交办提出异议"));
    assert_eq!(
        act(&app, &registrar, &number, &assign("city-hrss")).await.0,
        StatusCode::SEE_OTHER
    );
    let right = sign_in(&app, "city-hrss").await;
    assert_eq!(
        act(&app, &right, &number, &[("action", "accept")]).await.0,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn the_workbench_lists_new_due_soon_and_overdue_cases_and_shows_the_kpis() {
    let app = spawn_app().await;
    // Received on 2026-01-05: its 15 days of 第22条 ran out long ago.
    app.set_clock("2026-01-05T09:00:00+08:00");
    let (late, _) = app.submit_petition(&petition("appeal", "city-hrss")).await;
    app.reset_clock();
    let (fresh, _) = app
        .submit_petition(&petition("suggestion", "city-housing"))
        .await;
    let registrar = sign_in(&app, "dengji").await;
    let html = main_of(page(&app, &registrar, "/staff?list=new").await);
    assert!(html.contains(&late) && html.contains(&fresh));
    assert!(html.contains("新收待登记 (2)") && html.contains("已超期 (1)"));
    let html = main_of(page(&app, &registrar, "/staff?list=overdue").await);
    assert!(html.contains(&late) && !html.contains(&fresh), "{html}");
    assert!(html.contains("aria-current=\"page\">已超期"));
    let html = main_of(page(&app, &registrar, "/staff?list=due-soon").await);
    assert!(!html.contains(&late) && !html.contains(&fresh));
    assert!(html.contains("没有 3 日内到期的事项"));
    // Once registered the late case leaves the new-case queue.
    let (status, _) = act(
        &app,
        &registrar,
        &late,
        &[("action", "assign"), ("unit", "city-hrss")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = main_of(page(&app, &registrar, "/staff?list=new").await);
    assert!(!html.contains(&late) && html.contains(&fresh));
    // A unit's lists hold only its own cases.
    let housing = sign_in(&app, "city-housing").await;
    let html = main_of(page(&app, &housing, "/staff?list=new").await);
    assert!(!html.contains(&late) && !html.contains(&fresh));

    // The KPIs and the 红黑榜 inside the workbench, for signed-in staff only.
    assert_eq!(app.get("/staff/kpi").await.status(), StatusCode::SEE_OTHER);
    let (status, html) = page(&app, &registrar, "/staff/kpi?month=2026-01").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("考核指标与红黑榜（2026年1月）"), "{html}");
    assert!(html.contains("调解协议率") && html.contains("id=\"board\""));
    assert!(html.contains("href=\"/staff/kpi?month=2025-12\""));
    // January's one case, registered late and assigned to 人社局, puts it on the black list.
    let board = html.split("id=\"board\"").nth(1).unwrap();
    let black = board.split("黑榜").nth(1).unwrap();
    assert!(black.contains("人力资源"), "{board}");
}

#[tokio::test]
async fn a_report_is_never_assigned_to_the_unit_it_reports() {
    let app = spawn_app().await;
    let mut report = petition("report", "city-housing");
    // Refused without whom it reports.
    report.as_object_mut().unwrap().remove("reported");
    let res = app
        .http
        .post(app.url("/api/v1/petitions"))
        .json(&report)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "reported");
    report["reported"] = "住建局某科室负责人".into();
    report["reported_unit"] = "city-housing".into();
    let (number, _) = app.submit_petition(&report).await;

    let registrar = sign_in(&app, "dengji").await;
    let (_, html) = page(&app, &registrar, &format!("/staff/cases/{number}")).await;
    assert!(html.contains("id=\"reported\"") && html.contains("住建局某科室负责人"));
    let select = &html[html.find("id=\"unit\"").unwrap()..];
    let select = &select[..select.find("</select>").unwrap()];
    assert!(
        !select.contains("value=\"city-housing\""),
        "the reported unit is not offered"
    );
    let (status, html) = act(
        &app,
        &registrar,
        &number,
        &[("action", "assign"), ("unit", "city-housing")],
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("第三十条"), "{html}");
    let (status, _) = act(
        &app,
        &registrar,
        &number,
        &[("action", "assign"), ("unit", "city-gov")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

/// Files `petition`, has city-hrss accept and answer it, and has the citizen ask for a 复查: its
/// number.
async fn replied_and_under_review(app: &TestApp, petition: &Value) -> String {
    let (number, code) = app.submit_petition(petition).await;
    let registrar = sign_in(app, "dengji").await;
    let unit = sign_in(app, "city-hrss").await;
    for (who, form) in [
        (
            &registrar,
            vec![("action", "assign"), ("unit", "city-hrss")],
        ),
        (&unit, vec![("action", "accept")]),
        (&unit, letter()),
    ] {
        let (status, html) = act(app, who, &number, &form).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    }
    let (status, _) = citizen_post(
        app,
        &number,
        &code,
        "review-requests",
        json!({"reason": "对处理意见不服，请求复查。"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    number
}

#[tokio::test]
async fn an_unanswered_review_puts_the_review_body_not_the_replying_unit_on_the_black_list() {
    let app = spawn_app().await;
    let number = replied_and_under_review(&app, &petition("appeal", "city-hrss")).await;
    // The month it was received in (its number says the day: XFyyyymmdd…).
    let month = format!("{}-{}", &number[2..6], &number[6..8]);
    let stats = || async {
        let res = app.get(&format!("/api/v1/stats?month={month}")).await;
        let s: Value = res.json().await.unwrap();
        let unit = |code: &str| {
            s["units"]
                .as_array()
                .unwrap()
                .iter()
                .find(|u| u["unit"] == code)
                .map(|u| {
                    (
                        u["overdue"].as_u64().unwrap(),
                        u["board"].as_str().unwrap().to_owned(),
                    )
                })
        };
        (s["overdue"].clone(), unit("city-hrss"), unit("city-gov"))
    };
    let (overdue, _, body) = stats().await;
    assert_eq!((overdue, body), (json!(0), None), "nothing late yet");
    // 复查 within 30 days (第35条): past them, the review body is late.
    app.clock.advance(chrono::Duration::days(45));
    let (overdue, unit, body) = stats().await;
    assert_eq!(overdue, 1, "{number} is late");
    assert_eq!(unit.map(|u| u.0), Some(0), "the unit replied on time");
    assert_eq!(
        body,
        Some((1, "black".to_owned())),
        "the review body owes it"
    );
    // Answered, it is no one's lateness any more.
    let city = sign_in(&app, "city-gov").await;
    let (status, html) = act(&app, &city, &number, &review_letter()).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    let (overdue, _, body) = stats().await;
    assert_eq!(overdue, 0);
    assert_eq!(body, None, "no case of its own, nothing late");
}

#[tokio::test]
async fn a_report_s_review_never_goes_to_the_unit_it_reports() {
    let app = spawn_app().await;
    let mut report = petition("report", "city-hrss");
    report["reported"] = "市政府某部门负责人".into();
    report["reported_unit"] = "city-gov".into();
    let number = replied_and_under_review(&app, &report).await;
    let registrar = sign_in(&app, "dengji").await;
    // 市人民政府 is city-hrss's 复查 body, but it is the unit reported: the bureau holds it.
    let city = sign_in(&app, "city-gov").await;
    let (status, _) = page(&app, &city, &format!("/staff/cases/{number}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = act(&app, &registrar, &number, &review_letter()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

/// The workbench lists the newest cases and, however old, every case whose 复查 or 复核 still
/// waits; once answered, a case goes the way of any other.
#[tokio::test]
async fn a_waiting_review_stays_on_the_workbench_however_old_the_case_and_leaves_once_answered() {
    let app = spawn_app().await;
    let number = replied_and_under_review(&app, &petition("appeal", "city-hrss")).await;
    let (newer, _) = app
        .submit_petition(&petition("suggestion", "city-housing"))
        .await;
    // The newest one case, and the one whose 复查 waits.
    let listed = || async {
        app::features::cases::store::list(&app.pool, None, 1)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.number)
            .collect::<Vec<_>>()
    };
    let before = listed().await;
    assert!(
        before.contains(&newer) && before.contains(&number),
        "{before:?}"
    );
    let city = sign_in(&app, "city-gov").await;
    let (status, html) = act(&app, &city, &number, &review_letter()).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    let after = listed().await;
    assert!(
        after.contains(&newer) && !after.contains(&number),
        "{after:?}"
    );
}

/// 涉及领域 (issue 18): a matter gets the field its words suggest, the bureau changes it with its
/// own action (recorded, internal), and the month's figures count each field.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_matter_s_field_is_suggested_changed_by_the_bureau_and_counted() {
    use super::notify::act;
    let app = spawn_app().await;
    let (number, code) = app
        .submit_petition(&portal_tests::journeys::wage_appeal())
        .await;
    let registrar = app.staff_cookie("dengji").await;
    let (_, case) = app
        .get_with(&registrar, &format!("/staff/cases/{number}"))
        .await;
    assert!(case.contains("id=\"case-field\">劳动和社会保障"), "{case}");
    let by_field = |stats: &serde_json::Value, code: &str| {
        stats["by_field"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == code)
            .map(|f| f["received"].as_i64().unwrap())
    };
    let stats: serde_json::Value = app.get("/api/v1/stats").await.json().await.unwrap();
    assert_eq!(
        by_field(&stats, "labour-social-security"),
        Some(1),
        "{stats}"
    );
    assert_eq!(by_field(&stats, "other"), Some(0));
    // An unknown field is named.
    let (status, html) = app
        .post_form_with(
            &registrar,
            &format!("/staff/cases/{number}"),
            &[("action", "set_field"), ("field", "space")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("没有这个领域"), "{html}");
    act(
        &app,
        &registrar,
        &number,
        &[("action", "set_field"), ("field", "ecology")],
    )
    .await;
    let (_, case) = app
        .get_with(&registrar, &format!("/staff/cases/{number}"))
        .await;
    assert!(case.contains("id=\"case-field\">生态环境"), "{case}");
    assert!(case.contains("涉及领域设为"), "recorded in the history");
    let stats: serde_json::Value = app.get("/api/v1/stats").await.json().await.unwrap();
    assert_eq!(by_field(&stats, "ecology"), Some(1), "{stats}");
    assert_eq!(by_field(&stats, "labour-social-security"), Some(0));
    let page = app.get("/stats").await.text().await.unwrap();
    assert!(page.contains("id=\"by-field\""));
    // Internal: the citizen's timeline does not say it.
    let public = app
        .http
        .get(app.url(&format!("/api/v1/petitions/{number}")))
        .header("X-Query-Code", &code)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !public.contains("涉及领域") && !public.contains("field_set"),
        "{public}"
    );
}
