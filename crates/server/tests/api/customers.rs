//! `/v1/customers`, `/v1/domains`, relationships and address validation.

use axum::http::{Method, StatusCode};
use customer_model::validation::Field;
use customer_model::wire::Role;
use serde_json::json;

use crate::support::{TestApi, customer_body, encode, hungarian_body, indirect_settings};

fn names(reply: &crate::support::Reply) -> Vec<String> {
    reply.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| {
            item["companyProfile"]["companyName"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

async fn named(api: &TestApi, token: &str, prefix: &str, name: &str) {
    let mut body = customer_body(prefix);
    body["companyProfile"]["companyName"] = json!(name);
    body["billingProfile"]["companyName"] = json!(name);
    api.create(token, body).await;
}

#[tokio::test]
async fn the_list_is_empty_at_first_then_sorted_by_name() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let reply = api.get("/v1/customers", &token).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers["content-type"], "application/json");
    assert_eq!(
        reply.json(),
        json!({"totalCount": 0, "items": [], "attributes": {"objectType": "Collection"}})
    );
    named(&api, &token, "wingtip", "Wingtip Toys").await;
    named(&api, &token, "contoso", "Contoso Ltd").await;
    let reply = api.get("/v1/customers", &token).await;
    assert_eq!(names(&reply), ["Contoso Ltd", "Wingtip Toys"]);
    let first = &reply.json()["items"][0];
    assert_eq!(first["companyProfile"]["domain"], "contoso.onmicrosoft.com");
    assert_eq!(first["relationshipToPartner"], "reseller");
    assert_eq!(first["attributes"]["objectType"], "Customer");
}

#[tokio::test]
async fn search_matches_a_prefix_of_name_or_domain_whatever_the_case_and_accents() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    named(&api, &token, "contoso", "Contoso Ltd").await;
    named(&api, &token, "wingtip", "Wingtip Toys").await;
    named(&api, &token, "fabrikam", "Contoso Fabrikam").await;
    named(&api, &token, "istanbulbilisim", "İstanbul Bilişim A.Ş.").await;
    let search = |field: &str, value: &str| {
        let filter = json!({"Field": field, "Value": value, "Operator": "starts_with"}).to_string();
        format!("/v1/customers?filter={}", encode(&filter))
    };
    assert_eq!(
        names(&api.get(&search("CompanyName", "CONTOSO"), &token).await),
        ["Contoso Fabrikam", "Contoso Ltd"]
    );
    assert_eq!(
        names(
            &api.get(&search("CompanyName", "istanbul bili"), &token)
                .await
        ),
        ["İstanbul Bilişim A.Ş."]
    );
    let reply = api.get(&search("Domain", "WING"), &token).await;
    assert_eq!(names(&reply), ["Wingtip Toys"]);
    assert_eq!(reply.json()["totalCount"], 1);
    let reply = api.get("/v1/customers?filter=nope", &token).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.json()["code"], 800002);
}

#[tokio::test]
async fn creating_a_customer_answers_201_with_the_one_time_credentials() {
    let api = TestApi::direct().await;
    let token = api.token(Role::SalesAgent).await;
    let reply = api
        .post(
            "/v1/customers",
            &token,
            customer_body("ContosoInc"),
            Some("req-1"),
        )
        .await;
    reply.expect(StatusCode::CREATED);
    assert_eq!(reply.headers["ms-requestid"], "req-1");
    let customer = reply.json();
    let id = customer["id"].as_str().expect("id");
    assert_eq!(customer["companyProfile"]["tenantId"], id);
    assert_eq!(
        customer["companyProfile"]["domain"],
        "contosoinc.onmicrosoft.com"
    );
    assert_eq!(
        customer["billingProfile"]["defaultAddress"]["city"],
        "Redmond"
    );
    assert_eq!(customer["userCredentials"]["userName"], "admin");
    assert!(
        customer["userCredentials"]["password"]
            .as_str()
            .is_some_and(|p| p.len() >= 12)
    );
    assert_eq!(customer["enableGDAPByDefault"], true);
    assert_eq!(customer["attributes"]["objectType"], "Customer");

    // Read back: the same customer, without the password.
    let read = api.get(&format!("/v1/customers/{id}"), &token).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.json()["companyProfile"], customer["companyProfile"]);
    assert!(read.json().get("userCredentials").is_none());
    assert_eq!(
        api.get("/v1/customers/unknown-id", &token).await.status,
        StatusCode::NOT_FOUND
    );

    let (user, action, target, request_id): (String, String, String, Option<String>) =
        sqlx::query_as(
            "SELECT user_name, action, target, request_id FROM audit_log WHERE action NOT LIKE 'sign-in%'",
        )
            .fetch_one(&api.state.db)
            .await
            .expect("audit row");
    assert_eq!(
        (user.as_str(), action.as_str(), target.as_str()),
        ("sales_agent@contosopartner.com", "customer.create", id)
    );
    assert_eq!(request_id.as_deref(), Some("req-1"));
}

