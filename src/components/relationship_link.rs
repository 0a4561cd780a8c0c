use leptos::prelude::*;

const RELATIONSHIP_PATH: &str = "/customers/relationship-request";

/// The link to Request a relationship, for a sentence that offers it; in a
/// cloud without relationship requests (US Government) the words alone.
pub fn relationship_link(text: &'static str) -> AnyView {
    if crate::config::cloud().offers_relationship_requests() {
        view! { <a href=crate::config::href(RELATIONSHIP_PATH)>{text}</a> }.into_any()
    } else {
        text.into_any()
    }
}
