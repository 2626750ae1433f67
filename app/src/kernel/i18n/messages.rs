//! The portal's words: every message in Simplified Chinese and in English, as Fluent files next
//! to the code that says them (`locales/zh-Hans.ftl` and `locales/en.ftl` in the domain crate, in
//! `ui/` and in each feature folder). A sentence is one message, its variable parts are its
//! arguments, and Fluent chooses plurals (English: "1 file", "3 files"). 繁體 is made from the
//! Simplified text by zhconv (`kernel::i18n::html` for pages, [`in_script`] elsewhere), so it
//! has no file of its own and can never lag behind.

use crate::domain::message::{Arg, Msg};
use crate::domain::prefs::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

/// One folder's messages: where they are, and their two files.
pub struct Source {
    pub folder: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

macro_rules! sources {
    ($($folder:literal),* $(,)?) => {
        &[$(Source {
            folder: $folder,
            zh: include_str!(concat!("../../../", $folder, "/locales/zh-Hans.ftl")),
            en: include_str!(concat!("../../../", $folder, "/locales/en.ftl")),
        }),*]
    };
}

/// Every folder with messages (paths from the app crate's root). A new feature adds its folder.
pub const SOURCES: &[Source] = sources![
    "domain",
    "src/ui",
    "src/kernel",
    "src/features/home",
    "src/features/petition",
    "src/features/lookup",
    "src/features/cases",
    "src/features/legal_aid",
    "src/features/library",
    "src/features/stats",
    "src/features/staff",
    "src/features/notify",
    "src/features/mine",
    "src/features/visits",
];

pub struct Messages {
    zh: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(tag: &str, pick: fn(&Source) -> &'static str) -> FluentBundle<FluentResource> {
    let lang: unic_langid::LanguageIdentifier = tag.parse().expect("a language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // No bidi isolation marks around arguments: every language here is written left to right.
    bundle.set_use_isolating(false);
    for source in SOURCES {
        // A file that does not parse, or a message twice, fails the catalogue's unit tests;
        // here what can be read is kept.
        let resource = FluentResource::try_new(pick(source).to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The catalogue, read once.
pub static MESSAGES: LazyLock<Messages> = LazyLock::new(|| Messages {
    zh: bundle("zh-Hans", |s| s.zh),
    en: bundle("en", |s| s.en),
});

impl Messages {
    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::English => &self.en,
            Lang::Simplified | Lang::Traditional => &self.zh,
        }
    }

    /// The pattern of message `id` in `lang`, for the island's messages (`super::island`).
    pub fn pattern(&self, lang: Lang, id: &str) -> Option<&fluent_syntax::ast::Pattern<&str>> {
        self.bundle(lang).get_message(id)?.value()
    }

    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }

    /// The message `msg` in `lang`, in Simplified script for 繁體 (pages are converted whole;
    /// see [`in_script`] for other text); the bureau's names in it without their English.
    pub fn render(&self, lang: Lang, msg: &Msg) -> String {
        self.render_with(lang, msg, &super::Names::new())
    }

    /// [`Messages::render`], with the English of the bureau's names (`names`, the configuration's
    /// `[english]`). A message missing from the catalogue is logged and shown as its id, which
    /// the tests never let through.
    pub fn render_with(&self, lang: Lang, msg: &Msg, names: &super::Names) -> String {
        self.format(lang, msg, names, false)
    }

    /// [`Messages::render_with`] for a page: the arguments lose any of the page's marks they
    /// carry (`super::without_marks`), and on English pages Chinese inside an English sentence
    /// (someone's words, a name without English) is marked for `super::html` to tag it
    /// `lang="zh-Hans"`.
    pub fn render_for_page(&self, lang: Lang, msg: &Msg, names: &super::Names) -> String {
        self.format(lang, msg, names, true)
    }

    fn format(&self, lang: Lang, msg: &Msg, names: &super::Names, page: bool) -> String {
        use super::{KEPT_END, KEPT_START};
        let mark = page && lang == Lang::English;
        // Chinese said inside English, as a page writes it.
        let words = |t: &str| -> FluentValue {
            if super::is_slot(t) {
                return t.to_owned().into();
            }
            let t = if page {
                super::without_marks(t)
            } else {
                t.into()
            };
            if mark && super::has_han(&t) {
                format!("{KEPT_START}{t}{KEPT_END}").into()
            } else {
                t.into_owned().into()
            }
        };
        if let Some(text) = msg.as_verbatim() {
            return text.to_owned();
        }
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(&msg.id).and_then(|m| m.value()) else {
            tracing::error!(id = %msg.id, ?lang, "a message is missing from the catalogue");
            return msg.id.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, arg) in &msg.args {
            let value: FluentValue = match arg {
                Arg::Text(t) => words(t),
                Arg::Name(n) => match lang {
                    Lang::English => match names.get(n) {
                        Some(en) => en.clone().into(),
                        None => words(n),
                    },
                    _ => n.clone().into(),
                },
                Arg::Number(n) => (*n).into(),
                Arg::Date(d) => date_text(lang, *d).into(),
                Arg::Msg(m) => self.format(lang, m, names, page).into(),
            };
            args.set(name.to_string(), value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        if !errors.is_empty() {
            tracing::error!(id = %msg.id, ?lang, ?errors, "a message did not format cleanly");
        }
        text.into_owned()
    }
}

/// `msg` in `lang`, in its script: for text that is not part of a page (the API's errors, the
/// island's messages), which the page's conversion to 繁體 does not reach.
pub fn in_script(lang: Lang, msg: &Msg) -> String {
    in_script_with(lang, msg, &super::Names::new())
}

/// [`in_script`], with the English of the bureau's names.
pub fn in_script_with(lang: Lang, msg: &Msg, names: &super::Names) -> String {
    let text = MESSAGES.render_with(lang, msg, names);
    match lang {
        Lang::Traditional => zhconv::zhconv(&text, zhconv::Variant::ZhHant),
        _ => text,
    }
}

/// One argument of a message as the reader reads it, in their script: the parameters of an SMS
/// template, which travel beside the message's text (names in English where the configuration
/// gives it, days written the reader's way).
pub fn arg_in_script(lang: Lang, arg: &Arg, names: &super::Names) -> String {
    let text = match arg {
        Arg::Text(t) => t.clone(),
        Arg::Name(n) => match lang {
            Lang::English => names.get(n).unwrap_or(n).clone(),
            _ => n.clone(),
        },
        Arg::Number(n) => n.to_string(),
        Arg::Date(d) => date_text(lang, *d),
        Arg::Msg(m) => return in_script_with(lang, m, names),
    };
    match lang {
        Lang::Traditional => zhconv::zhconv(&text, zhconv::Variant::ZhHant),
        _ => text,
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day the reader's way: `2026年12月8日`, or `8 December 2026`.
pub fn date_text(lang: Lang, day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match lang {
        Lang::English => format!(
            "{} {} {}",
            day.day(),
            MONTHS[day.month0() as usize],
            day.year()
        ),
        _ => day.format("%Y年%-m月%-d日").to_string(),
    }
}

/// A month the reader's way: `2026年12月`, or `December 2026`.
pub fn month_text(lang: Lang, first_day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match lang {
        Lang::English => format!(
            "{} {}",
            MONTHS[first_day.month0() as usize],
            first_day.year()
        ),
        _ => first_day.format("%Y年%-m月").to_string(),
    }
}

/// A day and time the reader's way: `2026年12月8日 14:05`, or `8 December 2026, 14:05`.
pub fn time_text(lang: Lang, at: chrono::DateTime<chrono::FixedOffset>) -> String {
    let day = date_text(lang, at.date_naive());
    let time = at.format("%H:%M");
    match lang {
        Lang::English => format!("{day}, {time}"),
        _ => format!("{day} {time}"),
    }
}