#[tokio::test]
async fn pascal_case_bodies_and_hungarian_rules_are_accepted() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let reply = api
        .post("/v1/customers", &token, hungarian_body("peldakft"), None)
        .await;
    reply.expect(StatusCode::CREATED);
    let customer = reply.json();
    assert_eq!(
        customer["companyProfile"]["companyName"],
        "Példa Informatikai Kft."
    );
    assert_eq!(
        customer["companyProfile"]["organizationRegistrationNumber"],
        "12892312-2-42"
    );
    assert_eq!(customer["billingProfile"]["culture"], "hu-HU");
}

#[tokio::test]
async fn invalid_requests_get_field_level_codes_of_the_shared_rules() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let mut body = hungarian_body("rossz");
    body["CompanyProfile"]["OrganizationRegistrationNumber"] = json!("");
    body["BillingProfile"]["DefaultAddress"]["PostalCode"] = json!("12345");
    body["BillingProfile"]["Email"] = json!("someone@contosopartner.com");
    body["BillingProfile"]["DefaultAddress"]["FirstName"] = json!("");
    let reply = api.post("/v1/customers", &token, body, None).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.json()["code"], 27002);
    let mut issues = reply.issues();
    issues.sort();
    assert_eq!(
        issues,
        [
            "billingProfile.defaultAddress.firstName:required",
            "billingProfile.defaultAddress.postalCode:invalid_format",
            "billingProfile.email:partner_domain_email",
            "companyProfile.organizationRegistrationNumber:required",
        ]
    );
    let mut body = customer_body("nowhere");
    body["billingProfile"]["defaultAddress"]["country"] = json!("XX");
    let reply = api.post("/v1/customers", &token, body, None).await;
    assert_eq!(
        reply.issues(),
        ["billingProfile.defaultAddress.country:not_allowed"]
    );
    assert_eq!(api.count("customers").await, 0);
}

#[tokio::test]
async fn warnings_do_not_block_the_server() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let mut body = customer_body("teszt");
    body["companyProfile"]["companyName"] = json!("Teszt Kft.");
    let reply = api.post("/v1/customers", &token, body, None).await;
    assert_eq!(reply.status, StatusCode::CREATED);
}

#[tokio::test]
async fn domains_are_unique_whatever_their_case() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let head = |domain: &'static str| {
        let token = token.clone();
        let api = &api;
        async move {
            api.send(
                Method::HEAD,
                &format!("/v1/domains/{domain}"),
                Some(&token),
                None,
                &[],
            )
            .await
        }
    };
    let reply = head("contoso.onmicrosoft.com").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.is_empty());
    api.create_customer(&token, "contoso").await;
    let reply = head("CONTOSO.onmicrosoft.com").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.is_empty());
    let reply = api
        .post("/v1/customers", &token, customer_body("Contoso"), None)
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.json()["code"], "DomainAlreadyExists");

    // Another partner's tenant.
    sqlx::query("INSERT INTO taken_domains (domain) VALUES ('northwind.onmicrosoft.com')")
        .execute(&api.state.db)
        .await
        .expect("insert");
    assert_eq!(
        head("northwind.onmicrosoft.com").await.status,
        StatusCode::OK
    );
    let reply = api
        .post("/v1/customers", &token, customer_body("northwind"), None)
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_concurrent_creates_of_one_domain_give_one_201_and_one_409() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    for round in 0..5 {
        let prefix = format!("race{round}");
        let (id_a, id_b) = (format!("{prefix}-a"), format!("{prefix}-b"));
        let (a, b) = tokio::join!(
            api.post("/v1/customers", &token, customer_body(&prefix), Some(&id_a)),
            api.post(
                "/v1/customers",
                &token,
                customer_body(&prefix.to_uppercase()),
                Some(&id_b)
            ),
        );
        let mut statuses = [a.status.as_u16(), b.status.as_u16()];
        statuses.sort();
        assert_eq!(statuses, [201, 409], "round {round}");
    }
    assert_eq!(api.count("customers").await, 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_retried_or_double_clicked_create_makes_one_customer() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let (a, b) = tokio::join!(
        api.post(
            "/v1/customers",
            &token,
            customer_body("doubleclick"),
            Some("click")
        ),
        api.post(
            "/v1/customers",
            &token,
            customer_body("doubleclick"),
            Some("click")
        ),
    );
    assert_eq!(
        (a.status, b.status),
        (StatusCode::CREATED, StatusCode::CREATED)
    );
    assert_eq!(
        a.json(),
        b.json(),
        "the second answer replays the first, password included"
    );
    assert_eq!(api.count("customers").await, 1);
    // The kept answer is sealed: the database alone does not show the password.
    let password = a.json()["userCredentials"]["password"]
        .as_str()
        .expect("a one-time password")
        .to_owned();
    let (stored,): (String,) = sqlx::query_as("SELECT body FROM idempotency_keys")
        .fetch_one(&api.state.db)
        .await
        .expect("the kept answer");
    assert!(stored.starts_with("sealed1:"), "{stored}");
    assert!(!stored.contains(&password) && !stored.contains("doubleclick"));

    // The same id with another body is a client bug: 409, nothing created.
    let reply = api
        .post(
            "/v1/customers",
            &token,
            customer_body("other"),
            Some("click"),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.json()["code"], "RequestIdReused");
    assert_eq!(api.count("customers").await, 1);
}

