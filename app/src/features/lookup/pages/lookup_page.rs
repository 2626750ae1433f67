use crate::domain::case::review::Rating;
use crate::domain::petition::category::Category;
use crate::features::petition::pages::{date_label, time_label};
use crate::features::petition::view::PetitionStatus;
use crate::ui::PageTitle;
use crate::ui::form::{
    Choice, ErrorSummary, FieldError, Radios, TextArea, TextField, error_for, form_title,
};
use crate::ui::form::{StepHeading, typed_lang};
use leptos::prelude::*;

/// What the server hands the page after a POST: the form again with a problem, or the case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LookupOutcome {
    Problem {
        number: String,
        errors: Vec<FieldError>,
    },
    Found(Box<Found>),
    /// A legal-aid application (FY…), 第55条.
    LegalAid(Box<AidFound>),
}

/// A legal-aid application found with its number and 查询码.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AidFound {
    pub status: crate::features::legal_aid::view::AidStatusView,
    pub code: String,
    pub notice: Option<String>,
    pub errors: Vec<FieldError>,
    pub values: Vec<(String, String)>,
}

/// A case found with its number and 查询码, and the outcome of a rating or review request just
/// sent from the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub status: PetitionStatus,
    /// Carried in the page's own forms (posted, never in an address).
    pub code: String,
    pub notice: Option<String>,
    pub errors: Vec<FieldError>,
    /// What was typed in a form that failed.
    pub values: Vec<(String, String)>,
}

/// The form posts (never GET: the 查询码 must not land in addresses, history or logs).
#[component]
pub fn LookupPage() -> impl IntoView {
    match use_context::<LookupOutcome>() {
        Some(LookupOutcome::Found(found)) => view! { <CaseStatus found=*found /> }.into_any(),
        Some(LookupOutcome::LegalAid(found)) => view! { <AidProgress found=*found /> }.into_any(),
        Some(LookupOutcome::Problem { number, errors }) => {
            view! { <LookupForm number errors /> }.into_any()
        }
        None => view! { <LookupForm number=String::new() errors=Vec::new() /> }.into_any(),
    }
}

#[component]
fn LookupForm(number: String, errors: Vec<FieldError>) -> impl IntoView {
    let title = form_title("查询办理进度", &errors);
    view! {
        <PageTitle text=title />
        <div class="wrap narrow">
            <ErrorSummary errors=errors.clone() />
            <h1>"查询办理进度"</h1>
            <p>"请输入提交信访事项或法律援助申请时得到的编号和查询码。查询码只在提交时显示一次，请妥善保管。"</p>
            <form method="post" action="/lookup" novalidate>
                <TextField
                    id="number"
                    label="编号（信访件如 XF202612010042，法律援助申请如 FY202612010007）"
                    autocomplete=Some("off")
                    value=number
                    error=error_for(&errors, "number")
                />
                <TextField
                    id="code"
                    label="查询码（12 位，例如 ABCD-EFGH-JKMN）"
                    autocomplete=Some("off")
                    error=error_for(&errors, "code")
                />
                <button type="submit" class="button">
                    "查询"
                </button>
            </form>
            <p class="note">"忘记查询码的，可以携带身份证件到信访接待场所查询，或拨打 12345。"</p>
        </div>
    }
}

fn category_label(code: &str) -> &'static str {
    Category::parse(code).map(Category::label).unwrap_or("")
}

