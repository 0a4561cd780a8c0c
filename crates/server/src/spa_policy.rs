//! The Content-Security-Policy of the app's pages: scripts only from this
//! origin (plus the hash of Trunk's inline loader, and `wasm-unsafe-eval` to
//! compile the app), no plugins, no other base, no framing, and requests
//! only to this origin and to what the deployment's `config.json` names —
//! the API (`apiBaseUrl`) and the identity provider (`auth`). `config.json`
//! is read for each page, so an edit takes effect on the next load, as it
//! does in the app.

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use customer_model::cloud::Cloud;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// What a page of the app may load and call.
#[derive(Debug)]
pub struct SpaPolicy {
    config: PathBuf,
    /// `'sha256-…'` of each inline script of `index.html`.
    script_hashes: Vec<String>,
}

impl SpaPolicy {
    /// The policy of the app in `dir`, from its `index.html`.
    pub fn of(dir: &std::path::Path) -> SpaPolicy {
        let html = std::fs::read_to_string(dir.join("index.html")).unwrap_or_default();
        SpaPolicy {
            config: dir.join("config.json"),
            script_hashes: inline_scripts(&html)
                .map(|script| {
                    format!(
                        "'sha256-{}'",
                        STANDARD.encode(Sha256::digest(script.as_bytes()))
                    )
                })
                .collect(),
        }
    }

    fn header(&self) -> Option<HeaderValue> {
        let config: Value = std::fs::read_to_string(&self.config)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        let mut connect = vec!["'self'".to_owned()];
        connect.extend(called_origins(&config));
        let policy = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; \
             img-src 'self' data:; connect-src {}; object-src 'none'; base-uri 'self'; \
             form-action 'self'; frame-ancestors 'none'",
            self.script_hashes.join(" "),
            connect.join(" ")
        );
        HeaderValue::from_str(&policy).ok()
    }
}

/// Whether `response` is an HTML page (index.html, for any deep link).
pub fn is_page(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"))
}

/// Sets the policy on the app's HTML pages (its other files are not documents).
pub async fn apply(State(policy): State<Arc<SpaPolicy>>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if is_page(&response)
        && let Some(value) = policy.header()
    {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// The text of each `<script>` element without a `src`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, body) = rest.split_once('>')?;
        let (script, _) = body.split_once("</script>")?;
        (!attributes.contains("src=")).then_some(script)
    })
}

/// The origins the app calls, as `config.json` names them: the API, and the
/// identity provider's discovery and token endpoints.
fn called_origins(config: &Value) -> Vec<String> {
    let text =
        |value: &Value, name: &str| value.get(name).and_then(Value::as_str).map(str::to_owned);
    let mut urls = Vec::new();
    urls.extend(text(config, "apiBaseUrl"));
    if let Some(auth) = config.get("auth") {
        urls.extend(text(auth, "authority"));
        if let Some(endpoints) = auth.get("endpoints") {
            urls.extend(text(endpoints, "token"));
        }
        if text(auth, "authority").is_none() && text(auth, "tenant").is_some() {
            let cloud = text(config, "cloud")
                .and_then(|cloud| Cloud::parse(&cloud))
                .unwrap_or_default();
            urls.push(format!("https://{}/", cloud.authority_host()));
        }
    }
    let mut origins: Vec<String> = urls.iter().filter_map(|url| origin_of(url)).collect();
    origins.sort();
    origins.dedup();
    origins
}

/// `scheme://host[:port]` of an http(s) URL, if it is one; nothing that
/// could break out of the header's grammar.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    if !matches!(scheme, "http" | "https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let plain = |c: char| c.is_ascii_alphanumeric() || "-.:[]".contains(c);
    (!authority.is_empty() && !authority.contains('@') && authority.chars().all(plain))
        .then(|| format!("{scheme}://{}", authority.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inline_script_is_allowed_by_its_sha256_as_csp_writes_it() {
        // `echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64`
        let dir = tempfile::tempdir().expect("a directory");
        std::fs::write(dir.path().join("index.html"), "<script>alert(1)</script>").expect("write");
        assert_eq!(
            SpaPolicy::of(dir.path()).script_hashes,
            ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
        );
    }

    #[test]
    fn only_inline_scripts_are_hashed() {
        let html =
            r#"<script type="module">go()</script><script src="x.js"></script><script>b</script>"#;
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), ["go()", "b"]);
    }

    #[test]
    fn the_api_and_the_provider_of_config_json_may_be_called_and_nothing_else() {
        let config = serde_json::json!({
            "apiBaseUrl": "https://API.example.com/pc",
            "auth": {"authority": "https://login.microsoftonline.com/t/v2.0",
                     "endpoints": {"token": "https://tokens.example.com/token"}}
        });
        assert_eq!(
            called_origins(&config),
            [
                "https://api.example.com",
                "https://login.microsoftonline.com",
                "https://tokens.example.com"
            ]
        );
        let tenant = serde_json::json!({"cloud": "usgov", "auth": {"tenant": "t"}});
        assert_eq!(
            called_origins(&tenant),
            ["https://login.microsoftonline.us"]
        );
        for hostile in [
            "/api",
            "javascript:alert(1)",
            "https://a.example; script-src *",
            "https://user@a.example",
            "https:// a.example",
        ] {
            assert_eq!(origin_of(hostile), None, "{hostile}");
        }
    }
}
