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
//!   server must allow this origin: CORS) or a path such as `/api`; `auth`
//!   is how staff sign in ([`Auth`]).

use std::cell::RefCell;

use customer_model::cloud::Cloud;
use gloo_net::http::Request;
use leptos::logging::warn;
use serde_json::Value;
use web_sys::RequestCache;

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub api_base_url: String,
    pub auth: Auth,
    /// `cloud`: `public` (the default), `usgov` or `china` (21Vianet).
    pub cloud: Cloud,
}

/// How staff sign in.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Auth {
    /// With a user name and password, at the API's `POST /v1/auth/token`
    /// (the reference server's extension): `"auth"` absent or
    /// `{"type": "password"}`.
    #[default]
    Password,
    /// Through an OpenID Connect provider: `{"type": "oidc", …}`.
    Oidc(Box<OidcConfig>),
    /// `auth` is there but unusable: sign-in says it is not configured,
    /// and the console says why.
    Broken(String),
}

/// An OpenID Connect provider, as `config.json`'s `auth` names it.
#[derive(Debug, Clone, PartialEq)]
pub struct OidcConfig {
    /// The issuer, e.g. `https://login.microsoftonline.com/<tenant>/v2.0`;
    /// its discovery document is under `/.well-known/openid-configuration`.
    pub authority: String,
    pub client_id: String,
    /// Asked for at sign-in, e.g. `openid profile offline_access
    /// https://api.partnercenter.microsoft.com/user_impersonation`.
    pub scopes: Vec<String>,
    /// The app's page the provider sends the user back to (under the base
    /// path); `/auth/callback` unless given.
    pub redirect_path: String,
    /// Where the provider sends the user after signing out; `/sign-in`
    /// unless given.
    pub post_logout_redirect_path: String,
    /// Sent with every authorization request, e.g. `{"domain_hint": "fabrikam.com"}`.
    pub extra_authorize_params: Vec<(String, String)>,
    /// The provider's endpoints, instead of its discovery document.
    pub endpoints: Option<Endpoints>,
    /// The ID-token claim that lists the user's roles (e.g. `roles` or
    /// `groups`), for an API without `/v1/me`.
    pub role_claim: Option<String>,
    /// A role claim's values → our roles (`"CW.Sales": "sales-agent"`);
    /// without it the values are read as role names.
    pub role_map: Vec<(String, String)>,
}

/// The provider's endpoints, as its discovery document names them.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoints {
    pub issuer: String,
    pub authorization: String,
    pub token: String,
    pub end_session: Option<String>,
}

// `config.json` is read through `serde_json::Value`, which the app has
// anyway: derived deserializers would add their code to every first load.

/// A property that must be text, if present.
fn optional_text(value: &Value, name: &str) -> Result<Option<String>, String> {
    match value.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(format!("{name} is not text")),
    }
}

fn required_text(value: &Value, name: &str) -> Result<String, String> {
    optional_text(value, name)?.ok_or_else(|| format!("{name} is missing"))
}

/// An object of texts, such as `extraAuthorizeParams`.
fn texts(value: &Value, name: &str) -> Result<Vec<(String, String)>, String> {
    match value.get(name) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(key, item)| match item {
                Value::String(text) => Ok((key.clone(), text.clone())),
                _ => Err(format!("{name}.{key} is not text")),
            })
            .collect(),
        Some(_) => Err(format!("{name} is not an object")),
    }
}

