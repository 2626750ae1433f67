//! 普法园地 and the statute library against the real server: the seeded guides with their
//! generated charts, the real law texts imported with an anchor per article, search for short
//! and long words in either script, the API, and hostile Markdown made harmless.

use portal_tests::{TestApp, law_files, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;

async fn with_laws() -> TestApp {
    let app = spawn_app().await;
    let imported = app.import_laws().await;
    assert!(
        imported
            .iter()
            .any(|(slug, _, n)| slug == "信访工作条例-2022" && *n == 50),
        "{imported:?}"
    );
    app
}

async fn json(app: &TestApp, path: &str) -> (StatusCode, Value) {
    let res = app.get(path).await;
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn q(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

#[tokio::test]
async fn the_guides_are_seeded_with_charts_from_the_clock_and_route_rules() {
    let app = spawn_app().await;
    let html = app.get("/guides").await.text().await.unwrap();
    assert_eq!(
        html.matches("href=\"/guides/").count(),
        11,
        "10 guides and the FAQ"
    );
    // 返回顶部 is a link at the foot of the page, never floating over the content.
    assert!(!html.contains("class=\"to-top\"") && html.contains("href=\"#top\""));
    // The laws the guides cite come with the demo content: their links open.
    assert!(html.contains("id=\"statutes\"") && !html.contains("import-statutes"));
    assert!(
        html.contains(&format!("href=\"/laws/{}", "信访工作条例-2022"))
            || html.contains("信访工作条例")
    );
    let res = app.get("/guides/channels-and-time-limits").await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    // The chart's table comes from the clock: every limit, its length and article.
    assert!(html.contains("id=\"time-limits\"") && html.contains("<svg"));
    for fact in [
        "作出复核意见",
        "5 个工作日",
        "《信访工作条例》第三十四条",
        "7 日",
    ] {
        assert!(html.contains(fact), "{fact}");
    }
    assert!(!html.contains("{{时限图}}"));
    let html = app.get("/guides/six-routes").await.text().await.unwrap();
    assert!(html.contains("id=\"routes\"") && html.contains("请先申请仲裁"));
    let html = app.get("/guides/faq").await.text().await.unwrap();
    assert!(html.contains("常见问题") && html.contains("查询码"));
    assert_eq!(
        app.get("/guides/nothing-here").await.status(),
        StatusCode::NOT_FOUND
    );
    // The guides' article links open on a fresh portal.
    let res = app.get(&format!("/laws/{}", q("信访工作条例-2022"))).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("id=\"第三十四条\""));
    // A law the library does not hold: 404, pointing to the official database, never to an
    // operator's command.
    let res = app.get(&format!("/laws/{}", q("某某条例-2099"))).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = res.text().await.unwrap();
    assert!(html.contains("flk.npc.gov.cn") && !html.contains("import-statutes"));
    assert!(!html.contains("server "), "no operator text");
}

/// The text of article `number` as the file has it: its first line without the number, then
/// each later paragraph, up to the next article or heading.
fn article_in_file(file: &str, number: &str) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let mut out: Vec<String> = Vec::new();
    let mut inside = false;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(rest) = line.strip_prefix(number) {
            inside = true;
            out.push(rest.trim().to_owned());
        } else if inside
            && (line.starts_with('#') || (line.starts_with('第') && line.contains("条 ")))
        {
            break;
        } else if inside {
            out.push(line.to_owned());
        }
    }
    out.join("\n")
}

