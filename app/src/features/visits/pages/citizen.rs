//! The citizen's pages, all plain links and forms (JS off alike): the sessions and their slots
//! (`/visits`), the booking form (`/visits/book`), its receipt (`/visits/booked`) and
//! cancelling (`/visits/cancel`). Each is rendered by a handler of `http` with what it found.

use crate::domain::message::Msg;
use crate::domain::msg;
use crate::features::visits::view::{BookingView, SessionView, SlotView};
use crate::ui::PageTitle;
use crate::ui::form::{ErrorSummary, FieldError, TextArea, TextField, error_for, form_title};
use crate::ui::i18n::text;
use leptos::prelude::*;

/// `/visits`: what is published.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VisitsList {
    pub sessions: Vec<SessionView>,
    pub closes_hours: u32,
    /// The sessions could not be read.
    pub unavailable: bool,
}

/// The heading of a session: its day, and its leader for a 领导接访日.
pub fn session_heading(s: &SessionView) -> String {
    match (s.kind(), &s.leader, &s.office) {
        (crate::domain::reception::SessionKind::Leader, Some(leader), Some(office)) => text(&msg!(
            "visits-session-leader",
            day = s.day,
            leader = leader.clone(),
            office = office.clone()
        )),
        _ => text(&msg!("visits-session-ordinary", day = s.day)),
    }
}

fn slot_line(session: &SessionView, slot: &SlotView) -> AnyView {
    let label = slot.label();
    match slot.state.as_str() {
        "open" => {
            let href = format!("/visits/book?session={}&slot={}", session.id, slot.id);
            view! {
                <li>
                    {crate::t!("visits-slot-open", slot = label.clone(), left = slot.left)} " "
                    <a href=href class="button secondary">
                        {crate::t!("visits-slot-book", slot = label)}
                    </a>
                </li>
            }
            .into_any()
        }
        "full" => {
            view! { <li class="full">{crate::t!("visits-slot-full", slot = label)}</li> }.into_any()
        }
        _ => view! { <li class="booking-closed">{crate::t!("visits-slot-closed", slot = label)}</li> }
            .into_any(),
    }
}

/// The sessions as a list of sections, for `/visits` and the home page.
#[component]
pub fn SessionList(
    sessions: Vec<SessionView>,
    #[prop(default = true)] links: bool,
    /// The heading level of each session (2 on its own page, 3 inside the home page's section).
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    sessions
        .into_iter()
        .map(|s| {
            let heading = session_heading(&s);
            let place = crate::t!("visits-place", place = s.place.clone());
            let slots = if links {
                s.slots
                    .iter()
                    .map(|slot| slot_line(&s, slot))
                    .collect_view()
                    .into_any()
            } else {
                s.slots
                    .iter()
                    .map(|slot| view! { <li>{slot.label()}</li> })
                    .collect_view()
                    .into_any()
            };
            let id = format!("session-{}", s.id);
            let heading = if level == 3 {
                view! { <h3 id=id.clone()>{heading}</h3> }.into_any()
            } else {
                view! { <h2 id=id.clone()>{heading}</h2> }.into_any()
            };
            view! {
                <section class="session" aria-labelledby=id>
                    {heading}
                    <p>{place}</p>
                    <ul class="slots">{slots}</ul>
                </section>
            }
        })
        .collect_view()
}

#[component]
pub fn VisitsPage() -> impl IntoView {
    let list = use_context::<VisitsList>().unwrap_or_default();
    let body = if list.unavailable {
        view! { <p class="notice">{crate::t!("visits-unavailable")}</p> }.into_any()
    } else if list.sessions.is_empty() {
        view! { <p class="notice">{crate::t!("visits-none")}</p> }.into_any()
    } else {
        view! { <SessionList sessions=list.sessions.clone() /> }.into_any()
    };
    view! {
        <PageTitle text=crate::t!("visits-title") />
        <div class="wrap narrow">
            <h1>{crate::t!("visits-title")}</h1>
            <p>{crate::t!("visits-intro")}</p>
            <p>
                {crate::t!("visits-closes", hours = list.closes_hours)} " "
                {crate::t!("visits-bring")}
            </p>
            {body}
            <p>
                <a href="/visits/cancel">{crate::t!("visits-cancel-link")}</a>
            </p>
        </div>
    }
}

