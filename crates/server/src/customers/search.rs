//! `GET /v1/customers`: Partner Center's search by the start of a company
//! name or a domain, paged by continuation tokens that ask no more than a
//! filter could.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use customer_model::text;
use customer_model::wire::{
    Attributes, Collection, CompanyProfile, Customer, KeyValue, Link, RelationshipToPartner,
};
use serde::de::IntoDeserializer;
use serde::de::value::Error as ValueError;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::QueryParams;

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
        crate::hex::encode(&serde_json::to_vec(self).unwrap_or_default())
    }

    /// A token this server could have made: hexadecimal JSON of bounded
    /// size whose texts hold no NUL.
    fn decode(token: &str) -> Option<Continuation> {
        if token.len() > 4 * (MAX_PREFIX_CHARS + 2 * MAX_STORED_NAME_CHARS) {
            return None;
        }
        let bytes = crate::hex::decode(token)?;
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

/// `GET /v1/customers`: a page of the partner's customers, by folded
/// company name then id, optionally filtered by the start of a name or domain.
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

#[cfg(test)]
mod tests {
    use super::starts_with_pattern;

    #[test]
    fn like_wildcards_in_the_prefix_match_literally() {
        assert_eq!(starts_with_pattern("con"), "con%");
        assert_eq!(starts_with_pattern("50%_off\\"), "50\\%\\_off\\\\%");
    }
}
