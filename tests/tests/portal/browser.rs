//! Browser tests in headless Chromium, each run with JavaScript on and off, with an axe-core
//! audit of every page visited.

use portal_tests::browser_test;
use portal_tests::journeys::NEXT;

browser_test!(home_page_shows_channels_and_hotlines, |app, b| {
    b.visit(&app.url("/")).await;
    let h1 = b.text("h1").await;
    assert!(h1.contains("防城港市信访局"), "{h1}");
    let hotlines = b.text("#hotlines + ul").await;
    assert!(hotlines.contains("12345") && hotlines.contains("12348"));
    assert!(b.text("#channels + dl").await.contains("接待时间"));
});

browser_test!(header_switches_work_and_survive_navigation, |app, b| {
    b.visit(&app.url("/")).await;
    assert_eq!(b.html_attr("lang").await.as_deref(), Some("zh-Hans"));
    b.click_link("繁體").await;
    assert_eq!(b.html_attr("lang").await.as_deref(), Some("zh-Hant"));
    assert!(b.text("h1").await.contains("網上信訪"));
    b.click_link("無障礙").await;
    assert!(
        b.html_attr("class")
            .await
            .unwrap_or_default()
            .contains("a11y")
    );
    // Remembered on the next page too, including the 404 page.
    b.visit(&app.url("/nowhere")).await;
    assert_eq!(b.html_attr("lang").await.as_deref(), Some("zh-Hant"));
    assert!(
        b.html_attr("class")
            .await
            .unwrap_or_default()
            .contains("a11y")
    );
    b.click_link("English").await;
    assert_eq!(b.html_attr("lang").await.as_deref(), Some("en"));
    assert_eq!(b.text("h1").await, "Page not found");
    b.click_link("Go to the home page").await;
    assert_eq!(b.html_attr("lang").await.as_deref(), Some("en"));
    b.click_link("Exit accessible mode").await;
    assert!(
        !b.html_attr("class")
            .await
            .unwrap_or_default()
            .contains("a11y")
    );
    b.click_link("简体").await;
    assert_eq!(b.html_attr("lang").await.as_deref(), Some("zh-Hans"));
});

browser_test!(unknown_page_is_a_helpful_404, |app, b| {
    b.visit(&app.url("/no/such/page")).await;
    assert_eq!(b.text("h1").await, "找不到这个页面");
    b.click_link("返回首页").await;
    assert!(b.text("h1").await.contains("网上信访服务平台"));
});

/// The harness itself: an audit must fail on a page with a known violation, with JavaScript on
/// and off (a harness that never fails would make every test above meaningless).
mod audit_catches_violations {
    use portal_tests::browser::{Browser, Js};

