use super::PageContext;
use leptos::prelude::*;

/// A form in progress on the page being rendered: the header's switches become buttons of that
/// form, so that pressing one carries the answers along (`kernel::i18n::switch`). Provided by
/// the handlers that answer a form post with the form again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeepsAnswers {
    /// The form's `id`.
    pub form: &'static str,
    /// The `action` that Enter in a text field must send. The header's buttons come before the
    /// form in the document, and a form's default button is its first submit button in document
    /// order: a hidden one with this action goes first, so that Enter never switches language.
    pub enter: &'static str,
}

/// The header of every page, as on the bureau's own site: bureau name, 登录, 无障碍 and
/// 简体 / 繁體 / English. Each switch is a plain link that works without JavaScript: the server
/// remembers the choice in a cookie and sends the citizen back to the same page. On a page with a
/// form in progress ([`KeepsAnswers`]) each is a button of that form instead. The workbench
/// (`/staff`) speaks Simplified only: there the header offers no language and leads to the
/// workbench rather than to 登录.
#[component]
pub fn Header() -> impl IntoView {
    let page = PageContext::get();
    let back = urlencode(&page.path);
    let keeps = use_context::<KeepsAnswers>();
    let form = keeps.map(|k| k.form);
    let staff = page.path == "/staff" || page.path.starts_with("/staff/");
    let a11y_label = if page.prefs.accessible {
        crate::t!("header-accessible-off")
    } else {
        crate::t!("header-accessible-on")
    };
    let a11y_choice = if page.prefs.accessible { "off" } else { "on" };
    let a11y = switch(form, ("a11y", a11y_choice), &back, a11y_label, None);
    let switches = (!staff).then(|| {
        page.prefs
            .lang
            .others()
            .map(|lang| {
                // Each language's own name, never translated, in its own language for screen
                // readers.
                let own = lang.own_name().to_owned();
                view! { <li>{switch(form, ("lang", lang.code()), &back, own, Some(lang.tag()))}</li> }
            })
            .collect_view()
    });
    let sign_in = if staff {
        view! { <a href="/staff">{crate::t!("header-workbench")}</a> }.into_any()
    } else {
        view! { <a href="/staff/login">{crate::t!("header-sign-in")}</a> }.into_any()
    };
    view! {
        <header class="site-header" id="top">
            {keeps
                .map(|k| {
                    view! {
                        <button type="submit" form=k.form name="action" value=k.enter hidden tabindex="-1"></button>
                    }
                })}
            <div class="wrap header-row">
                <a class="brand" href="/">
                    <span class="brand-name">{crate::ui::i18n::name(&page.bureau_name)}</span>
                    <span class="brand-sub">{crate::t!("header-service")}</span>
                </a>
                <nav class="tools" aria-label=crate::t!("header-tools")>
                    <ul>
                        <li>{sign_in}</li>
                        <li>{a11y}</li>
                        {switches}
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// One switch of the header, `(setting, choice)`: a button of the form in progress, or else a
/// link to `/prefs` that comes back to `back`. A language's name carries its `lang` and is never
/// translated.
fn switch(
    form: Option<&'static str>,
    (setting, choice): (&str, &str),
    back: &str,
    label: String,
    lang: Option<&'static str>,
) -> AnyView {
    let translate = lang.map(|_| "no");
    match form {
        Some(form) => view! {
            <button
                type="submit"
                form=form
                name="switch"
                value=format!("{setting}:{choice}")
                formnovalidate
                lang=lang
                translate=translate
            >
                {label}
            </button>
        }
        .into_any(),
        None => {
            let href = format!("/prefs?{setting}={choice}&back={back}");
            view! {
                <a href=href lang=lang hreflang=lang translate=translate>
                    {label}
                </a>
            }
            .into_any()
        }
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
