//! `/v1/customers`: the partner's customers.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use customer_model::cloud::Cloud;
use customer_model::text;
use customer_model::validation::{self, Code, Context, Field, Issue};
use customer_model::wire::{
    Attributes, Collection, CompanyProfile, Customer, KeyValue, Link, PartnerType,
    RelationshipToPartner, UserCredentials,
};
use serde::de::IntoDeserializer;
use serde::de::value::Error as ValueError;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use crate::auth::{Caller, random_text};
use crate::error::{ApiError, ApiResult, is_unique_violation, refuse_errors};
use crate::extract::{JsonWithBytes, PathParams, QueryParams};
use crate::idempotency::{self, Claim, Prior};
use crate::{AppState, audit, country_rules, db};

const DEFAULT_PAGE_SIZE: u32 = 40;
const MAX_PAGE_SIZE: u32 = 500;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Customers per page, 1–500 (default 40).
    size: Option<u32>,
    /// `{"Field":"CompanyName"|"Domain","Value":"…","Operator":"starts_with"}`.
    filter: Option<String>,
    /// `Next` with an `MS-ContinuationToken` header: the page after that token's.
    #[serde(rename = "seekOperation")]
    seek_operation: Option<String>,
}

/// The longest search prefix: longer than any company name or domain.
const MAX_PREFIX_CHARS: usize = 256;
/// The longest stored search name a token may point after (names are far shorter).
const MAX_STORED_NAME_CHARS: usize = 1_000;

/// Where a page ended, and the search it belongs to: the next page's token.
/// It holds the search's prefix, not its SQL pattern, so that a forged token
/// asks no more than a filter could.
#[derive(Debug, Serialize, Deserialize)]
struct Continuation {
    domain: bool,
    prefix: String,
    after_name: String,
    after_id: String,
}

impl Continuation {
    fn encode(&self) -> String {
        serde_json::to_vec(self)
            .unwrap_or_default()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    /// A token this server could have made: hexadecimal JSON of bounded
    /// size whose texts hold no NUL.
    fn decode(token: &str) -> Option<Continuation> {
        if token.len() > 4 * (MAX_PREFIX_CHARS + 2 * MAX_STORED_NAME_CHARS) {
            return None;
        }
        let bytes = (0..token.len())
            .step_by(2)
            .map(|at| u8::from_str_radix(token.get(at..at + 2)?, 16).ok())
            .collect::<Option<Vec<u8>>>()?;
        let page: Continuation = serde_json::from_slice(&bytes).ok()?;
        let plain = |text: &str, most: usize| !text.contains('\0') && text.chars().count() <= most;
        (plain(&page.prefix, MAX_PREFIX_CHARS)
            && plain(&page.after_name, MAX_STORED_NAME_CHARS)
            && plain(&page.after_id, 64))
        .then_some(page)
    }
}

/// Partner Center's search filter: `{"Field":"Domain","Value":"con","Operator":"starts_with"}`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Filter {
    field: String,
    value: String,
    operator: String,
}

enum SearchColumn {
    CompanyName,
    Domain,
}

fn parse_filter(raw: &str) -> ApiResult<(SearchColumn, String)> {
    let filter: Filter = serde_json::from_str(raw)
        .map_err(|error| ApiError::BadInput(format!("filter is not valid JSON: {error}")))?;
    if !filter.operator.eq_ignore_ascii_case("starts_with") {
        return Err(ApiError::BadInput(
            "filter Operator must be starts_with".to_owned(),
        ));
    }
    let column = match filter.field.to_ascii_lowercase().as_str() {
        "companyname" => SearchColumn::CompanyName,
        "domain" => SearchColumn::Domain,
        _ => {
            return Err(ApiError::BadInput(
                "filter Field must be CompanyName or Domain".to_owned(),
            ));
        }
    };
    if filter.value.chars().count() > MAX_PREFIX_CHARS || filter.value.contains('\0') {
        return Err(ApiError::BadInput(format!(
            "filter Value: at most {MAX_PREFIX_CHARS} characters, without NUL"
        )));
    }
    Ok((column, filter.value))
}

