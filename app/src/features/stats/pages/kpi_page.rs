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
    let stats = Resource::new(move || month.clone(), get_stats);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match (staff.await, stats.await) {
                    (Ok(Some(_)), Ok(s)) => {
                        view! {
                            <nav aria-label="返回" class="wrap month-nav">
                                <a href="/staff">"返回工作台"</a>
                            </nav>
                            <MonthReport s base="/staff/kpi" heading="考核指标与红黑榜" />
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
