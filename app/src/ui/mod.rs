//! The shell and the widgets every feature's pages share: header, footer, form fields and the
//! error summary, the check-your-answers list, tables, the page title, the workbench's action form, and the CSP.

mod action_form;
pub mod answers;
mod beacon;
mod data_table;
mod file_links;
mod footer;
pub mod form;
mod header;
pub mod i18n;
mod not_found_page;
mod page_context;
mod page_title;
mod print_button;
#[cfg(feature = "ssr")]
pub mod security;
mod sign_in_first;

pub use action_form::ActionForm;
pub use beacon::HydrationBeacon;
pub use data_table::DataTable;
pub use file_links::FileLinks;
pub use footer::Footer;
pub use header::{Header, KeepsAnswers};
pub use not_found_page::NotFoundPage;
pub use page_context::PageContext;
#[cfg(feature = "ssr")]
pub use page_context::redirect_page;
pub use page_title::PageTitle;
pub use print_button::PrintButton;
pub use sign_in_first::{CannotOpen, SignInFirst};
