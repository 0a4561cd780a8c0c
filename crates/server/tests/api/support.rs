//! A real database per test (a SQLite file, or a fresh PostgreSQL database when
//! `TEST_POSTGRES_URL` is set — `make test` runs both), the real router called
//! without a socket, and signed-in staff of any role.

use axum::body::{Body, HttpBody};
use axum::http::{HeaderMap, Method, Request, Response, StatusCode};
use customer_api::{AppState, Settings, app, auth, db};
use customer_model::wire::{PartnerType, Role};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

pub struct TestApi {
    pub state: AppState,
    pub url: String,
    pub dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    /// A response read to its end, from the router or from a socket.
    pub async fn read<B: HttpBody>(response: Response<B>) -> Result<Reply, B::Error> {
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await?.to_bytes().to_vec();
        Ok(Reply {
            status,
            headers,
            body,
        })
    }

    /// The status and body, for messages.
    pub fn text(&self) -> String {
        format!("{} {}", self.status, String::from_utf8_lossy(&self.body))
    }

    /// Asserts the status, showing the body when it differs.
    pub fn expect(&self, status: StatusCode) -> &Reply {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.body)
        );
        self
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|error| {
            panic!(
                "{} body is not JSON ({error}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The `code`s of a 400's field-level items, as `field:code`.
    pub fn issues(&self) -> Vec<String> {
        self.json()["data"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|item| {
                        format!(
                            "{}:{}",
                            item["field"].as_str().unwrap_or("?"),
                            item["code"].as_str().unwrap_or("?")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A fresh database URL: a SQLite file in `dir`, or a new PostgreSQL database.
async fn fresh_url(dir: &std::path::Path) -> String {
    match std::env::var("TEST_POSTGRES_URL") {
        Ok(server) => {
            static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
            let name = format!(
                "api_test_{}_{}_{}",
                std::process::id(),
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                db::now()
            );
            let admin = sqlx::postgres::PgPool::connect(&server)
                .await
                .expect("PostgreSQL server");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&admin)
                .await
                .expect("create test database");
            let (base, _) = server.rsplit_once('/').expect("a database in the URL");
            format!("{base}/{name}")
        }
        Err(_) => format!("sqlite://{}", dir.join("api.db").display()),
    }
}

pub fn direct_settings() -> Settings {
    let mut settings = Settings::default();
    settings.partner.domains = vec!["contosopartner.com".to_owned()];
    settings
}

pub fn indirect_settings() -> Settings {
    let mut settings = direct_settings();
    settings.partner.partner_type = PartnerType::IndirectProvider;
    settings
}

impl TestApi {
    pub async fn new(settings: Settings) -> TestApi {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_url(dir.path()).await;
        let db = db::connect(&url).await.expect("open test database");
        TestApi {
            state: AppState::new(db, settings),
            url,
            dir,
        }
    }

    pub async fn direct() -> TestApi {
        TestApi::new(direct_settings()).await
    }

    /// The same database opened again, as after a server restart.
    pub async fn restarted(self) -> TestApi {
        let settings = (*self.state.settings).clone();
        self.state.db.close().await;
        let db = db::connect(&self.url).await.expect("reopen test database");
        TestApi {
            state: AppState::new(db, settings),
            url: self.url,
            dir: self.dir,
        }
    }

    pub fn router(&self) -> axum::Router {
        app(self.state.clone(), None)
    }

    /// A signed-in user of `role` (created on first use): their bearer token.
    pub async fn token(&self, role: Role) -> String {
        let user_name = format!("{}@contosopartner.com", role.as_str());
        let password = "correct horse battery staple";
        auth::upsert_user(&self.state.db, &user_name, Some(password), role)
            .await
            .expect("create user");
        let reply = self
            .send(
                Method::POST,
                "/v1/auth/token",
                None,
                Some(json!({"userName": user_name, "password": password})),
                &[],
            )
            .await;
        reply.expect(StatusCode::OK);
        reply.json()["accessToken"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    pub async fn send(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = match body {
            Some(body) => request
                .header("Content-Type", "application/json")
                .body(Body::from(body.to_string())),
            None => request.body(Body::empty()),
        }
        .expect("request");
        let response = self.router().oneshot(request).await.expect("response");
        Reply::read(response).await.expect("body")
    }

    pub async fn get(&self, uri: &str, token: &str) -> Reply {
        self.send(Method::GET, uri, Some(token), None, &[]).await
    }

    pub async fn post(
        &self,
        uri: &str,
        token: &str,
        body: Value,
        request_id: Option<&str>,
    ) -> Reply {
        let headers: Vec<(&str, &str)> = request_id
            .map(|id| ("MS-RequestId", id))
            .into_iter()
            .collect();
        self.send(Method::POST, uri, Some(token), Some(body), &headers)
            .await
    }

    pub async fn count(&self, table: &str) -> i64 {
        let (count,): (i64,) =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(&self.state.db)
                .await
                .expect("count");
        count
    }

    /// Creates a valid US customer on `prefix`.onmicrosoft.com; its id.
    pub async fn create_customer(&self, token: &str, prefix: &str) -> String {
        self.create(token, customer_body(prefix)).await
    }

    /// Creates the customer `body` describes; its id.
    pub async fn create(&self, token: &str, body: Value) -> String {
        let reply = self.post("/v1/customers", token, body, None).await;
        reply.expect(StatusCode::CREATED);
        reply.json()["id"].as_str().expect("id").to_owned()
    }
}

/// A create-customer request that passes every rule (US).
pub fn customer_body(prefix: &str) -> Value {
    json!({
        "companyProfile": {"domain": format!("{prefix}.onmicrosoft.com"), "companyName": "Contoso Incorporated"},
        "billingProfile": {
            "email": "jane@contosoinc.com", "culture": "en-US", "language": "en",
            "companyName": "Contoso Incorporated",
            "defaultAddress": {
                "firstName": "Jane", "lastName": "Doe", "addressLine1": "1 Microsoft Way",
                "city": "Redmond", "state": "WA", "postalCode": "98052", "country": "US",
                "phoneNumber": "4255550101"
            }
        },
        "enableGDAPByDefault": true
    })
}

/// The same, for a Hungarian company (registration number and phone required).
pub fn hungarian_body(prefix: &str) -> Value {
    json!({
        "CompanyProfile": {"Domain": format!("{prefix}.onmicrosoft.com"), "CompanyName": "Példa Informatikai Kft.",
                           "OrganizationRegistrationNumber": "12892312-2-42"},
        "BillingProfile": {
            "Email": "info@pelda.hu", "Culture": "hu-HU", "Language": "hu",
            "CompanyName": "Példa Informatikai Kft.",
            "DefaultAddress": {
                "FirstName": "Éva", "LastName": "Kovács", "AddressLine1": "Nádor utca 12.",
                "City": "Budapest", "PostalCode": "1051", "Country": "HU", "PhoneNumber": "+36 1 234 5678"
            }
        }
    })
}

/// A one-offer catalogue in the demo catalogue's shape, its offer in `category`
/// (the one category it lists is `Bench_Key`).
pub fn small_catalogue(category: &str) -> Value {
    let texts = |text: &str| json!({"en": text, "hu": text, "tr": text});
    json!({
        "categories": [{"id": "Bench_Key", "rank": 10, "name": texts("Bench")}],
        "currencies": {"DE": "EUR"},
        "offers": [{
            "id": "BENCH-0001", "category": category, "rank": 1,
            "name": texts("Bench offer"), "description": texts("Sold by the benchmark"),
            "minimumQuantity": 1, "maximumQuantity": 50, "billing": "license",
            "supportedBillingCycles": ["monthly"], "priceBillingCycle": "monthly",
            "termDuration": "P1M", "isTrial": false, "isAddOn": false, "unitType": "Licenses",
            "prices": {"USD": 2.0, "EUR": 1.5}
        }]
    })
}

/// `text` percent-encoded for a query string.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}
