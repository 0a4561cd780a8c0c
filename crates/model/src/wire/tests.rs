//! Round trips over the example bodies recorded in
//! `shared/reference/partner-center-api.md`.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::*;

/// Reads `body`, writes it back, and reads that again: both reads must agree.
fn round_trip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(
    body: &str,
) -> (T, Value) {
    let read: T = from_json(body).expect("reads");
    let written = serde_json::to_value(&read).expect("writes");
    let reread: T = from_value(written.clone()).expect("reads its own output");
    assert_eq!(read, reread);
    (read, written)
}

const CUSTOMER_CREATED: &str = r#"{ "id": "dfd8cc0a-0000-4000-8000-000000000001", "commerceId": "0a4ce58a-0000-4000-8000-000000000002",
  "companyProfile": { "tenantId": "dfd8cc0a-0000-4000-8000-000000000001", "domain": "contoso.onmicrosoft.com", "companyName": "Contoso Ltd",
                      "links": {"self": {"uri": "/customers/dfd8cc0a/profiles/company","method":"GET","headers":[]}},
                      "attributes": {"objectType": "CustomerCompanyProfile"} },
  "billingProfile": { "id": "d17c0275-0000-4000-8000-000000000003", "email": "jane@contoso.com", "culture": "en-US", "language": "en", "companyName": "Contoso Ltd",
                      "defaultAddress": { "firstName": "Jane", "lastName": "Doe", "middleName": null,
                        "addressLine1": "1 Microsoft Way", "addressLine2": null, "addressLine3": null,
                        "city": "Redmond", "state": "WA", "postalCode": "98052",
                        "country": "US", "region": null, "phoneNumber": "4255550101" },
                      "attributes": {"etag": "5920358838484612121", "objectType": "CustomerBillingProfile"} },
  "enableGDAPByDefault": false,
  "relationshipToPartner": "reseller",
  "allowDelegatedAccess": true,
  "userCredentials": { "userName": "admin", "password": "0Krha*Io" },
  "associatedPartnerId": "484e548c-f5f3-4528-93a9-c16c6373cb59",
  "customDomains": [ ],
  "attributes": { "objectType": "Customer" } }"#;

#[test]
fn create_customer_response() {
    let (customer, written): (Customer, _) = round_trip(CUSTOMER_CREATED);
    assert_eq!(customer.company_profile.domain, "contoso.onmicrosoft.com");
    let billing = customer.billing_profile.as_ref().expect("billing profile");
    assert_eq!(billing.default_address.address_line1, "1 Microsoft Way");
    assert_eq!(
        billing.default_address.phone_number.as_deref(),
        Some("4255550101")
    );
    assert_eq!(
        billing.attributes.etag.as_deref(),
        Some("5920358838484612121")
    );
    assert_eq!(
        customer.relationship_to_partner,
        Some(RelationshipToPartner::Reseller)
    );
    assert_eq!(customer.enable_gdap_by_default, Some(false));
    assert_eq!(
        customer
            .user_credentials
            .as_ref()
            .map(|c| c.password.as_str()),
        Some("0Krha*Io")
    );
    assert_eq!(written["enableGDAPByDefault"], false);
    assert_eq!(
        written["billingProfile"]["defaultAddress"]["postalCode"],
        "98052"
    );
    assert_eq!(written["companyProfile"]["links"]["self"]["method"], "GET");
    assert!(
        written["billingProfile"]["defaultAddress"]
            .get("addressLine2")
            .is_none(),
        "nulls are left out"
    );
}

#[test]
fn pascal_case_request_from_the_dotnet_sdk() {
    let body = r#"{"CompanyProfile":{"Domain":"contoso.onmicrosoft.com"},
        "BillingProfile":{"Email":"jane@contoso.com","Culture":"EN-US","Language":"En","CompanyName":"Contoso",
          "DefaultAddress":{"AddressLine1":"1 Microsoft Way","City":"Redmond","State":"WA","PostalCode":"98052","Country":"US"}},
        "EnableGdapByDefault":true,"AssociatedPartnerId":"484e548c"}"#;
    let customer: Customer = from_json(body).expect("PascalCase reads");
    assert_eq!(customer.company_profile.domain, "contoso.onmicrosoft.com");
    let billing = customer.billing_profile.expect("billing profile");
    assert_eq!(billing.default_address.city.as_deref(), Some("Redmond"));
    assert_eq!(billing.language, "En", "values are kept as sent");
    assert_eq!(customer.enable_gdap_by_default, Some(true));
    assert_eq!(customer.associated_partner_id.as_deref(), Some("484e548c"));
}

