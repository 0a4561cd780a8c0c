//! Who is signed in. The credentials live in this tab's `sessionStorage`,
//! under this deployment's keys (so a reload keeps the session, closing the
//! tab ends it, and another app on the origin has its own): the API's bearer
//! token after a password sign-in, or the provider's tokens (`oidc`). The
//! reactive [`Session`] mirrors them for the views.

use std::cell::Cell;

use crate::browser;
use leptos::prelude::*;

use crate::config::{self, Auth};
use crate::oidc;

const TOKEN_KEY: &str = "token";
const USER_KEY: &str = "user";

thread_local! {
    /// The session of the app, for [`expired`]: the API client has no context.
    static CURRENT: Cell<Option<Session>> = const { Cell::new(None) };
}

fn stored(name: &str) -> Option<String> {
    browser::session_item(&config::storage_key(name)).filter(|value| !value.is_empty())
}

fn store(name: &str, value: Option<&str>) {
    browser::set_session_item(&config::storage_key(name), value);
}

/// The bearer token of a password sign-in, if any.
pub fn stored_token() -> Option<String> {
    stored(TOKEN_KEY)
}

/// Who is signed in in this tab, as stored: the name to show.
fn stored_user() -> Option<String> {
    match config::auth() {
        Auth::Oidc(_) => oidc::identity().map(|identity| identity.name),
        Auth::Password => stored_token().map(|_| stored(USER_KEY).unwrap_or_default()),
        Auth::Broken(_) => None,
    }
}

/// Why a session ended without the user signing out: the sign-in page says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The sign-in expired or was revoked.
    Expired,
    /// The API wants multifactor authentication, which this sign-in lacks.
    MfaRequired,
}

#[derive(Debug, Clone, Copy)]
pub struct Session {
    /// The signed-in user's name (possibly empty); `None` when signed out.
    user: RwSignal<Option<String>>,
    ending: RwSignal<Option<Ending>>,
}

impl Session {
    /// The session stored in this tab, provided to every view.
    pub fn provide() -> Session {
        let session = Session {
            user: RwSignal::new(stored_user()),
            ending: RwSignal::new(None),
        };
        provide_context(session);
        CURRENT.set(Some(session));
        session
    }

    pub fn get() -> Session {
        use_context::<Session>().unwrap_or_else(Session::provide)
    }

    pub fn signed_in(&self) -> bool {
        self.user.with(Option::is_some)
    }

    /// The signed-in user's name, for the header.
    pub fn user_name(&self) -> Option<String> {
        self.user.get().filter(|name| !name.is_empty())
    }

    /// Why the last session ended, if it was not signed out.
    pub fn ending(&self) -> Option<Ending> {
        self.ending.get()
    }

    /// Signed in with a password: the API's token.
    pub fn start_with_token(&self, user_name: &str, token: &str) {
        store(TOKEN_KEY, Some(token));
        store(USER_KEY, Some(user_name));
        self.start(user_name.to_owned());
    }

    /// Signed in (the provider's tokens are stored already).
    pub fn start(&self, user_name: String) {
        self.ending.set(None);
        self.user.set(Some(user_name));
    }

    /// Signed out, or the API said the sign-in is no longer good.
    pub fn end(&self) {
        store(TOKEN_KEY, None);
        store(USER_KEY, None);
        self.user.set(None);
    }

    fn end_because(&self, ending: Ending) {
        oidc::forget();
        self.end();
        self.ending.set(Some(ending));
    }
}

/// The API refused the sign-in (expired, or signed out elsewhere): the
/// session ends, so the page asks to sign in and then comes back to it.
pub fn expired() {
    ended(Ending::Expired);
}

/// The session ends for `ending`, once: the other calls the page had in
/// flight fail the same way.
pub fn ended(ending: Ending) {
    match CURRENT.get() {
        Some(session) if session.user.with_untracked(Option::is_some) => {
            session.end_because(ending)
        }
        Some(_) => {}
        None => store(TOKEN_KEY, None),
    }
}
