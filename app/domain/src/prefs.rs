//! The citizen's display preferences chosen in the page header: the language (简体, 繁體 or
//! English) and the accessibility mode (无障碍). They travel in cookies so that the server renders
//! the chosen form straight away, with no flash and without JavaScript; without a language cookie
//! the browser's `Accept-Language` decides.

use serde::{Deserialize, Serialize};

pub const LANG_COOKIE: &str = "portal_lang";
pub const A11Y_COOKIE: &str = "portal_a11y";

/// The language a page is said in: Simplified Chinese, Traditional script (the Simplified page
/// through zhconv) or English (the app's message catalogue).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Simplified,
    Traditional,
    English,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Simplified, Lang::Traditional, Lang::English];

    /// The BCP 47 tag for `<html lang>` and `Content-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Simplified => "zh-Hans",
            Self::Traditional => "zh-Hant",
            Self::English => "en",
        }
    }

    /// The value kept in the cookie and used in the switch link.
    pub fn code(self) -> &'static str {
        match self {
            Self::Simplified => "hans",
            Self::Traditional => "hant",
            Self::English => "en",
        }
    }

    /// The language's own name, as the header's switch shows it (never translated).
    pub fn own_name(self) -> &'static str {
        match self {
            Self::Simplified => "简体",
            Self::Traditional => "繁體",
            Self::English => "English",
        }
    }

    /// The language an `Accept-Language` header prefers: the first tag by quality that the portal
    /// speaks (zh-Hant, zh-TW, zh-HK, zh-MO → Traditional; zh, zh-Hans, zh-CN, zh-SG →
    /// Simplified; en, en-* → English). None when it names none of them.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut tags: Vec<(f32, usize, &str)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut bits = part.split(';');
                let tag = bits.next()?.trim();
                let q = bits
                    .find_map(|b| b.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, i, tag))
            })
            .collect();
        tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, _, tag) in tags {
            let tag = tag.to_ascii_lowercase();
            let mut parts = tag.split('-');
            match parts.next() {
                Some("en") => return Some(Self::English),
                Some("zh") => {
                    return Some(match parts.next() {
                        Some("hant" | "tw" | "hk" | "mo") => Self::Traditional,
                        _ => Self::Simplified,
                    });
                }
                _ => continue,
            }
        }
        None
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The two languages the header offers to switch to.
    pub fn others(self) -> [Self; 2] {
        match self {
            Self::Simplified => [Self::Traditional, Self::English],
            Self::Traditional => [Self::Simplified, Self::English],
            Self::English => [Self::Simplified, Self::Traditional],
        }
    }
}

/// Everything the header lets a citizen choose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    pub lang: Lang,
    pub accessible: bool,
}

impl Prefs {
    /// Reads the preferences from a request's `Cookie` and `Accept-Language` header values; a
    /// language cookie wins over the header. Unknown or missing values give the defaults rather
    /// than an error, since a stale cookie must never lock anyone out.
    pub fn from_headers(cookie: Option<&str>, accept_language: Option<&str>) -> Self {
        let mut prefs = Self {
            lang: accept_language
                .and_then(Lang::from_accept_language)
                .unwrap_or_default(),
            accessible: false,
        };
        for pair in cookie.unwrap_or("").split(';') {
            let Some((name, value)) = pair.trim().split_once('=') else {
                continue;
            };
            match name.trim() {
                LANG_COOKIE => {
                    if let Some(l) = Lang::from_code(value.trim()) {
                        prefs.lang = l;
                    }
                }
                A11Y_COOKIE => prefs.accessible = value.trim() == "on",
                _ => {}
            }
        }
        prefs
    }
}

/// A same-site path to send the citizen back to after a switch; anything else becomes `/`, so that
/// the switch can never be used to redirect someone to another site.
pub fn safe_return_path(candidate: Option<&str>) -> &str {
    match candidate {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && !p.chars().any(|c| c.is_control())
                && p.len() <= 2048 =>
        {
            p
        }
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_simplified_and_normal_mode() {
        assert_eq!(Prefs::from_headers(None, None), Prefs::default());
        assert_eq!(Prefs::default().lang.tag(), "zh-Hans");
    }

    #[test]
    fn reads_both_cookies_among_others() {
        let p = Prefs::from_headers(Some("id=1; portal_lang=hant; portal_a11y=on; x=y"), None);
        assert_eq!(p.lang, Lang::Traditional);
        assert_eq!(p.lang.tag(), "zh-Hant");
        assert!(p.accessible);
        let p = Prefs::from_headers(Some("portal_lang=en"), Some("zh-CN"));
        assert_eq!(p.lang, Lang::English);
    }

    #[test]
    fn the_browser_language_counts_until_one_is_chosen() {
        assert_eq!(
            Prefs::from_headers(None, Some("en-GB,en;q=0.9")).lang,
            Lang::English
        );
        assert_eq!(
            Prefs::from_headers(Some("portal_lang=hans"), Some("en-GB")).lang,
            Lang::Simplified
        );
        assert_eq!(
            Prefs::from_headers(None, Some("fr-FR")).lang,
            Lang::Simplified
        );
    }

    #[test]
    fn ignores_unknown_values() {
        let p = Prefs::from_headers(Some("portal_lang=klingon; portal_a11y=yes"), None);
        assert_eq!(p, Prefs::default());
    }

    #[test]
    fn return_path_stays_on_this_site() {
        assert_eq!(safe_return_path(Some("/lookup?x=1")), "/lookup?x=1");
        assert_eq!(safe_return_path(Some("//evil.example/")), "/");
        assert_eq!(safe_return_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_return_path(Some("https://evil.example/")), "/");
        assert_eq!(safe_return_path(Some("/a\nb")), "/");
        assert_eq!(safe_return_path(None), "/");
    }

    #[test]
    fn language_codes_round_trip_and_each_offers_the_other_two() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
            assert!(!l.others().contains(&l));
            assert_ne!(l.others()[0], l.others()[1]);
        }
    }

    #[test]
    fn accept_language_picks_the_language() {
        let pick = Lang::from_accept_language;
        assert_eq!(pick("zh-TW,zh;q=0.9,en;q=0.8"), Some(Lang::Traditional));
        assert_eq!(pick("zh-Hant-HK"), Some(Lang::Traditional));
        assert_eq!(pick("en-US,zh-HK;q=0.5"), Some(Lang::English));
        assert_eq!(pick("fr,zh-HK;q=0.5"), Some(Lang::Traditional));
        assert_eq!(pick("zh-CN,zh-TW;q=0.1"), Some(Lang::Simplified));
        assert_eq!(pick("zh-TW;q=0.2,zh-CN;q=0.8"), Some(Lang::Simplified));
        assert_eq!(pick("zh-TW;q=0"), None);
        assert_eq!(pick(""), None);
        assert_eq!(pick("*"), None);
    }
}
