//! The app's own files. Each is sent compressed when the build left a `.br`
//! or `.gz` copy beside it and the browser accepts that encoding. The files
//! whose names carry their content's hash are kept by caches for a year: a
//! new release has new names. Everything else (`index.html`, `config.json`,
//! the deep links that answer with `index.html`) is checked again on each
//! load, so that a new release or an edited `config.json` is seen at once.
//! A hashed name that is no file is not found, never the app's page.

use std::path::Path;

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::services::{ServeDir, ServeFile};

/// The files of the app in `dir`; a path that is not a file answers with
/// its `index.html`, so that the app's deep links survive a reload.
pub fn service(dir: &Path) -> ServeDir<ServeFile> {
    ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(
            ServeFile::new(dir.join("index.html"))
                .precompressed_br()
                .precompressed_gzip(),
        )
}

const FOR_A_YEAR: &str = "public, max-age=31536000, immutable";
const ASK_AGAIN: &str = "no-cache";

/// How long a cache may keep a file, and that the answer depends on the
/// request's `Accept-Encoding`. The API's answers are never stored
/// (`security_headers`).
pub async fn cache_policy(request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/v1/") {
        return next.run(request).await;
    }
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    // The fallback would answer a hashed name that is not a file (another
    // release's, or one not uploaded yet) with index.html: the app would
    // take a page for its code, and a browser that kept it would be told
    // "not modified" once the file is there, by index.html's date. No deep
    // link has such a name.
    if hashed && crate::spa_policy::is_page(&response) {
        response = StatusCode::NOT_FOUND.into_response();
    }
    // A 304's headers replace the cached ones: it says the same as the 200.
    let found = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    let keep = hashed && found;
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if keep { FOR_A_YEAR } else { ASK_AGAIN }),
    );
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// Whether the last segment of `path` is a name Trunk's `filehash` made:
/// `<stem>-<hex hash>.<ext>`, or `<stem>-<hex hash>_bg.wasm`; the pieces
/// split off the wasm are named so too (scripts/split/stage.mjs).
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, _extension)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn trunk_s_hashed_names_are_recognised_and_nothing_else() {
        for hashed in [
            "/customer-wizard-8c1b7c1f2e0d9a34_bg.wasm",
            "/customer-wizard-8c1b7c1f2e0d9a34.js",
            "/wizard/main-1f2e0d9a34b7c1e8.css",
            "/split_review_page_954283307893029520-c5eca813d7cc86c0.wasm",
            "/chunk_20-0bff660acc6b003c.wasm",
            "/chunk_20-0bff660acc.wasm",
        ] {
            assert!(is_hashed(hashed), "{hashed}");
        }
        for plain in [
            "/",
            "/index.html",
            "/config.json",
            "/favicon.svg",
            "/customers/new/account",
            "/customer-wizard.js",
            "/__wasm_split.js",
            "/my-deployment-notes.txt",
        ] {
            assert!(!is_hashed(plain), "{plain}");
        }
    }
}
