//! 信访事项查询 and its exports (issue 18) against the real server: every criterion finds what it
//! should and nothing else, an ID number or mobile only whole, a unit's staff only their own
//! matters, the pager; the CSV and the XLSX (read back with calamine) hold the whole result with
//! ID numbers whole for a registrar and masked for a supervisor, and every matter exported is
//! in the audit log. In the browser, JS on and off, every page audited.

use portal_tests::browser::{Browser, Js};
use portal_tests::{TestApp, spawn_app_with, without_filing_limits};
use reqwest::StatusCode;
use serde_json::Value;

async fn act(app: &TestApp, cookie: &str, number: &str, form: &[(&str, &str)]) {
    let (status, html) = app
        .post_form_with(cookie, &format!("/staff/cases/{number}"), form)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{form:?}: {html}");
}

const LI: &str = "450602198001010012";
const WANG: &str = "450602197506150024";

fn petition(name: &str, id: &str, mobile: &str, title: &str) -> Value {
    let mut p = crate::cases::petition("appeal", "city-housing");
    p["petitioner"]["name"] = name.into();
    p["petitioner"]["id_number"] = id.into();
    p["petitioner"]["mobile"] = mobile.into();
    p["title"] = title.into();
    p
}

/// The numbers the page lists, in order.
fn listed(html: &str) -> Vec<String> {
    let Some(at) = html.find("id=\"hits\"") else {
        return Vec::new();
    };
    html[at..]
        .split("href=\"/staff/cases/")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_owned())
        .collect()
}

async fn search(app: &TestApp, cookie: &str, query: &str) -> (StatusCode, String) {
    app.get_with(cookie, &format!("/staff/search?{query}"))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_find_matters_by_each_criterion_page_through_and_export_them() {
    let app = spawn_app_with(without_filing_limits).await;
    app.set_clock("2026-11-02T09:00:00+08:00");
    let registrar = app.staff_cookie("dengji").await;
    let supervisor = app.staff_cookie("duban").await;
    let housing = app.staff_cookie("city-housing").await;
    let hrss = app.staff_cookie("city-hrss").await;
    let (early, _) = app
        .submit_petition(&petition("李明", LI, "13900000001", "电梯停用"))
        .await;
    app.set_clock("2026-12-01T09:00:00+08:00");
    let (late, _) = app
        .submit_petition(&petition("王芳", WANG, "13900000002", "=HYPERLINK(\"x\")"))
        .await;
    act(
        &app,
        &registrar,
        &early,
        &[("action", "assign"), ("unit", "city-housing")],
    )
    .await;
    act(
        &app,
        &registrar,
        &late,
        &[("action", "assign"), ("unit", "city-hrss")],
    )
    .await;
    act(&app, &housing, &early, &[("action", "accept")]).await;
    act(
        &app,
        &registrar,
        &early,
        &[("action", "set_field"), ("field", "ecology")],
    )
    .await;

    // An empty form lists nothing but itself.
    let (status, html) = app.get_with(&registrar, "/staff/search").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("id=\"results\""));
    for (query, want) in [
        (
            format!("number={}", early.to_lowercase()),
            vec![early.clone()],
        ),
        ("name=王芳".to_owned(), vec![late.clone()]),
        (format!("id_number={LI}"), vec![early.clone()]),
        ("mobile=139-0000-0002".to_owned(), vec![late.clone()]),
        ("from=2026-11-30".to_owned(), vec![late.clone()]),
        ("to=2026-11-30".to_owned(), vec![early.clone()]),
        ("status=accepted".to_owned(), vec![early.clone()]),
        ("unit=city-hrss".to_owned(), vec![late.clone()]),
        ("category=suggestion".to_owned(), vec![]),
        ("channel=api".to_owned(), vec![late.clone(), early.clone()]),
        ("field=ecology".to_owned(), vec![early.clone()]),
        ("field=health".to_owned(), vec![]),
        ("channel=letter".to_owned(), vec![]),
        (format!("name=李明&id_number={WANG}"), vec![]),
    ] {
        let (status, html) = search(&app, &registrar, &query).await;
        assert_eq!(status, StatusCode::OK, "{query}: {html}");
        assert_eq!(listed(&html), want, "{query}");
    }
    // Only a whole ID number or mobile; every problem named, what was typed kept.
    let (status, html) = search(
        &app,
        &registrar,
        "id_number=450602&mobile=1390&from=2026-13-01",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("完整、正确的 18 位") && html.contains("完整的 11 位"),
        "{html}"
    );
    assert!(html.contains("不是有效的日期") && html.contains("value=\"450602\""));
    assert!(
        listed(&html).is_empty(),
        "nothing listed for a part of a number"
    );
    // Overdue: the clock past the first's 60 days (第32条) and the second's 15 (第22条).
    app.advance_days(70);
    let (_, html) = search(&app, &registrar, "overdue=1").await;
    assert_eq!(listed(&html), [late.clone(), early.clone()]);
    assert!(html.contains("已超期"));
    // A unit's staff find only what they may see.
    let (_, html) = search(&app, &housing, "channel=api").await;
    assert_eq!(listed(&html), vec![early.clone()]);
    let (_, html) = search(&app, &hrss, &format!("id_number={LI}")).await;
    assert!(listed(&html).is_empty() && html.contains("没有符合条件的信访事项"));

    // The exports hold the whole result: whole ID numbers for the registrar, masked for the
    // supervisor; a formula is written plain; every matter exported is audited.
    let csv = app
        .http
        .get(app.url("/staff/search/export.csv?channel=api"))
        .header("Cookie", &registrar)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert_eq!(csv.headers()["cache-control"], "no-store");
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let text = csv.text().await.unwrap();
    let mut reader = csv_rows(&text);
    let header = reader.remove(0);
    assert_eq!(header[0], "编号");
    assert_eq!(reader.len(), 2);
    assert!(
        reader
            .iter()
            .any(|r| r.contains(&LI.to_owned()) && r.contains(&"李明".to_owned()))
    );
    assert!(
        reader
            .iter()
            .any(|r| r.contains(&"'=HYPERLINK(\"x\")".to_owned())),
        "{text}"
    );
    let xlsx = app
        .http
        .get(app.url("/staff/search/export.xlsx?channel=api"))
        .header("Cookie", &supervisor)
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK);
    let bytes = xlsx.bytes().await.unwrap().to_vec();
    use calamine::Reader as _;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("an XLSX workbook");
    let sheet = book.worksheet_range("信访事项").expect("the sheet");
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[0][5], "公民身份号码");
    assert!(
        rows.iter().all(|r| !r.contains(&LI.to_owned())),
        "masked for a supervisor"
    );
    assert!(
        rows.iter()
            .any(|r| r[5] == app::domain::person::mask_id_number(LI))
    );
    let (_, audit) = app
        .get_with(&registrar, "/staff/search/export.txt?channel=api")
        .await;
    assert!(audit.contains("没有这个页面"));
    let exported =
        app::features::cases::store::audit_count(&app.pool, early_id(&app, &early).await)
            .await
            .unwrap();
    assert!(
        exported >= 2,
        "each export of it is in the audit log: {exported}"
    );
    // A part of an ID number is not exported either.
    let res = app
        .http
        .get(app.url("/staff/search/export.csv?id_number=4506"))
        .header("Cookie", &registrar)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("完整、正确的 18 位"));
}

