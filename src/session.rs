//! Who is signed in. The bearer token lives in this tab's `sessionStorage`
//! (so a reload keeps the session and closing the tab ends it); the reactive
//! [`Session`] mirrors it for the views.

use std::cell::Cell;

use leptos::prelude::*;
use web_sys::Storage;

const TOKEN_KEY: &str = "customer-wizard.token";

thread_local! {
    /// The session of the app, for [`expired`]: the API client has no context.
    static CURRENT: Cell<Option<Session>> = const { Cell::new(None) };
}

fn storage() -> Option<Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The stored bearer token, if any.
pub fn stored_token() -> Option<String> {
    storage()?
        .get_item(TOKEN_KEY)
        .ok()?
        .filter(|token| !token.is_empty())
}

fn store_token(token: Option<&str>) {
    if let Some(storage) = storage() {
        let _ = match token {
            Some(token) => storage.set_item(TOKEN_KEY, token),
            None => storage.remove_item(TOKEN_KEY),
        };
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Session {
    token: RwSignal<Option<String>>,
}

impl Session {
    /// The session stored in this tab, provided to every view.
    pub fn provide() -> Session {
        let session = Session {
            token: RwSignal::new(stored_token()),
        };
        provide_context(session);
        CURRENT.set(Some(session));
        session
    }

    pub fn get() -> Session {
        use_context::<Session>().unwrap_or_else(Session::provide)
    }

    pub fn signed_in(&self) -> bool {
        self.token.with(Option::is_some)
    }

    pub fn start(&self, token: String) {
        store_token(Some(&token));
        self.token.set(Some(token));
    }

    /// Signed out, or the API said the token is no longer good.
    pub fn end(&self) {
        store_token(None);
        self.token.set(None);
    }
}

/// The API refused the stored token (expired, or signed out elsewhere): the
/// session ends, so the page asks to sign in and then comes back to it.
pub fn expired() {
    match CURRENT.get() {
        // Once: the other calls the page had in flight fail the same way.
        Some(session) if session.token.with_untracked(Option::is_some) => session.end(),
        Some(_) => {}
        None => store_token(None),
    }
}
