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
        .map(crate::ui::i18n::month)
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
                    Ok(s) => {
                        view! { <MonthReport s base="/stats" heading=crate::t!("stats-title") /> }
                            .into_any()
                    }
                    Err(e) => {
                        view! {
                            <div class="wrap">
                                <h1>{crate::t!("stats-title")}</h1>
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
                <dt>{crate::t!("stats-figure-received")}</dt>
                <dd>{crate::t!("stats-figure-count", count = f.received)}</dd>
            </div>
            <div>
                <dt>{crate::t!("stats-rate-accepted")}</dt>
                <dd>{rate(f.accepted_in_time_rate)}</dd>
            </div>
            <div>
                <dt>{crate::t!("stats-rate-closed")}</dt>
                <dd>{rate(f.closed_on_time_rate)}</dd>
            </div>
            <div>
                <dt>{crate::t!("stats-rate-resolved")}</dt>
                <dd>{rate(f.resolved_first_time_rate)}</dd>
            </div>
            <div>
                <dt>{crate::t!("stats-rate-satisfaction")}</dt>
                <dd>{rate(f.satisfaction_rate)}</dd>
            </div>
            <div>
                <dt>{crate::t!("stats-rate-mediation")}</dt>
                <dd>{rate(f.mediation_agreement_rate)}</dd>
            </div>
            <div>
                <dt>{crate::t!("stats-figure-letters")}</dt>
                <dd>{crate::t!("stats-figure-count", count = f.supervision_letters)}</dd>
            </div>
        </dl>
    }
}

