//! Agreements: the templates (`GET /v1/agreements`) and the partner's record of
//! a customer's acceptance (`POST /v1/customers/{id}/agreements`).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use customer_model::validation::{self, Context, Date};
use customer_model::wire::{
    Agreement, AgreementMetaData, AgreementType, Attributes, Collection, Role,
};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, is_unique_violation, refuse_errors};
use crate::extract::{JsonWithBytes, PathParams, QueryParams};
use crate::idempotency::{self, Claim, Prior};
use crate::{AppState, audit, country_rules, customers, db};

const TEMPLATES: [(AgreementType, &str, &str); 2] = [
    (
        AgreementType::MicrosoftCustomerAgreement,
        "117a77b0-9360-443b-8795-c6dedc750cf9",
        "https://aka.ms/customeragreement",
    ),
    (
        AgreementType::MicrosoftCloudAgreement,
        "998b88de-aa99-4388-a42c-1b3517d49490",
        "https://aka.ms/microsoftcloudagreement",
    ),
];

fn template(agreement_type: AgreementType) -> AgreementMetaData {
    let (_, id, link) = TEMPLATES
        .iter()
        .copied()
        .find(|(kind, _, _)| *kind == agreement_type)
        .unwrap_or(TEMPLATES[0]);
    AgreementMetaData {
        template_id: id.to_owned(),
        agreement_type,
        agreement_link: link.to_owned(),
        version_rank: 0,
        attributes: Attributes::of("AgreementMetaData"),
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TemplateQuery {
    #[serde(rename = "agreementType")]
    agreement_type: Option<String>,
}

/// `GET /v1/agreements?agreementType=…`: Partner Center defaults to the
/// Microsoft Cloud Agreement; `*` lists every type.
#[utoipa::path(get, path = "/agreements", tag = "agreements", params(TemplateQuery),
    responses((status = 200, description = "Agreement templates", body = Collection<AgreementMetaData>)))]
pub async fn templates(
    _caller: Caller,
    QueryParams(query): QueryParams<TemplateQuery>,
) -> ApiResult<Json<Collection<AgreementMetaData>>> {
    let wanted = query.agreement_type.unwrap_or_default();
    let types: Vec<AgreementType> = match wanted.trim() {
        "" => vec![AgreementType::MicrosoftCloudAgreement],
        "*" => TEMPLATES.iter().map(|(kind, _, _)| *kind).collect(),
        name => {
            let kind = serde_json::from_value(serde_json::Value::String(name.to_owned()))
                .map_err(|_| {
                    ApiError::BadInput(
                        "agreementType must be MicrosoftCustomerAgreement, MicrosoftCloudAgreement or *"
                            .to_owned(),
                    )
                })?;
            vec![kind]
        }
    };
    Ok(Json(Collection::new(
        types.into_iter().map(template).collect(),
    )))
}

/// The acceptor's details as compared for duplicates.
fn contact_key(agreement: &Agreement) -> String {
    let contact = &agreement.primary_contact;
    [
        &contact.first_name,
        &contact.last_name,
        &contact.email.to_ascii_lowercase(),
        contact.phone_number.as_ref().unwrap_or(&String::new()),
    ]
    .iter()
    .map(|part| validation::normalize(part))
    .collect::<Vec<_>>()
    .join("\u{1f}")
}

/// `POST /v1/customers/{id}/agreements`: Admin agents and Sales agents only;
/// the date may not be in the future. Idempotent on `MS-RequestId`.
#[utoipa::path(post, path = "/customers/{id}/agreements", tag = "agreements", request_body = Agreement,
    params(("id" = String, Path, description = "The customer's tenant id")),
    responses((status = 201, description = "Recorded", body = Agreement)))]
pub async fn accept(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    PathParams(customer_id): PathParams<String>,
    body: JsonWithBytes<Agreement>,
) -> ApiResult<Response> {
    // Partner Center offers the attestation in the public cloud only.
    if !state.settings.cloud.offers_agreement_attestation() {
        return Err(ApiError::NotFound);
    }
    caller.require(
        Role::can_accept_agreement,
        "confirm the customer agreement on the customer's behalf",
    )?;
    let key = match idempotency::prior(
        &state,
        &caller,
        &headers,
        &format!("POST /v1/customers/{customer_id}/agreements"),
        &body.bytes,
    )
    .await?
    {
        Prior::Answered(response) => return Ok(response),
        Prior::New(key) => key,
    };
    let country = customers::country_of(&state.db, &customer_id).await?;
    let rules = country_rules::lookup(&country).ok_or_else(|| {
        ApiError::Internal(format!("customer {customer_id} has no country rules"))
    })?;
    let mut request = body.value;
    // The furthest time zone is a day ahead of UTC: "today" there is not the future.
    let context = Context {
        rules,
        partner_domains: &state.settings.partner.domains,
        today: db::utc_date(1),
        cloud: state.settings.cloud,
    };
    refuse_errors(validation::agreement(&request, &context))?;
    let expected = template(request.agreement_type);
    if !request
        .template_id
        .trim()
        .eq_ignore_ascii_case(&expected.template_id)
    {
        return Err(ApiError::BadInput(format!(
            "templateId must be {} for {:?}.",
            expected.template_id, request.agreement_type
        )));
    }
    let date = Date::parse_iso(&request.date_agreed)
        .ok_or_else(|| ApiError::BadInput("dateAgreed is not a date.".to_owned()))?;

    let mut tx = db::begin_write(&state.db).await?;
    if let Claim::Replay(response) = idempotency::claim(&mut tx, key.as_ref()).await? {
        return Ok(response);
    }
    request.template_id = expected.template_id;
    request.agreement_link = Some(expected.agreement_link);
    request.user_id = Some(caller.user_id.clone());
    request.attributes = Attributes::of("Agreement");
    let id = uuid::Uuid::new_v4().to_string();
    let resource = db::to_resource(&request)?;
    let inserted = sqlx::query(
        "INSERT INTO agreements (id, customer_id, date_agreed, contact_key, resource, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(&customer_id)
    .bind(date.to_string())
    .bind(contact_key(&request))
    .bind(&resource)
    .bind(db::now())
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(error) if is_unique_violation(&error) => {
            return Err(ApiError::Conflict {
                code: customer_model::wire::FaultCode::Number(600061),
                description: "A partner confirmed agreement already exists for the customer."
                    .to_owned(),
            });
        }
        other => other?,
    };
    audit::record(&mut tx, &caller, &headers, "agreement.accept", &customer_id).await?;
    let response =
        idempotency::finish(&mut tx, key.as_ref(), StatusCode::CREATED, &request).await?;
    tx.commit().await?;
    Ok(response)
}

/// `GET /v1/customers/{id}/agreements`: the acceptances recorded so far.
#[utoipa::path(get, path = "/customers/{id}/agreements", tag = "agreements",
    params(("id" = String, Path, description = "The customer's tenant id")),
    responses((status = 200, description = "Recorded acceptances", body = Collection<Agreement>)))]
pub async fn list(
    State(state): State<AppState>,
    _caller: Caller,
    PathParams(customer_id): PathParams<String>,
) -> ApiResult<Json<Collection<serde_json::Value>>> {
    customers::resources_of(&state.db, &customer_id, customers::Owned::Agreements).await
}
