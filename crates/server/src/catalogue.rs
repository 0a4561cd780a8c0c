//! The offer catalogue (`GET /v1/offers`, `/v1/offercategories`): the demo
//! catalogue in `data/demo-catalogue.json`, or one given with `serve
//! --catalogue`, priced in the customer country's currency and named in the
//! language `X-Locale` asks for.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use customer_model::locale::Locale;
use customer_model::wire::{Attributes, BillingCycle, Collection, Offer, OfferCategory, Price};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Caller;
use crate::country_rules;
use crate::error::{ApiError, ApiResult};
use crate::extract::{PathParams, QueryParams};
use crate::{AppState, Settings};

const FILE: &str = include_str!("../data/demo-catalogue.json");

#[derive(Debug, Deserialize)]
struct Texts {
    en: String,
    hu: String,
    tr: String,
}

#[derive(Debug, Deserialize)]
struct CategoryEntry {
    id: String,
    rank: i64,
    name: Texts,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct OfferEntry {
    id: String,
    category: String,
    rank: i64,
    name: Texts,
    description: Texts,
    minimum_quantity: u32,
    maximum_quantity: u32,
    billing: String,
    supported_billing_cycles: Vec<BillingCycle>,
    price_billing_cycle: BillingCycle,
    term_duration: String,
    is_trial: bool,
    is_add_on: bool,
    unit_type: String,
    prices: HashMap<String, f64>,
}

/// The offers a server sells: categories, offers with their prices per
/// currency, and the currency of each country (USD where none is named).
#[derive(Debug, Deserialize)]
pub struct Catalogue {
    categories: Vec<CategoryEntry>,
    currencies: HashMap<String, String>,
    offers: Vec<OfferEntry>,
}

impl Catalogue {
    /// A catalogue in the shape of `data/demo-catalogue.json`, refused when
    /// an offer could never be listed or bought: a category that is not
    /// there, or license bounds that allow no count.
    pub fn from_json(text: &str) -> Result<Catalogue, String> {
        let catalogue: Catalogue = serde_json::from_str(text).map_err(|error| error.to_string())?;
        for offer in &catalogue.offers {
            if !catalogue.categories.iter().any(|c| c.id == offer.category) {
                return Err(format!(
                    "offer {} is in category {}, which is not among the categories",
                    offer.id, offer.category
                ));
            }
            if offer.minimum_quantity < 1 || offer.minimum_quantity > offer.maximum_quantity {
                return Err(format!(
                    "offer {}: minimumQuantity must be at least 1 and at most maximumQuantity",
                    offer.id
                ));
            }
        }
        Ok(catalogue)
    }
}

/// The embedded demo catalogue; a test proves it parses.
fn demo() -> ApiResult<&'static Catalogue> {
    static CATALOGUE: OnceLock<Result<Catalogue, String>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| Catalogue::from_json(FILE))
        .as_ref()
        .map_err(|error| ApiError::Internal(format!("demo catalogue unreadable: {error}")))
}

/// The catalogue the server was started with, else the demo one.
fn catalogue(settings: &Settings) -> ApiResult<&Catalogue> {
    match &settings.catalogue {
        Some(catalogue) => Ok(catalogue),
        None => demo(),
    }
}

/// The language `X-Locale` asks for (`hu-HU`, `tr`, …); English otherwise.
pub fn locale_of(headers: &HeaderMap) -> Locale {
    headers
        .get("x-locale")
        .and_then(|value| value.to_str().ok())
        .and_then(Locale::from_tag)
        .unwrap_or(Locale::En)
}

/// A catalogue text in `locale`.
fn pick(texts: &Texts, locale: Locale) -> String {
    match locale {
        Locale::En => &texts.en,
        Locale::Hu => &texts.hu,
        Locale::Tr => &texts.tr,
    }
    .clone()
}

fn category(entry: &CategoryEntry, country: &str, language: Locale) -> OfferCategory {
    OfferCategory {
        id: entry.id.clone(),
        name: pick(&entry.name, language),
        rank: entry.rank,
        locale: Some(language.culture().to_owned()),
        country: Some(country.to_owned()),
        attributes: Attributes::of("OfferCategory"),
    }
}

