use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n;

/// Focuses a summary the next render shows (after a failed submit).
pub fn focus_when_shown(summary: NodeRef<Div>) {
    request_animation_frame(move || {
        if let Some(summary) = summary.get_untracked() {
            let _ = summary.focus();
        }
    });
}

/// What a summary lists: the problems that stop the user, or the warnings
/// they may accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concern {
    Errors,
    Warnings,
}

/// "There is a problem" (or "Check these answers"): one link per item, to
/// the field it concerns, then `children` (what the user may do about it).
/// The page focuses it (through `node_ref`) after a failed submit.
#[component]
pub fn Summary(
    concern: Concern,
    /// (input id, message) pairs; the summary is hidden while this is empty.
    #[prop(into)]
    items: Signal<Vec<(String, String)>>,
    node_ref: NodeRef<Div>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let (class, title_id) = match concern {
        Concern::Errors => ("error-summary", "error-summary-title"),
        Concern::Warnings => ("warning-summary", "warning-summary-title"),
    };
    let title = move || match concern {
        Concern::Errors => i18n::common::texts().error_summary_title,
        Concern::Warnings => i18n::account::texts().warnings_title,
    };
    view! {
        <div
            class=class
            tabindex="-1"
            aria-labelledby=title_id
            node_ref=node_ref
            hidden=move || items.with(Vec::is_empty)
        >
            <div role="alert">
                <h2 id=title_id>{title}</h2>
                <ul>
                    {move || {
                        items
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
                {children.map(|children| children())}
            </div>
        </div>
    }
}

/// The errors' [`Summary`].
#[component]
pub fn ErrorSummary(
    #[prop(into)] errors: Signal<Vec<(String, String)>>,
    node_ref: NodeRef<Div>,
) -> impl IntoView {
    view! { <Summary concern=Concern::Errors items=errors node_ref /> }
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
