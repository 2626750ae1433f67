//! A case on the workbench: the record (as far as this staff member may see it), its timeline,
//! and the forms of the actions allowed now. Each form posts to the same address.

use crate::domain::case::{ActionKind, Level, Outcome};
use crate::domain::petition::category::Category;
use crate::features::cases::server_fns::get_case;
use crate::features::cases::view::CaseView;
use crate::features::workbench::ActionProblem;
use crate::ui::ActionForm;
use crate::ui::PageTitle;
use crate::ui::form::{
    Choice, ErrorSummary, FieldError, Radios, SelectField, TextArea, TextField, error_for,
    form_title,
};
use crate::ui::i18n::text;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CasePage() -> impl IntoView {
    if let Some(p) = use_context::<ActionProblem<CaseView>>() {
        return view! { <CaseDetail view=*p.view errors=p.errors values=p.values /> }.into_any();
    }
    let number = use_params_map()
        .read_untracked()
        .get("number")
        .unwrap_or_default();
    let case = Resource::new(move || number.clone(), get_case);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match case.await {
                    Ok(Some(view)) => {
                        view! { <CaseDetail view errors=Vec::new() values=Vec::new() /> }.into_any()
                    }
                    Ok(None) => {
                        #[cfg(feature = "ssr")]
                        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                            res.set_status(http::StatusCode::NOT_FOUND);
                        }
                        view! {
                            <PageTitle text="没有找到这件信访事项" />
                            <div class="wrap">
                                <h1>"没有找到这件信访事项"</h1>
                                <p>"编号不存在，或者这件事项不由您的单位办理。"</p>
                                <p>
                                    <a href="/staff">"回到工作台"</a>
                                </p>
                            </div>
                        }
                            .into_any()
                    }
                    Err(_) => {
                        view! { <crate::ui::SignInFirst /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
    .into_any()
}

fn value_of(values: &[(String, String)], key: &str) -> Option<String> {
    values
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
}

#[component]
fn CaseDetail(
    view: CaseView,
    errors: Vec<FieldError>,
    values: Vec<(String, String)>,
) -> impl IntoView {
    let v = view;
    let title = form_title(&format!("信访件 {}", v.number), &errors);
    let action = format!("/staff/cases/{}", v.number);
    let category = Category::parse(&v.category)
        .map(|c| text(&c.label()))
        .unwrap_or_default();
    let has = |a: ActionKind| v.actions.contains(&a);
    let (assign, accept, not_accept, reply, progress, close) = (
        has(ActionKind::Assign),
        has(ActionKind::Accept),
        has(ActionKind::NotAccept),
        has(ActionKind::Reply),
        has(ActionKind::Progress),
        has(ActionKind::Close),
    );
    let review = has(ActionKind::Review);
    let (extend, supervise, mediate) = (
        has(ActionKind::Extend),
        has(ActionKind::Supervise),
        has(ActionKind::Mediate),
    );
    let (object, hearing) = (has(ActionKind::Object), has(ActionKind::Hearing));
    let posted_review = has(ActionKind::PostedReview);
    let set_field = has(ActionKind::SetField);
    let field_name = v
        .fields
        .iter()
        .find(|(code, _)| *code == v.field)
        .map(|(_, name)| name.clone())
        .unwrap_or_else(|| v.field.clone());
    let suggested = v
        .units
        .iter()
        .find(|(_, name)| Some(name) == v.suggested_unit.as_ref())
        .map(|(code, _)| code.clone())
        .unwrap_or_default();
    let val = |k: &str, default: String| value_of(&values, k).unwrap_or(default);
    // A report is never assigned to the unit it reports (第30条): not offered at all.
    let assignable: Vec<(String, String)> = v
        .units
        .iter()
        .filter(|(code, _)| Some(code) != v.reported_unit_code.as_ref())
        .cloned()
        .collect();
    // After an action the page is shown again (303) with `?done=<action>`: say it was done.
    let done = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("done")
        .and_then(|code| ActionKind::parse(&code))
        .filter(|_| errors.is_empty())
        .map(action_label);
    view! {
        <PageTitle text=title />
        <div class="wrap">
            <p>
                <a href="/staff">"← 工作台"</a>
            </p>
            <ErrorSummary errors=errors.clone() />
            {done
                .map(|label| {
                    view! {
                        <p class="notice" id="action-done" role="status">
                            {format!("已{label}。办理过程已记下这一步。")}
                        </p>
                    }
                })}
            <h1>{v.title.clone()}</h1>
            <section class="due-now" id="now" aria-labelledby="now-heading">
                <h2 id="now-heading">"现在"</h2>
                <dl class="facts">
                    <dt>"状态"</dt>
                    <dd id="case-status">
                        <strong>{v.status_label.clone()}</strong>
                    </dd>
                    <dt>"当前期限"</dt>
                    <dd id="due-now">
                        {match v.due.clone() {
                            Some(d) => {
                                let urgent = d.urgency.label().map(|u| text(&u));
                                view! {
                                    {d.label}
                                    "（" {d.article} "）："
                                    <strong>{crate::ui::i18n::due_date(d.date)}</strong>
                                    {urgent.map(|u| view! { " " <strong class="urgent">{u}</strong> })}
                                }
                                    .into_any()
                            }
                            None => view! { "没有正在计算的期限" }.into_any(),
                        }}
                    </dd>
                    <dt>"由谁办理"</dt>
                    <dd id="due-by">
                        {v
                            .held_by
                            .clone()
                            .unwrap_or_else(|| {
                                if v.pending_review.is_some() {
                                    "信访部门（复查、复核机关不在本平台，由信访部门转送并记录意见）".into()
                                } else {
                                    "信访部门（登记、交办）".into()
                                }
                            })}
                    </dd>
                    <dt>"您现在可以"</dt>
                    <dd>
                        {if v.actions.is_empty() {
                            view! { "当前没有您可以进行的操作" }.into_any()
                        } else {
                            view! {
                                <ul class="inline-list" id="can-do">
                                    {v
                                        .actions
                                        .iter()
                                        .map(|a| {
                                            view! {
                                                <li>
                                                    <a href=format!("#action-{}", a.code())>{action_label(*a)}</a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }}
                    </dd>
                </dl>
            </section>
            <dl class="facts">
                <dt>"编号"</dt>
                <dd>{v.number.clone()}</dd>
                <dt>"类别"</dt>
                <dd>{category}</dd>
                <dt>"渠道"</dt>
                <dd id="case-channel">{v.channel.clone()}</dd>
                <dt>"涉及领域"</dt>
                <dd id="case-field">{field_name}</dd>
                {v
                    .received_on
                    .clone()
                    .map(|d| {
                        view! {
                            <dt>"收到日期（时限起算）"</dt>
                            <dd id="case-received-on">{d}</dd>
                        }
                    })}
                {v
                    .postmarked_on
                    .clone()
                    .map(|d| {
                        view! {
                            <dt>"邮戳日期"</dt>
                            <dd id="case-postmark">{d}</dd>
                        }
                    })}
                <dt>{if v.received_on.is_some() { "登记时间" } else { "收到时间" }}</dt>
                <dd>{crate::ui::i18n::time(&v.received_at)}</dd>
                <dt>"登记、交办期限（第二十二条）"</dt>
                <dd>{crate::ui::i18n::due_date(v.register_due)}</dd>
                <dt>"承办单位"</dt>
                <dd>
                    {v
                        .assigned_unit
                        .clone()
                        .unwrap_or_else(|| {
                            format!(
                                "尚未交办（信访人希望：{}）",
                                v.suggested_unit.clone().unwrap_or_else(|| "未选择".into()),
                            )
                        })}
                </dd>
            </dl>
            <h2 id="actions">"可以进行的操作"</h2>
            {assign
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action=ActionKind::Assign.code() label="登记并交办"
                            fields={view! {
                            <SelectField
                                id="unit"
                                label="登记并交办给"
                                placeholder="请选择承办单位"
                                options=assignable.clone()
                                value=val("unit", suggested.clone())
                                error=error_for(&errors, "unit")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
            {accept
                .then(|| {
                    view! { <ActionForm url=action.clone() action=ActionKind::Accept.code() label="受理" /> }
                })}
            {reply
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action=ActionKind::Reply.code() label="出具意见书"
                            fields=letter_fields(
                                LetterKind::Reply,
                                v.request.clone(),
                                &values,
                                &errors,
                            )
                        />
                    }
                })}
            {review
                .then(|| {
                    let kind = LetterKind::Review(v.pending_review.unwrap_or(Level::Review));
                    view! {
                        <ActionForm url=action.clone() action=ActionKind::Review.code() label=kind.button()
                            fields=letter_fields(kind, v.review_reason.clone(), &values, &errors)
                        />
                    }
                })}
            {progress
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action=ActionKind::Progress.code() label="记录" secondary=true
                            fields={view! {
                            <TextArea
                                id="note"
                                label="记录办理情况"
                                rows=3
                                value=val("note", String::new())
                                error=error_for(&errors, "note")
                            />
                            <div class="checkbox">
                                <input type="checkbox" id="public" name="public" value="yes" />
                                <label for="public">"向信访人公开这条记录"</label>
                            </div>
                            }
                                .into_any()}
                        />
                    }
                })}
            {not_accept
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action=ActionKind::NotAccept.code() label="不予受理" secondary=true
                            fields={view! {
                            <TextArea
                                id="reason"
                                label="不予受理的理由（申诉求决类请写明应当通过的法定途径）"
                                rows=3
                                value=val("reason", String::new())
                                error=error_for(&errors, "reason")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
            {set_field
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action=ActionKind::SetField.code() label="设定涉及领域" secondary=true
                            fields={view! {
                            <SelectField
                                id="field"
                                label="涉及领域（登记时按事项的用语和承办单位建议，可以改）"
                                placeholder="请选择"
                                options=v.fields.clone()
                                value=val("field", v.field.clone())
                                error=error_for(&errors, "field")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
            {posted_review
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action=ActionKind::PostedReview.code() label="登记邮寄的申请" secondary=true
                            fields={view! {
                            <TextField
                                id="review_postmark"
                                label="邮寄的复查（复核）申请：邮戳日期"
                                hint=Some("年-月-日；在期限内寄出的即为按期申请，收到晚了也算（第三十五、三十六条）".to_owned())
                                kind="date"
                                value=val("review_postmark", String::new())
                                error=error_for(&errors, "review_postmark")
                            />
                            <TextArea
                                id="review_reason"
                                label="申请理由（照信件写）"
                                rows=2
                                value=val("review_reason", String::new())
                                error=error_for(&errors, "review_reason")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
            {object
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action=ActionKind::Object.code() label="提出异议" secondary=true
                            fields={view! {
                            <TextArea
                                id="object_reason"
                                label="对交办提出异议（第二十三条：收到后 5 个工作日内）"
                                rows=2
                                value=val("object_reason", String::new())
                                error=error_for(&errors, "object_reason")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
            {mediate
                .then(|| {
                    let choices = vec![
                        Choice::plain("yes", "达成调解协议"),
                        Choice::plain("no", "未达成协议"),
                    ];
                    view! {
                        <ActionForm url=action.clone() action=ActionKind::Mediate.code() label="记录调解" secondary=true
                            fields={view! {
                            <Radios
                                name="agreed"
                                legend="调解结果（第三十三条）".to_owned()
                                not_the_heading=true
                                choices
                                value=val("agreed", String::new())
                                error=error_for(&errors, "agreed")
                            />
                            <TextArea
                                id="mediation_note"
                                label="调解情况"
                                rows=2
                                value=val("mediation_note", String::new())
                                error=error_for(&errors, "mediation_note")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
            {extend
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action=ActionKind::Extend.code() label="延长期限" secondary=true
                            fields={view! {
                            <h3>"延长办理期限（第三十四条：仅一次，不超过 30 日）"</h3>
                            <div class=if error_for(&errors, "days").is_some() {
                                "field field-error"
                            } else {
                                "field"
                            }>
                                <label for="days">"延长天数（1–30）"</label>
                                {error_for(&errors, "days")
                                    .map(|m| view! { <p class="field-message" id="days-error">{m}</p> })}
                                <input
                                    type="number"
                                    id="days"
                                    name="days"
                                    min="1"
                                    max="30"
                                    inputmode="numeric"
                                    value=val("days", String::new())
                                />
                            </div>
                            <TextArea
                                id="extend_reason"
                                label="延期理由（会告知信访人）"
                                rows=2
                                value=val("extend_reason", String::new())
                                error=error_for(&errors, "extend_reason")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
            {hearing
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action=ActionKind::Hearing.code() label="记录听证" secondary=true
                            fields={view! {
                            <h3>"复核听证（第三十六条：听证所需时间不计入复核期限）"</h3>
                            <TextField
                                id="hearing_days"
                                label="听证用时（日）"
                                hint=Some("从听证通知到听证结束的天数，复核期限相应顺延".to_owned())
                                inputmode=Some("numeric")
                                value=val("hearing_days", String::new())
                                error=error_for(&errors, "hearing_days")
                            />
                            <TextArea
                                id="hearing_note"
                                label="听证情况（会告知信访人）"
                                rows=2
                                value=val("hearing_note", String::new())
                                error=error_for(&errors, "hearing_note")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
            {supervise
                .then(|| {
                    let choices = vec![
                        Choice::plain("supervision", "督办函"),
                        Choice::plain("reminder", "提醒函"),
                    ];
                    let formal = format!("/staff/letters/new?case={}", v.number);
                    view! {
                        <p>
                            <a href=formal>"发编号的督办函、提醒函或建议函（可打印）"</a>
                        </p>
                        <ActionForm url=action.clone() action=ActionKind::Supervise.code() label="发出" secondary=true
                            fields={view! {
                            <Radios
                                name="letter"
                                legend="督办".to_owned()
                                not_the_heading=true
                                choices
                                value=val("letter", "supervision".to_owned())
                            />
                            <TextArea
                                id="letter_text"
                                label="函件内容（承办单位可见）"
                                rows=3
                                value=val("letter_text", String::new())
                                error=error_for(&errors, "letter_text")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
            {close
                .then(|| {
                    view! { <ActionForm url=action.clone() action=ActionKind::Close.code() label="办结" /> }
                })}
            <h2>"信访人"</h2>
            {match v.petitioner.clone() {
                Some(p) => {
                    view! {
                        <dl class="facts" id="petitioner">
                            <dt>"姓名"</dt>
                            <dd>{p.name}</dd>
                            <dt>"身份证号码"</dt>
                            <dd>{p.id_number}</dd>
                            <dt>"手机号码"</dt>
                            <dd>{p.mobile}</dd>
                            <dt>"住址"</dt>
                            <dd>{p.address} "（" {p.district} "）"</dd>
                        </dl>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p class="notice" id="petitioner">
                            "检举控告类事项：信访人的身份信息依法不向承办单位提供（《信访工作条例》第三十条）。"
                        </p>
                    }
                        .into_any()
                }
            }}
            {(!v.co_petitioners.is_empty())
                .then(|| {
                    let others = v.co_petitioners.clone();
                    let representatives = 1 + others.iter().filter(|c| c.representative).count();
                    view! {
                        <h3 id="co-petitioners-heading">
                            {format!(
                                "联名信访人：另有 {} 人（共 {} 人，代表 {} 人）",
                                others.len(),
                                others.len() + 1,
                                representatives,
                            )}
                        </h3>
                        <crate::ui::DataTable caption="其他信访人" caption_visible=false>
                            <thead>
                                <tr>
                                    <th scope="col">"姓名"</th>
                                    <th scope="col">"身份证号码"</th>
                                    <th scope="col">"手机号码"</th>
                                    <th scope="col">"代表"</th>
                                </tr>
                            </thead>
                            <tbody id="co-petitioners">
                                {others
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <tr>
                                                <th scope="row">{c.name}</th>
                                                <td>{c.id_number}</td>
                                                <td>{c.mobile.unwrap_or_else(|| "—".into())}</td>
                                                <td>{if c.representative { "代表" } else { "—" }}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </crate::ui::DataTable>
                    }
                })}
            {v
                .same_matter_as
                .clone()
                .map(|other| {
                    let href = format!("/staff/cases/{other}");
                    view! {
                        <p class="notice" id="same-matter">
                            "同一信访人就同一事项另有在办的 "
                            <a href=href>{other}</a>
                            "，两件应一并处理，不重复受理。"
                        </p>
                    }
                })}
            {v
                .reported
                .clone()
                .map(|who| {
                    view! {
                        <p class="notice" id="reported">
                            "被检举控告的人员或者单位：" {who}
                            {v
                                .reported_unit
                                .clone()
                                .map(|u| format!("（所列单位：{u}；不得交其办理，第三十条）"))}
                        </p>
                    }
                })}
            <h2>"反映的事项"</h2>
            <dl class="facts">
                <dt>"请求"</dt>
                <dd class="pre">{v.request.clone()}</dd>
                <dt>"事实和理由"</dt>
                <dd class="pre">{v.facts_and_reasons.clone()}</dd>
                <dt>"地点和时间"</dt>
                <dd>{v.place_and_time.clone().unwrap_or_else(|| "未填写".into())}</dd>
                <dt>"此前的处理"</dt>
                <dd class="pre">{v.earlier_handling.clone().unwrap_or_else(|| "未填写".into())}</dd>
                <dt>"材料"</dt>
                <dd>
                    {if v.attachments_withheld {
                        view! {
                            "检举控告类事项的材料与信访人身份一并由信访部门保管（第三十条），如需查阅请联系登记员。"
                        }
                            .into_any()
                    } else {
                        view! {
                            <crate::ui::FileLinks
                                id="case-files"
                                base=format!("/staff/cases/{}/files", v.number)
                                files=v.attachments.clone()
                            />
                        }
                            .into_any()
                    }}
                </dd>
            </dl>
            {(!v.letters.is_empty())
                .then(|| {
                    view! {
                        <h2>"函件"</h2>
                        <ul id="case-letters">
                            {v
                                .letters
                                .iter()
                                .map(|(id, kind, number)| {
                                    let href = format!("/staff/letters/{id}");
                                    view! {
                                        <li>
                                            <a href=href>{format!("{kind} {number}")}</a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <h2>"办理过程"</h2>
            <ol class="timeline" id="timeline">
                {v
                    .events
                    .iter()
                    .map(|e| {
                        view! {
                            <li>
                                <span class="timeline-at">{crate::ui::i18n::time(&e.at)}</span>
                                " "
                                {e.text.clone()}
                                {e.actor.clone().map(|a| format!("（{a}）"))}
                                {(!e.public).then_some("〔内部〕")}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {(!v.replies.is_empty())
                .then(|| {
                    view! {
                        <h2>"信访处理意见书"</h2>
                        {v
                            .replies
                            .iter()
                            .map(|r| {
                                view! {
                                    <dl class="facts reply">
                                        <dt>"处理结果"</dt>
                                        <dd>{r.outcome.clone()}</dd>
                                        <dt>"处理意见"</dt>
                                        <dd class="pre">{r.opinion.clone()}</dd>
                                        <dt>"法律依据"</dt>
                                        <dd>{r.legal_basis.clone()}</dd>
                                    </dl>
                                }
                            })
                            .collect_view()}
                    }
                })}
        </div>
    }
}

/// What each action's button says (and the notice after it: "已受理").
fn action_label(action: ActionKind) -> &'static str {
    match action {
        ActionKind::Assign => "登记并交办",
        ActionKind::Accept => "受理",
        ActionKind::NotAccept => "不予受理",
        ActionKind::Reply => "出具意见书",
        ActionKind::Review => "作出复查（复核）意见",
        ActionKind::Progress => "记录办理情况",
        ActionKind::Close => "办结",
        ActionKind::Extend => "延长期限",
        ActionKind::Supervise => "发出督办",
        ActionKind::Object => "提出异议",
        ActionKind::Mediate => "记录调解",
        ActionKind::Hearing => "记录听证",
        ActionKind::PostedReview => "登记邮寄的复查（复核）申请",
        ActionKind::SetField => "设定涉及领域",
    }
}

/// A written letter's kind: the reply (信访处理意见书, 第32条) or a review opinion (复查意见 /
/// 复核意见, 第35、36条), each with its own form.
#[derive(Clone, Copy)]
enum LetterKind {
    Reply,
    Review(Level),
}

impl LetterKind {
    fn button(self) -> &'static str {
        match self {
            Self::Reply => "出具意见书",
            Self::Review(Level::Review) => "作出复查意见",
            Self::Review(Level::Recheck) => "作出复核意见",
        }
    }

    /// The heading, and the labels of the request, facts, opinion and result.
    fn words(self) -> [&'static str; 5] {
        match self {
            Self::Reply => [
                "出具信访处理意见书（第三十二条）",
                "信访人的请求",
                "查明的事实和理由",
                "处理意见",
                "处理结果",
            ],
            Self::Review(Level::Review) => [
                "复查意见书（第三十五条：收到请求之日起 30 日内）",
                "复查请求和理由",
                "复查查明的事实",
                "复查意见",
                "复查结论",
            ],
            Self::Review(Level::Recheck) => [
                "复核意见书（第三十六条：收到请求之日起 30 日内，听证时间不计入）",
                "复核请求和理由",
                "复核查明的事实",
                "复核意见",
                "复核结论",
            ],
        }
    }
}

/// The fields of a letter (reply or review opinion), with what was typed kept.
fn letter_fields(
    kind: LetterKind,
    request: String,
    values: &[(String, String)],
    errors: &[FieldError],
) -> AnyView {
    let [
        heading,
        request_label,
        facts_label,
        opinion_label,
        result_label,
    ] = kind.words();
    let val = |k: &str, default: String| value_of(values, k).unwrap_or(default);
    let choices = Outcome::ALL
        .into_iter()
        .map(|o| Choice {
            value: o.code(),
            label: text(&o.label()),
            hint: None,
        })
        .collect();
    view! {
        <h3>{heading}</h3>
        <TextArea
            id="reply_request"
            label=request_label
            rows=3
            value=val("reply_request", request)
            error=error_for(errors, "reply_request")
        />
        <TextArea
            id="reply_facts"
            label=facts_label
            value=val("reply_facts", String::new())
            error=error_for(errors, "reply_facts")
        />
        <TextArea
            id="opinion"
            label=opinion_label
            value=val("opinion", String::new())
            error=error_for(errors, "opinion")
        />
        <TextArea
            id="legal_basis"
            label="法律依据"
            rows=2
            value=val("legal_basis", String::new())
            error=error_for(errors, "legal_basis")
        />
        <Radios
            name="outcome"
            legend=result_label.to_owned()
            not_the_heading=true
            choices
            value=val("outcome", String::new())
            error=error_for(errors, "outcome")
        />
    }
    .into_any()
}
