//! Every citizen page in 简体, 繁體, English and 无障碍 mode, in headless Chromium with JavaScript
//! on and off. Each page visited is audited by axe-core (WCAG 2.2 AA; in 无障碍 mode also the AAA
//! contrast of 7:1) and checked to speak its language throughout (`Browser::check_language`: no
//! Chinese left on an English page outside content marked as Chinese-only, nothing on a 繁體
//! page that zhconv would still convert). The languages are chosen through the header's switches,
//! which work without JavaScript and are remembered from page to page.

use portal_tests::browser::{Browser, Js};
use portal_tests::journeys::{
    CONTINUE, NEXT, fill_legal_aid_form, fill_legal_aid_from_applicant, fill_matter,
    fill_petitioner, legal_aid_application, wage_appeal,
};
use portal_tests::{TestApp, browser_test};
use serde_json::Value;

/// A petition the bureau has assigned, the unit accepted and answered: its status page shows the
/// citizen's own words, the department's name, the timeline and a reply.
async fn answered_petition(app: &TestApp) -> (String, String) {
    let (number, code) = app.submit_petition(&wage_appeal()).await;
    let registrar = app.staff_cookie("dengji").await;
    let unit = app.staff_cookie("city-hrss").await;
    let path = format!("/staff/cases/{number}");
    for (cookie, form) in [
        (
            &registrar,
            vec![("action", "assign"), ("unit", "city-hrss")],
        ),
        (&unit, vec![("action", "accept")]),
        (
            &unit,
            vec![
                ("action", "reply"),
                ("reply_request", "请求督促用人单位支付拖欠的三个月工资。"),
                ("reply_facts", "经查，该公司自 8 月起确未足额支付工资。"),
                ("opinion", "已责令该公司于 15 日内支付拖欠工资。"),
                ("legal_basis", "《劳动保障监察条例》第二十六条"),
                ("outcome", "support"),
            ],
        ),
    ] {
        let (status, body) = app.post_form_with(cookie, &path, &form).await;
        assert_eq!(status, reqwest::StatusCode::SEE_OTHER, "{form:?}: {body}");
    }
    (number, code)
}

/// A legal-aid application (received, not yet decided).
async fn legal_aid_application_received(app: &TestApp) -> (String, String) {
    let receipt: Value = app
        .http
        .post(app.url("/api/v1/legal-aid"))
        .json(&legal_aid_application())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (
        receipt["number"].as_str().unwrap().to_owned(),
        receipt["query_code"].as_str().unwrap().to_owned(),
    )
}

/// Chooses the mode through the header's links (plain links: no JavaScript needed).
async fn choose_mode(app: &TestApp, b: &Browser, lang: &str, accessible: bool) {
    b.visit(&app.url("/")).await;
    let own_name = match lang {
        "hans" => "简体",
        "hant" => "繁體",
        _ => "English",
    };
    if lang != "hans" {
        b.click_link(own_name).await;
    }
    let tag = match lang {
        "hans" => "zh-Hans",
        "hant" => "zh-Hant",
        _ => "en",
    };
    assert_eq!(b.html_attr("lang").await.as_deref(), Some(tag));
    if accessible {
        b.client
            .find(fantoccini::Locator::Css("a[href^='/prefs?a11y=on']"))
            .await
            .expect("the 无障碍 switch")
            .click()
            .await
            .expect("click");
        b.settle_and_audit().await;
        assert!(
            b.html_attr("class")
                .await
                .unwrap_or_default()
                .contains("a11y")
        );
    }
}

