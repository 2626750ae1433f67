//! 法律援助 (PRODUCT.md journey 3): the start page, the self-check (one question per page, plain
//! GET forms: the answers are not personal data), and the application.

mod apply;
mod staff_page;

pub use apply::{ApplyPage, ApplyView, LegalAidReceipt};
pub use staff_page::{LegalAidCasePage, LegalAidListPage};

use crate::domain::legal_aid::{
    Assessment, CheckAnswers, Group, Hardship, Likelihood, Matter, Question, Special, assess,
};
use crate::ui::PageTitle;
use crate::ui::form::StepHeading;
use crate::ui::form::{Choice, ErrorSummary, FieldError, HiddenFields, Radios, form_title};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The statute library's anchor of the first article named in `article` (`第三十一条第五项` →
/// `…#第三十一条`).
fn law_link(article: &str) -> String {
    let number = article.split_inclusive('条').next().unwrap_or_default();
    format!("/laws/法律援助法-2021#{number}")
}

/// `/legal-aid`: what legal aid is, who may get it, and the two ways on.
#[component]
pub fn LegalAidPage() -> impl IntoView {
    view! {
        <PageTitle text="法律援助" />
        <div class="wrap">
            <h1>"法律援助"</h1>
            <p class="lead">
                "经济困难、请不起律师的，可以向法律援助机构申请，由国家指派律师等法律援助人员免费为您提供法律咨询、代理或者刑事辩护（《法律援助法》第二条）。"
            </p>
            <h2>"先做一个自查"</h2>
            <p>
                "回答几个问题（约 1 分钟，不需要填写个人信息），看看您的事项是否在法律援助范围内、要不要核查经济困难。自查结果只是参考，是否给予法律援助，由法律援助机构审查后决定。"
            </p>
            <p>
                <a class="button" href="/legal-aid/check">
                    "开始自查"
                </a>
            </p>
            <h2>"直接申请"</h2>
            <p>
                "已经清楚自己可以申请的，可以"
                <a href="/legal-aid/apply">"在网上提出申请"</a>
                "。申请后会得到申请编号和查询码；法律援助机构自收到申请之日起 7 日内作出是否给予法律援助的决定（第四十三条）。"
            </p>
            <h2>"需要帮助"</h2>
            <p>"拨打 12348 公共法律服务热线，可以免费咨询法律问题，也可以询问法律援助怎么申请。"</p>
        </div>
    }
}

