//! Staff sign-in, and the staff member's own page.

mod account_page;
mod sign_in_page;

pub use account_page::{AccountPage, AccountProblem, AccountView};
pub use sign_in_page::{SignInAttempt, SignInPage, SignInProblem};
