//! 法律援助 (PRODUCT.md journey 3, 法律援助法): the self-check that tells a citizen what is likely
//! and why, and the application with its statutory clock (第43条).
//!
//! The self-check never says aid is granted: only the legal-aid agency decides, after review,
//! within 7 days (第43条). It says whether the matter is one the law lists, whether the hardship
//! test applies at all (第32条) or is waived for the person's group (第42条), and what follows.

use crate::domain::petition::{FieldProblem, PetitionerInput, TextRule};
use serde::{Deserialize, Serialize};

/// The kind of matter (第31条 (一)–(九), criminal defence 第24条, 申诉/再审 第33条).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
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

/// Who applies: the person themselves, or an agent on their behalf (第40条).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgentInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub id_number: String,
    #[serde(default)]
    pub mobile: String,
    /// 法定代理人 or 近亲属, and how related (e.g. 母亲).
    #[serde(default)]
    pub relation: String,
}

/// An application as typed (API field names of PRODUCT.md's integration contract).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LegalAidInput {
    #[serde(default)]
    pub applicant: PetitionerInput,
    #[serde(default)]
    pub agent: Option<AgentInput>,
    /// A [`Matter`] code.
    #[serde(default)]
    pub matter: String,
    #[serde(default)]
    pub other_party: Option<String>,
    #[serde(default)]
    pub description: String,
    /// 经济困难状况说明 (第41条).
    #[serde(default)]
    pub hardship_statement: String,
    /// 诚信承诺 (第41条): the statement is true.
    #[serde(default)]
    pub pledge: bool,
    /// Why hardship matters or not (a [`Basis`] code; `hardship` when absent): only those who
    /// apply because of hardship state it and pledge it (第41条).
    #[serde(default)]
    pub basis: Option<String>,
}

/// On what footing the applicant comes, as to means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// 因经济困难申请 (第41条): state the hardship and pledge it.
    Hardship,
    /// 第32条: no hardship condition at all.
    NoTest,
    /// 第42条: hardship not checked, given proof of the group.
    Exempt,
}

impl Basis {
    pub const ALL: [Self; 3] = [Self::Hardship, Self::NoTest, Self::Exempt];

    pub fn code(self) -> &'static str {
        match self {
            Self::Hardship => "hardship",
            Self::NoTest => "no_test",
            Self::Exempt => "exempt",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.code() == code.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Hardship => "因经济困难申请：说明经济困难状况并作出诚信承诺（第四十一条）",
            Self::NoTest => {
                "属于第三十二条的情形（如家庭暴力受害人、见义勇为），不受经济困难条件限制"
            }
            Self::Exempt => {
                "属于第四十二条的人员（如低保对象、讨薪的进城务工人员），免予核查经济困难状况"
            }
        }
    }
}

pub const OTHER_PARTY: TextRule = TextRule {
    field: "other_party",
    label: "对方当事人",
    min: 0,
    max: 100,
    multiline: false,
};
pub const DESCRIPTION: TextRule = TextRule {
    field: "description",
    label: "案情和请求",
    min: 20,
    max: 5000,
    multiline: true,
};
pub const HARDSHIP_STATEMENT: TextRule = TextRule {
    field: "hardship_statement",
    label: "经济困难状况说明",
    min: 10,
    max: 2000,
    multiline: true,
};
pub const RELATION: TextRule = TextRule {
    field: "agent.relation",
    label: "与申请人的关系",
    min: 2,
    max: 30,
    multiline: false,
};

/// An application that passed every check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApplication {
    pub applicant: crate::domain::petition::Petitioner,
    pub agent: Option<Agent>,
    pub matter: Matter,
    pub other_party: Option<String>,
    pub description: String,
    pub basis: Basis,
    /// Empty when the basis needs none.
    pub hardship_statement: String,
    /// Whether the 诚信承诺 was made (required for [`Basis::Hardship`]).
    pub pledged: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agent {
    pub name: String,
    pub id_number: crate::domain::id_number::IdNumber,
    pub mobile: crate::domain::mobile::Mobile,
    pub relation: String,
}

