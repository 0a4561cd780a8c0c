//! The catalogue, carts, checkout and orders.

use std::sync::Arc;

use axum::http::{Method, StatusCode};
use customer_api::Catalogue;
use customer_model::wire::Role;
use serde_json::{Value, json};

use crate::support::{TestApi, direct_settings, small_catalogue};

const E5: &str = "8BDBB60B-E526-43E9-92EF-AB760C8E0B72";
const E3: &str = "566BF9D7-C55A-45F8-91A6-E55E9B9B1325";
/// Minimum 5 licenses, annual billing only.
const DEFENDER: &str = "1FF13534-2E82-4CE1-958D-003D9A0B2361";

fn cart(lines: &[(&str, u32, &str)]) -> Value {
    let items: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(id, (offer, quantity, cycle))| {
            json!({"id": id, "catalogItemId": offer, "quantity": quantity, "billingCycle": cycle})
        })
        .collect();
    json!({"lineItems": items})
}

#[tokio::test]
async fn offers_are_priced_in_the_country_currency_and_named_in_the_asked_language() {
    let api = TestApi::direct().await;
    let token = api.token(Role::SalesAgent).await;
    let reply = api
        .send(
            Method::GET,
            "/v1/offers?country=HU",
            Some(&token),
            None,
            &[("X-Locale", "hu-HU")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let offers = reply.json();
    assert!(offers["totalCount"].as_u64().unwrap_or(0) >= 30);
    let first = &offers["items"][0];
    assert_eq!(first["price"]["currency"], "HUF");
    assert_eq!(first["locale"], "hu-HU");
    assert_eq!(first["category"]["name"], "Nagyvállalati");
    let reply = api.get("/v1/offercategories?country=TR", &token).await;
    let ids: Vec<Value> = reply.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["id"].clone())
        .collect();
    assert_eq!(
        ids,
        [
            json!("Enterprise_Key"),
            json!("SmallBusiness_Key"),
            json!("Nonprofit_Key"),
            json!("Trial_Key")
        ]
    );
    let reply = api
        .get(
            "/v1/offers?country=US&offer_category_id=Trial_Key&size=2",
            &token,
        )
        .await;
    let page = reply.json();
    assert_eq!(page["items"].as_array().map(Vec::len), Some(2));
    assert!(page["totalCount"].as_u64().unwrap_or(0) > 2);
    assert!(
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|offer| offer["isTrial"] == true)
    );
    let reply = api
        .get(
            &format!("/v1/offers/{}?country=GB", E5.to_lowercase()),
            &token,
        )
        .await;
    assert_eq!(reply.json()["price"]["currency"], "GBP");
    assert_eq!(
        api.get("/v1/offers", &token).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        api.get("/v1/offers?country=XX", &token).await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn a_catalogue_given_at_start_replaces_the_demo_one() {
    let catalogue =
        Catalogue::from_json(&small_catalogue("Bench_Key").to_string()).expect("a valid catalogue");
    let mut settings = direct_settings();
    settings.catalogue = Some(Arc::new(catalogue));
    let api = TestApi::new(settings).await;
    let token = api.token(Role::SalesAgent).await;
    let offers = api.get("/v1/offers?country=DE", &token).await.json();
    assert_eq!(offers["totalCount"], 1);
    assert_eq!(offers["items"][0]["id"], "BENCH-0001");
    assert_eq!(offers["items"][0]["price"]["currency"], "EUR");
    assert_eq!(
        api.get(&format!("/v1/offers/{E5}?country=US"), &token)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let categories = api.get("/v1/offercategories?country=US", &token).await;
    assert_eq!(categories.json()["items"][0]["id"], "Bench_Key");

    let customer = api.create_customer(&token, "benchbuyer").await;
    let reply = api
        .post(
            &format!("/v1/customers/{customer}/carts"),
            &token,
            cart(&[("BENCH-0001", 3, "monthly")]),
            None,
        )
        .await;
    reply.expect(StatusCode::CREATED);
    assert_eq!(reply.json()["lineItems"][0]["termDuration"], "P1M");
    let reply = api
        .post(
            &format!("/v1/customers/{customer}/carts"),
            &token,
            cart(&[(E5, 1, "monthly")]),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "not sold any more");
}

#[test]
fn a_catalogue_with_an_offer_in_no_listed_category_is_refused() {
    let error = Catalogue::from_json(&small_catalogue("Missing_Key").to_string())
        .expect_err("an offer nobody could list");
    assert!(error.contains("Missing_Key"), "{error}");
    assert!(Catalogue::from_json("{}").is_err());
}

#[tokio::test]
async fn a_cart_checks_out_into_one_order_per_billing_cycle() {
    let api = TestApi::direct().await;
    let token = api.token(Role::SalesAgent).await;
    let customer = api.create_customer(&token, "buyer").await;
    let reply = api
        .post(
            &format!("/v1/customers/{customer}/carts"),
            &token,
            cart(&[
                (E5, 10, "monthly"),
                (E3, 2, "monthly"),
                (DEFENDER, 5, "annual"),
            ]),
            Some("cart-1"),
        )
        .await;
    reply.expect(StatusCode::CREATED);
    let created = reply.json();
    assert_eq!(created["status"], "Active");
    assert_eq!(created["lineItems"][0]["currencyCode"], "USD");
    assert_eq!(created["lineItems"][0]["friendlyName"], "Microsoft 365 E5");
    let cart_id = created["id"].as_str().expect("cart id").to_owned();

    let checkout = format!("/v1/customers/{customer}/carts/{cart_id}/checkout");
    let send = |request_id: &'static str| {
        let (api, token, checkout) = (&api, token.clone(), checkout.clone());
        async move {
            api.send(
                Method::POST,
                &checkout,
                Some(&token),
                None,
                &[("MS-RequestId", request_id)],
            )
            .await
        }
    };
    let reply = send("checkout-1").await;
    reply.expect(StatusCode::CREATED);
    let result = reply.json();
    let orders = result["orders"].as_array().expect("orders");
    assert_eq!(orders.len(), 2);
    assert_eq!(result["orderErrors"], json!([]));
    let monthly = orders
        .iter()
        .find(|order| order["billingCycle"] == "monthly")
        .expect("monthly order");
    assert_eq!(monthly["lineItems"].as_array().map(Vec::len), Some(2));
    assert_eq!(monthly["lineItems"][1]["lineItemNumber"], 1);
    assert!(monthly["lineItems"][0]["subscriptionId"].is_string());

    // A retry replays; a second checkout of the same cart is refused.
    assert_eq!(send("checkout-1").await.json(), result);
    let reply = send("checkout-2").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.json()["code"], 800065);
    assert_eq!(api.count("orders").await, 2);
    let listed = api
        .get(&format!("/v1/customers/{customer}/orders"), &token)
        .await;
    assert_eq!(listed.json()["totalCount"], 2);
}

#[tokio::test]
async fn license_counts_and_offers_are_checked_against_the_catalogue() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let customer = api.create_customer(&token, "bounds").await;
    let carts = format!("/v1/customers/{customer}/carts");
    let reply = api
        .post(&carts, &token, cart(&[(DEFENDER, 2, "annual")]), None)
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.issues(), ["lineItems.quantity:out_of_range"]);
    assert_eq!(
        reply.json()["data"][0]["params"],
        json!({"min": "5", "max": "10000000", "offerId": DEFENDER})
    );
    let reply = api
        .post(
            &carts,
            &token,
            cart(&[("NOT-AN-OFFER", 1, "monthly")]),
            None,
        )
        .await;
    assert_eq!(reply.issues(), ["lineItems.quantity:unknown_offer"]);
    let reply = api
        .post(&carts, &token, cart(&[(DEFENDER, 5, "monthly")]), None)
        .await;
    assert_eq!(
        reply.status,
        StatusCode::BAD_REQUEST,
        "annual-only offer billed monthly"
    );
    let reply = api
        .post(&carts, &token, json!({"lineItems": []}), None)
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let reply = api
        .post(
            "/v1/customers/nobody/carts",
            &token,
            cart(&[(E5, 1, "monthly")]),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(api.count("carts").await, 0);
}

