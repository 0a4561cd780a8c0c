use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::t;

/// Focuses a summary the next render shows (after a failed submit).
pub fn focus_when_shown(summary: NodeRef<Div>) {
    request_animation_frame(move || {
        if let Some(summary) = summary.get_untracked() {
            let _ = summary.focus();
        }
    });
}

/// "There is a problem": one link per error, to the field it concerns. The page
/// focuses it (through `node_ref`) after a failed submit.
#[component]
pub fn ErrorSummary(
    /// (input id, message) pairs; the summary is hidden while this is empty.
    #[prop(into)]
    errors: Signal<Vec<(String, String)>>,
    node_ref: NodeRef<Div>,
) -> impl IntoView {
    view! {
        <div
            class="error-summary"
            tabindex="-1"
            aria-labelledby="error-summary-title"
            node_ref=node_ref
            hidden=move || errors.with(Vec::is_empty)
        >
            <div role="alert">
                <h2 id="error-summary-title">{t!(common.error_summary_title)}</h2>
                <ul>
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|(id, message)| {
                                view! {
                                    <li>
                                        <FieldLink id>{message}</FieldLink>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </div>
    }
}

/// A link to a field of this page: `#id`. The app's `<base href>` would make
/// the browser (and the router) read that as the base's own page, so the click
/// goes to the field here instead: its label scrolled into view, its input
/// focused, as the summaries' links are expected to do. The listener is on the
/// link itself (Leptos does not delegate events here), so it runs before the
/// router's, which listens on the window.
#[component]
pub fn FieldLink(#[prop(into)] id: String, children: Children) -> impl IntoView {
    let href = format!("#{id}");
    view! {
        <a
            href=href
            on:click=move |ev| {
                ev.prevent_default();
                go_to_field(&id);
            }
        >
            {children()}
        </a>
    }
}

fn go_to_field(id: &str) {
    let Some(target) = document().get_element_by_id(id) else {
        return;
    };
    let around = target
        .closest(".field, fieldset")
        .ok()
        .flatten()
        .unwrap_or_else(|| target.clone());
    around.scroll_into_view();
    if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = target.focus();
    }
}
