//! The question pages: category, route check, petitioner, matter, attachments, check answers.

use super::{FileInfo, config};
use crate::domain::petition::Route;
use crate::domain::petition::attachment::size_label;
use crate::domain::petition::category::Category;
use crate::features::petition::draft_keeper::DraftKeeper;
use crate::features::petition::journey::{Draft, MAX_ATTACHMENTS, Step};
use crate::ui::PageTitle;
use crate::ui::form::{
    Choice, ErrorSummary, FieldError, HiddenFields, Radios, SelectField, TextArea, TextField,
    error_for, form_title,
};
use crate::ui::form::{StepHeading, typed_lang};
use leptos::prelude::*;

pub fn step_title(step: Step, draft: &Draft) -> &'static str {
    match step {
        Step::Start => "网上信访",
        Step::Category => "您要反映的事项属于哪一类？",
        Step::Route => match draft.category() {
            Some(Category::Report) => "您要检举控告的是哪一种情况？",
            _ => "您的问题属于下列哪种情况？",
        },
        Step::Petitioner => "您的个人信息",
        Step::Matter => "您反映的事项",
        Step::Attachments => "上传相关材料（可选）",
        Step::Check => "提交前请检查您填写的内容",
    }
}

#[component]
pub fn StepPage(
    step: Step,
    draft: Draft,
    errors: Vec<FieldError>,
    files: Vec<FileInfo>,
) -> impl IntoView {
    let title = step_title(step, &draft);
    let page_title = form_title(title, &errors);
    let hidden = draft.hidden_fields(step.fields());
    let previous = format!("goto:{}", step.previous(&draft).code());
    let enctype = (step == Step::Attachments).then_some("multipart/form-data");
    let body = match step {
        Step::Category => category(&draft, &errors).into_any(),
        Step::Route => route(&draft, &errors).into_any(),
        Step::Petitioner => petitioner(&draft, &errors).into_any(),
        Step::Matter => matter(&draft, &errors).into_any(),
        Step::Attachments => attachments(&errors, files).into_any(),
        Step::Check | Step::Start => check(&draft, &errors, files).into_any(),
    };
    let continue_label = if step == Step::Check {
        "提交信访事项"
    } else {
        "继续"
    };
    let continue_action = if step == Step::Check {
        "submit"
    } else {
        "continue"
    };
    view! {
        <PageTitle text=page_title />
        <div class="wrap narrow">
            <ErrorSummary errors=errors.clone() />
            <form
                id="journey"
                method="post"
                action="/petition"
                enctype=enctype
                novalidate
                data-step=step.code()
            >
                <input type="hidden" name="step" value=step.code() />
                <HiddenFields fields=hidden />
                {body}
                <div class="buttons">
                    <button type="submit" class="button" name="action" value=continue_action>
                        {continue_label}
                    </button>
                    <button type="submit" class="button secondary" name="action" value=previous>
                        "返回上一步"
                    </button>
                </div>
            </form>
            <DraftKeeper mode="step".to_owned() step=step.code().to_owned() />
        </div>
    }
}

fn category(draft: &Draft, errors: &[FieldError]) -> impl IntoView {
    let choices = Category::ALL
        .into_iter()
        .map(|c| Choice {
            value: c.code(),
            label: c.label().to_owned(),
            hint: Some(category_hint(c).to_owned()),
        })
        .collect();
    view! {
        <Radios
            name="category"
            legend=step_title(Step::Category, draft).to_owned()
            hint=Some("选择最接近的一类；选错了也没关系，信访部门会按实际情况处理。".to_owned())
            choices
            value=draft.category.clone()
            error=error_for(errors, "category")
        />
    }
}

pub fn category_hint(c: Category) -> &'static str {
    match c {
        Category::Suggestion => {
            "对机关、单位的工作提出建议、意见，例如改进公共服务、完善政策（第二十九条）。"
        }
        Category::Report => {
            "检举、控告机关、单位及其工作人员的违法违纪、失职行为（第三十条）。您的身份受到保护。"
        }
        Category::Appeal => {
            "为维护自身合法权益提出请求，例如工资、房屋、征地补偿、社会保障等问题（第三十一条）。"
        }
    }
}

pub fn route_label(r: Route) -> &'static str {
    match r {
        Route::Litigation => "已经起诉、正在打官司或者已有判决，或者涉及检察院、公安机关办案",
        Route::Arbitration => "劳动、人事争议或者农村土地承包纠纷等，应当申请仲裁的",
        Route::PartyAppeal => "党员对党组织的处理、处分不服的",
        Route::Administrative => "对行政机关作出的罚款、许可、登记、确认等决定不服的",
        Route::DutyToAct => "请求有关部门查处违法行为，或者保护您的人身、财产安全的",
        Route::Officials => "党员、公职人员违纪违法或者职务违法、职务犯罪",
        Route::Petition => "以上都不是",
    }
}