/// The petition journey's first pages, with the messages of a page sent empty and of bad input
/// (shown by the browser's own checks when JavaScript is on).
async fn petition_pages(app: &TestApp, b: &Browser) {
    b.visit(&app.url("/petition")).await;
    b.press("button.start").await;
    b.on_step("category").await;
    b.press(CONTINUE).await;
    b.wait_for(".error-summary").await;
    b.audit().await;
    b.click("#category-appeal").await;
    b.press(CONTINUE).await;
    b.on_step("route").await;
    b.click("#route-petition").await;
    b.press(CONTINUE).await;
    b.on_step("petitioner").await;
    b.fill("name", "张3").await;
    b.fill("id_number", "11010519491231003X").await;
    b.fill("mobile", "1381234567").await;
    b.fill("address", "港口区").await;
    b.press(CONTINUE).await;
    b.wait_for(".error-summary").await;
    // With JavaScript on the summary is the browser's; audit what it wrote. The title says
    // there is a problem once, in the page's language, however often the page is sent.
    b.audit().await;
    b.press(CONTINUE).await;
    b.wait_for(".error-summary").await;
    let title = b.client.title().await.expect("title");
    let prefix = match b.html_attr("lang").await.as_deref() {
        Some("en") => "Error: ",
        Some("zh-Hant") => "出現問題：",
        _ => "出现问题：",
    };
    assert_eq!(title.matches(prefix).count(), 1, "{title}");
    assert_eq!(b.value("address").await.as_deref(), Some("港口区"));
    for id in ["name", "id_number", "mobile", "address"] {
        b.replace(id, "").await;
    }
    fill_petitioner(b).await;
    fill_matter(b, "工资拖欠问题").await;
    b.press(CONTINUE).await;
    b.on_step("check").await;
    b.press("main button[value='submit']").await;
    b.wait_for(".error-summary").await;
    b.audit().await;
    b.click("#declaration").await;
    b.press("main button[value='submit']").await;
    assert!(b.text("#receipt-number").await.starts_with("XF"));
}

/// The legal-aid application from its empty form to the receipt.
async fn legal_aid_application_pages(app: &TestApp, b: &Browser) {
    b.visit(&app.url("/legal-aid/apply")).await;
    b.press(NEXT).await;
    b.wait_for(".error-summary").await;
    fill_legal_aid_form(b).await;
    b.press(NEXT).await;
    b.on_page("notify").await;
    b.press(NEXT).await;
    b.on_page("check").await;
    b.press(NEXT).await;
    assert!(b.text("#aid-number").await.starts_with("FY"));
}

async fn lookup_pages(app: &TestApp, b: &Browser, (number, code): &(String, String)) {
    b.visit(&app.url("/lookup")).await;
    b.fill("number", number).await;
    b.fill("code", "ABCD-EFGH-JKMN").await;
    b.press("form button[type=submit]").await;
    b.wait_for(".error-summary").await;
    b.fill("code", code).await;
    b.press("form button[type=submit]").await;
    assert!(b.text("main").await.contains(number.as_str()));
    b.wait_for("section.reply").await;
}

async fn legal_aid_pages(app: &TestApp, b: &Browser, application: &(String, String)) {
    b.visit(&app.url("/legal-aid")).await;
    b.visit(&app.url("/legal-aid/check")).await;
    b.press("form button[type=submit]").await;
    b.wait_for(".error-summary").await;
    for (name, value) in [
        ("matter", "labour"),
        ("special", "none"),
        ("group", "none"),
        ("hardship", "yes"),
    ] {
        b.click(&format!("input[name={name}][value={value}]")).await;
        b.press("form button[type=submit]").await;
    }
    b.wait_for("#check-result").await;
    legal_aid_application_pages(app, b).await;
    lookup_pages_fy(app, b, application).await;
}

async fn lookup_pages_fy(app: &TestApp, b: &Browser, (number, code): &(String, String)) {
    b.visit(&app.url("/lookup")).await;
    b.fill("number", number).await;
    b.fill("code", code).await;
    b.press("form button[type=submit]").await;
    assert!(b.text("main").await.contains(number.as_str()));
}

async fn library_pages(app: &TestApp, b: &Browser) {
    for path in [
        "/guides",
        "/guides/channels-and-time-limits",
        "/guides/six-routes",
        "/guides/faq",
        "/laws/%E4%BF%A1%E8%AE%BF%E5%B7%A5%E4%BD%9C%E6%9D%A1%E4%BE%8B-2022",
        "/search?q=%E5%A4%8D%E6%9F%A5",
        "/search?q=%E7%81%AB%E6%98%9F%E7%A7%BB%E6%B0%91",
        "/stats",
        "/no/such/page",
    ] {
        b.visit(&app.url(path)).await;
    }
}

/// Every citizen page in one mode; with JavaScript on only the pages that have an island (the
/// others are the same HTML either way).
async fn tour(app: &TestApp, b: &Browser, lang: &str, accessible: bool) {
    app.import_laws().await;
    let petition = answered_petition(app).await;
    let application = legal_aid_application_received(app).await;
    choose_mode(app, b, lang, accessible).await;
    petition_pages(app, b).await;
    if b.js == Js::On {
        return;
    }
    lookup_pages(app, b, &petition).await;
    legal_aid_pages(app, b, &application).await;
    library_pages(app, b).await;
    visit_pages(app, b).await;
}

