//! The home page: the bureau's public information (信访工作条例 第18条).

pub mod page;
pub mod server_fns;

pub use page::HomePage;