pub fn route_hint(r: Route) -> Option<&'static str> {
    Some(match r {
        Route::Litigation => "第三十一条第一项：由法院、检察院、公安机关依法定程序处理。",
        Route::Arbitration => "第三十一条第二项：先申请仲裁。",
        Route::PartyAppeal => "第三十一条第三项：通过党员申诉、申请复审处理。",
        Route::Administrative => "第三十一条第四项：可以申请行政复议或者提起行政诉讼。",
        Route::DutyToAct => "第三十一条第五项：直接向负有职责的部门提出，由其依法履行或者答复。",
        Route::Officials => "第二十二条：由纪检监察机关受理。",
        Route::Petition => return None,
    })
}

fn route(draft: &Draft, errors: &[FieldError]) -> impl IntoView {
    let category = draft.category().unwrap_or(Category::Appeal);
    let choices = Route::options(category)
        .iter()
        .map(|r| Choice {
            value: r.code(),
            label: route_label(*r).to_owned(),
            hint: route_hint(*r).map(str::to_owned),
        })
        .collect();
    let hint = match category {
        Category::Report => "检举控告党员、公职人员的，由纪检监察机关受理，直接向他们反映更快。",
        _ => {
            "有些问题法律规定了专门的解决途径，走对途径更快、更有保障。不确定的，请选择最接近的一项。"
        }
    };
    view! {
        <Radios
            name="route"
            legend=step_title(Step::Route, draft).to_owned()
            hint=Some(hint.to_owned())
            choices
            value=draft.route.clone()
            error=error_for(errors, "route")
        />
    }
}

fn petitioner(draft: &Draft, errors: &[FieldError]) -> impl IntoView {
    let report = draft.category() == Some(Category::Report);
    let heading = step_title(Step::Petitioner, draft);
    view! {
        <StepHeading>{heading}</StepHeading>
        <p>"《信访工作条例》第十九条要求写明信访人的姓名和住址。这些信息只用于办理和答复您的事项。"</p>
        {report
            .then(|| {
                view! {
                    <p class="notice">
                        "您的身份信息不会透露给被检举控告的单位和人员（《信访工作条例》第三十条）。"
                    </p>
                }
            })}
        <PersonFields
            name=draft.name.clone()
            id_number=draft.id_number.clone()
            mobile=draft.mobile.clone()
            address=draft.address.clone()
            district=draft.district.clone()
            errors=errors.to_vec()
        />
    }
}

/// Name, ID number, mobile, address and district, with the petition's hints and autocomplete:
/// the petitioner's page and the legal-aid application both ask for a person this way.
#[component]
pub fn PersonFields(
    name: String,
    id_number: String,
    mobile: String,
    address: String,
    district: String,
    errors: Vec<FieldError>,
) -> impl IntoView {
    let districts: Vec<(String, String)> = config()
        .map(|c| {
            c.districts
                .iter()
                .map(|d| (d.code.clone(), d.name.clone()))
                .collect()
        })
        .unwrap_or_default();
    let errors = &errors;
    view! {
        <TextField
            id="name"
            label="姓名"
            autocomplete=Some("name")
            value=name
            error=error_for(errors, "name")
        />
        <TextField
            id="id_number"
            label="身份证号码"
            hint=Some("18 位，最后一位可能是 X".to_owned())
            autocomplete=Some("off")
            value=id_number
            error=error_for(errors, "id_number")
        />
        <TextField
            id="mobile"
            label="手机号码"
            hint=Some("11 位，用于接收办理进度的通知".to_owned())
            kind="tel"
            autocomplete=Some("tel")
            inputmode=Some("numeric")
            value=mobile
            error=error_for(errors, "mobile")
        />
        <TextField
            id="address"
            label="住址"
            hint=Some("能收到书面答复的地址".to_owned())
            autocomplete=Some("street-address")
            value=address
            error=error_for(errors, "address")
        />
        <SelectField
            id="district"
            label="所在地区"
            placeholder="请选择"
            options=districts
            value=district
            error=error_for(errors, "district")
        />
    }
}

