//! `POST /v1/customers`: the shared rules, then a new tenant with its
//! one-time admin credentials, once per `MS-RequestId`.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use customer_model::cloud::Cloud;
use customer_model::validation::{self, Code, Context, Field, Issue};
use customer_model::wire::{
    Attributes, Customer, PartnerType, RelationshipToPartner, UserCredentials,
};

use super::domain_taken;
use super::search::search_key;
use crate::auth::{Caller, random_text};
use crate::error::{ApiError, ApiResult, is_unique_violation, refuse_errors};
use crate::extract::JsonWithBytes;
use crate::idempotency::{self, Claim, Prior};
use crate::{AppState, audit, country_rules, db};

/// A one-time admin password of the kind Partner Center issues: upper and
/// lower case, digits and a symbol.
fn admin_password() -> String {
    loop {
        let mut password = random_text(11);
        let has = |test: fn(&char) -> bool| password.chars().any(|ch| test(&ch));
        if has(char::is_ascii_uppercase)
            && has(char::is_ascii_lowercase)
            && has(char::is_ascii_digit)
        {
            let symbols = ['!', '#', '$', '%', '*', '+', '?'];
            let pick = random_text(1).bytes().next().map_or(0, usize::from) % symbols.len();
            password.insert(4, symbols[pick]);
            return password;
        }
    }
}

/// Checks the reseller a customer is created for: ours, and active.
pub(crate) async fn check_reseller(state: &AppState, reseller_id: &str) -> ApiResult<()> {
    if state.settings.partner.partner_type != PartnerType::IndirectProvider {
        return Err(ApiError::Rejected {
            code: 800016,
            description: "Only an indirect provider can create customers for an indirect reseller."
                .to_owned(),
        });
    }
    let found: Option<(String,)> = sqlx::query_as("SELECT state FROM resellers WHERE id = $1")
        .bind(reseller_id)
        .fetch_optional(&state.db)
        .await?;
    match found {
        Some((reseller_state,)) if reseller_state.eq_ignore_ascii_case("active") => Ok(()),
        Some(_) => Err(ApiError::Rejected {
            code: 800016,
            description: format!(
                "The indirect reseller {reseller_id} has no active relationship with this partner."
            ),
        }),
        None => Err(ApiError::Rejected {
            code: 800016,
            description: format!("{reseller_id} is not an indirect reseller of this partner."),
        }),
    }
}

/// The customer as created in `cloud`, from the validated request.
pub fn created_customer(request: &Customer, id: &str, cloud: Cloud) -> Customer {
    let mut customer = request.clone();
    customer.id = Some(id.to_owned());
    customer.commerce_id = Some(id.to_owned());
    customer.company_profile.tenant_id = Some(id.to_owned());
    customer.company_profile.domain = validation::canonical_domain(
        validation::prefix_of(&request.company_profile.domain),
        cloud,
    );
    customer.company_profile.company_name =
        validation::normalize(&request.company_profile.company_name);
    customer.company_profile.attributes = Attributes::of("CustomerCompanyProfile");
    if let Some(billing) = customer.billing_profile.as_mut() {
        billing.id = Some(uuid::Uuid::new_v4().to_string());
        billing.company_name = customer.company_profile.company_name.clone();
        billing.culture = canonical_culture(&billing.culture);
        billing.default_address.country =
            billing.default_address.country.trim().to_ascii_uppercase();
        billing.attributes = Attributes {
            object_type: "CustomerBillingProfile".to_owned(),
            etag: Some(db::now().to_string()),
        };
    }
    customer.relationship_to_partner = Some(RelationshipToPartner::Reseller);
    customer.allow_delegated_access = Some(true);
    customer.enable_gdap_by_default = Some(request.enable_gdap_by_default.unwrap_or(true));
    customer.user_credentials = None;
    customer.attributes = Attributes::of("Customer");
    customer
}

/// `en-us` → `en-US`, as Partner Center echoes cultures.
fn canonical_culture(culture: &str) -> String {
    match culture.trim().split_once('-') {
        Some((language, region)) => format!(
            "{}-{}",
            language.to_ascii_lowercase(),
            region.to_ascii_uppercase()
        ),
        None => culture.trim().to_ascii_lowercase(),
    }
}

