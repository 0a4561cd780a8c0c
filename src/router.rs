//! Where the user is in the app, and moving between its pages without a page
//! load: the address bar's path and query as signals, `navigate` and
//! `replace` that push or replace a history entry, and the link clicks and
//! Back/Forward that change them.
//!
//! The app's pages are a flat list of fixed paths (`lib.rs`), so this is all
//! the routing it needs; `leptos_router`'s nested, typed route trees were
//! about a tenth of the code every first load fetched.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::config;

/// The page's own path (the base path taken off, `/customers`) and its query
/// (without `?`), as the address bar has them.
struct Here {
    path: ArcRwSignal<String>,
    search: ArcRwSignal<String>,
}

thread_local! {
    static HERE: Here = {
        let (path, search) = address();
        Here {
            path: ArcRwSignal::new(path),
            search: ArcRwSignal::new(search),
        }
    };
}

/// The address bar's path and query, the base path taken off.
fn address() -> (String, String) {
    let location = window().location();
    let path = config::route_of(&location.pathname().unwrap_or_default());
    let search = location.search().unwrap_or_default();
    (path, search.trim_start_matches('?').to_owned())
}

/// The page's own path, `/customers`; a view or memo that reads it follows
/// a change of page.
pub fn path() -> String {
    HERE.with(|here| here.path.get())
}

/// The page's own path and query, `/customers?q=contoso`, as it is now.
pub fn here() -> String {
    HERE.with(|here| {
        let path = here.path.get_untracked();
        let search = here.search.get_untracked();
        if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        }
    })
}

/// The value of `name` in the address's query, as it is now.
pub fn query(name: &str) -> Option<String> {
    HERE.with(|here| here.search.with_untracked(|search| value_in(search, name)))
}

/// The value of `name` in the address's query; a view or memo that reads it
/// follows a change of query.
pub fn tracked_query(name: &str) -> Option<String> {
    HERE.with(|here| here.search.with(|search| value_in(search, name)))
}

fn value_in(search: &str, name: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()?
        .get(name)
}

/// Opens `to`, one of the app's pages with any query (`/customers?q=x`),
/// as a new history entry (Back returns here).
pub fn navigate(to: &str) {
    go(to, false);
}

/// Opens `to` in place of this page in the history: for a page that only
/// sends the user elsewhere, so that Back does not return to it.
pub fn replace(to: &str) {
    go(to, true);
}

fn go(to: &str, replace: bool) {
    let (path, search) = match to.split_once('?') {
        Some((path, search)) => (path, search),
        None => (to, ""),
    };
    let url = config::href(to);
    if let Ok(history) = window().history() {
        // Opening the page already shown adds no entry, as a link does not.
        let result = if replace || here() == to {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
        if result.is_err() {
            // Not in this origin (never for the app's own paths): a page load.
            let _ = window().location().set_href(&url);
            return;
        }
    }
    set(path, search);
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

fn set(path: &str, search: &str) {
    HERE.with(|here| {
        if here.path.with_untracked(|current| current != path) {
            here.path.set(path.to_owned());
        }
        if here.search.with_untracked(|current| current != search) {
            here.search.set(search.to_owned());
        }
    });
}

/// Follows Back and Forward, and opens the app's own links (`<a href>` to
/// one of its pages, as `config::href` writes them) without a page load.
pub fn start() {
    let back_or_forward = window_event_listener(leptos::ev::popstate, |_| {
        let (path, search) = address();
        set(&path, &search);
    });
    let link = window_event_listener(leptos::ev::click, follow_link);
    on_cleanup(move || {
        back_or_forward.remove();
        link.remove();
    });
}

/// A click on a link to one of the app's pages, left to the browser when the
/// user asked for something else of it: a new tab or window (a modifier
/// key, another button, a `target`), a download, or a page elsewhere.
fn follow_link(event: web_sys::MouseEvent) {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.alt_key()
        || event.ctrl_key()
        || event.shift_key()
    {
        return;
    }
    let link = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[href]").ok().flatten())
        .and_then(|link| link.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else {
        return;
    };
    if !link.target().is_empty() || link.has_attribute("download") {
        return;
    }
    let location = window().location();
    let same_origin = location
        .origin()
        .is_ok_and(|origin| origin == link.origin());
    let pathname = link.pathname();
    let base = config::base_path();
    let in_app = pathname == base || pathname.starts_with(&format!("{base}/"));
    if !same_origin || !in_app {
        return;
    }
    event.prevent_default();
    let path = config::route_of(&pathname);
    let search = link.search();
    navigate(&format!("{path}{search}"));
}
