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
pub mod switch;

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

/// Marks the portal puts into a page's text while it renders it: around someone's Chinese words
/// inside an English sentence (`KEPT_*`, made markup by `html`), and around a view's place in a
/// sentence (`SLOT_*`, `ui::i18n::sentence`). They are Unicode noncharacters, which are for a
/// program's internal use and never part of anyone's text, and they are stripped from every
/// argument a page says (`without_marks`), so what someone typed cannot make markup.
pub const KEPT_START: char = '\u{fdd0}';
pub const KEPT_END: char = '\u{fdd1}';
pub const SLOT_START: char = '\u{fdd2}';
pub const SLOT_END: char = '\u{fdd3}';
const MARKS: [char; 4] = [KEPT_START, KEPT_END, SLOT_START, SLOT_END];

/// `text` without the portal's marks.
pub fn without_marks(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(MARKS) {
        std::borrow::Cow::Owned(text.replace(MARKS, ""))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Whether `text` is a view's place in a sentence, as `ui::i18n::sentence` writes it.
pub fn is_slot(text: &str) -> bool {
    text.strip_prefix(SLOT_START)
        .and_then(|t| t.strip_suffix(SLOT_END))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

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
