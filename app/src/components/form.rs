//! Form widgets in the GOV.UK pattern: an error summary at the top that links to each field, and
//! fields whose label, error message and input are tied together for screen readers.

use leptos::prelude::*;

/// One problem with one field: the field's element id and the message to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// The summary shown above a form that failed. It takes focus on load (`autofocus`), so a screen
/// reader announces it straight after a failed submit, with or without JavaScript.
#[component]
pub fn ErrorSummary(errors: Vec<FieldError>) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <div
                class="error-summary"
                role="alert"
                aria-labelledby="error-summary-title"
                tabindex="-1"
                autofocus
            >
                <h2 id="error-summary-title">"出现问题"</h2>
                <ul>
                    {errors
                        .into_iter()
                        .map(|e| {
                            let href = format!("#{}", e.field);
                            view! {
                                <li>
                                    <a href=href>{e.message}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// A labelled text input that keeps what was typed and shows its error next to it.
#[component]
pub fn TextField(
    /// Element id and form field name.
    id: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional_no_strip)] autocomplete: Option<&'static str>,
    #[prop(optional)] value: String,
    #[prop(optional_no_strip)] error: Option<String>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described_by = error.is_some().then(|| error_id.clone());
    let invalid = error.is_some().then_some("true");
    let class = if error.is_some() {
        "field field-error"
    } else {
        "field"
    };
    view! {
        <div class=class>
            <label for=id>{label}</label>
            {error
                .map(|message| {
                    view! {
                        <p class="field-message" id=error_id>
                            <span class="visually-hidden">"错误："</span>
                            {message}
                        </p>
                    }
                })}
            <input
                id=id
                name=id
                type=kind
                value=value
                autocomplete=autocomplete
                aria-invalid=invalid
                aria-describedby=described_by
            />
        </div>
    }
}

/// A form page's title: prefixed with 出现问题 after a failed submit, so that the browser tab and
/// screen readers say at once that something needs fixing.
pub fn form_title(title: &str, errors: &[FieldError]) -> String {
    if errors.is_empty() {
        title.to_owned()
    } else {
        format!("出现问题：{title}")
    }
}

/// The errors that belong to `field`, joined for display next to it.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    let messages: Vec<_> = errors
        .iter()
        .filter(|e| e.field == field)
        .map(|e| e.message.as_str())
        .collect();
    (!messages.is_empty()).then(|| messages.join("；"))
}

/// A wait in plain words: `30 秒`, `2 分钟`.
pub fn human_wait(seconds: u64) -> String {
    if seconds < 60 {
        format!("{seconds} 秒")
    } else {
        format!("{} 分钟", seconds.div_ceil(60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_are_said_in_plain_words() {
        assert_eq!(human_wait(30), "30 秒");
        assert_eq!(human_wait(61), "2 分钟");
    }

    #[test]
    fn errors_are_gathered_per_field() {
        let errors = vec![
            FieldError {
                field: "a",
                message: "一".into(),
            },
            FieldError {
                field: "b",
                message: "二".into(),
            },
            FieldError {
                field: "a",
                message: "三".into(),
            },
        ];
        assert_eq!(error_for(&errors, "a").as_deref(), Some("一；三"));
        assert_eq!(error_for(&errors, "c"), None);
    }
}
