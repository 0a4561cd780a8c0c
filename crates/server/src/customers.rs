//! `/v1/customers`: the partner's customers.

use axum::Json;
use axum::extract::{Query, State};
use customer_model::wire::{
    Attributes, Collection, CompanyProfile, Customer, RelationshipToPartner,
};
use serde::Deserialize;
use serde::de::IntoDeserializer;
use serde::de::value::Error as ValueError;

use crate::AppState;
use crate::error::{ApiError, ApiResult};

const DEFAULT_PAGE_SIZE: u32 = 40;
const MAX_PAGE_SIZE: u32 = 500;

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    size: Option<u32>,
    filter: Option<String>,
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
    Ok((column, filter.value))
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

pub async fn list(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> ApiResult<Json<Collection<Customer>>> {
    let size = query
        .size
        .unwrap_or(DEFAULT_PAGE_SIZE)
        .clamp(1, MAX_PAGE_SIZE);
    let (column, pattern) = match query.filter.as_deref() {
        Some(raw) => {
            let (column, value) = parse_filter(raw)?;
            (Some(column), starts_with_pattern(&value))
        }
        None => (None, "%".to_owned()),
    };
    let sql = match column {
        Some(SearchColumn::Domain) => {
            "SELECT id, domain, company_name, relationship_to_partner FROM customers \
             WHERE domain LIKE ?1 ESCAPE '\\' ORDER BY lower(company_name), id LIMIT ?2"
        }
        _ => {
            "SELECT id, domain, company_name, relationship_to_partner FROM customers \
             WHERE company_name LIKE ?1 ESCAPE '\\' ORDER BY lower(company_name), id LIMIT ?2"
        }
    };
    let rows: Vec<CustomerRow> = sqlx::query_as(sql)
        .bind(pattern)
        .bind(i64::from(size))
        .fetch_all(&state.db)
        .await?;
    Ok(Json(Collection::new(
        rows.into_iter().map(Customer::from).collect(),
    )))
}

#[cfg(test)]
mod tests {
    use super::starts_with_pattern;

    #[test]
    fn like_wildcards_in_the_prefix_match_literally() {
        assert_eq!(starts_with_pattern("con"), "con%");
        assert_eq!(starts_with_pattern("50%_off\\"), "50\\%\\_off\\\\%");
    }
}