async fn early_id(app: &TestApp, number: &str) -> i64 {
    app::features::cases::store::find(&app.pool, number)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// A CSV's rows (after its byte-order mark).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    for r in reader.records() {
        rows.push(r.unwrap().iter().map(str::to_owned).collect());
    }
    rows
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn more_than_a_page_is_paged() {
    let app = spawn_app_with(without_filing_limits).await;
    let registrar = app.staff_cookie("dengji").await;
    let mut numbers = Vec::new();
    for n in 0..52 {
        let (number, _) = app
            .submit_petition(&petition(
                "李明",
                LI,
                "13900000001",
                &format!("电梯停用 {n}"),
            ))
            .await;
        numbers.push(number);
    }
    numbers.reverse();
    let (_, first) = search(&app, &registrar, &format!("id_number={LI}")).await;
    assert!(first.contains("共 52 件") && first.contains("第 1 页，共 2 页"));
    assert_eq!(listed(&first), numbers[..50]);
    let (_, second) = search(&app, &registrar, &format!("id_number={LI}&page=2")).await;
    assert_eq!(listed(&second), numbers[50..]);
    assert!(second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""));
}

/// The search in the browser, JS on and off, every page audited.
async fn search_in_the_browser(js: Js) {
    let app = spawn_app_with(without_filing_limits).await;
    let (number, _) = app
        .submit_petition(&petition("李明", LI, "13900000001", "电梯停用"))
        .await;
    let b = Browser::start(js).await;
    b.sign_in(&app, "dengji").await;
    b.click_link("查询和导出").await;
    assert_eq!(b.text("h1").await, "查询信访事项");
    b.fill("id_number", "4506").await;
    b.press("main form button[type=submit]").await;
    assert!(b.text(".error-summary").await.contains("18 位"));
    b.replace("id_number", LI).await;
    b.press("main form button[type=submit]").await;
    assert!(b.text("#total").await.contains("共 1 件"));
    assert!(b.text("#hits").await.contains(&number));
    let _ = b.client.clone().close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_in_the_browser_js_on() {
    search_in_the_browser(Js::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_in_the_browser_js_off() {
    search_in_the_browser(Js::Off).await;
}
