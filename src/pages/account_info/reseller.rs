//! An indirect provider's customer may belong to one of its indirect resellers.

use customer_model::wire::PartnerRelationship;
use leptos::prelude::*;

use crate::i18n::{api_error_message, t};
use crate::staff::Staff;
use crate::wizard::Wizard;

/// Keeps the draft's reseller (one a link named, or one restored) only if it
/// is among `known`, written as the list writes it and with its PartnerID;
/// otherwise drops it and returns its id, for the user to be told.
pub fn keep_known_reseller(wizard: Wizard, known: &[PartnerRelationship]) -> Option<String> {
    let (id, mpn_id) = wizard.state.with_untracked(|state| {
        (
            state.draft.reseller_id.clone(),
            state.draft.reseller_mpn_id.clone(),
        )
    });
    let id = id?;
    match known
        .iter()
        .find(|reseller| reseller.id.eq_ignore_ascii_case(id.trim()))
    {
        Some(reseller) => {
            if reseller.id != id || reseller.mpn_id != mpn_id {
                wizard.edit(|draft| {
                    draft.reseller_id = Some(reseller.id.clone());
                    draft.reseller_mpn_id = reseller.mpn_id.clone();
                });
            }
            None
        }
        None => {
            wizard.edit(|draft| {
                draft.reseller_id = None;
                draft.reseller_mpn_id = None;
            });
            Some(id)
        }
    }
}

/// The reseller choice; `unknown` gets the id of a reseller the draft named
/// that is not in the partner's list (and is cleared by a choice).
#[component]
pub fn ResellerField(unknown: RwSignal<Option<String>>) -> impl IntoView {
    let wizard = Wizard::get();
    let staff = Staff::get();
    Effect::new(move || {
        if let Some(Ok(resellers)) = staff.resellers()
            && let Some(id) = keep_known_reseller(wizard, &resellers)
        {
            unknown.set(Some(id));
        }
    });
    let choose = move |id: String, resellers: &[PartnerRelationship]| {
        let reseller = resellers.iter().find(|reseller| reseller.id == id);
        unknown.set(None);
        wizard.edit(|draft| {
            draft.reseller_id = reseller.map(|reseller| reseller.id.clone());
            draft.reseller_mpn_id = reseller.and_then(|reseller| reseller.mpn_id.clone());
        });
    };
    // Apart from the list: read where the list is built, any edit of the
    // draft (each keystroke in any field) would build it again.
    let chosen = Memo::new(move |_| wizard.draft(|draft| draft.reseller_id.clone()));
    view! {
        <div class="field">
            <label for="reseller">{t!(account.reseller_label)}</label>
            <span class="hint" id="reseller-hint">{t!(account.reseller_hint)}</span>
            {move || match staff.resellers() {
                None => view! { <p class="notice">{t!(account.resellers_loading)}</p> }.into_any(),
                Some(Err(error)) => {
                    view! { <p class="alert" role="alert">{move || api_error_message(&error)}</p> }.into_any()
                }
                Some(Ok(items)) => {
                    let options = items.clone();
                    view! {
                        <select
                            id="reseller"
                            aria-describedby="reseller-hint"
                            on:change=move |ev| choose(event_target_value(&ev), &items)
                        >
                            <option value="">{t!(account.reseller_none)}</option>
                            {options
                                .into_iter()
                                .map(|reseller| {
                                    let id = reseller.id.clone();
                                    let selected = move || chosen.with(|chosen| chosen.as_deref() == Some(id.as_str()));
                                    view! {
                                        <option value=reseller.id prop:selected=selected>
                                            {reseller.name}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
