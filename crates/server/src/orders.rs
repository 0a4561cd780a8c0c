//! Buying for a customer: carts and their checkout (the wizard's path), the
//! single-call order, and the customer's orders.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use customer_model::validation::{self, Code, Field, Issue};
use customer_model::wire::{
    Attributes, BillingCycle, Cart, CartCheckoutResult, Collection, FaultCode, Offer, Order,
    OrderLineItem,
};
use sqlx::{Any, Transaction};

use crate::auth::Caller;
use crate::catalogue;
use crate::error::{ApiError, ApiResult, refuse_errors};
use crate::extract::{JsonWithBytes, PathParams};
use crate::idempotency::{self, Claim, Prior};
use crate::{AppState, audit, customers, db};

/// A cart can be checked out for a week after it was made.
const CART_LIFETIME_SECONDS: i64 = 7 * 86_400;

/// A purchase line before it becomes an order line.
struct Line {
    offer_id: String,
    quantity: u32,
    billing_cycle: Option<BillingCycle>,
    term_duration: Option<String>,
    /// The indirect reseller named as partner of record, if any.
    partner_of_record: Option<String>,
}

/// Each line's offer, sold in `country`, once per purchase, with a count in
/// its bounds, a billing cycle it supports and its own term; a partner of
/// record must be one of the partner's active resellers (by MPN ID).
async fn check_lines(
    state: &AppState,
    country: &str,
    headers: &HeaderMap,
    lines: &[Line],
) -> ApiResult<Vec<Offer>> {
    if lines.is_empty() {
        return Err(ApiError::BadInput(
            "lineItems must not be empty.".to_owned(),
        ));
    }
    let settings = &state.settings;
    let catalogue = catalogue::offers(settings, country, catalogue::locale_of(headers))?;
    let mut issues = Vec::new();
    let mut offers: Vec<Offer> = Vec::new();
    for line in lines {
        let Some(offer) = catalogue
            .iter()
            .find(|offer| offer.id.eq_ignore_ascii_case(line.offer_id.trim()))
        else {
            issues.push(
                Issue::error(Field::Quantity, Code::UnknownOffer)
                    .with_param("offerId", &line.offer_id),
            );
            continue;
        };
        // Two lines of one offer would each pass its licence maximum.
        if offers.iter().any(|seen| seen.id == offer.id) {
            return Err(ApiError::BadInput(format!(
                "{} is on more than one line; put its whole quantity on one line.",
                offer.id
            )));
        }
        issues.extend(validation::quantity(offer, line.quantity));
        let term = catalogue::term_duration(settings, &offer.id);
        if let (Some(asked), Some(term)) = (&line.term_duration, &term)
            && !asked.trim().eq_ignore_ascii_case(term)
        {
            return Err(ApiError::BadInput(format!(
                "{} is sold for the term {term}, not {asked}.",
                offer.id
            )));
        }
        if let Some(reseller) = line
            .partner_of_record
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty())
        {
            check_partner_of_record(state, reseller).await?;
        }
        if let Some(cycle) = line.billing_cycle
            && !offer.supported_billing_cycles.contains(&cycle)
        {
            return Err(ApiError::BadInput(format!(
                "{} cannot be billed {cycle:?}; it supports {:?}.",
                offer.id, offer.supported_billing_cycles
            )));
        }
        offers.push(offer.clone());
    }
    refuse_errors(issues)?;
    // `serve --fail-field lineItems.quantity`: a count the client's
    // catalogue allows and the server refuses, for its tests.
    if let (Some(_), Some(offer)) = (
        settings.take_injected_failure(|field| field == Field::Quantity),
        offers.first(),
    ) {
        return Err(ApiError::Invalid(validation::quantity(offer, 0)));
    }
    Ok(offers)
}