impl OidcConfig {
    /// `auth` as written; without `authority`, a `tenant` signs in at the
    /// cloud's Entra ID host.
    fn from_json(value: &Value, cloud: Cloud) -> Result<OidcConfig, String> {
        let authority = match (
            optional_text(value, "authority")?,
            optional_text(value, "tenant")?,
        ) {
            (Some(authority), _) => authority,
            (None, Some(tenant)) => {
                format!("https://{}/{}/v2.0", cloud.authority_host(), tenant.trim())
            }
            (None, None) => return Err("authority is missing (or give tenant)".to_owned()),
        };
        let scopes = match value.get("scopes") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| {
                    item.as_str()
                        .map(str::to_owned)
                        .ok_or("scopes holds a non-text")
                })
                .collect::<Result<Vec<_>, _>>()?,
            Some(Value::String(list)) => list.split_whitespace().map(str::to_owned).collect(),
            _ => return Err("scopes is missing".to_owned()),
        };
        let endpoints = match value.get("endpoints") {
            None | Some(Value::Null) => None,
            Some(endpoints) => Some(Endpoints {
                issuer: required_text(endpoints, "issuer")?,
                authorization: required_text(endpoints, "authorization")?,
                token: required_text(endpoints, "token")?,
                end_session: optional_text(endpoints, "endSession")?,
            }),
        };
        Ok(OidcConfig {
            authority,
            client_id: required_text(value, "clientId")?,
            scopes,
            redirect_path: optional_text(value, "redirectPath")?
                .unwrap_or_else(|| "/auth/callback".to_owned()),
            post_logout_redirect_path: optional_text(value, "postLogoutRedirectPath")?
                .unwrap_or_else(|| "/sign-in".to_owned()),
            extra_authorize_params: texts(value, "extraAuthorizeParams")?,
            endpoints,
            role_claim: optional_text(value, "roleClaim")?,
            role_map: texts(value, "roleMap")?,
        })
    }
}

/// Only over HTTPS, but for this machine (a local provider while testing).
fn secure_or_loopback(url: &str) -> bool {
    let Ok(parsed) = web_sys::Url::new(url) else {
        return false;
    };
    match parsed.protocol().as_str() {
        "https:" => true,
        "http:" => matches!(
            parsed.hostname().as_str(),
            "localhost" | "127.0.0.1" | "[::1]"
        ),
        _ => false,
    }
}

impl Auth {
    /// The `auth` of `config.json`, checked.
    fn parse(value: Option<&Value>, cloud: Cloud) -> Auth {
        let Some(value) = value.filter(|value| !value.is_null()) else {
            return Auth::Password;
        };
        match value.get("type").and_then(Value::as_str) {
            Some("password") => Auth::Password,
            Some("oidc") => match OidcConfig::from_json(value, cloud) {
                Ok(config) => match config.problem() {
                    None => Auth::Oidc(Box::new(config)),
                    Some(problem) => Auth::Broken(problem),
                },
                Err(error) => Auth::Broken(format!("auth.{error}")),
            },
            Some(other) => Auth::Broken(format!(
                "auth.type {other:?} is neither \"password\" nor \"oidc\""
            )),
            None => Auth::Broken("auth has no \"type\" (\"password\" or \"oidc\")".to_owned()),
        }
    }
}

