//! How messages leave the portal: mail over SMTP (`--smtp-url`, with lettre: STARTTLS or TLS
//! through rustls, and authentication when the URL carries a user and password), and SMS through
//! the bureau's gateway (`--sms-gateway-url` with `--sms-gateway-token`).
//!
//! The SMS gateway is sent one POST per message, JSON:
//!
//! ```json
//! {"to": "13812345678", "template": "notice-accepted", "params": {"number": "XF20261201-0001"},
//!  "text": "【…信访局】您的信访事项 XF20261201-0001 已受理……", "key": "petition:7:12:sms"}
//! ```
//!
//! `template` and `params` fit the mainland gateways' approved 签名 and 模板 (the gateway maps
//! the portal's template names onto its own template codes); `text` is the whole message as the
//! citizen will read it, for gateways that send free text; `key` (also the `Idempotency-Key`
//! header) is the same on every try of one message, so a gateway can drop a repeat. The token
//! goes in `Authorization: Bearer …`. Any 2xx answer is delivery; anything else, or no answer in
//! 30 seconds, is a failure tried again later.

use serde::Serialize;
use std::time::Duration;

/// One message as a transport sends it.
pub struct Letter<'a> {
    pub key: &'a str,
    pub to: &'a str,
    /// The catalogue id (the SMS template) and its parameters as the citizen reads them.
    pub template: &'a str,
    pub params: serde_json::Map<String, serde_json::Value>,
    /// The subject line (mail) and the text.
    pub subject: &'a str,
    pub text: &'a str,
}

/// The transports configured; a channel without one keeps its messages in the outbox.
#[derive(Clone, Default)]
pub struct Transports {
    pub sms: Option<SmsGateway>,
    pub mail: Option<Mailer>,
}

impl std::fmt::Debug for Transports {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transports")
            .field("sms", &self.sms.as_ref().map(|s| &s.url))
            .field("mail", &self.mail.is_some())
            .finish()
    }
}

const SEND_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Clone)]
pub struct SmsGateway {
    url: String,
    token: Option<String>,
    http: reqwest::Client,
    timeout: Duration,
}

#[derive(Serialize)]
struct SmsBody<'a> {
    to: &'a str,
    template: &'a str,
    params: &'a serde_json::Map<String, serde_json::Value>,
    text: &'a str,
    key: &'a str,
}

impl SmsGateway {
    /// The gateway at `url` (http or https), with its token if it wants one.
    pub fn new(url: &str, token: Option<String>) -> Result<Self, String> {
        let parsed: http::Uri = url
            .parse()
            .map_err(|e| format!("--sms-gateway-url {url} is not a URL: {e}"))?;
        if !matches!(parsed.scheme_str(), Some("http" | "https")) {
            return Err(format!(
                "--sms-gateway-url must start with http:// or https:// (not {url})"
            ));
        }
        Ok(Self {
            url: url.to_owned(),
            token: token.filter(|t| !t.is_empty()),
            http: Self::client(SEND_TIMEOUT)?,
            timeout: SEND_TIMEOUT,
        })
    }

    fn client(timeout: Duration) -> Result<reqwest::Client, String> {
        reqwest::Client::builder()
            .timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("cannot make the SMS gateway's HTTP client: {e}"))
    }

    /// With answers awaited `timeout` at most (30 s by default).
    pub fn with_timeout(mut self, timeout: Duration) -> Result<Self, String> {
        self.http = Self::client(timeout)?;
        self.timeout = timeout;
        Ok(self)
    }

    pub async fn send(&self, letter: &Letter<'_>) -> Result<String, String> {
        let mut request = self
            .http
            .post(&self.url)
            .header("idempotency-key", letter.key)
            .json(&SmsBody {
                to: letter.to,
                template: letter.template,
                params: &letter.params,
                text: letter.text,
                key: letter.key,
            });
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.map_err(|e| {
            if e.is_timeout() {
                format!(
                    "the SMS gateway did not answer within {} s",
                    self.timeout.as_secs_f32()
                )
            } else {
                format!("the SMS gateway cannot be reached: {e}")
            }
        })?;
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        let body: String = body.chars().take(200).collect();
        if status.is_success() {
            Ok(format!("HTTP {}", status.as_u16()))
        } else {
            Err(format!(
                "the SMS gateway answered HTTP {}: {body}",
                status.as_u16()
            ))
        }
    }
}

#[derive(Clone)]
pub struct Mailer {
    transport: lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    from: lettre::message::Mailbox,
}

impl Mailer {
    /// Mail through the SMTP server of `url` (lettre's form: `smtp://host:port` plain,
    /// `smtp://user:pass@host:587?tls=required` STARTTLS, `smtps://…` TLS), sent as `from`.
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        let transport = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(url)
            .map_err(|e| format!("--smtp-url is not an SMTP URL lettre understands: {e}"))?
            .timeout(Some(SEND_TIMEOUT))
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("--mail-from {from} is not a mail address: {e}"))?;
        Ok(Self { transport, from })
    }

    pub async fn send(&self, letter: &Letter<'_>) -> Result<String, String> {
        use lettre::AsyncTransport as _;
        let to: lettre::message::Mailbox = letter
            .to
            .parse()
            .map_err(|e| format!("the address {} cannot be mailed to: {e}", letter.to))?;
        let host = self.from.email.domain().to_owned();
        let message = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(letter.subject)
            // The same on every try: a repeat after a crash is the same mail to the reader's
            // client, which shows one.
            .message_id(Some(format!("<{}@{host}>", letter.key.replace(':', "."))))
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(letter.text.to_owned())
            .map_err(|e| format!("the mail cannot be made: {e}"))?;
        let answer = self
            .transport
            .send(message)
            .await
            .map_err(|e| format!("the SMTP server refused or failed: {e}"))?;
        Ok(format!("SMTP {}", answer.code()))
    }
}
