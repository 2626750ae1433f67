//! The staff workbench: sign-in and the workbench itself.

mod sign_in_page;
mod workbench_page;

pub use sign_in_page::{SignInAttempt, SignInPage, SignInProblem};
pub use workbench_page::WorkbenchPage;
