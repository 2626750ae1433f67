//! The statistics as the API and the statistics page show them.

use crate::domain::kpi::{Board, Figures};
use serde::{Deserialize, Serialize};

/// `GET /api/v1/stats?month=YYYY-MM` (PRODUCT.md's field names, figures flattened in).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MonthStats {
    pub month: String,
    #[serde(flatten)]
    #[cfg_attr(feature = "ssr", schema(value_type = super::api::FiguresDoc))]
    pub figures: Figures,
    pub units: Vec<UnitStats>,
    /// Petitions received per month for the twelve months up to this one (`YYYY-MM`, count).
    pub volumes: Vec<(String, i64)>,
    /// The month's figures per channel its petitions came by (第17条: every channel listed).
    #[serde(default)]
    pub by_channel: Vec<GroupStats>,
    /// The month's figures per field (涉及领域) its petitions concern (every field of the
    /// bureau's list).
    #[serde(default)]
    pub by_field: Vec<GroupStats>,
    /// Visitors received at booked reception sessions, per month (`YYYY-MM`, count), for the
    /// twelve months up to this one (months without any left out).
    #[serde(default)]
    pub receptions: Vec<(String, i64)>,
}

/// The month's figures of one group of its petitions: those of a channel, or of a field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GroupStats {
    /// The group's code: a channel's (`web`, `api`, `letter`, `visit`, `phone`, `fax`,
    /// `hotline`, `transfer`) or a field's (the bureau's `[[fields]]`).
    pub code: String,
    /// Its name, in Simplified Chinese.
    pub name: String,
    #[serde(flatten)]
    #[cfg_attr(feature = "ssr", schema(value_type = super::api::FiguresDoc))]
    pub figures: Figures,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UnitStats {
    pub unit: String,
    pub unit_name: String,
    #[serde(flatten)]
    #[cfg_attr(feature = "ssr", schema(value_type = super::api::FiguresDoc))]
    pub figures: Figures,
    /// The month's 红黑榜: `red`, `black` or `neither`.
    #[cfg_attr(feature = "ssr", schema(value_type = super::api::BoardDoc))]
    pub board: Board,
}
