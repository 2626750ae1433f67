//! The one island of the petition journey. With JavaScript on it
//! - keeps the answers so far in `localStorage` (never on the server), so that a reload or a
//!   crash of the browser brings the citizen back to the same page with everything typed;
//! - checks each field as it is typed, with the same rules the server applies;
//! - stops a page with mistakes from being sent, and summarises them at the top;
//! - forgets the answers once the petition is submitted.
//!
//! Without JavaScript none of this runs and the forms work as they are.

use leptos::prelude::*;

/// The messages of the error summary's heading, of a page title with mistakes, and of the hidden
/// prefix of each field message, as the server's pages say them (`ui::form`).
pub const PROBLEM: &str = "form-problem";
pub const PROBLEM_TITLE: &str = "form-problem-title";
pub const ERROR_PREFIX: &str = "form-error-prefix";
/// What the resume page says when this browser kept nothing.
pub const NOTHING_KEPT: &str = "petition-resume-nothing-kept";

/// The island's messages in `lang`, as the JSON its pages carry (made once per language).
#[cfg(feature = "ssr")]
pub fn messages_json(lang: crate::domain::prefs::Lang) -> &'static str {
    use crate::domain::prefs::Lang;
    use std::sync::LazyLock;
    static JSON: LazyLock<[String; 3]> = LazyLock::new(|| {
        Lang::ALL.map(|lang| {
            crate::kernel::i18n::island::island_messages(
                lang,
                &crate::features::petition::journey::island_message_ids(),
            )
            .to_json()
        })
    });
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &JSON[i]
}

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
    use crate::domain::message::Msg;
    use crate::features::petition::journey::check_field;
    use crate::kernel::i18n::island::IslandMessages;
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
                status.set_text_content(Some(&say(&Msg::new(super::NOTHING_KEPT))));
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
                    if event == "change" && el.get_attribute("type").as_deref() == Some("file") {
                        let message = too_big_in(&el).map(|(_, m)| m);
                        show(&el, message);
                        return;
                    }
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
                // A file over 10 MB is named before it is sent at all (the server would read
                // all of it only to refuse it).
                if action == "upload" {
                    let problems = too_big(&form_for_submit);
                    if !problems.is_empty() {
                        e.prevent_default();
                        summarise(&form_for_submit, &problems);
                    }
                    return;
                }
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
        check_field(&name, &value, today()).map(|m| say(&m))
    }

    thread_local! {
        static MESSAGES: IslandMessages = load_messages();
    }

    /// The page's messages for the island, in its language (`kernel::i18n::island`).
    fn load_messages() -> IslandMessages {
        document()
            .and_then(|d| d.get_element_by_id("island-messages"))
            .and_then(|e| e.text_content())
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .and_then(|json| IslandMessages::read(&json))
            .unwrap_or_default()
    }

    /// A message in the page's language.
    fn say(msg: &Msg) -> String {
        MESSAGES.with(|m| m.render(msg))
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

    /// The file inputs' chosen files over the size limit, as (field, message).
    fn too_big(form: &HtmlFormElement) -> Vec<(String, String)> {
        let Ok(inputs) = form.query_selector_all("input[type=file][id]") else {
            return Vec::new();
        };
        let mut problems = Vec::new();
        for i in 0..inputs.length() {
            let Some(el) = inputs.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let problem = too_big_in(&el);
            show(&el, problem.as_ref().map(|(_, m)| m.clone()));
            problems.extend(problem);
        }
        problems
    }

    /// The first file chosen in `el` (a file input) that is over the size limit, with its
    /// message.
    fn too_big_in(el: &Element) -> Option<(String, String)> {
        let input = el.dyn_ref::<web_sys::HtmlInputElement>()?;
        let files = input.files()?;
        (0..files.length())
            .filter_map(|i| files.get(i))
            .find(|f| f.size() > crate::features::petition::journey::MAX_ATTACHMENT_BYTES as f64)
            .map(|f| {
                let message = say(&crate::domain::msg!("upload-too-big", name = f.name()));
                (el.id(), message)
            })
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
                    if let Ok(prefix) = doc.create_element("span") {
                        prefix.set_class_name("visually-hidden");
                        prefix.set_text_content(Some(&say(&Msg::new(super::ERROR_PREFIX))));
                        let _ = p.insert_before(&prefix, p.first_child().as_ref());
                    }
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
            h2.set_text_content(Some(&say(&Msg::new(super::PROBLEM))));
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
            // language): its prefix is the message's text before the title.
            let title = doc.title();
            let with = |t: &str| say(&Msg::new(super::PROBLEM_TITLE).with("title", t));
            let probe = with("\u{1}");
            let prefix = probe.split('\u{1}').next().unwrap_or_default();
            if !title.starts_with(prefix) {
                doc.set_title(&with(&title));
            }
        }
    }
}
