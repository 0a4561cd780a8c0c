use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::{api, router};

/// What follows a change of page: the reads the old page started are no
/// longer wanted, and focus moves to the new page's heading, so that keyboard
/// and screen-reader users start at the top of what changed (and hear it).
#[component]
pub fn NavigationFollower() -> impl IntoView {
    Effect::new(move |previous: Option<String>| {
        let current = router::path();
        if previous.is_some_and(|previous| previous != current) {
            api::cancel_requests_of_left_pages();
            // The new page renders in this frame; a guard's redirect one later.
            request_animation_frame(|| request_animation_frame(focus_heading));
        }
        current
    });
}

fn focus_heading() {
    let heading = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.focus();
    }
}
