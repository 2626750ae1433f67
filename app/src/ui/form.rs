//! Form widgets in the GOV.UK pattern: an error summary at the top that links to each field, and
//! fields whose label, error message and input are tied together for screen readers.

use leptos::prelude::*;

/// One problem with one field: the field's element id and the message to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: crate::domain::message::Msg,
}

impl From<crate::domain::text::FieldProblem> for FieldError {
    fn from(p: crate::domain::text::FieldProblem) -> Self {
        Self {
            field: p.field,
            message: p.message,
        }
    }
}

/// The `lang` of something a person typed (shown with `translate="no"`): Chinese when it has
/// Chinese characters, so that on an English page a screen reader reads it with a Chinese voice.
pub fn typed_lang(text: &str) -> Option<&'static str> {
    crate::kernel::i18n::has_han(text).then_some("zh")
}

/// A step's heading (`h1`). It takes the focus when the page opens (`autofocus`; `tabindex=-1`
/// makes a heading focusable without putting it in the Tab order), so that after moving between
/// steps a screen reader starts at the new question and the next Tab reaches its first field. An
/// error summary above it takes the focus instead: the first `autofocus` of a page wins.
#[component]
pub fn StepHeading(
    children: Children,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    view! {
        <h1 id=id tabindex="-1" autofocus>
            {children()}
        </h1>
    }
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
                <h2 id="error-summary-title">{crate::t!("form-problem")}</h2>
                <ul>
                    {errors
                        .into_iter()
                        .map(|e| {
                            let href = format!("#{}", e.field);
                            view! {
                                <li>
                                    <a href=href>{crate::ui::i18n::text(&e.message)}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// The id of the element that carries `field`'s error message.
fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// The error message next to a field (or none).
#[component]
fn FieldMessage(id: &'static str, error: Option<String>) -> impl IntoView {
    error.map(|message| {
        view! {
            <p class="field-message" id=error_id(id)>
                <span class="visually-hidden">{crate::t!("form-error-prefix")}</span>
                {message}
            </p>
        }
    })
}

fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(error_id(id));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn field_class(error: &Option<String>) -> &'static str {
    if error.is_some() {
        "field field-error"
    } else {
        "field"
    }
}

/// What a control needs to point at its hint and error: (`aria-describedby`, `aria-invalid`).
fn aria(
    id: &str,
    hint: Option<&str>,
    error: &Option<String>,
) -> (Option<String>, Option<&'static str>) {
    (
        described_by(id, hint.is_some(), error.is_some()),
        error.is_some().then_some("true"),
    )
}

/// The label, hint and error message around one control.
#[component]
fn FieldFrame(
    id: &'static str,
    label: String,
    hint: Option<String>,
    error: Option<String>,
    children: Children,
) -> impl IntoView {
    let class = field_class(&error);
    view! {
        <div class=class>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
            <FieldMessage id error />
            {children()}
        </div>
    }
}

/// A labelled text input that keeps what was typed and shows its error next to it.
#[component]
pub fn TextField(
    /// Element id and form field name.
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional_no_strip)] autocomplete: Option<&'static str>,
    #[prop(optional_no_strip)] hint: Option<String>,
    #[prop(optional_no_strip)] inputmode: Option<&'static str>,
    #[prop(optional)] value: String,
    #[prop(optional_no_strip)] error: Option<String>,
) -> impl IntoView {
    let (described, invalid) = aria(id, hint.as_deref(), &error);
    view! {
        <FieldFrame id label hint error>
            <input
                id=id
                name=id
                type=kind
                value=value
                autocomplete=autocomplete
                inputmode=inputmode
                aria-invalid=invalid
                aria-describedby=described
            />
        </FieldFrame>
    }
}

/// Text for a place Leptos 0.8 writes verbatim: the inside of a `<textarea>` (treated as raw text
/// like `<script>`; leptos-rs/leptos#4819 reverted the fix) and leptos_meta's `<title>`. Without
/// this a typed `</textarea><script>…` would close the box, and a guide titled `</title><meta …>`
/// would inject markup into every reader's page. The browser decodes the entities back.
pub fn textarea_text(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A labelled multi-line text box.
#[component]
pub fn TextArea(
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(optional_no_strip)] hint: Option<String>,
    #[prop(default = 5)] rows: u32,
    #[prop(optional)] value: String,
    #[prop(optional_no_strip)] error: Option<String>,
) -> impl IntoView {
    let (described, invalid) = aria(id, hint.as_deref(), &error);
    view! {
        <FieldFrame id label hint error>
            <textarea id=id name=id rows=rows aria-invalid=invalid aria-describedby=described>
                {textarea_text(&value)}
            </textarea>
        </FieldFrame>
    }
}

/// A labelled drop-down list; the first option, with an empty value, is `placeholder`.
#[component]
pub fn SelectField(
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(optional_no_strip)] hint: Option<String>,
    #[prop(into)] placeholder: String,
    /// (value, text) pairs.
    options: Vec<(String, String)>,
    #[prop(optional)] value: String,
    #[prop(optional_no_strip)] error: Option<String>,
) -> impl IntoView {
    let (described, invalid) = aria(id, hint.as_deref(), &error);
    view! {
        <FieldFrame id label hint error>
            <select id=id name=id aria-invalid=invalid aria-describedby=described>
                <option value="">{placeholder}</option>
                {options
                    .into_iter()
                    .map(|(v, text)| {
                        let selected = v == value;
                        view! {
                            <option value=v selected=selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </FieldFrame>
    }
}

/// One choice of a [`Radios`] group.
#[derive(Clone, Debug)]
pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub hint: Option<String>,
}

impl Choice {
    /// A choice without a hint.
    pub fn plain(value: &'static str, label: impl Into<String>) -> Self {
        Self {
            value,
            label: label.into(),
            hint: None,
        }
    }
}

/// A question answered by one of several choices: a fieldset whose legend is the page's heading.
/// The first radio button has the field's id, so the error summary's link lands on it.
#[component]
pub fn Radios(
    name: &'static str,
    legend: String,
    #[prop(optional_no_strip)] hint: Option<String>,
    choices: Vec<Choice>,
    #[prop(optional)] value: String,
    #[prop(optional_no_strip)] error: Option<String>,
    /// The legend is the page's heading (`h1`) unless the question is one of several on a page.
    #[prop(optional)]
    not_the_heading: bool,
) -> impl IntoView {
    let described = described_by(name, hint.is_some(), error.is_some());
    let class = field_class(&error);
    view! {
        <fieldset class=class id=format!("{name}-group") aria-describedby=described>
            <legend>
                {if not_the_heading {
                    view! { <span class="legend">{legend}</span> }.into_any()
                } else {
                    view! { <StepHeading>{legend}</StepHeading> }.into_any()
                }}
            </legend>
            {hint.map(|h| view! { <p class="hint" id=format!("{name}-hint")>{h}</p> })}
            <FieldMessage id=name error />
            <div class="radios">
                {choices
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let id = if i == 0 { name.to_owned() } else { format!("{name}-{}", c.value) };
                        let hint_id = format!("{id}-hint");
                        let checked = c.value == value;
                        let has_hint = c.hint.is_some();
                        view! {
                            <div class="radio">
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name=name
                                    value=c.value
                                    checked=checked
                                    aria-describedby=has_hint.then(|| hint_id.clone())
                                />
                                <label for=id>{c.label}</label>
                                {c.hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// Answers given on other pages, carried along in the form.
#[component]
pub fn HiddenFields(fields: Vec<(&'static str, String)>) -> impl IntoView {
    fields
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
        .collect_view()
}

/// A form page's title: prefixed with 出现问题 after a failed submit, so that the browser tab and
/// screen readers say at once that something needs fixing.
pub fn form_title(title: &str, errors: &[FieldError]) -> String {
    if errors.is_empty() {
        title.to_owned()
    } else {
        crate::t!("form-problem-title", title = title)
    }
}

/// The errors that belong to `field`, joined for display next to it.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    let messages: Vec<_> = errors
        .iter()
        .filter(|e| e.field == field)
        .map(|e| crate::ui::i18n::text(&e.message))
        .collect();
    (!messages.is_empty()).then(|| messages.join(&crate::t!("form-error-separator")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textarea_text_cannot_close_the_box() {
        assert_eq!(
            textarea_text("</textarea><script>x</script> & 1 < 2"),
            "&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt; &amp; 1 &lt; 2"
        );
        assert_eq!(textarea_text("普通文字"), "普通文字");
    }

    #[test]
    fn errors_are_gathered_per_field() {
        let errors = vec![
            FieldError {
                field: "a".into(),
                message: crate::domain::message::Msg::verbatim("一"),
            },
            FieldError {
                field: "b".into(),
                message: crate::domain::message::Msg::verbatim("二"),
            },
            FieldError {
                field: "a".into(),
                message: crate::domain::message::Msg::verbatim("三"),
            },
        ];
        assert_eq!(error_for(&errors, "a").as_deref(), Some("一；三"));
        assert_eq!(error_for(&errors, "c"), None);
    }
}
