//! The one island of the petition journey. With JavaScript on it
//! - keeps the answers so far in `localStorage` (never on the server), so that a reload or a
//!   crash of the browser brings the citizen back to the same page with everything typed;
//! - checks each field as it is typed, with the same rules the server applies;
//! - stops a page with mistakes from being sent, and summarises them at the top;
//! - forgets the answers once the petition is submitted.
//!
//! Without JavaScript none of this runs and the forms work as they are.

use leptos::prelude::*;

/// The error summary's heading, the prefix of a page title with mistakes, and the hidden prefix of
/// each field message, as the server's pages write them.
pub const PROBLEM: &str = "出现问题";
pub const PROBLEM_TITLE: &str = "出现问题：{}";
pub const ERROR_PREFIX: &str = "错误：";

/// `mode` is `start` (offer to resume), `step` (a question page), `resume` (send the kept
/// answers back) or `clear` (after submitting); `step` is the page's step code.
#[island]
pub fn DraftKeeper(mode: String, step: String) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| browser::run(&mode, &step));
    #[cfg(not(feature = "hydrate"))]
    let _ = (mode, step);
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::features::petition::journey::check_field;
    use chrono::NaiveDate;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{Document, Element, Event, FormData, HtmlElement, HtmlFormElement, Storage};

    const KEY: &str = "portal.petition.draft";
    /// Where a reload lands: the server asks the browser for the kept answers.
    const RESUME_PATH: &str = "/petition/resume";
    // Separators that no answer can contain (the rules refuse control characters).
    const FIELD_SEP: char = '\u{1e}';
    const VALUE_SEP: char = '\u{1f}';

    type Pairs = Vec<(String, String)>;

    fn document() -> Option<Document> {
        web_sys::window()?.document()
    }

    fn storage() -> Option<Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    fn load() -> Pairs {
        storage()
            .and_then(|s| s.get_item(KEY).ok()?)
            .map(|text| {
                text.split(FIELD_SEP)
                    .filter_map(|f| f.split_once(VALUE_SEP))
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn save(pairs: &Pairs) {
        let text: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}{VALUE_SEP}{v}"))
            .collect();
        if let Some(s) = storage() {
            // A full or disabled storage only loses the reload convenience.
            let _ = s.set_item(KEY, &text.join(&FIELD_SEP.to_string()));
        }
    }

    fn today() -> NaiveDate {
        let d = js_sys::Date::new_0();
        NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
            .unwrap_or_default()
    }

    fn form() -> Option<HtmlFormElement> {
        document()?
            .get_element_by_id("journey")?
            .dyn_into::<HtmlFormElement>()
            .ok()
    }

    /// The form's answers (not its buttons or files) and the page they are on.
    fn form_pairs(form: &HtmlFormElement, step: &str) -> Pairs {
        let mut pairs = Pairs::new();
        if let Ok(data) = FormData::new_with_form(form)
            && let Ok(Some(entries)) = js_sys::try_iter(&data)
        {
            for entry in entries.flatten() {
                let entry: js_sys::Array = entry.unchecked_into();
                if let (Some(k), Some(v)) = (entry.get(0).as_string(), entry.get(1).as_string())
                    && k != "action"
                    && k != "step"
                {
                    pairs.push((k, v));
                }
            }
        }
        pairs.push(("step".to_owned(), step.to_owned()));
        pairs
    }

    fn prop(el: &Element, name: &str) -> Option<String> {
        js_sys::Reflect::get(el, &name.into()).ok()?.as_string()
    }

    pub fn run(mode: &str, step: &str) {
        match mode {
            "clear" => {
                if let Some(s) = storage() {
                    let _ = s.remove_item(KEY);
                }
            }
            "start" => {
                if !load().is_empty()
                    && let Some(offer) =
                        document().and_then(|d| d.get_element_by_id("resume-offer"))
                {
                    let _ = offer.remove_attribute("hidden");
                }
            }
            "resume" => resume(),
            _ => keep(step),
        }
    }

    /// Sends the kept answers back so the server shows the page they were on.
    fn resume() {
        let (Some(doc), Some(form)) = (document(), form()) else {
            return;
        };
        let pairs = load();
        let Some(at) = pairs
            .iter()
            .find(|(k, _)| k == "step")
            .map(|(_, v)| v.clone())
        else {
            if let Some(status) = doc.get_element_by_id("resume-status") {
                status
                    .set_text_content(Some("这台设备上没有保存未完成的信访事项，请从头开始填写。"));
            }
            return;
        };
        for (k, v) in pairs.iter().filter(|(k, _)| k != "step") {
            append_hidden(&doc, &form, k, v);
        }
        append_hidden(&doc, &form, "action", &format!("goto:{at}"));
        let _ = form.submit();
    }

    fn append_hidden(doc: &Document, form: &HtmlFormElement, name: &str, value: &str) {
        if let Ok(input) = doc.create_element("input") {
            let _ = input.set_attribute("type", "hidden");
            let _ = input.set_attribute("name", name);
            let _ = input.set_attribute("value", value);
            let _ = form.append_child(&input);
        }
    }

    /// A question page: remember it, watch the fields, check before sending.
    fn keep(step: &str) {
        let Some(form) = form() else {
            return;
        };
        save(&form_pairs(&form, step));
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(RESUME_PATH));
        }
        let listen = |event: &str, handler: Box<dyn FnMut(Event)>| {
            let closure = Closure::wrap(handler);
            let _ = form.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
            closure.forget();
        };
        // Saving: on every keystroke and choice.
        // Checking: a field already marked wrong is re-checked as it is typed, so the message
        // goes as soon as it is right; a field is checked when it is left, except when the
        // citizen leaves it for a button (the page is checked on submit anyway, and a message
        // appearing under the pointer would move the button away from the click).
        for event in ["input", "change", "focusout"] {
            let (form, step) = (form.clone(), step.to_owned());
            listen(
                event,
                Box::new(move |e: Event| {
                    if event != "focusout" {
                        save(&form_pairs(&form, &step));
                    }
                    let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                        return;
                    };
                    let check_now = match event {
                        "input" => el.get_attribute("aria-invalid").as_deref() == Some("true"),
                        "change" => el.tag_name() == "SELECT",
                        _ => e
                            .dyn_ref::<web_sys::FocusEvent>()
                            .and_then(|f| f.related_target())
                            .and_then(|t| t.dyn_into::<Element>().ok())
                            .is_none_or(|t| t.tag_name() != "BUTTON"),
                    };
                    if check_now {
                        show(&el, check(&el));
                    }
                }),
            );
        }
        let form_for_submit = form.clone();
        listen(
            "submit",
            Box::new(move |e: Event| {
                let action = e
                    .dyn_ref::<web_sys::SubmitEvent>()
                    .and_then(|s| s.submitter())
                    .and_then(|b| prop(&b, "value"))
                    .unwrap_or_default();
                if action != "continue" && action != "submit" {
                    return;
                }
                let problems = check_all(&form_for_submit);
                if !problems.is_empty() {
                    e.prevent_default();
                    summarise(&form_for_submit, &problems);
                }
            }),
        );
        // For browser tests: the page is being watched from here on.
        let _ = form.set_attribute("data-keeper", "ready");
    }

    fn check(el: &Element) -> Option<String> {
        let name = prop(el, "name")?;
        let value = prop(el, "value").unwrap_or_default();
        check_field(&name, &value, today()).map(|m| tr(m.as_verbatim().unwrap_or_default()))
    }

    thread_local! {
        static MESSAGES: Vec<(String, String)> = load_messages();
    }

    /// The page's field messages in its language (`i18n::field_messages_json`); none on
    /// Simplified pages, where the rules' own words are shown.
    fn load_messages() -> Vec<(String, String)> {
        let Some(text) = document()
            .and_then(|d| d.get_element_by_id("field-messages"))
            .and_then(|e| e.text_content())
        else {
            return Vec::new();
        };
        let Ok(pairs) = js_sys::JSON::parse(&text) else {
            return Vec::new();
        };
        js_sys::Array::from(&pairs)
            .iter()
            .filter_map(|pair| {
                let pair = js_sys::Array::from(&pair);
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect()
    }

    /// A message in the page's language.
    fn tr(text: &str) -> String {
        MESSAGES.with(|m| {
            if m.is_empty() {
                return text.to_owned();
            }
            crate::kernel::i18n::pattern::translate_with(m, text).unwrap_or_else(|| text.to_owned())
        })
    }

    fn check_all(form: &HtmlFormElement) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        let Ok(fields) = form.query_selector_all(
            "input[id]:not([type=radio]):not([type=checkbox]):not([type=file]), textarea, select",
        ) else {
            return problems;
        };
        for i in 0..fields.length() {
            let Some(el) = fields.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let problem = check(&el);
            if let Some(message) = &problem {
                problems.push((el.id(), message.clone()));
            }
            show(&el, problem);
        }
        problems
    }

    /// Shows or clears the message next to a field, as the server would have rendered it.
    fn show(el: &Element, problem: Option<String>) {
        let (Some(doc), Some(container)) = (document(), el.closest(".field").ok().flatten()) else {
            return;
        };
        let id = el.id();
        if id.is_empty() {
            return;
        }
        let error_id = format!("{id}-error");
        let existing = doc.get_element_by_id(&error_id);
        let mut described: Vec<String> = el
            .get_attribute("aria-describedby")
            .unwrap_or_default()
            .split_whitespace()
            .filter(|d| *d != error_id)
            .map(str::to_owned)
            .collect();
        match problem {
            Some(message) => {
                let p = existing.or_else(|| {
                    let p = doc.create_element("p").ok()?;
                    p.set_id(&error_id);
                    p.set_class_name("field-message");
                    container.insert_before(&p, Some(el)).ok()?;
                    Some(p)
                });
                if let Some(p) = p {
                    p.set_text_content(Some(&message));
                    let _ = p.insert_adjacent_html(
                        "afterbegin",
                        &format!(
                            "<span class=\"visually-hidden\">{}</span>",
                            tr(super::ERROR_PREFIX)
                        ),
                    );
                }
                let _ = container.class_list().add_1("field-error");
                let _ = el.set_attribute("aria-invalid", "true");
                described.push(error_id);
            }
            None => {
                if let Some(p) = existing {
                    p.remove();
                }
                let _ = container.class_list().remove_1("field-error");
                let _ = el.remove_attribute("aria-invalid");
            }
        }
        if described.is_empty() {
            let _ = el.remove_attribute("aria-describedby");
        } else {
            let _ = el.set_attribute("aria-describedby", &described.join(" "));
        }
    }

    /// The error summary above the form, linking to each field, focused so it is announced.
    fn summarise(form: &HtmlFormElement, problems: &[(String, String)]) {
        let Some(doc) = document() else {
            return;
        };
        if let Ok(Some(old)) = doc.query_selector(".error-summary") {
            old.remove();
        }
        let build = || -> Option<Element> {
            let summary = doc.create_element("div").ok()?;
            summary.set_class_name("error-summary");
            summary.set_attribute("role", "alert").ok()?;
            summary.set_attribute("tabindex", "-1").ok()?;
            summary
                .set_attribute("aria-labelledby", "error-summary-title")
                .ok()?;
            let h2 = doc.create_element("h2").ok()?;
            h2.set_id("error-summary-title");
            h2.set_text_content(Some(&tr(super::PROBLEM)));
            summary.append_child(&h2).ok()?;
            let ul = doc.create_element("ul").ok()?;
            for (field, message) in problems {
                let li = doc.create_element("li").ok()?;
                let a = doc.create_element("a").ok()?;
                a.set_attribute("href", &format!("#{field}")).ok()?;
                a.set_text_content(Some(message));
                li.append_child(&a).ok()?;
                ul.append_child(&li).ok()?;
            }
            summary.append_child(&ul).ok()?;
            form.parent_node()?
                .insert_before(&summary, Some(form))
                .ok()?;
            Some(summary)
        };
        if let Some(summary) = build() {
            if let Some(el) = summary.dyn_ref::<HtmlElement>() {
                let _ = el.focus();
            }
            // The title says so once, as the server's would ("出现问题：…" in the page's
            // language): its prefix is the template's text before the placeholder.
            let title = doc.title();
            let probe = tr(&super::PROBLEM_TITLE.replace("{}", "\u{1}"));
            let prefix = probe.split('\u{1}').next().unwrap_or_default();
            if !title.starts_with(prefix) {
                doc.set_title(&tr(&super::PROBLEM_TITLE.replace("{}", &title)));
            }
        }
    }
}
