//! A catalogue larger than a page, as Partner Center's is: Subscriptions
//! lists a category's offers a page at a time, its search finds offers of
//! every category, what is chosen stays chosen whatever is listed, and Review
//! shows the catalogue Subscriptions loaded without asking for it again —
//! until someone signs out.

use std::io::Write;

use fantoccini::key::Key;
use serde_json::Value;

use super::*;

/// Copies of each demo offer in the served catalogue: 400 offers, 60 of them
/// trials.
const COPIES: usize = 10;

/// The demo catalogue with each offer copied [`COPIES`] times, named
/// "<name> · edition NNNN" by its place in the file and given the id
/// `MANY-NNNN`; and the ids of its trials.
fn large_catalogue() -> Result<(tempfile::NamedTempFile, Vec<String>), String> {
    let demo = workspace().join("crates/server/data/demo-catalogue.json");
    let text = std::fs::read_to_string(&demo).map_err(|error| format!("{demo:?}: {error}"))?;
    let mut catalogue: Value = serde_json::from_str(&text).map_err(|error| error.to_string())?;
    let demo_offers = catalogue["offers"].as_array().cloned().unwrap_or_default();
    let mut offers = Vec::new();
    let mut trials = Vec::new();
    for _ in 0..COPIES {
        for offer in &demo_offers {
            let serial = format!("{:04}", offers.len());
            let mut offer = offer.clone();
            offer["id"] = json!(format!("MANY-{serial}"));
            offer["rank"] = json!(offers.len());
            if let Some(names) = offer["name"].as_object_mut() {
                for name in names.values_mut() {
                    *name = json!(format!(
                        "{} · edition {serial}",
                        name.as_str().unwrap_or_default()
                    ));
                }
            }
            if offer["category"] == "Trial_Key" {
                trials.push(format!("MANY-{serial}"));
            }
            offers.push(offer);
        }
    }
    catalogue["offers"] = Value::Array(offers);
    let mut file = tempfile::NamedTempFile::new().map_err(|error| error.to_string())?;
    file.write_all(catalogue.to_string().as_bytes())
        .map_err(|error| error.to_string())?;
    Ok((file, trials))
}

const LISTED: &str = "ul.offers > li";

fn tab(name: &str) -> String {
    format!("//nav[contains(@class,'tabs')]/button[text()='{name}']")
}

async fn choose_tab(client: &Client, name: &str) -> Outcome {
    wait_for(client, Locator::XPath(&tab(name)))
        .await?
        .click()
        .await
        .map_err(failed(&format!("click the tab {name:?}")))
}

/// Waits until the tab `name` is the pressed one (`true`) or not.
async fn tab_pressed(client: &Client, name: &str, pressed: bool) -> Outcome {
    let wanted = if pressed { "true" } else { "false" };
    eventually(
        &format!("the tab {name:?} to be aria-pressed={wanted}"),
        async || {
            wait_for(client, Locator::XPath(&tab(name)))
                .await?
                .attr("aria-pressed")
                .await
                .map_err(failed(&format!("aria-pressed of the tab {name:?}")))
        },
        |value| value.as_deref() == Some(wanted),
    )
    .await
    .map(drop)
}

/// Empties the search with Backspace, as a user does (WebDriver's clear
/// sends no `input` event).
async fn erase_search(client: &Client) -> Outcome {
    let typed = value_of(client, "offer-search").await?;
    wait_for(client, Locator::Id("offer-search"))
        .await?
        .send_keys(&Key::Backspace.to_string().repeat(typed.chars().count()))
        .await
        .map_err(failed("erase the search"))
}

/// The ids of the listed offers, in the page's order.
async fn listed_ids(client: &Client) -> Result<Vec<String>, String> {
    let ids = client
        .execute(
            "return [...document.querySelectorAll('.offer input[type=checkbox]')]\
               .map((checkbox) => checkbox.id.replace(/^offer-/, ''));",
            vec![],
        )
        .await
        .map_err(failed("the listed offers"))?;
    serde_json::from_value(ids).map_err(|error| format!("the listed offers' ids: {error}"))
}

/// From Customers: a new customer's Account info filled in for the garden
/// company on `prefix`, then Subscriptions, once its offers are listed.
async fn to_subscriptions(client: &Client, prefix: &str) -> Outcome {
    add_customer(client).await?;
    fill_account_info(client, &garden(prefix)).await?;
    next(client).await?;
    heading(client, "Subscriptions").await?;
    count_is(client, LISTED, 25).await
}

