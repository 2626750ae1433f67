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
    /// The month's petitions per channel they came by (第17条: every channel, with its count).
    #[serde(default)]
    pub by_channel: Vec<ChannelCount>,
    /// Visitors received at booked reception sessions, per month (`YYYY-MM`, count), for the
    /// twelve months up to this one (months without any left out).
    #[serde(default)]
    pub receptions: Vec<(String, i64)>,
}

/// How many of the month's petitions came by one channel, and how many of them were accepted
/// in time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChannelCount {
    /// `web`, `api`, `letter`, `visit`, `phone`, `fax`, `hotline` or `transfer`.
    pub channel: String,
    pub count: i64,
    /// 及时受理率 of the channel's petitions (`null` where none was due yet).
    pub accepted_in_time_rate: Option<f64>,
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
