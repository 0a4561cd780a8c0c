//! `serve --cloud`: where the partner sells decides the new tenant's
//! initial-domain suffix and which of the wizard's offers exist.

use axum::http::StatusCode;
use customer_api::Settings;
use customer_model::cloud::Cloud;
use customer_model::wire::Role;
use serde_json::json;

use crate::support::{TestApi, customer_body, direct_settings};

async fn in_cloud(cloud: Cloud) -> TestApi {
    TestApi::new(Settings {
        cloud,
        ..direct_settings()
    })
    .await
}

#[tokio::test]
async fn a_customer_created_in_21vianet_gets_the_chinese_initial_domain() {
    let api = in_cloud(Cloud::China).await;
    let token = api.token(Role::AdminAgent).await;
    for (prefix, given) in [
        ("plainprefix", "plainprefix".to_owned()),
        ("withsuffix", "WithSuffix.partner.onmschina.cn".to_owned()),
    ] {
        let mut body = customer_body(prefix);
        body["companyProfile"]["domain"] = json!(given);
        let reply = api.post("/v1/customers", &token, body, None).await;
        reply.expect(StatusCode::CREATED);
        assert_eq!(
            reply.json()["companyProfile"]["domain"],
            format!("{prefix}.partner.onmschina.cn")
        );
    }
}

#[tokio::test]
async fn agreement_attestation_exists_only_in_the_public_cloud_and_relationship_requests_not_in_us_government()
 {
    for cloud in Cloud::ALL {
        let api = in_cloud(cloud).await;
        let token = api.token(Role::AdminAgent).await;
        let id = api.create_customer(&token, "cloudcheck").await;
        let attestation = api
            .post(
                &format!("/v1/customers/{id}/agreements"),
                &token,
                json!({"dateAgreed": "2026-11-20", "primaryContact": {"firstName": "Jane", "lastName": "Doe", "email": "jane@contosoinc.com"}}),
                None,
            )
            .await;
        if cloud.offers_agreement_attestation() {
            assert_ne!(attestation.status, StatusCode::NOT_FOUND, "{cloud:?}");
        } else {
            attestation.expect(StatusCode::NOT_FOUND);
        }
        let invitation = api.get("/v1/customers/relationshiprequests", &token).await;
        let expected = if cloud.offers_relationship_requests() {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        };
        assert_eq!(
            invitation.status,
            expected,
            "{cloud:?}: {}",
            invitation.text()
        );
    }
}
