//! The application (第38–41条): one form in sections, then a check page, then the receipt with
//! the decision date (第43条). Plain forms that post to `POST /legal-aid/apply` (multipart, for
//! files); nothing is stored before the applicant sends it.

use crate::domain::legal_aid::{Basis, Matter};
use crate::features::legal_aid::form::ApplyValues;
use crate::features::legal_aid::view::AidReceipt;
use crate::features::petition::pages::{
    FileInfo, FileUploads, PersonFields, date_label, time_label,
};
use crate::ui::PageTitle;
use crate::ui::form::{
    Choice, ErrorSummary, FieldError, HiddenFields, Radios, SelectField, TextArea, TextField,
    error_for, form_title,
};
use crate::ui::form::{StepHeading, typed_lang};
use leptos::prelude::*;

/// What the server decided to show after the form was posted.
#[derive(Clone, Debug, PartialEq)]
pub enum ApplyView {
    Form {
        values: ApplyValues,
        errors: Vec<FieldError>,
        files: Vec<FileInfo>,
    },
    Check {
        values: ApplyValues,
        files: Vec<FileInfo>,
    },
    Done(LegalAidReceipt),
}

/// The receipt page's facts.
#[derive(Clone, Debug, PartialEq)]
pub struct LegalAidReceipt {
    pub receipt: AidReceipt,
}

/// `/legal-aid/apply`.
#[component]
pub fn ApplyPage() -> impl IntoView {
    match use_context::<ApplyView>() {
        Some(ApplyView::Form {
            values,
            errors,
            files,
        }) => view! { <ApplyForm values errors files /> }.into_any(),
        Some(ApplyView::Check { values, files }) => {
            view! { <CheckAnswers values files /> }.into_any()
        }
        Some(ApplyView::Done(r)) => view! { <Done receipt=r.receipt /> }.into_any(),
        None => view! {
            <ApplyForm values=ApplyValues::default() errors=Vec::new() files=Vec::new() />
        }
        .into_any(),
    }
}

