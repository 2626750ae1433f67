//! 法律援助 against the real server: the self-check's questions and outcomes, the application
//! over the API and the plain forms, the applicant's progress (第55条), and the agency's
//! decisions within the rules of 第43条 (material asked once, all at once; withdrawal by silence).

use portal_tests::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn application() -> Value {
    portal_tests::journeys::legal_aid_application()
}

async fn apply(app: &TestApp, body: &Value) -> (StatusCode, Value) {
    let res = app
        .http
        .post(app.url("/api/v1/legal-aid"))
        .json(body)
        .send()
        .await
        .unwrap();
    (res.status(), res.json().await.unwrap_or(Value::Null))
}

async fn progress(app: &TestApp, number: &str, code: &str) -> (StatusCode, Value) {
    let res = app
        .http
        .get(app.url(&format!("/api/v1/legal-aid/{number}")))
        .header("X-Query-Code", code)
        .send()
        .await
        .unwrap();
    (res.status(), res.json().await.unwrap_or(Value::Null))
}

async fn decide(
    app: &TestApp,
    cookie: &str,
    number: &str,
    form: &[(&str, &str)],
) -> (StatusCode, String) {
    app.post_form_with(cookie, &format!("/staff/legal-aid/{number}"), form)
        .await
}

async fn supply(app: &TestApp, number: &str, code: &str, text: &str) -> (StatusCode, Value) {
    let res = app
        .http
        .post(app.url(&format!("/api/v1/legal-aid/{number}/material")))
        .header("X-Query-Code", code)
        .json(&json!({ "explanation": text }))
        .send()
        .await
        .unwrap();
    (res.status(), res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_self_check_asks_one_question_at_a_time_and_never_grants() {
    let app = spawn_app().await;
    let html = app.get("/legal-aid/check").await.text().await.unwrap();
    assert!(html.contains("您要解决的是哪一类问题") && html.contains("第三十一条第五项"));
    // Sent without a choice: the same question, with its message.
    let html = app
        .get("/legal-aid/check?asked=matter")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("请选择您要解决的是哪一类问题") && html.contains("error-summary"));
    let html = app
        .get("/legal-aid/check?matter=labour")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("不受经济困难条件的限制"), "第32条 asked next");
    for (query, heading, article) in [
        (
            "matter=maintenance&special=domestic_violence",
            "您很可能符合申请法律援助的条件",
            "第三十二条第四项",
        ),
        (
            "matter=labour&special=none&group=migrant_worker",
            "您很可能符合申请法律援助的条件",
            "第四十二条第三项",
        ),
        (
            "matter=pension&special=none&group=none&hardship=yes",
            "如果经济困难，您很可能符合申请条件",
            "第四十一条",
        ),
        (
            "matter=labour&special=none&group=none&hardship=no",
            "您可能不符合法律援助的条件",
            "第三十一条第五项",
        ),
        (
            "matter=other",
            "您的事项不在法律列举的范围内",
            "第三十一条第九项",
        ),
    ] {
        let html = app
            .get(&format!("/legal-aid/check?{query}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains(heading), "{query}");
        assert!(html.contains(article), "{query}: {article}");
        assert!(
            html.contains("这只是根据您的回答作出的参考，不是决定"),
            "{query}"
        );
        assert!(html.contains("href=\"/legal-aid/apply?matter=") && html.contains("12348"));
    }
    // The application starts with the check's answers: the matter chosen, the basis set.
    let html = app
        .get("/legal-aid/check?matter=labour&special=none&group=migrant_worker")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("href=\"/legal-aid/apply?matter=labour&amp;basis=exempt\""),
        "{html}"
    );
    let form = app
        .get("/legal-aid/apply?matter=labour&basis=exempt")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains("name=\"matter\" value=\"labour\"")
            && form.contains("name=\"basis\" value=\"exempt\""),
        "the first page carries them on"
    );
    // The pages that ask them have them chosen.
    let carried = [("who", "self"), ("matter", "labour"), ("basis", "exempt")];
    let (_, matter) = post_page(&app, "who", &carried, "goto:matter").await;
    assert!(
        matter.contains("<option value=\"labour\" selected"),
        "the matter is chosen"
    );
    let (_, basis) = post_page(&app, "who", &carried, "goto:basis").await;
    assert!(
        basis.contains("value=\"exempt\" checked") || basis.contains("checked value=\"exempt\""),
        "the basis is set"
    );
    // Nonsense in the address is ignored.
    let form = app
        .get("/legal-aid/apply?matter=%3Cscript%3E&basis=x")
        .await
        .text()
        .await
        .unwrap();
    assert!(!form.contains("<script>") && !form.contains(" selected"));
}