/// A partner of record is named by its MPN ID (Partner Center's
/// `transaction_reseller`), and must be an active indirect reseller of this
/// partner.
async fn check_partner_of_record(state: &AppState, mpn_id: &str) -> ApiResult<()> {
    let found: Option<(String,)> = sqlx::query_as("SELECT id FROM resellers WHERE mpn_id = $1")
        .bind(mpn_id)
        .fetch_optional(&state.db)
        .await?;
    match found {
        Some((reseller_id,)) => customers::check_reseller(state, &reseller_id).await,
        None => Err(ApiError::Rejected {
            code: 800016,
            description: format!(
                "{mpn_id} is not the MPN ID of an indirect reseller of this partner."
            ),
        }),
    }
}

/// The reseller a cart line names as its partner of record.
fn partner_of_record(participants: &[customer_model::wire::KeyValue]) -> Option<String> {
    participants
        .iter()
        .find(|participant| participant.key == "transaction_reseller")
        .map(|participant| participant.value.clone())
}

async fn insert_order(
    tx: &mut Transaction<'static, Any>,
    customer_id: &str,
    cart_id: Option<&str>,
    order: &Order,
) -> ApiResult<()> {
    sqlx::query(
        "INSERT INTO orders (id, customer_id, cart_id, resource, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(order.id.as_deref())
    .bind(customer_id)
    .bind(cart_id)
    .bind(db::to_resource(order)?)
    .bind(db::now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn new_order(
    customer_id: &str,
    billing_cycle: BillingCycle,
    currency: Option<String>,
    lines: Vec<OrderLineItem>,
) -> Order {
    Order {
        id: Some(uuid::Uuid::new_v4().to_string()),
        reference_customer_id: Some(customer_id.to_owned()),
        billing_cycle: Some(billing_cycle),
        currency_code: currency,
        line_items: lines,
        creation_date: Some(db::timestamp()),
        status: Some("completed".to_owned()),
        attributes: Attributes::of("Order"),
    }
}

/// `POST /v1/customers/{id}/carts`.
#[utoipa::path(post, path = "/customers/{id}/carts", tag = "orders", request_body = Cart,
    params(("id" = String, Path, description = "The customer's tenant id")),
    responses((status = 201, description = "The cart", body = Cart)))]
pub async fn create_cart(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    PathParams(customer_id): PathParams<String>,
    body: JsonWithBytes<Cart>,
) -> ApiResult<Response> {
    caller.may_add_customers()?;
    let country = customers::country_of(&state.db, &customer_id).await?;
    let mut cart = body.value;
    let key = match idempotency::prior(
        &state,
        &caller,
        &headers,
        &format!("POST /v1/customers/{customer_id}/carts"),
        &body.bytes,
    )
    .await?
    {
        Prior::Answered(response) => return Ok(response),
        Prior::New(key) => key,
    };
    let lines: Vec<Line> = cart
        .line_items
        .iter()
        .map(|item| Line {
            offer_id: item.catalog_item_id.clone(),
            quantity: item.quantity,
            billing_cycle: Some(item.billing_cycle),
            term_duration: item.term_duration.clone(),
            partner_of_record: partner_of_record(&item.participants),
        })
        .collect();
    let offers = check_lines(&state, &country, &headers, &lines).await?;

    let mut tx = db::begin_write(&state.db).await?;
    if let Claim::Replay(response) = idempotency::claim(&mut tx, key.as_ref()).await? {
        return Ok(response);
    }
    let id = uuid::Uuid::new_v4().to_string();
    let now = db::now();
    for (item, offer) in cart.line_items.iter_mut().zip(&offers) {
        item.catalog_item_id = offer.id.clone();
        item.currency_code = offer.price.as_ref().map(|price| price.currency.clone());
        item.friendly_name.get_or_insert_with(|| offer.name.clone());
        if item.term_duration.is_none() {
            item.term_duration = catalogue::term_duration(&state.settings, &offer.id);
        }
        item.order_group = Some(format!("{:?}", item.billing_cycle).to_ascii_lowercase());
    }
    cart.id = Some(id.clone());
    cart.creation_timestamp = Some(db::timestamp_of(now));
    cart.expiration_timestamp = Some(db::timestamp_of(now + CART_LIFETIME_SECONDS));
    cart.status = Some("Active".to_owned());
    cart.attributes = Attributes::of("Cart");
    sqlx::query(
        "INSERT INTO carts (id, customer_id, status, resource, created_at) VALUES ($1, $2, 'Active', $3, $4)",
    )
    .bind(&id)
    .bind(&customer_id)
    .bind(db::to_resource(&cart)?)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    audit::record(&mut tx, &caller, &headers, "cart.create", &id).await?;
    let response = idempotency::finish(&mut tx, key.as_ref(), StatusCode::CREATED, &cart).await?;
    tx.commit().await?;
    Ok(response)
}

/// `POST /v1/customers/{id}/carts/{cartId}/checkout`: one order per billing
/// cycle. A cart is checked out once; a retry with the same `MS-RequestId`
/// gets the same orders back.
#[utoipa::path(post, path = "/customers/{id}/carts/{cart_id}/checkout", tag = "orders",
    params(("id" = String, Path, description = "The customer's tenant id"), ("cart_id" = String, Path, description = "The cart id")),
    responses((status = 201, description = "The orders placed", body = CartCheckoutResult)))]
