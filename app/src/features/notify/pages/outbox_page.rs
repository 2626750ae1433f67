//! 通知发件记录 (`/staff/outbox`): every message the portal sent or holds, newest first and the
//! given-up ones on top, so that staff see what citizens were told and what failed. Without a
//! transport configured (the demo), this is where a new user sees what would have gone out.

use crate::features::notify::server_fns::get_outbox;
use crate::features::notify::view::OutboxView;
use crate::ui::{DataTable, PageTitle};
use leptos::prelude::*;

#[component]
pub fn OutboxPage() -> impl IntoView {
    let outbox = Resource::new(|| (), |_| get_outbox());
    view! {
        <PageTitle text="通知发件记录 · 工作台".to_owned() />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match outbox.await {
                    Ok(Some(view)) => view! { <Outbox view /> }.into_any(),
                    Ok(None) => view! { <crate::ui::SignInFirst /> }.into_any(),
                    Err(e) => {
                        view! {
                            <div class="wrap">
                                <h1>"暂时无法打开通知发件记录"</h1>
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
fn Outbox(view: OutboxView) -> impl IntoView {
    let OutboxView {
        entries,
        failed,
        unsent_channels,
    } = view;
    view! {
        <div class="wrap">
            <nav aria-label="返回">
                <a href="/staff">"返回工作台"</a>
            </nav>
            <h1>"通知发件记录"</h1>
            {(!unsent_channels.is_empty())
                .then(|| {
                    view! {
                        <p class="notice" id="outbox-unsent">
                            {format!(
                                "本服务器没有配置{}的发送通道（--smtp-url、--sms-gateway-url），这些通知只保存在这里，没有发出。",
                                unsent_channels.join("和"),
                            )}
                        </p>
                    }
                })}
            {(failed > 0)
                .then(|| {
                    view! {
                        <p class="error" id="outbox-failed">
                            {format!("有 {failed} 条通知多次发送失败，已停止重试：请电话联系本人，或检查发送通道。")}
                        </p>
                    }
                })}
            {if entries.is_empty() {
                view! { <p>"还没有通知。"</p> }.into_any()
            } else {
                view! {
                    <DataTable caption="最近的通知（发送失败的在前）" stacked=true>
                        <thead>
                            <tr>
                                <th scope="col">"事项"</th>
                                <th scope="col">"方式"</th>
                                <th scope="col">"发给"</th>
                                <th scope="col">"内容"</th>
                                <th scope="col">"状态"</th>
                                <th scope="col">"尝试次数"</th>
                                <th scope="col">"生成时间"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {entries
                                .into_iter()
                                .map(|e| {
                                    view! {
                                        <tr>
                                            <td data-label="事项">{e.number.unwrap_or_default()}</td>
                                            <td data-label="方式">{e.channel}</td>
                                            <td data-label="发给">{e.to}</td>
                                            <td data-label="内容">{e.text}</td>
                                            <td data-label="状态">
                                                {e.state}
                                                {e
                                                    .last_error
                                                    .map(|err| {
                                                        view! {
                                                            <br />
                                                            <small>{err}</small>
                                                        }
                                                    })}
                                            </td>
                                            <td data-label="尝试次数">{e.attempts}</td>
                                            <td data-label="生成时间">{e.created_at}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </DataTable>
                }
                    .into_any()
            }}
        </div>
    }
}