    async fn audit_bad_page(js: Js) {
        let b = Browser::start(js).await;
        b.client
            .goto("data:text/html,<!DOCTYPE html><html><body><img src='x.png'><a href='/'></a></body></html>")
            .await
            .expect("navigate");
        b.audit().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[should_panic(expected = "axe-core found")]
    async fn js_on() {
        audit_bad_page(Js::On).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[should_panic(expected = "axe-core found")]
    async fn js_off() {
        audit_bad_page(Js::Off).await;
    }
}

browser_test!(staff_sign_in_from_the_header_link, |app, b| {
    b.visit(&app.url("/")).await;
    b.click_link("登录").await;
    assert_eq!(b.text("h1").await, "工作人员登录");
    // A wrong password: the summary names the problem and the name typed is kept.
    b.fill("username", "dengji").await;
    b.fill("password", "wrong").await;
    b.press("form button[type=submit]").await;
    assert!(
        b.text(".error-summary")
            .await
            .contains("用户名或密码不正确")
    );
    assert_eq!(b.value("username").await.as_deref(), Some("dengji"));
    // The right one opens the workbench.
    let password = &app
        .seeded
        .iter()
        .find(|s| s.username == "dengji")
        .unwrap()
        .password;
    b.fill("password", password).await;
    b.press("form button[type=submit]").await;
    assert_eq!(b.text("h1").await, "工作台");
    assert!(b.text("main").await.contains("登记员（演示）"));
    b.press("form[action='/staff/logout'] button").await;
    assert!(b.text("h1").await.contains("网上信访服务平台"));
});

browser_test!(status_lookup_from_the_home_page, |app, b| {
    let (number, code) = app
        .submit_petition(&serde_json::json!({
            "category": "report",
            "petitioner": {
                "name": "王五", "id_number": "450681199012310037", "mobile": "13712345678",
                "address": "东兴市某某路 3 号", "district": "450681"
            },
            "unit": "dongxing-gov",
            "title": "反映某站所工作人员违规收费",
            "request": "请求查处违规收费行为并退还多收的费用。",
            "facts_and_reasons": "今年十月办理业务时，工作人员额外收取费用且不开具票据，与公示的收费标准不符。",
            "reported": "东兴市某站所窗口工作人员"
        }))
        .await;
    b.visit(&app.url("/")).await;
    b.click_link("查询办理进度").await;
    assert_eq!(b.text("h1").await, "查询办理进度");
    // A wrong code first: the message, and the number kept.
    b.fill("number", &number).await;
    b.fill("code", "ABCD-EFGH-JKMN").await;
    b.press("form button[type=submit]").await;
    assert!(b.text(".error-summary").await.contains("没有找到"));
    assert_eq!(b.value("number").await.as_deref(), Some(number.as_str()));
    // Then the right one.
    b.fill("code", &code).await;
    b.press("form button[type=submit]").await;
    assert_eq!(b.text("h1").await, "办理进度");
    let main = b.text("main").await;
    assert!(
        main.contains(&number) && main.contains("东兴市人民政府") && main.contains("检举控告类")
    );
});

/// Signs in on the sign-in page with a seeded account.
async fn staff_sign_in(
    app: &portal_tests::TestApp,
    b: &portal_tests::browser::Browser,
    username: &str,
) {
    let password = &app
        .seeded
        .iter()
        .find(|s| s.username == username)
        .unwrap()
        .password;
    b.visit(&app.url("/staff/login")).await;
    b.fill("username", username).await;
    b.fill("password", password).await;
    b.press("form button[type=submit]").await;
    assert_eq!(b.text("h1").await, "工作台");
}

browser_test!(
    a_case_is_assigned_answered_and_read_by_the_citizen,
    |app, b| {
        let (number, code) = app
            .submit_petition(&portal_tests::journeys::wage_appeal())
            .await;
        // 登记员: the list masks the ID number; the case is registered and assigned.
        staff_sign_in(app, b, "dengji").await;
        b.click_link("新收待登记 (1)").await;
        assert!(b.text("table.cases").await.contains("110105********002X"));
        b.click_link(&number).await;
        assert!(b.text("#case-status").await.contains("已收到"));
        b.select("unit", "city-hrss").await;
        b.press("form:has(input[value='assign']) button").await;
        assert!(b.text("#case-status").await.contains("已登记"));
        b.visit(&app.url("/staff")).await;
        b.press("form[action='/staff/logout'] button").await;

        // The unit accepts and replies; a missing outcome is named and the text kept.
        staff_sign_in(app, b, "city-hrss").await;
        b.click_link(&number).await;
        b.press("form:has(input[value='accept']) button").await;
        assert!(b.text("#case-status").await.contains("已受理"));
        b.fill(
            "reply_facts",
            "经查，该公司自 8 月起确未足额支付工资，共计拖欠三个月。",
        )
        .await;
        b.fill(
            "opinion",
            "已责令该公司于 15 日内支付拖欠工资，逾期将依法处理。",
        )
        .await;
        b.fill("legal_basis", "《劳动保障监察条例》第二十六条")
            .await;
        b.press("form:has(input[value='reply']) button[type=submit]")
            .await;
        assert!(b.text(".error-summary").await.contains("请选择处理结果"));
        assert!(
            b.value("opinion")
                .await
                .unwrap_or_default()
                .contains("15 日内")
        );
        b.click("#outcome").await;
        b.press("form:has(input[value='reply']) button[type=submit]")
            .await;
        assert!(b.text("#case-status").await.contains("已书面答复"));

        // The citizen reads the reply.
        b.visit(&app.url("/lookup")).await;
        b.fill("number", &number).await;
        b.fill("code", &code).await;
        b.press("form button[type=submit]").await;
        let main = b.text("main").await;
        assert!(
            main.contains("已书面答复")
                && main.contains("15 日内支付拖欠工资")
                && main.contains("支持"),
            "{main}"
        );

        // Rates it (a choice is required), then asks for 复查 within the 30 days of 第35条.
        b.press("#evaluation button[type=submit]").await;
        assert!(b.text(".error-summary").await.contains("请选择评价"));
        b.click("#rating").await;
        b.fill("comment", "处理及时").await;
        b.press("#evaluation button[type=submit]").await;
        assert!(b.text("#lookup-notice").await.contains("感谢您的评价"));
        assert!(b.text("#timeline-list").await.contains("信访人评价：满意"));
        b.fill("reason", "公司至今仍未支付，请求复查。").await;
        b.press("#review button[type=submit]").await;
        assert!(b.text("#lookup-notice").await.contains("复查请求已经提交"));
        assert!(b.text("main").await.contains("复查或复核中"));

        // One level up: the city government (the unit's review body in the config) finds it in
        // its 复查 queue and answers on the 复查意见书 form.
        staff_sign_in(app, b, "city-gov").await;
        b.click_link("复查、复核 (1)").await;
        b.click_link(&number).await;
        assert!(b.text("#case-status").await.contains("复查或复核中"));
        assert!(b.text("#due-now").await.contains("第三十五条"));
        assert!(b.text("#actions ~ form h3").await.contains("复查意见书"));
        b.fill(
            "reply_facts",
            "复查查明：公司已于 11 月补发两个月工资，尚欠一个月。",
        )
        .await;
        b.fill(
            "opinion",
            "维持原处理意见，并责令公司 10 日内补发剩余工资。",
        )
        .await;
        b.fill("legal_basis", "《信访工作条例》第三十五条").await;
        b.click("#outcome").await;
        b.press("form:has(input[value='review']) button[type=submit]")
            .await;
        assert!(
            b.text("#action-done")
                .await
                .contains("已作出复查（复核）意见")
        );
        assert!(b.text("#timeline").await.contains("已作出复查意见"));
        b.visit(&app.url("/staff")).await;
        b.press("form[action='/staff/logout'] button").await;
        staff_sign_in(app, b, "dengji").await;

        // The month's figures and 红黑榜 inside the workbench.
        b.visit(&app.url("/staff")).await;
        b.click_link("考核指标与红黑榜").await;
        assert!(b.text("h1").await.starts_with("考核指标与红黑榜"));
        assert!(b.text("#board").await.contains("红榜"));
    }
);

browser_test!(the_statistics_page_reads_without_a_chart, |app, b| {
    app.submit_petition(&serde_json::json!({
        "category": "suggestion",
        "petitioner": {
            "name": "赵六", "id_number": "11010519491231002X", "mobile": "13812345678",
            "address": "防城港市港口区某某路 1 号", "district": "450602"
        },
        "title": "关于公交线路的建议",
        "request": "建议增加早高峰时段的公交班次。",
        "facts_and_reasons": "早上七点到八点之间车辆拥挤，很多老人和学生上不了车，等车时间很长。"
    }))
    .await;
    b.visit(&app.url("/")).await;
    b.click_link("信访统计").await;
    assert!(b.text("h1").await.starts_with("信访统计"));
    assert!(b.text("table.volumes").await.contains("1"));
    b.click_link("上一月").await;
    assert!(b.text(".figures").await.contains("0 件"));
});

browser_test!(
    the_library_is_read_and_searched_down_to_an_article,
    |app, b| {
        app.import_laws().await;
        b.visit(&app.url("/")).await;
        b.click_link("普法园地").await;
        assert!(b.text("#guides").await.contains("办理时限"));
        b.click_link("办理时限：每一步最多多久").await;
        assert!(b.text("#time-limits table").await.contains("作出复核意见"));
        b.fill("q", "复查").await;
        b.press("form[role=search] button").await;
        assert!(b.text("#search-summary").await.contains("与“复查”有关"));
        assert_eq!(b.text("#results mark").await, "复查");
        b.click_link("信访工作条例 第三十五条").await;
        assert!(b.text("#第三十五条").await.contains("复查"));
        b.visit(&app.url("/guides/six-routes")).await;
        assert!(b.text("#routes").await.contains("请先申请仲裁"));
    }
);

browser_test!(
    a_guide_s_statute_link_opens_the_article_on_a_fresh_portal,
    |app, b| {
        // Nothing imported by hand: the demo content brings the laws the guides cite.
        b.visit(&app.url("/guides/how-to-petition")).await;
        b.click_link("第十七条").await;
        assert!(b.url().await.contains("/laws/"));
        assert!(b.text("#第十七条").await.contains("信访人"));
        // A law the library lacks: a page for citizens, with the official database.
        b.visit(&app.url("/laws/某某条例-2099")).await;
        let main = b.text("main").await;
        assert!(main.contains("国家法律法规数据库") && !main.contains("import-statutes"));
    }
);

browser_test!(the_legal_aid_self_check_reaches_each_outcome, |app, b| {
    b.visit(&app.url("/")).await;
    b.click_link("法律援助").await;
    b.click_link("开始自查").await;
    b.press("form button[type=submit]").await;
    assert!(
        b.text(".error-summary")
            .await
            .contains("请选择您要解决的是哪一类问题")
    );
    let walks: [(&[(&str, &str)], &str); 6] = [
        (
            &[("matter", "maintenance"), ("special", "domestic_violence")],
            "您很可能符合申请法律援助的条件",
        ),
        (
            &[
                ("matter", "labour"),
                ("special", "none"),
                ("group", "migrant_worker"),
            ],
            "您很可能符合申请法律援助的条件",
        ),
        (
            &[
                ("matter", "pension"),
                ("special", "none"),
                ("group", "none"),
                ("hardship", "yes"),
            ],
            "如果经济困难，您很可能符合申请条件",
        ),
        (
            &[
                ("matter", "labour"),
                ("special", "none"),
                ("group", "none"),
                ("hardship", "no"),
            ],
            "您可能不符合法律援助的条件",
        ),
        (&[("matter", "criminal")], "您很可能符合申请法律援助的条件"),
        (&[("matter", "other")], "您的事项不在法律列举的范围内"),
    ];
    for (answers, heading) in walks {
        b.visit(&app.url("/legal-aid/check")).await;
        for (name, value) in answers {
            b.click(&format!("input[name={name}][value={value}]")).await;
            b.press("form button[type=submit]").await;
        }
        assert!(
            b.text("#check-result").await.contains(heading),
            "{answers:?}"
        );
        assert!(b.text("#not-a-decision").await.contains("不是决定"));
    }
    b.click_link("申请法律援助").await;
    assert_eq!(b.text("h1").await, "申请法律援助");
});

browser_test!(
    a_legal_aid_application_from_the_form_to_its_progress,
    |app, b| {
        b.visit(&app.url("/legal-aid/apply")).await;
        b.press(NEXT).await;
        let summary = b.text(".error-summary").await;
        assert!(summary.contains("请选择是本人申请还是代为申请"));
        assert!(
            !summary.contains("请确认诚信承诺"),
            "one page, one question"
        );
        b.settle_and_audit().await;
        portal_tests::journeys::fill_legal_aid_form(b).await;
        b.settle_and_audit().await;
        let dir = tempfile::tempdir().unwrap();
        let photo = dir.path().join("欠条.jpg");
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0];
        jpeg.resize(2048, 0);
        std::fs::write(&photo, jpeg).unwrap();
        b.attach("files", &[&photo]).await;
        b.press("form button[value=upload]").await;
        assert!(b.text("ul.files").await.contains("欠条.jpg"));
        b.press(NEXT).await;
        // How to be told: a page of its own, the 第17条 note with it.
        b.on_page("notify").await;
        assert!(b.text("#notify-privacy").await.contains("第十七条"));
        b.click("#sms").await;
        b.press(NEXT).await;
        b.on_page("check").await;
        b.settle_and_audit().await;
        assert!(b.text("#check-answers").await.contains("欠条.jpg"));
        // A change leads back to the check page; Enter in a text field continues.
        b.press("button[value='goto:matter']").await;
        b.on_page("matter").await;
        b.fill("other_party", "某建筑公司\u{E007}").await;
        b.on_page("check").await;
        let answers = b.text("#check-answers").await;
        assert!(
            answers.contains("李四")
                && answers.contains("欠条.jpg")
                && answers.contains("某建筑公司"),
            "{answers}"
        );
        b.press(NEXT).await;
        let number = b.text("#aid-number").await;
        let code = b.text("#aid-code").await;
        assert!(number.starts_with("FY"));
        assert!(!b.text("#decision-due").await.is_empty());

        b.visit(&app.url("/lookup")).await;
        b.fill("number", &number).await;
        b.fill("code", &code).await;
        b.press("form button[type=submit]").await;
        assert!(b.text("#aid-status").await.contains("已收到，正在审查"));
        assert!(
            b.text("#aid-due")
                .await
                .contains("作出是否给予法律援助的决定")
        );
    }
);

// The registrar sees a second petition on the same matter flagged on the list and on the case,
// each with a link to the first; a petition on another matter of the same person is not.
browser_test!(
    a_petition_on_the_same_matter_is_flagged_to_the_registrar_with_a_link,
    |app, b| {
        let wage = portal_tests::journeys::wage_appeal();
        let (first, _) = app.submit_petition(&wage).await;
        let mut lift = wage.clone();
        lift["title"] = "小区电梯长期故障无人维修".into();
        lift["request"] = "请督促物业公司尽快维修小区3号楼电梯，恢复正常使用。".into();
        let (other, _) = app.submit_petition(&lift).await;
        let mut again = wage.clone();
        again["request"] = "请督促公司支付拖欠我的三个月工资。".into();
        let (second, _) = app.submit_petition(&again).await;
        staff_sign_in(app, b, "dengji").await;
        b.settle_and_audit().await;
        let flags = b
            .client
            .execute(
                "return Array.from(document.querySelectorAll('.tag.same-matter')) \
                 .map(t => t.closest('tr').querySelector('a').textContent + '>' + \
                 t.querySelector('a').textContent);",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(
            flags,
            serde_json::json!([format!("{second}>{first}")]),
            "{other} is not flagged"
        );
        b.click_link(&second).await;
        b.wait_for("#same-matter").await;
        b.settle_and_audit().await;
        assert!(b.text("#same-matter").await.contains("一并处理"));
        b.click(&format!("#same-matter a[href='/staff/cases/{first}']"))
            .await;
        b.wait_for(&format!("form[action^='/staff/cases/{first}']"))
            .await;
        let flagged = b
            .client
            .execute(
                "return document.querySelectorAll('#same-matter').length;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(flagged, 0, "the first is not flagged");
    }
);

browser_test!(an_admin_writes_previews_and_publishes_a_guide, |app, b| {
    staff_sign_in(app, b, "admin").await;
    b.click_link("普法园地文章").await;
    b.click_link("写一篇新指南").await;
    b.fill("slug", "people-mediation").await;
    b.replace(
        "source",
        "# 人民调解怎么申请\n\n向村（居）民委员会的人民调解委员会申请，不收费。\n\n## 步骤\n\n先打 12348 咨询，再带上材料。\n",
    )
    .await;
    b.press("button[value=preview]").await;
    assert!(b.text("#preview").await.contains("先打 12348 咨询"));
    b.press("button[value=publish]").await;
    assert!(b.text("#history").await.contains("正在公开"));
    b.visit(&app.url("/guides/people-mediation")).await;
    assert_eq!(b.text("h1").await, "人民调解怎么申请");
});

browser_test!(
    the_legal_aid_agency_grants_and_assigns_a_lawyer,
    |app, b| {
        let res = app
            .http
            .post(app.url("/api/v1/legal-aid"))
            .json(&serde_json::json!({
                "applicant": {
                    "name": "李四", "id_number": "11010519491231002X", "mobile": "13812345678",
                    "address": "防城港市港口区渔洲路 2 号", "district": "450602"
                },
                "matter": "labour",
                "description": "在工地干活三个月，老板拖欠工资一万二千元，多次讨要没有结果。",
                "hardship_statement": "家中只有我一人有收入，目前失业，没有存款。",
                "pledge": true
            }))
            .send()
            .await
            .unwrap();
        let receipt: serde_json::Value = res.json().await.unwrap();
        let number = receipt["number"].as_str().unwrap().to_owned();
        staff_sign_in(app, b, "fayuan").await;
        b.click_link("法律援助申请").await;
        b.click_link(&number).await;
        assert!(b.text("#aid-status").await.contains("正在审查"));
        b.press("form:has(input[value='grant']) button").await;
        assert!(b.text("#aid-status").await.contains("决定给予法律援助"));
        b.press("form:has(input[value='assign']) button").await;
        assert!(
            b.text(".error-summary")
                .await
                .contains("请填写法律援助人员")
        );
        b.fill("lawyer", "广西某律师事务所 陈律师").await;
        b.press("form:has(input[value='assign']) button").await;
        assert!(b.text("#aid-status").await.contains("已指派法律援助人员"));
        assert!(b.text("#timeline").await.contains("陈律师"));
    }
);

// The other journeys with the keyboard alone: a status lookup, the legal-aid self-check and the
// whole legal-aid application, each new page putting the focus on its heading.
browser_test!(
    lookup_self_check_and_legal_aid_by_keyboard_alone,
    |app, b| {
        use portal_tests::browser::{ENTER, SPACE};
        use portal_tests::journeys::legal_aid_application;
        let a = legal_aid_application();
        let (number, code) = app
            .submit_petition(&serde_json::json!({
                "category": "suggestion",
                "petitioner": a["applicant"].clone(),
                "title": "建议增加公交班次",
                "request": "建议在早晚高峰增加 3 路公交车的班次。",
                "facts_and_reasons": "早晚高峰 3 路公交车非常拥挤，很多老人和学生挤不上车。"
            }))
            .await;
        b.visit(&app.url("/lookup")).await;
        b.tab_to("#number").await;
        b.type_text(&number).await;
        b.tab_to("#code").await;
        b.type_text(&code).await;
        b.tab_to("form button[type=submit]").await;
        b.key(ENTER).await;
        b.wait_for("#timeline-list").await;
        b.settle_and_audit().await;
        b.focus_lands_on("h1").await;

        b.visit(&app.url("/legal-aid/check")).await;
        b.focus_lands_on("h1").await;
        b.tab_to("input[name=matter]").await;
        b.arrow_to("input[name=matter][value=criminal]").await;
        b.tab_to("form button[type=submit]").await;
        b.key(ENTER).await;
        b.wait_for("#check-result").await;
        b.settle_and_audit().await;
        b.focus_lands_on("#check-result").await;

        // Each page of the application: its fields, then 继续 with Enter.
        b.visit(&app.url("/legal-aid/apply")).await;
        b.focus_lands_on("h1").await;
        b.tab_to("input[name=who][value=self]").await;
        b.key(SPACE).await;
        let next = |page: &'static str| async move {
            b.tab_to(NEXT).await;
            b.key(ENTER).await;
            b.on_page(page).await;
            b.focus_lands_on("h1").await;
        };
        next("applicant").await;
        let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
        for field in ["name", "id_number", "mobile", "address"] {
            b.tab_to(&format!("#{field}")).await;
            b.type_text(&text(&a["applicant"][field])).await;
        }
        b.tab_to("#district").await;
        b.arrow_to("#district:has(option[value='450602']:checked)")
            .await;
        next("matter").await;
        b.tab_to("#matter").await;
        b.arrow_to("#matter:has(option[value='labour']:checked)")
            .await;
        b.tab_to("#description").await;
        b.type_text(&text(&a["description"])).await;
        next("basis").await;
        next("statement").await;
        b.tab_to("#hardship_statement").await;
        b.type_text(&text(&a["hardship_statement"])).await;
        b.tab_to("#pledge").await;
        b.key(SPACE).await;
        next("files").await;
        next("notify").await;
        next("check").await;
        b.settle_and_audit().await;
        b.tab_to(NEXT).await;
        b.key(ENTER).await;
        assert!(b.text("#aid-number").await.starts_with("FY"));
        b.settle_and_audit().await;
        b.focus_lands_on("h1").await;
    }
);

browser_test!(charts_and_figures_are_readable_on_a_phone, |app, b| {
    // Chromium at 390 × 844: every chart label at least 12 px as drawn, bars using the width,
    // and the per-unit table as cards instead of a table that hides its columns.
    app.submit_petition(&portal_tests::journeys::wage_appeal())
        .await;
    let sizes = "return Array.from(document.querySelectorAll('svg.chart text')).map(t => \
                 t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize));";
    for page in ["/guides/channels-and-time-limits", "/stats"] {
        b.visit(&app.url(page)).await;
        let drawn = b.client.execute(sizes, vec![]).await.unwrap();
        let drawn: Vec<f64> = drawn
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_f64())
            .collect();
        assert!(!drawn.is_empty(), "{page} has a chart");
        assert!(drawn.iter().all(|px| *px >= 12.0), "{page}: {drawn:?}");
    }
    let used = b
        .client
        .execute(
            "const svg = document.querySelector('svg.chart'); \
             const bars = Array.from(svg.querySelectorAll('rect.bar')); \
             const right = Math.max(...bars.map(r => r.getBoundingClientRect().right)); \
             const box = svg.getBoundingClientRect(); \
             return (right - box.left) / box.width;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        used.as_f64().unwrap() > 0.9,
        "the bars use the width: {used}"
    );
    let fits = b
        .client
        .execute(
            "const t = document.querySelector('table.stacked'); \
             if (!t) { return null; } \
             const w = t.closest('.table-wrap'); \
             return w.scrollWidth <= w.clientWidth + 1;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        fits.is_null() || fits == serde_json::Value::Bool(true),
        "no sideways scroll"
    );
});
