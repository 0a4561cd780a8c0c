//! Demo mode (`serve --demo`, loopback only): an indirect provider with three
//! resellers, one staff account per role with a fresh password each start,
//! a few existing customers and domains taken by other partners' tenants —
//! enough to try every path of the wizard.

use axum::Json;
use axum::extract::State;
use customer_model::cloud::Cloud;
use customer_model::validation;
use customer_model::wire::{
    Address, Attributes, BillingProfile, CompanyProfile, Customer, DemoAccount, DemoInfo,
    PartnerProfile, PartnerType, Role,
};

use crate::auth::{random_text, store_user};
use crate::customers::{created_customer, store};
use crate::error::{ApiError, ApiResult, is_unique_violation};
use crate::{AppState, Db};

pub fn partner() -> PartnerProfile {
    PartnerProfile {
        tenant_id: "2f5a7c1e-8d4b-4e6a-9c3f-1b2d3e4f5a6b".to_owned(),
        name: "Fabrikam Cloud Solutions".to_owned(),
        partner_type: PartnerType::IndirectProvider,
        domains: vec!["fabrikam.com".to_owned()],
    }
}

/// (tenant id, name, PartnerID, country)
const RESELLERS: [(&str, &str, &str, &str); 3] = [
    (
        "484e548c-f5f3-4528-93a9-c16c6373cb59",
        "First Up Consultants",
        "4847383",
        "US",
    ),
    (
        "7c1d9e2a-3b4f-4a5c-8d6e-0f1a2b3c4d5e",
        "Tailspin Informatika Kft.",
        "6120457",
        "HU",
    ),
    (
        "a3e8f1b2-5c6d-4e7f-9a0b-1c2d3e4f5a6b",
        "Anadolu Bulut Çözümleri A.Ş.",
        "6391825",
        "TR",
    ),
];

/// Initial domains of tenants that belong to other partners.
const TAKEN_DOMAINS: [&str; 4] = ["contoso", "northwind", "adatum", "litware"];

/// (domain prefix, company, country, city, postal code, address line, email)
const CUSTOMERS: [(&str, &str, &str, &str, &str, &str, &str); 6] = [
    (
        "wingtiptoys",
        "Wingtip Toys",
        "US",
        "Seattle",
        "98101",
        "1200 5th Ave",
        "kim@wingtiptoys.com",
    ),
    (
        "alpineskihouse",
        "Alpine Ski House",
        "US",
        "Denver",
        "80202",
        "1600 Broadway",
        "ops@alpineskihouse.com",
    ),
    (
        "margiestravel",
        "Margie's Travel",
        "GB",
        "London",
        "SW1A 1AA",
        "10 Downing Street",
        "travel@margies.co.uk",
    ),
    (
        "kovacsestarsa",
        "Kovács és Társa Bt.",
        "HU",
        "Budapest",
        "1051",
        "Nádor utca 12.",
        "iroda@kovacs.hu",
    ),
    (
        "tailspintoyshu",
        "Tailspin Toys Kft.",
        "HU",
        "Debrecen",
        "4024",
        "Piac utca 20.",
        "info@tailspin.hu",
    ),
    (
        "yildiztekstil",
        "Yıldız Tekstil A.Ş.",
        "TR",
        "İstanbul",
        "34394",
        "Büyükdere Caddesi 120",
        "bilgi@yildiztekstil.com.tr",
    ),
];

fn customer(entry: &(&str, &str, &str, &str, &str, &str, &str)) -> Customer {
    let (prefix, company, country, city, postal_code, line1, email) = *entry;
    let request = Customer {
        company_profile: CompanyProfile {
            domain: validation::canonical_domain(prefix, Cloud::Public),
            company_name: company.to_owned(),
            ..Default::default()
        },
        billing_profile: Some(BillingProfile {
            email: email.to_owned(),
            culture: "en-US".to_owned(),
            language: "en".to_owned(),
            company_name: company.to_owned(),
            default_address: Address {
                first_name: Some("Demo".to_owned()),
                last_name: Some("Contact".to_owned()),
                address_line1: line1.to_owned(),
                city: Some(city.to_owned()),
                postal_code: Some(postal_code.to_owned()),
                country: country.to_owned(),
                ..Default::default()
            },
            ..Default::default()
        }),
        ..Default::default()
    };
    // Stable ids, so that restarts find the same demo customers.
    let id = uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_DNS,
        validation::canonical_domain(prefix, Cloud::Public).as_bytes(),
    );
    created_customer(&request, &id.to_string(), Cloud::Public)
}

/// Seeds the demo data (idempotently) and gives every role's account a new
/// password, returned for printing and for `GET /v1/demo`.
pub async fn seed(db: &Db) -> ApiResult<DemoInfo> {
    let mut tx = crate::db::begin_write(db).await?;
    for (id, name, mpn_id, location) in RESELLERS {
        sqlx::query(
            "INSERT INTO resellers (id, name, mpn_id, location, state) VALUES ($1, $2, $3, $4, 'Active') \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(id)
        .bind(name)
        .bind(mpn_id)
        .bind(location)
        .execute(&mut *tx)
        .await?;
    }
    for prefix in TAKEN_DOMAINS {
        sqlx::query(
            "INSERT INTO taken_domains (domain) VALUES ($1) ON CONFLICT (domain) DO NOTHING",
        )
        .bind(validation::canonical_domain(prefix, Cloud::Public))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    for entry in &CUSTOMERS {
        let mut tx = crate::db::begin_write(db).await?;
        match store(&mut tx, &customer(entry), None).await {
            // Seeded on an earlier start (or the domain is someone's already).
            Err(error) if is_unique_violation(&error) => continue,
            other => other?,
        }
        tx.commit().await?;
    }
    let mut accounts = Vec::new();
    for role in Role::ALL {
        let user_name = role.as_str().replace('_', "");
        let password = random_text(14);
        store_user(db, &user_name, Some(&password), role, false).await?;
        sqlx::query("UPDATE users SET demo = 1 WHERE lower(user_name) = lower($1)")
            .bind(&user_name)
            .execute(db)
            .await?;
        accounts.push(DemoAccount {
            user_name,
            password,
            role: Some(role),
        });
    }
    Ok(DemoInfo {
        accounts,
        attributes: Attributes::of("DemoInfo"),
    })
}

/// `GET /v1/demo`: the demo accounts, for the sign-in page; 404 outside demo mode.
#[utoipa::path(get, path = "/demo", tag = "staff", security(()),
    responses((status = 200, description = "The demo accounts (demo mode only)", body = DemoInfo)))]
pub async fn info(State(state): State<AppState>) -> ApiResult<Json<DemoInfo>> {
    state
        .settings
        .demo
        .clone()
        .map(Json)
        .ok_or(ApiError::NotFound)
}