#[tokio::test]
async fn a_failed_request_is_not_remembered_so_its_retry_runs_again() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let mut body = customer_body("fixme");
    body["billingProfile"]["defaultAddress"]["postalCode"] = json!("bad");
    let reply = api
        .post("/v1/customers", &token, body, Some("retry-me"))
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let reply = api
        .post(
            "/v1/customers",
            &token,
            customer_body("fixme"),
            Some("retry-me"),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
}

#[tokio::test]
async fn an_injected_field_failure_refuses_the_first_valid_create_only() {
    let settings = crate::support::direct_settings();
    *settings.fail_field.lock().expect("unpoisoned") = Some(Field::CompanyName);
    let api = TestApi::new(settings).await;
    let token = api.token(Role::AdminAgent).await;
    let reply = api
        .post("/v1/customers", &token, customer_body("injected"), None)
        .await;
    reply.expect(StatusCode::BAD_REQUEST);
    assert_eq!(
        reply.issues(),
        ["companyProfile.companyName:invalid_format"]
    );
    assert_eq!(api.count("customers").await, 0);
    api.create(&token, customer_body("injected")).await;
}

#[tokio::test]
async fn idempotency_survives_a_restart() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let first = api
        .post(
            "/v1/customers",
            &token,
            customer_body("restart"),
            Some("before-restart"),
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    let api = api.restarted().await;
    // A new sign-in (new token) is the same caller.
    let token = api.token(Role::AdminAgent).await;
    let again = api
        .post(
            "/v1/customers",
            &token,
            customer_body("restart"),
            Some("before-restart"),
        )
        .await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.json(), first.json());
    assert_eq!(api.count("customers").await, 1);
}