#[component]
fn CaseStatus(found: Found) -> impl IntoView {
    let Found {
        status,
        code,
        notice,
        errors,
        values,
    } = found;
    let value = |k: &str| {
        values
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let options = status.after_reply.clone();
    let number = status.number.clone();
    let evaluate_form = options.can_evaluate.then(|| {
        let choices = Rating::ALL
            .into_iter()
            .map(|r| Choice {
                value: r.code(),
                label: r.label().to_owned(),
                hint: None,
            })
            .collect();
        view! {
            <form method="post" action="/lookup/evaluation" class="case-action" id="evaluation">
                <h2>"满意度评价"</h2>
                <input type="hidden" name="number" value=number.clone() />
                <input type="hidden" name="code" value=code.clone() />
                <Radios
                    name="rating"
                    legend="您对这份答复满意吗？（《信访工作条例》第二十一条）".to_owned()
                    not_the_heading=true
                    choices
                    value=value("rating")
                    error=error_for(&errors, "rating")
                />
                <TextArea
                    id="comment"
                    label="意见（可选）"
                    rows=3
                    value=value("comment")
                    error=error_for(&errors, "comment")
                />
                <button type="submit" class="button">
                    "提交评价"
                </button>
            </form>
        }
    });
    let review_form = options.can_request.clone().map(|level| {
        let (name, action, article) = if level == "recheck" {
            ("复核", "请求复核", "第三十六条")
        } else {
            ("复查", "请求复查", "第三十五条")
        };
        let until = options
            .request_until
            .map(date_label)
            .unwrap_or_default();
        view! {
            <form method="post" action="/lookup/review-request" class="case-action" id="review">
                <h2>{action}</h2>
                <p>
                    {format!(
                        "对答复不服的，可以在 {until} 前请求上一级机关{name}（《信访工作条例》{article}）。",
                    )}
                </p>
                <input type="hidden" name="number" value=number.clone() />
                <input type="hidden" name="code" value=code.clone() />
                <TextArea
                    id="reason"
                    label="请求的理由"
                    rows=4
                    value=value("reason")
                    error=error_for(&errors, "reason")
                />
                <button type="submit" class="button">
                    {action}
                </button>
            </form>
        }
    });
    let unit = status
        .unit_name
        .clone()
        .unwrap_or_else(|| "由信访部门确定".to_owned());
    let page_title = form_title("办理进度", &errors);
    view! {
        <PageTitle text=page_title />
        <div class="wrap">
            <ErrorSummary errors=errors.clone() />
            // What was just done (a rating, a request) is the news: it takes the focus before the heading.
            {notice
                .map(|n| {
                    view! {
                        <p class="notice" role="status" id="lookup-notice" tabindex="-1" autofocus>
                            {n}
                        </p>
                    }
                })}
            <StepHeading>"办理进度"</StepHeading>
            <dl class="facts">
                <dt>"信访件编号"</dt>
                <dd>{status.number.clone()}</dd>
                <dt>"标题"</dt>
                // What the citizen wrote, shown as written in every language.
                <dd translate="no" lang=typed_lang(&status.title)>
                    {status.title.clone()}
                </dd>
                <dt>"类别"</dt>
                <dd>{category_label(&status.category)}</dd>
                <dt>"当前状态"</dt>
                <dd>
                    <strong>{status.status_label.clone()}</strong>
                </dd>
                <dt>"收到时间"</dt>
                <dd>{time_label(&status.received_at)}</dd>
                <dt>"承办单位"</dt>
                <dd>{unit}</dd>
            </dl>
            {status
                .same_matter_as
                .clone()
                .map(|other| {
                    view! {
                        <p class="note">
                            "提示：您此前就同一事项提交的 " {other}
                            " 仍在办理中，两件会一并处理，无需重复提交。"
                        </p>
                    }
                })}
            <h2>"法定期限"</h2>
            <ul>
                {status
                    .running_due
                    .clone()
                    .map(|d| {
                        view! {
                            <li id="running-due">
                                "当前：" {d.step} "，应于 " <strong>{date_label(d.date)}</strong> " 前完成（"
                                {d.article} "）。"
                            </li>
                        }
                    })}
                <li>
                    "信访部门应于 " <strong>{date_label(status.due.register)}</strong>
                    " 前登记并转送或交办（《信访工作条例》第二十二条）。"
                </li>
            </ul>
            <h2>"办理过程"</h2>
            <ol class="timeline" id="timeline-list">
                {status
                    .timeline
                    .iter()
                    .map(|e| {
                        view! {
                            <li>
                                <span class="timeline-at">{time_label(&e.at)}</span>
                                " "
                                // A progress note is the staff's own words, in Chinese only.
                                <span lang=(e.kind == "progress").then_some("zh-Hans")>
                                    {e.text.clone()}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <h2>"答复意见"</h2>
            {if status.replies.is_empty() {
                view! { <p>"尚未答复。有权处理的机关作出书面答复后，会显示在这里。"</p> }.into_any()
            } else {
                status
                    .replies
                    .iter()
                    .map(|r| {
                        view! {
                            <section class="reply">
                                <h3>"信访处理意见书（" {time_label(&r.at)} "）"</h3>
                                <dl class="facts">
                                    <dt>"诉求"</dt>
                                    // The written reply exists in Chinese only (繁體 pages convert it).
                                    <dd lang="zh-Hans">{r.request.clone()}</dd>
                                    <dt>"事实和理由"</dt>
                                    <dd lang="zh-Hans">{r.facts_and_reasons.clone()}</dd>
                                    <dt>"处理意见"</dt>
                                    <dd lang="zh-Hans">{r.opinion.clone()}</dd>
                                    <dt>"法律依据"</dt>
                                    <dd lang="zh-Hans">{r.legal_basis.clone()}</dd>
                                    <dt>"处理结果"</dt>
                                    <dd>{r.outcome.clone()}</dd>
                                </dl>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
            {evaluate_form}
            {review_form}
            <p>
                <a href="/lookup">"查询另一件"</a>
            </p>
        </div>
    }
}

/// A legal-aid application's progress (法律援助法 第55条), and the form to supply material while
/// the agency asks for it.
#[component]
fn AidProgress(found: AidFound) -> impl IntoView {
    use crate::domain::legal_aid::AidStatus;
    let AidFound {
        status: s,
        code,
        notice,
        errors,
        values,
    } = found;
    let explanation = values
        .iter()
        .find(|(k, _)| k == "explanation")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let asking = s.status == AidStatus::MaterialRequested;
    let number = s.number.clone();
    view! {
        <PageTitle text=form_title(&format!("法律援助申请 {}", s.number), &errors) />
        <div class="wrap">
            <ErrorSummary errors=errors.clone() />
            <StepHeading>"法律援助申请 " {s.number.clone()}</StepHeading>
            {notice.map(|n| view! { <p class="notice" id="lookup-notice" role="status">{n}</p> })}
            <dl class="facts">
                <dt>"状态"</dt>
                <dd id="aid-status">{s.status_label.clone()}</dd>
                <dt>"事项"</dt>
                <dd>{s.matter_label.clone()}</dd>
                <dt>"收到时间"</dt>
                <dd>{time_label(&s.received_at)}</dd>
                {s
                    .due
                    .clone()
                    .map(|d| {
                        view! {
                            <dt>"法定期限"</dt>
                            <dd id="aid-due">
                                {format!("{}：{}前（{}）", d.step, date_label(d.date), d.article)}
                            </dd>
                        }
                    })}
                {s
                    .answer_by
                    .map(|d| {
                        view! {
                            <dt>"补充材料期限"</dt>
                            <dd id="answer-by">{date_label(d)} "（逾期未补充的，视为撤回申请）"</dd>
                        }
                    })}
            </dl>
            <h2>"办理过程"</h2>
            <ol class="timeline" id="timeline-list">
                {s
                    .timeline
                    .iter()
                    .map(|e| view! { <li>{time_label(&e.at)} " " {e.text.clone()}</li> })
                    .collect_view()}
            </ol>
            {asking
                .then(|| {
                    view! {
                        <h2>"补充材料或作出说明"</h2>
                        <form method="post" action="/lookup/legal-aid-material" novalidate id="material">
                            <input type="hidden" name="number" value=number.clone() />
                            <input type="hidden" name="code" value=code.clone() />
                            <TextArea
                                id="explanation"
                                label="补充说明"
                                hint=Some("写明补充了哪些材料，或者对要求说明的问题作出说明；纸质材料也可以送到法律援助机构".to_owned())
                                rows=4
                                value=explanation.clone()
                                error=error_for(&errors, "explanation")
                            />
                            <button type="submit" class="button">
                                "提交补充"
                            </button>
                        </form>
                    }
                })}
            <p>"对法律援助机构的决定或者服务有意见的，可以向司法行政部门投诉（第五十五条）。"</p>
        </div>
    }
}
