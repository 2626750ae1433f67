//! The 我要信访 journey in headless Chromium, with JavaScript on and off, with an axe-core audit
//! of every page on the way.

use portal_tests::browser::{Browser, Js};
use portal_tests::journeys::{CONTINUE, fill_matter, fill_petitioner};
use portal_tests::{TestApp, browser_test};
use std::path::PathBuf;

/// Opens the start page and begins.
async fn begin(app: &TestApp, b: &Browser) {
    b.visit(&app.url("/petition")).await;
    assert_eq!(b.text("h1").await, "网上信访");
    b.press("button.start").await;
    b.on_step("category").await;
}

/// Chooses a category (and, if asked, an answer of the route check) and goes on.
async fn choose(b: &Browser, radio: &str, step: &str) {
    b.click(&format!("#{radio}")).await;
    b.press(CONTINUE).await;
    b.on_step(step).await;
}

/// Declares, sends, and returns the receipt's number and 查询码.
async fn declare_and_send(b: &Browser) -> (String, String) {
    b.on_step("check").await;
    b.click("#declaration").await;
    b.press("main button[value='submit']").await;
    assert_eq!(b.text("h1").await, "信访事项已提交");
    (
        b.text("#receipt-number").await,
        b.text("#receipt-code").await,
    )
}

/// Files to upload: a real PNG signature, a text file named like a photo, and a PDF over 10 MB.
fn sample_files(dir: &std::path::Path) -> (PathBuf, PathBuf, PathBuf) {
    let png = dir.join("欠条.png");
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend_from_slice(&[0u8; 2048]);
    std::fs::write(&png, bytes).unwrap();
    let fake = dir.join("photo.jpg");
    std::fs::write(&fake, "this is not a picture").unwrap();
    let big = dir.join("big.pdf");
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.resize(11 * 1024 * 1024, b' ');
    std::fs::write(&big, pdf).unwrap();
    (png, fake, big)
}

browser_test!(an_appeal_goes_from_start_to_receipt_and_lookup, |app, b| {
    begin(app, b).await;
    // Nothing chosen: the question says so.
    b.press(CONTINUE).await;
    assert!(
        b.text(".error-summary")
            .await
            .contains("请选择您要反映的事项属于哪一类")
    );
    choose(b, "category-appeal", "route").await;
    choose(b, "route-petition", "petitioner").await;

    // Bad input on every field of the page: each gets its message, and what was typed stays.
    b.fill("name", "张3").await;
    b.fill("id_number", "11010519491231003X").await;
    b.fill("mobile", "1381234567").await;
    b.fill("address", "港口区").await;
    b.press(CONTINUE).await;
    let summary = b.text(".error-summary").await;
    for message in [
        "姓名不能包含数字、符号或表情",
        "身份证号码的最后一位校验码不对",
        "手机号码",
        "住址太短",
        "请选择所在地区",
    ] {
        assert!(
            summary.contains(message),
            "{message} missing from {summary}"
        );
    }
    assert_eq!(
        b.value("id_number").await.as_deref(),
        Some("11010519491231003X")
    );
    assert_eq!(b.value("address").await.as_deref(), Some("港口区"));
    for id in ["name", "id_number", "mobile", "address"] {
        b.replace(id, "").await;
    }
    fill_petitioner(b).await;

    // The matter: a title too short first.
    b.fill("title", "工资").await;
    b.press(CONTINUE).await;
    assert!(b.text(".error-summary").await.contains("标题太短"));
    b.replace("title", "").await;
    fill_matter(b, "工资拖欠问题").await;

    // Attachments: the PNG is kept, the fake photo and the big PDF are refused by name.
    let dir = tempfile::tempdir().unwrap();
    let (png, fake, big) = sample_files(dir.path());
    b.attach("files", &[&png, &fake, &big]).await;
    if b.js == Js::On {
        // With JavaScript the file over 10 MB is named before anything is sent.
        let said = b.text("#files-error").await;
        assert!(said.contains("“big.pdf”超过 10 MB"), "{said}");
        b.press("button[value='upload']").await;
        assert!(
            b.text(".error-summary")
                .await
                .contains("“big.pdf”超过 10 MB")
        );
        assert!(
            b.client
                .find_all(fantoccini::Locator::Css("ul.files"))
                .await
                .unwrap()
                .is_empty(),
            "nothing was uploaded"
        );
        // The server still judges the rest (chosen again without the big one).
        b.client
            .execute("document.getElementById('files').value = '';", vec![])
            .await
            .unwrap();
        b.attach("files", &[&png, &fake]).await;
        b.press("button[value='upload']").await;
    } else {
        b.press("button[value='upload']").await;
        // Without one, the server reads it and says the same.
        assert!(
            b.text(".error-summary")
                .await
                .contains("“big.pdf”超过 10 MB")
        );
    }
    let summary = b.text(".error-summary").await;
    assert!(
        summary.contains("“photo.jpg”不是 JPG、PNG 图片或 PDF 文件"),
        "{summary}"
    );
    assert!(b.text("ul.files").await.contains("欠条.png"));
    b.press(CONTINUE).await;

    // Check answers, change one, come back to the check page.
    b.on_step("check").await;
    let answers = b.text("dl.answers").await;
    for part in [
        "申诉求决类",
        "张三",
        "11010519491231002X",
        "港口区",
        "工资拖欠问题",
        "欠条.png",
    ] {
        assert!(answers.contains(part), "{part} missing from {answers}");
    }
    b.press("#mobile button").await;
    b.on_step("petitioner").await;
    b.replace("mobile", "13912345678").await;
    b.press(CONTINUE).await;
    b.on_step("check").await;
    assert!(b.text("#mobile").await.contains("13912345678"));

    // Not declared: refused with the reason.
    b.press("main button[value='submit']").await;
    assert!(
        b.text(".error-summary")
            .await
            .contains("请确认您所反映的情况客观真实")
    );
    let (number, code) = declare_and_send(b).await;
    assert!(number.starts_with("XF"), "{number}");
    assert!(b.text("main").await.contains("第二十二条"));
    // The receipt was reached by a redirect: reloading it shows it again and files nothing.
    assert!(b.url().await.ends_with("/petition/receipt"));
    b.reload().await;
    assert_eq!(b.text("#receipt-number").await, number);
    assert_eq!(b.text("#receipt-code").await, code);
    assert_eq!(
        app::features::petition::store::count(&app.pool)
            .await
            .unwrap(),
        1,
        "a reloaded receipt files no second petition"
    );
    if b.js == Js::On {
        let kept = b
            .client
            .execute(
                "return localStorage.getItem('portal.petition.draft');",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            kept.is_null(),
            "the draft is forgotten after sending: {kept}"
        );
    }

    // And it can be looked up at once.
    b.visit(&app.url("/lookup")).await;
    b.fill("number", &number).await;
    b.fill("code", &code).await;
    b.press("form button[type=submit]").await;
    assert_eq!(b.text("h1").await, "办理进度");
    assert!(b.text("main").await.contains("工资拖欠问题"));
});

