//! Partner Center's "add a new customer" wizard, in the browser.
//!
//! `App` only wires routes; each page lives in `pages/`, all HTTP in `api`.

pub mod api;
pub mod components;
pub mod config;
mod messages;
pub mod pages;
pub mod session;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use components::signed_in::SignedIn;
use components::site_header::SiteHeader;
use pages::account_info::AccountInfoPage;
use pages::customers::CustomersPage;
use pages::not_found::NotFound;
use pages::sign_in::SignInPage;
use session::Session;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    Session::provide();
    view! {
        <Router>
            <SiteHeader />
            <Routes fallback=NotFound>
                <Route path=path!("/") view=|| view! { <Redirect path="/customers" /> } />
                <Route path=path!("/sign-in") view=SignInPage />
                <Route
                    path=path!("/customers")
                    view=|| view! { <SignedIn><CustomersPage /></SignedIn> }
                />
                <Route
                    path=path!("/customers/new/account")
                    view=|| view! { <SignedIn><AccountInfoPage /></SignedIn> }
                />
            </Routes>
        </Router>
    }
}
