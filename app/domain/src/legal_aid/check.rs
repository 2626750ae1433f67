//! 法律援助 (PRODUCT.md journey 3, 法律援助法): the self-check that tells a citizen what is likely
//! and why, and the application with its statutory clock (第43条).
//!
//! The self-check never says aid is granted: only the legal-aid agency decides, after review,
//! within 7 days (第43条). It says whether the matter is one the law lists, whether the hardship
//! test applies at all (第32条) or is waived for the person's group (第42条), and what follows.

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
    pub fn label(self) -> &'static str {
        match self {
            Self::StateCompensation => "请求国家赔偿",
            Self::SocialInsurance => "请求社会保险待遇或者社会救助",
            Self::Pension => "请求发给抚恤金",
            Self::Maintenance => "请求给付赡养费、抚养费、扶养费",
            Self::Labour => "请求确认劳动关系或者支付工资（劳动报酬）",
            Self::Capacity => "请求认定某人无民事行为能力或者限制民事行为能力",
            Self::WorkInjury => "工伤事故造成的人身损害赔偿",
            Self::PersonalInjury => "交通事故、食品药品安全事故、医疗事故造成的人身损害赔偿",
            Self::Environment => "环境污染、生态破坏造成的损害赔偿",
            Self::Criminal => "刑事案件：本人或者近亲属是犯罪嫌疑人、被告人，没有委托辩护人",
            Self::Retrial => "对生效的判决、裁定提出申诉，法院已决定再审或者检察院已提出抗诉",
            Self::Other => "以上都不是",
        }
    }

    /// The article that lists the matter.
    pub fn article(self) -> &'static str {
        match self {
            Self::StateCompensation => "第三十一条第一项",
            Self::SocialInsurance => "第三十一条第二项",
            Self::Pension => "第三十一条第三项",
            Self::Maintenance => "第三十一条第四项",
            Self::Labour => "第三十一条第五项",
            Self::Capacity => "第三十一条第六项",
            Self::WorkInjury | Self::PersonalInjury => "第三十一条第七项",
            Self::Environment => "第三十一条第八项",
            Self::Criminal => "第二十四条",
            Self::Retrial => "第三十三条",
            Self::Other => "第三十一条第九项",
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

    pub fn label(self) -> &'static str {
        match self {
            Self::HeroFamily => "我是英雄烈士的近亲属，要维护英雄烈士的名誉、荣誉等人格权益",
            Self::GoodSamaritan => "我因为见义勇为，要主张相关的民事权益（例如受伤后的赔偿）",
            Self::Acquitted => "我经再审改判无罪，要请求国家赔偿",
            Self::DomesticViolence => "我遭受虐待、遗弃或者家庭暴力，要主张相关权益",
            Self::None => "以上都不是",
        }
    }

    pub fn article(self) -> &'static str {
        match self {
            Self::HeroFamily => "第三十二条第一项",
            Self::GoodSamaritan => "第三十二条第二项",
            Self::Acquitted => "第三十二条第三项",
            Self::DomesticViolence => "第三十二条第四项",
            Self::None => "第三十二条",
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

    pub fn label(self) -> &'static str {
        match self {
            Self::NoIncome => "没有固定生活来源的未成年人、老年人或者残疾人",
            Self::Assistance => "领取最低生活保障、特困供养等社会救助，或者是司法救助、优抚对象",
            Self::MigrantWorker => "进城务工人员，要求支付工资或者工伤赔偿",
            Self::None => "以上都不是",
        }
    }

    pub fn article(self) -> &'static str {
        match self {
            Self::NoIncome => "第四十二条第一项",
            Self::Assistance => "第四十二条第二项",
            Self::MigrantWorker => "第四十二条第三项",
            Self::None => "第四十二条",
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

    pub fn label(self) -> &'static str {
        match self {
            Self::Yes => "是，家庭收入低，请不起律师",
            Self::Unsure => "说不准",
            Self::No => "不是，我有能力自己请律师",
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
    pub fn missing(self) -> &'static str {
        match self {
            Self::Matter => "请选择您要解决的是哪一类问题",
            Self::Special => "请选择是否属于下列情形之一；都不是的，请选“以上都不是”",
            Self::Group => "请选择是否属于下列人员之一；都不是的，请选“以上都不是”",
            Self::Hardship => "请选择您是否经济困难",
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
    pub fn heading(self) -> &'static str {
        match self {
            Self::LikelyNoHardshipTest => "您很可能符合申请法律援助的条件",
            Self::LikelyIfHardship => "如果经济困难，您很可能符合申请条件",
            Self::Unlikely => "您可能不符合法律援助的条件",
            Self::OutsideTheList => "您的事项不在法律列举的范围内，但仍可以咨询或申请",
        }
    }
}

/// One reason the result gives, with its article of 法律援助法.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub text: String,
    pub article: String,
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
    let reason = |text: String, article: &str| Reason {
        text,
        article: article.to_owned(),
    };
    if matter == Matter::Other {
        reasons.push(reason(
            "您选择的事项不在法律援助法列举的事项中；法律、法规、规章还可以规定其他事项，广西的规定可能更宽。"
                .to_owned(),
            Matter::Other.article(),
        ));
        return Some(Assessment {
            likelihood: Likelihood::OutsideTheList,
            reasons,
        });
    }
    reasons.push(reason(
        format!("“{}”是法律援助法列举的事项。", matter.label()),
        matter.article(),
    ));
    if matter == Matter::Criminal {
        reasons.push(reason(
            "刑事案件的犯罪嫌疑人、被告人因经济困难或者其他原因没有委托辩护人的，本人及其近亲属都可以申请，不以经济困难为限。属于未成年人、视力听力言语残疾人等情形的，办案机关应当通知法律援助机构指派律师（第二十五条）。"
                .to_owned(),
            "第二十四条、第二十五条",
        ));
        return Some(Assessment {
            likelihood: Likelihood::LikelyNoHardshipTest,
            reasons,
        });
    }
    if let Some(s) = a.special.filter(|s| *s != Special::None) {
        reasons.push(reason(
            format!("“{}”的，申请法律援助不受经济困难条件的限制。", s.label()),
            s.article(),
        ));
        return Some(Assessment {
            likelihood: Likelihood::LikelyNoHardshipTest,
            reasons,
        });
    }
    if let Some(g) = a.group.filter(|g| g.applies_to(matter)) {
        reasons.push(reason(
            format!(
                "“{}”有材料证明的，免予核查经济困难状况；申请时请带上或上传证明材料。",
                g.label()
            ),
            g.article(),
        ));
        return Some(Assessment {
            likelihood: Likelihood::LikelyNoHardshipTest,
            reasons,
        });
    }
    let likelihood = match a.hardship? {
        Hardship::Yes | Hardship::Unsure => {
            reasons.push(reason(
                "需要经济困难：申请时要如实说明经济困难状况，由法律援助机构核查，或者由您作出个人诚信承诺。经济困难的标准由自治区人民政府确定。"
                    .to_owned(),
                "第四十一条、第三十四条",
            ));
            Likelihood::LikelyIfHardship
        }
        Hardship::No => {
            reasons.push(reason(
                "这类事项的法律援助以经济困难为条件；您表示有能力自己委托律师。".to_owned(),
                matter.article(),
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
    fn each_outcome_cites_its_article_and_never_says_granted() {
        let check = |pairs: &[(&str, &str)], expected: Likelihood, article: &str| {
            let r = assess(&answers(pairs)).expect("complete");
            assert_eq!(r.likelihood, expected, "{pairs:?}");
            assert!(
                r.reasons.iter().any(|x| x.article.contains(article)),
                "{article} in {r:?}"
            );
            let all: String = r.reasons.iter().map(|x| x.text.as_str()).collect();
            assert!(
                !all.contains("给予法律援助") && !all.contains("批准"),
                "{all}"
            );
        };
        // 第32条第四项: no hardship test for victims of domestic violence.
        check(
            &[("matter", "maintenance"), ("special", "domestic_violence")],
            Likelihood::LikelyNoHardshipTest,
            "第三十二条第四项",
        );
        // 第42条第三项: a migrant worker claiming wages.
        check(
            &[
                ("matter", "labour"),
                ("special", "none"),
                ("group", "migrant_worker"),
            ],
            Likelihood::LikelyNoHardshipTest,
            "第四十二条第三项",
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
            "第四十一条",
        );
        // 第24条: criminal defence is not tied to hardship.
        check(
            &[("matter", "criminal")],
            Likelihood::LikelyNoHardshipTest,
            "第二十四条",
        );
        check(
            &[
                ("matter", "labour"),
                ("special", "none"),
                ("group", "none"),
                ("hardship", "no"),
            ],
            Likelihood::Unlikely,
            "第三十一条第五项",
        );
        check(
            &[("matter", "other")],
            Likelihood::OutsideTheList,
            "第三十一条第九项",
        );
        assert_eq!(assess(&answers(&[("matter", "labour")])), None);
    }
}