browser_test!(a_suggestion_has_no_route_check, |app, b| {
    begin(app, b).await;
    choose(b, "category", "petitioner").await;
    fill_petitioner(b).await;
    fill_matter(b, "建议延长办事大厅周六开放时间").await;
    b.press(CONTINUE).await;
    let (number, _) = declare_and_send(b).await;
    assert!(number.starts_with("XF"));
    assert!(b.text("main").await.contains("建议意见类"));
    // A print button where a script can print; without one the page says to use the browser's
    // own menu, and offers no button that does nothing.
    if b.js == Js::On {
        // Shown once the island runs.
        b.wait_for(".print-action:not([hidden]) #print-receipt")
            .await;
    }
    let button = b
        .client
        .find(fantoccini::Locator::Css("#print-receipt"))
        .await
        .expect("the print button is on the page");
    assert_eq!(button.is_displayed().await.unwrap(), b.js == Js::On);
    assert!(b.text("main").await.contains("打印"));
    // The receipt prints on one page (A4 by default), with CJK fonts as on a citizen's phone.
    assert_eq!(b.printed_pages().await, 1, "the receipt prints on one page");
});

browser_test!(
    a_report_on_officials_is_sent_to_discipline_inspection_or_here,
    |app, b| {
        begin(app, b).await;
        choose(b, "category-report", "route").await;
        b.click("#route").await;
        b.press(CONTINUE).await;
        assert_eq!(
            b.text("h1").await,
            "检举控告党员、公职人员，请向纪检监察机关反映"
        );
        assert!(b.text("main").await.contains("12388"));
        b.press("button[value='goto:petitioner']").await;
        b.on_step("petitioner").await;
        assert!(
            b.text("main")
                .await
                .contains("不会透露给被检举控告的单位和人员")
        );
        fill_petitioner(b).await;
        // A report asks whom it reports.
        b.fill("reported", "港口区某站所窗口工作人员").await;
        b.select("reported_unit", "gangkou-gov").await;
        fill_matter(b, "反映某站所工作人员违规收费").await;
        b.press(CONTINUE).await;
        assert!(
            b.text("dl.answers")
                .await
                .contains("港口区某站所窗口工作人员")
        );
        let (number, _) = declare_and_send(b).await;
        assert!(number.starts_with("XF"));
    }
);

browser_test!(
    each_statutory_channel_of_article_31_is_explained,
    |app, b| {
        begin(app, b).await;
        choose(b, "category-appeal", "route").await;
        for (radio, heading) in [
            ("route", "请通过法院、检察院或公安机关的法定程序解决"),
            ("route-arbitration", "请先申请仲裁"),
            ("route-party", "请通过党员申诉或者申请复审解决"),
            ("route-administrative", "请申请行政复议或者提起行政诉讼"),
            ("route-duty", "请直接向负有职责的部门提出"),
        ] {
            b.click(&format!("#{radio}")).await;
            b.press(CONTINUE).await;
            assert_eq!(b.text("h1").await, heading);
            let main = b.text("main").await;
            assert!(
                main.contains("第三十一条") && main.contains("12348"),
                "{main}"
            );
            assert!(
                !main.contains("仍然在这里提交"),
                "a statutory matter is not a petition"
            );
            b.press("button[value='goto:route']").await;
            b.on_step("route").await;
            assert!(b.is_checked(&format!("#{radio}")).await, "{radio} kept");
        }
    }
);

