//! Saying things on a page: the page's language, the portal's messages in it (`t!`), the
//! bureau's own names (from its configuration) and days the reader's way.
//!
//! Pages are rendered on the server only (islands get their few messages as data), so outside
//! `ssr` these never run; there they give the message's id and keep the catalogue out of the
//! WebAssembly.

use crate::domain::message::Msg;
use crate::domain::prefs::Lang;

/// How the page being rendered speaks: its language, and (on the server) the bureau's
/// configuration for the English of its names. The shell provides it, cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct Speech {
    pub lang: Lang,
    #[cfg(feature = "ssr")]
    pub config: Option<std::sync::Arc<crate::domain::config::BureauConfig>>,
}

fn speech() -> Speech {
    leptos::prelude::use_context::<Speech>().unwrap_or_default()
}

/// The language of the page being rendered (its `<html lang>`), Simplified where there is none.
pub fn lang() -> Lang {
    speech().lang
}

/// A message in the page's language.
pub fn text(msg: &Msg) -> String {
    #[cfg(feature = "ssr")]
    {
        let speech = speech();
        let none = crate::kernel::i18n::Names::new();
        let names = speech.config.as_ref().map_or(&none, |c| &c.english);
        crate::kernel::i18n::messages::MESSAGES.render_for_page(speech.lang, msg, names)
    }
    #[cfg(not(feature = "ssr"))]
    {
        msg.id.to_string()
    }
}

/// The page's text for a message of the catalogue: `t!("id")`, or `t!("id", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::ui::i18n::text(&$crate::domain::msg!($id $(, $name = $value)*))
    };
}

/// One of the bureau's own names (its name, address, units, districts, hotlines) as the reader
/// reads it: in English from the configuration's `[english]` table on English pages.
pub fn name(simplified: &str) -> String {
    #[cfg(feature = "ssr")]
    {
        let speech = speech();
        if speech.lang == Lang::English {
            use crate::kernel::i18n::{KEPT_END, KEPT_START, has_han, without_marks};
            if let Some(en) = speech
                .config
                .as_ref()
                .and_then(|c| c.english.get(simplified).cloned())
            {
                return en;
            }
            // A name the configuration gives no English: said in Chinese, tagged as such.
            let name = without_marks(simplified);
            if has_han(&name) {
                return format!("{KEPT_START}{name}{KEPT_END}");
            }
            return name.into_owned();
        }
    }
    simplified.to_owned()
}

/// A day the page's way (`2026年12月8日`, `8 December 2026`).
pub fn date(day: chrono::NaiveDate) -> String {
    #[cfg(feature = "ssr")]
    {
        crate::kernel::i18n::messages::date_text(lang(), day)
    }
    #[cfg(not(feature = "ssr"))]
    {
        day.to_string()
    }
}

/// A due date the page's way, marked provisional when it was counted with the statutory holidays
/// alone (its year's holiday notice is not in the configuration yet: `Calendar::is_provisional`).
pub fn due_date(day: chrono::NaiveDate) -> String {
    #[cfg(feature = "ssr")]
    {
        let provisional = speech()
            .config
            .is_some_and(|c| c.calendar.is_provisional(day));
        if provisional {
            return crate::t!("date-provisional", date = date(day));
        }
    }
    date(day)
}

/// A month the page's way (`2026年12月`, `December 2026`).
pub fn month(first_day: chrono::NaiveDate) -> String {
    #[cfg(feature = "ssr")]
    {
        crate::kernel::i18n::messages::month_text(lang(), first_day)
    }
    #[cfg(not(feature = "ssr"))]
    {
        first_day.to_string()
    }
}

/// A stored time (RFC 3339) the page's way, day and minute (`2026年12月8日 14:05`); as it is
/// when it cannot be read.
pub fn time(rfc3339: &str) -> String {
    #[cfg(feature = "ssr")]
    {
        chrono::DateTime::parse_from_rfc3339(rfc3339)
            .map(|at| crate::kernel::i18n::messages::time_text(lang(), at))
            .unwrap_or_else(|_| rfc3339.to_owned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        rfc3339.to_owned()
    }
}

/// A sentence of the catalogue with views in it (a link, a strong word): each `slot` argument
/// of `msg` is filled with the matching view, in the order of `slots`, wherever the language
/// puts it. `msg`'s own arguments are set as usual.
pub fn sentence(
    mut msg: Msg,
    slots: Vec<(&'static str, leptos::prelude::AnyView)>,
) -> leptos::prelude::AnyView {
    use crate::kernel::i18n::{SLOT_END as CLOSE, SLOT_START as OPEN};
    use leptos::prelude::*;
    for (i, (name, _)) in slots.iter().enumerate() {
        msg = msg.with(name, format!("{OPEN}{i}{CLOSE}"));
    }
    let text = text(&msg);
    let mut slots: Vec<Option<AnyView>> = slots.into_iter().map(|(_, v)| Some(v)).collect();
    let mut parts: Vec<AnyView> = Vec::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find(OPEN) {
        let after = &rest[open + OPEN.len_utf8()..];
        let Some(close) = after.find(CLOSE) else {
            break;
        };
        if open > 0 {
            parts.push(rest[..open].to_owned().into_any());
        }
        if let Some(view) = after[..close]
            .parse::<usize>()
            .ok()
            .and_then(|i| slots.get_mut(i))
            .and_then(Option::take)
        {
            parts.push(view);
        }
        rest = &after[close + CLOSE.len_utf8()..];
    }
    if !rest.is_empty() {
        parts.push(rest.to_owned().into_any());
    }
    parts.into_iter().collect_view().into_any()
}
