//! 信访统计: the month's figures (definitions in `domain::kpi`), the monthly volumes as a chart
//! with its numbers as a table, and the units with the month's 红黑榜.

use crate::domain::kpi::{Board, Figures};
use crate::features::stats::server_fns::get_stats;
use crate::features::stats::view::MonthStats;
use crate::ui::DataTable;
use crate::ui::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn rate(r: Option<f64>) -> String {
    r.map(|r| format!("{:.1}%", r * 100.0))
        .unwrap_or_else(|| "—".to_owned())
}

fn month_label(m: &str) -> String {
    crate::domain::kpi::parse_month(m)
        .map(|d| d.format("%Y年%-m月").to_string())
        .unwrap_or_else(|| m.to_owned())
}

#[component]
pub fn StatsPage() -> impl IntoView {
    let month = use_query_map().read_untracked().get("month");
    let stats = Resource::new(move || month.clone(), get_stats);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match stats.await {
                    Ok(s) => view! { <MonthReport s base="/stats" heading="信访统计" /> }.into_any(),
                    Err(e) => {
                        view! {
                            <div class="wrap">
                                <h1>"信访统计"</h1>
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
fn FigureList(f: Figures) -> impl IntoView {
    view! {
        <dl class="figures">
            <div>
                <dt>"收到信访事项"</dt>
                <dd>{f.received} " 件"</dd>
            </div>
            <div>
                <dt>"及时受理率"</dt>
                <dd>{rate(f.accepted_in_time_rate)}</dd>
            </div>
            <div>
                <dt>"按期办结率"</dt>
                <dd>{rate(f.closed_on_time_rate)}</dd>
            </div>
            <div>
                <dt>"一次性化解率"</dt>
                <dd>{rate(f.resolved_first_time_rate)}</dd>
            </div>
            <div>
                <dt>"满意率"</dt>
                <dd>{rate(f.satisfaction_rate)}</dd>
            </div>
            <div>
                <dt>"调解协议率"</dt>
                <dd>{rate(f.mediation_agreement_rate)}</dd>
            </div>
            <div>
                <dt>"督办函、提醒函"</dt>
                <dd>{f.supervision_letters} " 件"</dd>
            </div>
        </dl>
    }
}

/// Bars of the monthly volumes, in SVG, with the same numbers in the table after it.
#[component]
fn VolumeChart(volumes: Vec<(String, i64)>) -> impl IntoView {
    let max = volumes.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let (w, h, bar) = (600.0_f64, 200.0_f64, 600.0 / 12.0);
    let bars = volumes
        .iter()
        .enumerate()
        .map(|(i, (m, n))| {
            let height = (*n as f64 / max as f64) * (h - 40.0);
            let x = i as f64 * bar + 6.0;
            let y = h - 20.0 - height;
            let label = m.get(5..).unwrap_or(m).to_owned();
            view! {
                <g>
                    <rect x=x y=y width=bar - 12.0 height=height class="bar" />
                    <text x=x + (bar - 12.0) / 2.0 y=y - 4.0 text-anchor="middle" class="bar-value">
                        {*n}
                    </text>
                    <text x=x + (bar - 12.0) / 2.0 y=h - 4.0 text-anchor="middle" class="bar-label">
                        {label}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart"
            viewBox=format!("0 0 {w} {h}")
            role="img"
            aria-labelledby="volume-title volume-desc"
        >
            <title id="volume-title">"近十二个月每月收到的信访事项"</title>
            <desc id="volume-desc">"柱状图；具体数字见下表。"</desc>
            {bars}
        </svg>
    }
}

/// One month's figures, chart, unit table and 红黑榜: the public statistics page and the
/// workbench's KPI page (`base` is the page's own path, for the month links).
#[component]
pub fn MonthReport(s: MonthStats, base: &'static str, heading: &'static str) -> impl IntoView {
    let label = month_label(&s.month);
    let first = crate::domain::kpi::parse_month(&s.month);
    let prev = first
        .and_then(|d| d.checked_sub_months(chrono::Months::new(1)))
        .map(|d| format!("{base}?month={}", d.format("%Y-%m")));
    let next = first
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
        .map(|d| format!("{base}?month={}", d.format("%Y-%m")));
    let volumes = s.volumes.clone();
    view! {
            <PageTitle text=format!("{heading}（{label}）") />
            <div class="wrap">
                <h1>{format!("{heading}（{label}）")}</h1>
                <p class="note">
                    "按收到时间统计当月的信访事项；比率只计算已经到期或已经完成的事项，没有到期事项的显示为“—”。"
                </p>
                <nav aria-label="选择月份" class="month-nav">
                    {prev.map(|h| view! { <a href=h>"上一月"</a> })} " "
                    {next.map(|h| view! { <a href=h>"下一月"</a> })}
                </nav>
                <FigureList f=s.figures.clone() />
                <h2>"每月收到的信访事项"</h2>
                <VolumeChart volumes=volumes.clone() />
                <table class="cases volumes">
                    <caption>"近十二个月每月收到的信访事项（件）"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"月份"</th>
                            <th scope="col">"件数"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {volumes
                            .into_iter()
                            .map(|(m, n)| {
                                view! {
                                    <tr>
                                        <td>{month_label(&m)}</td>
                                        <td>{n}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                <h2 id="units">"各承办单位与红黑榜"</h2>
                {
                    let named = |b: Board| {
                        let names: Vec<String> = s
                            .units
                            .iter()
                            .filter(|u| u.board == b)
                            .map(|u| u.unit_name.clone())
                            .collect();
                        if names.is_empty() { "无".to_owned() } else { names.join("、") }
                    };
                    (!s.units.is_empty())
                        .then(|| {
                            view! {
                                <dl class="facts" id="board">
                                    <dt>"红榜"</dt>
                                    <dd>{named(Board::Red)}</dd>
                                    <dt>"黑榜"</dt>
                                    <dd>{named(Board::Black)}</dd>
                                </dl>
                            }
                        })
                }
                {if s.units.is_empty() {
                    view! { <p>"本月还没有交办到承办单位的事项。"</p> }.into_any()
                } else {
                    view! {
                        <DataTable caption="各承办单位本月的指标" caption_visible=false>
                                <thead>
                                    <tr>
                                        <th scope="col">"承办单位"</th>
                                        <th scope="col">"件数"</th>
                                        <th scope="col">"及时受理率"</th>
                                        <th scope="col">"按期办结率"</th>
                                        <th scope="col">"一次性化解率"</th>
                                        <th scope="col">"满意率"</th>
                                        <th scope="col">"调解协议率"</th>
                                        <th scope="col">"督办、提醒函"</th>
                                        <th scope="col">"超期"</th>
                                        <th scope="col">"红黑榜"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {s
                                        .units
                                        .into_iter()
                                        .map(|u| {
                                            let board = match u.board {
                                                Board::Neither => "",
                                                b => b.label(),
                                            };
                                            view! {
                                                <tr>
                                                    <td>{u.unit_name}</td>
                                                    <td>{u.figures.received}</td>
                                                    <td>{rate(u.figures.accepted_in_time_rate)}</td>
                                                    <td>{rate(u.figures.closed_on_time_rate)}</td>
                                                    <td>{rate(u.figures.resolved_first_time_rate)}</td>
                                                    <td>{rate(u.figures.satisfaction_rate)}</td>
                                                    <td>{rate(u.figures.mediation_agreement_rate)}</td>
                                                    <td>{u.figures.supervision_letters}</td>
                                                    <td>{u.figures.overdue}</td>
                                                    <td>{board}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
    </DataTable>
                    }
                        .into_any()
                }}
                <h2>"指标怎么算"</h2>
                <dl class="facts">
                    <dt>"及时受理率"</dt>
                    <dd>"在 15 日内登记并转送、交办（或告知不予受理）的事项占应当完成的事项的比例（《信访工作条例》第二十二条）。"</dd>
                    <dt>"按期办结率"</dt>
                    <dd>"受理后在 60 日（含经批准的延长期限）内书面答复的事项占应当答复的事项的比例（第三十四条）。"</dd>
                    <dt>"一次性化解率"</dt>
                    <dd>"已答复的事项中，信访人没有请求复查的比例。"</dd>
                    <dt>"满意率"</dt>
                    <dd>"评价为“满意”或“基本满意”的占全部评价的比例（第二十一条）。"</dd>
                    <dt>"调解协议率"</dt>
                    <dd>"组织调解的申诉求决类事项中达成调解协议的比例（第三十三条）。"</dd>
                    <dt>"红黑榜"</dt>
                    <dd>"红榜：各项比率都不低于 90%；黑榜：及时受理率或按期办结率低于 80%，或者有超期事项。"</dd>
                </dl>
            </div>
        }
}