#[tokio::test]
async fn the_real_law_texts_import_whole_with_an_anchor_per_article() {
    let app = with_laws().await;
    let file = law_files()
        .into_iter()
        .find(|f| f.ends_with("信访工作条例-2022.md"))
        .unwrap();
    let expected = article_in_file(file.to_str().unwrap(), "第三十四条");
    assert!(
        expected.contains("60日") && expected.contains("30日"),
        "{expected}"
    );

    let (status, body) = json(
        &app,
        &format!("/api/v1/articles/{}", q("信访工作条例-2022")),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["kind"], "statute");
    assert_eq!(body["title"], "信访工作条例");
    let articles = body["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 50);
    let a34 = articles
        .iter()
        .find(|a| a["number"] == "第三十四条")
        .unwrap();
    assert_eq!(a34["text"], expected.as_str());

    let res = app.get(&format!("/laws/{}", q("信访工作条例-2022"))).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"第三十四条\"") && html.contains("id=\"第五十条\""));
    for paragraph in expected.lines() {
        assert!(html.contains(paragraph), "{paragraph}");
    }
    let html = app.get("/guides").await.text().await.unwrap();
    assert!(html.contains("id=\"statutes\"") && html.contains("中华人民共和国法律援助法"));

    // Importing again keeps the older texts as versions (the demo seed's is version 1, the
    // import above version 2).
    server::cli::import_statutes(&app.pool, &[file])
        .await
        .unwrap();
    let (_, body) = json(
        &app,
        &format!("/api/v1/articles/{}", q("信访工作条例-2022")),
    )
    .await;
    assert_eq!(body["version"], 3);
    // Something that is not a law text is refused with the file named.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("notes.md");
    std::fs::write(&bad, "# 笔记\n\n没有条文。\n").unwrap();
    let err = server::cli::import_statutes(&app.pool, &[bad])
        .await
        .unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains("notes.md") && message.contains("没有找到任何条文"),
        "{message}"
    );
}

async fn results(app: &TestApp, query: &str) -> Vec<Value> {
    let (status, body) = json(app, &format!("/api/v1/articles?q={}", q(query))).await;
    assert_eq!(status, StatusCode::OK, "{query}");
    body["results"].as_array().unwrap().clone()
}