#[tokio::test]
async fn an_application_over_the_api_is_checked_stored_and_followed() {
    let app = spawn_app().await;
    let mut bad = application();
    bad["applicant"]["id_number"] = json!("110105194912310021");
    bad["pledge"] = json!(false);
    bad["agent"] =
        json!({"name": "王五", "id_number": "11010519491231002X", "mobile": "123", "relation": ""});
    let (status, body) = apply(&app, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for f in [
        "applicant.id_number",
        "pledge",
        "agent.mobile",
        "agent.relation",
    ] {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }

    let (status, receipt) = apply(&app, &application()).await;
    assert_eq!(status, StatusCode::CREATED);
    let number = receipt["number"].as_str().unwrap();
    let code = receipt["query_code"].as_str().unwrap();
    assert!(number.starts_with("FY") && number.len() == 14);
    assert!(receipt["decision_due"].is_string());
    let (status, body) = progress(&app, number, code).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "under_review");
    assert_eq!(body["due"]["step"], "作出是否给予法律援助的决定");
    assert_eq!(body["due"]["date"], receipt["decision_due"]);
    assert!(
        body.get("description").is_none(),
        "no personal details in the progress"
    );
    // Wrong code and wrong number: the same 404.
    let (wrong_code, _) = progress(&app, number, "ABCD-EFGH-JKMN").await;
    let (wrong_number, _) = progress(&app, "FY202001010001", code).await;
    assert_eq!(
        (wrong_code, wrong_number),
        (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND)
    );
    // The status page takes FY numbers too.
    let html = app
        .http
        .post(app.url("/lookup"))
        .form(&[("number", number), ("code", code)])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("已收到，正在审查") && html.contains("法律援助申请已收到"));
}

