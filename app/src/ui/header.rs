use super::PageContext;
use leptos::prelude::*;

/// The header of every page, as on the bureau's own site: bureau name, 登录, 无障碍,
/// 简体 / 繁體 / English and 返回顶部. Each switch is a plain link that works without JavaScript: the
/// server remembers the choice in a cookie and sends the citizen back to the same page.
#[component]
pub fn Header() -> impl IntoView {
    let page = PageContext::get();
    let back = urlencode(&page.path);
    let a11y_label = if page.prefs.accessible {
        crate::t!("header-accessible-off")
    } else {
        crate::t!("header-accessible-on")
    };
    let a11y_href = format!(
        "/prefs?a11y={}&back={back}",
        if page.prefs.accessible { "off" } else { "on" }
    );
    let switches = page.prefs.lang.others().map(|lang| {
        let href = format!("/prefs?lang={}&back={back}", lang.code());
        // Each language's own name, never translated, in its own language for screen readers.
        view! {
            <li>
                <a href=href lang=lang.tag() hreflang=lang.tag() translate="no">
                    {lang.own_name()}
                </a>
            </li>
        }
    });
    view! {
        <header class="site-header" id="top">
            <div class="wrap header-row">
                <a class="brand" href="/">
                    <span class="brand-name">{crate::ui::i18n::name(&page.bureau_name)}</span>
                    <span class="brand-sub">{crate::t!("header-service")}</span>
                </a>
                <nav class="tools" aria-label=crate::t!("header-tools")>
                    <ul>
                        <li>
                            <a href="/staff/login">{crate::t!("header-sign-in")}</a>
                        </li>
                        <li>
                            <a href=a11y_href>{a11y_label}</a>
                        </li>
                        {switches}
                    </ul>
                </nav>
            </div>
            <a class="to-top" href="#top">
                {crate::t!("back-to-top")}
            </a>
        </header>
    }
}

/// Percent-encodes a path for use as a query value.
fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn urlencode_keeps_paths_readable_and_escapes_the_rest() {
        assert_eq!(super::urlencode("/a/b-c"), "/a/b-c");
        assert_eq!(super::urlencode("/x?y=1&z"), "/x%3Fy%3D1%26z");
        assert_eq!(super::urlencode("/查"), "/%E6%9F%A5");
    }
}
