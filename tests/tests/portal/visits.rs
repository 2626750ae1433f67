//! 网上预约走访 (issue 17) against the real server and in the browser: staff publish a 领导接访日
//! (a holiday refused); a citizen books a slot on the web form and through the API, cannot book
//! the same slot twice, finds a full slot full, cancels with the number and code; bookings close
//! before the session; on the day the reception room marks a no-show and an arrival, and turns the
//! arrival into a registered 来访 matter with the booking's details; the statistics count it.

use portal_tests::browser::{Browser, Js};
use portal_tests::{TestApp, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A working day at least `ahead` days after today.
fn working_day(app: &TestApp, ahead: i64) -> chrono::NaiveDate {
    let today = app::kernel::clock::Now::of(&app.clock).today();
    app.ctx
        .config
        .calendar
        .next_working_day(today + chrono::Duration::days(ahead))
}

/// Publishes a 领导接访日 on `day` with two slots (2 places, then 1); its id.
pub async fn publish(app: &TestApp, staff: &str, day: chrono::NaiveDate) -> i64 {
    let res = app
        .http
        .post(app.url("/staff/reception"))
        .header("cookie", staff)
        .form(&[
            ("day", day.format("%Y-%m-%d").to_string().as_str()),
            ("kind", "leader"),
            ("leader", "王建国"),
            ("office", "市信访局局长"),
            ("place", "市民服务中心二楼信访接待室"),
            ("slots", "09:00-10:00 2\n10:00-11:00 1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let sessions = sessions(app).await;
    sessions.last().expect("a session")["id"].as_i64().unwrap()
}

async fn sessions(app: &TestApp) -> Vec<Value> {
    let body: Value = app
        .get("/api/v1/reception-sessions")
        .await
        .json()
        .await
        .unwrap();
    body["sessions"].as_array().unwrap().clone()
}

pub async fn slot(app: &TestApp, session: i64, n: usize) -> Value {
    let all = sessions(app).await;
    let s = all
        .iter()
        .find(|s| s["id"] == session)
        .expect("the session");
    s["slots"][n].clone()
}

async fn book_api(app: &TestApp, session: i64, slot: i64, mobile: &str) -> reqwest::Response {
    app.http
        .post(app.url("/api/v1/bookings"))
        .json(&json!({
            "session": session, "slot": slot, "name": "钱七", "mobile": mobile,
            "summary": "反映小区违建长期未拆除的问题"
        }))
        .send()
        .await
        .unwrap()
}

fn first_error_code(body: &Value) -> String {
    body["errors"][0]["code"].as_str().unwrap_or("").to_owned()
}

fn text_of(html: &str, id: &str) -> String {
    let at = html.find(&format!("id=\"{id}\">")).expect(id) + id.len() + 6;
    html[at..at + html[at..].find('<').unwrap()].to_owned()
}

fn hidden(html: &str, name: &str) -> String {
    let at = html.find(&format!("name=\"{name}\" value=\"")).expect(name) + name.len() + 15;
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_books_a_leaders_reception_and_is_received() {
    let app = spawn_app().await;
    let registrar = app.staff_cookie("dengji").await;

    // A holiday and a day past are refused, each named.
    let (status, html) = app
        .post_form_with(
            &registrar,
            "/staff/reception",
            &[
                ("day", "2027-01-01"),
                ("kind", "leader"),
                ("leader", ""),
                ("office", "局长"),
                ("place", "接待室"),
                ("slots", "09:00-10:00 2"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("法定节假日") && html.contains("href=\"#leader\""),
        "{html}"
    );
    assert!(html.contains("value=\"局长\""), "what was typed is kept");
    let yesterday = app::kernel::clock::Now::of(&app.clock).today() - chrono::Duration::days(1);
    let (status, html) = app
        .post_form_with(
            &registrar,
            "/staff/reception",
            &[
                ("day", yesterday.format("%Y-%m-%d").to_string().as_str()),
                ("kind", "ordinary"),
                ("place", "接待室"),
                ("slots", "09:00-10:00 2"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("不能早于今天"), "{html}");
    let unit = app.staff_cookie("city-hrss").await;
    let (status, _) = app.get_with(&unit, "/staff/reception").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "only the reception room's staff"
    );

    let day = working_day(&app, 5);
    let session = publish(&app, &registrar, day).await;
    let first = slot(&app, session, 0).await;
    let second = slot(&app, session, 1).await;
    assert_eq!(
        (first["state"].as_str(), first["left"].as_i64()),
        (Some("open"), Some(2))
    );

    // Published: on 预约走访 and the home page (第18条).
    let visits = app.get("/visits").await.text().await.unwrap();
    assert!(
        visits.contains("王建国") && visits.contains("还有 2 个名额"),
        "{visits}"
    );
    let home = app.get("/").await.text().await.unwrap();
    assert!(
        home.contains("领导接访日：王建国（市信访局局长）"),
        "{home}"
    );

    // The web form: each problem named with what was typed kept, then booked.
    let form_path = format!("/visits/book?session={session}&slot={}", first["id"]);
    let res = app.get(&form_path).await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = portal_tests::receipt_cookie(&res);
    let html = res.text().await.unwrap();
    let once = hidden(&html, "once");
    let post = |fields: Vec<(&'static str, String)>| {
        let app = &app;
        let cookie = cookie.clone();
        async move {
            app.http
                .post(app.url("/visits/book"))
                .header("cookie", cookie)
                .form(&fields)
                .send()
                .await
                .unwrap()
        }
    };
    let fields = |mobile: &str, summary: &str| {
        vec![
            ("session", session.to_string()),
            ("slot", first["id"].to_string()),
            ("once", once.clone()),
            ("name", "孙八".to_owned()),
            ("mobile", mobile.to_owned()),
            ("summary", summary.to_owned()),
        ]
    };
    let res = post(fields("1391234", "电梯")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("href=\"#mobile\"") && html.contains("href=\"#summary\""),
        "{html}"
    );
    assert!(html.contains("value=\"孙八\""), "kept");
    let res = post(fields("13912345678", "小区电梯停用三个月无人维修")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/visits/booked");
    let (status, receipt) = app.get_with(&cookie, "/visits/booked").await;
    assert_eq!(status, StatusCode::OK);
    let number = text_of(&receipt, "booking-number");
    assert!(
        !text_of(&receipt, "booking-code").is_empty(),
        "the code shown once"
    );
    assert!(number.starts_with("YY"), "{number}");
    assert!(receipt.contains("139****5678"), "the mobile masked");
    // The booking said by SMS to the mobile booked: number, day, time and place, never the code.
    let sms: Vec<(String, String)> =
        sqlx::query_as("SELECT recipient, message FROM outbox WHERE key = $1 AND channel = 'sms'")
            .bind(format!("booking:{number}:booked"))
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(sms.len(), 1);
    assert_eq!(sms[0].0, "13912345678");
    assert!(
        sms[0].1.contains("notice-booked") && sms[0].1.contains(&number),
        "{sms:?}"
    );
    assert!(!sms[0].1.contains(&text_of(&receipt, "booking-code")));
    // A reload of the post books nothing more.
    let res = post(fields("13912345678", "小区电梯停用三个月无人维修")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // The same mobile cannot hold two places in the slot; another mobile takes the last place.
    let res = book_api(&app, session, first["id"].as_i64().unwrap(), "13912345678").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(
        first_error_code(&res.json().await.unwrap()),
        "already_booked"
    );
    let res = book_api(&app, session, first["id"].as_i64().unwrap(), "13800138001").await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let other: Value = res.json().await.unwrap();
    // Full: the API says so, and so does the page.
    let res = book_api(&app, session, first["id"].as_i64().unwrap(), "13800138002").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(first_error_code(&res.json().await.unwrap()), "full");
    let visits = app.get("/visits").await.text().await.unwrap();
    assert!(visits.contains("09:00–10:00，已约满"), "{visits}");
    let res = app.get(&form_path).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // No such slot, and fields with problems, through the API.
    let res = book_api(&app, session, 999_999, "13800138003").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Cancelled with the number and code (a wrong code is a 404): the place comes back.
    let cancel = |number: String, code: String| {
        let app = &app;
        async move {
            app.http
                .delete(app.url(&format!("/api/v1/bookings/{number}")))
                .header("X-Query-Code", code)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    let other_number = other["number"].as_str().unwrap().to_owned();
    let other_code = other["code"].as_str().unwrap().to_owned();
    assert_eq!(
        cancel(other_number.clone(), "ABCD-EFGH-JKMN".into()).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        cancel(other_number.clone(), other_code.clone()).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        cancel(other_number.clone(), other_code).await,
        StatusCode::CONFLICT
    );
    let cancelled: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE key = $1")
        .bind(format!("booking:{other_number}:cancelled"))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(cancelled, 1, "the cancellation said once");
    assert_eq!(slot(&app, session, 0).await["left"], 1);
    // On the web form too.
    let second_booking: Value =
        book_api(&app, session, second["id"].as_i64().unwrap(), "13800138004")
            .await
            .json()
            .await
            .unwrap();
    let (status, html) = app
        .post_form_with(
            "",
            "/visits/cancel",
            &[
                ("number", second_booking["number"].as_str().unwrap()),
                ("code", second_booking["code"].as_str().unwrap()),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("id=\"booking-cancelled\""), "{html}");
    let (status, html) = app
        .post_form_with("", "/visits/cancel", &[("number", ""), ("code", "")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("href=\"#number\"") && html.contains("href=\"#code\""));

    // Bookings close 24 hours before the session starts.
    let closes = first_closes(&app, session).await;
    app.set_clock(&closes);
    let res = book_api(&app, session, second["id"].as_i64().unwrap(), "13800138005").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(
        first_error_code(&res.json().await.unwrap()),
        "booking_closed"
    );

    // The day comes: the list, a no-show, an arrival registered as a 来访 matter in one step.
    let day_text = day.format("%Y-%m-%d").to_string();
    app.set_clock(&format!("{day_text}T08:30:00+08:00"));
    let list_path = format!("/staff/reception/day?date={day_text}");
    let (status, list) = app.get_with(&registrar, &list_path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        list.contains(&number) && list.contains("13912345678"),
        "{list}"
    );
    let id = |html: &str, number: &str| -> String {
        let row = &html[html.find(&format!("id=\"booking-{number}\"")).unwrap()..];
        let at = row.find("/staff/reception/bookings/").unwrap() + 26;
        row[at..at + row[at..].find('/').unwrap()].to_owned()
    };
    let (status, _) = app
        .post_form_with(
            &registrar,
            &format!("/staff/reception/bookings/{}/mark", id(&list, &number)),
            &[("status", "arrived")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, list) = app.get_with(&registrar, &list_path).await;
    assert!(list.contains("已到访"), "{list}");
    assert!(list.contains(&format!("/staff/intake?booking={number}")));
    let (status, intake) = app
        .get_with(&registrar, &format!("/staff/intake?booking={number}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(intake.contains("id=\"from-booking\"") && intake.contains("value=\"孙八\""));
    assert!(
        intake.contains("小区电梯停用三个月无人维修"),
        "the matter carried over"
    );
    let once = hidden(&intake, "once");
    let res = app
        .http
        .post(app.url("/staff/intake"))
        .header("cookie", &registrar)
        .form(&[
            ("once", once.as_str()),
            ("booking", number.as_str()),
            ("channel", "visit"),
            ("received_on", day_text.as_str()),
            ("category", "appeal"),
            ("route", "petition"),
            ("name", "孙八"),
            ("id_number", "11010519491231002X"),
            ("mobile", "13912345678"),
            ("address", "防城港市港口区渔洲路 2 号"),
            ("district", "450602"),
            ("title", "小区电梯长期停运"),
            ("request", "小区电梯停用三个月无人维修"),
            (
                "facts_and_reasons",
                "3 号楼电梯自 9 月起停运，多次向物业反映无果。",
            ),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, list) = app.get_with(&registrar, &list_path).await;
    let case: String = sqlx::query_scalar("SELECT case_number FROM bookings WHERE number = $1")
        .bind(&number)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(
        case.starts_with("XF") && list.contains(&format!("已登记为 {case}")),
        "{list}"
    );
    let (_, page) = app
        .get_with(&registrar, &format!("/staff/cases/{case}"))
        .await;
    assert!(page.contains("id=\"case-channel\">来访"));
    // Registered once: the link is gone.
    let (status, _) = app
        .get_with(&registrar, &format!("/staff/intake?booking={number}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The statistics: the visit among the channels, one visitor received this month.
    let month = &day_text[..7];
    let stats: Value = app
        .get(&format!("/api/v1/stats?month={month}"))
        .await
        .json()
        .await
        .unwrap();
    let visit = stats["by_channel"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "visit")
        .cloned()
        .unwrap();
    assert_eq!(
        (visit["received"].as_i64(), visit["name"].as_str()),
        (Some(1), Some("来访")),
        "{stats}"
    );
    assert_eq!(stats["receptions"], json!([[month, 1]]));
    let page = app
        .get(&format!("/stats?month={month}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"receptions-per-month\""), "{page}");
}

/// When the bookings of `session` close, as the API says.
async fn first_closes(app: &TestApp, session: i64) -> String {
    let all = sessions(app).await;
    all.iter().find(|s| s["id"] == session).unwrap()["bookings_close"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_no_show_is_marked_and_a_session_taken_down_only_when_nobody_booked() {
    let app = spawn_app().await;
    let registrar = app.staff_cookie("dengji").await;
    let day = working_day(&app, 5);
    let session = publish(&app, &registrar, day).await;
    let empty = publish(&app, &registrar, working_day(&app, 12)).await;
    let first = slot(&app, session, 0).await;
    let booked: Value = book_api(&app, session, first["id"].as_i64().unwrap(), "13800138007")
        .await
        .json()
        .await
        .unwrap();
    let number = booked["number"].as_str().unwrap();
    // Not before its day.
    let (_, list) = app
        .get_with(&registrar, &format!("/staff/reception/day?date={day}"))
        .await;
    let row = &list[list.find(&format!("id=\"booking-{number}\"")).unwrap()..];
    let at = row.find("/staff/reception/bookings/").unwrap();
    let mark = row[at..at + row[at..].find('"').unwrap()].to_owned();
    let (status, html) = app
        .post_form_with(&registrar, &mark, &[("status", "no_show")])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{html}");
    // On its day, before its slot: a no-show, which cannot be cancelled any more nor registered.
    app.set_clock(&format!("{day}T08:30:00+08:00"));
    let (status, _) = app
        .post_form_with(&registrar, &mark, &[("status", "no_show")])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, list) = app
        .get_with(&registrar, &format!("/staff/reception/day?date={day}"))
        .await;
    assert!(
        list.contains("未到访") && list.contains("改为到访"),
        "{list}"
    );
    let res = app
        .http
        .delete(app.url(&format!("/api/v1/bookings/{number}")))
        .header("X-Query-Code", booked["code"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: Value = res.json().await.unwrap();
    assert_eq!(first_error_code(&body), "not_cancellable");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("未到访"),
        "{body}"
    );
    let intake = format!("/staff/intake?booking={number}");
    assert!(!list.contains(&intake));
    let (status, _) = app.get_with(&registrar, &intake).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The visitor came late after all: arrived, and registrable.
    let (status, _) = app
        .post_form_with(&registrar, &mark, &[("status", "arrived")])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = app.get_with(&registrar, &intake).await;
    assert_eq!(status, StatusCode::OK);
    // A session with bookings stays; one without is taken down.
    let (status, _) = app
        .post_form_with(
            &registrar,
            &format!("/staff/reception/sessions/{session}/cancel"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = app
        .post_form_with(
            &registrar,
            &format!("/staff/reception/sessions/{empty}/cancel"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html) = app
        .get_with(&registrar, "/staff/reception?done=cancelled")
        .await;
    assert!(html.contains("场次已撤下"), "{html}");
    assert!(sessions(&app).await.iter().all(|s| s["id"] != empty));
}

/// Bookings arriving together: of two for the last place one wins and the other hears the slot
/// is full; a form sent twice at once books once and both answers lead to its receipt; a session
/// taken down takes no booking.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bookings_arriving_together_take_each_place_once() {
    let app = spawn_app().await;
    let registrar = app.staff_cookie("dengji").await;
    let session = publish(&app, &registrar, working_day(&app, 5)).await;
    let last = slot(&app, session, 1).await["id"].as_i64().unwrap();
    let (a, b) = tokio::join!(
        book_api(&app, session, last, "13800138011"),
        book_api(&app, session, last, "13800138012")
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::CREATED, StatusCode::CONFLICT]);
    assert_eq!(slot(&app, session, 1).await["state"], "full");

    // One form sent twice at once (a double click).
    let first = slot(&app, session, 0).await["id"].as_i64().unwrap();
    let res = app
        .get(&format!("/visits/book?session={session}&slot={first}"))
        .await;
    let cookie = portal_tests::receipt_cookie(&res);
    let once = hidden(&res.text().await.unwrap(), "once");
    let send = || {
        let form = [
            ("session", session.to_string()),
            ("slot", first.to_string()),
            ("once", once.clone()),
            ("name", "孙八".to_owned()),
            ("mobile", "13912345670".to_owned()),
            ("summary", "小区电梯停用三个月无人维修".to_owned()),
        ];
        app.http
            .post(app.url("/visits/book"))
            .header("cookie", &cookie)
            .form(&form)
            .send()
    };
    let (a, b) = tokio::join!(send(), send());
    for res in [a.unwrap(), b.unwrap()] {
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/visits/booked")
        );
    }
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE mobile = '13912345670'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);

    // Taken down (nobody holds a place in this one): no more bookings.
    let other = publish(&app, &registrar, working_day(&app, 12)).await;
    let other_slot = slot(&app, other, 0).await["id"].as_i64().unwrap();
    let (status, _) = app
        .post_form_with(
            &registrar,
            &format!("/staff/reception/sessions/{other}/cancel"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let res = book_api(&app, other, other_slot, "13800138013").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(first_error_code(&res.json().await.unwrap()), "unknown");
}

/// The citizen's booking journey and the reception room's pages in the browser, every page
/// audited.
async fn booking_in_the_browser(js: Js) {
    let app = spawn_app().await;
    let registrar = app.staff_cookie("dengji").await;
    let day = working_day(&app, 5);
    let session = publish(&app, &registrar, day).await;
    let b = Browser::start(js).await;
    b.visit(&app.url("/")).await;
    b.click_link("网上预约走访").await;
    assert_eq!(b.text("h1").await, "预约走访");
    b.click_link("预约 09:00–10:00").await;
    b.fill("name", "孙八").await;
    b.press("main form button[type=submit]").await;
    assert!(b.text(".error-summary").await.contains("手机号码"));
    b.fill("mobile", "13912345678").await;
    b.fill("summary", "小区电梯停用三个月无人维修").await;
    b.press("main form button[type=submit]").await;
    let number = b.text("#booking-number").await;
    assert!(number.starts_with("YY"), "{number}");
    let code = b.text("#booking-code").await;
    b.click_link("取消已有的预约").await;
    b.fill("number", &number).await;
    b.fill("code", &code).await;
    b.press("main form button[type=submit]").await;
    assert!(b.text("#booking-cancelled").await.contains(&number));
    // The reception room's pages.
    b.sign_in(&app, "dengji").await;
    b.click_link("接访场次和预约").await;
    assert_eq!(b.text("h1").await, "接访场次");
    // A day's list with a booking in it (its buttons audited too).
    let first = slot(&app, session, 0).await;
    let res = book_api(&app, session, first["id"].as_i64().unwrap(), "13800138008").await;
    assert_eq!(res.status(), StatusCode::CREATED);
    b.visit(&app.url(&format!("/staff/reception/day?date={day}")))
        .await;
    let _ = b.client.clone().close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn booking_in_the_browser_js_on() {
    booking_in_the_browser(Js::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn booking_in_the_browser_js_off() {
    booking_in_the_browser(Js::Off).await;
}
