//! What the notification tests send to: a real SMTP server (Debian's aiosmtpd, run by
//! `/usr/bin/python3` in its own process group and killed with it on drop) and an HTTP receiver
//! standing in for the SMS gateway (a service outside the portal's control), which records each
//! request and can be told to fail or to hold its answer.

use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A mail as the SMTP server received it.
#[derive(Clone, Debug)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    /// The whole message, headers and body (decoded from its transfer encoding by the caller).
    pub data: String,
}

impl Mail {
    fn parsed(&self) -> mailparse::ParsedMail<'_> {
        mailparse::parse_mail(self.data.as_bytes()).expect("a mail")
    }

    /// A header's value (the first one named so), encoded words undone.
    pub fn header(&self, name: &str) -> Option<String> {
        use mailparse::MailHeaderMap as _;
        self.parsed().headers.get_first_value(name)
    }

    /// The body, its transfer encoding undone.
    pub fn body(&self) -> String {
        self.parsed().get_body().expect("a readable body")
    }

    pub fn subject(&self) -> String {
        self.header("Subject").unwrap_or_default()
    }
}

/// aiosmtpd listening on 127.0.0.1, each mail it takes printed as one JSON line and collected.
pub struct SmtpServer {
    child: std::process::Child,
    pub port: u16,
    mails: Arc<Mutex<Vec<Mail>>>,
}

const SMTP_SCRIPT: &str = r#"
import asyncio, json
from aiosmtpd.smtp import SMTP
class Handler:
    async def handle_DATA(self, server, session, envelope):
        print(json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                          "data": envelope.original_content.decode("utf-8", "replace")}), flush=True)
        return "250 OK"
async def main():
    server = await asyncio.get_running_loop().create_server(
        lambda: SMTP(Handler()), "127.0.0.1", 0)
    print("LISTENING", server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()
asyncio.run(main())
"#;

impl SmtpServer {
    pub fn start() -> Self {
        use std::io::{BufRead, BufReader};
        use std::os::unix::process::CommandExt as _;
        let mut child = std::process::Command::new("/usr/bin/python3")
            .args(["-u", "-c", SMTP_SCRIPT])
            .process_group(0)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect(
                "/usr/bin/python3 runs aiosmtpd (.ci/setup --browser installs python3-aiosmtpd)",
            );
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let port = loop {
            let line = lines
                .next()
                .expect("aiosmtpd says where it listens (is python3-aiosmtpd installed?)")
                .expect("a line");
            if let Some(port) = line.strip_prefix("LISTENING ") {
                break port.trim().parse().expect("a port");
            }
        };
        let mails = Arc::new(Mutex::new(Vec::new()));
        let collected = mails.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                    continue;
                };
                collected.lock().unwrap().push(Mail {
                    from: v["from"].as_str().unwrap_or_default().to_owned(),
                    to: v["to"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .filter_map(|t| t.as_str().map(str::to_owned))
                                .collect()
                        })
                        .unwrap_or_default(),
                    data: v["data"].as_str().unwrap_or_default().to_owned(),
                });
            }
        });
        Self { child, port, mails }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.mails.lock().unwrap().clone()
    }

    /// Waits until `n` mails have arrived (at most 20 s) and returns them.
    pub async fn wait_for(&self, n: usize) -> Vec<Mail> {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            let mails = self.mails();
            if mails.len() >= n {
                return mails;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{n} mails expected, {} arrived: {mails:#?}",
                mails.len()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        // SAFETY: kill(2) on the group the server leads (started with process_group(0)).
        unsafe { libc::kill(-(self.child.id() as i32), libc::SIGKILL) };
        let _ = self.child.wait();
    }
}

/// One request the SMS gateway stand-in received.
#[derive(Clone, Debug)]
pub struct SmsRequest {
    pub authorization: Option<String>,
    pub idempotency_key: Option<String>,
    pub body: serde_json::Value,
}

/// How the stand-in answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Ok,
    /// HTTP 500.
    Fail,
    /// No answer until the test lets go (`release`).
    Hold,
}

#[derive(Default)]
struct GatewayState {
    requests: Vec<SmsRequest>,
    /// Answers for the next requests, in order; `Ok` once they run out.
    script: std::collections::VecDeque<Answer>,
}

/// An HTTP receiver standing in for the SMS gateway.
pub struct SmsGateway {
    pub url: String,
    state: Arc<Mutex<GatewayState>>,
    release: Arc<tokio::sync::Notify>,
    server: tokio::task::JoinHandle<()>,
}

impl SmsGateway {
    pub async fn start() -> Self {
        use axum::routing::post;
        let state: Arc<Mutex<GatewayState>> = Arc::default();
        let release = Arc::new(tokio::sync::Notify::new());
        let (s, r) = (state.clone(), release.clone());
        let handler = move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
            let (state, release) = (s.clone(), r.clone());
            async move {
                let header = |n: &str| {
                    headers
                        .get(n)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned)
                };
                let answer = {
                    let mut st = state.lock().unwrap();
                    st.requests.push(SmsRequest {
                        authorization: header("authorization"),
                        idempotency_key: header("idempotency-key"),
                        body: serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null),
                    });
                    st.script.pop_front().unwrap_or(Answer::Ok)
                };
                match answer {
                    Answer::Ok => (axum::http::StatusCode::OK, "{\"ok\":true}"),
                    Answer::Fail => (
                        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                        "gateway down",
                    ),
                    Answer::Hold => {
                        release.notified().await;
                        (axum::http::StatusCode::OK, "{\"ok\":true}")
                    }
                }
            }
        };
        let router = axum::Router::new().route("/sms", post(handler));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port");
        let url = format!("http://{}/sms", listener.local_addr().expect("its address"));
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Self {
            url,
            state,
            release,
            server,
        }
    }

    /// The answers to the next requests, in order (then 200 again).
    pub fn answer_next(&self, answers: &[Answer]) {
        self.state
            .lock()
            .unwrap()
            .script
            .extend(answers.iter().copied());
    }

    /// Lets held requests have their answer.
    pub fn release(&self) {
        self.release.notify_waiters();
    }

    pub fn requests(&self) -> Vec<SmsRequest> {
        self.state.lock().unwrap().requests.clone()
    }

    /// Waits until `n` requests have arrived (at most 20 s) and returns them all.
    pub async fn wait_for(&self, n: usize) -> Vec<SmsRequest> {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            let requests = self.requests();
            if requests.len() >= n {
                return requests;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{n} SMS requests expected, {} arrived: {requests:#?}",
                requests.len()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for SmsGateway {
    fn drop(&mut self) {
        self.server.abort();
    }
}
