//! Relationships: an indirect provider's resellers, and the invitation an
//! existing customer accepts to make us its partner.

use axum::Json;
use axum::extract::State;
use customer_model::wire::{
    Attributes, Collection, PartnerRelationship, PartnerType, RelationshipRequest,
};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::QueryParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RelationshipsQuery {
    relationship_type: Option<String>,
}

/// `GET /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf`:
/// the resellers (empty for a direct-bill partner, and for
/// `IsIndirectResellerOf`, since we are no reseller).
#[utoipa::path(get, path = "/relationships", tag = "relationships", params(RelationshipsQuery),
    responses((status = 200, description = "The indirect resellers", body = Collection<PartnerRelationship>)))]
pub async fn list(
    State(state): State<AppState>,
    _caller: Caller,
    QueryParams(query): QueryParams<RelationshipsQuery>,
) -> ApiResult<Json<Collection<PartnerRelationship>>> {
    let kind = query
        .relationship_type
        .unwrap_or_default()
        .to_ascii_lowercase()
        .replace('_', "");
    match kind.as_str() {
        "isindirectcloudsolutionproviderof" => {}
        "isindirectresellerof" => return Ok(Json(Collection::new(Vec::new()))),
        _ => {
            return Err(ApiError::BadInput(
                "relationship_type must be IsIndirectCloudSolutionProviderOf or IsIndirectResellerOf."
                    .to_owned(),
            ));
        }
    }
    if state.settings.partner.partner_type != PartnerType::IndirectProvider {
        return Ok(Json(Collection::new(Vec::new())));
    }
    let rows: Vec<(String, String, String, String, String)> =
        sqlx::query_as("SELECT id, name, mpn_id, location, state FROM resellers ORDER BY name, id")
            .fetch_all(&state.db)
            .await?;
    let items = rows
        .into_iter()
        .map(|(id, name, mpn_id, location, state)| PartnerRelationship {
            id,
            name,
            relationship_type: "is_indirect_cloud_solution_provider_of".to_owned(),
            state: Some(state),
            mpn_id: Some(mpn_id),
            location: Some(location),
            attributes: Attributes::of("PartnerRelationship"),
        })
        .collect();
    Ok(Json(Collection::new(items)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InvitationQuery {
    #[serde(rename = "indirectResellerId")]
    indirect_reseller_id: Option<String>,
}

/// `GET /v1/customers/relationshiprequests`: the link an existing customer's
/// Global admin opens to accept us (and, optionally, a reseller) as partner.
#[utoipa::path(get, path = "/customers/relationshiprequests", tag = "relationships", params(InvitationQuery),
    responses((status = 200, description = "The invitation link", body = RelationshipRequest)))]
pub async fn request(
    State(state): State<AppState>,
    caller: Caller,
    QueryParams(query): QueryParams<InvitationQuery>,
) -> ApiResult<Json<RelationshipRequest>> {
    // US Government has no relationship requests.
    if !state.settings.cloud.offers_relationship_requests() {
        return Err(ApiError::NotFound);
    }
    caller.may_add_customers()?;
    let partner = &state.settings.partner;
    let mut url = format!(
        "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId={}&msppId=0&DAP=false",
        partner.tenant_id
    );
    let reseller = query
        .indirect_reseller_id
        .as_deref()
        .map(str::trim)
        .unwrap_or_default();
    if !reseller.is_empty() {
        if !reseller
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
        {
            return Err(ApiError::BadInput(
                "indirectResellerId is not a tenant id.".to_owned(),
            ));
        }
        url.push_str("&indirectCSPId=");
        url.push_str(reseller);
    }
    url.push_str("#/BillingAccounts/partner-invitation");
    Ok(Json(RelationshipRequest {
        url,
        attributes: Attributes::of("RelationshipRequest"),
    }))
}