/// Renames the petition rules' field names (`petitioner.name`) to this form's (`applicant.name`).
fn renamed(problems: Vec<FieldProblem>, from: &str, to: &str) -> Vec<FieldProblem> {
    problems
        .into_iter()
        .map(|mut p| {
            if let Some(rest) = p.field.strip_prefix(from) {
                p.field = format!("{to}{rest}");
            }
            p
        })
        .collect()
}

impl LegalAidInput {
    /// Checks everything with the same rules as a petition's petitioner, and returns the
    /// application or every problem found.
    pub fn parse(
        &self,
        config: &crate::domain::config::BureauConfig,
        today: chrono::NaiveDate,
    ) -> Result<NewApplication, Vec<FieldProblem>> {
        let mut own = Vec::new();
        let applicant = self.applicant.parse(config, today, &mut own);
        let mut problems = renamed(own, "petitioner.", "applicant.");
        let agent = self.agent.as_ref().and_then(|a| {
            // The agent's own details go through the same rules; they need no address.
            let as_person = PetitionerInput {
                name: a.name.clone(),
                id_number: a.id_number.clone(),
                mobile: a.mobile.clone(),
                address: "（代理人，不需要住址）".to_owned(),
                district: config
                    .districts
                    .first()
                    .map(|d| d.code.clone())
                    .unwrap_or_default(),
            };
            let mut theirs = Vec::new();
            let person = as_person.parse(config, today, &mut theirs);
            let relation = RELATION.check(&a.relation, &mut theirs);
            problems.extend(renamed(theirs, "petitioner.", "agent."));
            let person = person?;
            Some(Agent {
                name: person.name,
                id_number: person.id_number,
                mobile: person.mobile,
                relation: relation?,
            })
        });
        let matter = match self.matter.trim() {
            "" => {
                problems.push(FieldProblem::new("matter", "required", "请选择事项的类别"));
                None
            }
            code => Matter::parse(code).or_else(|| {
                problems.push(FieldProblem::new(
                    "matter",
                    "unknown_matter",
                    "事项类别不在列表中，请从列表中选择",
                ));
                None
            }),
        };
        let other_party =
            OTHER_PARTY.check(self.other_party.as_deref().unwrap_or(""), &mut problems);
        let description = DESCRIPTION.check(&self.description, &mut problems);
        let basis = match self.basis.as_deref().map(str::trim) {
            None | Some("") => Some(Basis::Hardship),
            Some(code) => Basis::parse(code).or_else(|| {
                problems.push(FieldProblem::new(
                    "basis",
                    "unknown_basis",
                    "请从列表中选择经济困难状况的情形",
                ));
                None
            }),
        };
        // Only those who apply because of hardship must state it and pledge it (第41条); under
        // 第42条 the statement names the group the proof is for.
        let rule = match basis {
            Some(Basis::NoTest) => TextRule {
                min: 0,
                ..HARDSHIP_STATEMENT
            },
            Some(Basis::Exempt) => TextRule {
                min: 4,
                label: "属于第四十二条哪一类人员的说明",
                ..HARDSHIP_STATEMENT
            },
            _ => HARDSHIP_STATEMENT,
        };
        let hardship = rule.check(&self.hardship_statement, &mut problems);
        if basis == Some(Basis::Hardship) && !self.pledge {
            problems.push(FieldProblem::new(
                "pledge",
                "required",
                "请确认诚信承诺：所说明的经济困难状况真实（法律援助法第四十一条）",
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        match (applicant, matter, description, basis) {
            (Some(applicant), Some(matter), Some(description), Some(basis)) => Ok(NewApplication {
                applicant,
                agent,
                matter,
                other_party: other_party.filter(|s| !s.is_empty()),
                description,
                basis,
                hardship_statement: hardship.unwrap_or_default(),
                pledged: basis == Basis::Hardship && self.pledge,
            }),
            _ => Err(vec![FieldProblem::new("", "invalid", "申请内容不完整")]),
        }
    }
}

/// The application form's answers as posted (web field names), carried between the form and the
/// check page in hidden fields; nothing is stored before it is sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyValues {
    /// `self` or `agent` (第40条).
    pub who: String,
    pub name: String,
    pub id_number: String,
    pub mobile: String,
    pub address: String,
    pub district: String,
    pub agent_name: String,
    pub agent_id_number: String,
    pub agent_mobile: String,
    pub agent_relation: String,
    pub matter: String,
    pub other_party: String,
    pub description: String,
    pub hardship_statement: String,
    /// A [`Basis`] code.
    pub basis: String,
    pub pledge: bool,
    /// Tokens of uploaded files.
    pub attachments: Vec<String>,
}

impl ApplyValues {
    const TEXT: [&'static str; 15] = [
        "who",
        "name",
        "id_number",
        "mobile",
        "address",
        "district",
        "agent_name",
        "agent_id_number",
        "agent_mobile",
        "agent_relation",
        "matter",
        "other_party",
        "description",
        "hardship_statement",
        "basis",
    ];

    fn slot(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "who" => &mut self.who,
            "name" => &mut self.name,
            "id_number" => &mut self.id_number,
            "mobile" => &mut self.mobile,
            "address" => &mut self.address,
            "district" => &mut self.district,
            "agent_name" => &mut self.agent_name,
            "agent_id_number" => &mut self.agent_id_number,
            "agent_mobile" => &mut self.agent_mobile,
            "agent_relation" => &mut self.agent_relation,
            "matter" => &mut self.matter,
            "other_party" => &mut self.other_party,
            "description" => &mut self.description,
            "hardship_statement" => &mut self.hardship_statement,
            "basis" => &mut self.basis,
            _ => return None,
        })
    }