/// The offers sold in `country` (an ISO code we have rules for).
pub fn offers(settings: &Settings, country: &str, language: Locale) -> ApiResult<Vec<Offer>> {
    let catalogue = catalogue(settings)?;
    let currency = catalogue
        .currencies
        .get(country)
        .map_or("USD", String::as_str);
    let mut offers: Vec<Offer> = catalogue
        .offers
        .iter()
        .filter_map(|entry| {
            let category = catalogue
                .categories
                .iter()
                .find(|c| c.id == entry.category)?;
            Some(Offer {
                id: entry.id.clone(),
                name: pick(&entry.name, language),
                description: pick(&entry.description, language),
                minimum_quantity: entry.minimum_quantity,
                maximum_quantity: entry.maximum_quantity,
                rank: entry.rank,
                locale: Some(language.culture().to_owned()),
                country: Some(country.to_owned()),
                category: self::category(category, country, language),
                billing: Some(entry.billing.clone()),
                supported_billing_cycles: entry.supported_billing_cycles.clone(),
                is_trial: entry.is_trial,
                is_add_on: entry.is_add_on,
                is_available_for_purchase: true,
                unit_type: Some(entry.unit_type.clone()),
                price: entry.prices.get(currency).map(|amount| Price {
                    amount: *amount,
                    currency: currency.to_owned(),
                    billing_cycle: entry.price_billing_cycle,
                }),
                attributes: Attributes::of("Offer"),
            })
        })
        .collect();
    offers.sort_by_key(|offer| (offer.category.rank, offer.rank));
    Ok(offers)
}

/// The term a purchase of `offer_id` runs for (`P1Y`, `P1M`).
pub fn term_duration(settings: &Settings, offer_id: &str) -> Option<String> {
    catalogue(settings)
        .ok()?
        .offers
        .iter()
        .find(|entry| entry.id.eq_ignore_ascii_case(offer_id))
        .map(|entry| entry.term_duration.clone())
}

/// A country code we serve, upper-cased, or 400.
fn known_country(country: Option<&str>) -> ApiResult<String> {
    let country = country.map(str::trim).unwrap_or_default();
    country_rules::lookup(country)
        .map(|rules| rules.iso2_code.clone())
        .ok_or_else(|| {
            ApiError::BadInput(if country.is_empty() {
                "The country query parameter is required, e.g. ?country=US.".to_owned()
            } else {
                format!("{country} is not a country we sell in.")
            })
        })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OffersQuery {
    country: Option<String>,
    offer_category_id: Option<String>,
    offset: Option<usize>,
    size: Option<usize>,
}

/// `GET /v1/offers?country=…[&offer_category_id=…][&offset=…&size=…]`.
#[utoipa::path(get, path = "/offers", tag = "catalogue", params(OffersQuery, ("X-Locale" = Option<String>, Header, description = "en-US, hu-HU or tr-TR: the language of names and descriptions")),
    responses((status = 200, description = "Offers sold in the country", body = Collection<Offer>)))]
pub async fn list(
    State(state): State<AppState>,
    _caller: Caller,
    headers: HeaderMap,
    QueryParams(query): QueryParams<OffersQuery>,
) -> ApiResult<Json<Collection<Offer>>> {
    let country = known_country(query.country.as_deref())?;
    let mut offers = offers(&state.settings, &country, locale_of(&headers))?;
    if let Some(category) = query.offer_category_id.as_deref() {
        offers.retain(|offer| offer.category.id.eq_ignore_ascii_case(category));
    }
    let total = offers.len() as u64;
    let offset = query.offset.unwrap_or(0);
    let size = query.size.unwrap_or(usize::MAX);
    let page: Vec<Offer> = offers.into_iter().skip(offset).take(size).collect();
    Ok(Json(Collection {
        total_count: total,
        ..Collection::new(page)
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CountryQuery {
    country: Option<String>,
}

/// `GET /v1/offers/{id}?country=…`.
#[utoipa::path(get, path = "/offers/{id}", tag = "catalogue",
    params(("id" = String, Path, description = "The offer id"), CountryQuery, ("X-Locale" = Option<String>, Header, description = "en-US, hu-HU or tr-TR: the language of names and descriptions")),
    responses((status = 200, description = "The offer", body = Offer)))]
pub async fn get(
    State(state): State<AppState>,
    _caller: Caller,
    headers: HeaderMap,
    PathParams(id): PathParams<String>,
    QueryParams(query): QueryParams<CountryQuery>,
) -> ApiResult<Json<Offer>> {
    let country = known_country(query.country.as_deref())?;
    offers(&state.settings, &country, locale_of(&headers))?
        .into_iter()
        .find(|offer| offer.id.eq_ignore_ascii_case(&id))
        .map(Json)
        .ok_or(ApiError::NotFound)
}

/// `GET /v1/offercategories?country=…`.
#[utoipa::path(get, path = "/offercategories", tag = "catalogue", params(CountryQuery, ("X-Locale" = Option<String>, Header, description = "en-US, hu-HU or tr-TR: the language of names and descriptions")),
    responses((status = 200, description = "Offer categories", body = Collection<OfferCategory>)))]
