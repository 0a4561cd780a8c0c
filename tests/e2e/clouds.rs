//! `cloud` in `config.json` and `serve --cloud`: in 21Vianet (China) the new
//! tenant's domain ends in `.partner.onmschina.cn` — shown at the field,
//! checked for availability and sent that way — and the agreement's
//! acceptance cannot be recorded on the customer's behalf.
use super::deployment::deployed_copy;
use super::*;

async fn chinese_cloud(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    add_customer(client).await?;
    text_is(client, ".domain__suffix", ".partner.onmschina.cn").await?;
    wait_for(client, Locator::Id("agreement-will-accept")).await?;
    count_is(client, "#agreement-has-accepted", 0).await?;
    fill_account_info(client, &FOVAROSI).await?;
    text_is(
        client,
        ".availability--ok",
        "fovarosikerteszet.partner.onmschina.cn is available",
    )
    .await?;
    next(client).await?;
    heading(client, "Subscriptions").await?;
    next(client).await?;
    heading(client, "Review").await?;
    main_showing(client, &["fovarosikerteszet.partner.onmschina.cn"]).await?;
    click(client, "#submit").await?;
    heading(client, "Customer added").await?;
    main_showing(client, &["admin@fovarosikerteszet.partner.onmschina.cn"])
        .await
        .map(drop)
}

#[tokio::test(flavor = "multi_thread")]
async fn in_the_21vianet_cloud_domains_end_in_partner_onmschina_cn_and_no_attestation_is_offered() {
    let (_site, files) = deployed_copy("/");
    std::fs::write(
        files.join("config.json"),
        r#"{"apiBaseUrl": "", "cloud": "china"}"#,
    )
    .expect("write config.json");
    let harness = Harness::start_serving(&["--cloud", "china"], &files, "127.0.0.1:0");
    let client = harness.browser().await;
    let outcome = chinese_cloud(&client, &harness.base_url).await;
    conclude(client, "cloud-china", outcome).await;
}
