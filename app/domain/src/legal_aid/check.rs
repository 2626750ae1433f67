//! 法律援助 (PRODUCT.md journey 3, 法律援助法): the self-check that tells a citizen what is likely
//! and why, and the application with its statutory clock (第43条).
//!
//! The self-check never says aid is granted: only the legal-aid agency decides, after review,
//! within 7 days (第43条). It says whether the matter is one the law lists, whether the hardship
//! test applies at all (第32条) or is waived for the person's group (第42条), and what follows.

use crate::message::Msg;
use crate::msg;
use serde::{Deserialize, Serialize};

/// The kind of matter (第31条 (一)–(九), criminal defence 第24条, 申诉/再审 第33条).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Matter {
    StateCompensation,
    SocialInsurance,
    Pension,
    Maintenance,
    Labour,
    Capacity,
    /// 工伤事故人身损害赔偿 (第31条第七项), kept apart from other injuries because 第42条第三项
    /// waives the hardship check for migrant workers claiming it.
    WorkInjury,
    PersonalInjury,
    Environment,
    Criminal,
    Retrial,
    Other,
}

impl Matter {
    pub const ALL: [Self; 12] = [
        Self::Labour,
        Self::WorkInjury,
        Self::PersonalInjury,
        Self::Maintenance,
        Self::SocialInsurance,
        Self::Pension,
        Self::StateCompensation,
        Self::Capacity,
        Self::Environment,
        Self::Criminal,
        Self::Retrial,
        Self::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::StateCompensation => "state_compensation",
            Self::SocialInsurance => "social_insurance",
            Self::Pension => "pension",
            Self::Maintenance => "maintenance",
            Self::Labour => "labour",
            Self::Capacity => "capacity",
            Self::WorkInjury => "work_injury",
            Self::PersonalInjury => "personal_injury",
            Self::Environment => "environment",
            Self::Criminal => "criminal",
            Self::Retrial => "retrial",
            Self::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code.trim())
    }

    /// In plain words, as the self-check asks it.
    pub fn label(self) -> Msg {
        match self {
            Self::StateCompensation => Msg::new("la-matter-state-compensation"),
            Self::SocialInsurance => Msg::new("la-matter-social-insurance"),
            Self::Pension => Msg::new("la-matter-pension"),
            Self::Maintenance => Msg::new("la-matter-maintenance"),
            Self::Labour => Msg::new("la-matter-labour"),
            Self::Capacity => Msg::new("la-matter-capacity"),
            Self::WorkInjury => Msg::new("la-matter-work-injury"),
            Self::PersonalInjury => Msg::new("la-matter-personal-injury"),
            Self::Environment => Msg::new("la-matter-environment"),
            Self::Criminal => Msg::new("la-matter-criminal"),
            Self::Retrial => Msg::new("la-matter-retrial"),
            Self::Other => Msg::new("la-none-of-these"),
        }
    }

    /// The article that lists the matter.
    pub fn article(self) -> Msg {
        match self {
            Self::StateCompensation => Msg::new("la-article-31-1"),
            Self::SocialInsurance => Msg::new("la-article-31-2"),
            Self::Pension => Msg::new("la-article-31-3"),
            Self::Maintenance => Msg::new("la-article-31-4"),
            Self::Labour => Msg::new("la-article-31-5"),
            Self::Capacity => Msg::new("la-article-31-6"),
            Self::WorkInjury | Self::PersonalInjury => Msg::new("la-article-31-7"),
            Self::Environment => Msg::new("la-article-31-8"),
            Self::Criminal => Msg::new("la-article-24"),
            Self::Retrial => Msg::new("la-article-33"),
            Self::Other => Msg::new("la-article-31-9"),
        }
    }

    /// The number of that article (its anchor on the law's page).
    pub fn law_article(self) -> u32 {
        match self {
            Self::Criminal => 24,
            Self::Retrial => 33,
            _ => 31,
        }
    }

    /// A civil or administrative matter of 第31条, where 第32条 may waive the hardship test.
    fn civil(self) -> bool {
        !matches!(self, Self::Criminal | Self::Retrial | Self::Other)
    }
}

