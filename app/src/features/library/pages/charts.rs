//! The 时限图 and 流程图 of the guides, generated from the rules the code itself runs: the clock's
//! limits (`domain::clock::Limit`) and the route check's channels (`domain::journey::Route`), so a
//! rule change changes the chart. Each chart is readable without its picture: the time limits
//! are a table beside the bars, the routes an ordered list.

use crate::domain::library::Chart;
use crate::domain::limit::Limit;
use crate::domain::petition::Route;
use crate::features::petition::pages::{channel_heading, route_hint, route_label};
use crate::ui::DataTable;
use crate::ui::i18n::text;
use leptos::prelude::*;

#[component]
pub fn ChartView(chart: Chart) -> impl IntoView {
    match chart {
        Chart::TimeLimits => view! { <TimeLimitChart /> }.into_any(),
        Chart::Routes => view! { <RouteChart /> }.into_any(),
    }
}

/// Every statutory limit as a bar of its length, with the same facts in a table.
#[component]
pub fn TimeLimitChart() -> impl IntoView {
    let longest = Limit::ALL.iter().map(|l| l.length()).max().unwrap_or(1);
    // Drawn for a phone's width: each step's name on its own line above its bar, the bar using
    // the whole width but for its length label, so that the text stays 14 px (never below 12)
    // at 390 px wide and the picture is not scaled up past readable on a desktop.
    let (row, width, label_room) = (46u32, 360u32, 78u32);
    let bar_w = width - label_room;
    let height = row * u32::try_from(Limit::ALL.len()).unwrap_or(0) + 4;
    view! {
            <figure class="chart-figure" id="time-limits">
                <figcaption>{crate::t!("library-chart-limits-caption")}</figcaption>
                <svg
                    class="chart chart-narrow"
                    viewBox=format!("0 0 {width} {height}")
                    aria-hidden="true"
                    focusable="false"
                >
                    {Limit::ALL
                        .iter()
                        .enumerate()
                        .map(|(i, l)| {
                            let y = row * u32::try_from(i).unwrap_or(0);
                            let w = (bar_w * l.length() / longest).max(4);
                            view! {
                                <text x="0" y=y + 16>
                                    {text(&l.label())}
                                </text>
                                <rect class="bar" x="0" y=y + 22 width=w height="16" />
                                <text x=w + 6 y=y + 36>
                                    {text(&l.length_label())}
                                </text>
                            }
                        })
                        .collect_view()}
                </svg>
                <DataTable caption=crate::t!("library-chart-limits-table")>
                        <thead>
                            <tr>
                                <th scope="col">{crate::t!("library-chart-limits-step")}</th>
                                <th scope="col">{crate::t!("library-chart-limits-length")}</th>
                                <th scope="col">{crate::t!("library-chart-limits-from")}</th>
                                <th scope="col">{crate::t!("library-chart-limits-basis")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {Limit::ALL
                                .iter()
                                .map(|l| {
                                    view! {
                                        <tr>
                                            <td>{text(&l.label())}</td>
                                            <td>{text(&l.length_label())}</td>
                                            <td>{text(&l.counted_from())}</td>
                                            <td>{text(&l.article())}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
    </DataTable>
            </figure>
        }
}

/// The route check of 第31条 as a flow: each statutory channel and where it leads, then what
/// happens to a matter that stays a petition.
#[component]
pub fn RouteChart() -> impl IntoView {
    let channels = Route::APPEAL
        .iter()
        .copied()
        .filter(|r| !r.continues_here())
        .collect::<Vec<_>>();
    let steps = [
        Limit::Register,
        Limit::AcknowledgeReceipt,
        Limit::Handle,
        Limit::AnswerReview,
        Limit::AnswerRecheck,
    ];
    view! {
        <figure class="chart-figure flow" id="routes">
            <figcaption>{crate::t!("library-chart-routes-caption")}</figcaption>
            <ol class="flow-steps">
                {channels
                    .into_iter()
                    .map(|r| {
                        view! {
                            <li>
                                <p class="flow-if">{crate::t!("library-chart-routes-if", route = route_label(r))}</p>
                                <p class="flow-then">"→ " {channel_heading(r)}</p>
                                {route_hint(r).map(|h| view! { <p class="hint">{h}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <p class="flow-if">
                        {crate::t!("library-chart-routes-if", route = route_label(Route::Petition))}
                    </p>
                    <p class="flow-then">{crate::t!("library-chart-routes-petition")}</p>
                    <ol class="flow-clock">
                        {steps
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <li>
                                        {crate::t!(
                                            "library-chart-routes-step",
                                            step = l.label(),
                                            from = l.counted_from(),
                                            length = l.length_label(),
                                        )}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                </li>
            </ol>
        </figure>
    }
}
