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
            view! { <p class="wrap">{crate::t!("home-loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match info.await {
                    Ok(info) => view! { <PublicInformation info /> }.into_any(),
                    Err(_) => {
                        view! {
                            <div class="wrap">
                                <h1>{crate::t!("home-unavailable-heading")}</h1>
                                <p>{crate::t!("home-unavailable-text")}</p>
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
    use crate::ui::i18n::name;
    let title = crate::ui::i18n::text(
        &crate::domain::msg!("home-title").with_name("bureau", info.bureau_name.clone()),
    );
    let lede = crate::ui::i18n::text(
        &crate::domain::msg!("home-lede").with_name("city", info.city.clone()),
    );
    let r = info.reception;
    let letter = crate::ui::i18n::text(
        &crate::domain::msg!(
            "home-channels-letter-address",
            postcode = r.postcode.clone()
        )
        .with_name("address", r.postal_address.clone()),
    );
    let hours = crate::ui::i18n::text(
        &crate::domain::msg!("home-channels-visit-hours").with_name("hours", r.hours.clone()),
    );
    // A step of the procedure: its name in bold, then what happens, as one sentence.
    let step = |msg: crate::domain::message::Msg, label: String| {
        crate::ui::i18n::sentence(
            msg,
            vec![("step", view! { <strong>{label}</strong> }.into_any())],
        )
    };
    view! {
        <PageTitle text=title.clone() />
        <div class="wrap">
            <h1>{title}</h1>
            <p class="lede">{lede}</p>

            <section aria-labelledby="services">
                <h2 id="services">{crate::t!("home-services-heading")}</h2>
                <ul class="services">
                    <li>
                        <a href="/petition">{crate::t!("home-services-petition")}</a>
                        <span>{crate::t!("home-services-petition-hint")}</span>
                    </li>
                    <li>
                        <a href="/lookup">{crate::t!("home-services-lookup")}</a>
                        <span>{crate::t!("home-services-lookup-hint")}</span>
                    </li>
                    <li>
                        <a href="/mine">{crate::t!("home-services-mine")}</a>
                        <span>{crate::t!("home-services-mine-hint")}</span>
                    </li>
                    <li>
                        <a href="/legal-aid">{crate::t!("home-services-legal-aid")}</a>
                        <span>{crate::t!("home-services-legal-aid-hint")}</span>
                    </li>
                    <li>
                        <a href="/guides">{crate::t!("home-services-guides")}</a>
                        <span>{crate::t!("home-services-guides-hint")}</span>
                    </li>
                    <li>
                        <a href="/stats">{crate::t!("home-services-stats")}</a>
                        <span>{crate::t!("home-services-stats-hint")}</span>
                    </li>
                </ul>
            </section>

            <section aria-labelledby="channels">
                <h2 id="channels">{crate::t!("home-channels-heading")}</h2>
                <dl class="facts">
                    <dt>{crate::t!("home-channels-visit")}</dt>
                    <dd>
                        <p>{name(&r.address)}</p>
                        <p>{hours}</p>
                    </dd>
                    <dt>{crate::t!("home-channels-letter")}</dt>
                    <dd>
                        <p>{letter}</p>
                    </dd>
                    {r
                        .email
                        .clone()
                        .map(|email| {
                            view! {
                                <dt>{crate::t!("home-channels-email")}</dt>
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
                                <dt>{crate::t!("home-channels-phone")}</dt>
                                <dd>
                                    <p>{phone}</p>
                                </dd>
                            }
                        })}
                </dl>
            </section>
            <section aria-labelledby="sessions">
                <h2 id="sessions">{crate::t!("home-sessions-heading")}</h2>
                {if info.sessions.is_empty() {
                    view! { <p>{crate::t!("home-sessions-none")}</p> }.into_any()
                } else {
                    view! {
                        <crate::features::visits::pages::citizen::SessionList
                            sessions=info.sessions.clone()
                            links=false
                            level=3
                        />
                    }
                        .into_any()
                }}
                <p>
                    <a href="/visits" class="button secondary">
                        {crate::t!("home-sessions-book")}
                    </a>
                </p>
            </section>

            <section aria-labelledby="hotlines">
                <h2 id="hotlines">{crate::t!("home-hotlines-heading")}</h2>
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
                                    <span class="hotline-name">{name(&h.name)}</span>
                                    <span class="hotline-purpose">{name(&h.purpose)}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>

            <section aria-labelledby="procedure">
                <h2 id="procedure">{crate::t!("home-procedure-heading")}</h2>
                <ol class="steps">
                    <li>
                        {step(
                            crate::domain::msg!("home-procedure-register"),
                            crate::t!("home-procedure-register-step"),
                        )}
                    </li>
                    <li>
                        {step(
                            crate::domain::msg!("home-procedure-accept"),
                            crate::t!("home-procedure-accept-step"),
                        )}
                    </li>
                    <li>
                        {step(
                            crate::domain::msg!("home-procedure-handle"),
                            crate::t!("home-procedure-handle-step"),
                        )}
                    </li>
                    <li>
                        {step(
                            crate::domain::msg!("home-procedure-review"),
                            crate::t!("home-procedure-review-step"),
                        )}
                    </li>
                    <li>
                        {step(
                            crate::domain::msg!("home-procedure-recheck"),
                            crate::t!("home-procedure-recheck-step"),
                        )}
                    </li>
                </ol>
                <p class="note">{crate::t!("home-procedure-note")}</p>
            </section>
        </div>
    }
}
