//! One module per page or journey.

mod home_page;
pub mod legal_aid;
pub mod library;
pub mod lookup;
mod not_found_page;
pub mod petition;
pub mod staff;
pub mod stats_page;

pub use home_page::HomePage;
pub use not_found_page::NotFoundPage;
pub use stats_page::StatsPage;
