use leptos::prelude::*;

use crate::router;
use crate::session::Session;

const SIGN_IN: &str = "/sign-in";

/// Shows `page` to a signed-in user; sends anyone else to sign in, and back
/// here afterwards.
#[component]
pub fn SignedIn(page: fn() -> AnyView) -> impl IntoView {
    let session = Session::get();
    move || {
        if session.signed_in() {
            return page();
        }
        // The page's own path and query: Account info opened by Update
        // returns to Review.
        let here = router::here();
        // Signing out navigates to Sign in while this page is still shown:
        // nothing to come back to there.
        if here.split('?').next() == Some(SIGN_IN) {
            router::navigate(SIGN_IN);
        } else {
            let here = String::from(js_sys::encode_uri_component(&here));
            router::navigate(&format!("{SIGN_IN}?return={here}"));
        }
        ().into_any()
    }
}
