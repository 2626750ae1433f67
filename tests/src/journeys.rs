//! Sample answers and the steps of the citizen journeys that several browser tests take.

use crate::browser::Browser;
use serde_json::{Value, json};

/// The journey pages' button that goes on to the next step.
pub const CONTINUE: &str = "main button[value='continue']";

/// A wage-arrears appeal as `POST /api/v1/petitions` takes it, for the unit `city-hrss`.
pub fn wage_appeal() -> Value {
    json!({
        "category": "appeal",
        "petitioner": {
            "name": "张三", "id_number": "11010519491231002X", "mobile": "13812345678",
            "address": "防城港市港口区渔洲路 1 号", "district": "450602"
        },
        "unit": "city-hrss",
        "title": "工资拖欠问题",
        "request": "请求督促用人单位支付拖欠的三个月工资。",
        "facts_and_reasons": "本人于 2026 年在某公司工作，公司自 8 月起未发放工资，多次催要无果。"
    })
}

/// A legal-aid application as `POST /api/v1/legal-aid` takes it (a wage claim, with hardship).
pub fn legal_aid_application() -> Value {
    json!({
        "applicant": {
            "name": "李四", "id_number": "11010519491231002X", "mobile": "13812345678",
            "address": "防城港市港口区渔洲路 2 号", "district": "450602"
        },
        "matter": "labour",
        "other_party": "某建筑公司",
        "description": "在工地干活三个月，老板拖欠工资一万二千元，多次讨要没有结果。",
        "hardship_statement": "家中只有我一人有收入，目前失业，没有存款。",
        "pledge": true
    })
}

/// Fills the empty petitioner page with valid answers and goes on to the matter.
pub async fn fill_petitioner(b: &Browser) {
    b.fill("name", "张三").await;
    b.fill("id_number", "11010519491231002X").await;
    b.fill("mobile", "13812345678").await;
    b.fill("address", "防城港市港口区某某路 1 号").await;
    b.select("district", "450602").await;
    b.press(CONTINUE).await;
    b.on_step("matter").await;
}

/// Fills the empty matter page (with `title`) and goes on to the attachments.
pub async fn fill_matter(b: &Browser, title: &str) {
    b.fill("title", title).await;
    b.fill("request", "请求督促用人单位支付拖欠的三个月工资。")
        .await;
    b.fill(
        "facts_and_reasons",
        "本人于 2026 年在某公司工作，公司自 8 月起未发放工资，多次催要无果。",
    )
    .await;
    b.press(CONTINUE).await;
    b.on_step("attachments").await;
}

/// The legal-aid application's 继续 (and, on its check page, 提交申请).
pub const NEXT: &str = "form#apply-form #send";

/// Answers the legal-aid application from its first page to the files page with the answers of
/// `legal_aid_application` (for oneself, the pledge given); files and the other party are left
/// to the test. Every page asks one question, so none is much taller than a phone's screen.
pub async fn fill_legal_aid_form(b: &Browser) {
    b.on_page("who").await;
    fits_a_phone(b).await;
    b.click("input[name=who][value=self]").await;
    b.press(NEXT).await;
    fill_legal_aid_from_applicant(b).await;
}

/// [`fill_legal_aid_form`] from the applicant's page on.
pub async fn fill_legal_aid_from_applicant(b: &Browser) {
    let a = legal_aid_application();
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    b.on_page("applicant").await;
    fits_a_phone(b).await;
    for field in ["name", "id_number", "mobile", "address"] {
        b.fill(field, &text(&a["applicant"][field])).await;
    }
    b.select("district", &text(&a["applicant"]["district"]))
        .await;
    b.press(NEXT).await;
    b.on_page("matter").await;
    fits_a_phone(b).await;
    b.select("matter", &text(&a["matter"])).await;
    b.fill("description", &text(&a["description"])).await;
    b.press(NEXT).await;
    b.on_page("basis").await;
    assert!(b.is_checked("input[name=basis][value=hardship]").await);
    b.press(NEXT).await;
    b.on_page("statement").await;
    fits_a_phone(b).await;
    b.fill("hardship_statement", &text(&a["hardship_statement"]))
        .await;
    b.click("#pledge").await;
    b.press(NEXT).await;
    b.on_page("files").await;
}

/// The page is at most two screens of the phone-sized browser (390 × 844) tall.
async fn fits_a_phone(b: &Browser) {
    let height = b
        .client
        .execute("return document.documentElement.scrollHeight;", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(height <= 2.0 * 844.0, "{height} px tall");
}
