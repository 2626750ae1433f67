//! What the workbench does alike for every docket — a petition's case (`cases`) and a legal-aid
//! application (`legal_aid`): take an action posted from a record's page (one event, checked in
//! its write transaction), show the page again with the problems and everything typed when it
//! is refused, and hand staff one of the record's files. A docket says only what differs
//! ([`Docket`]).

use crate::ui::form::FieldError;

/// What the server hands a record's page after an action was refused: the record as this staff
/// member sees it, the problems, and what was typed.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionProblem<V> {
    pub view: Box<V>,
    pub errors: Vec<FieldError>,
    pub values: Vec<(String, String)>,
}

#[cfg(feature = "ssr")]
pub use handlers::*;

#[cfg(feature = "ssr")]
mod handlers {
    use super::ActionProblem;
    use crate::domain::message::Msg;
    use crate::domain::staff::StaffAccount;
    use crate::features::staff::http::StaffMember;
    use crate::kernel::files::download::{StoredFile, file_response};
    use crate::kernel::{AppContext, AppError, AppState, Now};
    use crate::ui::form::FieldError;
    use axum::Form;
    use axum::extract::{Path, State};
    use axum::http::{HeaderMap, StatusCode};
    use axum::response::{IntoResponse, Redirect, Response};
    use leptos::prelude::provide_context;

    /// A kind of record on the workbench.
    pub trait Docket: Send + Sync + 'static {
        /// Where its records' pages are: `{PATH}/{number}`.
        const PATH: &'static str;
        /// The element of the page that shows the record's state: a refusal is shown there.
        const STATE_FIELD: &'static str;
        /// What a number that opens nothing (for this staff member) is answered with.
        const NOT_FOUND: Msg;
        /// The record as its page shows it to one staff member.
        type View: Clone + Send + Sync + 'static;

        /// Takes the action posted, as one event.
        fn act(
            ctx: &AppContext,
            staff: &StaffAccount,
            number: &str,
            pairs: &[(String, String)],
            now: Now,
        ) -> impl Future<Output = Result<(), AppError>> + Send;

        /// The record for this staff member; `None` when there is none or it is not theirs to
        /// see (the two look the same).
        fn view(
            ctx: &AppContext,
            staff: &StaffAccount,
            number: &str,
            now: Now,
        ) -> impl Future<Output = Result<Option<Self::View>, AppError>> + Send;

        /// The `n`th file (from 1), when this staff member may open it; each opening audited.
        fn file(
            ctx: &AppContext,
            staff: &StaffAccount,
            number: &str,
            n: usize,
            now: Now,
        ) -> impl Future<Output = Result<Option<StoredFile>, AppError>> + Send;
    }

    /// `POST {PATH}/{number}`: an action, then back to the page (303), or the page again with
    /// the problems and everything typed.
    pub async fn action<D: Docket>(
        State(state): State<AppState>,
        Path(number): Path<String>,
        StaffMember(staff): StaffMember,
        now: Now,
        headers: HeaderMap,
        Form(pairs): Form<Vec<(String, String)>>,
    ) -> Response {
        let page = format!("{}/{number}", D::PATH);
        let error = match D::act(&state.ctx, &staff, &number, &pairs, now).await {
            // Back to the page, which says what was done (`?done=`).
            Ok(()) => {
                let done = pairs
                    .iter()
                    .find(|(k, _)| k == "action")
                    .map(|(_, v)| v.as_str())
                    .filter(|v| v.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
                    .unwrap_or_default();
                let to = if done.is_empty() {
                    page
                } else {
                    format!("{page}?done={done}")
                };
                return Redirect::to(&to).into_response();
            }
            Err(AppError::NotFound(_)) => return not_found::<D>(),
            Err(e) => e,
        };
        let errors = error
            .problems(D::STATE_FIELD, crate::domain::msg!("unavailable-save-kept"))
            .into_iter()
            .map(FieldError::from)
            .collect();
        let view = match D::view(&state.ctx, &staff, &number, now).await {
            Ok(Some(view)) => view,
            Ok(None) => return not_found::<D>(),
            Err(e) => return e.status().into_response(),
        };
        let problem = ActionProblem {
            view: Box::new(view),
            errors,
            values: pairs,
        };
        crate::kernel::render::render_page(
            &state,
            &headers,
            &page,
            error.status(),
            now,
            move || provide_context(problem.clone()),
        )
        .await
    }

    /// The workbench's plain answer to a number that opens nothing (it stays in Simplified).
    fn not_found<D: Docket>() -> Response {
        let text = crate::kernel::i18n::messages::in_script(
            crate::domain::prefs::Lang::Simplified,
            &D::NOT_FOUND,
        );
        (StatusCode::NOT_FOUND, text).into_response()
    }

    /// `GET {PATH}/{number}/files/{n}`: a record's file for staff who may see it, as a download
    /// (never rendered by the portal's origin), not cached, and written to the audit log.
    pub async fn file<D: Docket>(
        State(state): State<AppState>,
        Path((number, n)): Path<(String, String)>,
        StaffMember(staff): StaffMember,
        now: Now,
    ) -> Response {
        let Ok(n) = n.parse::<usize>() else {
            return file_response(Ok(None));
        };
        file_response(D::file(&state.ctx, &staff, &number, n, now).await)
    }

    /// The two routes of a docket.
    pub fn routes<D: Docket>() -> axum::Router<AppState> {
        use axum::routing::{get, post};
        axum::Router::new()
            .route(&format!("{}/{{number}}", D::PATH), post(action::<D>))
            .route(
                &format!("{}/{{number}}/files/{{n}}", D::PATH),
                get(file::<D>),
            )
    }
}
