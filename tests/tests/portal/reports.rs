//! The bureau's reports (issue 18) against the real server: a year of matters filed by the
//! injected clock and the 第41条 report of it checked against figures worked out by hand here,
//! in its page, its CSV and its XLSX (read back with calamine); the monthly 研判 against the
//! last month and the same month last year, with its sentences edited for the print version;
//! the 红黑榜 as a document; only the bureau's staff read them. In the browser, JS on and off,
//! every page audited, the 红黑榜 printed on one A4 page.

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

fn petition(category: &str, unit: &str, id: &str) -> Value {
    let mut p = crate::cases::petition(category, unit);
    p["petitioner"]["id_number"] = id.into();
    p
}

const A: &str = "450602198001010012";
const B: &str = "450602197506150024";

/// A matter filed at `at`, given to `unit` by the registrar then; its number.
async fn filed(app: &TestApp, at: &str, category: &str, unit: &str, id: &str) -> String {
    app.set_clock(at);
    let (number, _) = app.submit_petition(&petition(category, unit, id)).await;
    let registrar = app.staff_cookie("dengji").await;
    act(
        app,
        &registrar,
        &number,
        &[("action", "assign"), ("unit", unit)],
    )
    .await;
    number
}

/// The rows of a report's CSV.
async fn csv_of(app: &TestApp, cookie: &str, path: &str) -> Vec<Vec<String>> {
    let res = app
        .http
        .get(app.url(path))
        .header("Cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    let text = res.text().await.unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The row of `section` whose label is `label`: its cells after the section and label.
fn row<'a>(rows: &'a [Vec<String>], section: &str, label: &str) -> &'a [String] {
    &rows
        .iter()
        .find(|r| r[0].contains(section) && r[1] == label)
        .unwrap_or_else(|| panic!("no row {section} / {label} in {rows:?}"))[2..]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_yearly_report_counts_a_year_of_matters_as_worked_out_by_hand() {
    let app = spawn_app_with(without_filing_limits).await;
    // 2025: one appeal to housing. 2026: two appeals to housing in January (one accepted, a
    // 督办函 and an adopted 改进工作建议函 on it), a suggestion to hrss in March, and a report on
    // the city government given to housing in May, which housing objects to and it is given to
    // hrss.
    filed(
        &app,
        "2025-06-02T09:00:00+08:00",
        "appeal",
        "city-housing",
        A,
    )
    .await;
    let first = filed(
        &app,
        "2026-01-05T09:00:00+08:00",
        "appeal",
        "city-housing",
        A,
    )
    .await;
    filed(
        &app,
        "2026-01-20T09:00:00+08:00",
        "appeal",
        "city-housing",
        B,
    )
    .await;
    let housing = app.staff_cookie("city-housing").await;
    act(&app, &housing, &first, &[("action", "accept")]).await;
    let supervisor = app.staff_cookie("duban").await;
    act(
        &app,
        &supervisor,
        &first,
        &[
            ("action", "supervise"),
            ("letter", "supervision"),
            ("letter_text", "请于三日内报告办理进展"),
        ],
    )
    .await;
    let (status, html) = app
        .post_form_with(
            &supervisor,
            "/staff/letters",
            &[
                ("kind", "improve_work"),
                ("unit", "city-housing"),
                ("cases", &first),
                ("subject", "改进电梯维修信访事项办理"),
                ("body", "建议建立电梯维修信访事项的快速处置机制。"),
                ("reply_by", "2026-01-30"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    let (_, list) = app.get_with(&supervisor, "/staff/letters").await;
    let at = list.find("href=\"/staff/letters/").unwrap() + 6;
    let at = list[at..]
        .find("href=\"/staff/letters/")
        .map_or(at, |n| at + n + 6);
    let path = list[at..].split('"').next().unwrap().to_owned();
    let (status, _) = app
        .post_form_with(
            &housing,
            &format!("{path}/answer"),
            &[
                ("answer", "adopted"),
                ("answer_text", "已建立电梯维修快速处置机制，三日内到场。"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    filed(
        &app,
        "2026-03-02T09:00:00+08:00",
        "suggestion",
        "city-hrss",
        B,
    )
    .await;
    let mut report = petition("report", "city-housing", A);
    report["reported_unit"] = "city-gov".into();
    app.set_clock("2026-05-04T09:00:00+08:00");
    let (reported, _) = app.submit_petition(&report).await;
    let registrar = app.staff_cookie("dengji").await;
    act(
        &app,
        &registrar,
        &reported,
        &[("action", "assign"), ("unit", "city-housing")],
    )
    .await;
    act(
        &app,
        &housing,
        &reported,
        &[
            ("action", "object"),
            ("object_reason", "本单位不主管此事，应由人社部门办理。"),
        ],
    )
    .await;
    act(
        &app,
        &registrar,
        &reported,
        &[("action", "assign"), ("unit", "city-hrss")],
    )
    .await;

    app.set_clock("2027-01-11T09:00:00+08:00");
    let (status, page) = app
        .get_with(&supervisor, "/staff/reports/annual?year=2026")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("2026年信访情况年度报告") && page.contains("第四十一条"),
        "{page}"
    );
    let rows = csv_of(
        &app,
        &supervisor,
        "/staff/reports/annual/export.csv?year=2026",
    )
    .await;
    // Worked out by hand: 4 this year against 1; January 2 (none the year before), March 1,
    // May 1, June 0 against 1.
    assert_eq!(
        row(&rows, "总量", "收到信访事项")[..3],
        ["4", "1", "增长 300.0%"]
    );
    assert_eq!(row(&rows, "按月份", "1月")[..2], ["2", "0"]);
    assert_eq!(row(&rows, "按月份", "3月")[..2], ["1", "0"]);
    assert_eq!(row(&rows, "按月份", "6月")[..3], ["0", "1", "下降 100.0%"]);
    assert_eq!(row(&rows, "按类别", "申诉求决类")[..2], ["2", "1"]);
    assert_eq!(row(&rows, "按类别", "检举控告类")[..2], ["1", "0"]);
    assert_eq!(
        row(&rows, "按渠道", "其他系统接入")[..2],
        ["4", "1"],
        "filed through the API: {rows:?}"
    );
    assert_eq!(
        row(&rows, "按承办单位", "防城港市住房和城乡建设局")[..2],
        ["2", "1"]
    );
    assert_eq!(
        row(&rows, "按承办单位", "防城港市人力资源和社会保障局")[..2],
        ["2", "0"]
    );
    // The report counts against the government it names; the two appeals against housing; the
    // suggestion against nobody.
    assert_eq!(
        row(&rows, "被投诉", "防城港市住房和城乡建设局")[..2],
        ["2", "1"]
    );
    assert_eq!(row(&rows, "被投诉", "防城港市人民政府")[..2], ["1", "0"]);
    assert_eq!(row(&rows, "交办", "交办承办单位的事项")[..2], ["4", "1"]);
    assert_eq!(
        row(&rows, "交办", "承办单位提出异议、重新交办")[..2],
        ["1", "0"]
    );
    assert_eq!(
        row(&rows, "交办", "督办函、提醒函（记入事项）")[..2],
        ["1", "0"]
    );
    assert_eq!(row(&rows, "三项建议", "改进工作建议函")[..2], ["1", "0"]);
    assert_eq!(row(&rows, "三项建议", "三项建议被采纳")[..2], ["1", "0"]);
    // 按期办结率: the accepted one was never replied to, its 60 days long past: 0 of 1.
    assert_eq!(row(&rows, "考核指标", "按期办结率")[..2], ["0.0%", "—"]);
    assert_eq!(row(&rows, "考核指标", "督办函、提醒函")[0], "1");
    // The same figures in the workbook.
    let res = app
        .http
        .get(app.url("/staff/reports/annual/export.xlsx?year=2026"))
        .header("Cookie", &supervisor)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.bytes().await.unwrap().to_vec();
    use calamine::Reader as _;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("a workbook");
    let sheet = book.worksheet_range("报告").expect("the sheet");
    let cells: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(cells.len(), rows.len(), "one row for each of the CSV's");
    assert_eq!(
        row(&cells[1..], "总量", "收到信访事项")[..3],
        ["4", "1", "增长 300.0%"]
    );

    // Only the bureau's staff; a year not yet begun is named.
    let (status, _) = app
        .get_with(&housing, "/staff/reports/annual?year=2026")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = app
        .get_with(&supervisor, "/staff/reports/annual?year=2031")
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("年份应为"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_monthly_analysis_compares_months_and_its_sentences_are_edited_for_print() {
    let app = spawn_app_with(without_filing_limits).await;
    filed(&app, "2025-12-03T09:00:00+08:00", "appeal", "city-hrss", B).await;
    filed(&app, "2026-11-04T09:00:00+08:00", "appeal", "city-hrss", B).await;
    for day in ["01", "02", "03"] {
        filed(
            &app,
            &format!("2026-12-{day}T09:00:00+08:00"),
            "appeal",
            "city-housing",
            A,
        )
        .await;
    }
    app.set_clock("2026-12-15T09:00:00+08:00");
    let registrar = app.staff_cookie("dengji").await;
    let (status, page) = app
        .get_with(&registrar, "/staff/reports/monthly?month=2026-12")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("2026年12月共收到信访事项 3 件，环比增长 200.0%，同比增长 200.0%。"),
        "{page}"
    );
    assert!(page.contains("交由防城港市住房和城乡建设局办理的事项增长最多"));
    assert!(
        page.contains("1 名信访人一年内反映两件以上事项"),
        "A filed three"
    );
    assert!(
        page.contains("name=\"text\""),
        "the sentences can be edited"
    );
    // The edited text is the print version's; the data is untouched.
    let (status, print) = app
        .post_form_with(
            &registrar,
            "/staff/reports/monthly",
            &[
                ("month", "2026-12"),
                (
                    "text",
                    "本月电梯维修类信访明显增多。\n\n建议住建部门开展专项整治。",
                ),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        print.contains("本月电梯维修类信访明显增多。")
            && print.contains("建议住建部门开展专项整治。")
    );
    assert!(!print.contains("name=\"text\"") && !print.contains("环比增长 200.0%"));
    let rows = csv_of(
        &app,
        &registrar,
        "/staff/reports/monthly/export.csv?month=2026-12",
    )
    .await;
    assert_eq!(
        row(&rows, "总量", "与上月比")[..3],
        ["3", "1", "增长 200.0%"]
    );
    assert_eq!(
        row(&rows, "总量", "与上年同月比")[..3],
        ["3", "1", "增长 200.0%"]
    );
    assert_eq!(row(&rows, "超期", "重复信访人")[0], "1");
    let (status, _) = app
        .get_with(&registrar, "/staff/reports/monthly?month=2027-02")
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a month to come");

    // The 红黑榜 of the month: housing has matters not accepted past their limit by the 30th.
    app.set_clock("2026-12-31T09:00:00+08:00");
    let (status, board) = app
        .get_with(&registrar, "/staff/reports/board?month=2026-12")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(board.contains("2026年12月信访工作红黑榜"), "{board}");
    let rows = csv_of(
        &app,
        &registrar,
        "/staff/reports/board/export.csv?month=2026-12",
    )
    .await;
    assert!(
        rows.iter()
            .any(|r| r[0] == "黑榜" && r[1] == "防城港市住房和城乡建设局"),
        "{rows:?}"
    );
}

/// The reports in the browser, JS on and off, every page audited; the 红黑榜 prints on one page.
async fn reports_in_the_browser(js: Js) {
    let app = spawn_app_with(without_filing_limits).await;
    filed(
        &app,
        "2026-12-01T09:00:00+08:00",
        "appeal",
        "city-housing",
        A,
    )
    .await;
    app.set_clock("2026-12-15T09:00:00+08:00");
    let b = Browser::start(js).await;
    b.sign_in(&app, "duban").await;
    b.click_link("报告").await;
    assert_eq!(b.text("h1").await, "报告");
    b.press("form[action='/staff/reports/annual'] button[type=submit]")
        .await;
    assert!(b.text("h1").await.contains("年度报告"));
    b.click_link("全部报告").await;
    b.press("form[action='/staff/reports/monthly'] button[type=submit]")
        .await;
    assert!(
        b.text("#analysis")
            .await
            .contains("2026年12月共收到信访事项 1 件")
    );
    b.replace("text", "本月信访平稳。").await;
    b.press("form[action='/staff/reports/monthly'] button[type=submit]")
        .await;
    assert_eq!(b.text("#analysis").await, "本月信访平稳。");
    b.click_link("全部报告").await;
    b.press("form[action='/staff/reports/board'] button[type=submit]")
        .await;
    assert!(b.text("h1").await.contains("红黑榜"));
    assert_eq!(b.printed_pages().await, 1, "the 红黑榜 prints on one page");
    let _ = b.client.clone().close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_in_the_browser_js_on() {
    reports_in_the_browser(Js::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_in_the_browser_js_off() {
    reports_in_the_browser(Js::Off).await;
}