/// 预约走访: the sessions, a slot's form and cancelling.
async fn visit_pages(app: &TestApp, b: &Browser) {
    let registrar = app.staff_cookie("dengji").await;
    let today = app::kernel::clock::Now::of(&app.clock).today();
    let day = app
        .ctx
        .config
        .calendar
        .next_working_day(today + chrono::Duration::days(5));
    let session = super::visits::publish(app, &registrar, day).await;
    let slot = super::visits::slot(app, session, 0).await;
    b.visit(&app.url("/")).await;
    for path in [
        "/visits".to_owned(),
        format!("/visits/book?session={session}&slot={}", slot["id"]),
        "/visits/cancel".to_owned(),
    ] {
        b.visit(&app.url(&path)).await;
    }
}

browser_test!(every_citizen_page_in_simplified, |app, b| {
    tour(app, b, "hans", false).await;
});

browser_test!(every_citizen_page_in_traditional, |app, b| {
    tour(app, b, "hant", false).await;
});

browser_test!(every_citizen_page_in_english, |app, b| {
    tour(app, b, "en", false).await;
});

browser_test!(every_citizen_page_in_accessible_mode, |app, b| {
    tour(app, b, "hans", true).await;
});

/// Presses one of the header's switches (a button of the form in progress there).
async fn press_switch(b: &Browser, value: &str) {
    b.press(&format!(".tools button[value='{value}']")).await;
}

browser_test!(a_switch_mid_form_keeps_every_answer, |app, b| {
    // The petition: half the petitioner page typed, then English, then 无障碍.
    b.visit(&app.url("/petition")).await;
    b.press("button.start").await;
    b.on_step("category").await;
    b.click("#category").await;
    b.press(CONTINUE).await;
    b.on_step("petitioner").await;
    b.fill("name", "张三").await;
    b.fill("address", "港口区解放路 1 号").await;
    press_switch(b, "lang:en").await;
    b.on_step("petitioner").await;
    assert_eq!(b.html_attr("lang").await.as_deref(), Some("en"));
    assert_eq!(b.value("name").await.as_deref(), Some("张三"));
    assert_eq!(
        b.value("address").await.as_deref(),
        Some("港口区解放路 1 号")
    );
    assert!(
        b.client
            .find_all(fantoccini::Locator::Css(".error-summary"))
            .await
            .unwrap()
            .is_empty(),
        "nothing is checked on a switch"
    );
    press_switch(b, "a11y:on").await;
    b.on_step("petitioner").await;
    assert!(
        b.html_attr("class")
            .await
            .unwrap_or_default()
            .contains("a11y")
    );
    assert_eq!(b.value("name").await.as_deref(), Some("张三"));
    // The earlier answer (the category) travelled too: the journey goes on from here.
    fill_petitioner_rest(b).await;
    b.press(CONTINUE).await;
    b.on_step("matter").await;
    // The choice stays for the next pages, as a header link would have set it.
    assert_eq!(b.html_attr("lang").await.as_deref(), Some("en"));
    press_switch(b, "lang:hans").await;
    press_switch(b, "a11y:off").await;

    // The legal-aid form, and its check page.
    b.visit(&app.url("/legal-aid/apply")).await;
    b.click("input[name=who][value=self]").await;
    b.press(NEXT).await;
    b.on_page("applicant").await;
    b.fill("name", "李四").await;
    press_switch(b, "lang:hant").await;
    b.on_page("applicant").await;
    assert_eq!(b.html_attr("lang").await.as_deref(), Some("zh-Hant"));
    assert_eq!(b.value("name").await.as_deref(), Some("李四"));
    b.replace("name", "").await;
    fill_legal_aid_from_applicant(b).await;
    b.press(NEXT).await;
    b.on_page("notify").await;
    b.press(NEXT).await;
    b.on_page("check").await;
    press_switch(b, "lang:en").await;
    b.on_page("check").await;
    assert_eq!(b.html_attr("lang").await.as_deref(), Some("en"));
    b.press(NEXT).await;
    assert!(b.text("#aid-number").await.starts_with("FY"));
});

/// The petitioner page's fields other than the name and address.
async fn fill_petitioner_rest(b: &Browser) {
    b.fill("id_number", "11010519491231002X").await;
    b.fill("mobile", "13812345678").await;
    b.select("district", "450602").await;
}
