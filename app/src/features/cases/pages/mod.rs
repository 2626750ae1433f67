//! The workbench: the lists of cases and one case with its actions.

mod case_page;
mod workbench_page;

pub use case_page::CasePage;
pub use workbench_page::WorkbenchPage;
