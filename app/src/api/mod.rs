//! Server functions: thin — read the context, call the domain or the store, map errors.

mod public_info;

pub use public_info::{PublicInfo, get_public_info};