fn matter(draft: &Draft, errors: &[FieldError]) -> impl IntoView {
    let units: Vec<(String, String)> = config()
        .map(|c| {
            c.units
                .iter()
                .map(|u| {
                    let text = if u.handles.is_empty() {
                        u.name.clone()
                    } else {
                        format!("{}（{}）", u.name, u.handles)
                    };
                    (u.code.clone(), text)
                })
                .collect()
        })
        .unwrap_or_default();
    let heading = step_title(Step::Matter, draft);
    view! {
        <StepHeading>{heading}</StepHeading>
        <TextField
            id="title"
            label="标题"
            hint=Some("用一句话概括，例如：某公司拖欠三个月工资".to_owned())
            value=draft.title.clone()
            error=error_for(errors, "title")
        />
        <TextArea
            id="request"
            label="您的请求（诉求）"
            hint=Some("希望有关部门做什么".to_owned())
            rows=4
            value=draft.request.clone()
            error=error_for(errors, "request")
        />
        <TextArea
            id="facts_and_reasons"
            label="事实和理由"
            hint=Some("发生了什么，您为什么这样请求。请如实填写（第十九条）。".to_owned())
            rows=8
            value=draft.facts_and_reasons.clone()
            error=error_for(errors, "facts_and_reasons")
        />
        <TextField
            id="place_and_time"
            label="发生的地点和时间（可选）"
            value=draft.place_and_time.clone()
            error=error_for(errors, "place_and_time")
        />
        <TextArea
            id="earlier_handling"
            label="此前向哪些部门反映过、怎样处理的（可选）"
            rows=3
            value=draft.earlier_handling.clone()
            error=error_for(errors, "earlier_handling")
        />
        <SelectField
            id="unit"
            label="希望由哪个单位办理（可选）"
            hint=Some("不清楚的可以不选，由信访部门确定。".to_owned())
            placeholder="不清楚，由信访部门确定"
            options=units
            value=draft.unit.clone()
            error=error_for(errors, "unit")
        />
    }
}

fn attachments(errors: &[FieldError], files: Vec<FileInfo>) -> impl IntoView {
    view! {
        <StepHeading>"上传相关材料（可选）"</StepHeading>
        <p>
            "可以上传合同、欠条、通知书、现场照片等材料的照片或扫描件。只接受 JPG、PNG 图片和 PDF 文件，最多 "
            {MAX_ATTACHMENTS} " 个，每个不超过 10 MB。没有材料的，直接按“继续”。"
        </p>
        <FileUploads errors=errors.to_vec() files />
    }
}

