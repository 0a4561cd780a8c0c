//! Partner Center's "add a new customer" wizard, in the browser.
//!
//! `App` only wires pages to paths; each page lives in `pages/`, all HTTP in `api`.

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
mod router;
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
    pub use crate::i18n::texts_in;
    pub use crate::locale::current as current_locale;
    pub use crate::locale::set as set_locale;
    pub use crate::pages::account_info::{AccountInfoPage, AddressFields};
    pub use crate::wizard::{Step, Wizard};
    pub use customer_model::locale::Locale;
}

use leptos::prelude::*;

use components::navigation::NavigationFollower;
use components::signed_in::SignedIn;
use components::site_header::SiteHeader;
use pages::account_info::AccountInfoPage;
use pages::not_found::NotFound;
use pages::{
    AuthCallbackRoute, ConfirmationRoute, CustomersRoute, FromFileRoute, RelationshipRequestRoute,
    ReviewRoute, SignInRoute, SubscriptionsRoute, lazy_page,
};
use session::Session;
use staff::Staff;
use wizard::Wizard;

/// Every page of the app, by the path that opens it.
#[derive(Clone, Copy, PartialEq)]
enum Page {
    Start,
    SignIn,
    Customers,
    AccountInfo,
    Subscriptions,
    Review,
    Confirmation,
    FromFile,
    RelationshipRequest,
    /// The identity provider's way back: its path is configured
    /// (`auth.redirectPath`).
    ProviderReturn,
    /// A page that does not exist.
    Elsewhere,
}

impl Page {
    fn at(path: &str) -> Self {
        match path {
            "/" => Self::Start,
            "/sign-in" => Self::SignIn,
            "/customers" => Self::Customers,
            "/customers/new/account" => Self::AccountInfo,
            "/customers/new/subscriptions" => Self::Subscriptions,
            "/customers/new/review" => Self::Review,
            "/customers/new/confirmation" => Self::Confirmation,
            "/customers/new/from-file" => Self::FromFile,
            "/customers/relationship-request" => Self::RelationshipRequest,
            _ if oidc::is_callback(path) => Self::ProviderReturn,
            _ => Self::Elsewhere,
        }
    }

    fn view(self) -> AnyView {
        match self {
            Self::Start => {
                router::replace("/customers");
                ().into_any()
            }
            Self::SignIn => lazy_page::<SignInRoute>(),
            Self::ProviderReturn => lazy_page::<AuthCallbackRoute>(),
            Self::Elsewhere => view! { <NotFound /> }.into_any(),
            // Every page below needs a signed-in user.
            Self::Customers => signed_in(lazy_page::<CustomersRoute>),
            Self::AccountInfo => signed_in(|| view! { <AccountInfoPage /> }.into_any()),
            Self::Subscriptions => signed_in(lazy_page::<SubscriptionsRoute>),
            Self::Review => signed_in(lazy_page::<ReviewRoute>),
            Self::Confirmation => signed_in(lazy_page::<ConfirmationRoute>),
            Self::FromFile => signed_in(lazy_page::<FromFileRoute>),
            Self::RelationshipRequest => signed_in(lazy_page::<RelationshipRequestRoute>),
        }
    }
}

fn signed_in(page: fn() -> AnyView) -> AnyView {
    view! { <SignedIn page /> }.into_any()
}

#[component]
pub fn App() -> impl IntoView {
    locale::start();
    router::start();
    let session = Session::provide();
    Staff::provide(session);
    Wizard::provide();
    // The path under index.html's `<base href>` (`/` or e.g. `/wizard/`).
    let page = Memo::new(|_| Page::at(&router::path()));
    view! {
        <NavigationFollower />
        <SiteHeader />
        {move || page.get().view()}
    }
}
