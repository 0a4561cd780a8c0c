//! One module per page of the wizard.

/// `$route`, the [`SplitPage`] of `$page`, whose code (and whatever only it
/// uses) the `split` build moves into a wasm file of its own, fetched when
/// the page is first opened or [`preload`]ed: the pages not needed to start
/// adding a customer add nothing to the first load. `$split` names the piece
/// and must be unique. A piece that cannot be fetched shows [`NotLoaded`],
/// and is asked for again the next time. Without `split` (debug and test
/// builds) the page is simply there.
// Not formatted: rustfmt indents the `cfg_attr` below further on every run.
#[rustfmt::skip]
macro_rules! lazy_route {
    ($route:ident, $split:ident, $page:ident) => {
        pub struct $route;

        impl $crate::pages::SplitPage for $route {
            async fn view() -> leptos::prelude::AnyView {
                #[cfg(feature = "split")]
                let page = $split::load().await;
                #[cfg(not(feature = "split"))]
                let page = $split::load();
                page.unwrap_or_else(|_| {
                    leptos::prelude::IntoAny::into_any(leptos::prelude::view! { <NotLoaded /> })
                })
            }

            async fn preload() {
                // A failure shows when the page is opened, and is asked again then.
                #[cfg(feature = "split")]
                let _ = $split::preload().await;
            }
        }

        mod $split {
            use leptos::prelude::{AnyView, IntoAny, view};
            use leptos::wasm_split::SplitLoaderError;

            use super::$page;

            #[cfg_attr(
                feature = "split",
                leptos::wasm_split::wasm_split(
                    $split,
                    fallible,
                    wasm_split_path = ::leptos::wasm_split,
                    preload(preload)
                )
            )]
            pub fn load() -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <$page /> }.into_any())
            }
        }
    };
}

/// A page made by [`lazy_route!`]: its code is fetched when first needed.
pub trait SplitPage {
    /// The page once its code is in, or [`NotLoaded`] if it could not be
    /// fetched.
    fn view() -> impl Future<Output = leptos::prelude::AnyView>;
    /// Fetches the page's code without showing it.
    fn preload() -> impl Future<Output = ()>;
}

/// `Page`, shown once its code is in (at once when it already is).
pub fn lazy_page<Page: SplitPage + 'static>() -> leptos::prelude::AnyView {
    use leptos::prelude::IntoAny;
    // The page's future is not `Send`; the app has one thread.
    leptos::prelude::Suspend::new(send_wrapper::SendWrapper::new(Page::view())).into_any()
}

/// Fetches `Page`'s code while the browser has nothing else to do, so that
/// the step it leads to opens at once (a no-op without `split`).
pub fn preload<Page: SplitPage + 'static>() {
    fetch_when_idle(Page::preload);
}

/// Runs `fetch`, which fetches a piece of the `split` build's code, once
/// the browser has nothing else to do.
pub fn fetch_when_idle<Fetch: Future<Output = ()> + 'static>(fetch: fn() -> Fetch) {
    leptos::prelude::request_idle_callback(move || leptos::task::spawn_local(fetch()));
}

pub mod account_info;
pub mod confirmation;
pub mod customers;
pub mod from_file;
pub mod not_found;
pub mod not_loaded;
pub mod relationship_request;
pub mod review;
pub mod sign_in;
pub mod subscriptions;

use confirmation::ConfirmationPage;
use customers::CustomersPage;
use from_file::FromFilePage;
use not_loaded::NotLoaded;
use relationship_request::RelationshipRequestPage;
use review::ReviewPage;
use sign_in::AuthCallbackPage;
use sign_in::SignInPage;
use subscriptions::SubscriptionsPage;

lazy_route!(SignInRoute, sign_in_page, SignInPage);
lazy_route!(AuthCallbackRoute, auth_callback_page, AuthCallbackPage);
lazy_route!(CustomersRoute, customers_page, CustomersPage);
lazy_route!(SubscriptionsRoute, subscriptions_page, SubscriptionsPage);
lazy_route!(ReviewRoute, review_page, ReviewPage);
lazy_route!(ConfirmationRoute, confirmation_page, ConfirmationPage);
lazy_route!(FromFileRoute, from_file_page, FromFilePage);
lazy_route!(
    RelationshipRequestRoute,
    relationship_request_page,
    RelationshipRequestPage
);