/// `/visits/book`: the form, with what was typed and its problems, or why the slot cannot be
/// booked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BookForm {
    pub place: Option<(SessionView, SlotView)>,
    pub name: String,
    pub mobile: String,
    pub summary: String,
    pub errors: Vec<FieldError>,
    pub once: String,
    /// Why the slot cannot be booked (full, closed, unknown).
    pub refusal: Option<Msg>,
}

#[component]
pub fn BookPage() -> impl IntoView {
    let form = use_context::<BookForm>().unwrap_or_default();
    let errors = form.errors.clone();
    let title = form_title(&crate::t!("visits-book-title"), &errors);
    let Some((session, slot)) = form.place.clone().filter(|_| form.refusal.is_none()) else {
        let why = form
            .refusal
            .clone()
            .unwrap_or_else(|| msg!("booking-slot-unknown"));
        return view! {
            <PageTitle text=crate::t!("visits-slot-gone") />
            <div class="wrap narrow">
                <h1>{crate::t!("visits-slot-gone")}</h1>
                <p class="notice" role="alert" id="booking-refused">
                    {text(&why)}
                </p>
                <p>
                    <a href="/visits">{crate::t!("visits-back")}</a>
                </p>
            </div>
        }
        .into_any();
    };
    let heading = session_heading(&session);
    view! {
        <PageTitle text=title />
        <div class="wrap narrow">
            <nav aria-label=crate::t!("visits-back")>
                <a href="/visits">{crate::t!("visits-back")}</a>
            </nav>
            <ErrorSummary errors=errors.clone() />
            <h1>{crate::t!("visits-book-title")}</h1>
            <p id="booking-for">
                {crate::t!("visits-book-for", session = heading, slot = slot.label())} " "
                {crate::t!("visits-place", place = session.place.clone())}
            </p>
            <form method="post" action="/visits/book" novalidate>
                <input type="hidden" name="session" value=session.id.to_string() />
                <input type="hidden" name="slot" value=slot.id.to_string() />
                <input type="hidden" name="once" value=form.once.clone() />
                <TextField
                    id="name"
                    label=crate::t!("visits-name-label")
                    hint=Some(crate::t!("visits-name-hint"))
                    autocomplete=Some("name")
                    value=form.name.clone()
                    error=error_for(&errors, "name")
                />
                <TextField
                    id="mobile"
                    label=crate::t!("visits-mobile-label")
                    hint=Some(crate::t!("visits-mobile-hint"))
                    kind="tel"
                    autocomplete=Some("tel")
                    inputmode=Some("numeric")
                    value=form.mobile.clone()
                    error=error_for(&errors, "mobile")
                />
                <TextArea
                    id="summary"
                    label=crate::t!("visits-summary-label")
                    hint=Some(crate::t!("visits-summary-hint"))
                    rows=3
                    value=form.summary.clone()
                    error=error_for(&errors, "summary")
                />
                <button type="submit" class="button">
                    {crate::t!("visits-submit")}
                </button>
            </form>
        </div>
    }
    .into_any()
}

/// `/visits/booked`: the booking this browser made last, with its code while it may be shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BookedView {
    pub booking: Option<BookingView>,
    pub code: Option<String>,
    pub again: bool,
}

fn booking_facts(b: &BookingView) -> impl IntoView + use<> {
    let when = format!(
        "{} {}",
        crate::ui::i18n::date(b.session.day),
        b.slot.label()
    );
    let lang = crate::ui::form::typed_lang(&b.summary);
    view! {
        <dl class="facts">
            <dt>{crate::t!("visits-booked-when")}</dt>
            <dd>{when}</dd>
            <dt>{crate::t!("visits-booked-place")}</dt>
            <dd>{crate::ui::i18n::name(&b.session.place)}</dd>
            <dt>{crate::t!("visits-booked-name")}</dt>
            <dd translate="no" lang=crate::ui::form::typed_lang(&b.name)>{b.name.clone()}</dd>
            <dt>{crate::t!("visits-booked-mobile")}</dt>
            <dd>{b.mobile.clone()}</dd>
            <dt>{crate::t!("visits-booked-matter")}</dt>
            <dd translate="no" lang=lang>{b.summary.clone()}</dd>
            <dt>{crate::t!("visits-booked-status")}</dt>
            <dd id="booking-status">{text(&b.status.label())}</dd>
        </dl>
    }
}