/// 第32条: situations without the hardship test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Special {
    /// (一) 英雄烈士近亲属 protecting the hero's personality rights.
    HeroFamily,
    /// (二) civil rights arising from 见义勇为.
    GoodSamaritan,
    /// (三) state compensation after a retrial acquitted them.
    Acquitted,
    /// (四) victims of abuse, abandonment or domestic violence.
    DomesticViolence,
    None,
}

impl Special {
    pub const ALL: [Self; 5] = [
        Self::DomesticViolence,
        Self::GoodSamaritan,
        Self::HeroFamily,
        Self::Acquitted,
        Self::None,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::HeroFamily => "hero_family",
            Self::GoodSamaritan => "good_samaritan",
            Self::Acquitted => "acquitted",
            Self::DomesticViolence => "domestic_violence",
            Self::None => "none",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    pub fn label(self) -> Msg {
        match self {
            Self::HeroFamily => Msg::new("la-special-hero-family"),
            Self::GoodSamaritan => Msg::new("la-special-good-samaritan"),
            Self::Acquitted => Msg::new("la-special-acquitted"),
            Self::DomesticViolence => Msg::new("la-special-domestic-violence"),
            Self::None => Msg::new("la-none-of-these"),
        }
    }

    pub fn article(self) -> Msg {
        match self {
            Self::HeroFamily => Msg::new("la-article-32-1"),
            Self::GoodSamaritan => Msg::new("la-article-32-2"),
            Self::Acquitted => Msg::new("la-article-32-3"),
            Self::DomesticViolence => Msg::new("la-article-32-4"),
            Self::None => Msg::new("la-article-32"),
        }
    }
}

/// 第42条: groups whose economic hardship is not examined, given proof of belonging.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Group {
    /// (一) minors, older people, people with disabilities without a steady income.
    NoIncome,
    /// (二) recipients of social assistance, judicial assistance or 优抚.
    Assistance,
    /// (三) migrant workers claiming wages or work-injury compensation.
    MigrantWorker,
    None,
}

impl Group {
    pub const ALL: [Self; 4] = [
        Self::NoIncome,
        Self::Assistance,
        Self::MigrantWorker,
        Self::None,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::NoIncome => "no_income",
            Self::Assistance => "assistance",
            Self::MigrantWorker => "migrant_worker",
            Self::None => "none",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.code() == code.trim())
    }

    pub fn label(self) -> Msg {
        match self {
            Self::NoIncome => Msg::new("la-group-no-income"),
            Self::Assistance => Msg::new("la-group-assistance"),
            Self::MigrantWorker => Msg::new("la-group-migrant-worker"),
            Self::None => Msg::new("la-none-of-these"),
        }
    }

    pub fn article(self) -> Msg {
        match self {
            Self::NoIncome => Msg::new("la-article-42-1"),
            Self::Assistance => Msg::new("la-article-42-2"),
            Self::MigrantWorker => Msg::new("la-article-42-3"),
            Self::None => Msg::new("la-article-42"),
        }
    }

    /// Whether the group applies to this matter: the migrant workers' waiver is for wages and
    /// work injuries only.
    fn applies_to(self, matter: Matter) -> bool {
        match self {
            Self::MigrantWorker => matches!(matter, Matter::Labour | Matter::WorkInjury),
            Self::None => false,
            _ => true,
        }
    }
}

/// The person's own view of their means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hardship {
    Yes,
    No,
    Unsure,
}

impl Hardship {
    pub const ALL: [Self; 3] = [Self::Yes, Self::Unsure, Self::No];

    pub fn code(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::Unsure => "unsure",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|h| h.code() == code.trim())
    }

    pub fn label(self) -> Msg {
        match self {
            Self::Yes => Msg::new("la-hardship-yes"),
            Self::Unsure => Msg::new("la-hardship-unsure"),
            Self::No => Msg::new("la-hardship-no"),
        }
    }
}

/// The questions of the self-check, one per page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Question {
    Matter,
    Special,
    Group,
    Hardship,
}

