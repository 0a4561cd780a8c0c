use leptos::html::Div;
use leptos::prelude::*;

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
                                        <a href=format!("#{id}")>{message}</a>
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