#[test]
fn any_letter_case_and_unknown_properties() {
    let customer: Customer = from_json(
        r#"{"COMPANYPROFILE":{"DOMAIN":"a.onmicrosoft.com","futureField":{"x":1}},"somethingNew":[1,2]}"#,
    )
    .expect("reads");
    assert_eq!(customer.company_profile.domain, "a.onmicrosoft.com");
}

#[test]
fn a_resource_that_is_not_an_object_is_refused_saying_what_came() {
    for (body, came) in [
        (r#"["Váci utca 1.", "Budapest"]"#, "sequence"),
        (r#""Váci utca 1.""#, r#"string "Váci utca 1.""#),
        ("12", "number"),
        ("null", "null"),
    ] {
        let error = from_json::<Address>(body).expect_err(body).to_string();
        assert!(
            error.contains(&format!("invalid type: {came}, expected struct Address")),
            "{body}: {error}"
        );
    }
    let error = from_json::<Customer>(r#"{"companyProfile": [1]}"#).expect_err("an array");
    assert!(
        error.to_string().contains("expected struct CompanyProfile"),
        "{error}"
    );
}

#[test]
fn customer_list_with_a_continuation_link() {
    let body = r#"{"totalCount":1,"items":[{"id":"dfd8cc0a","companyProfile":{
        "tenantId":"dfd8cc0a","domain":"contoso.onmicrosoft.com","companyName":"Contoso Ltd",
        "attributes":{"objectType":"CustomerCompanyProfile"}},"relationshipToPartner":"reseller",
        "links":{"self":{"uri":"/customers/dfd8cc0a","method":"GET","headers":[]}},
        "attributes":{"objectType":"Customer"}}],
        "links":{"next":{"uri":"/customers?size=40&seekOperation=Next","method":"GET",
                         "headers":[{"key":"MS-ContinuationToken","value":"token-1"}]}},
        "attributes":{"objectType":"Collection"}}"#;
    let (list, written): (Collection<Customer>, _) = round_trip(body);
    assert_eq!(list.items[0].company_profile.company_name, "Contoso Ltd");
    assert_eq!(list.continuation_token(), Some("token-1"));
    assert_eq!(written["attributes"]["objectType"], "Collection");
}

#[test]
fn a_customer_read_by_name_keeps_its_id_name_and_domain_in_any_letter_case() {
    let body = r#"{"totalCount":2,"items":[
        {"id":"dfd8cc0a","companyProfile":{"domain":"contoso.onmicrosoft.com","companyName":"Contoso Ltd",
          "tenantId":"dfd8cc0a"},"billingProfile":{"defaultAddress":{"city":"Redmond"}}},
        {"Id":"7a1b","CompanyProfile":{"Domain":"fabrikam.onmicrosoft.com","CompanyName":"Fabrikam"}}]}"#;
    let list: Collection<CustomerName> = from_json(body).expect("reads");
    let named: Vec<_> = list
        .items
        .iter()
        .map(|customer| {
            (
                customer.id.as_deref(),
                customer.company_profile.company_name.as_str(),
                customer.company_profile.domain.as_str(),
            )
        })
        .collect();
    assert_eq!(
        named,
        [
            (Some("dfd8cc0a"), "Contoso Ltd", "contoso.onmicrosoft.com"),
            (Some("7a1b"), "Fabrikam", "fabrikam.onmicrosoft.com"),
        ]
    );
}

