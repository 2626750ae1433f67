//! The header's language and 无障碍 switches on a page with a form in progress. A plain link would
//! leave the page and lose what was typed (there is no draft on the server), so on such pages the
//! switches are buttons of the page's form (`form="…"`, `name="switch"`): the answers travel with
//! the press, and the handler shows the same page again, answers kept and unchecked, in the new
//! language or mode — with the choice remembered in its cookie, as `/prefs` does.

use crate::domain::prefs::{A11Y_COOKIE, LANG_COOKIE, Lang};
use axum::http::{HeaderMap, HeaderValue, header};

/// How long a choice is remembered.
const YEAR_SECONDS: u32 = 31_536_000;

/// The `Set-Cookie` value that remembers one preference (`/prefs` and the form switches).
pub fn prefs_cookie(name: &str, value: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={YEAR_SECONDS}; SameSite=Lax; HttpOnly{secure}")
}

/// A switch pressed inside a form: `lang:<code>` or `a11y:on|off`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Switch {
    name: &'static str,
    value: &'static str,
}

impl Switch {
    pub fn parse(value: &str) -> Option<Self> {
        let (kind, choice) = value.split_once(':')?;
        match kind {
            "lang" => Lang::from_code(choice).map(|l| Self {
                name: LANG_COOKIE,
                value: l.code(),
            }),
            "a11y" => match choice {
                "on" => Some(Self {
                    name: A11Y_COOKIE,
                    value: "on",
                }),
                "off" => Some(Self {
                    name: A11Y_COOKIE,
                    value: "off",
                }),
                _ => None,
            },
            _ => None,
        }
    }

    /// The switch among a form's fields, if one was pressed.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> Option<Self> {
        pairs
            .iter()
            .find(|(k, _)| k.as_ref() == "switch")
            .and_then(|(_, v)| Self::parse(v.as_ref()))
    }

    /// The request's headers as if the choice were already in its cookies (the page is rendered
    /// from them; a later cookie of the same name wins).
    pub fn applied(&self, headers: &HeaderMap) -> HeaderMap {
        let mut out = headers.clone();
        let before = headers
            .get(header::COOKIE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let cookie = if before.is_empty() {
            format!("{}={}", self.name, self.value)
        } else {
            format!("{before}; {}={}", self.name, self.value)
        };
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            out.insert(header::COOKIE, v);
        }
        out
    }

    /// Remembers the choice on `res` (and the language layer translates it by that cookie).
    pub fn remember(&self, res: &mut axum::response::Response, secure: bool) {
        if let Ok(v) = HeaderValue::from_str(&prefs_cookie(self.name, self.value, secure)) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
}

/// The language a response chose for itself by setting the language cookie, if it did.
pub fn chosen_by_response(res_headers: &HeaderMap) -> Option<Lang> {
    res_headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| name.trim() == LANG_COOKIE)
        .and_then(|(_, value)| Lang::from_code(value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_switch_names_a_known_choice_only() {
        assert!(Switch::parse("lang:en").is_some());
        assert!(Switch::parse("a11y:on").is_some());
        assert_eq!(Switch::parse("lang:fr"), None);
        assert_eq!(Switch::parse("a11y:maybe"), None);
        assert_eq!(Switch::parse("theme:dark"), None);
        let pairs = [("name", "张三"), ("switch", "lang:hant")];
        assert!(Switch::from_pairs(&pairs).is_some());
    }

    #[test]
    fn the_choice_is_in_the_cookies_the_page_is_rendered_from_and_in_the_answer() {
        let sw = Switch::parse("lang:en").unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, "portal_lang=hans".parse().unwrap());
        let prefs = crate::kernel::i18n::prefs_from_headers(&sw.applied(&headers));
        assert_eq!(prefs.lang, Lang::English);
        let mut res = axum::response::Response::new(axum::body::Body::empty());
        sw.remember(&mut res, false);
        assert_eq!(chosen_by_response(res.headers()), Some(Lang::English));
    }
}
