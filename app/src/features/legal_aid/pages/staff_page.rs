//! 法律援助 on the workbench: the applications, and one application with the agency's decisions
//! (第43条): ask for missing material once, all at once; grant and assign a lawyer within 3 days;
//! or refuse with written reasons.

use crate::features::legal_aid::server_fns::{get_legal_aid, list_legal_aid};
use crate::features::legal_aid::view::{AidCaseView, AidListItem};
use crate::features::workbench::ActionProblem;
use crate::ui::ActionForm;
use crate::ui::DataTable;
use crate::ui::PageTitle;
use crate::ui::form::{ErrorSummary, FieldError, TextArea, TextField, error_for, form_title};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn LegalAidListPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| list_legal_aid());
    view! {
        <PageTitle text="法律援助申请 · 工作台" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(Some(items)) => view! { <AidList items /> }.into_any(),
                    Ok(None) => view! { <crate::ui::SignInFirst /> }.into_any(),
                    Err(e) => {
                        view! {
                            <div class="wrap">
                                <h1>"暂时无法打开"</h1>
                                <p>{e.to_string()}</p>
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn AidList(items: Vec<AidListItem>) -> impl IntoView {
    view! {
        <div class="wrap">
            <nav aria-label="返回" class="breadcrumbs">
                <a href="/staff">"工作台"</a>
            </nav>
            <h1>"法律援助申请"</h1>
            {(items.len() >= crate::features::legal_aid::view::AID_LIST_LIMIT)
                .then(|| {
                    view! {
                        <p class="notice" id="list-cut">
                            {format!(
                                "只列出最新的 {} 件申请；更早的申请请按编号打开（/staff/legal-aid/编号）。",
                                crate::features::legal_aid::view::AID_LIST_LIMIT,
                            )}
                        </p>
                    }
                })}
            {if items.is_empty() {
                view! { <p>"目前没有法律援助申请，或者您的角色不办理法律援助。"</p> }.into_any()
            } else {
                view! {
                    <DataTable caption="法律援助申请，最新的在前" caption_visible=false>
                        <thead>
                            <tr>
                                <th scope="col">"编号"</th>
                                <th scope="col">"申请人"</th>
                                <th scope="col">"事项"</th>
                                <th scope="col">"状态"</th>
                                <th scope="col">"当前期限"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {items
                                .into_iter()
                                .map(|a| {
                                    let href = format!("/staff/legal-aid/{}", a.number);
                                    view! {
                                        <tr>
                                            <td>
                                                <a href=href>{a.number}</a>
                                            </td>
                                            <td>{a.applicant}</td>
                                            <td>{a.matter_label}</td>
                                            <td>{a.status_label}</td>
                                            <td>
                                                {a
                                                    .due
                                                    .map(|d| {
                                                        format!(
                                                            "{} {}",
                                                            d.step,
                                                            crate::ui::i18n::due_date(d.date),
                                                        )
                                                    })}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </DataTable>
                }
                    .into_any()
            }}
        </div>
    }
}

#[component]
pub fn LegalAidCasePage() -> impl IntoView {
    if let Some(p) = use_context::<ActionProblem<AidCaseView>>() {
        return view! { <AidDetail view=*p.view errors=p.errors values=p.values /> }.into_any();
    }
    let number = use_params_map()
        .read_untracked()
        .get("number")
        .unwrap_or_default();
    let case = Resource::new(move || number.clone(), get_legal_aid);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match case.await {
                    Ok(Some(view)) => {
                        view! { <AidDetail view errors=Vec::new() values=Vec::new() /> }.into_any()
                    }
                    Ok(None) => {
                        #[cfg(feature = "ssr")]
                        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                            res.set_status(http::StatusCode::NOT_FOUND);
                        }
                        view! {
                            <PageTitle text="没有找到这件申请" />
                            <div class="wrap">
                                <h1>"没有找到这件申请"</h1>
                                <p>
                                    <a href="/staff/legal-aid">"回到法律援助申请"</a>
                                </p>
                            </div>
                        }
                            .into_any()
                    }
                    Err(_) => view! { <crate::ui::SignInFirst /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn AidDetail(
    view: AidCaseView,
    errors: Vec<FieldError>,
    values: Vec<(String, String)>,
) -> impl IntoView {
    let v = view;
    let number = v.public.number.clone();
    let action = format!("/staff/legal-aid/{number}");
    let val = |k: &str| {
        values
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let has = |a: &str| v.actions.iter().any(|x| x == a);
    let received = has("material_received");
    let (ask, grant, refuse, assign) = (
        has("request_material"),
        has("grant"),
        has("refuse"),
        has("assign"),
    );
    let title = form_title(&format!("法律援助申请 {number}"), &errors);
    let a = v.applicant.clone();
    view! {
        <PageTitle text=title />
        <div class="wrap">
            <nav aria-label="返回" class="breadcrumbs">
                <a href="/staff/legal-aid">"法律援助申请"</a>
            </nav>
            <ErrorSummary errors=errors.clone() />
            <h1>"法律援助申请 " {number.clone()}</h1>
            <p id="aid-status" class="status">
                "状态：" <strong>{v.public.status_label.clone()}</strong>
                {v
                    .public
                    .due
                    .clone()
                    .map(|d| {
                        format!(
                            "；{}：{}（{}）",
                            d.step,
                            crate::ui::i18n::due_date(d.date),
                            d.article,
                        )
                    })}
                {v
                    .public
                    .answer_by
                    .map(|d| format!("；申请人补充材料期限：{}", crate::ui::i18n::due_date(d)))}
            </p>
            <h2>"申请人"</h2>
            <dl class="facts">
                <dt>"姓名"</dt>
                <dd>{a.name}</dd>
                <dt>"身份证号码"</dt>
                <dd>{a.id_number}</dd>
                <dt>"手机号码"</dt>
                <dd>{a.mobile}</dd>
                <dt>"住址"</dt>
                <dd>{a.address} "（" {a.district} "）"</dd>
                {v
                    .agent
                    .clone()
                    .map(|(name, id, mobile, relation)| {
                        view! {
                            <dt>"代为申请"</dt>
                            <dd>{format!("{name}（{relation}），{id}，{mobile}")}</dd>
                        }
                    })}
            </dl>
            <h2>"事项"</h2>
            <dl class="facts">
                <dt>"类别"</dt>
                <dd>{v.public.matter_label.clone()}</dd>
                <dt>"对方当事人"</dt>
                <dd>{v.other_party.clone().unwrap_or_else(|| "未填写".into())}</dd>
                <dt>"案情和请求"</dt>
                <dd class="pre">{v.description.clone()}</dd>
                <dt>"经济困难状况"</dt>
                <dd id="aid-basis">{v.basis_label.clone()}</dd>
                <dt>"经济困难状况说明"</dt>
                <dd class="pre">{v.hardship_statement.clone()}</dd>
                <dt>"材料"</dt>
                <dd>
                    <crate::ui::FileLinks
                        id="aid-files"
                        base=format!("/staff/legal-aid/{}/files", v.public.number)
                        files=v.attachments.clone()
                    />
                </dd>
            </dl>
            <h2>"办理过程"</h2>
            <ol class="timeline" id="timeline">
                {v
                    .public
                    .timeline
                    .iter()
                    .map(|e| {
                        view! {
                            <li>
                                {crate::ui::i18n::time(&e.at)} " " {e.text.clone()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {(ask || grant || refuse || assign || received).then(|| view! { <h2>"决定"</h2> })}
            {received
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action="material_received" label="登记收到"
                            fields={view! {
                            <h3>"申请人已送来补充材料（纸质或当面）"</h3>
                            <TextField
                                id="note"
                                label="收到的材料"
                                hint=Some("例如：工资欠条原件一份，低保证复印件一份".to_owned())
                                value=val("note")
                                error=error_for(&errors, "note")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
            {grant
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action="grant" label="决定给予法律援助"
                            fields={view! {
                            <h3>"给予法律援助（第四十三条：决定后 3 日内指派）"</h3>
                            }
                                .into_any()}
                        />
                    }
                })}
            {assign
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action="assign" label="指派"
                            fields={view! {
                            <TextField
                                id="lawyer"
                                label="指派的法律援助人员（姓名、律师事务所）"
                                value=val("lawyer")
                                error=error_for(&errors, "lawyer")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
            {ask
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action="request_material" label="告知补充材料" secondary=true
                            fields={view! {
                            <h3>"要求补充材料（只能一次，须一次性列明全部材料）"</h3>
                            <TextArea
                                id="items"
                                label="需要补充的全部材料或需要说明的问题"
                                rows=4
                                value=val("items")
                                error=error_for(&errors, "items")
                            />
                            <TextField
                                id="days"
                                label="补充期限（日，1–30）"
                                hint=Some("逾期未补充的，视为撤回申请（第四十三条）".to_owned())
                                inputmode=Some("numeric")
                                value=val("days")
                                error=error_for(&errors, "days")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
            {refuse
                .then(|| {
                    view! {
                        <ActionForm url=action.clone() action="refuse" label="决定不给予法律援助" secondary=true
                            fields={view! {
                            <TextArea
                                id="reasons"
                                label="不予法律援助的理由（书面告知申请人）"
                                rows=3
                                value=val("reasons")
                                error=error_for(&errors, "reasons")
                            />
                            }
                                .into_any()}
                        />
                    }
                })}
        </div>
    }
}
