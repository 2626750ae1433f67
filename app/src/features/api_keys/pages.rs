//! The administrator's page of API keys.

use crate::ui::PageTitle;
use crate::ui::form::{ErrorSummary, FieldError, TextField, error_for, form_title};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeysView {
    pub keys: Vec<KeyView>,
    /// The key just created, shown this once.
    pub created: Option<Created>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyView {
    pub id: i64,
    pub name: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
    pub calls: i64,
    pub last_call: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Created {
    pub name: String,
    pub key: String,
}

/// What the server hands the page after a post that created nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct KeysProblem {
    pub view: KeysView,
    pub name: String,
    pub errors: Vec<FieldError>,
}

#[component]
pub fn ApiKeysPage() -> impl IntoView {
    if let Some(p) = use_context::<KeysProblem>() {
        return view! { <Keys view=p.view name=p.name errors=p.errors /> }.into_any();
    }
    let keys = Resource::new(|| (), |_| super::server_fns::get_api_keys());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match keys.await {
                    Ok(Some(view)) => {
                        view! { <Keys view name=String::new() errors=Vec::new() /> }.into_any()
                    }
                    Ok(None) => view! { <crate::ui::SignInFirst /> }.into_any(),
                    Err(e) => {
                        view! { <crate::ui::CannotOpen page="接口密钥" error=e.to_string() /> }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Keys(view: KeysView, name: String, errors: Vec<FieldError>) -> impl IntoView {
    let time = |t: &str| crate::ui::i18n::time(t);
    view! {
        <PageTitle text=form_title("接口密钥 · 工作台", &errors) />
        <div class="wrap">
            <nav aria-label="返回">
                <a href="/staff">"返回工作台"</a>
            </nav>
            <ErrorSummary errors=errors.clone() />
            <h1>"接口密钥"</h1>
            <p>
                "持密钥的接入方（如 12345 热线系统、其他机关的信访系统）通过 POST /api/v1/petitions 提交事项时可以指明渠道（\"channel\": \"hotline\" 等），请求头写 Authorization: Bearer 密钥。每次调用都有记录；密钥停用后立即失效。"
            </p>
            {view
                .created
                .clone()
                .map(|c| {
                    view! {
                        <div class="panel" role="status" id="key-created">
                            <h2>{format!("已创建“{}”的密钥", c.name)}</h2>
                            <p class="panel-number">
                                <strong id="new-key">{c.key}</strong>
                            </p>
                            <p class="warning">
                                "密钥只显示这一次，本系统不保存它：请现在复制并交给接入方。丢失后请停用并重新创建。"
                            </p>
                        </div>
                    }
                })}
            <h2>"创建密钥"</h2>
            <form method="post" action="/staff/api-keys" novalidate>
                <TextField
                    id="name"
                    label="接入方名称"
                    hint=Some("例如：12345 政务服务便民热线".to_owned())
                    value=name
                    error=error_for(&errors, "name")
                />
                <button type="submit" class="button">
                    "创建"
                </button>
            </form>
            <h2>"已有的密钥"</h2>
            {if view.keys.is_empty() {
                view! { <p>"还没有密钥。"</p> }.into_any()
            } else {
                view! {
                    <crate::ui::DataTable caption="接口密钥" caption_visible=false>
                        <thead>
                            <tr>
                                <th scope="col">"接入方"</th>
                                <th scope="col">"创建时间"</th>
                                <th scope="col">"调用次数"</th>
                                <th scope="col">"最近调用"</th>
                                <th scope="col">"状态"</th>
                            </tr>
                        </thead>
                        <tbody id="keys">
                            {view
                                .keys
                                .iter()
                                .map(|k| {
                                    let action = format!("/staff/api-keys/{}/revoke", k.id);
                                    let label = format!("停用“{}”的密钥", k.name);
                                    view! {
                                        <tr>
                                            <th scope="row">{k.name.clone()}</th>
                                            <td>{time(&k.created_at)}</td>
                                            <td>{k.calls}</td>
                                            <td>
                                                {k.last_call.as_deref().map(time).unwrap_or_else(|| "—".into())}
                                            </td>
                                            <td>
                                                {match &k.revoked_at {
                                                    Some(at) => format!("已停用（{}）", time(at)).into_any(),
                                                    None => {
                                                        view! {
                                                            <form method="post" action=action>
                                                                <button
                                                                    type="submit"
                                                                    class="button secondary"
                                                                    aria-label=label
                                                                >
                                                                    "停用"
                                                                </button>
                                                            </form>
                                                        }
                                                            .into_any()
                                                    }
                                                }}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </crate::ui::DataTable>
                }
                    .into_any()
            }}
        </div>
    }
}
