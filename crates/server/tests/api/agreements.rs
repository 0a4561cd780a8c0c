//! The Microsoft Customer Agreement: templates and recorded acceptances.

use axum::http::StatusCode;
use customer_api::db;
use customer_model::wire::Role;
use serde_json::{Value, json};

use crate::support::TestApi;

const MCA: &str = "117a77b0-9360-443b-8795-c6dedc750cf9";

fn acceptance(date: &str) -> Value {
    json!({
        "primaryContact": {"firstName": "Tania", "lastName": "Carr", "email": "tania@contosoinc.com", "phoneNumber": "4255550101"},
        "templateId": MCA,
        "dateAgreed": format!("{date}T00:00:00.000Z"),
        "type": "MicrosoftCustomerAgreement"
    })
}

fn day(offset: i64) -> String {
    db::utc_date(offset).to_string()
}

#[tokio::test]
async fn the_template_id_comes_from_the_agreements_collection() {
    let api = TestApi::direct().await;
    let token = api.token(Role::SalesAgent).await;
    let reply = api
        .get(
            "/v1/agreements?agreementType=MicrosoftCustomerAgreement",
            &token,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let items = reply.json()["items"].clone();
    assert_eq!(items[0]["templateId"], MCA);
    assert_eq!(items[0]["agreementType"], "MicrosoftCustomerAgreement");
    assert_eq!(
        api.get("/v1/agreements?agreementType=*", &token)
            .await
            .json()["totalCount"],
        2
    );
    assert_eq!(
        api.get("/v1/agreements?agreementType=Nope", &token)
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn agents_record_an_acceptance_once() {
    let api = TestApi::direct().await;
    let token = api.token(Role::SalesAgent).await;
    let customer = api.create_customer(&token, "agreed").await;
    let path = format!("/v1/customers/{customer}/agreements");
    let reply = api
        .post(&path, &token, acceptance(&day(0)), Some("mca-1"))
        .await;
    reply.expect(StatusCode::CREATED);
    let recorded = reply.json();
    assert_eq!(
        recorded["agreementLink"],
        "https://aka.ms/customeragreement"
    );
    assert!(recorded["userId"].is_string());
    // A retry replays; the same acceptance under a new request id is a duplicate.
    assert_eq!(
        api.post(&path, &token, acceptance(&day(0)), Some("mca-1"))
            .await
            .json(),
        recorded
    );
    let reply = api
        .post(&path, &token, acceptance(&day(0)), Some("mca-2"))
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.json()["code"], 600061);
    assert_eq!(api.get(&path, &token).await.json()["totalCount"], 1);
}

#[tokio::test]
async fn only_admin_and_sales_agents_may_confirm_the_agreement() {
    let api = TestApi::direct().await;
    let global = api.token(Role::GlobalAdmin).await;
    let customer = api.create_customer(&global, "notmine").await;
    let reply = api
        .post(
            &format!("/v1/customers/{customer}/agreements"),
            &global,
            acceptance(&day(0)),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let agent = api.token(Role::AdminAgent).await;
    let reply = api
        .post(
            "/v1/customers/unknown/agreements",
            &agent,
            acceptance(&day(0)),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_date_in_the_future_is_refused_by_the_api_and_by_the_database() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let customer = api.create_customer(&token, "future").await;
    let reply = api
        .post(
            &format!("/v1/customers/{customer}/agreements"),
            &token,
            acceptance(&day(3)),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.issues(), ["dateAgreed:date_in_future"]);
    let direct = sqlx::query(
        "INSERT INTO agreements (id, customer_id, date_agreed, contact_key, resource, created_at) VALUES ('x', $1, $2, 'k', '{}', 0)",
    )
    .bind(&customer)
    .bind(day(3))
    .execute(&api.state.db)
    .await;
    assert!(direct.is_err(), "the database refuses a future date");
    let orphan = sqlx::query(
        "INSERT INTO orders (id, customer_id, resource, created_at) VALUES ('o', 'no-such-customer', '{}', 0)",
    )
    .execute(&api.state.db)
    .await;
    assert!(orphan.is_err(), "an order belongs to an existing customer");
}