/// Bars of the monthly volumes, in SVG, with the same numbers in the table after it.
/// A table of the month's petitions per group (channel, field): the group, its count and its
/// 及时受理率.
#[component]
fn GroupTable(
    caption: String,
    column: String,
    body_id: &'static str,
    rows: Vec<(String, u32, Option<f64>)>,
) -> impl IntoView {
    view! {
        <table class="cases volumes">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{column}</th>
                    <th scope="col">{crate::t!("stats-volumes-count")}</th>
                    <th scope="col">{crate::t!("stats-rate-accepted")}</th>
                </tr>
            </thead>
            <tbody id=body_id>
                {rows
                    .into_iter()
                    .map(|(label, received, accepted)| {
                        view! {
                            <tr>
                                <th scope="row">{label}</th>
                                <td>{received}</td>
                                <td>{rate(accepted)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn VolumeChart(volumes: Vec<(String, i64)>) -> impl IntoView {
    let max = volumes.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    // A phone's width in user units (the text stays 14 px at 390 px), the bars sharing all of it
    // however many months there are.
    let (w, h) = (360.0_f64, 220.0_f64);
    let bar = w / volumes.len().max(1) as f64;
    let bars = volumes
        .iter()
        .enumerate()
        .map(|(i, (m, n))| {
            let height = (*n as f64 / max as f64) * (h - 40.0);
            let x = i as f64 * bar + 3.0;
            let y = h - 20.0 - height;
            let label = m.get(5..).unwrap_or(m).to_owned();
            view! {
                <g>
                    <rect x=x y=y width=bar - 6.0 height=height class="bar" />
                    <text x=x + (bar - 6.0) / 2.0 y=y - 4.0 text-anchor="middle" class="bar-value">
                        {*n}
                    </text>
                    <text x=x + (bar - 6.0) / 2.0 y=h - 4.0 text-anchor="middle" class="bar-label">
                        {label}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart chart-narrow"
            viewBox=format!("0 0 {w} {h}")
            role="img"
            aria-labelledby="volume-title volume-desc"
        >
            <title id="volume-title">{crate::t!("stats-chart-title")}</title>
            <desc id="volume-desc">{crate::t!("stats-chart-desc")}</desc>
            {bars}
        </svg>
    }
}

/// One month's figures, chart, unit table and 红黑榜: the public statistics page and the
/// workbench's KPI page (`base` is the page's own path, for the month links).
#[component]
pub fn MonthReport(
    s: MonthStats,
    base: &'static str,
    #[prop(into)] heading: String,
) -> impl IntoView {
    let label = month_label(&s.month);
    let title = crate::t!("stats-report-title", heading = heading, month = label);
    let first = crate::domain::kpi::parse_month(&s.month);
    let prev = first
        .and_then(|d| d.checked_sub_months(chrono::Months::new(1)))
        .map(|d| format!("{base}?month={}", d.format("%Y-%m")));
    // No month after the current one: it has no figures yet.
    let next = first
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
        .filter(|d| current_month().is_none_or(|now| *d <= now))
        .map(|d| format!("{base}?month={}", d.format("%Y-%m")));
    let volumes = s.volumes.clone();
    view! {
            <PageTitle text=title.clone() />
            <div class="wrap">
                <h1>{title}</h1>
                <p class="note">
                    {crate::t!("stats-report-note")}
                </p>
                <nav aria-label=crate::t!("stats-month-nav") class="month-nav">
                    {prev.map(|h| view! { <a href=h>{crate::t!("stats-month-previous")}</a> })} " "
                    {next.map(|h| view! { <a href=h>{crate::t!("stats-month-next")}</a> })}
                </nav>
                <FigureList f=s.figures.clone() />
                <h2>{crate::t!("stats-volumes-heading")}</h2>
                <VolumeChart volumes=volumes.clone() />
                <table class="cases volumes">
                    <caption>{crate::t!("stats-volumes-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{crate::t!("stats-volumes-month")}</th>
                            <th scope="col">{crate::t!("stats-volumes-count")}</th>
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
                <h2 id="channels">{crate::t!("stats-channels-heading")}</h2>
                <GroupTable
                    caption=crate::t!("stats-channels-caption")
                    column=crate::t!("stats-channels-channel")
                    body_id="by-channel"
                    rows=s
                        .by_channel
                        .iter()
                        .map(|c| {
                            let label = crate::domain::petition::channel::Channel::parse(&c.code)
                                .map(|ch| crate::ui::i18n::text(&ch.label()))
                                .unwrap_or_else(|| c.name.clone());
                            (label, c.figures.received, c.figures.accepted_in_time_rate)
                        })
                        .collect()
                />
                <h2 id="fields">{crate::t!("stats-fields-heading")}</h2>
                <GroupTable
                    caption=crate::t!("stats-fields-caption")
                    column=crate::t!("stats-fields-field")
                    body_id="by-field"
                    rows=s
                        .by_field
                        .iter()
                        .map(|f| {
                            (
                                crate::ui::i18n::name(&f.name),
                                f.figures.received,
                                f.figures.accepted_in_time_rate,
                            )
                        })
                        .collect()
                />
                <h2 id="receptions">{crate::t!("stats-receptions-heading")}</h2>
                {if s.receptions.is_empty() {
                    view! { <p>{crate::t!("stats-receptions-none")}</p> }.into_any()
                } else {
                    view! {
                        <table class="cases volumes">
                            <caption>{crate::t!("stats-receptions-caption")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{crate::t!("stats-volumes-month")}</th>
                                    <th scope="col">{crate::t!("stats-receptions-count")}</th>
                                </tr>
                            </thead>
                            <tbody id="receptions-per-month">
                                {s
                                    .receptions
                                    .iter()
                                    .map(|(m, n)| {
                                        view! {
                                            <tr>
                                                <td>{month_label(m)}</td>
                                                <td>{*n}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }}
                <h2 id="units">{crate::t!("stats-units-heading")}</h2>
                {
                    let named = |b: Board| {
                        let names: Vec<String> = s
                            .units
                            .iter()
                            .filter(|u| u.board == b)
                            .map(|u| crate::ui::i18n::name(&u.unit_name))
                            .collect();
                        if names.is_empty() {
                            crate::t!("stats-board-none")
                        } else {
                            names.join(&crate::t!("stats-board-separator"))
                        }
                    };
                    (!s.units.is_empty())
                        .then(|| {
                            view! {
                                <dl class="facts" id="board">
                                    <dt>{crate::t!("stats-board-red")}</dt>
                                    <dd>{named(Board::Red)}</dd>
                                    <dt>{crate::t!("stats-board-black")}</dt>
                                    <dd>{named(Board::Black)}</dd>
                                </dl>
                            }
                        })
                }
                {if s.units.is_empty() {
                    view! { <p>{crate::t!("stats-units-none")}</p> }.into_any()
                } else {
                    view! {
                        <DataTable caption=crate::t!("stats-units-caption") caption_visible=false stacked=true>
                                <thead>
                                    <tr>
                                        <th scope="col">{crate::t!("stats-units-unit")}</th>
                                        <th scope="col">{crate::t!("stats-units-count")}</th>
                                        <th scope="col">{crate::t!("stats-rate-accepted")}</th>
                                        <th scope="col">{crate::t!("stats-rate-closed")}</th>
                                        <th scope="col">{crate::t!("stats-rate-resolved")}</th>
                                        <th scope="col">{crate::t!("stats-rate-satisfaction")}</th>
                                        <th scope="col">{crate::t!("stats-rate-mediation")}</th>
                                        <th scope="col">{crate::t!("stats-units-letters")}</th>
                                        <th scope="col">{crate::t!("stats-units-overdue")}</th>
                                        <th scope="col">{crate::t!("stats-units-board")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {s
                                        .units
                                        .into_iter()
                                        .map(|u| {
                                            let board = u
                                                .board
                                                .label()
                                                .map(|b| crate::ui::i18n::text(&b))
                                                .unwrap_or_default();
                                            view! {
                                                <tr>
                                                    <th scope="row" class="stacked-head">
                                                        {crate::ui::i18n::name(&u.unit_name)}
                                                    </th>
                                                    <td data-label=crate::t!("stats-units-count")>{u.figures.received}</td>
                                                    <td data-label=crate::t!("stats-rate-accepted")>{rate(u.figures.accepted_in_time_rate)}</td>
                                                    <td data-label=crate::t!("stats-rate-closed")>{rate(u.figures.closed_on_time_rate)}</td>
                                                    <td data-label=crate::t!("stats-rate-resolved")>{rate(u.figures.resolved_first_time_rate)}</td>
                                                    <td data-label=crate::t!("stats-rate-satisfaction")>{rate(u.figures.satisfaction_rate)}</td>
                                                    <td data-label=crate::t!("stats-rate-mediation")>{rate(u.figures.mediation_agreement_rate)}</td>
                                                    <td data-label=crate::t!("stats-units-letters")>{u.figures.supervision_letters}</td>
                                                    <td data-label=crate::t!("stats-units-overdue")>{u.figures.overdue}</td>
                                                    <td data-label=crate::t!("stats-units-board")>{board}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
    </DataTable>
                    }
                        .into_any()
                }}
                <h2>{crate::t!("stats-definitions-heading")}</h2>
                <dl class="facts">
                    <dt>{crate::t!("stats-rate-accepted")}</dt>
                    <dd>{crate::t!("stats-definition-accepted")}</dd>
                    <dt>{crate::t!("stats-rate-closed")}</dt>
                    <dd>{crate::t!("stats-definition-closed")}</dd>
                    <dt>{crate::t!("stats-rate-resolved")}</dt>
                    <dd>{crate::t!("stats-definition-resolved")}</dd>
                    <dt>{crate::t!("stats-rate-satisfaction")}</dt>
                    <dd>{crate::t!("stats-definition-satisfaction")}</dd>
                    <dt>{crate::t!("stats-rate-mediation")}</dt>
                    <dd>{crate::t!("stats-definition-mediation")}</dd>
                    <dt>{crate::t!("stats-units-overdue")}</dt>
                    <dd>{crate::t!("stats-definition-overdue")}</dd>
                    <dt>{crate::t!("stats-units-board")}</dt>
                    <dd>{crate::t!("stats-definition-board")}</dd>
                </dl>
            </div>
        }
}

/// The first day of the month the request is in (pages are rendered on the server only).
#[cfg(feature = "ssr")]
fn current_month() -> Option<chrono::NaiveDate> {
    Some(crate::features::stats::service::this_month(
        crate::kernel::clock::request_now(),
    ))
}

#[cfg(not(feature = "ssr"))]
fn current_month() -> Option<chrono::NaiveDate> {
    None
}
