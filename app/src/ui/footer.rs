use super::PageContext;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let page = PageContext::get();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    {crate::ui::i18n::text(
                        &crate::domain::msg!("footer-run-by")
                            .with_name("bureau", page.bureau_name.clone()),
                    )}
                </p>
                {page
                    .demo
                    .then(|| {
                        view! {
                            <p class="demo-note">
                                {crate::t!("footer-demo")}
                            </p>
                        }
                    })}
                <p>
                    <a href="#top">{crate::t!("back-to-top")}</a>
                </p>
            </div>
        </footer>
    }
}
