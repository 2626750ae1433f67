use super::PageContext;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let page = PageContext::get();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    {page.bureau_name} " 主办 · 依据《信访工作条例》第十八条公开信访渠道与办理程序"
                </p>
                {page
                    .demo
                    .then(|| {
                        view! {
                            <p class="demo-note">
                                "本站为演示部署：地址、电话等以信访局正式公布的为准。"
                            </p>
                        }
                    })}
                <p>
                    <a href="#top">"返回顶部"</a>
                </p>
            </div>
        </footer>
    }
}
