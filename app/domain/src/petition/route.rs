//! The route check (路线图) of 申诉求决类 and 检举控告类: matters the law sends to a statutory
//! channel (第31条 (一)–(五)) or to 纪检监察机关 (第22条) instead of handling them as petitions.

use super::category::Category;
use serde::{Deserialize, Serialize};

/// Whether a category asks the route check: 申诉求决类 (第31条) and 检举控告类 (第22条).
pub fn has_route_check(category: Category) -> bool {
    matches!(category, Category::Appeal | Category::Report)
}

/// The answers of the route check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Route {
    /// 第31条（一）: court, procuratorate or police procedures; 涉法涉诉 goes to 政法部门 (第22条).
    Litigation,
    /// 第31条（二）: arbitration.
    Arbitration,
    /// 第31条（三）: a Party member's appeal or request for re-examination.
    PartyAppeal,
    /// 第31条（四）: administrative review, ruling, confirmation, licence or penalty.
    Administrative,
    /// 第31条（五）: a request to investigate an offence or to protect one's person or property.
    DutyToAct,
    /// 第22条: reports of Party members' or officials' misconduct go to 纪检监察机关.
    Officials,
    /// None of the above: 第31条（六） for an appeal, an ordinary report otherwise. A petition.
    Petition,
}

impl Route {
    pub const APPEAL: [Self; 6] = [
        Self::Litigation,
        Self::Arbitration,
        Self::PartyAppeal,
        Self::Administrative,
        Self::DutyToAct,
        Self::Petition,
    ];
    pub const REPORT: [Self; 2] = [Self::Officials, Self::Petition];

    pub fn code(self) -> &'static str {
        match self {
            Self::Litigation => "litigation",
            Self::Arbitration => "arbitration",
            Self::PartyAppeal => "party",
            Self::Administrative => "administrative",
            Self::DutyToAct => "duty",
            Self::Officials => "officials",
            Self::Petition => "petition",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::APPEAL
            .into_iter()
            .chain([Self::Officials])
            .find(|r| r.code() == code)
    }

    /// The answers offered for a category.
    pub fn options(category: Category) -> &'static [Self] {
        match category {
            Category::Appeal => &Self::APPEAL,
            Category::Report => &Self::REPORT,
            Category::Suggestion => &[],
        }
    }

    /// Whether the matter may go on as a petition here. Reports of officials may: the bureau
    /// forwards them to 纪检监察机关 (第22条), though going there directly is quicker.
    pub fn continues_here(self) -> bool {
        matches!(self, Self::Petition | Self::Officials)
    }
}
