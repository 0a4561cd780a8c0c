use customer_model::validation::{self, Severity};
use leptos::ev::SubmitEvent;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::components::error_summary::ErrorSummary;
use crate::components::text_field::TextField;
use crate::messages::issue_message;

const COMPANY_NAME_ID: &str = "company-name";

/// Step 1 of the wizard: who the customer is.
#[component]
pub fn AccountInfoPage() -> impl IntoView {
    let company_name = RwSignal::new(String::new());
    let company_name_issues =
        Signal::derive(move || company_name.with(|name| validation::company_name(name)));
    let attempted = RwSignal::new(false);
    let summary = NodeRef::<Div>::new();
    let errors = Signal::derive(move || {
        if !attempted.get() {
            return Vec::new();
        }
        company_name_issues
            .get()
            .iter()
            .filter(|issue| issue.severity == Severity::Error)
            .map(|issue| (COMPANY_NAME_ID, issue_message(issue)))
            .collect()
    });
    let title = move || {
        let prefix = if errors.with(Vec::is_empty) {
            ""
        } else {
            "Error: "
        };
        format!("{prefix}Account info – Add customer – Partner Center")
    };
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let blocked = company_name_issues
            .get_untracked()
            .iter()
            .any(|issue| issue.severity == Severity::Error);
        if blocked {
            // The summary is shown by the next render; focus it after that.
            request_animation_frame(move || {
                if let Some(summary) = summary.get_untracked() {
                    let _ = summary.focus();
                }
            });
        } else {
            navigate("/customers/new/subscriptions", Default::default());
        }
    };
    view! {
        <Title text=title />
        <main>
            <a class="back-link" href="/customers">
                "Back to customers"
            </a>
            <ErrorSummary errors=errors node_ref=summary />
            <h1>"Account info"</h1>
            <p class="guidance">
                "Enter the customer's exact legal name, as it appears on official documents. "
                "Avoid acronyms, short forms and test names, and give the full, exact address."
            </p>
            <form novalidate on:submit=on_submit>
                <TextField
                    id=COMPANY_NAME_ID
                    label="Company name"
                    hint="The exact legal name, for example Contoso Ltd."
                    value=company_name
                    issues=company_name_issues
                    reveal=attempted
                />
                <button type="submit" class="button">
                    "Next: Subscriptions"
                </button>
            </form>
        </main>
    }
}