pub async fn checkout(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    PathParams((customer_id, cart_id)): PathParams<(String, String)>,
    body: Bytes,
) -> ApiResult<Response> {
    caller.may_add_customers()?;
    let operation = format!("POST /v1/customers/{customer_id}/carts/{cart_id}/checkout");
    let key = match idempotency::prior(&state, &caller, &headers, &operation, &body).await? {
        Prior::Answered(response) => return Ok(response),
        Prior::New(key) => key,
    };
    let mut tx = db::begin_write(&state.db).await?;
    if let Claim::Replay(response) = idempotency::claim(&mut tx, key.as_ref()).await? {
        return Ok(response);
    }
    let row: Option<(String, String, i64)> = sqlx::query_as(
        "SELECT status, resource, created_at FROM carts WHERE id = $1 AND customer_id = $2",
    )
    .bind(&cart_id)
    .bind(&customer_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (status, resource, created_at) = row.ok_or(ApiError::NotFound)?;
    if status != "Active" {
        return Err(ApiError::Rejected {
            code: 800065,
            description: "This cart has already been checked out.".to_owned(),
        });
    }
    if created_at + CART_LIFETIME_SECONDS < db::now() {
        return Err(ApiError::conflict(
            "CartExpired",
            "This cart has expired; put the subscriptions in a new cart.",
        ));
    }
    let claimed =
        sqlx::query("UPDATE carts SET status = 'Ordered' WHERE id = $1 AND status = 'Active'")
            .bind(&cart_id)
            .execute(&mut *tx)
            .await?;
    if claimed.rows_affected() != 1 {
        return Err(ApiError::Conflict {
            code: FaultCode::Number(800064),
            description: "This cart is being checked out already.".to_owned(),
        });
    }
    let cart: Cart = db::from_resource(&resource)?;
    let mut groups: BTreeMap<String, Vec<&customer_model::wire::CartLineItem>> = BTreeMap::new();
    for item in &cart.line_items {
        groups
            .entry(format!("{:?}", item.billing_cycle))
            .or_default()
            .push(item);
    }
    let mut orders = Vec::new();
    for items in groups.values() {
        let lines = items
            .iter()
            .zip(0..)
            .map(|(item, number)| OrderLineItem {
                line_item_number: number,
                offer_id: item.catalog_item_id.clone(),
                subscription_id: Some(uuid::Uuid::new_v4().to_string()),
                friendly_name: item.friendly_name.clone(),
                quantity: item.quantity,
                term_duration: item.term_duration.clone(),
                partner_id_on_record: partner_of_record(&item.participants),
            })
            .collect();
        let order = new_order(
            &customer_id,
            items[0].billing_cycle,
            items[0].currency_code.clone(),
            lines,
        );
        insert_order(&mut tx, &customer_id, Some(&cart_id), &order).await?;
        orders.push(order);
    }
    audit::record(&mut tx, &caller, &headers, "cart.checkout", &cart_id).await?;
    let result = CartCheckoutResult {
        orders,
        order_errors: Vec::new(),
    };
    let response = idempotency::finish(&mut tx, key.as_ref(), StatusCode::CREATED, &result).await?;
    tx.commit().await?;
    Ok(response)
}

/// `POST /v1/customers/{id}/orders`: the single-call purchase.
#[utoipa::path(post, path = "/customers/{id}/orders", tag = "orders", request_body = Order,
    params(("id" = String, Path, description = "The customer's tenant id")),
    responses((status = 201, description = "The order", body = Order)))]
