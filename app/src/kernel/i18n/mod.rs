//! Languages. Every message is written whole in the catalogue (Fluent files next to the code
//! that says it, `messages`), in Simplified Chinese and in English, with its variable parts as
//! arguments; pages say their messages in the reader's language as they are rendered.
//! - **繁體** is made from the Simplified page by zhconv (`html::rewrite`), so it can never lag
//!   behind and the browser never downloads a conversion table;
//! - **English** pages are English from the start. The bureau's own texts (its name, address,
//!   districts, units) take their English from the config's `[english]` table (`Names`).
//!
//! Two markers steer the rest: `translate="no"` (the HTML standard's own) keeps an element exactly
//! as it is in every language — what someone typed, the language switch's names; `lang="zh-Hans"`
//! marks content that exists in Chinese only (guides, statute texts, staff replies and notes):
//! English pages keep it in Chinese, correctly tagged for screen readers, and 繁體 pages convert
//! it and retag it `zh-Hant`. Someone's words inside an English sentence get the same tag
//! (`html`). Unit tests fail on a Chinese string in citizen-facing code and on a message without
//! English; the browser tests fail on any Chinese left on an English page outside those markers.

#[cfg(feature = "ssr")]
pub mod html;
pub mod island;
#[cfg(feature = "ssr")]
pub mod messages;

#[cfg(feature = "ssr")]
use crate::domain::prefs::Lang;
#[cfg(feature = "ssr")]
use std::collections::BTreeMap;

/// A message in Simplified Chinese: what the API's labels, the stored events' text and the
/// workbench (which speaks Simplified only) say.
#[cfg(feature = "ssr")]
pub fn simplified(msg: &crate::domain::message::Msg) -> String {
    messages::MESSAGES.render(Lang::Simplified, msg)
}

/// The bureau's own English for its configured texts (`[english]` in the config).
#[cfg(feature = "ssr")]
pub type Names = BTreeMap<String, String>;

/// Whether pages under this path are translated. The workbench stays in Simplified Chinese (issue
/// #6 allows it); everything the public sees is translated.
pub fn translated_path(path: &str) -> bool {
    !(path == "/staff" || path.starts_with("/staff/") || path.starts_with("/staff?"))
}

/// The language of the page at `path` for a reader with these preferences: their choice, except
/// on the workbench. The page's `<html lang>` and the rewrite of its HTML both come from here.
pub fn page_lang(prefs: crate::domain::prefs::Prefs, path: &str) -> crate::domain::prefs::Lang {
    if translated_path(path) {
        prefs.lang
    } else {
        crate::domain::prefs::Lang::Simplified
    }
}

/// Whether the text contains a Han character.
pub fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// The English catalogue: exact strings, then patterns with `{}` placeholders.
/// Around Chinese kept inside an English sentence (private-use characters, never in real text).
pub const KEPT_START: char = '\u{e000}';
pub const KEPT_END: char = '\u{e001}';

#[cfg(all(test, feature = "ssr"))]
mod catalogue_tests;
#[cfg(all(test, feature = "ssr"))]
mod tests;

/// The reader's preferences from a request's `Cookie` and `Accept-Language` headers.
#[cfg(feature = "ssr")]
pub fn prefs_from_headers(headers: &http::HeaderMap) -> crate::domain::prefs::Prefs {
    let get = |name| headers.get(name).and_then(|v| v.to_str().ok());
    crate::domain::prefs::Prefs::from_headers(
        get(http::header::COOKIE),
        get(http::header::ACCEPT_LANGUAGE),
    )
}