#[test]
fn address_validation_response() {
    let body = r#"{ "originalAddress": {"country":"US","city":"Redmond","state":"WA","addressLine1":"Microsoft Way","postalCode":"98052"},
      "suggestedAddresses": [ {"country":"US","city":"Redmond","state":"WA","addressLine1":"1 Microsoft Way","postalCode":"98052-6399"} ],
      "status": "StreetPartial",
      "validationMessage": "Address field invalid for property: 'Region', 'PostalCode', 'City'" }"#;
    let (response, written): (AddressValidationResponse, _) = round_trip(body);
    assert_eq!(response.status, AddressValidationStatus::StreetPartial);
    assert!(response.status.offers_suggestions());
    assert_eq!(
        response.suggested_addresses[0].postal_code.as_deref(),
        Some("98052-6399")
    );
    assert_eq!(written["status"], "StreetPartial");
    for status in [
        "VerifiedShippable",
        "Verified",
        "InteractionRequired",
        "PremisesPartial",
        "Multiple",
        "None",
        "NotValidated",
    ] {
        let parsed: AddressValidationStatus = serde_json::from_value(json!(status)).expect(status);
        assert_eq!(serde_json::to_value(parsed).expect("writes"), json!(status));
    }
}

#[test]
fn country_validation_rules() {
    let body = r#"{ "iso2Code": "US", "defaultCulture": "en-US", "isStateRequired": true,
      "supportedStatesList": ["AK","AL","AR","AZ","CA","WY"],
      "supportedLanguagesList": ["en","es"], "supportedCulturesList": ["en-US","es-US"],
      "isPostalCodeRequired": true, "postalCodeRegex": "^\\d{5}(-\\d{4})?$", "isCityRequired": true,
      "isVatIdSupported": false,
      "phoneNumberRegex": "^(1[ \\-\\/\\.]?)?(\\((\\d{3})\\)|(\\d{3}))[ \\-\\/\\.]?(\\d{3})[ \\-\\/\\.]?(\\d{4})$",
      "isTaxIdSupported": true, "isTaxIdOptional": true, "countryCallingCodesList": ["1"],
      "attributes": {"objectType": "CountryValidationRules"} }"#;
    let (rules, written): (CountryValidationRules, _) = round_trip(body);
    assert!(rules.is_state_required);
    assert_eq!(
        rules.postal_code_regex.as_deref(),
        Some(r"^\d{5}(-\d{4})?$")
    );
    assert_eq!(rules.supported_cultures_list, ["en-US", "es-US"]);
    assert!(!rules.customer_organization_registration_number_required);
    assert_eq!(written["iso2Code"], "US");
    assert_eq!(written["countryCallingCodesList"], json!(["1"]));
}

#[test]
fn agreement_metadata_and_attestation() {
    let body = r#"{ "totalCount": 1, "items": [ { "templateId": "117a77b0-9360-443b-8795-c6dedc750cf9", "agreementType": "MicrosoftCustomerAgreement",
      "agreementLink": "https://aka.ms/customeragreement", "versionRank": 0 } ], "attributes": {"objectType": "Collection"} }"#;
    let (templates, _): (Collection<AgreementMetaData>, _) = round_trip(body);
    assert_eq!(
        templates.items[0].agreement_type,
        AgreementType::MicrosoftCustomerAgreement
    );

    let body = r#"{ "primaryContact": { "firstName": "Tania", "lastName": "Carr", "email": "someone@example.com", "phoneNumber": "1234567890" },
      "templateId": "117a77b0-9360-443b-8795-c6dedc750cf9",
      "dateAgreed": "2018-06-14T00:00:00.000Z",
      "type": "MicrosoftCustomerAgreement" }"#;
    let (agreement, written): (Agreement, _) = round_trip(body);
    assert_eq!(agreement.primary_contact.last_name, "Carr");
    assert_eq!(agreement.date_agreed, "2018-06-14T00:00:00.000Z");
    assert_eq!(written["type"], "MicrosoftCustomerAgreement");
}

