//! One offer on Subscriptions: chosen or not, its licence count within its
//! bounds, and its error — the shared rules' or what the server said.

use customer_model::draft::ChosenOffer;
use customer_model::validation::Issue;
use customer_model::wire::Offer;
use leptos::prelude::*;

use crate::catalogue::{cycle_of, per_license};
use crate::components::field_error::FieldError;
use crate::components::form::quantity_id;
use crate::format;
use crate::i18n::{self, issue_message, t};
use crate::wizard::Wizard;

/// Editing an offer's choice ends what the server said about it.
fn forget_server_issues(wizard: Wizard, offer_id: &str) {
    let about = |issue: &Issue| issue.params.get("offerId").map(String::as_str) == Some(offer_id);
    if wizard
        .server_issues
        .with_untracked(|issues| issues.iter().any(about))
    {
        wizard
            .server_issues
            .update(|issues| issues.retain(|issue| !about(issue)));
    }
}

#[component]
pub fn OfferRow(
    offer: Offer,
    /// The offers as loaded now: a row keeps its input when they reload in
    /// another language, and shows their new names.
    offers: Memo<Vec<Offer>>,
    issues: Memo<Vec<Issue>>,
    #[prop(into)] reveal: Signal<bool>,
    locked: bool,
) -> impl IntoView {
    let wizard = Wizard::get();
    let offer_id = offer.id.clone();
    let checkbox_id = format!("offer-{}", offer.id);
    let quantity_input = quantity_id(&offer.id);
    let (min, max) = (offer.minimum_quantity.max(1), offer.maximum_quantity.max(1));
    let cycle = cycle_of(&offer);
    let chosen = {
        let offer_id = offer_id.clone();
        Memo::new(move |_| {
            wizard.draft(|draft| {
                draft
                    .offers
                    .iter()
                    .find(|choice| choice.offer_id == offer_id)
                    .map(|choice| choice.quantity)
            })
        })
    };
    let typed = RwSignal::new(chosen.get_untracked().unwrap_or(min).to_string());
    let toggle = {
        let offer_id = offer_id.clone();
        move |ev| {
            let checked = event_target_checked(&ev);
            let quantity = typed.get_untracked().trim().parse().unwrap_or(min);
            wizard.edit(|draft| {
                draft.offers.retain(|choice| choice.offer_id != offer_id);
                if checked {
                    draft.offers.push(ChosenOffer {
                        offer_id: offer_id.clone(),
                        quantity,
                        billing_cycle: cycle,
                    });
                }
            });
            forget_server_issues(wizard, &offer_id);
        }
    };
    let set_quantity = {
        let offer_id = offer_id.clone();
        move |ev| {
            let text = event_target_value(&ev);
            typed.set(text.clone());
            let quantity = text.trim().parse().unwrap_or(0);
            wizard.edit(|draft| {
                if let Some(choice) = draft
                    .offers
                    .iter_mut()
                    .find(|choice| choice.offer_id == offer_id)
                {
                    choice.quantity = quantity;
                }
            });
            forget_server_issues(wizard, &offer_id);
        }
    };
    let error = {
        let offer_id = offer_id.clone();
        Signal::derive(move || {
            if !reveal.get() {
                let out_of_range = chosen
                    .get()
                    .is_some_and(|quantity| !(min..=max).contains(&quantity));
                if !out_of_range {
                    return None;
                }
            }
            issues.with(|issues| {
                issues
                    .iter()
                    .find(|issue| issue.params.get("offerId") == Some(&offer_id))
                    .map(issue_message)
            })
        })
    };
    let live = {
        let offer_id = offer_id.clone();
        Memo::new(move |_| {
            offers.with(|offers| {
                offers
                    .iter()
                    .find(|current| current.id == offer_id)
                    .map(|current| {
                        (
                            current.name.clone(),
                            current.description.clone(),
                            current.price.clone(),
                        )
                    })
                    .unwrap_or_else(|| {
                        (
                            offer.name.clone(),
                            offer.description.clone(),
                            offer.price.clone(),
                        )
                    })
            })
        })
    };
    let price = move || {
        live.with(|(_, _, price)| price.as_ref().map(per_license))
            .map(|price| view! { <span class="offer__price">{price}</span> })
    };
    let error_id = format!("{quantity_input}-error");
    let hint_id = format!("{quantity_input}-hint");
    view! {
        <li class="offer" class=("offer--chosen", move || chosen.with(Option::is_some))>
            <div class="checkbox">
                <input
                    type="checkbox"
                    id=checkbox_id.clone()
                    prop:checked=move || chosen.with(Option::is_some)
                    prop:disabled=locked
                    on:change=toggle
                    aria-describedby=format!("{checkbox_id}-description")
                />
                <label for=checkbox_id.clone()>{move || live.with(|(name, _, _)| name.clone())}</label>
                <p class="hint" id=format!("{checkbox_id}-description")>
                    {move || live.with(|(_, description, _)| description.clone())}
                    {price}
                </p>
            </div>
            <Show when=move || chosen.with(Option::is_some)>
                <div class="field field--inline" class=("field--error", move || error.with(Option::is_some))>
                    <label for=quantity_input.clone()>{t!(common.licenses_label)}</label>
                    <span class="hint" id=hint_id.clone()>
                        {move || {
                            (i18n::subscriptions::texts().licenses_hint)(
                                &format::number(f64::from(min)),
                                &format::number(f64::from(max)),
                            )
                        }}
                    </span>
                    <FieldError id=error_id.clone() message=error />
                    <input
                        type="number"
                        inputmode="numeric"
                        id=quantity_input.clone()
                        class="input--4"
                        min=min
                        max=max
                        prop:disabled=locked
                        prop:value=move || typed.get()
                        on:input=set_quantity.clone()
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=format!("{hint_id} {error_id}")
                    />
                </div>
            </Show>
        </li>
    }
}
