//! One module per page of the wizard.

/// `$route`, a route that shows `$page`, whose code (and whatever only it
/// uses) the `split` build moves into a wasm file of its own, fetched when
/// the page is first opened: the pages not needed to start adding a customer
/// add nothing to the first load. `$loader` names the split; it must be
/// unique. Without `split` (debug and test builds) the page is simply there.
macro_rules! lazy_route {
    ($route:ident, $loader:ident, $page:ident) => {
        pub struct $route;

        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_: Self) -> leptos::prelude::AnyView {
                $loader().await
            }
        }

        #[cfg_attr(feature = "split", leptos::lazy)]
        async fn $loader() -> leptos::prelude::AnyView {
            use leptos::prelude::IntoAny;
            leptos::prelude::view! { <$page /> }.into_any()
        }
    };
}

pub mod account_info;
pub mod confirmation;
pub mod customers;
pub mod from_file;
pub mod not_found;
pub mod relationship_request;
pub mod review;
pub mod sign_in;
pub mod subscriptions;

use confirmation::ConfirmationPage;
use customers::CustomersPage;
use from_file::FromFilePage;
use relationship_request::RelationshipRequestPage;
use review::ReviewPage;
use sign_in::SignInPage;

lazy_route!(SignInRoute, sign_in_page, SignInPage);
lazy_route!(CustomersRoute, customers_page, CustomersPage);
lazy_route!(ReviewRoute, review_page, ReviewPage);
lazy_route!(ConfirmationRoute, confirmation_page, ConfirmationPage);
lazy_route!(FromFileRoute, from_file_page, FromFilePage);
lazy_route!(
    RelationshipRequestRoute,
    relationship_request_page,
    RelationshipRequestPage
);