/// The files uploaded so far, each with a remove button (`action=remove:TOKEN`), and a file
/// input with an upload button (`action=upload`) while there is room: the petition's attachments
/// page and the legal-aid application share it, with the same limits.
#[component]
pub fn FileUploads(errors: Vec<FieldError>, files: Vec<FileInfo>) -> impl IntoView {
    let room = MAX_ATTACHMENTS.saturating_sub(files.len());
    let error = error_for(&errors, "files");
    let class = if error.is_some() {
        "field field-error"
    } else {
        "field"
    };
    view! {
        {(!files.is_empty())
            .then(|| {
                view! {
                    <h2>"已上传的材料"</h2>
                    <ul class="files">
                        {files
                            .into_iter()
                            .map(|f| {
                                let remove = format!("remove:{}", f.token);
                                view! {
                                    <li>
                                        <span>
                                            <span translate="no" lang=typed_lang(&f.name)>
                                                {f.name.clone()}
                                            </span>
                                            "（"
                                            {f.kind.label()}
                                            "，"
                                            {size_label(f.size)} "）"
                                        </span>
                                        " "
                                        <button
                                            type="submit"
                                            class="link-button"
                                            name="action"
                                            value=remove
                                        >
                                            "删除"
                                            <span class="visually-hidden">
                                                " "
                                                <span translate="no" lang=typed_lang(&f.name)>
                                                    {f.name.clone()}
                                                </span>
                                            </span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })}
        {if room > 0 {
            view! {
                <div class=class>
                    <label for="files">"选择文件（还可以上传 " {room} " 个）"</label>
                    {error
                        .map(|m| {
                            view! {
                                <p class="field-message" id="files-error">
                                    <span class="visually-hidden">"错误："</span>
                                    {m}
                                </p>
                            }
                        })}
                    <input
                        type="file"
                        id="files"
                        name="files"
                        multiple
                        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
                    />
                </div>
                <button type="submit" class="button secondary" name="action" value="upload">
                    "上传所选文件"
                </button>
            }
                .into_any()
        } else {
            view! { <p class="notice">"已达到 5 个文件的上限。需要换一个的，请先删除一个。"</p> }
                .into_any()
        }}
    }
}

fn check(draft: &Draft, errors: &[FieldError], files: Vec<FileInfo>) -> impl IntoView {
    let cfg = config();
    let district = cfg
        .as_ref()
        .and_then(|c| c.district(&draft.district))
        .map(|d| d.name.clone())
        .unwrap_or_else(|| draft.district.clone());
    let unit = if draft.unit.is_empty() {
        "不清楚，由信访部门确定".to_owned()
    } else {
        cfg.as_ref()
            .and_then(|c| c.unit(&draft.unit))
            .map(|u| u.name.clone())
            .unwrap_or_else(|| draft.unit.clone())
    };
    let category = draft
        .category()
        .map(|c| c.label().to_owned())
        .unwrap_or_default();
    // (field, label, value, step, typed by the citizen: shown as typed in every language)
    let mut rows: Vec<(&'static str, &'static str, String, Step, bool)> =
        vec![("category", "类别", category, Step::Category, false)];
    if let Some(r) = draft.route() {
        rows.push((
            "route",
            "情况",
            route_label(r).to_owned(),
            Step::Route,
            false,
        ));
    }
    let optional = |s: &str| {
        if s.trim().is_empty() {
            ("未填写".to_owned(), false)
        } else {
            (s.to_owned(), true)
        }
    };
    let (place_and_time, place_typed) = optional(&draft.place_and_time);
    let (earlier_handling, earlier_typed) = optional(&draft.earlier_handling);
    rows.extend([
        ("name", "姓名", draft.name.clone(), Step::Petitioner, true),
        (
            "id_number",
            "身份证号码",
            draft.id_number.clone(),
            Step::Petitioner,
            true,
        ),
        (
            "mobile",
            "手机号码",
            draft.mobile.clone(),
            Step::Petitioner,
            true,
        ),
        (
            "address",
            "住址",
            draft.address.clone(),
            Step::Petitioner,
            true,
        ),
        ("district", "所在地区", district, Step::Petitioner, false),
        ("title", "标题", draft.title.clone(), Step::Matter, true),
        ("request", "请求", draft.request.clone(), Step::Matter, true),
        (
            "facts_and_reasons",
            "事实和理由",
            draft.facts_and_reasons.clone(),
            Step::Matter,
            true,
        ),
        (
            "place_and_time",
            "地点和时间",
            place_and_time,
            Step::Matter,
            place_typed,
        ),
        (
            "earlier_handling",
            "此前的处理",
            earlier_handling,
            Step::Matter,
            earlier_typed,
        ),
        ("unit", "希望办理的单位", unit, Step::Matter, false),
    ]);
    let file_list = if files.is_empty() {
        "没有上传".to_owned()
    } else {
        files
            .iter()
            .map(|f| format!("{}（{}）", f.name, size_label(f.size)))
            .collect::<Vec<_>>()
            .join("、")
    };
    rows.push((
        "attachment",
        "材料",
        file_list,
        Step::Attachments,
        !files.is_empty(),
    ));
    let declaration_error = error_for(errors, "declaration");
    let class = if declaration_error.is_some() {
        "field field-error declaration"
    } else {
        "field declaration"
    };
    let heading = step_title(Step::Check, draft);
    view! {
        <StepHeading>{heading}</StepHeading>
        <dl class="answers">
            {rows
                .into_iter()
                .map(|(id, label, value, step, typed)| {
                    let error = error_for(errors, id);
                    let goto = format!("goto:{}", step.code());
                    view! {
                        <div class="answer" id=id>
                            <dt>{label}</dt>
                            <dd class="answer-value">
                                {error
                                    .map(|m| {
                                        view! {
                                            <p class="field-message">
                                                <span class="visually-hidden">"错误："</span>
                                                {m}
                                            </p>
                                        }
                                    })}
                                <span
                                    translate=typed.then_some("no")
                                    lang=typed.then(|| typed_lang(&value)).flatten()
                                >
                                    {value.clone()}
                                </span>
                            </dd>
                            <dd class="answer-change">
                                <button
                                    type="submit"
                                    class="link-button"
                                    name="action"
                                    value=goto
                                >
                                    "修改"
                                    <span class="visually-hidden">{label}</span>
                                </button>
                            </dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
        <h2>"承诺"</h2>
        <div class=class>
            {declaration_error
                .map(|m| {
                    view! {
                        <p class="field-message" id="declaration-error">
                            <span class="visually-hidden">"错误："</span>
                            {m}
                        </p>
                    }
                })}
            <div class="checkbox">
                <input
                    type="checkbox"
                    id="declaration"
                    name="declaration"
                    value="yes"
                    checked=draft.declaration
                />
                <label for="declaration">
                    "本人承诺所反映的情况客观真实，对所提供材料内容的真实性负责，没有捏造、歪曲事实，没有诬告、陷害他人（《信访工作条例》第十九条）。"
                </label>
            </div>
        </div>
    }
}
