//! The reports' pages (工作台, in Simplified Chinese): the index with the period to choose, and
//! one report (`/staff/reports/annual`, `/staff/reports/monthly`, `/staff/reports/board`) as its
//! sections of tables, printable and with its downloads. Rendered by the handlers of `http`.

use crate::ui::PageTitle;
use crate::ui::form::{TextArea, TextField};
use leptos::prelude::*;

/// One table of a report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    pub title: String,
    pub headings: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// What the section's figures mean, under it.
    pub note: Option<String>,
}

/// A report as its page shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportView {
    /// `annual`, `monthly` or `board`.
    pub kind: String,
    pub title: String,
    /// The bureau and the period, under the title.
    pub subtitle: String,
    /// The period as its query (`year=2026`, `month=2026-12`), for the downloads.
    pub query: String,
    /// The 研判's sentences, as generated or as the clerk edited them.
    pub sentences: Vec<String>,
    /// The clerk's edited text was sent: the page is the print version.
    pub edited: bool,
    pub sections: Vec<Section>,
    /// When it was made (the figures are as of that day).
    pub made_on: String,
}

/// `/staff/reports`: the period of each report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportsIndex {
    pub year: String,
    pub month: String,
}

fn back() -> impl IntoView {
    view! {
        <nav aria-label="返回" class="no-print">
            <a href="/staff">"返回工作台"</a>
            " · "
            <a href="/staff/reports">"全部报告"</a>
        </nav>
    }
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let Some(v) = use_context::<ReportsIndex>() else {
        return view! { <crate::ui::SignInFirst /> }.into_any();
    };
    view! {
        <PageTitle text="报告 · 工作台".to_owned() />
        <div class="wrap">
            <nav aria-label="返回">
                <a href="/staff">"返回工作台"</a>
            </nav>
            <h1>"报告"</h1>
            <p>
                "报告由系统按登记的数据生成，无需重新录入；每份报告都可以打印（A4）或下载为 CSV、Excel 文件。"
            </p>
            <h2>"信访情况年度报告"</h2>
            <p>"《信访工作条例》第四十一条规定的年度报告：数据统计、涉及领域、被投诉较多的单位，转送、交办、督办情况，三项建议及采纳情况，与上年比较。"</p>
            <form method="get" action="/staff/reports/annual" class="inline-form">
                <TextField id="year" label="年份" inputmode=Some("numeric") value=v.year.clone() />
                <button type="submit" class="button">"生成年度报告"</button>
            </form>
            <h2>"信访形势研判月报"</h2>
            <p>"本月与上月、上年同月比较，增长最快的领域和单位，超期事项，重复信访和联名信访；生成的文字可以修改后打印。"</p>
            <form method="get" action="/staff/reports/monthly" class="inline-form">
                <TextField id="month" label="月份" hint=Some("年-月，例如 2026-12".to_owned()) value=v.month.clone() />
                <button type="submit" class="button">"生成研判月报"</button>
            </form>
            <h2>"红黑榜"</h2>
            <p>"当月各承办单位的红榜、黑榜，可以打印后公布；公开的统计页面同样列出（只列单位，不含个人信息）。"</p>
            <form method="get" action="/staff/reports/board" class="inline-form">
                <TextField id="board-month" label="月份" hint=Some("年-月，例如 2026-12".to_owned()) value=v.month.clone() />
                <button type="submit" class="button">"生成红黑榜"</button>
            </form>
        </div>
    }
    .into_any()
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let Some(v) = use_context::<ReportView>() else {
        return view! { <crate::ui::SignInFirst /> }.into_any();
    };
    let downloads = {
        let base = format!("/staff/reports/{}", v.kind);
        let q = v.query.clone();
        view! {
            <p class="no-print" id="downloads">
                <a href=format!("{base}/export.csv?{q}")>"下载 CSV"</a>
                " · "
                <a href=format!("{base}/export.xlsx?{q}")>"下载 Excel（XLSX）"</a>
                " · 用浏览器的“打印”（电脑上按 Ctrl+P）打印，纸张选 A4。"
            </p>
        }
    };
    let analysis = (!v.sentences.is_empty()).then(|| {
        let text = v.sentences.join("\n");
        let month = v.query.trim_start_matches("month=").to_owned();
        view! {
            <section aria-labelledby="analysis-heading">
                <h2 id="analysis-heading">"研判分析"</h2>
                <div id="analysis">
                    {v.sentences.iter().map(|s| view! { <p class="report-para">{s.clone()}</p> }).collect_view()}
                </div>
                {(!v.edited)
                    .then(|| {
                        view! {
                            <form method="post" action="/staff/reports/monthly" class="no-print" novalidate>
                                <input type="hidden" name="month" value=month />
                                <TextArea
                                    id="text"
                                    label="修改研判分析"
                                    hint=Some("一段一行；修改后点“生成打印版”，不会改动数据".to_owned())
                                    rows=8
                                    value=text
                                />
                                <button type="submit" class="button secondary">"生成打印版"</button>
                            </form>
                        }
                    })}
            </section>
        }
    });
    view! {
        <PageTitle text=format!("{} · 工作台", v.title) />
        <div class="wrap">
            {back()}
            {downloads}
            <article class="report-doc" aria-labelledby="report-title">
                <h1 id="report-title">{v.title.clone()}</h1>
                <p class="report-subtitle">{v.subtitle.clone()}</p>
                {analysis}
                {v
                    .sections
                    .clone()
                    .into_iter()
                    .enumerate()
                    .map(|(n, s)| {
                        // No landmark of its own: its table is the named region.
                        let id = format!("section-{n}");
                        view! {
                            <section class="report-section">
                                <h2 id=id>{s.title.clone()}</h2>
                                <crate::ui::DataTable caption=s.title.clone() caption_visible=false>
                                    <thead>
                                        <tr>
                                            {s.headings.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {s
                                            .rows
                                            .iter()
                                            .map(|r| {
                                                let mut cells = r.iter();
                                                let first = cells.next().cloned().unwrap_or_default();
                                                view! {
                                                    <tr>
                                                        <th scope="row">{first}</th>
                                                        {cells.map(|c| view! { <td>{c.clone()}</td> }).collect_view()}
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </crate::ui::DataTable>
                                {s.note.clone().map(|n| view! { <p class="note">{n}</p> })}
                            </section>
                        }
                    })
                    .collect_view()}
                <p class="report-made">{format!("数据截至 {}", v.made_on)}</p>
            </article>
        </div>
    }
    .into_any()
}
