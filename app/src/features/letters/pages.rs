//! The letters' pages (工作台, in Simplified Chinese): the year's letters with their counts and
//! the overdue ones (`/staff/letters`), the form to issue one (`/staff/letters/new`), and a
//! letter as its A4 document with the unit's answer (`/staff/letters/{id}`). Rendered by the
//! handlers of `http`.

use crate::domain::letter::LetterDraft;
use crate::ui::PageTitle;
use crate::ui::form::{
    Choice, ErrorSummary, FieldError, Radios, SelectField, TextArea, TextField, error_for,
    form_title,
};
use leptos::prelude::*;

/// One letter in the list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LetterItem {
    pub id: i64,
    pub kind: String,
    pub number: String,
    pub unit: String,
    pub subject: String,
    pub issued_on: String,
    pub reply_by: String,
    /// 未答复, 逾期未答复, or the answer (采纳, 已落实, …).
    pub state: String,
    pub overdue: bool,
}

/// `/staff/letters`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LettersView {
    pub year: i32,
    pub overdue_only: bool,
    pub items: Vec<LetterItem>,
    /// Each kind's name and the year's count.
    pub counts: Vec<(String, u64)>,
    /// 三项建议 issued, adopted, partly adopted, not adopted.
    pub proposals: (u64, u64, u64, u64),
    pub overdue: u64,
    /// A unit's staff see their unit's letters and cannot issue.
    pub may_issue: bool,
    pub unit_only: Option<String>,
}

fn back() -> impl IntoView {
    view! {
        <nav aria-label="返回" class="no-print">
            <a href="/staff">"返回工作台"</a>
            " · "
            <a href="/staff/letters">"全部函件"</a>
        </nav>
    }
}