#[test]
fn offer_from_a_recorded_response() {
    let body = r#"{ "id": "8BDBB60B-E526-43E9-92EF-AB760C8E0B72", "name": "Microsoft 365 E5", "description": "The best",
      "minimumQuantity": 1, "maximumQuantity": 10000000, "rank": 174, "uri": "/offers/x", "locale": "en-US", "country": "US",
      "category": {"id": "Enterprise_Key", "name": "Enterprise", "rank": 20, "locale": "en-US", "country": "US"},
      "limitUnitOfMeasure": "None", "limit": 0, "termUnitOfMeasure": "Year", "term": 1, "prerequisiteOffers": [],
      "isAddOn": false, "hasAddOns": true, "isAvailableForPurchase": true, "billing": "license",
      "supportedBillingCycles": ["annual","monthly"], "isAutoRenewable": true, "isInternal": false, "isMicrosoftProduct": true,
      "salesGroupId": "Default", "isTrial": false, "acquisitionType": "purchase", "supportedCatalogTypes": ["sandbox","live"],
      "actions": ["Cancel","Edit"], "product": {"id": "06EBC4EE", "name": "Microsoft 365 E5", "unit": "Licenses"},
      "unitType": "Licenses", "links": {"self": {"uri": "/offers/x?country=US"}},
      "price": {"amount": 57.0, "currency": "USD", "billingCycle": "monthly"},
      "attributes": {"objectType": "Offer"} }"#;
    let (offer, written): (Offer, _) = round_trip(body);
    assert_eq!(offer.maximum_quantity, 10_000_000);
    assert_eq!(offer.category.id, "Enterprise_Key");
    assert_eq!(
        offer.supported_billing_cycles,
        [BillingCycle::Annual, BillingCycle::Monthly]
    );
    assert_eq!(
        offer.price.as_ref().map(|price| price.currency.as_str()),
        Some("USD")
    );
    assert_eq!(
        written["supportedBillingCycles"],
        json!(["annual", "monthly"])
    );
    let cycle: BillingCycle = serde_json::from_value(json!("one_time")).expect("one_time");
    assert_eq!(cycle, BillingCycle::OneTime);
    let cycle: BillingCycle = serde_json::from_value(json!("biennial")).expect("unknown");
    assert_eq!(cycle, BillingCycle::Unknown);
}

#[test]
fn cart_and_checkout() {
    let body = r#"{ "partnerOnRecordAttestationAccepted": true,
      "lineItems": [ { "id": 0, "catalogItemId": "CFQ7TTC0LF8S:0001:CFQ7TTC0VZW5", "quantity": 10,
                       "billingCycle": "monthly", "termDuration": "P1Y", "friendlyName": "Contoso E3",
                       "provisioningContext": {}, "participants": [{"key":"transaction_reseller","value":"4847383"}] } ] }"#;
    let (cart, written): (Cart, _) = round_trip(body);
    assert_eq!(
        cart.line_items[0].catalog_item_id,
        "CFQ7TTC0LF8S:0001:CFQ7TTC0VZW5"
    );
    assert_eq!(cart.line_items[0].participants[0].value, "4847383");
    assert_eq!(written["lineItems"][0]["termDuration"], "P1Y");

    let body = r#"{"orders":[{"id":"o-1","referenceCustomerId":"c-1","billingCycle":"monthly","currencyCode":"USD",
        "lineItems":[{"lineItemNumber":0,"offerId":"CFQ7TTC0LF8S:0001:CFQ7TTC0VZW5","quantity":10,"subscriptionId":"s-1"}],
        "creationDate":"2026-11-21T10:00:00Z","status":"completed","attributes":{"objectType":"Order"}}],
        "orderErrors":[{"orderGroupId":"1","code":10003,"description":"Inventory not available"}]}"#;
    let (result, _): (CartCheckoutResult, _) = round_trip(body);
    assert_eq!(
        result.orders[0].line_items[0].subscription_id.as_deref(),
        Some("s-1")
    );
    assert_eq!(result.order_errors[0].code, 10003);
}

