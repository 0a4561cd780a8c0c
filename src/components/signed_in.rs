use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::session::Session;

/// Shows its children to a signed-in user; sends anyone else to sign in, and
/// back here afterwards.
#[component]
pub fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let session = Session::get();
    let location = use_location();
    move || {
        if session.signed_in() {
            children().into_any()
        } else {
            // The query too: Account info opened by Update returns to Review.
            let mut here = location.pathname.get_untracked();
            let search = location.search.get_untracked();
            if !search.is_empty() {
                here = format!("{here}?{search}");
            }
            let here = String::from(js_sys::encode_uri_component(&here));
            view! { <Redirect path=format!("/sign-in?return={here}") /> }.into_any()
        }
    }
}
