use crate::domain::prefs::Prefs;
use leptos::prelude::*;

/// Facts about the current request that the shell, header and footer need.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageContext {
    pub prefs: Prefs,
    /// Path and query of the current page, for the switches to come back to.
    pub path: String,
    pub bureau_name: String,
    pub demo: bool,
    /// The stylesheet's address with its content's fingerprint (`AppContext::stylesheet`).
    pub stylesheet: String,
}

impl PageContext {
    /// Built from the request on the server; a default in the browser, where islands never need it.
    pub fn from_request() -> Self {
        #[cfg(feature = "ssr")]
        {
            let parts = use_context::<http::request::Parts>();
            let path = parts
                .as_ref()
                .and_then(|p| p.uri.path_and_query())
                .map(|pq| pq.as_str().to_owned())
                .unwrap_or_else(|| "/".to_owned());
            let mut prefs = parts
                .as_ref()
                .map(|p| crate::kernel::i18n::prefs_from_headers(&p.headers))
                .unwrap_or_default();
            prefs.lang = crate::kernel::i18n::page_lang(prefs, &path);
            let (bureau_name, demo, stylesheet) =
                use_context::<crate::kernel::context::AppContext>()
                    .map(|c| {
                        (
                            c.config.bureau.name.clone(),
                            c.config.demo,
                            c.stylesheet.clone(),
                        )
                    })
                    .unwrap_or_default();
            Self {
                prefs,
                path,
                bureau_name,
                demo,
                stylesheet,
            }
        }
        #[cfg(not(feature = "ssr"))]
        {
            Self::default()
        }
    }

    /// Whether the page has islands and so loads the WebAssembly. Only the petition journey
    /// (`DraftKeeper`: field checks as you type, the draft kept over a reload) and the receipts
    /// (`PrintButton`) have one; every other page is complete as HTML and ships no script at all.
    pub fn ships_islands(&self) -> bool {
        self.path == "/petition"
            || self.path.starts_with("/petition/")
            || self.path.starts_with("/petition?")
            || self.path.starts_with("/legal-aid/receipt")
    }

    /// The current page's context, as the shell provided it.
    pub fn get() -> Self {
        use_context::<Self>().unwrap_or_default()
    }
}

/// Sends the visitor of the page being rendered to `path` (303 See Other). Unlike
/// `leptos_axum::redirect`, it does not depend on the request's `Accept` header: page routes are
/// always navigations.
#[cfg(feature = "ssr")]
pub fn redirect_page(path: &str) {
    if let (Some(res), Ok(location)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(path),
    ) {
        res.insert_header(http::header::LOCATION, location);
        res.set_status(http::StatusCode::SEE_OTHER);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_petition_journey_ships_islands() {
        let at = |path: &str| PageContext {
            path: path.to_owned(),
            ..Default::default()
        };
        assert!(at("/petition").ships_islands());
        assert!(at("/petition/resume").ships_islands());
        for path in [
            "/",
            "/lookup",
            "/guides",
            "/legal-aid/apply",
            "/petitions",
            "/staff",
        ] {
            assert!(!at(path).ships_islands(), "{path}");
        }
    }
}
