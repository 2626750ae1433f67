//! The search's use cases: the criteria checked, the matters found (as the workbench lists
//! them, so a unit's staff find only what they may see), a page of them, and the export.

use super::pages::{HitView, SearchView};
use crate::domain::case::search::{self, MOST_RESULTS, Search, SearchForm};
use crate::domain::case::{CaseList, Status};
use crate::domain::petition::Category;
use crate::domain::petition::channel::Channel;
use crate::domain::staff::{StaffAccount, StaffRole};
use crate::features::cases::store::{self as cases_store, Criteria};
use crate::kernel::export::Table;
use crate::kernel::i18n::simplified;
use crate::kernel::store::date_text;
use crate::kernel::{AppContext, AppError, Now};

/// Who searches: everyone who works on matters.
pub fn may_search(staff: &StaffAccount) -> bool {
    !matches!(staff.role, StaffRole::LegalAid | StaffRole::Editor)
}

/// Who gets whole ID numbers in an export: those who register matters (登记员, 管理员); every
/// other role gets them masked, as the lists show them.
pub fn may_export_id_numbers(staff: &StaffAccount) -> bool {
    matches!(staff.role, StaffRole::Registrar | StaffRole::Admin)
}

/// The matters found, in full (before paging), and whether there were more than can be read.
pub struct Found {
    pub hits: Vec<Hit>,
    pub capped: bool,
}

/// A matter found: its row on the page, its petition id, and for the export the signer's name
/// and whole ID number (both empty when withheld from this staff member, 第30条).
pub struct Hit {
    pub view: HitView,
    pub id: i64,
    pub name: String,
    pub id_number: String,
}

/// Every matter that meets `s` and that `staff` may see, newest first (at most
/// [`MOST_RESULTS`]): its row, its petition id and its whole ID number (empty when withheld).
pub async fn find(
    ctx: &AppContext,
    staff: &StaffAccount,
    s: &Search,
    now: Now,
) -> Result<Found, AppError> {
    let criteria = Criteria {
        number: s.number.clone(),
        name: s.name.clone(),
        id_number: s.id_number.clone(),
        mobile: s.mobile.clone(),
        from: s.from.map(date_text),
        to: s.to.map(date_text),
        category: s.category.map(|c| c.code().to_owned()),
        channel: s.channel.map(|c| c.code().to_owned()),
    };
    let cap = i64::try_from(MOST_RESULTS + 1).unwrap_or(i64::MAX);
    let mut rows = cases_store::search(&ctx.pool, &criteria, cap).await?;
    let capped = rows.len() > MOST_RESULTS;
    rows.truncate(MOST_RESULTS);
    // The rows' own facts, by number, for what the listed items leave out.
    type Facts = (i64, String, String, Option<String>, String);
    let facts: std::collections::HashMap<String, Facts> = rows
        .iter()
        .map(|r| {
            (
                r.number.clone(),
                (
                    r.id,
                    r.petitioner_name.clone(),
                    r.id_number.clone(),
                    r.assigned_unit().map(str::to_owned),
                    r.field().to_owned(),
                ),
            )
        })
        .collect();
    let items = crate::features::cases::service::items(ctx, staff, &rows, now);
    let mut hits = Vec::new();
    for item in items {
        let Some((id, name, id_number, unit, field)) = facts.get(&item.number) else {
            continue;
        };
        if s.status.is_some_and(|st| st.code() != item.status)
            || s.unit.as_ref().is_some_and(|u| Some(u) != unit.as_ref())
            || s.field.as_ref().is_some_and(|f| f != field)
            || (s.overdue && !CaseList::Overdue.contains(&item))
        {
            continue;
        }
        let withheld = crate::features::cases::service::identity_hidden(staff, &item.category);
        let overdue = CaseList::Overdue.contains(&item);
        hits.push(Hit {
            view: HitView {
                category: Category::parse(&item.category)
                    .map(|c| simplified(&c.label()))
                    .unwrap_or_else(|| item.category.clone()),
                due: item
                    .due
                    .as_ref()
                    .map(|d| format!("{}（{}）", d.label, date_text(d.date)))
                    .unwrap_or_default(),
                overdue,
                number: item.number,
                received_on: item.received_on,
                title: item.title,
                petitioner: item.petitioner,
                status: item.status_label,
                unit: item.unit.unwrap_or_default(),
            },
            id: *id,
            name: if withheld {
                String::new()
            } else {
                name.clone()
            },
            id_number: if withheld {
                String::new()
            } else {
                id_number.clone()
            },
        });
    }
    Ok(Found { hits, capped })
}

