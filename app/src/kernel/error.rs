//! The one error of the portal's services: what went wrong, with a message a citizen or a clerk
//! may read and the HTTP status it answers with. The API renders it as `{"errors": [...]}`
//! (`IntoResponse`), a page as its problems at the top of the form (`problems`). What caused an
//! `Unavailable` (a database or task failure) is logged where it is made, never shown.

use crate::domain::message::Msg;
use crate::domain::msg;
use crate::domain::text::FieldProblem;
use crate::domain::workbench::Refusal;
use crate::kernel::store::StoreError;
use axum::http::StatusCode;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nothing with this number (and code), or nothing this person may see: the two look the
    /// same. The message says what was looked for.
    #[error("not found")]
    NotFound(Msg),
    /// Fields with problems, every one of them.
    #[error("fields with problems")]
    Invalid(Vec<FieldProblem>),
    /// Not allowed now (the stage, the role, a window closed): 409 with the reason.
    #[error("refused: {code}")]
    Refused {
        field: &'static str,
        code: &'static str,
        message: Msg,
    },
    /// Too many failed tries: try again after this long (429 with `Retry-After`).
    #[error("too many failed attempts")]
    TooManyAttempts(Duration),
    /// Over a filing limit (`[limits]`): 429 with `Retry-After`; the form keeps what was typed.
    #[error("over a filing limit")]
    TooManyFilings(Duration),
    /// The request itself cannot be read (400, 413, 415).
    #[error("bad request: {code}")]
    BadRequest {
        status: StatusCode,
        field: &'static str,
        code: &'static str,
        message: Msg,
    },
    /// The request's API key is not one (unknown, mistyped, revoked), or what was asked needs
    /// one (401).
    #[error("unauthorized")]
    Unauthorized(Msg),
    /// The portal cannot do it now (the database, a task); the cause was logged.
    #[error("unavailable")]
    Unavailable,
}

impl AppError {
    /// A refusal of the workbench, on the page's field that shows the case's state.
    pub fn refused(field: &'static str, refusal: Refusal) -> Self {
        Self::Refused {
            field,
            code: "not_allowed",
            message: refusal.message(),
        }
    }

    /// Logs `cause` (never shown) and answers 503.
    pub fn unavailable(what: &str, cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "{what}");
        Self::Unavailable
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Refused { .. } => StatusCode::CONFLICT,
            Self::TooManyAttempts(_) | Self::TooManyFilings(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::BadRequest { status, .. } => *status,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// Whole seconds to wait, for `Retry-After`.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            Self::TooManyAttempts(wait) | Self::TooManyFilings(wait) => {
                Some(crate::domain::throttle::whole_seconds(*wait))
            }
            _ => None,
        }
    }

    /// What to tell the person, as problems: `general` is the field a message about the whole
    /// request is shown on (a page's own, or empty for the API); `unavailable` says what could
    /// not be done now.
    pub fn problems(&self, general: &str, unavailable: Msg) -> Vec<FieldProblem> {
        let one = |code: &str, message: Msg| vec![FieldProblem::new(general, code, message)];
        match self {
            Self::NotFound(message) => one("not_found", message.clone()),
            Self::Invalid(problems) => problems.clone(),
            Self::Refused {
                field,
                code,
                message,
            } => vec![FieldProblem::new(
                if general.is_empty() { "" } else { field },
                code,
                message.clone(),
            )],
            Self::TooManyAttempts(wait) => one(
                "too_many_attempts",
                msg!(
                    "too-many-attempts",
                    wait = wait_msg(crate::domain::throttle::whole_seconds(*wait))
                ),
            ),
            Self::TooManyFilings(wait) => one(
                "rate_limited",
                msg!(
                    "too-many-filings",
                    wait = wait_msg(crate::domain::throttle::whole_seconds(*wait))
                ),
            ),
            Self::BadRequest {
                field,
                code,
                message,
                ..
            } => vec![FieldProblem::new(field, code, message.clone())],
            Self::Unauthorized(message) => one("unauthorized", message.clone()),
            Self::Unavailable => one("unavailable", unavailable),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::OverLimit(wait) => Self::TooManyFilings(wait),
            e => Self::unavailable("database error", e),
        }
    }
}

impl axum::response::IntoResponse for AppError {
    /// The API's answer: `{"errors": [...]}` with the status (and `Retry-After` on 429).
    fn into_response(self) -> axum::response::Response {
        let problems = self.problems("", msg!("unavailable-generic"));
        let mut res = crate::kernel::api::errors(self.status(), problems);
        if let Some(wait) = self.retry_after() {
            res.headers_mut()
                .insert(axum::http::header::RETRY_AFTER, wait.into());
        }
        res
    }
}

pub use crate::domain::throttle::wait_msg;