    pub fn get(&self, key: &str) -> String {
        let mut copy = self.clone();
        copy.slot(key).map(|s| s.clone()).unwrap_or_default()
    }

    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut v = Self::default();
        for (k, value) in pairs {
            match k.as_str() {
                "pledge" => v.pledge = value == "yes",
                "attachment" => {
                    if !v.attachments.contains(value) {
                        v.attachments.push(value.clone());
                    }
                }
                key => {
                    if let Some(slot) = v.slot(key) {
                        *slot = value.clone();
                    }
                }
            }
        }
        v
    }

    /// Every answer as hidden fields (the check page carries them to the final post).
    pub fn hidden(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Self::TEXT
            .iter()
            .map(|k| (*k, self.get(k)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        if self.pledge {
            out.push(("pledge", "yes".to_owned()));
        }
        out.extend(self.attachments.iter().map(|t| ("attachment", t.clone())));
        out
    }

    pub fn by_agent(&self) -> bool {
        self.who == "agent"
    }

    /// The application in the API's shape.
    pub fn to_input(&self) -> LegalAidInput {
        LegalAidInput {
            applicant: PetitionerInput {
                name: self.name.clone(),
                id_number: self.id_number.clone(),
                mobile: self.mobile.clone(),
                address: self.address.clone(),
                district: self.district.clone(),
            },
            agent: self.by_agent().then(|| AgentInput {
                name: self.agent_name.clone(),
                id_number: self.agent_id_number.clone(),
                mobile: self.agent_mobile.clone(),
                relation: self.agent_relation.clone(),
            }),
            matter: self.matter.clone(),
            other_party: Some(self.other_party.clone()).filter(|s| !s.trim().is_empty()),
            description: self.description.clone(),
            hardship_statement: self.hardship_statement.clone(),
            pledge: self.pledge,
            basis: Some(self.basis.clone()).filter(|b| !b.is_empty()),
        }
    }

    /// The form field of a problem named by the API's field path.
    pub fn web_field(api_field: &str) -> String {
        if let Some(rest) = api_field.strip_prefix("applicant.") {
            rest.to_owned()
        } else if let Some(rest) = api_field.strip_prefix("agent.") {
            format!("agent_{rest}")
        } else {
            api_field.to_owned()
        }
    }

    /// Problems of the form itself, beyond the application's rules: who applies must be chosen.
    pub fn check_who(&self) -> Option<FieldProblem> {
        (!matches!(self.who.as_str(), "self" | "agent"))
            .then(|| FieldProblem::new("who", "required", "请选择是本人申请还是代为申请"))
    }
}

/// Where an application stands, derived from its events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AidStatus {
    UnderReview,
    MaterialRequested,
    Granted,
    LawyerAssigned,
    Refused,
    /// Material asked for was not supplied in time: counted as withdrawn (第43条).
    Withdrawn,
}