/// How a company name is stored for search: NFC, folded, single-spaced.
pub fn search_key(name: &str) -> String {
    text::fold(&text::nfc(name))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A LIKE pattern matching values that start with `prefix` literally.
fn starts_with_pattern(prefix: &str) -> String {
    let mut pattern = String::with_capacity(prefix.len() + 1);
    for ch in prefix.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(ch);
    }
    pattern.push('%');
    pattern
}

#[derive(sqlx::FromRow)]
struct CustomerRow {
    id: String,
    domain: String,
    company_name: String,
    relationship_to_partner: String,
    search_name: String,
}

impl From<CustomerRow> for Customer {
    fn from(row: CustomerRow) -> Self {
        let relationship =
            IntoDeserializer::<ValueError>::into_deserializer(row.relationship_to_partner.as_str());
        Customer {
            id: Some(row.id.clone()),
            company_profile: CompanyProfile {
                tenant_id: Some(row.id),
                domain: row.domain,
                company_name: row.company_name,
                attributes: Attributes::of("CustomerCompanyProfile"),
                ..Default::default()
            },
            relationship_to_partner: Some(
                RelationshipToPartner::deserialize(relationship)
                    .unwrap_or(RelationshipToPartner::Unknown),
            ),
            attributes: Attributes::of("Customer"),
            ..Default::default()
        }
    }
}

#[utoipa::path(get, path = "/customers", tag = "customers", params(ListQuery),
    responses((status = 200, description = "The partner's customers", body = Collection<Customer>)))]
pub async fn list(
    State(state): State<AppState>,
    _caller: Caller,
    headers: HeaderMap,
    QueryParams(query): QueryParams<ListQuery>,
) -> ApiResult<Json<Collection<Customer>>> {
    let size = query
        .size
        .unwrap_or(DEFAULT_PAGE_SIZE)
        .clamp(1, MAX_PAGE_SIZE);
    let next_page = query
        .seek_operation
        .as_deref()
        .is_some_and(|seek| seek.eq_ignore_ascii_case("next"));
    let page = if next_page {
        headers
            .get("ms-continuationtoken")
            .and_then(|value| value.to_str().ok())
            .and_then(Continuation::decode)
            .ok_or_else(|| {
                ApiError::BadInput(
                    "seekOperation=Next needs the MS-ContinuationToken of the previous page."
                        .to_owned(),
                )
            })?
    } else {
        let (domain, prefix) = match query.filter.as_deref() {
            Some(raw) => {
                let (column, value) = parse_filter(raw)?;
                match column {
                    SearchColumn::CompanyName => (false, search_key(&value)),
                    SearchColumn::Domain => (true, value.trim().to_ascii_lowercase()),
                }
            }
            None => (false, String::new()),
        };
        Continuation {
            domain,
            prefix,
            after_name: String::new(),
            after_id: String::new(),
        }
    };
    // Names are searched by their folded form, domains (ASCII) in lower case;
    // pages follow (search name, id), so inserts between pages shift nothing.
    let sql = if page.domain {
        "SELECT id, domain, company_name, relationship_to_partner, search_name FROM customers \
         WHERE domain LIKE $1 ESCAPE '\\' AND (search_name > $3 OR (search_name = $3 AND id > $4)) \
         ORDER BY search_name, id LIMIT $2"
    } else {
        "SELECT id, domain, company_name, relationship_to_partner, search_name FROM customers \
         WHERE search_name LIKE $1 ESCAPE '\\' AND (search_name > $3 OR (search_name = $3 AND id > $4)) \
         ORDER BY search_name, id LIMIT $2"
    };
    let mut rows: Vec<CustomerRow> = sqlx::query_as(sql)
        .bind(starts_with_pattern(&page.prefix))
        .bind(i64::from(size) + 1)
        .bind(&page.after_name)
        .bind(&page.after_id)
        .fetch_all(&state.db)
        .await?;
    let more = rows.len() > size as usize;
    rows.truncate(size as usize);
    let next = match rows.last() {
        Some(last) if more => Some(Continuation {
            after_name: last.search_name.clone(),
            after_id: last.id.clone(),
            ..page
        }),
        _ => None,
    };
    let mut collection = Collection::new(rows.into_iter().map(Customer::from).collect());
    if let Some(next) = next {
        collection.links.insert(
            "next".to_owned(),
            Link {
                uri: format!("/customers?size={size}&seekOperation=Next"),
                method: "GET".to_owned(),
                headers: vec![KeyValue {
                    key: "MS-ContinuationToken".to_owned(),
                    value: next.encode(),
                }],
            },
        );
    }
    Ok(Json(collection))
}

