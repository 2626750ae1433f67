//! Cross-site request forgery: a state-changing request (a form post, an API call) that a
//! browser sends from another site or another origin of the same site (another port of the same
//! host) is refused. `SameSite=Lax` on the session cookie stops only other sites; the browser's
//! own `Sec-Fetch-Site` and `Origin` headers say where a request really came from.
//!
//! A request with neither header does not come from a current browser (a hotline system, a
//! script, an old phone's browser): it is let through, and it carries no session a page could
//! have borrowed.

use axum::http::{HeaderMap, Method, header};

/// Whether a request with `method` and `headers` may change anything. `public_url` is the
/// address citizens use (`--public-url`), when set.
pub fn same_origin(method: &Method, headers: &HeaderMap, public_url: Option<&str>) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &header::HeaderValue| v.to_str().ok())
    };
    if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site")) {
        // `none`: typed in the address bar or opened from a bookmark.
        return site.eq_ignore_ascii_case("same-origin") || site.eq_ignore_ascii_case("none");
    }
    let Some(origin) = text(header::ORIGIN) else {
        return true;
    };
    let origin = origin.trim_end_matches('/');
    if public_url
        .map(origin_of)
        .is_some_and(|public| origin.eq_ignore_ascii_case(public))
    {
        return true;
    }
    // Without a public address, the request's own host (the scheme is the proxy's business).
    let Some(host) = text(header::HOST) else {
        return false;
    };
    origin
        .split_once("://")
        .is_some_and(|(_, authority)| authority.eq_ignore_ascii_case(host))
        && public_url.is_none()
}

/// `https://xinfang.example.gov.cn` of `https://xinfang.example.gov.cn/some/path`.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    match url[after_scheme..].find('/') {
        Some(i) => &url[..after_scheme + i],
        None => url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(
                header::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                v.parse().unwrap(),
            );
        }
        h
    }

    #[test]
    fn a_browser_post_from_another_origin_is_refused() {
        let post = Method::POST;
        let host = ("host", "127.0.0.1:3000");
        for refused in [
            headers(&[host, ("sec-fetch-site", "cross-site")]),
            headers(&[host, ("sec-fetch-site", "same-site")]),
            headers(&[host, ("origin", "http://127.0.0.1:8080")]),
            headers(&[host, ("origin", "http://evil.example")]),
            headers(&[host, ("origin", "null")]),
        ] {
            assert!(!same_origin(&post, &refused, None), "{refused:?}");
        }
        for allowed in [
            headers(&[
                host,
                ("sec-fetch-site", "same-origin"),
                ("origin", "http://127.0.0.1:3000"),
            ]),
            headers(&[host, ("sec-fetch-site", "none")]),
            headers(&[host, ("origin", "http://127.0.0.1:3000")]),
            headers(&[host]),
        ] {
            assert!(same_origin(&post, &allowed, None), "{allowed:?}");
        }
        let cross = headers(&[host, ("sec-fetch-site", "cross-site")]);
        assert!(
            same_origin(&Method::GET, &cross, None),
            "reading is not changing"
        );
    }

    #[test]
    fn behind_a_proxy_the_public_address_is_the_origin() {
        let public = Some("https://xinfang.example.gov.cn/");
        let post = Method::POST;
        let ours = headers(&[
            ("host", "10.0.0.5:3000"),
            ("origin", "https://xinfang.example.gov.cn"),
        ]);
        assert!(same_origin(&post, &ours, public));
        let other_port = headers(&[
            ("host", "xinfang.example.gov.cn"),
            ("origin", "https://xinfang.example.gov.cn:8443"),
        ]);
        assert!(!same_origin(&post, &other_port, public));
        let plain = headers(&[
            ("host", "xinfang.example.gov.cn"),
            ("origin", "http://xinfang.example.gov.cn"),
        ]);
        assert!(
            !same_origin(&post, &plain, public),
            "another scheme is another origin"
        );
    }
}