#[test]
fn resellers_and_relationship_request() {
    let body = r#"{ "totalCount": 1, "items": [ { "id": "484e548c-f5f3-4528-93a9-c16c6373cb59", "name": "First Up Consultants",
      "relationshipType": "is_indirect_cloud_solution_provider_of", "state": "Active", "mpnId": "4847383", "location": "US",
      "attributes": {"objectType": "PartnerRelationship"} } ], "attributes": {"objectType": "Collection"} }"#;
    let (resellers, _): (Collection<PartnerRelationship>, _) = round_trip(body);
    assert_eq!(resellers.items[0].mpn_id.as_deref(), Some("4847383"));

    let body = r#"{"url":"https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=p&msppId=0&DAP=false#/BillingAccounts/partner-invitation","attributes":{"objectType":"RelationshipRequest"}}"#;
    let (request, _): (RelationshipRequest, _) = round_trip(body);
    assert!(request.url.contains("invType=ResellerRelationship"));
}

#[test]
fn faults_in_every_documented_shape() {
    let (numeric, _): (ApiFault, _) = round_trip(
        r#"{ "code": 600050, "description": "Organization registration ID information is invalid and should be of the format ^(\\d{7}|\\d{10})$", "data": [], "source": "PartnerFD" }"#,
    );
    assert_eq!(numeric.code, FaultCode::Number(600050));
    assert!(
        numeric
            .text()
            .is_some_and(|text| text.starts_with("Organization registration ID"))
    );

    let (text, _): (ApiFault, _) = round_trip(
        r#"{"code":600061,"message":"A partner confirmed agreement already exists for the customer.","errorName":"PartnerConfirmedAgreementAlreadyExists","isRetryable":false}"#,
    );
    assert_eq!(
        text.text(),
        Some("A partner confirmed agreement already exists for the customer.")
    );

    let (string_code, _): (ApiFault, _) =
        round_trip(r#"{"code":"800002","description":"bad","data":[{"field":"x"}]}"#);
    assert_eq!(string_code.code, FaultCode::Text("800002".into()));
    assert_eq!(string_code.data[0]["field"], "x");

    let throttled: ApiFault = from_json(
        r#"{"statusCode":429,"message":"Rate limit is exceeded. Try again in 57 seconds."}"#,
    )
    .expect("429 body");
    assert_eq!(
        throttled.text(),
        Some("Rate limit is exceeded. Try again in 57 seconds.")
    );
}

#[test]
fn the_resources_read_by_hand_keep_the_rules_of_the_derived_readers() {
    // Any letter case; a null or missing property is its default.
    let rules: CountryValidationRules = from_json(
        r#"{"ISO2CODE": "HU", "IsStateRequired": true, "postalCodeRegex": null,
            "supportedLanguagesList": ["hu"], "unknown": {"x": 1}}"#,
    )
    .expect("reads");
    assert_eq!(rules.iso2_code, "HU");
    assert!(rules.is_state_required);
    assert_eq!(rules.postal_code_regex, None);
    assert_eq!(rules.supported_languages_list, ["hu"]);
    assert!(!rules.is_city_required);

    // A property of the wrong type is an error that names it.
    let error =
        from_json::<CountryValidationRules>(r#"{"isCityRequired": "yes"}"#).expect_err("refused");
    assert!(error.to_string().contains("isCityRequired"), "{error}");
    let error = from_json::<Collection<PartnerRelationship>>(r#"{"items": [{"id": 7}]}"#)
        .expect_err("refused");
    assert!(error.to_string().contains("id"), "{error}");

    // A role this version does not know grants nothing, and loses nothing else.
    let me: Me = from_json(
        r#"{"userName": "ana", "roles": ["admin_agent", "chief_wizard"],
            "partner": {"partnerType": "indirect_provider", "domains": ["fabrikam.com"]}}"#,
    )
    .expect("reads");
    assert_eq!(me.roles, [Role::AdminAgent]);
    assert_eq!(me.partner.partner_type, PartnerType::IndirectProvider);
    assert!(!me.roles_unknown);

    // A fault's code is a number or a string.
    let fault: ApiFault =
        from_json(r#"{"Code": "NotStaffMember", "data": [{"field": "x"}]}"#).expect("reads");
    assert_eq!(fault.code, FaultCode::Text(NOT_STAFF_FAULT.to_owned()));
    assert_eq!(fault.data, [json!({"field": "x"})]);
}