async fn large_catalogue_listed_a_page_at_a_time(
    client: &Client,
    base_url: &str,
    trials: &[String],
) -> Outcome {
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    to_subscriptions(client, "sokajanlat").await?;

    // The first category's 140 offers, 25 of them listed.
    tab_pressed(client, "Enterprise", true).await?;
    announces(client, "#offers-listed", "Showing 25 of 140 offers.").await?;
    text_is(client, "#show-more-offers", "Show 25 more offers").await?;

    // Trial: 60 offers, listed 25, then 50, then all with the last 10.
    choose_tab(client, "Trial").await?;
    tab_pressed(client, "Trial", true).await?;
    tab_pressed(client, "Enterprise", false).await?;
    count_is(client, LISTED, 25).await?;
    click(client, "#show-more-offers").await?;
    count_is(client, LISTED, 50).await?;
    announces(client, "#offers-listed", "Showing 50 of 60 offers.").await?;
    text_is(client, "#show-more-offers", "Show 10 more offers").await?;
    click(client, "#show-more-offers").await?;
    count_is(client, LISTED, 60).await?;
    announces(client, "#offers-listed", "Showing 60 of 60 offers.").await?;
    count_is(client, "#show-more-offers", 0).await?;
    let listed = listed_ids(client).await?;
    check(listed.iter().all(|id| trials.contains(id)), || {
        format!("the Trial tab lists {listed:?}")
    })?;

    // A search spans every category, in any letter case; no tab is pressed.
    type_in(client, "offer-search", "EDITION 03").await?;
    count_is(client, LISTED, 25).await?;
    // Announced in one sentence, not offer by offer.
    announces(client, "#offers-listed", "Showing 25 of 100 offers.").await?;
    text_is(client, "#show-more-offers", "Show 25 more offers").await?;
    tab_pressed(client, "Trial", false).await?;
    type_in(client, "offer-search", "edition 0327").await?;
    count_is(client, LISTED, 1).await?;
    let found = listed_ids(client).await?;
    check(found == ["MANY-0327"], || {
        format!("the search found {found:?}")
    })?;
    type_in(client, "offer-search", "no such offer").await?;
    text_is(client, "p.notice", "No offers match your search.").await?;

    // What a search found and the user chose stays chosen once it is cleared.
    type_in(client, "offer-search", "0327").await?;
    choose_offer(client, "MANY-0327", 3).await?;
    text_is(client, "#totals h2", "1 subscription chosen").await?;
    erase_search(client).await?;
    tab_pressed(client, "Trial", true).await?;
    count_is(client, LISTED, 25).await?;
    text_is(client, "#totals h2", "1 subscription chosen").await?;
    next(client).await?;
    heading(client, "Review").await?;
    main_showing(client, &["edition 0327", &licenses_text(3)]).await?;

    // Review showed the catalogue Subscriptions had loaded: asked for once.
    offers_asked_for(client, 1).await?;

    // Whoever signs in next in this tab is offered the API's catalogue anew.
    click(client, ".site-header__sign-out").await?;
    heading(client, "Sign in").await?;
    use_demo_account(client, "adminagent").await?;
    heading(client, "Customers").await?;
    to_subscriptions(client, "sokajanlatketto").await?;
    offers_asked_for(client, 2).await
}

/// Checks that this page (one document, however many steps it showed) asked
/// the API for offers `times` times.
async fn offers_asked_for(client: &Client, times: u64) -> Outcome {
    let asked = client
        .execute(
            "return performance.getEntriesByType('resource')\
               .filter((entry) => new URL(entry.name).pathname === '/v1/offers').length;",
            vec![],
        )
        .await
        .map_err(failed("count the requests for offers"))?;
    check(asked == json!(times), || {
        format!("the offers were asked for {asked} times, not {times}")
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_large_catalogue_is_listed_a_page_at_a_time_searched_across_its_tabs_and_loaded_once() {
    let (file, trials) = match large_catalogue() {
        Ok(made) => made,
        Err(error) => panic!("the large catalogue: {error}"),
    };
    let path = file.path().to_string_lossy().into_owned();
    run(
        "large-catalogue",
        &["--catalogue", &path],
        async |client, base_url| {
            large_catalogue_listed_a_page_at_a_time(client, base_url, &trials).await
        },
    )
    .await;
}
