//! For a customer that already has a tenant: the invitation to accept us as
//! its partner, sent by the partner's own email.

use leptos::prelude::*;

use crate::api;
use crate::components::clipboard::{Copied, copied_message, copy_to_clipboard};
use crate::components::title::Title;
use crate::config::href;
use crate::i18n::{self, api_error_message, page_title, t};
use crate::staff::Staff;
use crate::wizard::{Step, Wizard};

#[component]
pub fn RelationshipRequestPage() -> impl IntoView {
    let wizard = Wizard::get();
    let reseller = wizard.draft(|draft| draft.reseller_id.clone());
    let invitation = LocalResource::new(move || api::relationship_request(reseller.clone()));
    let staff = Staff::get();
    staff.retry_failures();
    // The user's own text once they edit it; until then the default text,
    // which follows a switch of language.
    let edited = RwSignal::new(None::<String>);
    let text = Signal::derive(move || {
        if let Some(text) = edited.get() {
            return text;
        }
        match (invitation.get(), staff.me()) {
            (Some(Ok(invitation)), Some(me)) => {
                let partner = me.map(|me| me.partner.name).unwrap_or_default();
                (i18n::relationship::texts().email_body)(&invitation.url, &partner)
            }
            _ => String::new(),
        }
    });
    let copied = RwSignal::new(None::<Copied>);
    let mailto = move || {
        format!(
            "mailto:?subject={}&body={}",
            js_sys::encode_uri_component(i18n::relationship::texts().email_subject),
            js_sys::encode_uri_component(&text.get())
        )
    };
    view! {
        <Title text=move || page_title(&[i18n::relationship::texts().title], false) />
        <main>
            <a class="back-link" href=href(Step::Account.path())>{t!(relationship.back_to_account)}</a>
            <h1 tabindex="-1">{t!(relationship.title)}</h1>
            <p>{t!(relationship.intro)}</p>
            {move || match invitation.get() {
                None => view! { <p class="notice">{t!(relationship.loading)}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <p class="alert" role="alert">{move || api_error_message(&error)}</p>
                }.into_any(),
                Some(Ok(request)) => view! {
                    <div class="field">
                        <label for="invitation-link">{t!(relationship.link_label)}</label>
                        <input type="text" id="invitation-link" readonly prop:value=request.url.clone() />
                    </div>
                }.into_any(),
            }}
            <div class="field">
                <label for="invitation-email">{t!(relationship.email_label)}</label>
                <span class="hint" id="invitation-email-hint">{t!(relationship.email_hint)}</span>
                <textarea
                    id="invitation-email"
                    rows="12"
                    aria-describedby="invitation-email-hint"
                    prop:value=move || text.get()
                    on:input=move |ev| edited.set(Some(event_target_value(&ev)))
                ></textarea>
            </div>
            <div class="button-group">
                <button
                    type="button"
                    class="button button--secondary"
                    id="copy-invitation"
                    on:click=move |_| copy_to_clipboard(text.get_untracked(), copied)
                >
                    {t!(relationship.copy)}
                </button>
                <a class="button button--secondary" id="email-invitation" href=mailto>{t!(relationship.open_in_email)}</a>
                <a class="button" href=href("/customers") id="relationship-done">{t!(relationship.done)}</a>
            </div>
            <p aria-live="polite" class="hint">{copied_message(copied)}</p>
        </main>
    }
}
