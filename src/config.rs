//! The deployment's settings, read at start from `/config.json` next to
//! `index.html`, so one build serves any deployment: an empty `apiBaseUrl`
//! means the API is on the same origin; otherwise e.g.
//! `https://api.example.com` (that server must allow this origin: CORS).

use std::cell::RefCell;

use gloo_net::http::Request;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Config {
    pub api_base_url: String,
}

thread_local! {
    static CONFIG: RefCell<Config> = RefCell::new(Config::default());
}

/// Reads `/config.json`; without one (or with a broken one) the defaults stand.
pub async fn load() {
    let Ok(response) = Request::get("/config.json").send().await else {
        return;
    };
    if !response.ok() {
        return;
    }
    if let Ok(config) = response.json::<Config>().await {
        CONFIG.with(|current| *current.borrow_mut() = config);
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
