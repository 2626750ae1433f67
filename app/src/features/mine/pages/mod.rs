mod mine_page;

pub use mine_page::{MineOutcome, MinePage};
