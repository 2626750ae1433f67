//! Headless Chromium over WebDriver.
//!
//! Every test gets its own chromedriver (in its own process group, killed with all its children
//! on drop, so a failing test leaves no Chromium behind) and its own empty profile. A session runs
//! with JavaScript on or off; `visit` waits for hydration when it is on, and audits every page it
//! visits with axe-core against the WCAG 2.2 AA rules, failing on any violation.

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// How long to wait for a condition before failing (a limit, not a sleep).
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The WCAG 2.2 AA rule set of axe-core (2.0, 2.1 and 2.2, levels A and AA).
const AXE_TAGS: [&str; 6] = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
];

/// WebDriver key codes.
pub const TAB: char = '\u{E004}';
pub const ENTER: char = '\u{E007}';
pub const SPACE: char = ' ';
pub const ARROW_DOWN: char = '\u{E015}';

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Js {
    On,
    Off,
}

pub struct Browser {
    pub client: Client,
    pub js: Js,
    driver: Child,
    _profile: TempDir,
}

/// How long a page may take to load before the browser gives up on it.
const PAGE_LOAD: Duration = Duration::from_secs(60);

fn is_timeout(e: &fantoccini::error::CmdError) -> bool {
    matches!(e, fantoccini::error::CmdError::Standard(w)
        if w.error == fantoccini::error::ErrorStatus::Timeout)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn axe_source() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}); run `npm ci --prefix tests`",
            path.display()
        )
    })
}