#[component]
pub fn LettersPage() -> impl IntoView {
    let Some(v) = use_context::<LettersView>() else {
        return view! { <crate::ui::SignInFirst /> }.into_any();
    };
    let (proposals, adopted, partly, not_adopted) = v.proposals;
    let heading = match &v.unit_only {
        Some(unit) => format!("{unit} 收到的函件"),
        None => "督办函、提醒函和建议函".to_owned(),
    };
    let list = if v.items.is_empty() {
        view! {
            <p id="no-letters">
                {if v.overdue_only { "没有逾期未答复的函件。" } else { "这一年还没有函件。" }}
            </p>
        }
        .into_any()
    } else {
        view! {
            <crate::ui::DataTable caption="函件" caption_visible=false stacked=true>
                <thead>
                    <tr>
                        <th scope="col">"文号"</th>
                        <th scope="col">"类型"</th>
                        <th scope="col">"发往单位"</th>
                        <th scope="col">"事由"</th>
                        <th scope="col">"发出日期"</th>
                        <th scope="col">"答复期限"</th>
                        <th scope="col">"答复情况"</th>
                    </tr>
                </thead>
                <tbody id="letters">
                    {v
                        .items
                        .iter()
                        .map(|l| {
                            let href = format!("/staff/letters/{}", l.id);
                            let class = if l.overdue { "overdue" } else { "" };
                            view! {
                                <tr class=class>
                                    <th scope="row" data-label="文号">
                                        <a href=href>{l.number.clone()}</a>
                                    </th>
                                    <td data-label="类型">{l.kind.clone()}</td>
                                    <td data-label="发往单位">{l.unit.clone()}</td>
                                    <td data-label="事由">{l.subject.clone()}</td>
                                    <td data-label="发出日期">{l.issued_on.clone()}</td>
                                    <td data-label="答复期限">{l.reply_by.clone()}</td>
                                    <td data-label="答复情况">{l.state.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </crate::ui::DataTable>
        }
        .into_any()
    };
    let year = v.year;
    view! {
        <PageTitle text="函件 · 工作台".to_owned() />
        <div class="wrap">
            {back()}
            <h1>{heading}</h1>
            <p>
                "《信访工作条例》第四十条：信访部门发现有关机关、单位办理信访事项推诿、敷衍、拖延等情形的，应当及时督办，并提出改进工作的建议；对政策性问题提出完善政策的建议；对造成严重后果的提出追究责任的建议。有关机关、单位应当书面反馈采纳情况。"
            </p>
            {v
                .may_issue
                .then(|| {
                    view! {
                        <p>
                            <a class="button" href="/staff/letters/new">"发函"</a>
                        </p>
                    }
                })}
            <h2>{format!("{year} 年的函件")}</h2>
            <ul id="letter-counts">
                {v
                    .counts
                    .iter()
                    .map(|(name, n)| view! { <li>{format!("{name} {n} 件")}</li> })
                    .collect_view()}
                <li>
                    {format!(
                        "三项建议 {proposals} 件：采纳 {adopted} 件，部分采纳 {partly} 件，未采纳 {not_adopted} 件，未答复 {} 件",
                        proposals - adopted - partly - not_adopted,
                    )}
                </li>
                <li>{format!("逾期未答复 {} 件", v.overdue)}</li>
            </ul>
            <form method="get" action="/staff/letters" class="filters">
                <TextField
                    id="year"
                    label="年份"
                    inputmode=Some("numeric")
                    value=year.to_string()
                />
                <p>
                    <label>
                        <input type="checkbox" name="overdue" value="1" checked=v.overdue_only />
                        " 只看逾期未答复的"
                    </label>
                </p>
                <button type="submit" class="button secondary">
                    "查看"
                </button>
            </form>
            {list}
        </div>
    }
    .into_any()
}

/// `/staff/letters/new`: the form, with what was typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewLetterView {
    pub draft: LetterDraft,
    pub errors: Vec<FieldError>,
    /// (code, name) of each kind and each unit.
    pub kinds: Vec<(String, String)>,
    pub units: Vec<(String, String)>,
}

#[component]
pub fn NewLetterPage() -> impl IntoView {
    let Some(v) = use_context::<NewLetterView>() else {
        return view! { <crate::ui::SignInFirst /> }.into_any();
    };
    let errors = v.errors.clone();
    let d = v.draft.clone();
    view! {
        <PageTitle text=form_title("发函 · 工作台", &errors) />
        <div class="wrap">
            {back()}
            <ErrorSummary errors=errors.clone() />
            <h1>"发函"</h1>
            <p>
                "函件按类型每年分别编号，发出后单位的工作人员会收到邮件（开通了邮件提醒的）。督办函和提醒函同时记入所列每件信访事项的办理过程；建议函只与事项关联。所列事项须由发往的单位办理（追究责任建议函和完善政策建议函除外）。"
            </p>
            <form method="post" action="/staff/letters" novalidate>
                <SelectField
                    id="kind"
                    label="函件类型"
                    placeholder="请选择"
                    options=v.kinds.clone()
                    value=d.kind.clone()
                    error=error_for(&errors, "kind")
                />
                <SelectField
                    id="unit"
                    label="发往单位"
                    placeholder="请选择"
                    options=v.units.clone()
                    value=d.unit.clone()
                    error=error_for(&errors, "unit")
                />
                <TextArea
                    id="cases"
                    label="涉及的信访事项编号"
                    hint=Some(
                        "一行一个，或用逗号、顿号隔开；完善政策建议函可以不填".to_owned(),
                    )
                    rows=3
                    value=d.cases.clone()
                    error=error_for(&errors, "cases")
                />
                <TextField
                    id="subject"
                    label="事由"
                    hint=Some("例如：加快办理某小区电梯维修信访事项".to_owned())
                    value=d.subject.clone()
                    error=error_for(&errors, "subject")
                />
                <TextArea
                    id="body"
                    label="正文"
                    hint=Some("写明发现的问题和要求；可分段".to_owned())
                    rows=8
                    value=d.body.clone()
                    error=error_for(&errors, "body")
                />
                <TextField
                    id="reply_by"
                    label="答复期限"
                    hint=Some("年-月-日，最长 90 天".to_owned())
                    kind="date"
                    value=d.reply_by.clone()
                    error=error_for(&errors, "reply_by")
                />
                <button type="submit" class="button">
                    "发出"
                </button>
            </form>
        </div>
    }
    .into_any()
}

/// The unit's answer as recorded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnswerView {
    pub answer: String,
    pub text: String,
    pub at: String,
    pub by: String,
}

/// `/staff/letters/{id}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LetterView {
    pub id: i64,
    pub title: String,
    pub number: String,
    pub kind: String,
    pub unit: String,
    pub paragraphs: Vec<String>,
    pub bureau: String,
    /// The day it was issued, as a letter writes it.
    pub written_on: String,
    pub reply_by: String,
    pub cases: Vec<String>,
    pub issued_by: String,
    pub answer: Option<AnswerView>,
    pub overdue: bool,
    pub may_answer: bool,
    /// (code, name) of the answers for its kind.
    pub answers: Vec<(&'static str, String)>,
    /// What was typed in the answer form, and its problems.
    pub typed_answer: String,
    pub typed_text: String,
    pub errors: Vec<FieldError>,
    pub notice: Option<String>,
}

#[component]
pub fn LetterPage() -> impl IntoView {
    let Some(v) = use_context::<LetterView>() else {
        return view! { <crate::ui::SignInFirst /> }.into_any();
    };
    let errors = v.errors.clone();
    let mut paragraphs = v.paragraphs.clone().into_iter();
    let addressee = paragraphs.next().unwrap_or_default();
    let state = match (&v.answer, v.overdue) {
        (Some(a), _) => format!("已答复：{}（{}，{}）", a.answer, a.at, a.by),
        (None, true) => format!("逾期未答复（答复期限 {}）", v.reply_by),
        (None, false) => format!("未答复（答复期限 {}）", v.reply_by),
    };
    let answer_form = (v.may_answer && v.answer.is_none()).then(|| {
        let choices = v
            .answers
            .iter()
            .map(|(code, name)| Choice::plain(code, name.clone()))
            .collect::<Vec<_>>();
        view! {
            <section class="no-print" aria-labelledby="answer-heading">
                <h2 id="answer-heading">"登记书面答复"</h2>
                <form method="post" action=format!("/staff/letters/{}/answer", v.id) novalidate>
                    <Radios
                        name="answer"
                        legend="采纳（落实）情况".to_owned()
                        choices=choices
                        value=v.typed_answer.clone()
                        error=error_for(&errors, "answer")
                        not_the_heading=true
                    />
                    <TextArea
                        id="answer_text"
                        label="书面答复"
                        hint=Some("单位书面反馈的内容；纸质答复可由督办人员录入".to_owned())
                        rows=6
                        value=v.typed_text.clone()
                        error=error_for(&errors, "answer_text")
                    />
                    <button type="submit" class="button">
                        "保存答复"
                    </button>
                </form>
            </section>
        }
    });
    view! {
        <PageTitle text=form_title(&format!("{} · 工作台", v.number), &errors) />
        <div class="wrap">
            {back()}
            <ErrorSummary errors=errors.clone() />
            {v.notice.clone().map(|n| view! { <p class="notice no-print" role="status" id="letter-notice">{n}</p> })}
            <p class="no-print" id="letter-state">{format!("{}，{}", v.kind, state)}</p>
            <p class="no-print">
                "用浏览器的“打印”（电脑上按 Ctrl+P）打印本函，纸张选 A4；打印件只有函件本身。"
            </p>
            <article class="letter-doc" aria-labelledby="letter-title">
                <p class="letter-bureau">{v.bureau.clone()}</p>
                <h1 id="letter-title" class="letter-title">{v.title.clone()}</h1>
                <p class="letter-number" id="letter-number">{v.number.clone()}</p>
                <p class="letter-addressee">{addressee}</p>
                {paragraphs.map(|p| view! { <p class="letter-para">{p}</p> }).collect_view()}
                <p class="letter-sign letter-sign-top">{v.bureau.clone()}</p>
                <p class="letter-sign" id="letter-date">{v.written_on.clone()}</p>
            </article>
            {(!v.cases.is_empty())
                .then(|| {
                    view! {
                        <section class="no-print" aria-labelledby="cases-heading">
                            <h2 id="cases-heading">"涉及的信访事项"</h2>
                            <ul id="letter-cases">
                                {v
                                    .cases
                                    .iter()
                                    .map(|n| {
                                        let href = format!("/staff/cases/{n}");
                                        view! {
                                            <li>
                                                <a href=href>{n.clone()}</a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
            {v
                .answer
                .clone()
                .map(|a| {
                    view! {
                        <section class="no-print" aria-labelledby="answered-heading">
                            <h2 id="answered-heading">"单位的书面答复"</h2>
                            <p id="letter-answer">{format!("{}（{}，{}登记）", a.answer, a.at, a.by)}</p>
                            {a
                                .text
                                .lines()
                                .map(|l| view! { <p>{l.to_owned()}</p> })
                                .collect_view()}
                        </section>
                    }
                })}
            {answer_form}
            <p class="no-print">{format!("发函人：{}", v.issued_by)}</p>
        </div>
    }
    .into_any()
}