fn options(ctx: &AppContext) -> SearchView {
    SearchView {
        statuses: Status::ALL
            .iter()
            .map(|s| (s.code().to_owned(), simplified(&s.label())))
            .collect(),
        units: ctx
            .config
            .units
            .iter()
            .map(|u| (u.code.clone(), u.name.clone()))
            .collect(),
        categories: Category::ALL
            .iter()
            .map(|c| (c.code().to_owned(), simplified(&c.label())))
            .collect(),
        fields: ctx
            .config
            .fields
            .iter()
            .map(|f| (f.code.clone(), f.name.clone()))
            .collect(),
        channels: Channel::ALL
            .iter()
            .map(|c| (c.code().to_owned(), simplified(&c.label())))
            .collect(),
        ..SearchView::default()
    }
}

/// Checks the form against the config.
pub fn check(ctx: &AppContext, form: &SearchForm, now: Now) -> Result<Search, AppError> {
    form.check(
        now.today(),
        |u| ctx.config.unit(u).is_some(),
        |f| ctx.config.field(f).is_some(),
    )
    .map_err(AppError::Invalid)
}

/// The page: the form as typed, and for a form that was sent, its page of matters or its
/// problems.
pub async fn page(
    ctx: &AppContext,
    staff: &StaffAccount,
    form: SearchForm,
    now: Now,
) -> Result<SearchView, AppError> {
    let mut view = options(ctx);
    let sent = form != SearchForm::default();
    view.query = query_of(&form);
    view.form = form;
    if !sent {
        return Ok(view);
    }
    view.searched = true;
    let s = match check(ctx, &view.form, now) {
        Ok(s) => s,
        Err(AppError::Invalid(problems)) => {
            view.errors = problems
                .into_iter()
                .map(crate::ui::form::FieldError::from)
                .collect();
            return Ok(view);
        }
        Err(e) => return Err(e),
    };
    let found = find(ctx, staff, &s, now).await?;
    let (range, pages) = search::page(found.hits.len(), s.page);
    view.total = found.hits.len();
    view.page = s.page.min(pages);
    view.pages = pages;
    view.capped = found.capped;
    view.hits = found.hits[range].iter().map(|h| h.view.clone()).collect();
    Ok(view)
}

/// The form as a query string without its page (for the pager and the export links).
fn query_of(form: &SearchForm) -> String {
    let pairs: Vec<(&str, &str)> = [
        ("number", form.number.as_str()),
        ("name", &form.name),
        ("id_number", &form.id_number),
        ("mobile", &form.mobile),
        ("from", &form.from),
        ("to", &form.to),
        ("status", &form.status),
        ("unit", &form.unit),
        ("category", &form.category),
        ("field", &form.field),
        ("channel", &form.channel),
        ("overdue", &form.overdue),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .collect();
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// The whole result as a table to download, every matter in it written to the audit log.
pub async fn export(
    ctx: &AppContext,
    staff: &StaffAccount,
    form: &SearchForm,
    now: Now,
) -> Result<Table, AppError> {
    let s = check(ctx, form, now)?;
    let found = find(ctx, staff, &s, now).await?;
    let whole = may_export_id_numbers(staff);
    let ids: Vec<i64> = found.hits.iter().map(|h| h.id).collect();
    cases_store::audit_all(&ctx.pool, staff.id, "export_case", &ids, &now.stamp()).await?;
    Ok(Table {
        name: "信访事项".to_owned(),
        headings: [
            "编号",
            "收到日期",
            "类别",
            "标题",
            "信访人",
            "公民身份号码",
            "状态",
            "承办单位",
            "当前期限",
            "是否超期",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: found
            .hits
            .into_iter()
            .map(|hit| {
                let withheld = "（不显示）".to_owned();
                let (name, id_shown) = if hit.id_number.is_empty() {
                    (withheld.clone(), withheld)
                } else if whole {
                    (hit.name, hit.id_number)
                } else {
                    (
                        hit.name,
                        crate::domain::person::mask_id_number(&hit.id_number),
                    )
                };
                let h = hit.view;
                vec![
                    h.number,
                    h.received_on,
                    h.category,
                    h.title,
                    name,
                    id_shown,
                    h.status,
                    h.unit,
                    h.due,
                    if h.overdue { "是" } else { "否" }.to_owned(),
                ]
            })
            .collect(),
    })
}
