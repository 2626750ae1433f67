//! 考核指标: the month's KPIs per unit and the 红黑榜 inside the workbench (the same figures as
//! the public statistics page, computed from the case events; definitions in `domain::kpi`).

use super::stats_page::MonthReport;
use crate::features::staff::server_fns::get_current_staff;
use crate::features::stats::server_fns::get_stats;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn KpiPage() -> impl IntoView {
    let month = use_query_map().read_untracked().get("month");
    let staff = Resource::new(|| (), |_| get_current_staff());
    let counts_month = month.clone();
    let stats = Resource::new(move || month.clone(), get_stats);
    let channels = Resource::new(
        move || counts_month.clone(),
        crate::features::stats::server_fns::get_channel_counts,
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match (staff.await, stats.await) {
                    (Ok(Some(_)), Ok(s)) => {
                        let channels = channels.await.ok().flatten().unwrap_or_default();
                        view! {
                            <nav aria-label="返回" class="wrap month-nav">
                                <a href="/staff">"返回工作台"</a>
                            </nav>
                            <MonthReport s base="/staff/kpi" heading="考核指标与红黑榜" />
                            <div class="wrap">
                                <crate::ui::DataTable caption="本月收到的信访事项（按渠道）">
                                    <thead>
                                        <tr>
                                            <th scope="col">"渠道"</th>
                                            <th scope="col">"件数"</th>
                                        </tr>
                                    </thead>
                                    <tbody id="by-channel">
                                        {channels
                                            .into_iter()
                                            .map(|(label, n)| {
                                                view! {
                                                    <tr>
                                                        <th scope="row">{label}</th>
                                                        <td>{n}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </crate::ui::DataTable>
                            </div>
                        }
                            .into_any()
                    }
                    (Ok(None), _) => view! { <crate::ui::SignInFirst /> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => {
                        view! {
                            <div class="wrap">
                                <h1>"暂时无法打开考核指标"</h1>
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