/// Inserts a created customer; fails on a taken domain (unique index).
pub async fn store(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    customer: &Customer,
    reseller: Option<&str>,
) -> Result<(), sqlx::Error> {
    let resource =
        serde_json::to_string(customer).map_err(|error| sqlx::Error::Encode(Box::new(error)))?;
    let id = customer.id.clone().unwrap_or_default();
    sqlx::query(
        "INSERT INTO customers (id, domain, company_name, relationship_to_partner, created_at, \
         resource, associated_partner_id, search_name) VALUES ($1, $2, $3, 'reseller', $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(&customer.company_profile.domain)
    .bind(&customer.company_profile.company_name)
    .bind(db::timestamp())
    .bind(&resource)
    .bind(reseller)
    .bind(search_key(&customer.company_profile.company_name))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// `POST /v1/customers`: validates with the shared rules, then creates the
/// tenant; 409 when its domain exists. Idempotent on `MS-RequestId`.
#[utoipa::path(post, path = "/customers", tag = "customers", request_body = Customer,
    responses((status = 201, description = "Created, with the one-time admin credentials", body = Customer)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: JsonWithBytes<Customer>,
) -> ApiResult<Response> {
    caller.may_add_customers()?;
    let request = body.value;
    let key = match idempotency::prior(&state, &caller, &headers, "POST /v1/customers", &body.bytes)
        .await?
    {
        Prior::Answered(response) => return Ok(response),
        Prior::New(key) => key,
    };
    let country = request
        .billing_profile
        .as_ref()
        .map(|billing| billing.default_address.country.clone())
        .unwrap_or_default();
    let rules = country_rules::lookup(&country).ok_or_else(|| {
        ApiError::Invalid(vec![Issue::error(
            Field::Country,
            if country.trim().is_empty() {
                Code::Required
            } else {
                Code::NotAllowed
            },
        )])
    })?;
    let context = Context {
        rules,
        partner_domains: &state.settings.partner.domains,
        today: db::utc_date(0),
        cloud: state.settings.cloud,
    };
    refuse_errors(validation::customer(&request, &context))?;
    // `serve --fail-field`: a refusal the client cannot foresee, for its tests.
    if let Some(field) = state
        .settings
        .take_injected_failure(|field| field != Field::Quantity)
    {
        return Err(ApiError::Invalid(vec![Issue::error(
            field,
            Code::InvalidFormat,
        )]));
    }
    let reseller = request
        .associated_partner_id
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty());
    if let Some(reseller_id) = reseller {
        check_reseller(&state, reseller_id).await?;
    }

    let mut tx = db::begin_write(&state.db).await?;
    if let Claim::Replay(response) = idempotency::claim(&mut tx, key.as_ref()).await? {
        return Ok(response);
    }
    let id = uuid::Uuid::new_v4().to_string();
    let customer = created_customer(&request, &id, state.settings.cloud);
    let domain = &customer.company_profile.domain;
    let taken = || {
        ApiError::conflict(
            "DomainAlreadyExists",
            format!(
                "The domain {domain} already exists. If this is an existing customer, request a relationship instead."
            ),
        )
    };
    // The unique index settles a race between two creates; this check answers
    // the common case, and covers other partners' tenants.
    if domain_taken(&mut *tx, domain).await? {
        return Err(taken());
    }
    match store(&mut tx, &customer, reseller).await {
        Err(error) if is_unique_violation(&error) => return Err(taken()),
        other => other?,
    };
    audit::record(&mut tx, &caller, &headers, "customer.create", &id).await?;
    // The one-time password travels only in this answer (and its stored
    // replay, kept for retries); the customer record never holds it.
    let answer = Customer {
        user_credentials: Some(UserCredentials {
            user_name: "admin".to_owned(),
            password: admin_password(),
        }),
        ..customer
    };
    let response = idempotency::finish(&mut tx, key.as_ref(), StatusCode::CREATED, &answer).await?;
    tx.commit().await?;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::{admin_password, canonical_culture};

    #[test]
    fn admin_passwords_mix_character_classes() {
        for _ in 0..50 {
            let password = admin_password();
            assert_eq!(password.chars().count(), 12, "{password}");
            assert!(
                password.chars().any(|ch| ch.is_ascii_uppercase()),
                "{password}"
            );
            assert!(
                password.chars().any(|ch| ch.is_ascii_lowercase()),
                "{password}"
            );
            assert!(password.chars().any(|ch| ch.is_ascii_digit()), "{password}");
            assert!(
                password.chars().any(|ch| !ch.is_ascii_alphanumeric()),
                "{password}"
            );
        }
    }

    #[test]
    fn cultures_are_echoed_in_canonical_case() {
        assert_eq!(canonical_culture("EN-us"), "en-US");
        assert_eq!(canonical_culture(" hu-hu "), "hu-HU");
        assert_eq!(canonical_culture("TR"), "tr");
    }
}
