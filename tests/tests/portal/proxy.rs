//! The README's nginx config, as printed there, in front of two portal servers on one database
//! (issue 15, "Operations"): submitted through the proxy, found through the other server; the
//! throttles count the client nginx saw, not nginx and not a forged `X-Forwarded-For`; with one
//! server stopped the proxy goes on answering, submissions included. nginx runs from Debian's
//! package (`.ci/setup --browser` installs it) in a temporary directory, as one process.

use app::domain::config::Limits;
use app::kernel::client::TrustedProxies;
use portal_tests::{TestApp, spawn_app_with};
use reqwest::StatusCode;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::os::unix::process::CommandExt as _;
use std::path::Path;

/// The one `nginx` block of README.md.
fn readme_config() -> String {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .expect("README.md");
    let (_, after) = readme
        .split_once("```nginx\n")
        .expect("the README shows an nginx config");
    after.split_once("```").expect("its end").0.to_owned()
}

/// nginx, stopped with its process group when dropped (also when a test fails).
struct Nginx {
    child: std::process::Child,
    addr: SocketAddr,
    _dir: tempfile::TempDir,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SAFETY: kill(2) with the group nginx leads (it was started with process_group(0)).
        unsafe { libc::kill(-(self.child.id() as i32), libc::SIGKILL) };
        let _ = self.child.wait();
    }
}

/// Starts nginx with the README's config, its upstreams pointed at `a` and `b` and listening on
/// 127.0.0.2 (so that the test's clients, on other loopback addresses, are not nginx itself).
async fn nginx(a: &str, b: &str) -> Nginx {
    let bin = ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("nginx is not installed: run .ci/setup --browser");
    let dir = tempfile::tempdir().expect("nginx's directory");
    let port = std::net::TcpListener::bind("127.0.0.2:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let site = readme_config();
    assert!(site.contains("127.0.0.1:3001") && site.contains("127.0.0.1:3002"));
    let site = site
        .replace("127.0.0.1:3001", a)
        .replace("127.0.0.1:3002", b)
        .replace("listen 80;", &format!("listen 127.0.0.2:{port};"));
    let d = dir.path().display();
    std::fs::write(
        dir.path().join("nginx.conf"),
        format!(
            "daemon off;\nmaster_process off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
             events {{}}\nhttp {{\naccess_log off;\nclient_body_temp_path {d}/body;\n\
             proxy_temp_path {d}/proxy;\n{site}\n}}\n"
        ),
    )
    .expect("nginx.conf");
    let check = std::process::Command::new(bin)
        .arg("-t")
        .args(["-p", &d.to_string(), "-e", &format!("{d}/error.log")])
        .args(["-c", &format!("{d}/nginx.conf")])
        .output()
        .expect("nginx -t runs");
    assert!(
        check.status.success(),
        "the README's nginx config is refused: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let child = std::process::Command::new(bin)
        .args(["-p", &d.to_string(), "-e", &format!("{d}/error.log")])
        .args(["-c", &format!("{d}/nginx.conf")])
        .process_group(0)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("nginx starts");
    let addr = SocketAddr::from(([127, 0, 0, 2], port));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while tokio::net::TcpStream::connect(addr).await.is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "nginx does not listen: {}",
            std::fs::read_to_string(dir.path().join("error.log")).unwrap_or_default()
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    Nginx {
        child,
        addr,
        _dir: dir,
    }
}

/// Two in-process servers on one database with one key, both trusting nginx (127.0.0.1, the
/// address it connects from), two petitions an hour per client.
async fn two_servers() -> (TestApp, TestApp) {
    let adjust = |s: &mut server::Settings| {
        let mut config = (*s.config).clone();
        config.limits = Limits {
            per_client_per_hour: 2,
            per_person_per_day: u32::MAX,
            ..Limits::default()
        };
        s.config = std::sync::Arc::new(config);
        s.trusted_proxies = TrustedProxies::parse("127.0.0.1").unwrap();
    };
    let mut shared = None;
    let a = spawn_app_with(|s| {
        adjust(s);
        shared = Some((s.database_url(), s.query_code_key_file()));
    })
    .await;
    let (database, key) = shared.expect("A's settings");
    let b = spawn_app_with(|s| {
        adjust(s);
        s.database_url = Some(database);
        s.query_code_key = Some(key);
    })
    .await;
    (a, b)
}

/// A client connecting from `from` (a loopback address), as a citizen's browser would.
fn client_at(from: Ipv4Addr) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(IpAddr::V4(from))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("http client")
}

async fn submit(http: &reqwest::Client, base: &str, forged: &str) -> reqwest::Response {
    http.post(format!("{base}/api/v1/petitions"))
        .header("x-forwarded-for", forged)
        .json(&portal_tests::journeys::wage_appeal())
        .send()
        .await
        .expect("an answer through nginx")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readme_s_nginx_config_serves_two_servers_as_one() {
    let (mut a, b) = two_servers().await;
    let proxy = nginx(&a.addr.to_string(), &b.addr.to_string()).await;
    let base = format!("http://{}", proxy.addr);
    let citizen = client_at(Ipv4Addr::new(127, 0, 0, 3));

    // Through the proxy, then looked up through server B itself.
    let res = submit(&citizen, &base, "203.0.113.9").await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: serde_json::Value = res.json().await.unwrap();
    let (number, code) = (
        receipt["number"].as_str().unwrap(),
        receipt["query_code"].as_str().unwrap(),
    );
    let lookup = |http: &reqwest::Client, base: &str| {
        http.get(format!("{base}/api/v1/petitions/{number}"))
            .header("x-query-code", code)
            .send()
    };
    assert_eq!(
        lookup(&b.http, &b.base_url).await.unwrap().status(),
        StatusCode::OK
    );

    // The limit counts the citizen nginx saw, whatever address the citizen's header names and
    // whichever server answers: the second is taken, the third refused; another citizen is not.
    assert_eq!(
        submit(&citizen, &base, "198.51.100.7").await.status(),
        StatusCode::CREATED
    );
    assert_eq!(
        submit(&citizen, &base, "192.0.2.1").await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    let neighbour = client_at(Ipv4Addr::new(127, 0, 0, 4));
    assert_eq!(
        submit(&neighbour, &base, "203.0.113.9").await.status(),
        StatusCode::CREATED
    );

    // One server stopped: the proxy goes on answering lookups and submissions through the other.
    // A's directory, which holds the SQLite database B shares, stays until the end.
    let a_addr = a.addr;
    a.stop();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while tokio::net::TcpStream::connect(a_addr).await.is_ok() {
        assert!(
            std::time::Instant::now() < deadline,
            "server A does not stop"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    for _ in 0..4 {
        assert_eq!(
            lookup(&neighbour, &base).await.unwrap().status(),
            StatusCode::OK
        );
    }
    let third = client_at(Ipv4Addr::new(127, 0, 0, 5));
    assert_eq!(
        submit(&third, &base, "203.0.113.9").await.status(),
        StatusCode::CREATED
    );
    drop(b);
    drop(a);
}