impl AidStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::UnderReview => "under_review",
            Self::MaterialRequested => "material_requested",
            Self::Granted => "granted",
            Self::LawyerAssigned => "lawyer_assigned",
            Self::Refused => "refused",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::UnderReview => "已收到，正在审查",
            Self::MaterialRequested => "需要补充材料",
            Self::Granted => "决定给予法律援助，正在指派法律援助人员",
            Self::LawyerAssigned => "已指派法律援助人员",
            Self::Refused => "决定不给予法律援助",
            Self::Withdrawn => "未按要求补充材料，视为撤回申请",
        }
    }
}

/// One event as the status derivation reads it: kind, Shanghai date, answer-by date.
pub type AidEvent<'a> = (&'a str, chrono::NaiveDate, Option<chrono::NaiveDate>);

/// The status after `events` (oldest first) on `today`: a request for material past its
/// answer-by date with nothing supplied counts as withdrawn (第43条).
pub fn aid_status(events: &[AidEvent<'_>], today: chrono::NaiveDate) -> AidStatus {
    let mut status = AidStatus::UnderReview;
    let mut answer_by = None;
    for (kind, _, by) in events {
        status = match *kind {
            "received" | "material_supplied" => AidStatus::UnderReview,
            "material_requested" => {
                answer_by = *by;
                AidStatus::MaterialRequested
            }
            "granted" => AidStatus::Granted,
            "lawyer_assigned" => AidStatus::LawyerAssigned,
            "refused" => AidStatus::Refused,
            _ => status,
        };
    }
    match (status, answer_by) {
        (AidStatus::MaterialRequested, Some(by)) if today > by => AidStatus::Withdrawn,
        _ => status,
    }
}

/// The agency's deadline running now (第43条): the decision within 7 days of the application,
/// the time the applicant took to supply material not counted (the review pauses while it waits,
/// it does not start again); the lawyer, 3 days from the decision to grant.
pub fn aid_due(
    events: &[AidEvent<'_>],
    today: chrono::NaiveDate,
    calendar: &crate::domain::config::Calendar,
) -> Option<(crate::domain::clock::Limit, chrono::NaiveDate)> {
    use crate::domain::clock::Limit;
    let last = |kinds: &[&str]| {
        events
            .iter()
            .rev()
            .find(|(k, _, _)| kinds.contains(k))
            .map(|(_, d, _)| *d)
    };
    match aid_status(events, today) {
        AidStatus::UnderReview => {
            let received = last(&["received"])?;
            let paused: i64 = match (last(&["material_requested"]), last(&["material_supplied"])) {
                (Some(asked), Some(supplied)) if supplied >= asked => (supplied - asked).num_days(),
                _ => 0,
            };
            let days = Limit::DecideLegalAid.length() + u32::try_from(paused).unwrap_or(0);
            Some((Limit::DecideLegalAid, calendar.due_in_days(received, days)))
        }
        AidStatus::Granted => {
            last(&["granted"]).map(|d| (Limit::AssignLawyer, calendar.due(Limit::AssignLawyer, d)))
        }
        _ => None,
    }
}

/// The receipt of an application: number and 查询码 (shown once), and the decision's due date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AidReceipt {
    pub number: String,
    pub query_code: String,
    pub status: AidStatus,
    pub received_at: String,
    /// 第43条: the agency decides within 7 days of receiving the application.
    pub decision_due: chrono::NaiveDate,
}

/// What number + 查询码 open (第55条): the application's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AidStatusView {
    pub number: String,
    pub matter: Matter,
    pub matter_label: String,
    pub status: AidStatus,
    pub status_label: String,
    pub received_at: String,
    pub timeline: Vec<crate::domain::petition_view::TimelineEntry>,
    /// The agency's deadline running now.
    pub due: Option<crate::domain::petition_view::RunningDue>,
    /// While material is asked for: the last day to supply it.
    pub answer_by: Option<chrono::NaiveDate>,
}

