//! The check-your-answers list of a form asked one question per page (the petition and the
//! legal-aid application): each answer with its label, any problem with it, and a 修改 button
//! that goes back to the page that asked it.

use crate::ui::form::typed_lang;
use leptos::prelude::*;

/// One answer on a check page.
#[derive(Clone, Debug)]
pub struct Answer {
    /// The row's `id` (a problem's link lands on it), if it has one.
    pub id: Option<&'static str>,
    pub label: String,
    pub value: String,
    /// The `action` of its 修改 button (`goto:PAGE`).
    pub change: String,
    /// Typed by the citizen: shown as typed in every language (`translate="no"`, its script).
    pub typed: bool,
    /// What is wrong with it, if anything.
    pub error: Option<String>,
}

/// The answers as a description list; its buttons belong to the form around it.
#[component]
pub fn Answers(#[prop(into)] id: Option<&'static str>, answers: Vec<Answer>) -> impl IntoView {
    view! {
        <dl class="answers" id=id>
            {answers
                .into_iter()
                .map(|a| {
                    let lang = a.typed.then(|| typed_lang(&a.value)).flatten();
                    view! {
                        <div class="answer" id=a.id>
                            <dt>{a.label.clone()}</dt>
                            <dd class="answer-value">
                                {a
                                    .error
                                    .map(|m| {
                                        view! {
                                            <p class="field-message">
                                                <span class="visually-hidden">
                                                    {crate::t!("form-error-prefix")}
                                                </span>
                                                {m}
                                            </p>
                                        }
                                    })}
                                <span translate=a.typed.then_some("no") lang=lang>
                                    {a.value}
                                </span>
                            </dd>
                            <dd class="answer-change">
                                <button
                                    type="submit"
                                    class="link-button"
                                    name="action"
                                    value=a.change
                                >
                                    {crate::t!("form-change")}
                                    <span class="visually-hidden">{a.label}</span>
                                </button>
                            </dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