fn marked(hit: &Value) -> Vec<String> {
    hit["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["mark"] == true)
        .map(|p| p["text"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn search_finds_two_three_and_four_character_words_and_says_when_nothing_matches() {
    let app = with_laws().await;
    // Two characters: guides and the law's own articles, each word marked.
    let hits = results(&app, "复查").await;
    assert!(hits.len() >= 5, "{hits:?}");
    assert!(hits.iter().all(|h| marked(h).iter().any(|m| m == "复查")));
    assert!(
        hits.iter()
            .any(|h| h["href"] == "/laws/信访工作条例-2022#第三十五条")
    );
    assert_eq!(
        hits[0]["kind"], "guide",
        "a guide that explains it ranks first"
    );
    let hits = results(&app, "调解").await;
    assert!(
        hits.iter()
            .any(|h| h["href"] == "/laws/信访工作条例-2022#第三十三条")
    );
    assert!(hits.iter().any(|h| h["href"] == "/guides/mediation"));
    // Three and four characters; a phrase only where it occurs whole.
    let hits = results(&app, "查询码").await;
    assert!(hits.iter().any(|h| h["href"] == "/guides/faq"));
    assert!(
        hits.iter().all(|h| h["kind"] != "statute"),
        "no law says 查询码"
    );
    let hits = results(&app, "法律援助").await;
    assert!(
        hits.iter()
            .any(|h| h["href"] == "/laws/法律援助法-2021#第四十三条")
    );
    // A law is found by its name, first.
    let hits = results(&app, "信访工作条例").await;
    assert_eq!(hits[0]["href"], "/laws/信访工作条例-2022", "{hits:?}");
    // Latin letters match whatever their case.
    assert_eq!(
        results(&app, "app").await.len(),
        results(&app, "APP").await.len()
    );
    // Traditional script finds the same as Simplified.
    assert_eq!(
        results(&app, "復查").await.len(),
        results(&app, "复查").await.len()
    );
    // Two words: both must occur.
    let both = results(&app, "复查 听证").await;
    assert!(!both.is_empty() && both.len() < results(&app, "复查").await.len());
    // Nothing found: an empty list, and the page says so in words.
    assert!(results(&app, "量子计算机").await.is_empty());
    let html = app
        .get(&format!("/search?q={}", q("量子计算机")))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("没有找到与“量子计算机”有关的内容"));
    let html = app
        .get(&format!("/search?q={}", q("复查")))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<mark>复查</mark>") && html.contains("id=\"results\""));
    // Too long a query is refused, not searched.
    let (status, body) = json(&app, &format!("/api/v1/articles?q={}", q(&"长".repeat(51)))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "q");
    // LIKE's own characters are searched for literally.
    assert!(results(&app, "%").await.is_empty() && results(&app, "_").await.is_empty());
    // Without a query: every document.
    let (_, all) = json(&app, "/api/v1/articles").await;
    assert_eq!(
        all["articles"].as_array().unwrap().len(),
        11 + law_files().len()
    );
}

#[tokio::test]
async fn hostile_markdown_in_an_article_never_reaches_a_browser() {
    let app = spawn_app().await;
    let hostile = "# 恶意文章\n\n一段摘要。\n\n<script>alert('x')</script>\n\n\
                   <img src=x onerror=\"alert('y')\">\n\n[点我](javascript:alert('z'))\n\n\
                   <a href=\"/guides\" onclick=\"steal()\">链接</a>\n\n<iframe src=\"https://evil.example\"></iframe>\n";
    let at = app.ctx.now().stamp();
    app::features::library::service::save_markdown(
        &app.pool,
        "hostile",
        app::domain::library::DocKind::Guide,
        50,
        hostile,
        "test",
        &at,
        true,
        false,
    )
    .await
    .unwrap();
    let html = app.get("/guides/hostile").await.text().await.unwrap();
    assert!(html.contains("恶意文章"));
    for bad in [
        "alert(",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "evil.example",
    ] {
        assert!(!html.contains(bad), "{bad} reached the page");
    }
    let (_, body) = json(&app, "/api/v1/articles/hostile").await;
    let rendered = body["html"].as_str().unwrap();
    assert!(!rendered.contains("<script") && !rendered.contains("onerror"));
}

#[tokio::test]
async fn an_admin_previews_saves_publishes_and_rolls_back_a_guide_with_every_version_kept() {
    let app = spawn_app().await;
    // Only 管理员 edit: other staff get nothing.
    let registrar = app.staff_cookie("dengji").await;
    let (status, _) = app
        .post_form_with(
            &registrar,
            "/staff/articles",
            &[("slug", "x"), ("source", "# x"), ("action", "publish")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // 内容编辑 publish too, and see no cases.
    let editor = app.staff_cookie("bianji").await;
    let (status, html) = app.get_with(&editor, "/staff/articles").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("写一篇新指南"));
    app.submit_petition(&serde_json::json!({
        "category": "suggestion",
        "petitioner": {"name": "张三", "id_number": "11010519491231002X", "mobile": "13812345678",
                       "address": "防城港市港口区渔洲路 1 号", "district": "450602"},
        "title": "建议增设公交站", "request": "建议在渔洲路增设一个公交站点。",
        "facts_and_reasons": "附近居民多，最近的公交站要走二十分钟，老人出行很不方便。"
    }))
    .await;
    let (_, html) = app.get_with(&editor, "/staff").await;
    assert!(html.contains("目前没有需要您处理的信访事项"));

    let admin = app.staff_cookie("admin").await;
    let (status, html) = app.get_with(&admin, "/staff/articles").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        html.matches("href=\"/staff/articles/").count(),
        12,
        "11 documents and the new link"
    );
    let (_, html) = app.get_with(&admin, "/staff/articles/new").await;
    assert!(
        html.contains("一句话摘要"),
        "a new guide starts from the template"
    );

    // Problems are named and the text is kept.
    let (status, html) = app
        .post_form_with(
            &admin,
            "/staff/articles",
            &[
                ("slug", "Bad Name"),
                ("source", "没有标题的正文"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("网址名只能用小写英文字母") && html.contains("第一行应当是标题"));
    assert!(html.contains("没有标题的正文"));
    let (_, html) = app
        .post_form_with(
            &admin,
            "/staff/articles",
            &[
                ("slug", "mediation"),
                ("source", "# 标题\n\n摘要。\n\n正文。"),
                ("action", "save"),
            ],
        )
        .await;
    assert!(html.contains("已经有文章在用"));

    // Preview: rendered and sanitised, nothing saved.
    let source = "# 人民调解怎么申请\n\n向村（居）民委员会的人民调解委员会申请。\n\n## 步骤\n\n<script>alert(1)</script>\n\n先打电话，再带上材料。\n\n{{时限图}}\n";
    let (status, html) = app
        .post_form_with(
            &admin,
            "/staff/articles",
            &[
                ("slug", "people-mediation"),
                ("source", source),
                ("action", "preview"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("id=\"preview\"")
            && html.contains("先打电话")
            && html.contains("id=\"time-limits\"")
    );
    assert!(
        !html.contains("<script>alert(1)"),
        "neither in the preview nor in the text box"
    );
    assert_eq!(
        app.get("/guides/people-mediation").await.status(),
        StatusCode::NOT_FOUND
    );

    // A draft is saved but not shown; publishing shows it.
    let (status, _) = app
        .post_form_with(
            &admin,
            "/staff/articles",
            &[
                ("slug", "people-mediation"),
                ("source", source),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.get("/guides/people-mediation").await.status(),
        StatusCode::NOT_FOUND
    );
    let edited = source.replace("先打电话", "先打 12348 电话咨询");
    let (status, _) = app
        .post_form_with(
            &admin,
            "/staff/articles/people-mediation",
            &[("source", edited.as_str()), ("action", "publish")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let page = app
        .get("/guides/people-mediation")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("先打 12348 电话咨询") && page.contains("第 2 版"));
    let (_, html) = app
        .get_with(&admin, "/staff/articles/people-mediation")
        .await;
    let history = html.split("id=\"history\"").nth(1).unwrap();
    assert!(
        history.contains("第 2 版") && history.contains("第 1 版") && history.contains("admin")
    );
    assert!(history.contains("正在公开"));
    // Searchable once published.
    let (_, body) = json(&app, &format!("/api/v1/articles?q={}", q("人民调解委员会"))).await;
    assert!(
        body["results"]
            .to_string()
            .contains("/guides/people-mediation")
    );

    // An existing guide changed, then the earlier version published again.
    let (_, before) = json(&app, "/api/v1/articles/how-to-petition").await;
    let changed = before["markdown"]
        .as_str()
        .unwrap()
        .replace("# ", "# （修订）");
    let (status, _) = app
        .post_form_with(
            &admin,
            "/staff/articles/how-to-petition",
            &[("source", changed.as_str()), ("action", "publish")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, after) = json(&app, "/api/v1/articles/how-to-petition").await;
    assert_eq!(after["version"], 2);
    assert!(after["title"].as_str().unwrap().starts_with("（修订）"));
    let (status, _) = app
        .post_form_with(
            &admin,
            "/staff/articles/how-to-petition",
            &[("version", "1"), ("action", "publish_version")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // Published again as version 3 (a copy of 1), so the history says who and when.
    let (_, back) = json(&app, "/api/v1/articles/how-to-petition").await;
    assert_eq!(back["version"], 3);
    assert_eq!(back["title"], before["title"]);
    let (_, html) = app
        .get_with(&admin, "/staff/articles/how-to-petition")
        .await;
    assert!(
        html.split("id=\"history\"")
            .nth(1)
            .unwrap()
            .contains("第 3 版")
    );
    // Laws change only by import: an editor cannot republish one.
    let (status, _) = app
        .post_form_with(
            &admin,
            "/staff/articles",
            &[
                ("slug", "how-to-petition"),
                ("version", "1"),
                ("action", "publish_version"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A title cannot break out of <title>.
    let hostile = "# 指南</title><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\n\n摘要。\n\n正文。\n";
    let (status, _) = app
        .post_form_with(
            &admin,
            "/staff/articles",
            &[
                ("slug", "title-test"),
                ("source", hostile),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let page = app.get("/guides/title-test").await.text().await.unwrap();
    assert!(
        !page.contains("<meta http-equiv"),
        "markup escaped the title"
    );
    assert!(page.contains("&lt;/title&gt;"));
}
