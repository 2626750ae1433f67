//! 进度查询 page against the real server (plain form posts).

use portal_tests::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::json;

pub async fn submit_via_api(app: &TestApp, title: &str) -> (String, String) {
    let body = json!({
        "category": "suggestion",
        "petitioner": {
            "name": "李四", "id_number": "450602198001010012", "mobile": "13912345678",
            "address": "防城港市防城区某某街 2 号", "district": "450603"
        },
        "title": title,
        "request": "建议在小区门口增设公交站点，方便老人出行。",
        "facts_and_reasons": "小区有住户两千余人，最近的公交站点步行需二十分钟，老人出行很不方便。"
    });
    app.submit_petition(&body).await
}

async fn post_lookup(app: &TestApp, number: &str, code: &str) -> reqwest::Response {
    app.http
        .post(app.url("/lookup"))
        .form(&[("number", number), ("code", code)])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_right_number_and_code_show_status_due_date_and_timeline() {
    let app = spawn_app().await;
    let (number, code) = submit_via_api(&app, "增设公交站点的建议").await;
    let res = post_lookup(&app, &number, &code).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let html = res.text().await.unwrap();
    assert!(html.contains("办理进度"));
    assert!(html.contains(&number));
    assert!(html.contains("增设公交站点的建议"));
    assert!(html.contains("已收到，等待登记"));
    assert!(html.contains("第二十二条"));
    assert!(html.contains("信访事项已收到"));
    assert!(
        !html.contains("450602198001010012"),
        "no ID number on the page"
    );
}

#[tokio::test]
async fn a_wrong_number_and_a_wrong_code_show_the_same_message_and_keep_the_number() {
    let app = spawn_app().await;
    let (number, code) = submit_via_api(&app, "增设公交站点的建议").await;
    let wrong_code = post_lookup(&app, &number, "ABCD-EFGH-JKMN").await;
    assert_eq!(wrong_code.status(), StatusCode::NOT_FOUND);
    let wrong_code = wrong_code.text().await.unwrap();
    let wrong_number = post_lookup(&app, "XF202001010001", &code).await;
    assert_eq!(wrong_number.status(), StatusCode::NOT_FOUND);
    let wrong_number = wrong_number.text().await.unwrap();
    let message = "没有找到与该编号和查询码相符的信访事项";
    assert!(wrong_code.contains(message) && wrong_number.contains(message));
    assert!(
        wrong_code.contains(&format!("value=\"{number}\"")),
        "the number typed is kept"
    );
    assert!(!wrong_number.contains(&code), "the code is never echoed");
}

#[tokio::test]
async fn empty_fields_are_named() {
    let app = spawn_app().await;
    let res = post_lookup(&app, "", "").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("请输入信访件编号") && html.contains("请输入查询码"));
    assert!(html.contains("href=\"#number\"") && html.contains("href=\"#code\""));
}

#[tokio::test]
async fn repeated_failures_are_slowed_down() {
    let app = spawn_app().await;
    let (number, code) = submit_via_api(&app, "增设公交站点的建议").await;
    for _ in 0..6 {
        assert_eq!(
            post_lookup(&app, &number, "ABCD-EFGH-JKMN").await.status(),
            StatusCode::NOT_FOUND
        );
    }
    let res = post_lookup(&app, &number, &code).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    assert!(res.text().await.unwrap().contains("查询失败次数过多"));
}

#[tokio::test]
async fn script_in_a_title_is_shown_as_text() {
    let app = spawn_app().await;
    let (number, code) = submit_via_api(&app, "<b>粗</b><script>alert(1)</script>").await;
    let html = post_lookup(&app, &number, &code)
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("<script>alert(1)"), "no live script tag");
    assert!(!html.contains("<b>粗</b>"), "no live markup");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[tokio::test]
async fn the_same_matter_is_flagged_for_staff_and_never_told_to_whoever_holds_a_query_code() {
    let app = spawn_app().await;
    let wage = portal_tests::journeys::wage_appeal();
    let (first, _) = app.submit_petition(&wage).await;
    // The same person, category and unit, another matter: not the same.
    let mut lift = wage.clone();
    lift["title"] = "小区电梯长期故障无人维修".into();
    lift["request"] = "请督促物业公司尽快维修小区3号楼电梯，恢复正常使用。".into();
    let (other, other_code) = app.submit_petition(&lift).await;
    // The wages again, in other words: the same matter.
    let mut again = wage.clone();
    again["request"] = "请督促公司支付拖欠我的三个月工资。".into();
    let (second, code) = app.submit_petition(&again).await;

    let registrar = app.staff_cookie("dengji").await;
    let (_, list) = app.get_with(&registrar, "/staff").await;
    let flags = list.matches("class=\"tag same-matter\"").count();
    assert_eq!(flags, 1, "only the wages again are flagged");
    assert!(list.contains(&format!("href=\"/staff/cases/{first}\"")));
    let (_, case) = app
        .get_with(&registrar, &format!("/staff/cases/{second}"))
        .await;
    assert!(case.contains("id=\"same-matter\"") && case.contains(&first));
    let (_, case) = app
        .get_with(&registrar, &format!("/staff/cases/{other}"))
        .await;
    assert!(
        !case.contains("id=\"same-matter\""),
        "a lift is not the wages"
    );

    let html = post_lookup(&app, &second, &code)
        .await
        .text()
        .await
        .unwrap();
    // The status page says nothing of it: a number and 查询码 prove who filed this petition,
    // not whose ID number was typed, so it must not tell what else was filed under that number.
    assert!(!html.contains(&first), "{html}");
    let html = post_lookup(&app, &other, &other_code)
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(&first) && !html.contains(&second));
}
