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
            let here = location.pathname.get_untracked();
            view! { <Redirect path=format!("/sign-in?return={here}") /> }.into_any()
        }
    }
}