/// An application as legal-aid staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AidCaseView {
    pub public: AidStatusView,
    pub applicant: crate::domain::case::PetitionerView,
    /// Name, masked ID number, mobile, relation.
    pub agent: Option<(String, String, String, String)>,
    pub other_party: Option<String>,
    pub description: String,
    /// The applicant's footing as to means ([`Basis`] label).
    pub basis_label: String,
    pub hardship_statement: String,
    pub attachments: Vec<(String, String)>,
    /// The action codes of the forms to offer.
    pub actions: Vec<String>,
}

/// An application in the legal-aid staff's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AidListItem {
    pub number: String,
    pub received_on: String,
    pub applicant: String,
    pub matter_label: String,
    pub status_label: String,
    pub due: Option<crate::domain::petition_view::RunningDue>,
}

/// How many applications the agency's list shows (the newest); the page says when there are
/// more.
pub const AID_LIST_LIMIT: usize = 500;

/// What legal-aid staff do to an application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AidAction {
    /// Everything missing, listed at once, once (第43条), with the days given to supply it.
    RequestMaterial {
        items: String,
        days: u32,
    },
    /// The material asked for was handed in at the agency (on paper, in person).
    MaterialReceived {
        note: String,
    },
    Grant,
    AssignLawyer {
        lawyer: String,
    },
    /// In writing, with reasons (第43条).
    Refuse {
        reasons: String,
    },
}

impl AidAction {
    pub fn kind(&self) -> &'static str {
        match self {
            Self::RequestMaterial { .. } => "material_requested",
            Self::MaterialReceived { .. } => "material_supplied",
            Self::Grant => "granted",
            Self::AssignLawyer { .. } => "lawyer_assigned",
            Self::Refuse { .. } => "refused",
        }
    }

    pub fn text(&self) -> String {
        match self {
            Self::RequestMaterial { items, .. } => format!("请补充以下材料或者作出说明：{items}"),
            Self::MaterialReceived { note } => format!("法律援助机构收到申请人补充的材料：{note}"),
            Self::Grant => "决定给予法律援助，将在 3 日内指派法律援助人员".to_owned(),
            Self::AssignLawyer { lawyer } => format!("已指派法律援助人员：{lawyer}"),
            Self::Refuse { reasons } => format!("决定不给予法律援助，理由：{reasons}"),
        }
    }
}

/// Why staff cannot take an action now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AidRefusal {
    /// Not at this stage.
    Stage,
    /// Material may be asked for once only, everything at once (第43条).
    MaterialAskedBefore,
}

impl AidRefusal {
    pub fn message(self) -> &'static str {
        match self {
            Self::Stage => "申请当前的状态不能进行这项操作，请刷新页面查看最新状态",
            Self::MaterialAskedBefore => {
                "补充材料只能一次性告知（《法律援助法》第四十三条），这件申请已经告知过"
            }
        }
    }
}

/// Whether `action` may be taken on an application in `status`.
pub fn aid_permitted(
    action: &AidAction,
    status: AidStatus,
    material_asked_before: bool,
) -> Result<(), AidRefusal> {
    let ok = match action {
        AidAction::RequestMaterial { .. } => {
            if material_asked_before {
                return Err(AidRefusal::MaterialAskedBefore);
            }
            status == AidStatus::UnderReview
        }
        AidAction::MaterialReceived { .. } => status == AidStatus::MaterialRequested,
        AidAction::Grant | AidAction::Refuse { .. } => status == AidStatus::UnderReview,
        AidAction::AssignLawyer { .. } => status == AidStatus::Granted,
    };
    if ok { Ok(()) } else { Err(AidRefusal::Stage) }
}

