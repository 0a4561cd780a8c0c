//! The offers of the draft's country, and what the chosen ones cost: the
//! arithmetic Subscriptions and Review share, in the UI language.

use std::cell::RefCell;
use std::collections::BTreeMap;

use customer_model::draft::ChosenOffer;
use customer_model::locale::Locale;
use customer_model::wire::{BillingCycle, Collection, Offer, Price};
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::format;
use crate::i18n::{self, billing_cycle_name};
use crate::wizard::Wizard;

/// "12,50 € per license, monthly", in the UI language: call it where a
/// language switch re-renders.
pub fn per_license(price: &Price) -> String {
    (i18n::subscriptions::texts().per_license)(
        &format::price(price.amount, &price.currency),
        &customer_model::text::lowercase(billing_cycle_name(price.billing_cycle)),
    )
}

/// The billing cycle an offer is bought with: its price's, else its first.
pub fn cycle_of(offer: &Offer) -> BillingCycle {
    offer
        .price
        .as_ref()
        .map(|price| price.billing_cycle)
        .or_else(|| offer.supported_billing_cycles.first().copied())
        .unwrap_or_default()
}

/// "Monthly total", in the UI language.
pub fn total_label(cycle: BillingCycle) -> String {
    (i18n::subscriptions::texts().total)(billing_cycle_name(cycle))
}

/// What the chosen offers cost per billing cycle and currency, formatted in
/// the UI language.
pub fn totals(catalogue: &[Offer], chosen: &[ChosenOffer]) -> Vec<(BillingCycle, String)> {
    let mut sums: BTreeMap<(BillingCycle, String), f64> = BTreeMap::new();
    for choice in chosen {
        let Some(price) = catalogue
            .iter()
            .find(|offer| offer.id == choice.offer_id)
            .and_then(|offer| offer.price.as_ref())
        else {
            continue;
        };
        *sums
            .entry((choice.billing_cycle, price.currency.clone()))
            .or_default() += price.amount * f64::from(choice.quantity);
    }
    sums.into_iter()
        .map(|((cycle, currency), amount)| (cycle, format::price(amount, &currency)))
        .collect()
}

type Catalogue = LocalResource<Result<Collection<Offer>, ApiError>>;

thread_local! {
    /// The catalogue last loaded, with its country and language: Review, and
    /// Subscriptions opened again, show it at once instead of asking again.
    static LOADED: RefCell<Option<(String, Locale, Collection<Offer>)>> =
        const { RefCell::new(None) };
}

/// Forgets the catalogue loaded: whoever signs in next may be offered others.
pub fn forget() {
    LOADED.set(None);
}

/// The offers of `country` in `locale`, as loaded before or from the API.
async fn offers_of(country: String, locale: Locale) -> Result<Collection<Offer>, ApiError> {
    let loaded = LOADED.with_borrow(|loaded| {
        loaded
            .as_ref()
            .filter(|(known, language, _)| *known == country && *language == locale)
            .map(|(_, _, offers)| offers.clone())
    });
    if let Some(offers) = loaded {
        return Ok(offers);
    }
    let answer = api::offers(&country).await;
    if let Ok(offers) = &answer {
        LOADED.set(Some((country, locale, offers.clone())));
    }
    answer
}

/// The offers of the draft's country, as loaded and as a list (empty until
/// then). The API names offers in the UI language (`X-Locale`), so a switch of
/// language loads them again; the list shown stays until the new one arrives.
pub fn catalogue_of(wizard: Wizard) -> (Catalogue, Memo<Vec<Offer>>) {
    let country = wizard.draft(|draft| draft.account.country.clone());
    let catalogue =
        LocalResource::new(move || offers_of(country.clone(), crate::locale::current()));
    let offers = Memo::new(move |_| match catalogue.get() {
        Some(Ok(list)) => list.items,
        _ => Vec::new(),
    });
    (catalogue, offers)
}

/// The chosen offers and what they cost, for Review: (name, licenses, price),
/// the price in the UI language.
pub fn chosen_lines(
    catalogue: &[Offer],
    chosen: &[ChosenOffer],
) -> Vec<(String, u32, Option<String>)> {
    chosen
        .iter()
        .map(|choice| {
            let offer = catalogue.iter().find(|offer| offer.id == choice.offer_id);
            let name = offer.map_or_else(|| choice.offer_id.clone(), |offer| offer.name.clone());
            let price = offer
                .and_then(|offer| offer.price.as_ref())
                .map(per_license);
            (name, choice.quantity, price)
        })
        .collect()
}