pub async fn create_order(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    PathParams(customer_id): PathParams<String>,
    body: JsonWithBytes<Order>,
) -> ApiResult<Response> {
    caller.may_add_customers()?;
    let country = customers::country_of(&state.db, &customer_id).await?;
    let request = body.value;
    let key = match idempotency::prior(
        &state,
        &caller,
        &headers,
        &format!("POST /v1/customers/{customer_id}/orders"),
        &body.bytes,
    )
    .await?
    {
        Prior::Answered(response) => return Ok(response),
        Prior::New(key) => key,
    };
    let count = request.line_items.len() as u32;
    if request
        .line_items
        .iter()
        .any(|item| item.line_item_number >= count)
    {
        return Err(ApiError::Rejected {
            code: 800071,
            description: "lineItemNumber must run from 0 to the number of line items - 1."
                .to_owned(),
        });
    }
    let lines: Vec<Line> = request
        .line_items
        .iter()
        .map(|item| Line {
            offer_id: item.offer_id.clone(),
            quantity: item.quantity,
            billing_cycle: request.billing_cycle,
            term_duration: item.term_duration.clone(),
            partner_of_record: item.partner_id_on_record.clone(),
        })
        .collect();
    let offers = check_lines(&state, &country, &headers, &lines).await?;

    let mut tx = db::begin_write(&state.db).await?;
    if let Claim::Replay(response) = idempotency::claim(&mut tx, key.as_ref()).await? {
        return Ok(response);
    }
    let lines = request
        .line_items
        .iter()
        .zip(&offers)
        .map(|(item, offer)| OrderLineItem {
            offer_id: offer.id.clone(),
            subscription_id: Some(uuid::Uuid::new_v4().to_string()),
            friendly_name: item
                .friendly_name
                .clone()
                .or_else(|| Some(offer.name.clone())),
            term_duration: item
                .term_duration
                .clone()
                .or_else(|| catalogue::term_duration(&state.settings, &offer.id)),
            ..item.clone()
        })
        .collect();
    let order = new_order(
        &customer_id,
        request.billing_cycle.unwrap_or_default(),
        offers
            .first()
            .and_then(|offer| offer.price.as_ref())
            .map(|price| price.currency.clone()),
        lines,
    );
    insert_order(&mut tx, &customer_id, None, &order).await?;
    audit::record(
        &mut tx,
        &caller,
        &headers,
        "order.create",
        order.id.as_deref().unwrap_or_default(),
    )
    .await?;
    let response = idempotency::finish(&mut tx, key.as_ref(), StatusCode::CREATED, &order).await?;
    tx.commit().await?;
    Ok(response)
}

/// `GET /v1/customers/{id}/orders`.
#[utoipa::path(get, path = "/customers/{id}/orders", tag = "orders",
    params(("id" = String, Path, description = "The customer's tenant id")),
    responses((status = 200, description = "The customer's orders", body = Collection<Order>)))]
pub async fn list_orders(
    State(state): State<AppState>,
    _caller: Caller,
    PathParams(customer_id): PathParams<String>,
) -> ApiResult<Json<Collection<serde_json::Value>>> {
    customers::resources_of(&state.db, &customer_id, customers::Owned::Orders).await
}