#[tokio::test]
async fn resellers_customers_need_an_indirect_provider_and_an_active_reseller() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let mut body = customer_body("viareseller");
    body["associatedPartnerId"] = json!("484e548c-f5f3-4528-93a9-c16c6373cb59");
    let reply = api.post("/v1/customers", &token, body.clone(), None).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.json()["code"], 800016);
    let reply = api
        .get(
            "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf",
            &token,
        )
        .await;
    assert_eq!(
        reply.json()["totalCount"],
        0,
        "a direct-bill partner has no resellers"
    );

    let api = TestApi::new(indirect_settings()).await;
    let token = api.token(Role::AdminAgent).await;
    let reply = api.post("/v1/customers", &token, body.clone(), None).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "unknown reseller");
    sqlx::query("INSERT INTO resellers (id, name, mpn_id, location) VALUES ('484e548c-f5f3-4528-93a9-c16c6373cb59', 'First Up Consultants', '4847383', 'US')")
        .execute(&api.state.db)
        .await
        .expect("insert reseller");
    let reply = api
        .get(
            "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf",
            &token,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let reseller = &reply.json()["items"][0];
    assert_eq!(reseller["name"], "First Up Consultants");
    assert_eq!(reseller["mpnId"], "4847383");
    assert_eq!(
        reseller["relationshipType"],
        "is_indirect_cloud_solution_provider_of"
    );
    let reply = api.post("/v1/customers", &token, body, None).await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert_eq!(
        reply.json()["associatedPartnerId"],
        "484e548c-f5f3-4528-93a9-c16c6373cb59"
    );
    let reply = api.get("/v1/relationships", &token).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_existing_customer_gets_a_relationship_invitation() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let reply = api.get("/v1/customers/relationshiprequests", &token).await;
    assert_eq!(reply.status, StatusCode::OK);
    let url = reply.json()["url"].as_str().unwrap_or_default().to_owned();
    assert!(url.starts_with("https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=00000000-0000-4000-8000-000000000001"), "{url}");
    assert!(
        url.ends_with("#/BillingAccounts/partner-invitation"),
        "{url}"
    );
    let helpdesk = api.token(Role::HelpdeskAgent).await;
    assert_eq!(
        api.get("/v1/customers/relationshiprequests", &helpdesk)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn addresses_are_validated_with_partner_center_statuses() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let address = |city: &str, postal: &str| json!({"addressLine1": "Nádor utca 12.", "city": city, "postalCode": postal, "country": "HU"});
    let reply = api
        .post(
            "/v1/validations/address",
            &token,
            address("Budapest", "1051"),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json()["status"], "Verified");
    let reply = api
        .post(
            "/v1/validations/address",
            &token,
            address("Szeged", "1051"),
            None,
        )
        .await;
    let answer = reply.json();
    assert_eq!(answer["status"], "InteractionRequired");
    assert_eq!(answer["suggestedAddresses"][0]["city"], "Budapest");
    assert_eq!(answer["originalAddress"]["city"], "Szeged");
    let reply = api
        .post(
            "/v1/validations/address",
            &token,
            address("Budapest", "99"),
            None,
        )
        .await;
    assert_eq!(reply.json()["status"], "None");
}

#[tokio::test]
async fn the_list_pages_with_continuation_tokens_and_keeps_the_search() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    for n in 1..=5 {
        named(&api, &token, &format!("page{n}"), &format!("Page {n} Ltd")).await;
    }
    named(&api, &token, "other", "Other Ltd").await;
    let filter = encode(
        &json!({"Field": "CompanyName", "Value": "page", "Operator": "starts_with"}).to_string(),
    );
    let mut uri = format!("/v1/customers?size=2&filter={filter}");
    let mut continuation: Option<String> = None;
    let mut pages = Vec::new();
    loop {
        let headers: Vec<(&str, &str)> = continuation
            .as_deref()
            .map(|token| ("MS-ContinuationToken", token))
            .into_iter()
            .collect();
        let reply = api
            .send(Method::GET, &uri, Some(&token), None, &headers)
            .await;
        reply.expect(StatusCode::OK);
        pages.push(names(&reply));
        let next = reply.json()["links"]["next"].clone();
        if next.is_null() {
            break;
        }
        uri = format!("/v1{}", next["uri"].as_str().expect("next uri"));
        continuation = Some(
            next["headers"][0]["value"]
                .as_str()
                .expect("token")
                .to_owned(),
        );
    }
    assert_eq!(
        pages,
        [
            vec!["Page 1 Ltd", "Page 2 Ltd"],
            vec!["Page 3 Ltd", "Page 4 Ltd"],
            vec!["Page 5 Ltd"]
        ]
    );
    let reply = api
        .send(
            Method::GET,
            "/v1/customers?seekOperation=Next",
            Some(&token),
            None,
            &[("MS-ContinuationToken", "zz")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_domain_sent_without_its_suffix_is_stored_in_full() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let mut body = customer_body("ignored");
    body["companyProfile"]["domain"] = json!("PlainPrefix");
    let reply = api.post("/v1/customers", &token, body, None).await;
    reply.expect(StatusCode::CREATED);
    assert_eq!(
        reply.json()["companyProfile"]["domain"],
        "plainprefix.onmicrosoft.com"
    );
    let head = api
        .send(
            Method::HEAD,
            "/v1/domains/plainprefix.onmicrosoft.com",
            Some(&token),
            None,
            &[],
        )
        .await;
    assert_eq!(head.status, StatusCode::OK);
}
