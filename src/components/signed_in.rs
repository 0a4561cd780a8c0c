use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::session::Session;

const SIGN_IN: &str = "/sign-in";

/// Shows its children to a signed-in user; sends anyone else to sign in, and
/// back here afterwards.
#[component]
pub fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let session = Session::get();
    let location = use_location();
    move || {
        if session.signed_in() {
            return children().into_any();
        }
        // The page's own path (the router puts the base path back), and its
        // query: Account info opened by Update returns to Review.
        let mut here = crate::config::route_of(&location.pathname.get_untracked());
        // Signing out navigates to Sign in while this page is still shown:
        // nothing to come back to there.
        if here == SIGN_IN {
            return view! { <Redirect path=SIGN_IN /> }.into_any();
        }
        let search = location.search.get_untracked();
        if !search.is_empty() {
            here = format!("{here}?{search}");
        }
        let here = String::from(js_sys::encode_uri_component(&here));
        view! { <Redirect path=format!("{SIGN_IN}?return={here}") /> }.into_any()
    }
}
