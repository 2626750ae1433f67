//! The reception room's pages (工作台, in Simplified Chinese): the sessions with a form to publish
//! one (`/staff/reception`), and a day's list of bookings with arrived / no-show and 登记为来访
//! (`/staff/reception/day`). Rendered by the handlers of `staff_http`.

use crate::domain::reception::{BookingStatus, SessionDraft, SessionKind};
use crate::features::visits::pages::citizen::session_heading;
use crate::features::visits::view::{DaySession, SessionView};
use crate::ui::PageTitle;
use crate::ui::form::{
    ErrorSummary, FieldError, SelectField, TextArea, TextField, error_for, form_title,
};
use leptos::prelude::*;

/// `/staff/reception`: the sessions from today on, and the form (with what was typed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReceptionView {
    pub sessions: Vec<SessionView>,
    pub draft: SessionDraft,
    pub errors: Vec<FieldError>,
    /// What the last post did, said once.
    pub notice: Option<String>,
    pub closes_hours: u32,
    /// Today (`YYYY-MM-DD`), for the link to today's list.
    pub today: String,
}

fn back() -> impl IntoView {
    view! {
        <nav aria-label="返回">
            <a href="/staff">"返回工作台"</a>
        </nav>
    }
}

#[component]
pub fn ReceptionPage() -> impl IntoView {
    let Some(v) = use_context::<ReceptionView>() else {
        return view! { <crate::ui::SignInFirst /> }.into_any();
    };
    let errors = v.errors.clone();
    let kinds: Vec<(String, String)> = SessionKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), crate::ui::i18n::text(&k.label())))
        .collect();
    let d = v.draft.clone();
    let slots = if d.slots.is_empty() {
        "09:00-10:00 5\n10:00-11:00 5\n14:30-15:30 5".to_owned()
    } else {
        d.slots.clone()
    };
    let list = if v.sessions.is_empty() {
        view! { <p>"今天以后还没有接访场次。"</p> }.into_any()
    } else {
        view! {
            <crate::ui::DataTable caption="接访场次" caption_visible=false>
                <thead>
                    <tr>
                        <th scope="col">"场次"</th>
                        <th scope="col">"地点"</th>
                        <th scope="col">"时段（已约／名额）"</th>
                        <th scope="col">"操作"</th>
                    </tr>
                </thead>
                <tbody id="sessions">
                    {v
                        .sessions
                        .iter()
                        .map(|s| {
                            let taken: i64 = s.slots.iter().map(|l| l.booked).sum();
                            let slots = s
                                .slots
                                .iter()
                                .map(|l| format!("{} {}／{}", l.label(), l.booked, l.capacity))
                                .collect::<Vec<_>>()
                                .join("；");
                            let day_link = format!("/staff/reception/day?date={}", s.day);
                            let cancel = format!("/staff/reception/sessions/{}/cancel", s.id);
                            let heading = session_heading(s);
                            let cancel_label = format!("撤下 {heading}");
                            view! {
                                <tr>
                                    <th scope="row">{heading}</th>
                                    <td>{s.place.clone()}</td>
                                    <td>{slots}</td>
                                    <td>
                                        <a href=day_link>"当天名单"</a>
                                        {(taken == 0)
                                            .then(|| {
                                                view! {
                                                    <form method="post" action=cancel class="inline">
                                                        <button type="submit" class="button secondary" aria-label=cancel_label>
                                                            "撤下"
                                                        </button>
                                                    </form>
                                                }
                                            })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </crate::ui::DataTable>
        }
        .into_any()
    };
    view! {
        <PageTitle text=form_title("接访场次 · 工作台", &errors) />
        <div class="wrap">
            {back()}
            <ErrorSummary errors=errors.clone() />
            {v.notice.clone().map(|n| view! { <p class="notice" role="status" id="reception-notice">{n}</p> })}
            <h1>"接访场次"</h1>
            <p>
                {format!(
                    "这里发布的场次显示在首页、公开信息和“预约走访”页，群众可以在网上预约时段。每场的预约在开始前 {} 小时截止（配置文件 [bookings]）；法定节假日和休息日不能安排。已有人预约的场次不能撤下。",
                    v.closes_hours,
                )}
            </p>
            <p>
                <a href=format!("/staff/reception/day?date={}", v.today)>"今天的预约名单"</a>
            </p>
            <h2>"今天以后的场次"</h2>
            {list}
            <h2>"发布场次"</h2>
            <form method="post" action="/staff/reception" novalidate>
                <TextField
                    id="day"
                    label="接访日期"
                    hint=Some("年-月-日".to_owned())
                    kind="date"
                    value=d.day.clone()
                    error=error_for(&errors, "day")
                />
                <SelectField
                    id="kind"
                    label="接访类型"
                    placeholder="请选择"
                    options=kinds
                    value=d.kind.clone()
                    error=error_for(&errors, "kind")
                />
                <TextField
                    id="leader"
                    label="接访领导（领导接访日填写）"
                    value=d.leader.clone()
                    error=error_for(&errors, "leader")
                />
                <TextField
                    id="office"
                    label="领导职务（领导接访日填写）"
                    hint=Some("例如：市信访局局长".to_owned())
                    value=d.office.clone()
                    error=error_for(&errors, "office")
                />
                <TextField
                    id="place"
                    label="接访地点"
                    value=d.place.clone()
                    error=error_for(&errors, "place")
                />
                <TextArea
                    id="slots"
                    label="时段和名额"
                    hint=Some("每行一个时段和名额，例如“09:00-10:00 5”".to_owned())
                    rows=4
                    value=slots
                    error=error_for(&errors, "slots")
                />
                <button type="submit" class="button">
                    "发布"
                </button>
            </form>
        </div>
    }
    .into_any()
}

/// `/staff/reception/day`: a day's sessions and bookings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DayView {
    pub day: String,
    pub sessions: Vec<DaySession>,
    pub notice: Option<String>,
    pub error: Option<String>,
}

#[component]
pub fn ReceptionDayPage() -> impl IntoView {
    let Some(v) = use_context::<DayView>() else {
        return view! { <crate::ui::SignInFirst /> }.into_any();
    };
    let sessions = if v.sessions.is_empty() {
        view! { <p>"这一天没有接访场次。"</p> }.into_any()
    } else {
        v.sessions
            .clone()
            .into_iter()
            .map(|d| {
                let heading = session_heading(&d.session);
                view! {
                    <section class="session">
                        <h2>{heading}</h2>
                        <p>{format!("地点：{}", d.session.place)}</p>
                        {d.slots.into_iter().map(|(slot, bookings)| {
                            let caption = format!("{} 的预约（名额 {}）", slot.label(), slot.capacity);
                            if bookings.is_empty() {
                                return view! { <p>{format!("{}：没有预约。", slot.label())}</p> }.into_any();
                            }
                            view! {
                                <crate::ui::DataTable caption=caption caption_visible=true>
                                    <thead>
                                        <tr>
                                            <th scope="col">"预约编号"</th>
                                            <th scope="col">"姓名"</th>
                                            <th scope="col">"手机号码"</th>
                                            <th scope="col">"反映的事项"</th>
                                            <th scope="col">"状态"</th>
                                            <th scope="col">"操作"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {bookings.into_iter().map(|b| {
                                            let mark = format!("/staff/reception/bookings/{}/mark", b.id);
                                            let intake = format!("/staff/intake?booking={}", b.number);
                                            let status = crate::ui::i18n::text(&b.status.label());
                                            let actions = match (b.status, &b.case_number) {
                                                (_, Some(case)) => {
                                                    let href = format!("/staff/cases/{case}");
                                                    view! { <a href=href>{format!("已登记为 {case}")}</a> }.into_any()
                                                }
                                                (BookingStatus::Booked, None) => view! {
                                                    <form method="post" action=mark.clone() class="inline">
                                                        <input type="hidden" name="date" value=b.session.day.to_string() />
                                                        <input type="hidden" name="status" value="arrived" />
                                                        <button type="submit" class="button secondary" aria-label=format!("到访（{}）", b.number)>"到访"</button>
                                                    </form>
                                                    <form method="post" action=mark.clone() class="inline">
                                                        <input type="hidden" name="date" value=b.session.day.to_string() />
                                                        <input type="hidden" name="status" value="no_show" />
                                                        <button type="submit" class="button secondary" aria-label=format!("未到访（{}）", b.number)>"未到访"</button>
                                                    </form>
                                                    <a href=intake>"登记为来访事项"</a>
                                                }.into_any(),
                                                (BookingStatus::Arrived, None) => view! {
                                                    <a href=intake>"登记为来访事项"</a>
                                                }.into_any(),
                                                (BookingStatus::NoShow, None) => view! {
                                                    <form method="post" action=mark class="inline">
                                                        <input type="hidden" name="date" value=b.session.day.to_string() />
                                                        <input type="hidden" name="status" value="arrived" />
                                                        <button type="submit" class="button secondary" aria-label=format!("改为到访（{}）", b.number)>"改为到访"</button>
                                                    </form>
                                                }.into_any(),
                                                _ => "—".into_any(),
                                            };
                                            view! {
                                                <tr id=format!("booking-{}", b.number)>
                                                    <th scope="row">{b.number.clone()}</th>
                                                    <td>{b.name.clone()}</td>
                                                    <td>{b.mobile.clone()}</td>
                                                    <td>{b.summary.clone()}</td>
                                                    <td>{status}</td>
                                                    <td>{actions}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </crate::ui::DataTable>
                            }.into_any()
                        }).collect_view()}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <PageTitle text=format!("{} 的预约名单 · 工作台", v.day) />
        <div class="wrap">
            <nav aria-label="返回">
                <a href="/staff/reception">"返回接访场次"</a>
            </nav>
            {v.error.clone().map(|e| view! { <p class="warning" role="alert" id="reception-error">{e}</p> })}
            {v.notice.clone().map(|n| view! { <p class="notice" role="status" id="reception-notice">{n}</p> })}
            <h1>{format!("{} 的预约名单", v.day)}</h1>
            <form method="get" action="/staff/reception/day" class="inline">
                <TextField id="date" label="日期" kind="date" value=v.day.clone() />
                <button type="submit" class="button secondary">"查看"</button>
            </form>
            {sessions}
        </div>
    }
    .into_any()
}