fn question_view(q: Question, a: &CheckAnswers, error: Option<String>) -> AnyView {
    let (legend, hint, choices): (&str, Option<&str>, Vec<Choice>) = match q {
        Question::Matter => (
            "您要解决的是哪一类问题？",
            Some("法律援助法列举了可以申请法律援助的事项（第二十四条、第三十一条、第三十三条）。"),
            Matter::ALL
                .iter()
                .map(|m| Choice {
                    value: m.code(),
                    label: m.label().to_owned(),
                    hint: (*m != Matter::Other).then(|| format!("《法律援助法》{}", m.article())),
                })
                .collect(),
        ),
        Question::Special => (
            "您是否属于下列情形之一？",
            Some("属于这些情形的，申请法律援助不受经济困难条件的限制（第三十二条）。"),
            Special::ALL
                .iter()
                .map(|s| Choice::plain(s.code(), s.label()))
                .collect(),
        ),
        Question::Group => (
            "您是否属于下列人员之一？",
            Some("有材料证明属于这些人员的，免予核查经济困难状况（第四十二条）。"),
            Group::ALL
                .iter()
                .map(|g| Choice::plain(g.code(), g.label()))
                .collect(),
        ),
        Question::Hardship => (
            "您是否经济困难、请不起律师？",
            Some("经济困难的标准由自治区人民政府确定（第三十四条）；这里只问您自己的判断。"),
            Hardship::ALL
                .iter()
                .map(|h| Choice::plain(h.code(), h.label()))
                .collect(),
        ),
    };
    let kept: Vec<(&'static str, String)> = a
        .before(q)
        .pairs()
        .into_iter()
        .map(|(k, v)| (k, v.to_owned()))
        .collect();
    let errors: Vec<FieldError> = error
        .iter()
        .map(|m| FieldError {
            field: q.code().to_owned(),
            message: m.clone().into(),
        })
        .collect();
    view! {
        <PageTitle text=form_title(&format!("{legend} · 法律援助自查"), &errors) />
        <div class="wrap">
            <ErrorSummary errors=errors.clone() />
            <form method="get" action="/legal-aid/check" novalidate>
                <HiddenFields fields=kept />
                <input type="hidden" name="asked" value=q.code() />
                <Radios
                    name=q.code()
                    legend=legend.to_owned()
                    hint=hint.map(str::to_owned)
                    choices
                    error
                />
                <button type="submit" class="button">
                    "继续"
                </button>
            </form>
        </div>
    }
    .into_any()
}

/// `/legal-aid/check`: the next open question, or the result.
#[component]
pub fn SelfCheckPage() -> impl IntoView {
    let query = use_query_map().read_untracked();
    let pairs: Vec<(String, String)> = ["matter", "special", "group", "hardship"]
        .iter()
        .filter_map(|k| query.get(k).map(|v| ((*k).to_owned(), v)))
        .collect();
    let asked = query.get("asked").as_deref().and_then(Question::parse);
    let answers = CheckAnswers::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    match answers.next_question() {
        Some(q) => {
            // Sent without choosing: the same question with its message.
            let error = (asked == Some(q)).then(|| q.missing().to_owned());
            question_view(q, &answers, error)
        }
        None => match assess(&answers) {
            Some(result) => view! { <CheckResult answers result /> }.into_any(),
            None => question_view(Question::Matter, &CheckAnswers::default(), None),
        },
    }
}

#[component]
fn CheckResult(answers: CheckAnswers, result: Assessment) -> impl IntoView {
    let restart = "/legal-aid/check".to_owned();
    let change_matter = restart.clone();
    let summary: Vec<(String, String)> = [
        answers.matter.map(|m| ("事项", m.label())),
        answers.special.map(|s| ("特殊情形", s.label())),
        answers.group.map(|g| ("特定人员", g.label())),
        answers.hardship.map(|h| ("经济状况", h.label())),
    ]
    .into_iter()
    .flatten()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let next = match result.likelihood {
        Likelihood::Unlikely => {
            "您仍然可以提出申请，由法律援助机构核查；也可以拨打 12348 咨询其他法律服务。"
        }
        Likelihood::OutsideTheList => {
            "建议先拨打 12348 咨询：地方的规定可能把更多事项列入法律援助范围。您也可以提出申请，由法律援助机构审查。"
        }
        Likelihood::LikelyNoHardshipTest => {
            "可以在网上提出申请。申请时说明案情，并选择您属于第三十二条的情形或者第四十二条的人员（后者请上传证明）；不需要作出经济困难的诚信承诺。"
        }
        Likelihood::LikelyIfHardship => {
            "可以在网上提出申请。申请时需要说明案情，并如实说明经济困难状况、作出诚信承诺（第四十一条）。"
        }
    };
    view! {
        <PageTitle text="自查结果 · 法律援助" />
        <div class="wrap">
            <StepHeading id="check-result">{result.likelihood.heading()}</StepHeading>
            <div class="notice" id="not-a-decision">
                <p>
                    "这只是根据您的回答作出的参考，不是决定。是否给予法律援助，由法律援助机构自收到申请之日起 7 日内审查决定（《法律援助法》第四十三条）。"
                </p>
            </div>
            <h2>"为什么"</h2>
            <ul class="reasons">
                {result
                    .reasons
                    .into_iter()
                    .map(|r| {
                        let href = law_link(&r.article);
                        view! {
                            <li>
                                {r.text} " （"
                                <a href=href>{format!("《法律援助法》{}", r.article)}</a>
                                "）"
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h2>"您的回答"</h2>
            <dl class="facts">
                {summary
                    .into_iter()
                    .map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> })
                    .collect_view()}
            </dl>
            <p>
                <a href=change_matter>"重新自查"</a>
            </p>
            <h2>"下一步"</h2>
            <p>{next}</p>
            <p>
                <a class="button" href="/legal-aid/apply">
                    "申请法律援助"
                </a>
            </p>
            <p>"拨打 12348 公共法律服务热线，可以免费咨询。"</p>
        </div>
    }
}
