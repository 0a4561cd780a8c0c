//! After signing in, the app goes back only to one of its own pages, judged
//! after the browser has parsed the path: a tab, newline or backslash, a
//! protocol-relative or percent-encoded path, an absolute URL or a
//! `javascript:` one in `?return=` each lead to this origin (Customers),
//! never elsewhere; a page of the app is returned to.
use super::*;

/// `?return=` values as an attacker writes them into a link.
const HOSTILE: [&str; 9] = [
    "%2F%09%2Fexample.com",
    "%2F%0A%2Fexample.com",
    "%2F%09%5Cexample.com",
    "%2F%5Cexample.com",
    "%2F%2Fexample.com",
    "%2F%252F%252Fexample.com",
    "https%3A%2F%2Fexample.com%2F",
    "javascript%3Aalert(document.domain)",
    "%2F..%2F..%2F%2Fexample.com",
];

async fn hostile_return_paths(client: &Client, base_url: &str) -> Outcome {
    for (at, hostile) in HOSTILE.iter().enumerate() {
        open(client, base_url, &format!("/sign-in?return={hostile}")).await?;
        if at == 0 {
            trap_errors(client).await?;
        }
        use_demo_account(client, "adminagent").await?;
        // Wherever it went, it is a page of this app on this origin.
        wait_for(client, Locator::Css("h1")).await?;
        let address = client
            .current_url()
            .await
            .map_err(failed("read the address"))?;
        check(address.as_str().starts_with(base_url), || {
            format!("?return={hostile} led to {address}")
        })?;
        path_is(client, "/customers").await?;
        click(client, ".site-header__sign-out").await?;
        heading(client, "Sign in").await?;
    }
    // One of the app's own pages, with its query, is returned to.
    open(
        client,
        base_url,
        "/sign-in?return=%2Fcustomers%3Fq%3Dcontoso%26by%3Dname",
    )
    .await?;
    use_demo_account(client, "adminagent").await?;
    heading(client, "Customers").await?;
    address_is(client, "/customers?q=contoso&by=name").await
}

#[tokio::test(flavor = "multi_thread")]
async fn after_sign_in_only_the_app_s_own_pages_are_returned_to() {
    in_browser("return-paths", |client, base_url| {
        Box::pin(hostile_return_paths(client, base_url))
    })
    .await;
}