/// With JavaScript on, a reload in the middle of a page keeps what was typed (kept in the
/// browser, not on the server), and the start page offers to carry on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_mid_form_keeps_what_was_typed() {
    let app = portal_tests::spawn_app().await;
    let b = Browser::start(Js::On).await;
    begin(&app, &b).await;
    choose(&b, "category-appeal", "route").await;
    choose(&b, "route-petition", "petitioner").await;
    b.fill("name", "李四").await;
    b.fill("id_number", "11010519491231002X").await;
    // Leaving a wrong field shows its message at once.
    b.fill("mobile", "1381234").await;
    b.click("#address").await;
    b.wait_for("#mobile-error").await;
    b.client.refresh().await.expect("reload");
    b.on_step("petitioner").await;
    b.audit().await;
    assert_eq!(b.value("name").await.as_deref(), Some("李四"));
    assert_eq!(
        b.value("id_number").await.as_deref(),
        Some("11010519491231002X")
    );
    assert_eq!(b.value("mobile").await.as_deref(), Some("1381234"));
    // Earlier answers came back too: 返回 leads to the route question with its answer.
    b.press("button[value='goto:route']").await;
    b.on_step("route").await;
    assert!(b.is_checked("#route-petition").await);
    // The start page offers to carry on.
    b.visit(&app.url("/petition")).await;
    b.wait_for("#resume-offer:not([hidden])").await;
    // The resume page sends the kept answers on by itself: wait for where it lands, then audit.
    b.click("#resume-offer a").await;
    b.on_step("route").await;
    b.audit().await;
    let _ = b.client.clone().close().await;
}

/// A new step of the journey: audited, and the focus on its heading.
async fn arrive(b: &Browser, step: &str) {
    b.on_step(step).await;
    b.settle_and_audit().await;
    b.focus_lands_on("h1").await;
}

// The whole journey with the keyboard alone: Tab to each control (each showing where the focus
// is), arrow keys in the radio groups and the drop-down, Space for the declaration, Enter to go
// on. Each new step puts the focus on its heading, and a page sent with mistakes on its error
// summary, so that a screen reader starts reading at the right place.
browser_test!(a_keyboard_alone_completes_the_journey, |app, b| {
    use portal_tests::browser::{ENTER, SPACE};
    b.visit(&app.url("/petition")).await;
    b.tab_to("button.start").await;
    b.key(ENTER).await;
    arrive(b, "category").await;
    // Sent without a choice: the error summary takes the focus.
    b.tab_to(CONTINUE).await;
    b.key(ENTER).await;
    b.wait_for(".error-summary").await;
    b.settle_and_audit().await;
    b.focus_lands_on(".error-summary").await;
    b.tab_to("input[name=category]").await;
    b.arrow_to("#category-appeal").await;
    b.tab_to(CONTINUE).await;
    b.key(ENTER).await;
    arrive(b, "route").await;
    b.tab_to("input[name=route]").await;
    b.arrow_to("#route-petition").await;
    b.tab_to(CONTINUE).await;
    b.key(ENTER).await;
    arrive(b, "petitioner").await;
    for (id, text) in [
        ("name", "张三"),
        ("id_number", "11010519491231002X"),
        ("mobile", "13812345678"),
        ("address", "防城港市港口区某某路 1 号"),
    ] {
        b.tab_to(&format!("#{id}")).await;
        b.type_text(text).await;
    }
    b.tab_to("#district").await;
    b.arrow_to("#district:has(option[value='450602']:checked)")
        .await;
    b.tab_to(CONTINUE).await;
    b.key(ENTER).await;
    arrive(b, "matter").await;
    for (id, text) in [
        ("title", "工资拖欠问题"),
        ("request", "请求督促用人单位支付拖欠的三个月工资。"),
        (
            "facts_and_reasons",
            "本人于 2026 年在某公司工作，公司自 8 月起未发放工资，多次催要无果。",
        ),
    ] {
        b.tab_to(&format!("#{id}")).await;
        b.type_text(text).await;
    }
    b.tab_to(CONTINUE).await;
    b.key(ENTER).await;
    arrive(b, "attachments").await;
    b.tab_to(CONTINUE).await;
    b.key(ENTER).await;
    arrive(b, "check").await;
    b.tab_to("#declaration").await;
    b.key(SPACE).await;
    b.tab_to("button[value='submit']").await;
    b.key(ENTER).await;
    assert!(b.text("#receipt-number").await.starts_with("XF"));
    b.settle_and_audit().await;
    b.focus_lands_on("h1").await;
});
