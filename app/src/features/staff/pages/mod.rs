//! Staff sign-in.

mod sign_in_page;

pub use sign_in_page::{SignInAttempt, SignInPage, SignInProblem};