impl Question {
    pub fn code(self) -> &'static str {
        match self {
            Self::Matter => "matter",
            Self::Special => "special",
            Self::Group => "group",
            Self::Hardship => "hardship",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::Matter, Self::Special, Self::Group, Self::Hardship]
            .into_iter()
            .find(|q| q.code() == code)
    }

    /// The message when the question was sent without an answer.
    pub fn missing(self) -> Msg {
        match self {
            Self::Matter => Msg::new("la-missing-matter"),
            Self::Special => Msg::new("la-missing-special"),
            Self::Group => Msg::new("la-missing-group"),
            Self::Hardship => Msg::new("la-missing-hardship"),
        }
    }
}

/// The answers so far (carried in the address: none of them is personal data).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckAnswers {
    pub matter: Option<Matter>,
    pub special: Option<Special>,
    pub group: Option<Group>,
    pub hardship: Option<Hardship>,
}

impl CheckAnswers {
    /// What the application form takes over from the self-check: the matter, and on which basis
    /// the person applies — 第32条 (no means test) for a special case, 第42条 (means not
    /// checked) for a group that applies to the matter, else the 第41条 statement of hardship.
    /// `None` where the check did not get that far.
    pub fn carried_over(&self) -> (Option<Matter>, Option<super::Basis>) {
        use super::Basis;
        let group_applies = match (self.group, self.matter) {
            (Some(g), Some(m)) => g.applies_to(m),
            _ => false,
        };
        let basis = if self.special.is_some_and(|s| s != Special::None) {
            Some(Basis::NoTest)
        } else if group_applies {
            Some(Basis::Exempt)
        } else if self.group.is_some() || self.hardship.is_some() {
            Some(Basis::Hardship)
        } else {
            None
        };
        (self.matter, basis)
    }

    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut a = Self::default();
        for (k, v) in pairs {
            match k {
                "matter" => a.matter = Matter::parse(v),
                "special" => a.special = Special::parse(v),
                "group" => a.group = Group::parse(v),
                "hardship" => a.hardship = Hardship::parse(v),
                _ => {}
            }
        }
        a
    }

    /// The answers as (name, code) pairs, for hidden fields and links.
    pub fn pairs(&self) -> Vec<(&'static str, &'static str)> {
        let mut out = Vec::new();
        if let Some(m) = self.matter {
            out.push(("matter", m.code()));
        }
        if let Some(s) = self.special {
            out.push(("special", s.code()));
        }
        if let Some(g) = self.group {
            out.push(("group", g.code()));
        }
        if let Some(h) = self.hardship {
            out.push(("hardship", h.code()));
        }
        out
    }

    /// The answers kept when going back to `question`: those asked before it.
    pub fn before(&self, question: Question) -> Self {
        let mut a = *self;
        match question {
            Question::Matter => a = Self::default(),
            Question::Special => {
                a.special = None;
                a.group = None;
                a.hardship = None;
            }
            Question::Group => {
                a.group = None;
                a.hardship = None;
            }
            Question::Hardship => a.hardship = None,
        }
        a
    }

    /// The next question to ask, or `None` when the result can be given.
    pub fn next_question(&self) -> Option<Question> {
        let Some(matter) = self.matter else {
            return Some(Question::Matter);
        };
        // 第24条: "因经济困难或者其他原因" — hardship is not a condition for criminal defence.
        if matches!(matter, Matter::Other | Matter::Criminal) {
            return None;
        }
        if matter.civil() {
            match self.special {
                None => return Some(Question::Special),
                Some(Special::None) => {}
                Some(_) => return None,
            }
        }
        match self.group {
            None => return Some(Question::Group),
            Some(g) if g.applies_to(matter) => return None,
            Some(_) => {}
        }
        match self.hardship {
            None => Some(Question::Hardship),
            Some(_) => None,
        }
    }
}

/// What the self-check finds likely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Likelihood {
    /// The matter is listed and the hardship test does not apply or is waived.
    LikelyNoHardshipTest,
    /// The matter is listed; depends on the agency's check of hardship.
    LikelyIfHardship,
    /// The matter is listed; the person says they can afford a lawyer.
    Unlikely,
    /// The matter is not one the law lists; other rules may still cover it.
    OutsideTheList,
}

