//! The intake form (`/staff/intake`) and the slip (`/staff/intake/slip`), both rendered by the
//! handlers of `http` with what they found (`IntakeForm`, the petition's `Confirmation`).

use crate::domain::petition::channel::Channel;
use crate::domain::petition::{Category, Route};
use crate::features::petition::pages::{PersonFields, route_label};
use crate::ui::PageTitle;
use crate::ui::form::{
    ErrorSummary, FieldError, SelectField, TextArea, TextField, error_for, form_title,
};
use leptos::prelude::*;

/// What the form shows: what was typed (empty at first) and the problems found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IntakeForm {
    pub values: Vec<(String, String)>,
    pub errors: Vec<FieldError>,
    /// The form's one-time token (a double click files once).
    pub once: String,
    /// Today, the default of the day received (`YYYY-MM-DD`).
    pub today: String,
}

impl IntakeForm {
    fn value(&self, name: &str) -> String {
        self.values
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// The slip after a registration, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum SlipView {
    Slip(Box<crate::features::petition::pages::Confirmation>),
    None,
}

#[component]
pub fn IntakePage() -> impl IntoView {
    let Some(form) = use_context::<IntakeForm>() else {
        return view! { <crate::ui::SignInFirst /> }.into_any();
    };
    let errors = form.errors.clone();
    let v = |name: &str| form.value(name);
    let text = crate::ui::i18n::text;
    let channels: Vec<(String, String)> = Channel::BY_CLERK
        .iter()
        .map(|c| (c.code().to_owned(), text(&c.label())))
        .collect();
    let categories: Vec<(String, String)> = Category::ALL
        .iter()
        .map(|c| (c.code().to_owned(), text(&c.label())))
        .collect();
    let routes: Vec<(String, String)> = Route::APPEAL
        .iter()
        .chain([Route::Officials].iter())
        .map(|r| (r.code().to_owned(), route_label(*r)))
        .collect();
    let units: Vec<(String, String)> = crate::features::petition::pages::config()
        .map(|c| {
            c.units
                .iter()
                .map(|u| (u.code.clone(), crate::ui::i18n::name(&u.name)))
                .collect()
        })
        .unwrap_or_default();
    let received = if v("received_on").is_empty() {
        form.today.clone()
    } else {
        v("received_on")
    };
    let sms = v("sms") == "yes";
    view! {
        <PageTitle text=form_title("登记来信来访 · 工作台", &errors) />
        <div class="wrap">
            <nav aria-label="返回">
                <a href="/staff">"返回工作台"</a>
            </nav>
            <ErrorSummary errors=errors.clone() />
            <h1>"登记来信来访"</h1>
            <p>
                "来信、来访、来电、传真、12345 热线转来和其他机关转来的信访事项在这里登记：与网上信访同样的检查和时限，时限从收到之日起算（来信以信访机构收到之日为准）。登记后打印回执交给信访人。"
            </p>
            <form method="post" action="/staff/intake" enctype="multipart/form-data" novalidate>
                <input type="hidden" name="once" value=form.once.clone() />
                {(!v("booking").is_empty())
                    .then(|| {
                        view! {
                            <input type="hidden" name="booking" value=v("booking") />
                            <p class="notice" id="from-booking">
                                {format!("预约 {} 的来访人：姓名、手机号码和反映的事项已从预约带入，请核对并补全。", v("booking"))}
                            </p>
                        }
                    })}
                <fieldset>
                    <legend>
                        <h2>"怎么来的"</h2>
                    </legend>
                    <SelectField
                        id="channel"
                        label="渠道"
                        placeholder="请选择"
                        options=channels
                        value=v("channel")
                        error=error_for(&errors, "channel")
                    />
                    <TextField
                        id="received_on"
                        label="收到日期"
                        hint=Some("年-月-日；来信写信访机构收到之日，时限从这一天起算".to_owned())
                        kind="date"
                        value=received
                        error=error_for(&errors, "received_on")
                    />
                    <TextField
                        id="postmarked_on"
                        label="邮戳日期（只有来信填写，看不清可不填）"
                        kind="date"
                        value=v("postmarked_on")
                        error=error_for(&errors, "postmarked_on")
                    />
                </fieldset>
                <fieldset>
                    <legend>
                        <h2>"类别和路线"</h2>
                    </legend>
                    <SelectField
                        id="category"
                        label="类别（第二十九条）"
                        placeholder="请选择"
                        options=categories
                        value=v("category")
                        error=error_for(&errors, "category")
                    />
                    <SelectField
                        id="route"
                        label="路线图（申诉求决类、检举控告类必选）"
                        hint=Some(
                            "第三十一条（一）至（五）的事项应告知信访人依法通过相应途径解决，不作为信访事项登记；检举党员干部的可转纪检监察机关（第二十二条）"
                                .to_owned(),
                        )
                        placeholder="请选择"
                        options=routes
                        value=v("route")
                        error=error_for(&errors, "route")
                    />
                </fieldset>
                <fieldset>
                    <legend>
                        <h2>"信访人"</h2>
                    </legend>
                    <PersonFields
                        name=v("name")
                        id_number=v("id_number")
                        mobile=v("mobile")
                        address=v("address")
                        district=v("district")
                        errors=errors.clone()
                    />
                    <TextArea
                        id="co_petitioners"
                        label="其他信访人（联名信、多人走访；一人信访不填）"
                        hint=Some(
                            "每行一人：姓名 身份证号码，可加手机号码；多人走访推选的代表在行末加“代表”，代表连同上面登记的信访人不超过 5 人（第二十条）。例如：王五 110105194912310011 13800138000 代表"
                                .to_owned(),
                        )
                        rows=3
                        value=v("co_petitioners")
                        error=error_for(&errors, "co_petitioners")
                    />
                    <div class="checkbox">
                        <input type="checkbox" id="sms" name="sms" value="yes" checked=sms />
                        <label for="sms">"信访人同意用短信接收办理进展（发到上面的手机号码）"</label>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>
                        <h2>"反映的事项"</h2>
                    </legend>
                    <TextField
                        id="reported"
                        label="被检举人或单位（检举控告类）"
                        value=v("reported")
                        error=error_for(&errors, "reported")
                    />
                    <SelectField
                        id="reported_unit"
                        label="被检举的单位是否为以下承办单位（第三十条：不交其办理）"
                        placeholder="不是"
                        options=units
                        value=v("reported_unit")
                        error=error_for(&errors, "reported_unit")
                    />
                    <TextField
                        id="title"
                        label="标题"
                        value=v("title")
                        error=error_for(&errors, "title")
                    />
                    <TextArea
                        id="request"
                        label="信访请求"
                        rows=3
                        value=v("request")
                        error=error_for(&errors, "request")
                    />
                    <TextArea
                        id="facts_and_reasons"
                        label="事实和理由"
                        rows=5
                        value=v("facts_and_reasons")
                        error=error_for(&errors, "facts_and_reasons")
                    />
                    <TextField
                        id="place_and_time"
                        label="发生地点和时间（可不填）"
                        value=v("place_and_time")
                        error=error_for(&errors, "place_and_time")
                    />
                    <TextArea
                        id="earlier_handling"
                        label="此前的处理情况（可不填）"
                        rows=3
                        value=v("earlier_handling")
                        error=error_for(&errors, "earlier_handling")
                    />
                </fieldset>
                <fieldset>
                    <legend>
                        <h2>"来信扫描件和材料"</h2>
                    </legend>
                    {kept_files(&form)}
                    <div class=if error_for(&errors, "files").is_some() {
                        "field field-error"
                    } else {
                        "field"
                    }>
                        <label for="files">"来信扫描件或信访人交来的材料（可不传）"</label>
                        <p class="hint" id="files-hint">
                            "JPG、PNG 或 PDF，最多 5 个；登记后在事项中可以下载"
                        </p>
                        {error_for(&errors, "files")
                            .map(|e| view! { <p class="field-message" id="files-error">{e}</p> })}
                        <input
                            type="file"
                            id="files"
                            name="files"
                            multiple
                            accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
                            aria-describedby="files-hint"
                        />
                    </div>
                </fieldset>
                <button type="submit" class="button">
                    "登记并打印回执"
                </button>
            </form>
        </div>
    }
    .into_any()
}

/// The files kept from an earlier send of the form (their tokens ride along as hidden fields).
fn kept_files(form: &IntakeForm) -> impl IntoView + use<> {
    let tokens: Vec<String> = form
        .values
        .iter()
        .filter(|(k, _)| k == "attachment")
        .map(|(_, v)| v.clone())
        .collect();
    (!tokens.is_empty()).then(|| {
        let n = tokens.len();
        view! {
            {tokens
                .into_iter()
                .map(|t| view! { <input type="hidden" name="attachment" value=t /> })
                .collect_view()}
            <p class="notice" id="files-kept">{format!("已收到 {n} 个文件，登记时一并保存。")}</p>
        }
    })
}

/// 回执: the petition's receipt, for the clerk to print and hand over.
#[component]
pub fn SlipPage() -> impl IntoView {
    match use_context::<SlipView>() {
        Some(SlipView::Slip(confirmation)) => view! {
            <crate::features::petition::pages::DonePage confirmation=*confirmation />
            <div class="wrap narrow no-print">
                <p>
                    <a href="/staff/intake">"继续登记"</a>
                    " · "
                    <a href="/staff">"返回工作台"</a>
                </p>
            </div>
        }
        .into_any(),
        _ => view! {
            <PageTitle text="没有这份回执 · 工作台".to_owned() />
            <div class="wrap narrow">
                <h1>"没有这份回执"</h1>
                <p>
                    "回执只在登记后给登记人打开。要查看事项，请在工作台打开它。"
                </p>
                <p>
                    <a href="/staff">"返回工作台"</a>
                </p>
            </div>
        }
        .into_any(),
    }
}
