//! Who is asking: the client's address, for throttles and limits. Behind a reverse proxy or a
//! hotline system every request comes from the proxy, so its `X-Forwarded-For` / `Forwarded`
//! header names the client — but only a proxy the operator named (`--trusted-proxy`) is
//! believed: anyone else can write any header.

use crate::kernel::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::{HeaderMap, header, request::Parts};
use ipnet::IpNet;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};

/// The proxies whose forwarding header is believed (none by default), and which header that is:
/// only the one the proxies write. A proxy passes the other on as the client sent it, so reading
/// both would let anyone name their own address.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(pub Vec<IpNet>, pub ForwardedHeader);

/// The header trusted proxies write the client's address into.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For` (nginx, HAProxy, most load balancers).
    #[default]
    XForwardedFor,
    /// `Forwarded` (RFC 7239).
    Forwarded,
}

impl ForwardedHeader {
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "x-forwarded-for" => Some(Self::XForwardedFor),
            "forwarded" => Some(Self::Forwarded),
            _ => None,
        }
    }
}

impl TrustedProxies {
    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// Parses `10.0.0.0/8,192.0.2.1` (a bare address is its own /32 or /128).
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<IpNet>()
                    .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("{s:?} is not an address or CIDR block"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|nets| Self(nets, ForwardedHeader::default()))
    }

    /// Reading `header` instead of `X-Forwarded-For`.
    pub fn reading(mut self, header: ForwardedHeader) -> Self {
        self.1 = header;
        self
    }
}

/// The client of a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Client(pub IpAddr);

impl Client {
    /// What throttles count by: the address, or for IPv6 its /64 (one household or phone gets a
    /// whole /64 and may pick any address in it).
    pub fn key(&self) -> String {
        match self.0 {
            IpAddr::V4(v4) => v4.to_string(),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => v4.to_string(),
                None => {
                    let s = v6.segments();
                    let net = Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
                    format!("{net}/64")
                }
            },
        }
    }

    /// The client of a request from `peer` with `headers`: the peer itself, unless it is a
    /// trusted proxy; then the forwarding chain is read from the right, past every trusted hop,
    /// and the first address not trusted is the client.
    pub fn of(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> Self {
        if !trusted.trusts(peer) {
            return Self(peer);
        }
        let chain = forwarded_chain(headers, trusted.1);
        let mut client = peer;
        for hop in chain.iter().rev() {
            match hop {
                Some(ip) if trusted.trusts(*ip) => client = *ip,
                Some(ip) => return Self(*ip),
                // `unknown`, an obfuscated name or garbage: the last trusted hop is all we know.
                None => return Self(client),
            }
        }
        Self(client)
    }
}

/// The hops a request passed, first (the client) to last, from the one header the proxies write;
/// `None` for a hop that names no address.
fn forwarded_chain(headers: &HeaderMap, header: ForwardedHeader) -> Vec<Option<IpAddr>> {
    let values = |name| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    if header == ForwardedHeader::Forwarded {
        return values(header::FORWARDED)
            .iter()
            .map(|element| {
                element
                    .split(';')
                    .filter_map(|pair| pair.split_once('='))
                    .find(|(k, _)| k.trim().eq_ignore_ascii_case("for"))
                    .and_then(|(_, v)| address(v.trim().trim_matches('"')))
            })
            .collect();
    }
    values(header::HeaderName::from_static("x-forwarded-for"))
        .iter()
        .map(|s| address(s))
        .collect()
}

/// `192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]:4711`, `2001:db8::1`.
fn address(s: &str) -> Option<IpAddr> {
    s.parse::<IpAddr>()
        .ok()
        .or_else(|| s.parse::<SocketAddr>().ok().map(|a| a.ip()))
        .or_else(|| {
            s.strip_prefix('[')
                .and_then(|r| r.split_once(']'))
                .and_then(|(ip, _)| ip.parse().ok())
        })
}

impl FromRequestParts<AppState> for Client {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED));
        Ok(Self::of(peer, &parts.headers, &state.ctx.trusted_proxies))
    }
}

/// The value of the request's cookie `name`, if it sent one.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                header::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                v.parse().unwrap(),
            );
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarding_headers_from_anyone_but_a_trusted_proxy_are_ignored() {
        let none = TrustedProxies::default();
        let h = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(
            Client::of(ip("198.51.100.1"), &h, &none),
            Client(ip("198.51.100.1"))
        );
        let proxy = TrustedProxies::parse("10.0.0.0/8").unwrap();
        assert_eq!(
            Client::of(ip("198.51.100.1"), &h, &proxy),
            Client(ip("198.51.100.1"))
        );
    }

    #[test]
    fn behind_trusted_proxies_the_first_untrusted_hop_from_the_right_is_the_client() {
        let proxies = TrustedProxies::parse("10.0.0.0/8, 192.0.2.1").unwrap();
        let h = headers(&[("x-forwarded-for", "6.6.6.6, 203.0.113.9, 10.1.1.1")]);
        // 6.6.6.6 was written by the client itself: only what trusted hops added counts.
        assert_eq!(
            Client::of(ip("10.0.0.2"), &h, &proxies),
            Client(ip("203.0.113.9"))
        );
        let h = headers(&[
            ("x-forwarded-for", "203.0.113.9"),
            ("x-forwarded-for", "10.1.1.1"),
        ]);
        assert_eq!(
            Client::of(ip("192.0.2.1"), &h, &proxies),
            Client(ip("203.0.113.9"))
        );
        // `Forwarded` passed on from the client is not what these proxies write: ignored.
        let h = headers(&[
            ("forwarded", "for=6.6.6.6"),
            ("x-forwarded-for", "203.0.113.9"),
        ]);
        assert_eq!(
            Client::of(ip("10.0.0.2"), &h, &proxies),
            Client(ip("203.0.113.9"))
        );
        let rfc = proxies.clone().reading(ForwardedHeader::Forwarded);
        let h = headers(&[(
            "forwarded",
            "for=6.6.6.6, for=\"[2001:db8:cafe::17]:4711\";proto=https, for=10.1.1.1",
        )]);
        assert_eq!(
            Client::of(ip("10.0.0.2"), &h, &rfc),
            Client(ip("2001:db8:cafe::17"))
        );
        let h = headers(&[("forwarded", "for=unknown"), ("x-forwarded-for", "6.6.6.6")]);
        assert_eq!(
            Client::of(ip("10.0.0.2"), &h, &rfc),
            Client(ip("10.0.0.2")),
            "XFF ignored"
        );
        assert_eq!(
            Client::of(ip("10.0.0.2"), &HeaderMap::new(), &proxies),
            Client(ip("10.0.0.2"))
        );
        let h = headers(&[("x-forwarded-for", "203.0.113.9:5555")]);
        assert_eq!(
            Client::of(ip("10.0.0.2"), &h, &proxies),
            Client(ip("203.0.113.9"))
        );
    }

    #[test]
    fn ipv6_clients_count_by_their_slash_64() {
        assert_eq!(
            Client(ip("2001:db8:1:2:aaaa::1")).key(),
            "2001:db8:1:2::/64"
        );
        assert_eq!(
            Client(ip("2001:db8:1:2:bbbb::9")).key(),
            "2001:db8:1:2::/64"
        );
        assert_eq!(Client(ip("::ffff:198.51.100.7")).key(), "198.51.100.7");
        assert_eq!(Client(ip("198.51.100.7")).key(), "198.51.100.7");
    }

    #[test]
    fn a_bad_proxy_list_is_named() {
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.local").is_err());
        assert_eq!(TrustedProxies::parse("").unwrap().0.len(), 0);
    }
}