impl Likelihood {
    pub fn heading(self) -> Msg {
        match self {
            Self::LikelyNoHardshipTest => Msg::new("la-likely-no-test"),
            Self::LikelyIfHardship => Msg::new("la-likely-if-hardship"),
            Self::Unlikely => Msg::new("la-unlikely"),
            Self::OutsideTheList => Msg::new("la-outside-list"),
        }
    }
}

/// One reason the result gives, with its article of 法律援助法.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub text: Msg,
    /// The article (and item) as the reader is told it.
    pub article: Msg,
    /// The number of the (first) article, for a link to it on the law's page.
    pub law_article: u32,
}

/// The self-check's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub likelihood: Likelihood,
    pub reasons: Vec<Reason>,
}

/// The result for complete answers; `None` while a question is still open.
pub fn assess(a: &CheckAnswers) -> Option<Assessment> {
    if a.next_question().is_some() {
        return None;
    }
    let matter = a.matter?;
    let mut reasons = vec![];
    let reason = |text: Msg, article: Msg, law_article: u32| Reason {
        text,
        article,
        law_article,
    };
    if matter == Matter::Other {
        reasons.push(reason(msg!("la-reason-other"), matter.article(), 31));
        return Some(Assessment {
            likelihood: Likelihood::OutsideTheList,
            reasons,
        });
    }
    reasons.push(reason(
        msg!("la-reason-listed", matter = matter.label()),
        matter.article(),
        matter.law_article(),
    ));
    if matter == Matter::Criminal {
        reasons.push(reason(
            msg!("la-reason-criminal"),
            msg!("la-article-24-25"),
            24,
        ));
        return Some(Assessment {
            likelihood: Likelihood::LikelyNoHardshipTest,
            reasons,
        });
    }
    if let Some(s) = a.special.filter(|s| *s != Special::None) {
        reasons.push(reason(
            msg!("la-reason-special", situation = s.label()),
            s.article(),
            32,
        ));
        return Some(Assessment {
            likelihood: Likelihood::LikelyNoHardshipTest,
            reasons,
        });
    }
    if let Some(g) = a.group.filter(|g| g.applies_to(matter)) {
        reasons.push(reason(
            msg!("la-reason-group", group = g.label()),
            g.article(),
            42,
        ));
        return Some(Assessment {
            likelihood: Likelihood::LikelyNoHardshipTest,
            reasons,
        });
    }
    let likelihood = match a.hardship? {
        Hardship::Yes | Hardship::Unsure => {
            reasons.push(reason(
                msg!("la-reason-hardship"),
                msg!("la-article-41-34"),
                41,
            ));
            Likelihood::LikelyIfHardship
        }
        Hardship::No => {
            reasons.push(reason(
                msg!("la-reason-not-poor"),
                matter.article(),
                matter.law_article(),
            ));
            Likelihood::Unlikely
        }
    };
    Some(Assessment {
        likelihood,
        reasons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_application_takes_the_matter_and_the_basis_from_the_check() {
        use crate::legal_aid::Basis;
        let check = |pairs: &[(&str, &str)]| CheckAnswers::from_pairs(pairs.iter().copied());
        assert_eq!(
            check(&[("matter", "maintenance"), ("special", "domestic_violence")]).carried_over(),
            (Some(Matter::Maintenance), Some(Basis::NoTest))
        );
        assert_eq!(
            check(&[
                ("matter", "labour"),
                ("special", "none"),
                ("group", "migrant_worker")
            ])
            .carried_over(),
            (Some(Matter::Labour), Some(Basis::Exempt))
        );
        // The migrant workers' waiver is not for a maintenance claim: the means are stated.
        assert_eq!(
            check(&[
                ("matter", "maintenance"),
                ("special", "none"),
                ("group", "migrant_worker")
            ])
            .carried_over(),
            (Some(Matter::Maintenance), Some(Basis::Hardship))
        );
        assert_eq!(
            check(&[
                ("matter", "labour"),
                ("special", "none"),
                ("group", "none"),
                ("hardship", "yes")
            ])
            .carried_over()
            .1,
            Some(Basis::Hardship)
        );
        assert_eq!(
            check(&[("matter", "labour")]).carried_over(),
            (Some(Matter::Labour), None)
        );
    }

    fn answers(pairs: &[(&str, &str)]) -> CheckAnswers {
        CheckAnswers::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn one_question_at_a_time_and_only_those_that_matter() {
        assert_eq!(answers(&[]).next_question(), Some(Question::Matter));
        // A civil matter of 第31条: first whether 第32条 waives the hardship test.
        let a = answers(&[("matter", "labour")]);
        assert_eq!(a.next_question(), Some(Question::Special));
        let a = answers(&[("matter", "labour"), ("special", "none")]);
        assert_eq!(a.next_question(), Some(Question::Group));
        let a = answers(&[("matter", "labour"), ("special", "none"), ("group", "none")]);
        assert_eq!(a.next_question(), Some(Question::Hardship));
        // Criminal defence (第24条): hardship is not a condition, so nothing more is asked.
        assert_eq!(answers(&[("matter", "criminal")]).next_question(), None);
        // A matter the law does not list: straight to the result.
        assert_eq!(answers(&[("matter", "other")]).next_question(), None);
        // Unknown codes are no answer.
        assert_eq!(
            answers(&[("matter", "bribes")]).next_question(),
            Some(Question::Matter)
        );
        // Going back drops the later answers.
        let full = answers(&[
            ("matter", "labour"),
            ("special", "none"),
            ("group", "none"),
            ("hardship", "yes"),
        ]);
        assert_eq!(
            full.before(Question::Group).pairs(),
            [("matter", "labour"), ("special", "none")]
        );
    }

    #[test]
    fn each_outcome_cites_its_article() {
        // (That no reason says aid is granted is checked on the words, with the catalogue.)
        let check = |pairs: &[(&str, &str)], expected: Likelihood, article: &str, number: u32| {
            let r = assess(&answers(pairs)).expect("complete");
            assert_eq!(r.likelihood, expected, "{pairs:?}");
            assert!(
                r.reasons
                    .iter()
                    .any(|x| x.article.id == article && x.law_article == number),
                "{article} in {r:?}"
            );
        };
        // 第32条第四项: no hardship test for victims of domestic violence.
        check(
            &[("matter", "maintenance"), ("special", "domestic_violence")],
            Likelihood::LikelyNoHardshipTest,
            "la-article-32-4",
            32,
        );
        // 第42条第三项: a migrant worker claiming wages.
        check(
            &[
                ("matter", "labour"),
                ("special", "none"),
                ("group", "migrant_worker"),
            ],
            Likelihood::LikelyNoHardshipTest,
            "la-article-42-3",
            42,
        );
        // …but not for maintenance: the group does not apply, hardship is asked.
        let a = answers(&[
            ("matter", "maintenance"),
            ("special", "none"),
            ("group", "migrant_worker"),
        ]);
        assert_eq!(a.next_question(), Some(Question::Hardship));
        check(
            &[
                ("matter", "pension"),
                ("special", "none"),
                ("group", "none"),
                ("hardship", "yes"),
            ],
            Likelihood::LikelyIfHardship,
            "la-article-41-34",
            41,
        );
        // 第24条: criminal defence is not tied to hardship.
        check(
            &[("matter", "criminal")],
            Likelihood::LikelyNoHardshipTest,
            "la-article-24",
            24,
        );
        check(
            &[
                ("matter", "labour"),
                ("special", "none"),
                ("group", "none"),
                ("hardship", "no"),
            ],
            Likelihood::Unlikely,
            "la-article-31-5",
            31,
        );
        check(
            &[("matter", "other")],
            Likelihood::OutsideTheList,
            "la-article-31-9",
            31,
        );
        assert_eq!(assess(&answers(&[("matter", "labour")])), None);
    }
}
