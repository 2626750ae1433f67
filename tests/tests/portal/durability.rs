//! A receipt is shown only after the commit, and nothing acknowledged is ever lost: the server
//! process is killed (SIGKILL, no shutdown) in the middle of a burst of submissions, restarted on
//! the same data dir, and every petition it acknowledged must be there; and with two servers on
//! one database, one is killed while both take a burst, and the other finds all of it.
//!
//! The server runs in a child process: this same test binary, re-run with an environment variable
//! that makes `server_process` serve instead of returning.

use std::path::Path;
use std::process::Child;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Starts the child server on `data_dir` (and `database`, if on PostgreSQL) and returns it with
/// its base URL.
fn start_server(data_dir: &Path, database: &Option<String>) -> (Child, String) {
    portal_tests::start_child_server(data_dir, database.as_deref(), None, false)
}

fn petition(i: usize) -> serde_json::Value {
    serde_json::json!({
        "category": "suggestion",
        "petitioner": {
            "name": "赵六", "id_number": "11010519491231002X", "mobile": "13812345678",
            "address": "防城港市港口区某某路 1 号", "district": "450602"
        },
        "title": format!("关于公交线路的第 {i} 条建议"),
        "request": "建议增加早高峰时段的公交班次。",
        "facts_and_reasons": "早上七点到八点之间车辆拥挤，很多老人和学生上不了车，等车时间很长。"
    })
}

type Acknowledged = Arc<Mutex<Vec<(String, String)>>>;

/// Sixteen clients submitting as fast as they can, client `c` to `bases[c % bases.len()]`, each
/// until its server goes away or `stop` is set; every receipt that arrived whole is acknowledged.
fn burst(
    http: &reqwest::Client,
    bases: &[String],
    acknowledged: &Acknowledged,
    stop: &Arc<AtomicBool>,
) -> Vec<tokio::task::JoinHandle<()>> {
    (0..16)
        .map(|c| {
            let (http, acknowledged, stop) = (http.clone(), acknowledged.clone(), stop.clone());
            let base = bases[c % bases.len()].clone();
            tokio::spawn(async move {
                for i in 0.. {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let sent = http
                        .post(format!("{base}/api/v1/petitions"))
                        .json(&petition(c * 100_000 + i))
                        .send()
                        .await;
                    let Ok(res) = sent else { break };
                    // Until the kill, every submission must be taken: concurrent writers wait
                    // their turn, they are not refused.
                    assert_eq!(
                        res.status(),
                        reqwest::StatusCode::CREATED,
                        "refused under load"
                    );
                    // Acknowledged only once the whole receipt has arrived.
                    let Ok(receipt) = res.json::<serde_json::Value>().await else {
                        break;
                    };
                    acknowledged.lock().unwrap().push((
                        receipt["number"].as_str().unwrap().to_owned(),
                        receipt["query_code"].as_str().unwrap().to_owned(),
                    ));
                }
            })
        })
        .collect()
}

/// Waits until at least `n` submissions are acknowledged.
async fn until_acknowledged(acknowledged: &Acknowledged, n: usize) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while acknowledged.lock().unwrap().len() < n {
        assert!(
            std::time::Instant::now() < deadline,
            "the burst is too slow"
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
}

/// Every acknowledged petition is found through `base` with its 查询码, under its own number.
async fn all_found(http: &reqwest::Client, base: &str, acknowledged: &[(String, String)]) {
    let numbers: std::collections::HashSet<&String> = acknowledged.iter().map(|(n, _)| n).collect();
    assert_eq!(
        numbers.len(),
        acknowledged.len(),
        "a number was given twice"
    );
    for (number, code) in acknowledged {
        let res = http
            .get(format!("{base}/api/v1/petitions/{number}"))
            .header("X-Query-Code", code)
            .send()
            .await
            .expect("lookup");
        assert_eq!(
            res.status(),
            reqwest::StatusCode::OK,
            "{number} was acknowledged but is gone"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_petition_survives_a_kill_during_a_burst() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data_dir = dir.path().join("data");
    let database = portal_tests::fresh_postgres_database().await;
    let (mut child, base) = start_server(&data_dir, &database);
    let http = reqwest::Client::new();
    let acknowledged = Acknowledged::default();
    let clients = burst(&http, &[base], &acknowledged, &Arc::default());
    // Kill it mid-burst, once a good number went through.
    until_acknowledged(&acknowledged, 60).await;
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    for c in clients {
        c.await.expect("client");
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 60);

    // Restart on the same data dir: every acknowledged petition is there, with its 查询码.
    let (mut child, base) = start_server(&data_dir, &database);
    all_found(&http, &base, &acknowledged).await;
    let health = http.get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(health.status(), reqwest::StatusCode::OK);
    child.kill().expect("stop");
    let _ = child.wait();
}

/// Two servers on one database (issue 15), a burst split over both, and one of them killed in
/// the middle: the other goes on taking submissions, and every petition either acknowledged is
/// found through the survivor.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_petition_either_of_two_servers_acknowledged_survives_one_being_killed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database = portal_tests::fresh_postgres_database()
        .await
        .unwrap_or_else(|| format!("sqlite://{}", dir.path().join("portal.db").display()));
    let key = dir.path().join("query-code.key");
    let start = |name: &str| {
        portal_tests::start_child_server(&dir.path().join(name), Some(&database), Some(&key), false)
    };
    let (mut a, base_a) = start("a");
    let (mut b, base_b) = start("b");
    let http = reqwest::Client::new();
    let acknowledged = Acknowledged::default();
    let stop = Arc::new(AtomicBool::new(false));
    let clients = burst(&http, &[base_a, base_b.clone()], &acknowledged, &stop);
    until_acknowledged(&acknowledged, 60).await;
    a.kill().expect("SIGKILL");
    a.wait().expect("reaped");
    // The survivor takes more on its own before the burst ends.
    let at_kill = acknowledged.lock().unwrap().len();
    until_acknowledged(&acknowledged, at_kill + 30).await;
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.await.expect("client");
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    all_found(&http, &base_b, &acknowledged).await;
    b.kill().expect("stop");
    let _ = b.wait();
}

/// Submissions arriving together are committed together: fewer commits (syncs to disk) than
/// submissions, every one of them stored, each with its own number.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn submissions_arriving_together_share_commits() {
    let app = portal_tests::spawn_app_with(portal_tests::without_filing_limits).await;
    let before = app.ctx.writes.commits();
    let sent: Vec<_> = (0..64)
        .map(|i| {
            let (http, url) = (app.http.clone(), app.url("/api/v1/petitions"));
            tokio::spawn(async move {
                let res = http.post(url).json(&petition(i)).send().await.unwrap();
                assert_eq!(res.status(), reqwest::StatusCode::CREATED);
                res.json::<serde_json::Value>().await.unwrap()["number"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
        })
        .collect();
    let mut numbers = Vec::new();
    for s in sent {
        numbers.push(s.await.unwrap());
    }
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 64, "each its own number");
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM petitions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 64);
    let commits = app.ctx.writes.commits() - before;
    assert!(commits < 64, "{commits} commits for 64 submissions");
}
