//! Public pages made once: a page that is the same for every reader with the same language and
//! 无障碍 mode is rendered, translated and compressed once per content version, kept in memory
//! and served from there with an `ETag` (a `304` when the browser has it).
//!
//! What a page shows changes only when stored content does (a guide published, a petition or
//! an event recorded: the figures) or the day turns (deadlines, the month's figures). The
//! content version is read from the database for each request (the newest event and document
//! version, and the count of reception changes — sessions published and taken down, visitors
//! received: three index lookups), so a change made by another server or by an operator command
//! counts at once. Pages that carry anything personal or a script (the petition journey,
//! lookups, the workbench), and any request from a signed-in staff member, never come from here.

use crate::domain::prefs::Lang;
use crate::kernel::store::Pool;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Pages kept at most (each language, mode and encoding counts); then the oldest go.
const MAX_ENTRIES: usize = 2_000;
/// The largest page kept, compressed.
const MAX_BODY: usize = 512 * 1024;
/// The longest address kept (a search with a long query is rendered each time).
const MAX_KEY: usize = 300;

/// How the response body is encoded, as the compression layer would choose from
/// `Accept-Encoding`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The encoding tower-http's compression picks for this `Accept-Encoding` (brotli first,
    /// then gzip; `q=0` refuses one).
    pub fn from_accept(header: Option<&str>) -> Self {
        let accepts = |name: &str| {
            header.is_some_and(|h| {
                h.split(',').any(|part| {
                    let mut bits = part.split(';');
                    let coding = bits.next().unwrap_or("").trim();
                    let refused = bits.any(|p| {
                        p.trim()
                            .strip_prefix("q=")
                            .and_then(|q| q.trim().parse::<f32>().ok())
                            .is_some_and(|q| q <= 0.0)
                    });
                    coding.eq_ignore_ascii_case(name) && !refused
                })
            })
        };
        if accepts("br") {
            Self::Brotli
        } else if accepts("gzip") {
            Self::Gzip
        } else {
            Self::Identity
        }
    }
}

/// What a kept page is kept for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub path_and_query: String,
    pub lang: Lang,
    pub accessible: bool,
    pub encoding: Encoding,
    pub today: NaiveDate,
}

/// Whether the page at `path` is the same for every reader (of one language and mode).
pub fn is_public_page(path: &str) -> bool {
    matches!(
        path,
        "/" | "/legal-aid" | "/legal-aid/check" | "/lookup" | "/guides" | "/search" | "/stats"
    ) || ["/guides/", "/laws/"]
        .iter()
        .any(|p| path.strip_prefix(p).is_some_and(|rest| !rest.is_empty()))
}

/// The key of a request, or `None` when its answer must be made for it.
pub fn key(
    path: &str,
    query: Option<&str>,
    prefs: crate::domain::prefs::Prefs,
    accept_encoding: Option<&str>,
    signed_in: bool,
    today: NaiveDate,
) -> Option<Key> {
    // The lookup form with a number in its address would keep that number.
    if signed_in || !is_public_page(path) || (path == "/lookup" && query.is_some()) {
        return None;
    }
    let path_and_query = match query {
        Some(q) => format!("{path}?{q}"),
        None => path.to_owned(),
    };
    (path_and_query.len() <= MAX_KEY).then(|| Key {
        path_and_query,
        lang: crate::kernel::i18n::page_lang(prefs, path),
        accessible: prefs.accessible,
        encoding: Encoding::from_accept(accept_encoding),
        today,
    })
}

/// A page as it was answered.
#[derive(Debug)]
pub struct Kept {
    pub version: (i64, i64),
    pub headers: http::HeaderMap,
    pub body: axum::body::Bytes,
    /// A strong validator of this representation (its bytes).
    pub etag: String,
    /// For evicting the oldest first.
    stored: u64,
}

/// The kept pages, shared by every request of this server.
#[derive(Debug, Default)]
pub struct PageCache {
    pages: Mutex<(HashMap<Key, Arc<Kept>>, u64)>,
}

