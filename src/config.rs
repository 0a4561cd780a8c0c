//! Where the app is deployed, so that one build serves any deployment.
//!
//! - **The path it is served under** comes from `<base href>` in `index.html`:
//!   `/` at the root of a site, `/wizard/` under `https://host/wizard/`. The
//!   deployer edits that one line; Trunk writes every asset URL relative to it
//!   (`public_url = "./"`), the router takes it as its base ([`base_path`]),
//!   and the app's own links are written under it ([`href`]).
//! - **The settings** are read at start from `config.json` next to
//!   `index.html` (under the same base): `apiBaseUrl` is where the API is —
//!   empty for the same origin, else e.g. `https://api.example.com` (that
//!   server must allow this origin: CORS) or a path such as `/api`.

use std::cell::RefCell;

use gloo_net::http::Request;
use leptos::logging::warn;
use serde::Deserialize;
use web_sys::RequestCache;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Config {
    pub api_base_url: String,
}

thread_local! {
    static CONFIG: RefCell<Config> = RefCell::new(Config::default());
    static BASE_PATH: String = document_base_path().unwrap_or_default();
}

/// The directory of the document's base URL, without its final slash: `""`
/// for `<base href="/">` (or none), `/wizard` for `<base href="/wizard/">`.
/// A base URL that does not end in `/` counts up to its last `/`, as the
/// browser resolves relative URLs against it.
fn document_base_path() -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    let path = web_sys::Url::new(&base).ok()?.pathname();
    Some(directory_of(&path).to_owned())
}

/// `/wizard/` and `/wizard/index.html` → `/wizard`; `/` and `/wizard` → ``.
fn directory_of(path: &str) -> &str {
    path.rfind('/').map_or("", |slash| &path[..slash])
}

/// The path the app is served under, for the router's base: `""` at the root
/// of a site, `/wizard` under `https://host/wizard/`.
pub fn base_path() -> String {
    BASE_PATH.with(Clone::clone)
}

/// The `href` of one of the app's pages (`/customers`, with any query), as
/// the browser must see it: under the base path. Links built from it are
/// followed by the router without a page load; `navigate` and `Redirect`
/// take the page's own path, as the router adds the base itself.
pub fn href(path: &str) -> String {
    BASE_PATH.with(|base| format!("{base}{path}"))
}

/// The app's own path of a location path (the router's `pathname`): the base
/// path taken off, for a `return` link that the router resolves again.
pub fn route_of(pathname: &str) -> String {
    BASE_PATH.with(|base| without_base(base, pathname))
}

fn without_base(base: &str, pathname: &str) -> String {
    match pathname.strip_prefix(base) {
        Some("") => "/".to_owned(),
        Some(rest) if rest.starts_with('/') => rest.to_owned(),
        _ => pathname.to_owned(),
    }
}

/// Reads `config.json` next to `index.html`, asking the server each time
/// (`no-cache`: a deployment that changes it takes effect on the next load);
/// without one, or with a broken one, the defaults stand, and the console
/// says why.
pub async fn load() {
    let url = href("/config.json");
    let response = match Request::get(&url).cache(RequestCache::NoCache).send().await {
        Ok(response) if response.ok() => response,
        Ok(response) => {
            let status = response.status();
            warn!("{url}: HTTP {status}; the API is taken to be on this origin");
            return;
        }
        Err(error) => {
            warn!("{url}: {error}; the API is taken to be on this origin");
            return;
        }
    };
    match response.json::<Config>().await {
        Ok(config) => CONFIG.with(|current| *current.borrow_mut() = config),
        Err(error) => {
            warn!("{url} is not a configuration ({error}); the API is taken to be on this origin")
        }
    }
}

/// The full URL of an API path such as `/v1/customers`.
pub fn api_url(path: &str) -> String {
    CONFIG.with(|config| {
        format!(
            "{}{path}",
            config.borrow().api_base_url.trim().trim_end_matches('/')
        )
    })
}

#[cfg(test)]
mod tests {
    use super::{directory_of, without_base};

    #[test]
    fn the_base_path_is_the_directory_of_the_base_url() {
        assert_eq!(directory_of("/"), "");
        assert_eq!(directory_of("/wizard/"), "/wizard");
        assert_eq!(directory_of("/apps/wizard/index.html"), "/apps/wizard");
        // As the browser resolves `./main.css` against it: at the root.
        assert_eq!(directory_of("/wizard"), "");
    }

    #[test]
    fn a_page_s_own_path_is_its_location_without_the_base() {
        assert_eq!(
            without_base("", "/customers/new/account"),
            "/customers/new/account"
        );
        assert_eq!(without_base("/wizard", "/wizard/customers"), "/customers");
        assert_eq!(without_base("/wizard", "/wizard"), "/");
        assert_eq!(
            without_base("/wizard", "/wizardry/customers"),
            "/wizardry/customers"
        );
    }
}
