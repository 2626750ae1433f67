//! Staff roles of the workbench (PRODUCT.md "Users").

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffRole {
    /// 登记员: registers, routes and transfers cases.
    Registrar,
    /// 承办单位工作人员: replies for one handling unit, sees only that unit's cases.
    UnitStaff,
    /// 督办: watches deadlines and records 督办函 / 提醒函.
    Supervisor,
    /// 管理员: manages users, units and content.
    Admin,
    /// 法律援助工作人员: decides legal-aid applications.
    LegalAid,
    /// 内容编辑: writes and publishes the 普法园地 guides; sees no cases.
    Editor,
}

impl StaffRole {
    pub const ALL: [Self; 6] = [
        Self::Registrar,
        Self::UnitStaff,
        Self::Supervisor,
        Self::Admin,
        Self::LegalAid,
        Self::Editor,
    ];

    /// The code stored in the database and used on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Self::Registrar => "registrar",
            Self::UnitStaff => "unit_staff",
            Self::Supervisor => "supervisor",
            Self::Admin => "admin",
            Self::LegalAid => "legal_aid",
            Self::Editor => "editor",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The name staff see.
    pub fn label(self) -> &'static str {
        match self {
            Self::Registrar => "登记员",
            Self::UnitStaff => "承办单位工作人员",
            Self::Supervisor => "督办",
            Self::Admin => "管理员",
            Self::LegalAid => "法律援助工作人员",
            Self::Editor => "内容编辑",
        }
    }

    /// Only 承办单位 staff are bound to a handling unit.
    pub fn needs_unit(self) -> bool {
        self == Self::UnitStaff
    }
}

/// A signed-in staff member, as pages see them (never with a password hash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccount {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: StaffRole,
    pub unit_code: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for r in StaffRole::ALL {
            assert_eq!(StaffRole::parse(r.code()), Some(r));
        }
        assert_eq!(StaffRole::parse("root"), None);
    }

    #[test]
    fn only_unit_staff_need_a_unit() {
        assert!(StaffRole::UnitStaff.needs_unit());
        assert!(!StaffRole::Registrar.needs_unit());
    }
}