pub async fn categories(
    State(state): State<AppState>,
    _caller: Caller,
    headers: HeaderMap,
    QueryParams(query): QueryParams<CountryQuery>,
) -> ApiResult<Json<Collection<OfferCategory>>> {
    let country = known_country(query.country.as_deref())?;
    let language = locale_of(&headers);
    let mut categories: Vec<OfferCategory> = catalogue(&state.settings)?
        .categories
        .iter()
        .map(|entry| category(entry, &country, language))
        .collect();
    categories.sort_by_key(|category| category.rank);
    Ok(Json(Collection::new(categories)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_catalogue_is_complete_in_every_language_and_currency() {
        let catalogue = demo().expect("the embedded catalogue parses");
        assert!(
            catalogue.offers.len() >= 30,
            "{} offers",
            catalogue.offers.len()
        );
        for category in &catalogue.categories {
            assert!(
                catalogue
                    .offers
                    .iter()
                    .any(|offer| offer.category == category.id),
                "{} has offers",
                category.id
            );
        }
        for offer in &catalogue.offers {
            for texts in [&offer.name, &offer.description] {
                assert!(
                    !texts.en.is_empty() && !texts.hu.is_empty() && !texts.tr.is_empty(),
                    "{}",
                    offer.id
                );
            }
            for currency in ["USD", "EUR", "GBP", "HUF", "TRY"] {
                assert!(
                    offer.prices.contains_key(currency),
                    "{} {currency}",
                    offer.id
                );
            }
            assert!(
                offer.minimum_quantity >= 1 && offer.minimum_quantity <= offer.maximum_quantity
            );
        }
    }

    #[test]
    fn offers_come_in_the_country_currency_and_the_asked_language() {
        let settings = Settings::default();
        let hungarian = offers(&settings, "HU", Locale::Hu).expect("offers");
        let price = hungarian[0].price.as_ref().expect("priced");
        assert_eq!(price.currency, "HUF");
        assert_eq!(hungarian[0].locale.as_deref(), Some("hu-HU"));
        let english = offers(&settings, "HU", Locale::En).expect("offers");
        assert_eq!(hungarian.len(), english.len());
        assert!(
            hungarian
                .iter()
                .zip(&english)
                .any(|(hu, en)| hu.description != en.description)
        );
        assert_eq!(
            offers(&settings, "TR", Locale::Tr).expect("offers")[0]
                .price
                .as_ref()
                .map(|p| p.currency.as_str()),
            Some("TRY")
        );
        assert_eq!(
            offers(&settings, "JP", Locale::En).expect("offers")[0]
                .price
                .as_ref()
                .map(|p| p.currency.as_str()),
            Some("USD")
        );
    }

    #[test]
    fn locales_pick_the_language() {
        let mut headers = HeaderMap::new();
        assert_eq!(locale_of(&headers), Locale::En);
        headers.insert("x-locale", "hu-HU".parse().expect("header"));
        assert_eq!(locale_of(&headers), Locale::Hu);
        headers.insert("x-locale", "TR".parse().expect("header"));
        assert_eq!(locale_of(&headers), Locale::Tr);
    }
}
