use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate};

use crate::api;
use crate::session::Session;

/// The service name, and Sign out while signed in.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    // Reads started by the page being left are no longer wanted.
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let current = pathname.get();
        if previous.is_some_and(|previous| previous != current) {
            api::cancel_requests_of_left_pages();
        }
        current
    });
    let sign_out = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            api::sign_out().await;
            session.end();
            navigate("/sign-in", Default::default());
        });
    };
    view! {
        <header class="site-header">
            <span class="site-header__name">"Partner Center"</span>
            <Show when=move || session.signed_in()>
                <button type="button" class="site-header__sign-out" on:click=sign_out.clone()>
                    "Sign out"
                </button>
            </Show>
        </header>
    }
}
