//! The API as any client calls it — a plain HTTP/1.1 exchange, so that it
//! answers whatever the page is doing — and what the server holds.
use super::*;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Where the page keeps its bearer token (sessionStorage).
const TOKEN_KEY: &str = "customer-wizard.token";

/// An answer of the API.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) body: Value,
}

/// One request to the API, as any client would send it.
pub(crate) async fn call_api(
    base_url: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> Result<Answer, String> {
    let what = format!("{method} {path}");
    let address = base_url
        .strip_prefix("http://")
        .ok_or_else(|| format!("not an http URL: {base_url}"))?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nAccept: application/json\r\n\
         Connection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(token) = token {
        request.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(&body);
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(address).await?;
        stream.write_all(request.as_bytes()).await?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await?;
        Ok::<_, std::io::Error>(raw)
    };
    let raw = tokio::time::timeout(WAIT, exchange)
        .await
        .map_err(|_| format!("{what}: no answer within {WAIT:?}"))?
        .map_err(|error| format!("{what}: {error}"))?;
    let text = String::from_utf8_lossy(&raw);
    let (head, content) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| format!("{what}: not an HTTP answer: {text:?}"))?;
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("{what}: no status in {head:?}"))?;
    let chunked = head
        .lines()
        .any(|line| line.eq_ignore_ascii_case("transfer-encoding: chunked"));
    let content = if chunked {
        dechunk(content)
    } else {
        content.to_owned()
    };
    let body = if content.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&content)
            .map_err(|error| format!("{what}: answer is not JSON ({error}): {content:?}"))?
    };
    Ok(Answer { status, body })
}

fn dechunk(mut content: &str) -> String {
    let mut body = String::new();
    while let Some((size, rest)) = content.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || rest.len() < size {
            break;
        }
        body.push_str(&rest[..size]);
        content = rest[size..].trim_start_matches("\r\n");
    }
    body
}

/// Percent-encodes a query value.
fn encoded(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// The API as one signed-in user calls it.
pub(crate) struct Api {
    base_url: String,
    token: String,
}

/// A customer, its agreements and its orders, as the API holds them.
pub(crate) struct Held {
    pub(crate) customer: Value,
    pub(crate) agreements: Vec<Value>,
    pub(crate) orders: Vec<Value>,
}

/// The elements of a JSON array (none when it is not one).
fn array(value: &Value) -> Vec<Value> {
    value.as_array().cloned().unwrap_or_default()
}

impl Api {
    /// With the token of the page's session.
    pub(crate) async fn of_page(client: &Client, base_url: &str) -> Result<Self, String> {
        let token = client
            .execute(
                "return sessionStorage.getItem(arguments[0]);",
                vec![json!(TOKEN_KEY)],
            )
            .await
            .map_err(failed("read the token"))?;
        let token = token
            .as_str()
            .ok_or_else(|| "the page holds no token".to_owned())?;
        Ok(Api {
            base_url: base_url.to_owned(),
            token: token.to_owned(),
        })
    }

    /// Signed in as a demo account over the API (not through the page).
    pub(crate) async fn signed_in(base_url: &str, user: &str) -> Result<Self, String> {
        let demo = call_api(base_url, "GET", "/v1/demo", None, None).await?;
        let password = demo.body["accounts"]
            .as_array()
            .and_then(|accounts| {
                accounts
                    .iter()
                    .find(|account| account["userName"] == user)
                    .and_then(|account| account["password"].as_str())
            })
            .ok_or_else(|| format!("no demo account {user}: {}", demo.body))?;
        let answer = call_api(
            base_url,
            "POST",
            "/v1/auth/token",
            None,
            Some(&json!({"userName": user, "password": password})),
        )
        .await?;
        let token = answer.body["accessToken"]
            .as_str()
            .ok_or_else(|| format!("sign-in as {user}: {} {}", answer.status, answer.body))?;
        Ok(Api {
            base_url: base_url.to_owned(),
            token: token.to_owned(),
        })
    }

    pub(crate) async fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Answer, String> {
        call_api(&self.base_url, method, path, Some(&self.token), body).await
    }

    /// `GET path`, which must answer 200: its body.
    pub(crate) async fn get(&self, path: &str) -> Result<Value, String> {
        let answer = self.call("GET", path, None).await?;
        check(answer.status == 200, || {
            format!("GET {path}: {} {}", answer.status, answer.body)
        })?;
        Ok(answer.body)
    }

    /// The items of `GET path`, which must answer 200.
    async fn list(&self, path: &str) -> Result<Vec<Value>, String> {
        Ok(array(&self.get(path).await?["items"]))
    }

    /// The customers whose domain starts with `prefix`.
    pub(crate) async fn customers_at(&self, prefix: &str) -> Result<Vec<Value>, String> {
        let filter = json!({"Field": "Domain", "Value": prefix, "Operator": "starts_with"});
        let path = format!(
            "/v1/customers?size=100&filter={}",
            encoded(&filter.to_string())
        );
        self.list(&path).await
    }

    /// The customer `id`, its agreements and its orders.
    pub(crate) async fn held(&self, id: &str) -> Result<Held, String> {
        Ok(Held {
            customer: self.get(&format!("/v1/customers/{id}")).await?,
            agreements: self.list(&format!("/v1/customers/{id}/agreements")).await?,
            orders: self.list(&format!("/v1/customers/{id}/orders")).await?,
        })
    }

    /// Exactly one customer at `domain`, with exactly one order of
    /// `licenses` licenses (none when 0); its id.
    pub(crate) async fn one_customer_and_order(
        &self,
        domain: &str,
        licenses: u64,
    ) -> Result<String, String> {
        let customers = self.customers_at(domain).await?;
        check(customers.len() == 1, || {
            format!("customers with the domain {domain}: {customers:?}")
        })?;
        let id = customers[0]["id"].as_str().unwrap_or_default();
        let orders = self.list(&format!("/v1/customers/{id}/orders")).await?;
        check(orders.len() == usize::from(licenses > 0), || {
            format!("orders of {domain}: {orders:?}")
        })?;
        let quantity: u64 = order_lines(&orders)
            .iter()
            .map(|(_, quantity)| quantity)
            .sum();
        check(quantity == licenses, || {
            format!("licenses ordered for {domain}: {quantity}, not {licenses}")
        })?;
        Ok(id.to_owned())
    }
}

/// Every line of the orders: its offer and its quantity.
pub(crate) fn order_lines(orders: &[Value]) -> Vec<(String, u64)> {
    orders
        .iter()
        .flat_map(|order| array(&order["lineItems"]))
        .map(|line| {
            (
                line["offerId"].as_str().unwrap_or_default().to_owned(),
                line["quantity"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}
