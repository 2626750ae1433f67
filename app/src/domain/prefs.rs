//! The citizen's display preferences chosen in the page header: the script (简体 / 繁體) and the
//! accessibility mode (无障碍). They travel in cookies so that the server renders the chosen form
//! straight away, with no flash and without JavaScript.

use serde::{Deserialize, Serialize};

pub const SCRIPT_COOKIE: &str = "portal_script";
pub const A11Y_COOKIE: &str = "portal_a11y";

/// The script a page is rendered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Script {
    #[default]
    Simplified,
    Traditional,
}

impl Script {
    /// The BCP 47 tag for `<html lang>`.
    pub fn lang_tag(self) -> &'static str {
        match self {
            Self::Simplified => "zh-Hans",
            Self::Traditional => "zh-Hant",
        }
    }

    /// The value kept in the cookie and used in the switch link.
    pub fn code(self) -> &'static str {
        match self {
            Self::Simplified => "hans",
            Self::Traditional => "hant",
        }
    }

    /// The script an `Accept-Language` header prefers: the first Chinese tag by quality that
    /// names a script or region (zh-Hant, zh-TW, zh-HK, zh-MO → Traditional; zh, zh-Hans, zh-CN,
    /// zh-SG → Simplified). Languages the portal does not speak yet are skipped.
    pub fn from_accept_language(header: &str) -> Self {
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
            if parts.next() != Some("zh") {
                continue;
            }
            return match parts.next() {
                Some("hant" | "tw" | "hk" | "mo") => Self::Traditional,
                _ => Self::Simplified,
            };
        }
        Self::Simplified
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "hans" => Some(Self::Simplified),
            "hant" => Some(Self::Traditional),
            _ => None,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Self::Simplified => Self::Traditional,
            Self::Traditional => Self::Simplified,
        }
    }
}

/// Everything the header lets a citizen choose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    pub script: Script,
    pub accessible: bool,
}

impl Prefs {
    /// Reads the preferences from a `Cookie` header value; unknown or missing cookies give the
    /// defaults rather than an error, since a stale cookie must never lock anyone out.
    pub fn from_cookie_header(header: &str) -> Self {
        let mut prefs = Self::default();
        for pair in header.split(';') {
            let Some((name, value)) = pair.trim().split_once('=') else {
                continue;
            };
            match name.trim() {
                SCRIPT_COOKIE => {
                    if let Some(s) = Script::from_code(value.trim()) {
                        prefs.script = s;
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
        assert_eq!(Prefs::from_cookie_header(""), Prefs::default());
        assert_eq!(Prefs::default().script.lang_tag(), "zh-Hans");
    }

    #[test]
    fn reads_both_cookies_among_others() {
        let p = Prefs::from_cookie_header("id=1; portal_script=hant; portal_a11y=on; x=y");
        assert_eq!(p.script, Script::Traditional);
        assert_eq!(p.script.lang_tag(), "zh-Hant");
        assert!(p.accessible);
    }

    #[test]
    fn ignores_unknown_values() {
        let p = Prefs::from_cookie_header("portal_script=klingon; portal_a11y=yes");
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
    fn script_codes_round_trip() {
        for s in [Script::Simplified, Script::Traditional] {
            assert_eq!(Script::from_code(s.code()), Some(s));
            assert_eq!(s.other().other(), s);
        }
    }

    #[test]
    fn accept_language_picks_the_script() {
        assert_eq!(
            Script::from_accept_language("zh-TW,zh;q=0.9,en;q=0.8"),
            Script::Traditional
        );
        assert_eq!(
            Script::from_accept_language("zh-Hant-HK"),
            Script::Traditional
        );
        assert_eq!(
            Script::from_accept_language("en-US,zh-HK;q=0.5"),
            Script::Traditional
        );
        assert_eq!(
            Script::from_accept_language("zh-CN,zh-TW;q=0.1"),
            Script::Simplified
        );
        assert_eq!(
            Script::from_accept_language("zh-TW;q=0.2,zh-CN;q=0.8"),
            Script::Simplified
        );
        assert_eq!(
            Script::from_accept_language("zh-TW;q=0"),
            Script::Simplified
        );
        assert_eq!(Script::from_accept_language(""), Script::Simplified);
        assert_eq!(Script::from_accept_language("*"), Script::Simplified);
    }
}
