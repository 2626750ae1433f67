//! 进度查询: status lookup by petition number + 查询码 (PRODUCT.md journey 2).

mod lookup_page;

pub use lookup_page::{AidFound, Found, LookupOutcome, LookupPage, Via};
