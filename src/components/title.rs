use leptos::prelude::*;

/// Names the page in the browser's tab and history, and for screen readers
/// (WCAG 2.4.2 Page Titled): the document's title follows `text` while the
/// page is shown. Not `leptos_meta`'s: the rest of that crate (the head's
/// other tags, server rendering) would be bytes on every first load.
#[component]
pub fn Title(#[prop(into)] text: Signal<String>) -> impl IntoView {
    Effect::new(move || document().set_title(&text.get()));
}