impl PageCache {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// The content version now; `None` when it cannot be read (then nothing is served from
    /// memory).
    pub async fn version(&self, pool: &Pool) -> Option<(i64, i64)> {
        sqlx::query_as::<_, (i64, i64)>(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM petition_events), \
                    (SELECT COALESCE(MAX(id), 0) FROM document_versions) \
                    + (SELECT COALESCE(MAX(last), 0) FROM day_sequences \
                       WHERE series = 'reception' AND day = 'changes')",
        )
        .fetch_one(pool)
        .await
        .inspect_err(|e| tracing::warn!(error = %e, "cannot read the content version"))
        .ok()
    }

    /// The page kept for `key` at `version`, if any.
    pub fn get(&self, key: &Key, version: (i64, i64)) -> Option<Arc<Kept>> {
        let pages = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        pages.0.get(key).filter(|k| k.version == version).cloned()
    }

    /// Keeps a page answered `200` without cookies; returns what is kept (or `None`).
    pub fn keep(
        &self,
        key: Key,
        version: (i64, i64),
        headers: &http::HeaderMap,
        body: axum::body::Bytes,
    ) -> Option<Arc<Kept>> {
        if body.len() > MAX_BODY || headers.contains_key(http::header::SET_COOKIE) {
            return None;
        }
        let etag = format!("\"{:016x}\"", fnv1a(&body));
        let mut headers = headers.clone();
        headers.remove(http::header::CONTENT_LENGTH);
        let mut pages = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        pages.1 += 1;
        let stored = pages.1;
        if pages.0.len() >= MAX_ENTRIES && !pages.0.contains_key(&key) {
            // Stale versions first, then the oldest.
            pages.0.retain(|_, k| k.version == version);
            if pages.0.len() >= MAX_ENTRIES
                && let Some(oldest) = pages
                    .0
                    .iter()
                    .min_by_key(|(_, k)| k.stored)
                    .map(|(k, _)| k.clone())
            {
                pages.0.remove(&oldest);
            }
        }
        let kept = Arc::new(Kept {
            version,
            headers,
            body,
            etag,
            stored,
        });
        pages.0.insert(key, kept.clone());
        Some(kept)
    }

    /// How many pages are kept (for tests and the log).
    pub fn len(&self) -> usize {
        self.pages.lock().unwrap_or_else(|e| e.into_inner()).0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// FNV-1a over `bytes`: stable across builds and Rust versions, unlike the std hasher.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether `If-None-Match` names `etag` (or `*`).
pub fn matches(if_none_match: Option<&str>, etag: &str) -> bool {
    if_none_match.is_some_and(|h| {
        h.split(',')
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| t == etag || t == "*")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::prefs::Prefs;

    #[test]
    fn the_encoding_is_the_one_compression_picks() {
        assert_eq!(
            Encoding::from_accept(Some("gzip, deflate, br")),
            Encoding::Brotli
        );
        assert_eq!(Encoding::from_accept(Some("br;q=0, gzip")), Encoding::Gzip);
        assert_eq!(Encoding::from_accept(Some("GZIP")), Encoding::Gzip);
        assert_eq!(Encoding::from_accept(Some("identity")), Encoding::Identity);
        assert_eq!(Encoding::from_accept(None), Encoding::Identity);
    }

    #[test]
    fn only_public_pages_of_anonymous_readers_are_kept() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let prefs = Prefs::default();
        let k = |path: &str, signed_in: bool| key(path, None, prefs, None, signed_in, today);
        for path in [
            "/",
            "/guides",
            "/guides/how-to-petition",
            "/laws/x",
            "/stats",
            "/search",
        ] {
            assert!(k(path, false).is_some(), "{path}");
        }
        for path in [
            "/petition",
            "/petition/resume",
            "/staff",
            "/staff/cases/XF1",
            "/guides/",
            "/prefs",
        ] {
            assert!(k(path, false).is_none(), "{path}");
        }
        assert!(
            k("/", true).is_none(),
            "a signed-in reader's pages are their own"
        );
        let long = "q=".to_owned() + &"复".repeat(200);
        assert!(key("/search", Some(&long), prefs, None, false, today).is_none());
    }

    #[test]
    fn a_page_is_kept_per_version_and_without_cookies() {
        let cache = PageCache::default();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let key = key("/", None, Prefs::default(), Some("br"), false, today).unwrap();
        let headers = http::HeaderMap::new();
        let kept = cache
            .keep(
                key.clone(),
                (1, 1),
                &headers,
                axum::body::Bytes::from_static(b"page"),
            )
            .unwrap();
        assert!(cache.get(&key, (1, 1)).is_some());
        assert!(cache.get(&key, (2, 1)).is_none(), "content changed");
        assert!(matches(Some(&kept.etag), &kept.etag));
        assert!(matches(
            Some(&format!("\"x\", W/{}", kept.etag)),
            &kept.etag
        ));
        assert!(!matches(Some("\"other\""), &kept.etag));
        let mut with_cookie = http::HeaderMap::new();
        with_cookie.insert(http::header::SET_COOKIE, "a=b".parse().unwrap());
        assert!(
            cache
                .keep(key, (1, 1), &with_cookie, axum::body::Bytes::new())
                .is_none()
        );
    }
}