impl OidcConfig {
    /// What makes this configuration unusable, if anything.
    fn problem(&self) -> Option<String> {
        let mut urls = vec![("auth.authority", self.authority.as_str())];
        if let Some(endpoints) = &self.endpoints {
            urls.push(("auth.endpoints.issuer", &endpoints.issuer));
            urls.push(("auth.endpoints.authorization", &endpoints.authorization));
            urls.push(("auth.endpoints.token", &endpoints.token));
            if let Some(end_session) = &endpoints.end_session {
                urls.push(("auth.endpoints.endSession", end_session));
            }
        }
        if let Some((name, url)) = urls.iter().find(|(_, url)| !secure_or_loopback(url)) {
            return Some(format!("{name} {url:?} is not an https URL"));
        }
        if self.client_id.trim().is_empty() {
            return Some("auth.clientId is empty".to_owned());
        }
        if !self.scopes.iter().any(|scope| scope == "openid") {
            return Some("auth.scopes must include \"openid\"".to_owned());
        }
        for (name, path) in [
            ("auth.redirectPath", &self.redirect_path),
            (
                "auth.postLogoutRedirectPath",
                &self.post_logout_redirect_path,
            ),
        ] {
            if !path.starts_with('/') || path.starts_with("//") {
                return Some(format!(
                    "{name} {path:?} is not a path of this app (\"/…\")"
                ));
            }
        }
        None
    }
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
    let file = response.text().await.ok();
    match file.and_then(|text| customer_model::wire::parse(&text).ok()) {
        Some(file) if file.is_object() => {
            let cloud = match file.get("cloud").and_then(Value::as_str) {
                None => Ok(Cloud::Public),
                Some(text) => Cloud::parse(text).ok_or(text),
            };
            let auth = match cloud {
                Ok(cloud) => Auth::parse(file.get("auth"), cloud),
                // The cloud decides where staff sign in: no guessing.
                Err(text) => Auth::Broken(format!(
                    "cloud {text:?} is none of \"public\", \"usgov\", \"china\""
                )),
            };
            let cloud = cloud.unwrap_or_default();
            if let Auth::Broken(reason) = &auth {
                warn!("{url}: sign-in is not configured: {reason}");
            }
            CONFIG.with(|current| {
                *current.borrow_mut() = Config {
                    api_base_url: file
                        .get("apiBaseUrl")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    auth,
                    cloud,
                }
            });
        }
        _ => {
            let error = "not a JSON object";
            warn!("{url} is not a configuration ({error}); the API is taken to be on this origin");
            // Whatever it meant to say about sign-in is unknown.
            CONFIG.with(|current| {
                current.borrow_mut().auth = Auth::Broken(format!("{url}: {error}"));
            });
        }
    }
}

/// How staff sign in, as `config.json` says.
pub fn auth() -> Auth {
    CONFIG.with(|config| config.borrow().auth.clone())
}

/// The Microsoft cloud the partner sells in.
pub fn cloud() -> Cloud {
    CONFIG.with(|config| config.borrow().cloud)
}

/// The OpenID Connect provider, when staff sign in through one.
pub fn oidc() -> Option<OidcConfig> {
    match auth() {
        Auth::Oidc(config) => Some(*config),
        _ => None,
    }
}

/// A `sessionStorage`/`localStorage` key of this deployment: two apps on one
/// origin under different base paths share neither a sign-in nor a draft.
pub fn storage_key(name: &str) -> String {
    BASE_PATH.with(|base| format!("customer-wizard{base}.{name}"))
}

/// The absolute URL of one of the app's pages, for the provider's redirects.
pub fn absolute_href(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", href(path))
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

/// Where to go after signing in: one of this app's own paths, judged after
/// the browser has parsed it — a tab, newline or backslash, an encoded or
/// protocol-relative path, or another scheme leads to Customers instead.
pub fn safe_return(target: Option<String>) -> String {
    const HOME: &str = "/customers";
    let Some(target) = target.filter(|target| target.starts_with('/')) else {
        return HOME.to_owned();
    };
    let Some(window) = web_sys::window() else {
        return HOME.to_owned();
    };
    let Ok(origin) = window.location().origin() else {
        return HOME.to_owned();
    };
    let base = format!("{origin}{}/", base_path());
    match web_sys::Url::new_with_base(&format!(".{target}"), &base) {
        Ok(url) if url.origin() == origin && url.pathname().starts_with(&base[origin.len()..]) => {
            let path = route_of(&url.pathname());
            // Judged decoded too: `/%2F%2Fhost` is no page of the app.
            let decoded = js_sys::decode_uri_component(&path).map(String::from).ok();
            let suspect = |path: &str| path.starts_with("//") || path.contains('\\');
            if suspect(&path) || decoded.as_deref().is_none_or(suspect) {
                HOME.to_owned()
            } else {
                format!("{path}{}", url.search())
            }
        }
        _ => HOME.to_owned(),
    }
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
