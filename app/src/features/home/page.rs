use super::server_fns::{PublicInfo, get_public_info};
use crate::ui::PageTitle;
use leptos::prelude::*;

/// The home page: the public information of 信访工作条例 第18条 — channels, address, reception
/// hours, hotlines and the handling procedure with its time limits.
#[component]
pub fn HomePage() -> impl IntoView {
    let info = Resource::new(|| (), |_| get_public_info());
    view! {
        <Suspense fallback=|| {
            view! { <p class="wrap">"正在加载…"</p> }
        }>
            {move || Suspend::new(async move {
                match info.await {
                    Ok(info) => view! { <PublicInformation info /> }.into_any(),
                    Err(_) => {
                        view! {
                            <div class="wrap">
                                <h1>"暂时无法显示"</h1>
                                <p>"页面暂时无法显示，请稍后刷新。急事请拨打 12345。"</p>
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
fn PublicInformation(info: PublicInfo) -> impl IntoView {
    let title = format!("{} 网上信访服务平台", info.bureau_name);
    let r = info.reception;
    view! {
        <PageTitle text=title.clone() />
        <div class="wrap">
            <h1>{title}</h1>
            <p class="lede">
                "在这里，您可以了解向" {info.city.clone()}
                "反映问题的渠道、接待时间和办理时限。依法、如实反映诉求，我们会在法定期限内告诉您结果。"
            </p>

            <section aria-labelledby="services">
                <h2 id="services">"办事入口"</h2>
                <ul class="services">
                    <li>
                        <a href="/petition">"我要信访"</a>
                        <span>"网上提交建议意见、检举控告或者申诉求决，立即得到编号和查询码"</span>
                    </li>
                    <li>
                        <a href="/lookup">"查询办理进度"</a>
                        <span>"凭信访件编号和查询码，查看办理过程、法定期限和答复意见"</span>
                    </li>
                    <li>
                        <a href="/legal-aid">"法律援助"</a>
                        <span>"经济困难、请不起律师的，先自查是否符合条件，再在网上申请，凭编号和查询码查看进度"</span>
                    </li>
                    <li>
                        <a href="/guides">"普法园地"</a>
                        <span>"怎样信访、到哪里去、办理期限、复查复核、法律援助：用平实的话讲清楚，并可搜索法规条文"</span>
                    </li>
                    <li>
                        <a href="/stats">"信访统计"</a>
                        <span>"每月收到的信访事项、及时受理率、按期办结率、满意率和各单位红黑榜"</span>
                    </li>
                </ul>
            </section>

            <section aria-labelledby="channels">
                <h2 id="channels">"信访渠道"</h2>
                <dl class="facts">
                    <dt>"来访（当面反映）"</dt>
                    <dd>
                        <p>{r.address.clone()}</p>
                        <p>"接待时间：" {r.hours.clone()}</p>
                    </dd>
                    <dt>"来信"</dt>
                    <dd>
                        <p>{r.postal_address.clone()} "，邮政编码 " {r.postcode.clone()}</p>
                    </dd>
                    {r
                        .email
                        .clone()
                        .map(|email| {
                            view! {
                                <dt>"电子邮箱"</dt>
                                <dd>
                                    <p>{email}</p>
                                </dd>
                            }
                        })}
                    {r
                        .phone
                        .clone()
                        .map(|phone| {
                            view! {
                                <dt>"接待室电话"</dt>
                                <dd>
                                    <p>{phone}</p>
                                </dd>
                            }
                        })}
                </dl>
            </section>

            <section aria-labelledby="hotlines">
                <h2 id="hotlines">"服务热线"</h2>
                <ul class="hotlines">
                    {info
                        .hotlines
                        .into_iter()
                        .map(|h| {
                            let tel = format!("tel:{}", h.number);
                            view! {
                                <li>
                                    <a class="hotline-number" href=tel>
                                        {h.number}
                                    </a>
                                    <span class="hotline-name">{h.name}</span>
                                    <span class="hotline-purpose">{h.purpose}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>

            <section aria-labelledby="procedure">
                <h2 id="procedure">"办理程序和时限"</h2>
                <ol class="steps">
                    <li>
                        <strong>"登记、转送或交办"</strong>
                        "：信访部门自收到之日起 15 日内，按规定转送或交办给有权处理的机关、单位（《信访工作条例》第二十二条）。"
                    </li>
                    <li>
                        <strong>"告知是否受理"</strong>
                        "：有权处理的机关、单位自收到之日起 15 日内告诉您是否受理、按什么途径办理（第二十三条）。"
                    </li>
                    <li>
                        <strong>"办理并书面答复"</strong>
                        "：自受理之日起 60 日内办结，情况复杂的经批准可延长，最多 30 日，并告诉您延期理由（第三十四条）。"
                    </li>
                    <li>
                        <strong>"复查"</strong>
                        "：对处理意见不服的，可以自收到书面答复之日起 30 日内请求复查，复查机关自收到请求之日起 30 日内答复（第三十五条）。"
                    </li>
                    <li>
                        <strong>"复核"</strong>
                        "：对复查意见不服的，可以自收到之日起 30 日内请求复核，复核机关自收到请求之日起 30 日内答复；复核后以同一事实和理由再提出的，不再受理（第三十六条）。"
                    </li>
                </ol>
                <p class="note">
                    "期限从收到之日的次日起算；最后一天是法定节假日的，顺延到节假日后的第一个工作日。属于诉讼、仲裁、行政复议等法定途径的事项，应当依照相应的法律程序提出（第三十一条）。"
                </p>
            </section>
        </div>
    }
}
