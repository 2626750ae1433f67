//! `/staff/search` (工作台, in Simplified Chinese): the criteria, a page of the matters found with
//! a pager, and the links that export the whole result. Rendered by the handler of `http`.

use crate::domain::case::search::SearchForm;
use crate::ui::PageTitle;
use crate::ui::form::{ErrorSummary, FieldError, SelectField, TextField, error_for, form_title};
use leptos::prelude::*;

/// A matter found, as the page and the export show it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HitView {
    pub number: String,
    pub received_on: String,
    pub category: String,
    pub title: String,
    /// The name with the ID number masked, or withheld (第30条).
    pub petitioner: String,
    pub status: String,
    pub unit: String,
    /// The running deadline and its day.
    pub due: String,
    pub overdue: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchView {
    pub form: SearchForm,
    pub errors: Vec<FieldError>,
    /// Whether the form was sent (an empty page shows only the form).
    pub searched: bool,
    pub hits: Vec<HitView>,
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    /// More matched than one search reads.
    pub capped: bool,
    /// The criteria as a query string, for the pager and the exports.
    pub query: String,
    /// (code, name) of each choice.
    pub statuses: Vec<(String, String)>,
    pub units: Vec<(String, String)>,
    pub categories: Vec<(String, String)>,
    pub fields: Vec<(String, String)>,
    pub channels: Vec<(String, String)>,
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let Some(v) = use_context::<SearchView>() else {
        return view! { <crate::ui::SignInFirst /> }.into_any();
    };
    let errors = v.errors.clone();
    let f = v.form.clone();
    let results = (v.searched && errors.is_empty()).then(|| {
        let q = v.query.clone();
        let link = |page: usize| format!("/staff/search?{q}&page={page}");
        let pager = (v.pages > 1).then(|| {
            view! {
                <nav aria-label="翻页" class="pager">
                    {(v.page > 1).then(|| view! { <a href=link(v.page - 1) rel="prev">"上一页"</a> " " })}
                    <span>{format!("第 {} 页，共 {} 页", v.page, v.pages)}</span>
                    {(v.page < v.pages).then(|| view! { " " <a href=link(v.page + 1) rel="next">"下一页"</a> })}
                </nav>
            }
        });
        let table = (!v.hits.is_empty()).then(|| {
            view! {
                <crate::ui::DataTable caption="查到的信访事项" caption_visible=false stacked=true>
                    <thead>
                        <tr>
                            <th scope="col">"编号"</th>
                            <th scope="col">"收到日期"</th>
                            <th scope="col">"类别"</th>
                            <th scope="col">"标题"</th>
                            <th scope="col">"信访人"</th>
                            <th scope="col">"状态"</th>
                            <th scope="col">"承办单位"</th>
                            <th scope="col">"当前期限"</th>
                        </tr>
                    </thead>
                    <tbody id="hits">
                        {v
                            .hits
                            .iter()
                            .map(|h| {
                                let href = format!("/staff/cases/{}", h.number);
                                let class = if h.overdue { "overdue" } else { "" };
                                view! {
                                    <tr class=class>
                                        <th scope="row" data-label="编号">
                                            <a href=href>{h.number.clone()}</a>
                                        </th>
                                        <td data-label="收到日期">{h.received_on.clone()}</td>
                                        <td data-label="类别">{h.category.clone()}</td>
                                        <td data-label="标题">{h.title.clone()}</td>
                                        <td data-label="信访人">{h.petitioner.clone()}</td>
                                        <td data-label="状态">{h.status.clone()}</td>
                                        <td data-label="承办单位">{h.unit.clone()}</td>
                                        <td data-label="当前期限">
                                            {h.due.clone()}
                                            {h.overdue.then_some("，已超期")}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </crate::ui::DataTable>
            }
        });
        view! {
            <h2 id="results">"查询结果"</h2>
            <p id="total" role="status">
                {if v.total == 0 {
                    "没有符合条件的信访事项。".to_owned()
                } else {
                    format!("共 {} 件。", v.total)
                }}
                {v.capped.then_some("符合条件的超过 5000 件，只列出最新的 5000 件；请缩小查询范围。")}
            </p>
            {(v.total > 0)
                .then(|| {
                    view! {
                        <p>
                            <a href=format!("/staff/search/export.csv?{q}")>"导出 CSV"</a>
                            " · "
                            <a href=format!("/staff/search/export.xlsx?{q}")>"导出 Excel（XLSX）"</a>
                            " （导出全部结果；每次导出都记入查阅记录）"
                        </p>
                    }
                })}
            {table}
            {pager}
        }
    });
    view! {
        <PageTitle text=form_title("查询信访事项 · 工作台", &errors) />
        <div class="wrap">
            <nav aria-label="返回">
                <a href="/staff">"返回工作台"</a>
            </nav>
            <ErrorSummary errors=errors.clone() />
            <h1>"查询信访事项"</h1>
            <p>
                "条件可以任意组合。身份证号码和手机号码须填写完整，不按部分号码查询；查询联名信访时，其他信访人的身份证号码也能查到。"
            </p>
            <form method="get" action="/staff/search" novalidate class="search-form">
                <TextField id="number" label="信访事项编号" value=f.number.clone() error=error_for(&errors, "number") />
                <TextField id="name" label="信访人姓名" value=f.name.clone() error=error_for(&errors, "name") />
                <TextField
                    id="id_number"
                    label="公民身份号码（完整 18 位）"
                    value=f.id_number.clone()
                    error=error_for(&errors, "id_number")
                />
                <TextField
                    id="mobile"
                    label="手机号码（完整 11 位）"
                    kind="tel"
                    inputmode=Some("numeric")
                    value=f.mobile.clone()
                    error=error_for(&errors, "mobile")
                />
                <TextField
                    id="from"
                    label="收到日期，从"
                    hint=Some("年-月-日".to_owned())
                    kind="date"
                    value=f.from.clone()
                    error=error_for(&errors, "from")
                />
                <TextField
                    id="to"
                    label="收到日期，到"
                    hint=Some("年-月-日".to_owned())
                    kind="date"
                    value=f.to.clone()
                    error=error_for(&errors, "to")
                />
                <SelectField id="status" label="办理状态" placeholder="全部" options=v.statuses.clone() value=f.status.clone() error=error_for(&errors, "status") />
                <SelectField id="unit" label="承办单位" placeholder="全部" options=v.units.clone() value=f.unit.clone() error=error_for(&errors, "unit") />
                <SelectField id="category" label="类别" placeholder="全部" options=v.categories.clone() value=f.category.clone() error=error_for(&errors, "category") />
                <SelectField id="field" label="涉及领域" placeholder="全部" options=v.fields.clone() value=f.field.clone() error=error_for(&errors, "field") />
                <SelectField id="channel" label="渠道" placeholder="全部" options=v.channels.clone() value=f.channel.clone() error=error_for(&errors, "channel") />
                <p>
                    <label>
                        <input type="checkbox" name="overdue" value="1" checked=f.overdue == "1" />
                        " 只查已超期的"
                    </label>
                </p>
                <button type="submit" class="button">
                    "查询"
                </button>
            </form>
            {results}
        </div>
    }
    .into_any()
}