/// Reads a staff action from a posted form, checking every field.
pub fn parse_aid_action(pairs: &[(String, String)]) -> Result<AidAction, Vec<FieldProblem>> {
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let mut problems = Vec::new();
    let text = crate::domain::case::text_field;
    let action = match get("action") {
        "request_material" => {
            let days = get("days")
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|d| (1..=30).contains(d));
            if days.is_none() {
                problems.push(FieldProblem::new(
                    "days",
                    "out_of_range",
                    "补充期限应为 1 到 30 之间的整数（日）",
                ));
            }
            AidAction::RequestMaterial {
                items: text(
                    "items",
                    "需要补充的材料",
                    get("items"),
                    4,
                    2000,
                    &mut problems,
                ),
                days: days.unwrap_or(0),
            }
        }
        "material_received" => AidAction::MaterialReceived {
            note: text("note", "收到的材料", get("note"), 2, 1000, &mut problems),
        },
        "grant" => AidAction::Grant,
        "assign" => AidAction::AssignLawyer {
            lawyer: text(
                "lawyer",
                "法律援助人员",
                get("lawyer"),
                2,
                100,
                &mut problems,
            ),
        },
        "refuse" => AidAction::Refuse {
            reasons: text(
                "reasons",
                "不予法律援助的理由",
                get("reasons"),
                10,
                2000,
                &mut problems,
            ),
        },
        _ => {
            problems.push(FieldProblem::new("action", "unknown_action", "未知的操作"));
            AidAction::Grant
        }
    };
    if problems.is_empty() {
        Ok(action)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::config::{BureauConfig, EXAMPLE_CONFIG};

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

    fn d(day: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    #[test]
    fn the_decision_clock_and_withdrawal_by_silence() {
        let cal = BureauConfig::parse(EXAMPLE_CONFIG).unwrap().calendar;
        use crate::domain::clock::Limit;
        // 第43条: applied Mon 11-02 → decide by Mon 11-09.
        let mut events = vec![("received", d(2), None)];
        assert_eq!(aid_status(&events, d(3)), AidStatus::UnderReview);
        assert_eq!(
            aid_due(&events, d(3), &cal),
            Some((Limit::DecideLegalAid, d(9)))
        );
        // Material asked for on 11-04, to be supplied by 11-14: no decision clock meanwhile.
        events.push(("material_requested", d(4), Some(d(14))));
        assert_eq!(aid_status(&events, d(14)), AidStatus::MaterialRequested);
        assert_eq!(aid_due(&events, d(10), &cal), None);
        // Nothing by the end of 11-14: withdrawn (第43条).
        assert_eq!(aid_status(&events, d(15)), AidStatus::Withdrawn);
        // Supplied on 11-12: the 8 days it waited are not counted, so 7 + 8 days from 11-02 end on
        // 11-17 (the review paused, it did not start again); granted 11-16 → a lawyer by 11-19.
        events.push(("material_supplied", d(12), None));
        assert_eq!(aid_status(&events, d(20)), AidStatus::UnderReview);
        assert_eq!(
            aid_due(&events, d(13), &cal),
            Some((Limit::DecideLegalAid, d(17)))
        );
        events.push(("granted", d(16), None));
        assert_eq!(
            aid_due(&events, d(16), &cal),
            Some((Limit::AssignLawyer, d(19)))
        );
        events.push(("lawyer_assigned", d(17), None));
        assert_eq!(aid_status(&events, d(30)), AidStatus::LawyerAssigned);
        assert_eq!(aid_due(&events, d(30), &cal), None);
    }

    #[test]
    fn staff_actions_follow_the_stage_and_material_is_asked_once() {
        let ask = AidAction::RequestMaterial {
            items: "工资欠条".into(),
            days: 10,
        };
        assert_eq!(aid_permitted(&ask, AidStatus::UnderReview, false), Ok(()));
        assert_eq!(
            aid_permitted(&ask, AidStatus::UnderReview, true),
            Err(AidRefusal::MaterialAskedBefore)
        );
        assert_eq!(
            aid_permitted(&AidAction::Grant, AidStatus::MaterialRequested, false),
            Err(AidRefusal::Stage)
        );
        let lawyer = AidAction::AssignLawyer {
            lawyer: "陈律师".into(),
        };
        assert_eq!(
            aid_permitted(&lawyer, AidStatus::UnderReview, false),
            Err(AidRefusal::Stage)
        );
        assert_eq!(aid_permitted(&lawyer, AidStatus::Granted, false), Ok(()));
        let pairs = |p: &[(&str, &str)]| {
            p.iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect::<Vec<_>>()
        };
        let problems = parse_aid_action(&pairs(&[("action", "request_material"), ("days", "45")]))
            .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["days", "items"]);
        assert!(parse_aid_action(&pairs(&[("action", "refuse"), ("reasons", "太短")])).is_err());
        assert_eq!(
            parse_aid_action(&pairs(&[
                ("action", "assign"),
                ("lawyer", "广西某律师事务所 陈律师")
            ])),
            Ok(AidAction::AssignLawyer {
                lawyer: "广西某律师事务所 陈律师".into()
            })
        );
    }

    fn input() -> LegalAidInput {
        LegalAidInput {
            applicant: PetitionerInput {
                name: "李四".into(),
                id_number: "11010519491231002X".into(),
                mobile: "13812345678".into(),
                address: "防城港市港口区渔洲路 2 号".into(),
                district: "450602".into(),
            },
            agent: None,
            matter: "labour".into(),
            other_party: Some("某建筑公司".into()),
            description: "在工地干活三个月，老板拖欠工资一万二千元，多次讨要没有结果。".into(),
            hardship_statement: "家中只有我一人有收入，目前失业，没有存款。".into(),
            pledge: true,
            basis: None,
        }
    }

    #[test]
    fn the_form_round_trips_through_hidden_fields() {
        let pairs: Vec<(String, String)> = [
            ("who", "agent"),
            ("name", "李四"),
            ("agent_name", "李小四"),
            ("agent_relation", "女儿（近亲属）"),
            ("matter", "labour"),
            ("pledge", "yes"),
            ("attachment", "t1"),
            ("attachment", "t1"),
            ("attachment", "t2"),
            ("unknown", "x"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let v = ApplyValues::from_pairs(&pairs);
        assert_eq!(v.attachments, ["t1", "t2"]);
        let again: Vec<(String, String)> = v
            .hidden()
            .into_iter()
            .map(|(k, val)| (k.to_owned(), val))
            .collect();
        assert_eq!(ApplyValues::from_pairs(&again), v);
        let input = v.to_input();
        assert_eq!(input.agent.unwrap().relation, "女儿（近亲属）");
        assert!(input.pledge && input.other_party.is_none());
        assert_eq!(ApplyValues::web_field("applicant.id_number"), "id_number");
        assert_eq!(ApplyValues::web_field("agent.mobile"), "agent_mobile");
        assert!(ApplyValues::default().check_who().is_some());
    }

    #[test]
    fn only_those_applying_for_hardship_state_it_and_pledge_it() {
        let config = BureauConfig::parse(EXAMPLE_CONFIG).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        // 第32条: no statement, no pledge.
        let mut victim = input();
        victim.basis = Some("no_test".into());
        victim.hardship_statement = String::new();
        victim.pledge = false;
        let ok = victim.parse(&config, today).unwrap();
        assert_eq!((ok.basis, ok.pledged), (Basis::NoTest, false));
        // 第42条: name the group; no pledge.
        let mut worker = input();
        worker.basis = Some("exempt".into());
        worker.hardship_statement = String::new();
        worker.pledge = false;
        let problems = worker.parse(&config, today).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "hardship_statement");
        worker.hardship_statement = "进城务工人员，讨要工资".into();
        assert!(worker.parse(&config, today).is_ok());
        // The default is hardship: statement and pledge both required.
        let mut plain = input();
        plain.pledge = false;
        let problems = plain.parse(&config, today).unwrap_err();
        assert_eq!(problems[0].field, "pledge");
        let mut odd = input();
        odd.basis = Some("rich".into());
        assert_eq!(odd.parse(&config, today).unwrap_err()[0].field, "basis");
    }

    #[test]
    fn an_application_is_checked_with_the_petition_rules_and_the_pledge() {
        let config = BureauConfig::parse(EXAMPLE_CONFIG).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let ok = input().parse(&config, today).unwrap();
        assert_eq!(ok.matter, Matter::Labour);
        let mut bad = input();
        bad.applicant.id_number = "110105194912310021".into();
        bad.matter = "bribes".into();
        bad.pledge = false;
        bad.description = "太短".into();
        bad.agent = Some(AgentInput {
            name: "王五".into(),
            id_number: "11010519491231002X".into(),
            mobile: "12345".into(),
            relation: "".into(),
        });
        let problems = bad.parse(&config, today).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        for f in [
            "applicant.id_number",
            "agent.mobile",
            "agent.relation",
            "matter",
            "description",
            "pledge",
        ] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
    }
}