#[component]
fn ApplyForm(values: ApplyValues, errors: Vec<FieldError>, files: Vec<FileInfo>) -> impl IntoView {
    let matters: Vec<(String, String)> = Matter::ALL
        .iter()
        .map(|m| (m.code().to_owned(), m.label().to_owned()))
        .collect();
    let who = vec![
        Choice::plain("self", "我本人申请"),
        Choice::plain("agent", "我代别人申请（法定代理人或者近亲属）"),
    ];
    let v = values.clone();
    let kept: Vec<(&'static str, String)> = values
        .attachments
        .iter()
        .map(|t| ("attachment", t.clone()))
        .collect();
    view! {
        <PageTitle text=form_title("申请法律援助", &errors) />
        <div class="wrap">
            <ErrorSummary errors=errors.clone() />
            <h1>"申请法律援助"</h1>
            <p>
                "请如实填写。带 * 的都要填。提交前会让您核对一遍。法律援助机构自收到申请之日起 7 日内作出是否给予法律援助的决定（《法律援助法》第四十三条）。"
            </p>
            <form method="post" action="/legal-aid/apply" enctype="multipart/form-data" novalidate>
                // The form's default button (the one Enter in a text field presses) must be
                // "continue", not the first file's 删除 button further down.
                <button type="submit" name="action" value="check" hidden></button>
                <HiddenFields fields=kept />
                <Radios
                    name="who"
                    legend="谁在申请？*".to_owned()
                    hint=Some(
                        "无民事行为能力人、限制民事行为能力人或者被羁押的人，可以由法定代理人或者近亲属代为申请（第四十条）。"
                            .to_owned(),
                    )
                    choices=who
                    value=v.who.clone()
                    error=error_for(&errors, "who")
                    not_the_heading=true
                />
                <h2>"申请人（需要法律援助的人）"</h2>
                <PersonFields
                    name=v.name.clone()
                    id_number=v.id_number.clone()
                    mobile=v.mobile.clone()
                    address=v.address.clone()
                    district=v.district.clone()
                    errors=errors.clone()
                />
                <h2>"代为申请的人（本人申请的不用填）"</h2>
                <TextField
                    id="agent_name"
                    label="代理人姓名"
                    autocomplete=Some("off")
                    value=v.agent_name.clone()
                    error=error_for(&errors, "agent_name")
                />
                <TextField
                    id="agent_id_number"
                    label="代理人身份证号码"
                    autocomplete=Some("off")
                    value=v.agent_id_number.clone()
                    error=error_for(&errors, "agent_id_number")
                />
                <TextField
                    id="agent_mobile"
                    label="代理人手机号码"
                    kind="tel"
                    inputmode=Some("numeric")
                    value=v.agent_mobile.clone()
                    error=error_for(&errors, "agent_mobile")
                />
                <TextField
                    id="agent_relation"
                    label="与申请人的关系"
                    hint=Some("例如：母亲（法定代理人）、儿子（近亲属）".to_owned())
                    value=v.agent_relation.clone()
                    error=error_for(&errors, "agent_relation")
                />
                <h2>"事项"</h2>
                <SelectField
                    id="matter"
                    label="事项类别 *"
                    placeholder="请选择"
                    options=matters
                    value=v.matter.clone()
                    error=error_for(&errors, "matter")
                />
                <TextField
                    id="other_party"
                    label="对方当事人（知道的请填）"
                    hint=Some("例如拖欠工资的公司名称".to_owned())
                    value=v.other_party.clone()
                    error=error_for(&errors, "other_party")
                />
                <TextArea
                    id="description"
                    label="案情和您的请求 *"
                    hint=Some("发生了什么、什么时候、您希望得到什么帮助".to_owned())
                    rows=6
                    value=v.description.clone()
                    error=error_for(&errors, "description")
                />
                <h2>"经济困难状况"</h2>
                <Radios
                    name="basis"
                    legend="您属于哪种情形？*".to_owned()
                    choices=Basis::ALL.iter().map(|b| Choice::plain(b.code(), b.label())).collect()
                    value=if v.basis.is_empty() { "hardship".to_owned() } else { v.basis.clone() }
                    error=error_for(&errors, "basis")
                    not_the_heading=true
                />
                <TextArea
                    id="hardship_statement"
                    label="经济困难状况说明"
                    hint=Some("因经济困难申请的必填：家庭人口、收入来源、每月收入等；属于第四十二条人员的，写明属于哪一类并上传证明；属于第三十二条情形的可以不填".to_owned())
                    rows=4
                    value=v.hardship_statement.clone()
                    error=error_for(&errors, "hardship_statement")
                />
                <div class=if error_for(&errors, "pledge").is_some() {
                    "field field-error"
                } else {
                    "field"
                }>
                    {error_for(&errors, "pledge")
                        .map(|m| view! { <p class="field-message" id="pledge-error">{m}</p> })}
                    <div class="checkbox">
                        <input type="checkbox" id="pledge" name="pledge" value="yes" checked=v.pledge />
                        <label for="pledge">
                            "诚信承诺（因经济困难申请的必选）：我所说明的经济困难状况真实。如有虚假，愿意承担相应的法律责任。"
                        </label>
                    </div>
                </div>
                <h2>"材料（可选）"</h2>
                <p>"身份证明、经济困难证明、与案件有关的合同、欠条、判决书等的照片或扫描件。"</p>
                <FileUploads errors=errors.clone() files />
                <button type="submit" class="button" name="action" value="check">
                    "继续，核对申请"
                </button>
            </form>
        </div>
    }
}

#[component]
fn CheckAnswers(values: ApplyValues, files: Vec<FileInfo>) -> impl IntoView {
    let matter = Matter::parse(&values.matter)
        .map(Matter::label)
        .unwrap_or("");
    // (label, value, typed by the applicant: shown as typed in every language)
    let rows: Vec<(&'static str, String, bool)> = [
        (
            "谁在申请",
            if values.by_agent() {
                "代为申请"
            } else {
                "本人申请"
            }
            .to_owned(),
            false,
        ),
        ("申请人姓名", values.name.clone(), true),
        ("身份证号码", values.id_number.clone(), true),
        ("手机号码", values.mobile.clone(), true),
        ("住址", values.address.clone(), true),
        ("事项类别", matter.to_owned(), false),
        ("对方当事人", values.other_party.clone(), true),
        ("案情和请求", values.description.clone(), true),
        (
            "经济困难状况",
            Basis::parse(&values.basis)
                .unwrap_or(Basis::Hardship)
                .label()
                .to_owned(),
            false,
        ),
        ("经济困难状况说明", values.hardship_statement.clone(), true),
        (
            "诚信承诺",
            if values.pledge {
                "已作出"
            } else {
                "未作出"
            }
            .to_owned(),
            false,
        ),
        (
            "材料",
            if files.is_empty() {
                "没有".to_owned()
            } else {
                files
                    .iter()
                    .map(|f| f.name.clone())
                    .collect::<Vec<_>>()
                    .join("、")
            },
            !files.is_empty(),
        ),
    ]
    .into_iter()
    .chain(values.by_agent().then(|| {
        (
            "代理人",
            format!(
                "{}（{}），{}",
                values.agent_name, values.agent_relation, values.agent_mobile
            ),
            true,
        )
    }))
    .collect();
    let hidden = values.hidden();
    view! {
        <PageTitle text="核对申请 · 法律援助" />
        <div class="wrap">
            <StepHeading>"核对您的申请"</StepHeading>
            <dl class="facts check-answers" id="check-answers">
                {rows
                    .into_iter()
                    .map(|(k, v, typed)| {
                        let keep = typed.then_some("no");
                        let lang = typed.then(|| typed_lang(&v)).flatten();
                        view! {
                            <dt>{k}</dt>
                            <dd class="pre" translate=keep lang=lang>
                                {v}
                            </dd>
                        }
                    })
                    .collect_view()}
            </dl>
            <form method="post" action="/legal-aid/apply" novalidate>
                <HiddenFields fields=hidden />
                <button type="submit" class="button secondary" name="action" value="edit">
                    "修改"
                </button>
                " "
                <button type="submit" class="button" name="action" value="submit">
                    "提交申请"
                </button>
            </form>
        </div>
    }
}

#[component]
fn Done(receipt: AidReceipt) -> impl IntoView {
    view! {
        <PageTitle text="申请已提交 · 法律援助" />
        <div class="wrap">
            <div class="panel" id="receipt">
                <StepHeading>"法律援助申请已提交"</StepHeading>
                <p>"申请编号"</p>
                <p class="big" id="aid-number">{receipt.number.clone()}</p>
                <p>"查询码"</p>
                <p class="big" id="aid-code">{receipt.query_code.clone()}</p>
                <p>
                    <strong>"查询码只显示这一次。"</strong>
                    "请抄下来或者打印本页；凭编号和查询码可以在“查询办理进度”查看申请的办理情况（第五十五条）。"
                </p>
            </div>
            <h2>"接下来"</h2>
            <ul>
                <li>"收到时间：" {time_label(&receipt.received_at)}</li>
                <li>
                    "法律援助机构最迟在 "
                    <strong id="decision-due">{date_label(receipt.decision_due)}</strong>
                    " 前作出是否给予法律援助的决定（自收到申请之日起 7 日，第四十三条）；决定给予的，3 日内指派律师等法律援助人员。"
                </li>
                <li>"材料不齐全的，会一次性告诉您需要补充什么；没有按要求补充的，视为撤回申请。"</li>
                <li>"决定不给予法律援助的，会书面告知理由。"</li>
            </ul>
            <p>
                <a href="/lookup">"查询办理进度"</a>
            </p>
        </div>
    }
}
