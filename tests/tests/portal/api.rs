//! `/api/v1` against the real server: the contract of PRODUCT.md "Integration API".

use portal_tests::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn valid_petition() -> Value {
    json!({
        "category": "appeal",
        "petitioner": {
            "name": "张三",
            "id_number": "11010519491231002X",
            "mobile": "13812345678",
            "address": "防城港市港口区渔洲路 1 号",
            "district": "450602"
        },
        "unit": "city-hrss",
        "title": "工资拖欠问题",
        "request": "请求督促用人单位支付拖欠的三个月工资。",
        "facts_and_reasons": "本人于 2026 年在某公司工作，公司自 8 月起未发放工资，多次催要无果。"
    })
}

async fn submit(app: &TestApp, body: &Value) -> reqwest::Response {
    app.http
        .post(app.url("/api/v1/petitions"))
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn lookup(app: &TestApp, number: &str, code: &str) -> reqwest::Response {
    app.http
        .get(app.url(&format!("/api/v1/petitions/{number}")))
        .header("X-Query-Code", code)
        .send()
        .await
        .unwrap()
}

fn error_fields(body: &Value) -> Vec<String> {
    body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_valid_petition_gets_a_receipt_and_can_be_looked_up_with_its_code() {
    let app = spawn_app().await;
    let res = submit(&app, &valid_petition()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: Value = res.json().await.unwrap();
    let number = receipt["number"].as_str().unwrap();
    let code = receipt["query_code"].as_str().unwrap();
    assert!(number.starts_with("XF") && number.len() == 14, "{number}");
    assert_eq!(code.replace('-', "").len(), 12);
    assert_eq!(receipt["status"], "received");
    assert!(receipt["received_at"].as_str().unwrap().ends_with("+08:00"));
    assert!(
        receipt["due"]["register"].is_string(),
        "the 第22条 due date"
    );

    let res = lookup(&app, number, code).await;
    assert_eq!(res.status(), StatusCode::OK);
    let status: Value = res.json().await.unwrap();
    assert_eq!(status["number"], number);
    assert_eq!(status["category"], "appeal");
    assert_eq!(status["status"], "received");
    assert_eq!(status["title"], "工资拖欠问题");
    assert_eq!(status["unit"], "city-hrss");
    assert_eq!(status["timeline"][0]["kind"], "received");
    assert_eq!(status["due"], receipt["due"]);
    assert_eq!(status["replies"], json!([]));
    let text = status.to_string();
    assert!(
        !text.contains("11010519491231002X") && !text.contains("13812345678"),
        "no personal data"
    );
}

#[tokio::test]
async fn the_code_is_accepted_in_lower_case_and_without_hyphens() {
    let app = spawn_app().await;
    let receipt: Value = submit(&app, &valid_petition()).await.json().await.unwrap();
    let code = receipt["query_code"]
        .as_str()
        .unwrap()
        .replace('-', "")
        .to_lowercase();
    assert_eq!(
        lookup(&app, receipt["number"].as_str().unwrap(), &code)
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_wrong_number_and_a_wrong_code_get_the_same_404() {
    let app = spawn_app().await;
    let receipt: Value = submit(&app, &valid_petition()).await.json().await.unwrap();
    let number = receipt["number"].as_str().unwrap();
    let wrong_code = lookup(&app, number, "ABCD-EFGH-JKMN").await;
    let wrong_number = lookup(
        &app,
        "XF202001010001",
        receipt["query_code"].as_str().unwrap(),
    )
    .await;
    assert_eq!(wrong_code.status(), StatusCode::NOT_FOUND);
    assert_eq!(wrong_number.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        wrong_code.text().await.unwrap(),
        wrong_number.text().await.unwrap()
    );
}

#[tokio::test]
async fn guessing_codes_is_slowed_down_with_429_and_retry_after() {
    let app = spawn_app().await;
    let receipt: Value = submit(&app, &valid_petition()).await.json().await.unwrap();
    let number = receipt["number"].as_str().unwrap();
    for _ in 0..6 {
        assert_eq!(
            lookup(&app, number, "ABCD-EFGH-JKMN").await.status(),
            StatusCode::NOT_FOUND
        );
    }
    let res = lookup(&app, number, receipt["query_code"].as_str().unwrap()).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(
        res.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
            >= 1
    );
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "too_many_attempts");
}

#[tokio::test]
async fn each_invalid_field_is_named_with_a_code_and_a_message() {
    let app = spawn_app().await;
    let cases: Vec<(&str, Value)> = vec![
        ("category", json!("complaint")),
        ("title", json!("")),
        ("request", json!("太短")),
        ("facts_and_reasons", json!("字".repeat(5001))),
        ("unit", json!("no-such-unit")),
    ];
    for (field, value) in cases {
        let mut body = valid_petition();
        body[field] = value;
        let res = submit(&app, &body).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(error_fields(&body), [field], "{body}");
        assert!(!body["errors"][0]["message"].as_str().unwrap().is_empty());
        assert!(!body["errors"][0]["code"].as_str().unwrap().is_empty());
    }
    let petitioner_cases: Vec<(&str, &str, &str)> = vec![
        ("name", "", "required"),
        ("id_number", "11010519491231002", "id_number_length"),
        ("id_number", "110105194912310021", "id_number_check"),
        ("mobile", "12812345678", "mobile_prefix"),
        ("address", "港口区", "too_short"),
        ("district", "110105", "unknown_district"),
    ];
    for (field, value, code) in petitioner_cases {
        let mut body = valid_petition();
        body["petitioner"][field] = json!(value);
        let res = submit(&app, &body).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(error_fields(&body), [format!("petitioner.{field}")]);
        assert_eq!(body["errors"][0]["code"], code);
    }
}

#[tokio::test]
async fn an_empty_object_lists_every_missing_field() {
    let app = spawn_app().await;
    let res = submit(&app, &json!({})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert!(error_fields(&body).len() >= 9, "{body}");
}

#[tokio::test]
async fn bad_bodies_get_400_413_415_422_never_500() {
    let app = spawn_app().await;
    let not_json = app
        .http
        .post(app.url("/api/v1/petitions"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        not_json.json::<Value>().await.unwrap()["errors"][0]["code"],
        "malformed_json"
    );

    let wrong_type = submit(&app, &json!({"title": 5})).await;
    assert_eq!(wrong_type.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let form = app
        .http
        .post(app.url("/api/v1/petitions"))
        .header("content-type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        form.json::<Value>().await.unwrap()["errors"][0]["code"],
        "unsupported_media_type"
    );

    let huge = app
        .http
        .post(app.url("/api/v1/petitions"))
        .header("content-type", "application/json")
        .body(vec![b' '; 4 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(huge.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        huge.json::<Value>().await.unwrap()["errors"][0]["code"],
        "payload_too_large"
    );
}

#[tokio::test]
async fn a_second_pending_petition_on_the_same_matter_is_flagged_to_staff_not_on_the_receipt() {
    let app = spawn_app().await;
    let first: Value = submit(&app, &valid_petition()).await.json().await.unwrap();
    assert!(first["same_matter_as"].is_null());
    // Anyone may type someone's ID number: the receipt never says what that person has filed.
    let second: Value = submit(&app, &valid_petition()).await.json().await.unwrap();
    assert_ne!(first["number"], second["number"], "both are kept");
    assert!(second["same_matter_as"].is_null(), "{second}");
    let (n1, n2) = (
        first["number"].as_str().unwrap(),
        second["number"].as_str().unwrap(),
    );
    let lookup = |n: &str, code: &Value| {
        app.http
            .get(app.url(&format!("/api/v1/petitions/{n}")))
            .header("x-query-code", code.as_str().unwrap())
            .send()
    };
    // Nor does either lookup: a number and its code do not prove whose ID number was typed.
    for (n, code) in [(n2, &second["query_code"]), (n1, &first["query_code"])] {
        let status: Value = lookup(n, code).await.unwrap().json().await.unwrap();
        assert!(status["same_matter_as"].is_null(), "{status}");
    }
    let registrar = app.staff_cookie("dengji").await;
    let (_, page) = app
        .get_with(&registrar, &format!("/staff/cases/{n2}"))
        .await;
    assert!(
        page.contains("id=\"same-matter\"")
            && page.contains(&format!("href=\"/staff/cases/{n1}\"")),
        "staff see the link"
    );
    let mut other_unit = valid_petition();
    other_unit["unit"] = json!("city-housing");
    let third: Value = submit(&app, &other_unit).await.json().await.unwrap();
    assert!(
        third["same_matter_as"].is_null(),
        "another unit is another matter"
    );
}

#[tokio::test]
async fn numbers_follow_each_other_within_a_day() {
    let app = spawn_app().await;
    let a: Value = submit(&app, &valid_petition()).await.json().await.unwrap();
    let mut other = valid_petition();
    other["category"] = json!("suggestion");
    let b: Value = submit(&app, &other).await.json().await.unwrap();
    let seq = |v: &Value| v["number"].as_str().unwrap()[10..].parse::<u32>().unwrap();
    assert_eq!(seq(&b), seq(&a) + 1);
}

#[tokio::test]
async fn the_openapi_document_describes_the_petition_endpoints() {
    let app = spawn_app().await;
    let res = app.get("/api/v1/openapi.json").await;
    assert_eq!(res.status(), StatusCode::OK);
    let doc: Value = res.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    assert!(doc["paths"]["/api/v1/petitions"]["post"].is_object());
    assert!(doc["paths"]["/api/v1/petitions/{number}"]["get"].is_object());
    let input = &doc["components"]["schemas"]["PetitionInput"]["properties"];
    for field in [
        "category",
        "petitioner",
        "unit",
        "title",
        "request",
        "facts_and_reasons",
    ] {
        assert!(input[field].is_object(), "{field}");
    }
}

#[tokio::test]
async fn unknown_api_paths_answer_json_404() {
    let app = spawn_app().await;
    let res = app.get("/api/v1/nothing").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        res.json::<Value>().await.unwrap()["errors"][0]["code"],
        "not_found"
    );
}

fn body_without_title() -> Value {
    let mut body = valid_petition();
    body["title"] = json!("");
    body
}

#[tokio::test]
async fn messages_follow_accept_language() {
    let app = spawn_app().await;
    let mut body = valid_petition();
    body["title"] = json!("");
    let res = app
        .http
        .post(app.url("/api/v1/petitions"))
        .header("Accept-Language", "zh-TW,zh;q=0.9,en;q=0.8")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.headers()["content-language"], "zh-Hant");
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        error_fields(&body),
        ["title"],
        "fields and codes stay as they are"
    );
    assert_eq!(body["errors"][0]["code"], "required");
    assert_eq!(body["errors"][0]["message"], "請填寫標題");
    // English, through the pages' catalogue: the label inside the message is translated too.
    let res = app
        .http
        .post(app.url("/api/v1/petitions"))
        .header("Accept-Language", "en-GB,en;q=0.9")
        .json(&body_without_title())
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-language"], "en");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "required");
    assert_eq!(body["errors"][0]["message"], "Please fill in: Title");
    // Simplified by default.
    let res = submit(&app, &json!({"category": "appeal"})).await;
    let body: Value = res.json().await.unwrap();
    assert!(body["errors"].to_string().contains("请填写标题"));
}

/// Clients that hang up mid-submission must not leave a write half-done: the next submission is
/// taken at once (it used to wait 5 s and fail with "database is locked").
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_that_hang_up_do_not_lock_the_database() {
    let app = portal_tests::spawn_app_with(portal_tests::without_filing_limits).await;
    // A few rounds: each cancelled write has only a chance of being caught mid-transaction.
    for round in 0..4u64 {
        let mut tasks = Vec::new();
        for i in 0..60u64 {
            let (url, body) = (app.url("/api/v1/petitions"), valid_petition());
            tasks.push(tokio::spawn(async move {
                let client = reqwest::Client::builder()
                    .timeout(std::time::Duration::from_millis(1 + (i * 7 + round) % 40))
                    .build()
                    .unwrap();
                let _ = client.post(url).json(&body).send().await;
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        // A locked database would answer 503 after its 5 s busy timeout.
        let res = submit(&app, &valid_petition()).await;
        assert_eq!(res.status(), StatusCode::CREATED, "round {round}");
    }
}