impl Browser {
    pub async fn start(js: Js) -> Self {
        let port = free_port();
        let mut cmd = Command::new(CHROMEDRIVER);
        cmd.arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0);
        let driver = cmd.spawn().unwrap_or_else(|e| {
            panic!("cannot start {CHROMEDRIVER} ({e}); run .ci/setup --browser")
        });
        let profile = tempfile::Builder::new()
            .prefix("portal-chromium-")
            .tempdir()
            .expect("profile dir");
        // A browser set to Simplified Chinese, as most of the portal's visitors have (pages
        // follow `Accept-Language` until a language is chosen in the header).
        let mut prefs = json!({ "intl.accept_languages": "zh-CN,zh" });
        if js == Js::Off {
            prefs["profile.managed_default_content_settings.javascript"] = json!(2);
        }
        let caps = json!({
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--window-size=390,844", "--lang=zh-CN",
                    // A renderer starved of CPU (two cores, two test runs and their browsers
                    // side by side) must not be taken for a hung or a background one.
                    "--disable-hang-monitor", "--disable-renderer-backgrounding",
                    "--disable-background-timer-throttling",
                    "--disable-backgrounding-occluded-windows",
                    "--disable-ipc-flooding-protection",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                "prefs": prefs,
            }
        });
        let caps = caps.as_object().cloned().expect("object");
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + PATIENCE;
        // chromedriver takes a moment to listen: retry the connection until it answers.
        let client = loop {
            let attempt =
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(caps.clone())
                    .connect(&url)
                    .await;
            match attempt {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => {
                    panic!("cannot start a WebDriver session: {e}")
                }
                Err(_) => tokio::task::yield_now().await,
            }
        };
        // A page that does not load within a minute is stuck, not slow: fail (or retry, see
        // `visit`) well before chromedriver's five minutes.
        client
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                Some(PAGE_LOAD),
                Some(PAGE_LOAD),
                Some(Duration::ZERO),
            ))
            .await
            .expect("set the timeouts");
        Self {
            client,
            js,
            driver,
            _profile: profile,
        }
    }

    /// Opens `url`, waits for hydration when JavaScript is on, and audits the page with axe-core.
    pub async fn visit(&self, url: &str) {
        // A GET may be asked again: when the renderer misses the page-load limit (it happens to
        // a starved headless Chromium, whatever the page), one more try, said on stderr; a page
        // that is really stuck fails the second time too.
        if let Err(e) = self.client.goto(url).await {
            if !is_timeout(&e) {
                panic!("navigate to {url}: {e}");
            }
            eprintln!("navigate to {url}: {e}; trying once more");
            self.client
                .goto(url)
                .await
                .unwrap_or_else(|e| panic!("navigate to {url}: {e}"));
        }
        self.settle_and_audit().await;
    }

    /// How many A4 pages the current page prints on (Chromium's print, CJK fonts as on a
    /// citizen's phone; its PDF's page objects are not compressed).
    pub async fn printed_pages(&self) -> usize {
        let pdf = self
            .client
            .print(fantoccini::wd::PrintConfiguration::default())
            .await
            .expect("print");
        let text = String::from_utf8_lossy(&pdf);
        text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
    }

    /// Signs in to the workbench as the seeded account `username`, with its printed password.
    pub async fn sign_in(&self, app: &crate::TestApp, username: &str) {
        let password = &app
            .seeded
            .iter()
            .find(|s| s.username == username)
            .expect("a seeded account")
            .password;
        self.visit(&app.url("/staff/login")).await;
        self.fill("username", username).await;
        self.fill("password", password).await;
        self.press("form button[type=submit]").await;
    }

    /// Reloads the page (as the browser's reload button does), then settles and audits it.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload");
        self.settle_and_audit().await;
    }

    /// After any navigation (a click, a form post): wait for hydration where the page has islands
    /// (only those pages load the WebAssembly), then audit.
    pub async fn settle_and_audit(&self) {
        let has_islands = self.js == Js::On
            && self
                .client
                .execute(
                    "return document.querySelector('link[rel=modulepreload]') !== null;",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
        if has_islands {
            self.client
                .wait()
                .at_most(PATIENCE)
                .for_element(Locator::Css("html[data-hydrated]"))
                .await
                .expect("the page hydrates");
        }
        self.audit().await;
    }

    /// Runs axe-core on the current page and checks its language; panics with a readable list of
    /// violations.
    pub async fn audit(&self) {
        self.axe().await;
        self.check_language().await;
        self.check_targets().await;
    }

    /// In 无障碍 mode every control is at least 44 × 44 CSS pixels to touch: buttons, fields,
    /// drop-downs, the header's links, and for radio buttons and check boxes their label (a tap on
    /// the label chooses them). Links inside running text are exempt, as in WCAG.
    async fn check_targets(&self) {
        let small = self
            .client
            .execute(
                r#"
if (!document.documentElement.classList.contains('a11y')) return [];
const out = [];
const seen = new Set();
const controls = document.querySelectorAll(
  'button:not([hidden]), input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea, .tools a, .tools button:not([hidden]), a.button, .skip-link');
const labels = [...document.querySelectorAll('input[type=radio], input[type=checkbox]')]
  .map(i => i.closest('label') || (i.id && document.querySelector(`label[for="${i.id}"]`)))
  .filter(Boolean);
for (const el of [...controls, ...labels]) {
  if (seen.has(el)) continue;
  seen.add(el);
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue; // not shown (e.g. the skip link off screen)
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none') continue;
  if (r.width < 44 || r.height < 44) {
    out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
}
return out;
"#,
                vec![],
            )
            .await
            .expect("target size check runs");
        let small = strings(&small);
        if !small.is_empty() {
            panic!(
                "{} control(s) on {} (无障碍 mode, JavaScript {:?}) are smaller than 44 × 44 px:\n  {}",
                small.len(),
                self.url().await,
                self.js,
                small.join("\n  ")
            );
        }
    }

    /// The page speaks its `<html lang>` throughout: on an English page no Chinese is left
    /// outside an element marked `lang="zh…"` (content that exists in Chinese only) or
    /// `translate="no"` (what the citizen typed), and none of the portal's own marks (Unicode
    /// noncharacters U+FDD0–U+FDD3, used while a page renders) is left anywhere; on a
    /// Traditional page no text is left that zhconv would still convert. Text, the title and the
    /// attributes people hear (aria-label, title, placeholder, alt) all count.
    pub async fn check_language(&self) {
        let texts = self
            .client
            .execute(
                r#"
const lang = document.documentElement.lang;
const skip = (el) => !el || el.closest('script,style,textarea,[translate=no]') ||
  (lang === 'en' && (el.closest('[lang]')?.lang || '').startsWith('zh'));
const out = [];
const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const n = walker.currentNode;
  // The title of a Chinese-only guide or statute names it in Chinese (it has no other name).
  const chineseOnly = n.parentElement?.tagName === 'TITLE' && document.querySelector('h1[lang^=zh]');
  if (!skip(n.parentElement) && !chineseOnly && n.textContent.trim()) out.push(n.textContent.trim());
}
for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
  if (skip(el)) continue;
  for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
    const v = el.getAttribute(a);
    if (v) out.push(v);
  }
}
const marks = /[\uFDD0-\uFDD3]/;
if (marks.test(document.documentElement.outerHTML)) out.push('MARK: a rendering mark is left on the page');
return [lang, out];
"#,
                vec![],
            )
            .await
            .expect("language check runs");
        let lang = texts[0].as_str().unwrap_or_default().to_owned();
        let texts = strings(&texts[1]);
        let wrong: Vec<&String> = match lang.as_str() {
            "en" => texts
                .iter()
                .filter(|t| {
                    t.starts_with("MARK: ")
                        || t.chars()
                            .any(|c| is_han(c) || "（），。：；、“”".contains(c))
                })
                .collect(),
            "zh-Hant" => texts
                .iter()
                .filter(|t| {
                    t.starts_with("MARK: ") || zhconv::zhconv(t, zhconv::Variant::ZhHant) != **t
                })
                .collect(),
            _ => texts.iter().filter(|t| t.starts_with("MARK: ")).collect(),
        };
        if !wrong.is_empty() {
            let url = self.url().await;
            panic!(
                "{} text(s) on {url} (lang {lang}, JavaScript {:?}) are not in the page's language:\n{}",
                wrong.len(),
                self.js,
                wrong
                    .iter()
                    .map(|t| format!("  {t}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }

    /// Runs axe-core on the current page; panics with a readable list of violations.
    async fn axe(&self) {
        // With JavaScript off, Chromium still runs WebDriver's scripts and resolves promises but
        // never fires timers, on which axe-core schedules its work. Run timer callbacks as
        // microtasks for the audit's duration instead (delays do not matter to an audit).
        let timers = if self.js == Js::Off {
            "window.setTimeout = (f, _ms, ...a) => { Promise.resolve().then(() => f(...a)); return 0; };\
             window.clearTimeout = () => {};"
        } else {
            ""
        };
        let script = format!(
            "{timers}\n{}\nconst done = arguments[arguments.length - 1];\
             const tags = {};\
             /* In 无障碍 mode the enhanced contrast of WCAG AAA (7:1) is checked as well. */\
             if (document.documentElement.classList.contains('a11y')) tags.push('wcag2aaa');\
             axe.run(document, {{ runOnly: {{ type: 'tag', values: tags }}, resultTypes: ['violations'] }})\
               .then(r => done(JSON.stringify(r.violations.map(v => ({{ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }})))))\
               .catch(e => done(JSON.stringify([{{ id: 'axe-error', help: String(e), nodes: [] }}])));",
            axe_source(),
            serde_json::to_string(&AXE_TAGS).expect("json")
        );
        let result = self
            .client
            .execute_async(&script, vec![])
            .await
            .expect("axe-core runs");
        let text = result.as_str().expect("axe returns a JSON string");
        let violations: Vec<Value> = serde_json::from_str(text).expect("axe JSON");
        if !violations.is_empty() {
            let url = self.url().await;
            panic!(
                "axe-core found {} violation(s) on {url} (JavaScript {:?}):\n{}",
                violations.len(),
                self.js,
                serde_json::to_string_pretty(&violations).expect("json")
            );
        }
    }

    /// The visible text of the element found by `css`.
    pub async fn text(&self, css: &str) -> String {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .text()
            .await
            .expect("element text")
    }

    /// Follows the link whose text is exactly `text`.
    pub async fn click_link(&self, text: &str) {
        self.client
            .find(Locator::LinkText(text))
            .await
            .unwrap_or_else(|e| panic!("no link \"{text}\": {e}"))
            .click()
            .await
            .expect("click");
        self.settle_and_audit().await;
    }

    /// Types `text` into the field whose id is `id`.
    pub async fn fill(&self, id: &str, text: &str) {
        self.client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no field #{id}: {e}"))
            .send_keys(text)
            .await
            .expect("type");
    }

    /// The current value of the field whose id is `id`.
    pub async fn value(&self, id: &str) -> Option<String> {
        self.client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no field #{id}: {e}"))
            .prop("value")
            .await
            .expect("value")
    }

    /// Presses the button found by `css`, then waits for the new page and audits it.
    pub async fn press(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no button {css}: {e}"))
            .click()
            .await
            .expect("click");
        self.settle_and_audit().await;
    }

    /// Clicks the element found by `css` where no new page follows (a radio button, a checkbox).
    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .click()
            .await
            .expect("click");
    }

    /// Chooses the option with `value` in the drop-down whose id is `id`.
    pub async fn select(&self, id: &str, value: &str) {
        self.click(&format!("#{id} option[value='{value}']")).await;
    }

    /// Replaces what the field whose id is `id` holds with `text`.
    pub async fn replace(&self, id: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no field #{id}: {e}"));
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    /// Puts files into the file input whose id is `id`.
    pub async fn attach(&self, id: &str, files: &[&std::path::Path]) {
        let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        self.client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no file input #{id}: {e}"))
            .send_keys(&paths.join("\n"))
            .await
            .expect("choose files");
    }

    /// Waits for an element to appear, e.g. after a navigation a script started.
    pub async fn wait_for(&self, css: &str) {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"));
    }

    /// Waits for the petition journey's page `step`, and with JavaScript on for its island to
    /// watch the form.
    pub async fn on_step(&self, step: &str) {
        let ready = if self.js == Js::On {
            "[data-keeper='ready']"
        } else {
            ""
        };
        self.wait_for(&format!("form#journey[data-step='{step}']{ready}"))
            .await;
    }

    /// Waits for the legal-aid application's page `page`.
    pub async fn on_page(&self, page: &str) {
        self.wait_for(&format!("form#apply-form[data-page='{page}']"))
            .await;
    }

    /// Whether the element found by `css` is checked.
    pub async fn is_checked(&self, css: &str) -> bool {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .prop("checked")
            .await
            .expect("checked")
            .as_deref()
            == Some("true")
    }

    /// Presses one key on whatever has focus, as a keyboard would (WebDriver key actions).
    pub async fn key(&self, key: char) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let actions = KeyActions::new("keyboard".to_owned())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(actions)
            .await
            .expect("key press");
    }

    /// Types text into the focused field.
    pub async fn type_text(&self, text: &str) {
        self.client
            .active_element()
            .await
            .expect("a focused element")
            .send_keys(text)
            .await
            .expect("type");
    }

    /// Whether the focused element matches `css`, and whether it shows a focus indicator (an
    /// outline or a box shadow).
    async fn focus(&self, css: &str) -> (bool, bool) {
        let v = self
            .client
            .execute(
                "const a = document.activeElement; if (!a) return [false, false];\
                 const s = getComputedStyle(a);\
                 const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';\
                 return [a.matches(arguments[0]), ring];",
                vec![serde_json::Value::String(css.to_owned())],
            )
            .await
            .expect("focus check");
        (
            v[0].as_bool().unwrap_or(false),
            v[1].as_bool().unwrap_or(false),
        )
    }

    /// Waits until the focused element matches `css` (after a page load focus lands by itself).
    pub async fn focus_lands_on(&self, css: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.focus(css).await.0 {
            assert!(
                Instant::now() < deadline,
                "focus never reached {css} on {}",
                self.url().await
            );
            tokio::task::yield_now().await;
        }
    }

    /// Moves focus forward with Tab until it reaches the element matching `css`, and checks that
    /// the element shows where the focus is. Fails after 60 presses.
    pub async fn tab_to(&self, css: &str) {
        self.move_focus_to(css, TAB).await;
    }

    /// Moves with the arrow keys (inside a radio group or a drop-down) until `css` has focus.
    pub async fn arrow_to(&self, css: &str) {
        self.move_focus_to(css, ARROW_DOWN).await;
    }

    async fn move_focus_to(&self, css: &str, key: char) {
        for _ in 0..60 {
            let (there, ring) = self.focus(css).await;
            if there {
                assert!(ring, "{css} has focus but shows no focus indicator");
                return;
            }
            self.key(key).await;
        }
        panic!("Tab never reached {css} on {}", self.url().await);
    }

    pub async fn url(&self) -> String {
        self.client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default()
    }

    /// An attribute of the document element, e.g. `lang` or `class`.
    pub async fn html_attr(&self, name: &str) -> Option<String> {
        self.client
            .find(Locator::Css("html"))
            .await
            .expect("html")
            .attr(name)
            .await
            .expect("attr")
    }
}

/// The strings of a JSON array a page script returned.
fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Kill chromedriver and every Chromium process it started: they share its process group.
        let pgid = self.driver.id() as i32;
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
        let _ = self.driver.wait();
    }
}

/// Declares a browser test that runs twice: once with JavaScript on, once with it off.
#[macro_export]
macro_rules! browser_test {
    ($name:ident, |$app:ident, $browser:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn scenario($app: &$crate::TestApp, $browser: &$crate::browser::Browser) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn js_on() {
                let app = $crate::spawn_app().await;
                let browser = $crate::browser::Browser::start($crate::browser::Js::On).await;
                scenario(&app, &browser).await;
                let _ = browser.client.clone().close().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn js_off() {
                let app = $crate::spawn_app().await;
                let browser = $crate::browser::Browser::start($crate::browser::Js::Off).await;
                scenario(&app, &browser).await;
                let _ = browser.client.clone().close().await;
            }
        }
    };
}
