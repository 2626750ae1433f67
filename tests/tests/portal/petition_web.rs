//! `POST /petition`, the plain-form journey, against the real server: every page checks its own
//! answers, keeps everything typed, and carries the rest; uploads are sniffed, limited and kept
//! outside the web root.

use portal_tests::{TestApp, spawn_app};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

/// Every answer of a complete appeal, as the pages post them.
fn answers() -> Vec<(&'static str, String)> {
    [
        ("category", "appeal"),
        ("route", "petition"),
        ("name", "张三"),
        ("id_number", "11010519491231002X"),
        ("mobile", "13812345678"),
        ("address", "防城港市港口区渔洲路 1 号"),
        ("district", "450602"),
        ("title", "工资拖欠问题"),
        ("request", "请求督促用人单位支付拖欠的三个月工资。"),
        (
            "facts_and_reasons",
            "本人于 2026 年在某公司工作，公司自 8 月起未发放工资，多次催要无果。",
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

fn with(
    mut pairs: Vec<(&'static str, String)>,
    extra: &[(&'static str, &str)],
) -> Vec<(&'static str, String)> {
    for (k, v) in extra {
        pairs.retain(|(key, _)| key != k || *k == "attachment");
        pairs.push((k, (*v).to_owned()));
    }
    pairs
}

async fn post(app: &TestApp, pairs: &[(&'static str, String)]) -> (StatusCode, String) {
    let res = app
        .http
        .post(app.url("/petition"))
        .form(pairs)
        .send()
        .await
        .unwrap();
    app.follow(res).await
}

/// Posts the attachments page with `files` (name, bytes) and the answers so far.
async fn upload(
    app: &TestApp,
    pairs: &[(&'static str, String)],
    files: Vec<(&str, Vec<u8>)>,
) -> (StatusCode, String) {
    upload_from(app, "", pairs, files).await
}

/// [`upload`] from `client` (in `X-Forwarded-For`, for a server that trusts the test as a proxy).
async fn upload_from(
    app: &TestApp,
    client: &str,
    pairs: &[(&'static str, String)],
    files: Vec<(&str, Vec<u8>)>,
) -> (StatusCode, String) {
    let mut form = Form::new();
    for (k, v) in pairs {
        form = form.text(*k, v.clone());
    }
    form = form.text("step", "attachments").text("action", "upload");
    for (name, bytes) in files {
        form = form.part("files", Part::bytes(bytes).file_name(name.to_owned()));
    }
    let mut req = app.http.post(app.url("/petition")).multipart(form);
    if !client.is_empty() {
        req = req.header("x-forwarded-for", client);
    }
    let res = req.send().await.unwrap();
    app.follow(res).await
}

fn tokens(html: &str) -> Vec<String> {
    html.split("name=\"attachment\" value=\"")
        .skip(1)
        .map(|rest| rest[..32].to_owned())
        .collect()
}

pub(crate) fn jpeg() -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0];
    b.resize(4096, 0);
    b
}

#[tokio::test]
async fn the_start_page_and_the_first_question() {
    let app = spawn_app().await;
    let res = app.get("/petition").await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("个人信息保护法") && html.contains("第十七条"),
        "privacy notice"
    );
    let (status, html) = post(
        &app,
        &[("step", "start".into()), ("action", "continue".into())],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("您要反映的事项属于哪一类？"));
    for code in ["suggestion", "report", "appeal"] {
        assert!(html.contains(&format!("value=\"{code}\"")));
    }
}

#[tokio::test]
async fn the_petitioner_page_names_every_bad_field_and_keeps_every_answer() {
    let app = spawn_app().await;
    let pairs = with(
        answers(),
        &[
            ("step", "petitioner"),
            ("action", "continue"),
            ("name", "张3"),
            ("id_number", "11010519491231003X"),
            ("mobile", "23812345678"),
            ("address", "港口"),
            ("district", "110105"),
        ],
    );
    let (status, html) = post(&app, &pairs).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for (field, message) in [
        ("name", "姓名不能包含数字、符号或表情"),
        ("id_number", "校验码不对"),
        ("mobile", "手机号码"),
        ("address", "住址太短"),
        ("district", "所选地区不在本市范围内"),
    ] {
        assert!(
            html.contains(&format!("href=\"#{field}\"")),
            "summary links to {field}"
        );
        assert!(html.contains(message), "{message}");
    }
    // What was typed here is in the inputs; the other pages' answers ride along hidden.
    assert!(html.contains("value=\"11010519491231003X\""));
    assert!(html.contains("value=\"港口\""));
    assert!(html.contains("type=\"hidden\" name=\"title\" value=\"工资拖欠问题\""));
    assert!(html.contains("出现问题"), "the title says so");
}

#[tokio::test]
async fn the_matter_page_checks_lengths_and_units() {
    let app = spawn_app().await;
    let long = "字".repeat(1001);
    let pairs = with(
        answers(),
        &[
            ("step", "matter"),
            ("action", "continue"),
            ("title", ""),
            ("request", &long),
            ("facts_and_reasons", "太短了"),
            ("unit", "no-such-unit"),
            ("place_and_time", "第一行\u{7}"),
        ],
    );
    let (status, html) = post(&app, &pairs).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "请填写标题",
        "最多 1000 个字，现在 1001 个字",
        "事实和理由太短",
        "不在本市承办单位名单中",
        "含有无法识别的字符",
    ] {
        assert!(html.contains(message), "{message}");
    }
}

#[tokio::test]
async fn the_route_check_sends_statutory_matters_away_and_refuses_them_at_the_end() {
    let app = spawn_app().await;
    let (status, html) = post(
        &app,
        &with(
            answers(),
            &[
                ("step", "route"),
                ("action", "continue"),
                ("route", "administrative"),
            ],
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("请申请行政复议或者提起行政诉讼") && html.contains("行政复议法"));
    // A language switch pressed on that explanation comes back to it, in the new language.
    let (status, html) = post(
        &app,
        &with(
            answers(),
            &[
                ("step", "route"),
                ("route", "administrative"),
                ("page", "channel"),
                ("switch", "lang:en"),
            ],
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("name=\"page\" value=\"channel\"") && html.contains("lang=\"en\""));
    // A forged submit with that answer is refused, with everything kept.
    let (status, html) = post(
        &app,
        &with(
            answers(),
            &[
                ("step", "check"),
                ("action", "submit"),
                ("route", "arbitration"),
                ("declaration", "yes"),
            ],
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("应当通过法定途径解决"));
    assert_eq!(app_count(&app).await, 0);
}

async fn app_count(app: &TestApp) -> i64 {
    app::features::petition::store::count(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn uploads_are_judged_by_content_limited_and_kept_outside_the_web_root() {
    let app = spawn_app().await;
    let pdf = b"%PDF-1.4\n%\xe2\xe3\n".to_vec();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let mut big = jpeg();
    big.resize(10 * 1024 * 1024 + 1, 0);
    let (status, html) = upload(
        &app,
        &answers(),
        vec![
            ("a.jpg", jpeg()),
            ("script.jpg", b"<script>alert(1)</script>".to_vec()),
            ("b.png", png.clone()),
            ("big.jpg", big),
            ("empty.pdf", Vec::new()),
            ("c.pdf", pdf.clone()),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("“script.jpg”不是 JPG、PNG 图片或 PDF 文件"));
    assert!(html.contains("“big.jpg”超过 10 MB"));
    assert!(html.contains("“empty.pdf”是空文件"));
    let kept = tokens(&html);
    assert_eq!(kept.len(), 3, "a.jpg, b.png and c.pdf");
    // The answers of the other pages came through the multipart form too.
    assert!(html.contains("type=\"hidden\" name=\"title\" value=\"工资拖欠问题\""));

    // Three more: only two fit, and the page says so.
    let pairs: Vec<_> = answers()
        .into_iter()
        .chain(kept.iter().map(|t| ("attachment", t.clone())))
        .collect();
    let (status, html) = upload(
        &app,
        &pairs,
        vec![("d.jpg", jpeg()), ("e.jpg", jpeg()), ("f.jpg", jpeg())],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let at = html.find("最多只能上传").unwrap();
    assert!(
        html[at..].starts_with("最多只能上传 5 个文件，“f.jpg”没有上传"),
        "names the file dropped: {}",
        &html[at..at + 120]
    );
    let kept = tokens(&html);
    assert_eq!(kept.len(), 5);
    assert!(html.contains("已达到 5 个文件的上限"));

    // In the database, by token (nothing left on disk); never served.
    assert!(on_disk(&app).is_empty(), "{:?}", on_disk(&app));
    for t in &kept {
        assert!(kept_bytes(&app, t).await.is_some());
        for path in [
            format!("/attachments/{t}"),
            format!("/pkg/{t}"),
            format!("/data/attachments/{t}"),
        ] {
            assert_eq!(
                app.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
    }

    // 删除 one, then send: the petition takes the other four.
    let pairs: Vec<_> = answers()
        .into_iter()
        .chain(kept.iter().map(|t| ("attachment", t.clone())))
        .chain([
            ("step", "attachments".to_owned()),
            ("action", format!("remove:{}", kept[0])),
        ])
        .collect();
    let (_, html) = post(&app, &pairs).await;
    let left = tokens(&html);
    assert_eq!(left.len(), 4);
    assert!(kept_bytes(&app, &kept[0]).await.is_none());
    let pairs: Vec<_> = answers()
        .into_iter()
        .chain(left.iter().map(|t| ("attachment", t.clone())))
        .chain([
            ("step", "check".to_owned()),
            ("action", "submit".to_owned()),
            ("declaration", "yes".to_owned()),
        ])
        .collect();
    let (status, html) = post(&app, &pairs).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("4 个文件"), "the confirmation counts them");
    let number = html.split("id=\"receipt-number\">").nth(1).unwrap()[..14].to_owned();
    let files = app::kernel::files::store::of_petition_number(&app.pool, &number)
        .await
        .unwrap();
    assert_eq!(files.len(), 4);
    assert!(files.iter().any(|f| f.media_type == "application/pdf"));
}

#[tokio::test]
async fn a_forged_token_is_ignored() {
    let app = spawn_app().await;
    let pairs = with(
        answers(),
        &[
            ("step", "attachments"),
            ("action", "continue"),
            ("attachment", "../../../../etc/passwd"),
            ("attachment", "0123456789abcdef0123456789abcdef"),
        ],
    );
    let (status, html) = post(&app, &pairs).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("提交前请检查您填写的内容"));
    assert!(tokens(&html).is_empty(), "neither is ours");
}

#[tokio::test]
async fn the_check_page_needs_the_declaration_then_gives_a_receipt_with_dates() {
    let app = spawn_app().await;
    let check = with(
        answers(),
        &[("step", "check"), ("action", "submit"), ("checking", "1")],
    );
    let (status, html) = post(&app, &check).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("请确认您所反映的情况客观真实"));
    assert_eq!(
        app_count(&app).await,
        0,
        "nothing stored before the declaration"
    );
    let (status, html) = post(&app, &with(check.clone(), &[("declaration", "yes")])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("信访事项已提交") && html.contains("查询码只在提交后显示一段时间"));
    assert!(html.contains("第二十二条") && html.contains("第二十三条"));
    assert!(
        html.contains("年") && html.contains("日</strong>"),
        "real dates"
    );
    assert_eq!(app_count(&app).await, 1);
    // The same matter again: recorded, not merged, and the receipt names no other petition.
    let first = html.split("id=\"receipt-number\">").nth(1).unwrap()[..14].to_owned();
    let (_, html) = post(&app, &with(check, &[("declaration", "yes")])).await;
    assert!(!html.contains("id=\"same-matter\"") && !html.contains(&first));
    assert_eq!(app_count(&app).await, 2);
}

#[tokio::test]
async fn answers_with_markup_are_shown_as_text() {
    let app = spawn_app().await;
    let pairs = with(
        answers(),
        &[
            ("step", "check"),
            ("action", "goto:check"),
            ("title", "<script>alert(1)</script>"),
        ],
    );
    let (status, html) = post(&app, &pairs).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // A multi-line answer shown again in its box cannot close the box (Leptos writes textarea
    // children verbatim; the form escapes them).
    let pairs = with(
        answers(),
        &[
            ("step", "matter"),
            ("action", "continue"),
            ("title", "短"),
            ("request", "</textarea><script>alert(2)</script> & 继续"),
        ],
    );
    let (status, html) = post(&app, &pairs).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        !html.contains("<script>alert(2)"),
        "markup escaped the text box"
    );
    assert!(html.contains("&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; 继续"));
}

#[tokio::test]
async fn uploads_never_sent_are_deleted_after_a_day() {
    let app = spawn_app().await;
    let (_, html) = upload(&app, &answers(), vec![("a.jpg", jpeg())]).await;
    let token = tokens(&html).remove(0);
    assert!(kept_bytes(&app, &token).await.is_some());
    let sweep = |now| app::kernel::files::uploads::sweep_unsent(&app.ctx, now);
    assert_eq!(
        sweep(app.ctx.now().utc()).await.unwrap(),
        0,
        "kept within the day"
    );
    // The test does the hourly work of the hour it moves to, so that the server's own run
    // (it asks every minute) is told no and cannot delete the upload first.
    let later = app.ctx.now().utc() + chrono::Duration::hours(25);
    assert!(
        app::kernel::store::claim_periodic(&app.pool, "hourly", later, chrono::Duration::hours(1))
            .await
            .unwrap()
    );
    app.clock.advance(chrono::Duration::hours(25));
    assert_eq!(sweep(app.ctx.now().utc()).await.unwrap(), 1);
    assert!(kept_bytes(&app, &token).await.is_none());
}

/// Sends a complete petition of `category` with `files` through the plain forms; its number.
pub(crate) async fn send_with_files(
    app: &TestApp,
    category: &str,
    files: Vec<(&str, Vec<u8>)>,
) -> String {
    let pairs = with(
        answers(),
        &[("category", category), ("reported", "某公司负责人")],
    );
    let (status, html) = upload(app, &pairs, files).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let mut check = pairs.clone();
    for token in tokens(&html) {
        check.push(("attachment", token));
    }
    let check = with(
        check,
        &[
            ("step", "check"),
            ("action", "submit"),
            ("checking", "1"),
            ("declaration", "yes"),
        ],
    );
    let (status, html) = post(app, &check).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    html.split("id=\"receipt-number\">").nth(1).unwrap()[..14].to_owned()
}

async fn assign(app: &TestApp, cookie: &str, number: &str, unit: &str) {
    let (status, _) = app
        .post_form_with(
            cookie,
            &format!("/staff/cases/{number}"),
            &[("action", "assign"), ("unit", unit)],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn staff_open_a_case_s_files_only_where_they_may_and_each_opening_is_audited() {
    let app = spawn_app().await;
    let number = send_with_files(&app, "appeal", vec![("工资 单.jpg", jpeg())]).await;
    let file = format!("/staff/cases/{number}/files/1");

    // Signed out: sent to sign in, no bytes.
    let res = app.get(&file).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let registrar = app.staff_cookie("dengji").await;
    let (_, page) = app
        .get_with(&registrar, &format!("/staff/cases/{number}"))
        .await;
    assert!(page.contains(&format!("href=\"{file}\"")) && page.contains("工资 单.jpg"));
    let res = app
        .http
        .get(app.url(&file))
        .header("cookie", &registrar)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers().clone();
    assert_eq!(h["content-type"], "image/jpeg");
    assert_eq!(h["cache-control"], "no-store");
    assert!(
        h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("sandbox")
    );
    let disposition = h["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment;")
            && disposition.contains("filename*=UTF-8''%E5%B7%A5%E8%B5%84%20%E5%8D%95%2Ejpg"),
        "{disposition}"
    );
    assert_eq!(res.bytes().await.unwrap().to_vec(), jpeg());
    let opened: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'open_attachment'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(opened, 1);
    for missing in ["2", "0", "x"] {
        let (status, _) = app
            .get_with(
                &registrar,
                &format!("/staff/cases/{number}/files/{missing}"),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "file {missing}");
    }

    // Assigned to 人社局: its staff open the file, another unit's staff get a 404.
    assign(&app, &registrar, &number, "city-hrss").await;
    let hrss = app.staff_cookie("city-hrss").await;
    assert_eq!(app.get_with(&hrss, &file).await.0, StatusCode::OK);
    let housing = app.staff_cookie("city-housing").await;
    assert_eq!(app.get_with(&housing, &file).await.0, StatusCode::NOT_FOUND);

    // A report's files stay with the bureau, like the reporter's identity (第30条).
    let report = send_with_files(&app, "report", vec![("证据.jpg", jpeg())]).await;
    assign(&app, &registrar, &report, "city-hrss").await;
    let (_, page) = app.get_with(&hrss, &format!("/staff/cases/{report}")).await;
    assert!(
        page.contains("第三十条") && !page.contains("证据.jpg"),
        "{page}"
    );
    let report_file = format!("/staff/cases/{report}/files/1");
    assert_eq!(
        app.get_with(&hrss, &report_file).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get_with(&registrar, &report_file).await.0,
        StatusCode::OK
    );
}

/// The bytes the database keeps of the upload `token`.
async fn kept_bytes(app: &TestApp, token: &str) -> Option<Vec<u8>> {
    app::kernel::files::store::bytes_of(&app.pool, token)
        .await
        .expect("the database answers")
}

/// What is in the attachments folder (files still arriving; kept ones are in the database).
fn on_disk(app: &TestApp) -> Vec<String> {
    match std::fs::read_dir(app.data_dir.join("attachments")) {
        Ok(dir) => dir
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[tokio::test]
async fn uploads_are_streamed_to_disk_refused_ones_leave_nothing_and_unsent_ones_have_quotas() {
    let app = portal_tests::spawn_app_with(|s| {
        let mut config = (*s.config).clone();
        config.limits.unsent_upload_mb_per_client = 1;
        config.limits.unsent_upload_mb_total = 2;
        s.config = std::sync::Arc::new(config);
        s.trusted_proxies = app::kernel::client::TrustedProxies::parse("127.0.0.1").unwrap();
    })
    .await;
    // 30 MB of a picture and 5 MB of something else: both read through, neither kept anywhere.
    let mut huge = jpeg();
    huge.resize(30 * 1024 * 1024, 1);
    let (status, html) = upload_from(
        &app,
        "203.0.113.1",
        &answers(),
        vec![
            ("huge.jpg", huge),
            ("tool.exe", vec![b'M'; 5 * 1024 * 1024]),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("“huge.jpg”超过 10 MB") && html.contains("“tool.exe”不是"));
    assert!(on_disk(&app).is_empty(), "{:?}", on_disk(&app));

    let mut photo = jpeg();
    photo.resize(600 * 1024, 1);
    let (status, html) = upload_from(
        &app,
        "203.0.113.1",
        &answers(),
        vec![("a.jpg", photo.clone())],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let first = tokens(&html);
    assert_eq!(first.len(), 1);
    // A second 600 KB from the same client is over its 1 MB of unsent files.
    let pairs: Vec<_> = answers()
        .into_iter()
        .chain(first.iter().map(|t| ("attachment", t.clone())))
        .collect();
    let (status, html) =
        upload_from(&app, "203.0.113.1", &pairs, vec![("b.jpg", photo.clone())]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("“b.jpg”没有上传") && html.contains("1 MB"),
        "the client's quota"
    );
    assert_eq!(tokens(&html), first, "what was kept stays");
    // Others upload; until the room for everyone (2 MB) is full.
    for client in ["203.0.113.2", "203.0.113.3"] {
        let (status, _) =
            upload_from(&app, client, &answers(), vec![("c.jpg", photo.clone())]).await;
        assert_eq!(status, StatusCode::OK, "{client}");
    }
    let (status, html) = upload_from(
        &app,
        "203.0.113.4",
        &answers(),
        vec![("d.jpg", photo.clone())],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("“d.jpg”暂时无法上传"), "the room for all");
    assert!(
        on_disk(&app).is_empty(),
        "nothing half-written: {:?}",
        on_disk(&app)
    );
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(DISTINCT token) FROM attachment_chunks")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kept, 3, "three kept");
    // Sent with a petition, a file no longer counts against its client.
    let (status, _) = post(
        &app,
        &with(
            pairs,
            &[
                ("step", "check"),
                ("action", "submit"),
                ("declaration", "yes"),
            ],
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = upload_from(&app, "203.0.113.1", &answers(), vec![("e.jpg", photo)]).await;
    assert_eq!(status, StatusCode::OK);
}

/// The final post, as the check page sends it, with the form's one-time token.
fn final_post(once: &str) -> Vec<(&'static str, String)> {
    with(
        answers(),
        &[
            ("step", "check"),
            ("action", "submit"),
            ("checking", "1"),
            ("declaration", "yes"),
            ("once", once),
        ],
    )
}

#[tokio::test]
async fn a_petition_form_sent_again_files_once_and_its_receipt_shows_the_code_for_a_while() {
    let app = spawn_app().await;
    // Every page of the journey carries a token for the final post.
    let (_, html) = post(
        &app,
        &with(answers(), &[("step", "matter"), ("action", "continue")]),
    )
    .await;
    let once = html.split("name=\"once\" value=\"").nth(1).unwrap()[..32].to_owned();
    assert!(once.bytes().all(|b| b.is_ascii_hexdigit()));

    // The check page hands the browser the receipt's cookie (a session cookie) …
    let res = app
        .http
        .post(app.url("/petition"))
        .form(&with(
            answers(),
            &[("action", "goto:check"), ("once", &once)],
        ))
        .send()
        .await
        .unwrap();
    let set = portal_tests::receipt_cookie(&res);
    assert_eq!(set, format!("portal_receipt={once}"));
    // … and a browser that sends it back is answered with a redirect (Post/Redirect/Get).
    let send = || {
        app.http
            .post(app.url("/petition"))
            .header("cookie", &set)
            .form(&final_post(&once))
            .send()
    };
    let res = send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/petition/receipt");
    let cookie = portal_tests::receipt_cookie(&res);
    assert!(cookie.len() > "portal_receipt=".len());
    let (status, receipt) = app.get_with(&cookie, "/petition/receipt").await;
    assert_eq!(status, StatusCode::OK);
    let number = receipt.split("id=\"receipt-number\">").nth(1).unwrap()[..14].to_owned();
    assert!(
        receipt.contains("id=\"receipt-code\""),
        "the code, after the redirect"
    );
    // A reload of the receipt is a GET: it shows the same receipt and files nothing.
    let (_, again) = app.get_with(&cookie, "/petition/receipt").await;
    assert!(again.contains(&number) && again.contains("id=\"receipt-code\""));
    assert_eq!(app_count(&app).await, 1);

    // The same form sent again (a reload of the POST, Back and Forward) a while later: the
    // first receipt, without the code. (Within a minute it is the same send, a double click.)
    app.clock.advance(chrono::Duration::minutes(2));
    let res = send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/petition/receipt?again=1");
    let (status, html) = app.follow(res).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&number) && html.contains("已经提交过了"));
    assert!(
        !html.contains("id=\"receipt-code\""),
        "never the code a second time"
    );
    assert_eq!(app_count(&app).await, 1, "no second petition");
    // Whatever the address says: the receipt no longer shows it at all.
    let (_, plain) = app.get_with(&cookie, "/petition/receipt").await;
    assert!(plain.contains(&number) && !plain.contains("id=\"receipt-code\""));

    // A double click: two sends at once still file one.
    let other = "0123456789abcdef0123456789abcdef";
    let other_cookie = format!("portal_receipt={other}");
    let both = |_| {
        app.http
            .post(app.url("/petition"))
            .header("cookie", &other_cookie)
            .form(&final_post(other))
            .send()
    };
    let (a, b) = tokio::join!(both(0), both(1));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(
        (a.status(), b.status()),
        (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER)
    );
    // Whichever answer the browser shows, it is the receipt with its code.
    for res in [&a, &b] {
        assert_eq!(res.headers()["location"], "/petition/receipt");
    }
    assert_eq!(app_count(&app).await, 2, "one for the double click");

    // Half an hour on the receipt still opens, without the code; the sealed copy is cleared.
    app.clock.advance(chrono::Duration::minutes(31));
    let (status, later) = app.get_with(&cookie, "/petition/receipt").await;
    assert_eq!(status, StatusCode::OK);
    assert!(later.contains(&number) && !later.contains("id=\"receipt-code\""));
    assert!(later.contains("现在不再显示"));
    let cleared = app::kernel::filing::forget_codes(&app.pool, app.ctx.now().utc())
        .await
        .unwrap();
    assert_eq!(
        cleared, 1,
        "the double click's (the first one's went when it was sent again)"
    );
    // Without the cookie (another browser) there is no receipt to see.
    let res = app.get("/petition/receipt").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = res.text().await.unwrap();
    assert!(html.contains("没有可以显示的回执") && !html.contains(&number));

    // A browser that keeps no cookies gets the receipt, code and all, as the answer to its
    // final post (it could not open the page a redirect would send it to).
    let res = app
        .http
        .post(app.url("/petition"))
        .form(&final_post("abcdefabcdefabcdefabcdefabcdefab"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"receipt-code\"") && html.contains("信访事项已提交"));
}

#[tokio::test]
async fn a_limit_ending_on_new_year_2027_moves_to_monday_and_says_it_is_provisional() {
    let app = spawn_app().await;
    // The example configuration lists holidays to 2026 only. Received Thu 2026-12-17: 第22条's
    // 15 days end on Fri 2027-01-01 (元旦), so the limit moves to Mon 2027-01-04.
    app.set_clock("2026-12-17T10:00:00+08:00");
    let (status, html) = post(&app, &final_post("00112233445566778899aabbccddeeff")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("2027年1月4日（暂定"), "{html}");
    assert!(!html.contains("2027年1月1日"));
    // A date inside a year the configuration covers is not marked.
    app.set_clock("2026-11-02T10:00:00+08:00");
    let (_, html) = post(&app, &final_post("ffeeddccbbaa99887766554433221100")).await;
    assert!(
        html.contains("2026年11月17日</strong>") && !html.contains("暂定"),
        "{html}"
    );
}

#[tokio::test]
async fn files_an_earlier_version_kept_on_disk_move_into_the_database() {
    let app = spawn_app().await;
    // A record as an earlier version wrote it, with its bytes in the attachments folder.
    let token = "0123456789abcdef0123456789abcdef";
    let mut bytes = jpeg();
    bytes.resize(300 * 1024, 5);
    sqlx::query(
        "INSERT INTO attachments (token, original_name, media_type, size_bytes, uploaded_at, \
         unsent_from) VALUES ($1, '旧.jpg', 'image/jpeg', $2, $3, '198.51.100.1')",
    )
    .bind(token)
    .bind(bytes.len() as i64)
    .bind(app.ctx.now().stamp())
    .execute(&app.pool)
    .await
    .unwrap();
    let dir = app.data_dir.join("attachments");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(token), &bytes).unwrap();
    let moved = app::kernel::files::uploads::adopt_files(&app.pool, &dir)
        .await
        .unwrap();
    assert_eq!(moved, 1);
    assert_eq!(kept_bytes(&app, token).await, Some(bytes));
    assert!(!dir.join(token).exists(), "moved, not copied");
    let again = app::kernel::files::uploads::adopt_files(&app.pool, &dir)
        .await
        .unwrap();
    assert_eq!(again, 0, "moved once");
}
