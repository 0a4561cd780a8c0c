//! Partner Center's "add a new customer" wizard, in the browser.
//!
//! `App` only wires routes; each page lives in `pages/`, all HTTP in `api`.

// No unwrap or expect on anything a user, a network or a file can influence:
// outside tests there are none at all, and the lint keeps it so.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

// Private modules, so that the dead-code lint sees every item; `testing`
// below is the surface the component and end-to-end tests use.
mod api;
mod browser;
mod catalogue;
mod components;
pub mod config;
mod countries;
mod format;
mod i18n;
mod locale;
mod oidc;
mod pages;
mod session;
mod staff;
mod waiting;
mod wizard;

/// What `tests/web.rs` and `tests/e2e/` drive directly.
pub mod testing {
    pub use crate::api::ApiError;
    pub use crate::components::form::DraftForm;
    pub use crate::components::site_header::SiteHeader;
    pub use crate::components::step_guard::StepGuard;
    pub use crate::components::text_field::TextField;
    pub use crate::format::sort_by_name;
    pub use crate::i18n::{texts, texts_in};
    pub use crate::locale::set as set_locale;
    pub use crate::pages::account_info::{AccountInfoPage, AddressFields};
    pub use crate::wizard::{Step, Wizard};
    pub use customer_model::locale::Locale;
}

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::{Lazy, path};

use components::navigation::NavigationFollower;
use components::signed_in::SignedIn;
use components::site_header::SiteHeader;
use pages::account_info::AccountInfoPage;
use pages::not_found::NotFound;
use pages::{
    AuthCallbackRoute, ConfirmationRoute, CustomersRoute, FromFileRoute, RelationshipRequestRoute,
    ReviewRoute, SignInRoute, SubscriptionsRoute,
};
use session::Session;
use staff::Staff;
use wizard::Wizard;

/// A path no route names: the identity provider's way back (its path is
/// configured, `auth.redirectPath`), or a page that does not exist.
#[component]
fn Elsewhere() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let route = config::route_of(&location.pathname.get_untracked());
    if oidc::is_callback(&route) {
        pages::lazy_page::<AuthCallbackRoute>().into_any()
    } else {
        view! { <NotFound /> }.into_any()
    }
}

/// The signed-in pages' parent: its child route, or Sign in for anyone else.
#[component]
fn SignedInPages() -> impl IntoView {
    view! {
        <SignedIn>
            <Outlet />
        </SignedIn>
    }
}

#[component]
pub fn App() -> impl IntoView {
    locale::start();
    let session = Session::provide();
    Staff::provide(session);
    Wizard::provide();
    view! {
        // Under the path index.html's `<base href>` names: `/` or e.g. `/wizard/`.
        <Router base=config::base_path()>
            <NavigationFollower />
            <SiteHeader />
            <Routes fallback=Elsewhere>
                <Route path=path!("/") view=|| view! { <Redirect path="/customers" /> } />
                <Route path=path!("/sign-in") view={Lazy::<SignInRoute>::new()} />
                // Every page below needs a signed-in user (SignedIn).
                <ParentRoute path=path!("") view=SignedInPages>
                    <Route path=path!("/customers") view={Lazy::<CustomersRoute>::new()} />
                    <Route path=path!("/customers/new/account") view=AccountInfoPage />
                    <Route path=path!("/customers/new/subscriptions") view={Lazy::<SubscriptionsRoute>::new()} />
                    <Route path=path!("/customers/new/review") view={Lazy::<ReviewRoute>::new()} />
                    <Route path=path!("/customers/new/confirmation") view={Lazy::<ConfirmationRoute>::new()} />
                    <Route path=path!("/customers/new/from-file") view={Lazy::<FromFileRoute>::new()} />
                    <Route path=path!("/customers/relationship-request") view={Lazy::<RelationshipRequestRoute>::new()} />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
