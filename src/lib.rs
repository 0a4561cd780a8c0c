//! Partner Center's "add a new customer" wizard, in the browser.
//!
//! `App` only wires routes; each page lives in `pages/`, all HTTP in `api`.

pub mod api;
pub mod components;
mod messages;
pub mod pages;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use pages::account_info::AccountInfoPage;
use pages::customers::CustomersPage;
use pages::not_found::NotFound;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <header class="site-header">"Partner Center"</header>
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=|| view! { <Redirect path="/customers" /> } />
                <Route path=path!("/customers") view=CustomersPage />
                <Route path=path!("/customers/new/account") view=AccountInfoPage />
            </Routes>
        </Router>
    }
}
