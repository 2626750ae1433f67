//! A record's files on the workbench: each a link that downloads it, with its size.

use leptos::prelude::*;

/// `files` (name, size) as links to `{base}/1`, `{base}/2`, …; "没有" when there are none. The
/// workbench speaks Simplified only.
#[component]
pub fn FileLinks(id: &'static str, base: String, files: Vec<(String, String)>) -> impl IntoView {
    if files.is_empty() {
        return view! { "没有" }.into_any();
    }
    view! {
        <ul class="files" id=id>
            {files
                .into_iter()
                .enumerate()
                .map(|(i, (name, size))| {
                    view! {
                        <li>
                            <a href=format!("{base}/{}", i + 1) download="">{name}</a>
                            {format!("（{size}）")}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
