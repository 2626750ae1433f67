//! Server functions: thin — read the context, call the domain or the store, map errors.

mod cases;
mod library;
mod public_info;
mod staff;
mod stats;

pub use cases::{get_case, get_legal_aid, list_cases, list_legal_aid};
pub use library::{
    LibraryIndex, get_editor, get_editor_list, get_guide, get_library_index, get_statute,
    search_library,
};
pub use public_info::{PublicInfo, get_public_info};
pub use staff::get_current_staff;
pub use stats::get_stats;