#[component]
pub fn BookedPage() -> impl IntoView {
    let view = use_context::<BookedView>().unwrap_or_default();
    let Some(b) = view.booking.clone() else {
        return view! {
            <PageTitle text=crate::t!("visits-booked-title") />
            <div class="wrap narrow">
                <h1>{crate::t!("visits-booked-title")}</h1>
                <p class="notice">{crate::t!("visits-booked-none")}</p>
                <p>
                    <a href="/visits">{crate::t!("visits-back")}</a>
                </p>
            </div>
        }
        .into_any();
    };
    let code = view.code.clone();
    view! {
        <PageTitle text=crate::t!("visits-booked-title") />
        <div class="wrap narrow receipt">
            {view
                .again
                .then(|| view! { <p class="notice" id="booked-before">{crate::t!("visits-booked-again")}</p> })}
            <div class="panel" role="status">
                <h1>{crate::t!("visits-booked-title")}</h1>
                <p class="panel-number">
                    {crate::t!("visits-booked-number")} <br />
                    <strong id="booking-number">{b.number.clone()}</strong>
                </p>
                {code
                    .clone()
                    .map(|code| {
                        view! {
                            <p class="panel-number">
                                {crate::t!("visits-booked-code")} <br />
                                <strong id="booking-code">{code}</strong>
                            </p>
                        }
                    })}
            </div>
            {if code.is_some() {
                view! {
                    <p class="warning">
                        <strong>{crate::t!("visits-booked-code-note")}</strong>
                    </p>
                }
                    .into_any()
            } else {
                view! { <p class="warning" id="booking-code-gone">{crate::t!("visits-booked-code-gone")}</p> }
                    .into_any()
            }}
            <crate::ui::PrintButton />
            {booking_facts(&b)}
            <p>{crate::t!("visits-bring")}</p>
            <p class="no-print">
                <a href="/visits/cancel">{crate::t!("visits-cancel-link")}</a>
                " · "
                <a href="/visits">{crate::t!("visits-back")}</a>
            </p>
        </div>
    }
    .into_any()
}

/// `/visits/cancel`: the form, or the booking cancelled.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CancelForm {
    pub number: String,
    pub errors: Vec<FieldError>,
    pub cancelled: Option<BookingView>,
}

#[component]
pub fn CancelPage() -> impl IntoView {
    let form = use_context::<CancelForm>().unwrap_or_default();
    let errors = form.errors.clone();
    let title = form_title(&crate::t!("visits-cancel-title"), &errors);
    let done = form.cancelled.clone().map(|b| {
        let when = format!(
            "{} {}",
            crate::ui::i18n::date(b.session.day),
            b.slot.label()
        );
        view! {
            <p class="notice" role="status" id="booking-cancelled">
                {crate::t!("visits-cancelled", number = b.number.clone(), when = when)}
            </p>
        }
    });
    view! {
        <PageTitle text=title />
        <div class="wrap narrow">
            <ErrorSummary errors=errors.clone() />
            {done}
            <h1>{crate::t!("visits-cancel-title")}</h1>
            <p>{crate::t!("visits-cancel-intro")}</p>
            <form method="post" action="/visits/cancel" novalidate>
                <TextField
                    id="number"
                    label=crate::t!("visits-number-label")
                    hint=Some(crate::t!("visits-number-hint"))
                    autocomplete=Some("off")
                    value=form.number.clone()
                    error=error_for(&errors, "number")
                />
                <TextField
                    id="code"
                    label=crate::t!("visits-code-label")
                    hint=Some(crate::t!("visits-code-hint"))
                    autocomplete=Some("off")
                    error=error_for(&errors, "code")
                />
                <button type="submit" class="button">
                    {crate::t!("visits-cancel-submit")}
                </button>
            </form>
            <p>
                <a href="/visits">{crate::t!("visits-back")}</a>
            </p>
        </div>
    }
}