#[tokio::test]
async fn a_single_call_order_is_also_accepted() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let customer = api.create_customer(&token, "oneshot").await;
    let body = json!({"billingCycle": "monthly", "lineItems": [{"lineItemNumber": 0, "offerId": E3, "quantity": 3}]});
    let reply = api
        .post(
            &format!("/v1/customers/{customer}/orders"),
            &token,
            body,
            Some("order-1"),
        )
        .await;
    reply.expect(StatusCode::CREATED);
    let order = reply.json();
    assert_eq!(order["referenceCustomerId"], customer.as_str());
    assert_eq!(order["lineItems"][0]["friendlyName"], "Microsoft 365 E3");
    assert_eq!(order["status"], "completed");
    let bad = json!({"lineItems": [{"lineItemNumber": 3, "offerId": E3, "quantity": 3}]});
    let reply = api
        .post(
            &format!("/v1/customers/{customer}/orders"),
            &token,
            bad,
            None,
        )
        .await;
    assert_eq!(reply.json()["code"], 800071);
}

#[tokio::test]
async fn roles_that_may_not_add_customers_may_not_buy_either() {
    let api = TestApi::direct().await;
    let admin = api.token(Role::AdminAgent).await;
    let customer = api.create_customer(&admin, "nobuy").await;
    let billing = api.token(Role::BillingAdmin).await;
    let reply = api
        .post(
            &format!("/v1/customers/{customer}/carts"),
            &billing,
            cart(&[(E5, 1, "monthly")]),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
}

/// The same database served with another catalogue, as after a restart with
/// `--catalogue`.
fn selling(api: &TestApi, catalogue: Value) -> TestApi {
    let mut settings = (*api.state.settings).clone();
    settings.catalogue = Some(Arc::new(
        Catalogue::from_json(&catalogue.to_string()).expect("a valid catalogue"),
    ));
    TestApi {
        state: customer_api::AppState::new(api.state.db.clone(), settings),
        url: api.url.clone(),
        dir: tempfile::tempdir().expect("temp dir"),
    }
}

#[tokio::test]
async fn a_retried_order_gets_its_first_answer_even_after_the_offer_changed() {
    let first_start = TestApi::direct().await;
    let api = selling(&first_start, small_catalogue("Bench_Key"));
    let token = api.token(Role::AdminAgent).await;
    let customer = api.create_customer(&token, "retrier").await;
    let orders = format!("/v1/customers/{customer}/orders");
    let body = json!({"billingCycle": "monthly",
        "lineItems": [{"lineItemNumber": 0, "offerId": "BENCH-0001", "quantity": 40}]});
    let first = api
        .post(&orders, &token, body.clone(), Some("order-40"))
        .await;
    first.expect(StatusCode::CREATED);

    // The offer's maximum drops below the order's count before the retry.
    let mut smaller = small_catalogue("Bench_Key");
    smaller["offers"][0]["maximumQuantity"] = json!(10);
    let api = selling(&api, smaller);
    let retry = api
        .post(&orders, &token, body.clone(), Some("order-40"))
        .await;
    retry.expect(StatusCode::CREATED);
    assert_eq!(retry.json()["id"], first.json()["id"]);
    assert_eq!(api.count("orders").await, 1);
    // A new request id is a new order, checked against today's catalogue.
    let fresh = api
        .post(&orders, &token, body, Some("order-40-again"))
        .await;
    assert_eq!(fresh.issues(), ["lineItems.quantity:out_of_range"]);
    assert_eq!(api.count("orders").await, 1);
}

#[tokio::test]
async fn a_cart_takes_each_offer_once_with_its_own_term_and_only_the_partner_s_resellers() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let customer = api.create_customer(&token, "cartrules").await;
    let carts = format!("/v1/customers/{customer}/carts");
    // Two lines of one offer would each pass its maximum.
    let reply = api
        .post(
            &carts,
            &token,
            cart(&[(E5, 1, "monthly"), (E5, 2, "monthly")]),
            None,
        )
        .await;
    reply.expect(StatusCode::BAD_REQUEST);
    assert!(
        reply.text().contains("more than one line"),
        "{}",
        reply.text()
    );

    let mut yearly = cart(&[(E5, 1, "monthly")]);
    yearly["lineItems"][0]["termDuration"] = json!("P3Y");
    let reply = api.post(&carts, &token, yearly, None).await;
    reply.expect(StatusCode::BAD_REQUEST);
    assert!(reply.text().contains("term"), "{}", reply.text());

    // A direct-bill partner has no resellers to name as partner of record.
    let mut resold = cart(&[(E5, 1, "monthly")]);
    resold["lineItems"][0]["participants"] =
        json!([{"key": "transaction_reseller", "value": "someone-else"}]);
    let reply = api.post(&carts, &token, resold, None).await;
    assert_eq!(reply.json()["code"], 800016);
    let mut single = json!({"billingCycle": "monthly",
        "lineItems": [{"lineItemNumber": 0, "offerId": E3, "quantity": 3, "partnerIdOnRecord": "someone-else"}]});
    let reply = api
        .post(
            &format!("/v1/customers/{customer}/orders"),
            &token,
            single.clone(),
            None,
        )
        .await;
    assert_eq!(reply.json()["code"], 800016);
    // A single-call order's billing cycle must be one its offers support.
    single["lineItems"][0] = json!({"lineItemNumber": 0, "offerId": DEFENDER, "quantity": 5});
    let reply = api
        .post(
            &format!("/v1/customers/{customer}/orders"),
            &token,
            single,
            None,
        )
        .await;
    reply.expect(StatusCode::BAD_REQUEST);
    assert_eq!(api.count("carts").await + api.count("orders").await, 0);
}