/// `GET /v1/customers/{id}`.
#[utoipa::path(get, path = "/customers/{id}", tag = "customers",
    params(("id" = String, Path, description = "The customer's tenant id")),
    responses((status = 200, description = "The customer", body = Customer)))]
pub async fn get(
    State(state): State<AppState>,
    _caller: Caller,
    PathParams(id): PathParams<String>,
) -> ApiResult<Json<Customer>> {
    stored(&state.db, &id).await.map(Json)
}

/// A customer of ours, as stored (without credentials); 404 for an unknown id.
async fn stored(db: &crate::Db, customer_id: &str) -> ApiResult<Customer> {
    let row: Option<(String,)> = sqlx::query_as("SELECT resource FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_optional(db)
        .await?;
    let (resource,) = row.ok_or(ApiError::NotFound)?;
    db::from_resource(&resource)
}

/// The country of a customer of ours; 404 for an unknown id.
pub async fn country_of(db: &crate::Db, customer_id: &str) -> ApiResult<String> {
    Ok(stored(db, customer_id)
        .await?
        .billing_profile
        .map(|billing| billing.default_address.country)
        .unwrap_or_default())
}

/// A customer's stored resources (agreements, orders) as a collection, oldest
/// first; 404 for an unknown customer.
pub async fn resources_of(
    db: &crate::Db,
    customer_id: &str,
    table: Owned,
) -> ApiResult<Json<Collection<serde_json::Value>>> {
    stored(db, customer_id).await?;
    let sql = match table {
        Owned::Agreements => {
            "SELECT resource FROM agreements WHERE customer_id = $1 ORDER BY created_at, id"
        }
        Owned::Orders => {
            "SELECT resource FROM orders WHERE customer_id = $1 ORDER BY created_at, id"
        }
    };
    let rows: Vec<(String,)> = sqlx::query_as(sql).bind(customer_id).fetch_all(db).await?;
    let items = rows
        .iter()
        .map(|(resource,)| db::from_resource(resource))
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(Json(Collection::new(items)))
}

/// What a customer owns that is listed by [`resources_of`].
pub enum Owned {
    Agreements,
    Orders,
}

/// Whether an initial domain exists: one of ours, or another partner's tenant.
async fn domain_taken<'e>(
    executor: impl sqlx::Executor<'e, Database = sqlx::Any>,
    domain: &str,
) -> ApiResult<bool> {
    let domain = domain.trim().to_ascii_lowercase();
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM customers WHERE lower(domain) = $1 \
         UNION ALL SELECT 1 FROM taken_domains WHERE domain = $1",
    )
    .bind(&domain)
    .fetch_optional(executor)
    .await?;
    Ok(row.is_some())
}

/// `HEAD /v1/domains/{domain}`: 200 = taken, 404 = available (no body either way).
#[utoipa::path(head, path = "/domains/{domain}", tag = "customers",
    params(("domain" = String, Path, description = "A full initial domain, e.g. contoso.onmicrosoft.com")),
    responses((status = 200, description = "Taken"), (status = 404, description = "Available")))]
pub async fn head_domain(
    State(state): State<AppState>,
    _caller: Caller,
    PathParams(domain): PathParams<String>,
) -> ApiResult<StatusCode> {
    Ok(if domain_taken(&state.db, &domain).await? {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    })
}

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
    if let Some(field) = state.settings.take_injected_failure() {
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
    use super::{admin_password, canonical_culture, starts_with_pattern};

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

    #[test]
    fn like_wildcards_in_the_prefix_match_literally() {
        assert_eq!(starts_with_pattern("con"), "con%");
        assert_eq!(starts_with_pattern("50%_off\\"), "50\\%\\_off\\\\%");
    }
}