#[tokio::test]
async fn the_agency_asks_once_for_everything_then_grants_and_assigns_a_lawyer() {
    let app = spawn_app().await;
    let (_, receipt) = apply(&app, &application()).await;
    let number = receipt["number"].as_str().unwrap().to_owned();
    let code = receipt["query_code"].as_str().unwrap().to_owned();
    let staff = app.staff_cookie("fayuan").await;
    let (status, html) = app.get_with(&staff, "/staff/legal-aid").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&number) && html.contains("110105********002X"));
    // Another kind of staff sees nothing of it.
    let unit = app.staff_cookie("city-hrss").await;
    let (status, _) = app
        .get_with(&unit, &format!("/staff/legal-aid/{number}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        decide(&app, &unit, &number, &[("action", "grant")]).await.0,
        StatusCode::NOT_FOUND
    );

    // Nothing to supply before anything is asked.
    assert_eq!(
        supply(&app, &number, &code, "工资欠条照片").await.0,
        StatusCode::CONFLICT
    );
    let (status, html) = decide(
        &app,
        &staff,
        &number,
        &[
            ("action", "request_material"),
            ("days", "60"),
            ("items", ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("补充期限应为 1 到 30 之间的整数") && html.contains("请填写需要补充的材料")
    );
    let ask = [
        ("action", "request_material"),
        ("days", "10"),
        ("items", "1. 工资欠条或者考勤记录；2. 低保证或者收入证明"),
    ];
    assert_eq!(
        decide(&app, &staff, &number, &ask).await.0,
        StatusCode::SEE_OTHER
    );
    let (_, body) = progress(&app, &number, &code).await;
    assert_eq!(body["status"], "material_requested");
    assert!(body["answer_by"].is_string() && body["due"].is_null());
    assert!(
        body["timeline"]
            .to_string()
            .contains("工资欠条或者考勤记录")
    );
    // Once only (第43条: 一次性告知).
    let (status, html) = decide(&app, &staff, &number, &ask).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("一次性告知"));
    // No decision while material is awaited.
    assert_eq!(
        decide(&app, &staff, &number, &[("action", "grant")])
            .await
            .0,
        StatusCode::CONFLICT
    );

    let (status, body) = supply(&app, &number, &code, "欠条照片已送到中心窗口，我领取低保。").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "under_review");
    assert_eq!(body["due"]["step"], "作出是否给予法律援助的决定");

    assert_eq!(
        decide(&app, &staff, &number, &[("action", "grant")])
            .await
            .0,
        StatusCode::SEE_OTHER
    );
    let (_, body) = progress(&app, &number, &code).await;
    assert_eq!(body["status"], "granted");
    assert_eq!(body["due"]["step"], "指派法律援助人员");
    let (status, _) = decide(
        &app,
        &staff,
        &number,
        &[("action", "assign"), ("lawyer", "")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let lawyer = [("action", "assign"), ("lawyer", "广西某律师事务所 陈律师")];
    assert_eq!(
        decide(&app, &staff, &number, &lawyer).await.0,
        StatusCode::SEE_OTHER
    );
    let (_, body) = progress(&app, &number, &code).await;
    assert_eq!(body["status"], "lawyer_assigned");
    assert!(body["timeline"].to_string().contains("陈律师"));
    let viewed: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log a JOIN legal_aid_applications l \
             ON l.id = a.legal_aid_id WHERE a.action = 'view_legal_aid'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(viewed >= 1, "views of the full application are audited");
}

#[tokio::test]
async fn a_refusal_gives_reasons_and_silence_after_a_request_withdraws() {
    let app = spawn_app().await;
    let staff = app.staff_cookie("fayuan").await;
    let (_, first) = apply(&app, &application()).await;
    let (refused, code) = (
        first["number"].as_str().unwrap(),
        first["query_code"].as_str().unwrap(),
    );
    let (status, _) = decide(
        &app,
        &staff,
        refused,
        &[("action", "refuse"), ("reasons", "太短")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let reasons = "申请人每月收入高于自治区规定的经济困难标准，不符合第三十四条的条件。";
    let (status, _) = decide(
        &app,
        &staff,
        refused,
        &[("action", "refuse"), ("reasons", reasons)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, body) = progress(&app, refused, code).await;
    assert_eq!(body["status"], "refused");
    assert!(body["timeline"].to_string().contains("高于自治区规定"));

    let (_, second) = apply(&app, &application()).await;
    let (silent, code) = (
        second["number"].as_str().unwrap(),
        second["query_code"].as_str().unwrap(),
    );
    let ask = [
        ("action", "request_material"),
        ("days", "5"),
        ("items", "劳动合同或者工资条"),
    ];
    assert_eq!(
        decide(&app, &staff, silent, &ask).await.0,
        StatusCode::SEE_OTHER
    );
    // The time to answer runs out: five days, moved off any rest day, are long past in 15.
    app.advance_days(15);
    let (_, body) = progress(&app, silent, code).await;
    assert_eq!(body["status"], "withdrawn");
    let (status, body) = supply(&app, silent, code, "我现在补充劳动合同").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("第四十三条")
    );
    assert_eq!(
        decide(&app, &staff, silent, &[("action", "grant")]).await.0,
        StatusCode::CONFLICT
    );
    app.reset_clock();

    // Papers handed in at the agency: staff record them and the review goes on.
    let (_, third) = apply(&app, &application()).await;
    let (paper, code) = (
        third["number"].as_str().unwrap(),
        third["query_code"].as_str().unwrap(),
    );
    assert_eq!(
        decide(&app, &staff, paper, &ask).await.0,
        StatusCode::SEE_OTHER
    );
    let received = [
        ("action", "material_received"),
        ("note", "劳动合同原件一份"),
    ];
    assert_eq!(
        decide(&app, &staff, paper, &received).await.0,
        StatusCode::SEE_OTHER
    );
    let (_, body) = progress(&app, paper, code).await;
    assert_eq!(body["status"], "under_review");
    assert!(body["timeline"].to_string().contains("劳动合同原件一份"));
    // Nothing to receive when nothing is asked.
    assert_eq!(
        decide(&app, &staff, paper, &received).await.0,
        StatusCode::CONFLICT
    );
}

/// Every answer of a complete web application.
fn web_answers() -> Vec<(&'static str, &'static str)> {
    vec![
        ("who", "agent"),
        ("name", "李四"),
        ("id_number", "11010519491231002X"),
        ("mobile", "13812345678"),
        ("address", "防城港市港口区渔洲路 2 号"),
        ("district", "450602"),
        ("agent_name", "李小四"),
        ("agent_id_number", "11010519491231002X"),
        ("agent_mobile", "13912345678"),
        ("agent_relation", "女儿（近亲属）"),
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
    ]
}

/// Posts one page of the web form with the answers so far: the status and the page that comes back.
async fn post_page(
    app: &TestApp,
    page: &str,
    answers: &[(&str, &str)],
    action: &str,
) -> (StatusCode, String) {
    let mut form: Vec<(&str, &str)> = answers.to_vec();
    form.extend([("page", page), ("action", action)]);
    let res = app
        .http
        .post(app.url("/legal-aid/apply"))
        .form(&form)
        .send()
        .await
        .unwrap();
    app.follow(res).await
}

/// The page a form shows (its `data-page`).
fn page_of(html: &str) -> &str {
    html.split("data-page=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or("")
}

#[tokio::test]
async fn the_web_application_asks_one_question_per_page_keeps_what_was_typed_and_gives_a_receipt() {
    let app = spawn_app().await;
    let all = web_answers();
    let upto = |names: &[&str]| -> Vec<(&'static str, &'static str)> {
        all.iter()
            .filter(|(k, _)| names.contains(k))
            .cloned()
            .collect()
    };
    // The first page asks who applies, and nothing else is checked yet.
    let (status, html) = post_page(&app, "who", &[], "continue").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("请选择是本人申请还是代为申请") && html.contains("href=\"#who\""));
    assert!(!html.contains("请确认诚信承诺"), "one page, one question");
    assert_eq!(page_of(&html), "who");
    let (status, html) = post_page(&app, "who", &upto(&["who"]), "continue").await;
    assert_eq!((status, page_of(&html)), (StatusCode::OK, "applicant"));
    // The applicant's page: a wrong mobile is named, and what was typed is kept.
    let mut person = upto(&["who", "name", "id_number", "address", "district"]);
    person.push(("mobile", "12345"));
    let (status, html) = post_page(&app, "applicant", &person, "continue").await;
    assert_eq!(
        (status, page_of(&html)),
        (StatusCode::UNPROCESSABLE_ENTITY, "applicant")
    );
    assert!(html.contains("href=\"#mobile\"") && html.contains("防城港市港口区渔洲路 2 号"));
    let person = upto(&["who", "name", "id_number", "mobile", "address", "district"]);
    let (_, html) = post_page(&app, "applicant", &person, "continue").await;
    assert_eq!(
        page_of(&html),
        "agent",
        "who applies for someone else is asked about themselves"
    );
    // 返回 goes back without checking, answers kept.
    let (status, html) = post_page(&app, "agent", &person, "goto:applicant").await;
    assert_eq!((status, page_of(&html)), (StatusCode::OK, "applicant"));
    assert!(html.contains("value=\"李四\""));
    // Who applies for themselves is not asked about an agent.
    let mut own = person.clone();
    own.retain(|(k, _)| *k != "who");
    own.push(("who", "self"));
    let (_, html) = post_page(&app, "applicant", &own, "continue").await;
    assert_eq!(page_of(&html), "matter");
    // The statement page asks for the pledge of who applies for hardship.
    let mut answers: Vec<(&str, &str)> = all
        .iter()
        .filter(|(k, _)| *k != "pledge")
        .cloned()
        .collect();
    let (_, html) = post_page(&app, "basis", &answers, "continue").await;
    assert_eq!(page_of(&html), "statement");
    let (status, html) = post_page(&app, "statement", &answers, "continue").await;
    assert_eq!(
        (status, page_of(&html)),
        (StatusCode::UNPROCESSABLE_ENTITY, "statement")
    );
    assert!(html.contains("请确认诚信承诺"));
    answers.push(("pledge", "yes"));
    let (_, html) = post_page(&app, "statement", &answers, "continue").await;
    assert_eq!(page_of(&html), "files");
    let (status, html) = post_page(&app, "files", &answers, "continue").await;
    assert_eq!((status, page_of(&html)), (StatusCode::OK, "notify"));
    assert!(html.contains("办理进展通知（可选）") && html.contains("第十七条"));
    // A typo'd address is named and kept; a good one goes on.
    let mut told = answers.clone();
    told.extend([("sms", "yes"), ("email", "lisi@example")]);
    let (status, html) = post_page(&app, "notify", &told, "continue").await;
    assert_eq!(
        (status, page_of(&html)),
        (StatusCode::UNPROCESSABLE_ENTITY, "notify")
    );
    assert!(html.contains("电子邮箱地址格式不对") && html.contains("value=\"lisi@example\""));
    let (status, html) = post_page(&app, "notify", &answers, "continue").await;
    assert_eq!((status, page_of(&html)), (StatusCode::OK, "check"));
    assert!(html.contains("核对您的申请") && html.contains("女儿（近亲属）"));
    assert!(
        html.contains("value=\"goto:matter\""),
        "each answer can be changed"
    );
    // A change from the check page leads back to it.
    let mut checking = answers.clone();
    checking.push(("checking", "1"));
    let (_, html) = post_page(&app, "check", &checking, "goto:matter").await;
    assert_eq!(page_of(&html), "matter");
    let (_, html) = post_page(&app, "matter", &checking, "continue").await;
    assert_eq!(page_of(&html), "check");
    let (status, html) = post_page(&app, "check", &checking, "submit").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("法律援助申请已提交") && html.contains("查询码只在提交后显示一段时间"));
    assert!(html.contains("id=\"decision-due\""));
    let stored: (String, String) =
        sqlx::query_as("SELECT agent_relation, matter FROM legal_aid_applications")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        stored,
        ("女儿（近亲属）".to_owned(), "maintenance".to_owned())
    );
}

#[tokio::test]
async fn a_web_application_sent_with_a_problem_shows_the_first_page_that_has_one() {
    let app = spawn_app().await;
    let mut answers = web_answers();
    answers.retain(|(k, _)| *k != "description");
    let (status, html) = post_page(&app, "check", &answers, "submit").await;
    assert_eq!(
        (status, page_of(&html)),
        (StatusCode::UNPROCESSABLE_ENTITY, "matter")
    );
    assert!(html.contains("href=\"#description\""));
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM legal_aid_applications")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn an_application_s_files_reach_the_agency_only() {
    let app = spawn_app().await;
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0];
    jpeg.resize(3000, 7);
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in web_answers() {
        form = form.text(k, v);
    }
    form = form.text("action", "submit").part(
        "files",
        reqwest::multipart::Part::bytes(jpeg.clone()).file_name("欠条.jpg"),
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
    let number = html[start..start + 14].to_owned();
    let file = format!("/staff/legal-aid/{number}/files/1");
    let agency = app.staff_cookie("fayuan").await;
    let (_, page) = app
        .get_with(&agency, &format!("/staff/legal-aid/{number}"))
        .await;
    assert!(page.contains(&format!("href=\"{file}\"")) && page.contains("欠条.jpg"));
    let res = app
        .http
        .get(app.url(&file))
        .header("cookie", &agency)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(res.bytes().await.unwrap().to_vec(), jpeg);
    let registrar = app.staff_cookie("dengji").await;
    assert_eq!(
        app.get_with(&registrar, &file).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get(&file).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn under_article_32_no_hardship_statement_or_pledge_is_asked() {
    let app = spawn_app().await;
    let mut body = application();
    body["matter"] = json!("maintenance");
    body["basis"] = json!("no_test");
    body["hardship_statement"] = json!("");
    body["pledge"] = json!(false);
    let (status, receipt) = apply(&app, &body).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let stored: (String, String) =
        sqlx::query_as("SELECT basis, pledged_at FROM legal_aid_applications")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(stored, ("no_test".to_owned(), String::new()));
    let staff = app.staff_cookie("fayuan").await;
    let number = receipt["number"].as_str().unwrap();
    let (_, html) = app
        .get_with(&staff, &format!("/staff/legal-aid/{number}"))
        .await;
    assert!(html.contains("属于第三十二条的情形"));
    // The web form's check page does not list the statement and pledge it did not ask for.
    let mut check: Vec<(&str, &str)> = web_answers()
        .into_iter()
        .filter(|(k, _)| !matches!(*k, "hardship_statement" | "pledge"))
        .collect();
    check.extend([
        ("basis", "no_test"),
        ("page", "notify"),
        ("action", "continue"),
    ]);
    let res = app
        .http
        .post(app.url("/legal-aid/apply"))
        .form(&check)
        .send()
        .await
        .unwrap();
    let page = res.text().await.unwrap();
    assert!(page.contains("id=\"check-answers\""), "{page}");
    assert!(
        !page.contains("诚信承诺") && !page.contains("未作出"),
        "{page}"
    );
    // Without a basis, hardship is assumed and the pledge is required.
    let mut plain = application();
    plain["pledge"] = json!(false);
    let (status, body) = apply(&app, &plain).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "pledge");
}

#[tokio::test]
async fn a_legal_aid_form_sent_again_files_once() {
    let app = spawn_app().await;
    // The form carries its token from the first page on.
    let mut check = web_answers();
    check.extend([("page", "notify"), ("action", "continue")]);
    let res = app
        .http
        .post(app.url("/legal-aid/apply"))
        .form(&check)
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    let once = html.split("name=\"once\" value=\"").nth(1).unwrap()[..32].to_owned();
    let mut submit = web_answers();
    submit.push(("action", "submit"));
    submit.push(("once", Box::leak(once.into_boxed_str())));
    let cookie = format!("portal_receipt_aid={}", submit.last().unwrap().1);
    let send = || {
        app.http
            .post(app.url("/legal-aid/apply"))
            .header("cookie", &cookie)
            .form(&submit)
            .send()
    };
    let res = send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/legal-aid/receipt");
    let (status, receipt) = app.follow(res).await;
    assert_eq!(status, StatusCode::OK);
    assert!(receipt.contains("id=\"aid-code\"") && receipt.contains("id=\"print-receipt\""));
    app.clock.advance(chrono::Duration::minutes(2));
    let res = send().await.unwrap();
    assert_eq!(res.headers()["location"], "/legal-aid/receipt?again=1");
    let (_, again) = app.follow(res).await;
    assert!(again.contains("已经提交过了") && !again.contains("id=\"aid-code\""));
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM legal_aid_applications")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 1, "one application for two sends");
    let res = app.get("/legal-aid/receipt").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