#[tokio::test]
async fn a_cart_older_than_a_week_cannot_be_checked_out() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let customer = api.create_customer(&token, "stalecart").await;
    let reply = api
        .post(
            &format!("/v1/customers/{customer}/carts"),
            &token,
            cart(&[(E5, 1, "monthly")]),
            None,
        )
        .await;
    reply.expect(StatusCode::CREATED);
    let cart_id = reply.json()["id"].as_str().expect("a cart id").to_owned();
    sqlx::query("UPDATE carts SET created_at = created_at - 8 * 86400")
        .execute(&api.state.db)
        .await
        .expect("age the cart");
    let reply = api
        .post(
            &format!("/v1/customers/{customer}/carts/{cart_id}/checkout"),
            &token,
            json!({}),
            None,
        )
        .await;
    reply.expect(StatusCode::CONFLICT);
    assert_eq!(reply.json()["code"], "CartExpired");
    assert_eq!(api.count("orders").await, 0);
}

#[tokio::test]
async fn an_indirect_provider_names_its_reseller_as_partner_of_record_by_mpn_id() {
    let api = TestApi::new(crate::support::indirect_settings()).await;
    sqlx::query("INSERT INTO resellers (id, name, mpn_id, location) VALUES ('484e548c-f5f3-4528-93a9-c16c6373cb59', 'First Up Consultants', '4847383', 'US')")
        .execute(&api.state.db)
        .await
        .expect("a reseller");
    let token = api.token(Role::AdminAgent).await;
    let customer = api.create_customer(&token, "resold").await;
    let carts = format!("/v1/customers/{customer}/carts");
    let with_partner = |mpn_id: &str| {
        let mut body = cart(&[(E5, 1, "monthly")]);
        body["lineItems"][0]["participants"] =
            json!([{"key": "transaction_reseller", "value": mpn_id}]);
        body
    };
    let reply = api
        .post(&carts, &token, with_partner("4847383"), None)
        .await;
    reply.expect(StatusCode::CREATED);
    let reply = api
        .post(&carts, &token, with_partner("1234567"), None)
        .await;
    assert_eq!(reply.json()["code"], 800016, "{}", reply.text());
    assert_eq!(api.count("carts").await, 1);
}
