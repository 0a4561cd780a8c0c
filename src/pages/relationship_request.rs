//! For a customer that already has a tenant: the invitation to accept us as
//! its partner, sent by the partner's own email.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api;
use crate::messages::api_error_message;
use crate::pages::confirmation::copy_to_clipboard;
use crate::wizard::Wizard;

fn invitation_text(url: &str, partner: &str) -> String {
    format!(
        "Hello,\n\nWe would like to become your Microsoft Cloud Solution Provider partner. \
         Please ask your Global admin to open the link below, review the request and accept it:\n\n\
         {url}\n\nKind regards,\n{partner}"
    )
}

#[component]
pub fn RelationshipRequestPage() -> impl IntoView {
    let wizard = Wizard::get();
    let reseller = wizard.draft(|draft| draft.reseller_id.clone());
    let invitation = LocalResource::new(move || api::relationship_request(reseller.clone()));
    let me = LocalResource::new(api::me);
    let text = RwSignal::new(None::<String>);
    Effect::new(move || {
        if text.with_untracked(Option::is_some) {
            return;
        }
        if let (Some(Ok(invitation)), Some(me)) = (invitation.get(), me.get()) {
            let partner = me.map(|me| me.partner.name).unwrap_or_default();
            text.set(Some(invitation_text(&invitation.url, &partner)));
        }
    });
    let copied = RwSignal::new(None::<&'static str>);
    let mailto = move || {
        let body = text.get().unwrap_or_default();
        format!(
            "mailto:?subject={}&body={}",
            js_sys::encode_uri_component("Request for a reseller relationship"),
            js_sys::encode_uri_component(&body)
        )
    };
    view! {
        <Title text="Request a relationship – Partner Center" />
        <main>
            <a class="back-link" href="/customers/new/account">"Back to account info"</a>
            <h1 tabindex="-1">"Request a relationship"</h1>
            <p>
                "A customer that already has a tenant must not be created again. Send its Global admin this invitation: "
                "once they accept it, the customer appears in your customer list."
            </p>
            {move || match invitation.get() {
                None => view! { <p class="notice">"Loading the invitation…"</p> }.into_any(),
                Some(Err(error)) => view! {
                    <p class="alert" role="alert">{api_error_message(&error)}</p>
                }.into_any(),
                Some(Ok(request)) => view! {
                    <div class="field">
                        <label for="invitation-link">"Invitation link"</label>
                        <input type="text" id="invitation-link" readonly prop:value=request.url.clone() />
                    </div>
                }.into_any(),
            }}
            <div class="field">
                <label for="invitation-email">"Email text"</label>
                <span class="hint" id="invitation-email-hint">"Edit it as you like before you send it."</span>
                <textarea
                    id="invitation-email"
                    rows="12"
                    aria-describedby="invitation-email-hint"
                    prop:value=move || text.get().unwrap_or_default()
                    on:input=move |ev| text.set(Some(event_target_value(&ev)))
                ></textarea>
            </div>
            <div class="button-group">
                <button
                    type="button"
                    class="button button--secondary"
                    id="copy-invitation"
                    on:click=move |_| copy_to_clipboard(text.get_untracked().unwrap_or_default(), copied)
                >
                    "Copy to clipboard"
                </button>
                <a class="button button--secondary" id="email-invitation" href=mailto>"Open in email"</a>
                <a class="button" href="/customers" id="relationship-done">"Done"</a>
            </div>
            <p aria-live="polite" class="hint">{move || copied.get()}</p>
        </main>
    }
}
