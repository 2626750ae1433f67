//! What 我的事项 shows.

use crate::domain::message::Msg;
use crate::features::legal_aid::view::AidStatusView;
use crate::features::petition::view::PetitionStatus;
use serde::{Deserialize, Serialize};

/// The matters filed with a proved mobile, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MineList {
    /// The mobile with its middle digits hidden.
    pub mobile: String,
    pub petitions: Vec<PetitionStatus>,
    pub applications: Vec<AidStatusView>,
    /// What was just done (a new 查询码 sent).
    pub notice: Option<Msg>,
}
