//! 督办函、提醒函、建议函 (issue 18, 第40条) against the real server: every kind issued with its
//! own yearly numbering (restarting in a new year), put on the matters it names or only linked
//! to them, printed as its document, answered by the unit, listed as overdue when the clock
//! passes its day, and counted; the problems of a draft named; a unit's staff see only their
//! unit's letters. In the browser, JS on and off: issued, printed on one A4 page, every page
//! audited.

use portal_tests::browser::{Browser, Js};
use portal_tests::{TestApp, spawn_app};
use reqwest::StatusCode;

async fn act(app: &TestApp, cookie: &str, number: &str, form: &[(&str, &str)]) {
    let (status, html) = app
        .post_form_with(cookie, &format!("/staff/cases/{number}"), form)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{form:?}: {html}");
}

/// A matter given to `unit`; its number.
async fn assigned_to(app: &TestApp, registrar: &str, unit: &str) -> String {
    let (number, _) = app
        .submit_petition(&crate::cases::petition("appeal", unit))
        .await;
    act(
        app,
        registrar,
        &number,
        &[("action", "assign"), ("unit", unit)],
    )
    .await;
    number
}

/// Issues a letter; its page's path.
async fn issue(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> String {
    let (status, html) = app.post_form_with(cookie, "/staff/letters", form).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{form:?}: {html}");
    latest(app, cookie).await
}

/// The path of the newest letter in the list.
async fn latest(app: &TestApp, cookie: &str) -> String {
    let (_, list) = app.get_with(cookie, "/staff/letters").await;
    let table = &list[list.find("id=\"letters\"").expect("a list")..];
    let at = table.find("href=\"/staff/letters/").expect("a letter") + 6;
    let rest = &table[at..];
    let path = &rest[..rest.find('"').unwrap()];
    assert!(
        path.trim_start_matches("/staff/letters/")
            .parse::<i64>()
            .is_ok(),
        "{path}"
    );
    path.to_owned()
}

fn letter<'a>(
    kind: &'a str,
    unit: &'a str,
    cases: &'a str,
    reply_by: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", kind),
        ("unit", unit),
        ("cases", cases),
        ("subject", "加快办理小区电梯维修信访事项"),
        (
            "body",
            "你单位办理的信访事项已超过法定期限，群众多次反映。\n请查明原因，依法处理。",
        ),
        ("reply_by", reply_by),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_letter_is_numbered_in_its_year_printed_answered_and_counted() {
    let app = spawn_app().await;
    app.set_clock("2026-12-10T09:00:00+08:00");
    let registrar = app.staff_cookie("dengji").await;
    let supervisor = app.staff_cookie("duban").await;
    let housing = app.staff_cookie("city-housing").await;
    let hrss = app.staff_cookie("city-hrss").await;
    let first = assigned_to(&app, &registrar, "city-housing").await;
    let second = assigned_to(&app, &registrar, "city-housing").await;
    let elsewhere = assigned_to(&app, &registrar, "city-hrss").await;

    // The form, from a case's page, with the case and a reply-by day filled in.
    let (_, case) = app
        .get_with(&supervisor, &format!("/staff/cases/{first}"))
        .await;
    let link = format!("/staff/letters/new?case={first}");
    assert!(case.contains(&link), "the case page offers a letter");
    let (status, form) = app.get_with(&supervisor, &link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        form.contains(&first) && form.contains("value=\"2026-12-24\""),
        "{form}"
    );
    let (status, _) = app.get_with(&housing, "/staff/letters/new").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a unit does not issue letters"
    );

    // Every problem of a draft is named, and what was typed stays.
    let (status, html) = app
        .post_form_with(
            &supervisor,
            "/staff/letters",
            &[
                ("kind", "supervision"),
                ("subject", "电梯"),
                ("reply_by", "2026-12-01"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for said in [
        "请选择发往的单位",
        "涉及的信访事项编号",
        "正文",
        "答复期限应在今天以后",
    ] {
        assert!(html.contains(said), "{said}: {html}");
    }
    assert!(html.contains("value=\"电梯\""), "kept");
    // A matter that does not exist, and one another unit holds: nothing is issued.
    let both = format!("{first} XF00000000-9999");
    let (status, html) = app
        .post_form_with(
            &supervisor,
            "/staff/letters",
            &letter("supervision", "city-housing", &both, "2026-12-24"),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("没有这些信访事项：XF00000000-9999"), "{html}");
    let mixed = format!("{first}、{elsewhere}");
    let (status, html) = app
        .post_form_with(
            &supervisor,
            "/staff/letters",
            &letter("supervision", "city-housing", &mixed, "2026-12-24"),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains(&format!("{elsewhere}：这件事项现在不由")),
        "{html}"
    );
    let (_, list) = app.get_with(&supervisor, "/staff/letters").await;
    assert!(list.contains("这一年还没有函件"), "nothing was issued");

    // Each kind, numbered from 1 in its own series.
    let pair = format!("{first}, {second}");
    let supervision = issue(
        &app,
        &supervisor,
        &letter("supervision", "city-housing", &pair, "2026-12-24"),
    )
    .await;
    let (_, doc) = app.get_with(&supervisor, &supervision).await;
    assert!(doc.contains("防信督〔2026〕1号"), "{doc}");
    assert!(
        doc.contains("信访事项督办函") && doc.contains("防城港市住房和城乡建设局："),
        "{doc}"
    );
    assert!(doc.contains(&format!("{first}、{second}")));
    assert!(doc.contains("2026年12月24日前"));
    assert!(doc.contains("2026年12月10日"), "the day it was issued");
    assert!(
        doc.contains("请查明原因，依法处理。"),
        "the body's second paragraph"
    );
    assert!(!doc.contains("{reply_by}") && !doc.contains("{cases}"));
    let mut numbers = vec![("supervision", "防信督〔2026〕1号", supervision.clone())];
    for (kind, cases, number) in [
        ("work_reminder", first.as_str(), "防信提〔2026〕1号"),
        ("risk_reminder", first.as_str(), "防信风〔2026〕1号"),
        ("improve_work", second.as_str(), "防信建〔2026〕1号"),
        ("improve_policy", "", "防信策〔2026〕1号"),
        ("accountability", first.as_str(), "防信责〔2026〕1号"),
        ("supervision", second.as_str(), "防信督〔2026〕2号"),
    ] {
        let unit = if kind == "accountability" {
            "city-gov"
        } else {
            "city-housing"
        };
        let path = issue(&app, &supervisor, &letter(kind, unit, cases, "2026-12-24")).await;
        let (status, doc) = app.get_with(&supervisor, &path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(doc.contains(number), "{kind}: {doc}");
        if cases.is_empty() {
            assert!(!doc.contains("涉及信访事项："), "no line for no matter");
        }
        numbers.push((kind, number, path));
    }
    // A 督办函 and the 提醒函 are on the case's timeline; every letter is linked from it.
    let (_, case) = app
        .get_with(&housing, &format!("/staff/cases/{first}"))
        .await;
    assert!(
        case.contains("防信督〔2026〕1号：加快办理小区电梯维修信访事项"),
        "{case}"
    );
    assert!(case.contains("防信提〔2026〕1号") && case.contains("防信风〔2026〕1号"));
    assert!(
        !case.contains("防信责〔2026〕1号"),
        "a unit's staff see only the letters to their unit"
    );
    let (_, case) = app
        .get_with(&supervisor, &format!("/staff/cases/{first}"))
        .await;
    assert!(
        case.contains("id=\"case-letters\"") && case.contains("追究责任建议函 防信责〔2026〕1号")
    );

    // The unit's staff see their unit's letters, not another's.
    let (_, theirs) = app.get_with(&housing, "/staff/letters").await;
    assert!(theirs.contains("防信督〔2026〕2号") && !theirs.contains("防信责"));
    let (status, _) = app.get_with(&hrss, &supervision).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.get_with(&supervisor, "/staff/letters/abc").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Answered by the unit: a problem named, then recorded once.
    let answer = format!("{supervision}/answer");
    let (status, html) = app
        .post_form_with(&housing, &answer, &[("answer_text", "已处理")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("请选择采纳（落实）情况") && html.contains("书面答复"),
        "{html}"
    );
    let said = [
        ("answer", "adopted"),
        (
            "answer_text",
            "已责成物业公司于12月20日前完成电梯维修，并向信访人当面反馈。",
        ),
    ];
    let (status, _) = app.post_form_with(&housing, &answer, &said).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, doc) = app.get_with(&supervisor, &supervision).await;
    assert!(
        doc.contains("已落实") && doc.contains("已责成物业公司"),
        "{doc}"
    );
    let (status, html) = app.post_form_with(&housing, &answer, &said).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("已经登记过答复"));
    // The bureau records a paper answer to a proposal.
    let improve = &numbers[3].2;
    let (status, _) = app
        .post_form_with(
            &supervisor,
            &format!("{improve}/answer"),
            &[
                ("answer", "partly"),
                (
                    "answer_text",
                    "书面反馈：已采纳其中两项建议，第三项正在研究。",
                ),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // Counted, and the overdue listed once the day has passed.
    let (_, list) = app.get_with(&supervisor, "/staff/letters").await;
    for said in [
        "督办函 2 件",
        "工作提醒函 1 件",
        "风险提醒函 1 件",
        "改进工作建议函 1 件",
        "完善政策建议函 1 件",
        "追究责任建议函 1 件",
        "三项建议 3 件：采纳 0 件，部分采纳 1 件，未采纳 0 件，未答复 2 件",
        "逾期未答复 0 件",
    ] {
        assert!(list.contains(said), "{said}: {list}");
    }
    app.advance_days(15);
    let (_, overdue) = app
        .get_with(&supervisor, "/staff/letters?year=2026&overdue=1")
        .await;
    assert!(overdue.contains("逾期未答复 5 件"), "{overdue}");
    assert!(overdue.contains("防信督〔2026〕2号") && !overdue.contains("防信督〔2026〕1号"));
    assert!(!overdue.contains("防信建〔2026〕1号"), "answered in part");

    // A new year starts each series again.
    app.set_clock("2027-01-05T09:00:00+08:00");
    let path = issue(
        &app,
        &supervisor,
        &letter("supervision", "city-housing", &second, "2027-01-20"),
    )
    .await;
    let (_, doc) = app.get_with(&supervisor, &path).await;
    assert!(doc.contains("防信督〔2027〕1号"), "{doc}");
    let (_, last_year) = app.get_with(&supervisor, "/staff/letters?year=2026").await;
    assert!(last_year.contains("督办函 2 件"));
}

/// A letter issued and opened in the browser, JS on and off, every page audited; it prints on
/// one A4 page with the document alone.
async fn letters_in_the_browser(js: Js) {
    let app = spawn_app().await;
    let registrar = app.staff_cookie("dengji").await;
    let number = assigned_to(&app, &registrar, "city-housing").await;
    let b = Browser::start(js).await;
    b.sign_in(&app, "duban").await;
    b.click_link("督办函和建议函").await;
    assert_eq!(b.text("h1").await, "督办函、提醒函和建议函");
    b.click_link("发函").await;
    b.select("kind", "supervision").await;
    b.press("main form button[type=submit]").await;
    assert!(b.text(".error-summary").await.contains("发往的单位"));
    b.select("unit", "city-housing").await;
    b.fill("cases", &number).await;
    b.fill("subject", "加快办理小区电梯维修信访事项").await;
    b.fill(
        "body",
        "你单位办理的信访事项已超过法定期限，群众多次反映。请查明原因，依法处理。",
    )
    .await;
    b.press("main form button[type=submit]").await;
    assert!(b.text("#letter-notice").await.contains("防信督"));
    assert!(b.text("#letter-number").await.starts_with("防信督〔"));
    assert_eq!(b.printed_pages().await, 1, "a letter prints on one page");
    b.click_link("全部函件").await;
    assert!(b.text("#letters").await.contains("防信督"));
    let _ = b.client.clone().close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn letters_in_the_browser_js_on() {
    letters_in_the_browser(Js::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn letters_in_the_browser_js_off() {
    letters_in_the_browser(Js::Off).await;
}
