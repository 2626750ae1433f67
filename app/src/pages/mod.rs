//! One module per page or journey.

mod home_page;
mod not_found_page;
pub mod staff;

pub use home_page::HomePage;
pub use not_found_page::NotFoundPage;
