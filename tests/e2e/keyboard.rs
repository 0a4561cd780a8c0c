//! The whole wizard with the keyboard alone: every control reached with Tab,
//! operated with typing, Space and Enter; never a click.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use super::*;

/// The `id` of the focused element.
async fn focused_id(client: &Client) -> Result<String, String> {
    client
        .execute("return document.activeElement?.id ?? '';", vec![])
        .await
        .map(|id| id.as_str().unwrap_or_default().to_owned())
        .map_err(failed("read the focused element"))
}

/// Presses `key` wherever the focus is.
pub(super) async fn press(client: &Client, key: &str) -> Outcome {
    client
        .active_element()
        .await
        .map_err(failed("find the focused element"))?
        .send_keys(key)
        .await
        .map_err(failed("press a key"))
}

/// Presses Tab as the keyboard does, whatever has the focus (keys sent to a
/// file input would name a file).
async fn tab(client: &Client) -> Outcome {
    let tab = char::from(Key::Tab);
    let keys = KeyActions::new("keyboard".to_owned())
        .then(KeyAction::Down { value: tab })
        .then(KeyAction::Up { value: tab });
    client
        .perform_actions(keys)
        .await
        .map_err(failed("press Tab"))
}

/// Tabs forward until the element `id` has the focus: it must be reachable
/// by keyboard, in the page's order, within a page's worth of stops.
pub(super) async fn tab_to(client: &Client, id: &str) -> Outcome {
    for _ in 0..120 {
        if focused_id(client).await? == id {
            return Ok(());
        }
        tab(client).await?;
    }
    Err(format!("#{id} was not reached with Tab"))
}

pub(super) async fn tab_and_type(client: &Client, id: &str, text: &str) -> Outcome {
    tab_to(client, id).await?;
    press(client, text).await
}

pub(super) async fn tab_and_press(client: &Client, id: &str, key: Key) -> Outcome {
    tab_to(client, id).await?;
    press(client, &key.to_string()).await
}

/// A shipping company in Budapest, typed in field by field.
const DUNAI: Company<'static> = Company {
    country: "HU",
    language: "hu",
    name: "Dunai Hajózási Zrt.",
    domain_prefix: "dunaihajozas",
    address_line1: "Fő utca 1.",
    city: "Budapest",
    state: None,
    postal_code: "1052",
    registration_number: Some("12892312-2-42"),
    first_name: "Péter",
    last_name: "Nagy",
    email: "peter.nagy@dunaihajozas.hu",
    phone_number: Some("+36 1 234 5678"),
};

/// Signs in as the demo's sales agent, by keyboard, and waits
/// for Customers.
pub(super) async fn sign_in_with_the_keyboard(client: &Client, base_url: &str) -> Outcome {
    open(client, base_url, "/sign-in").await?;
    wait_for(client, Locator::Id("use-salesagent")).await?;
    tab_and_press(client, "use-salesagent", Key::Enter).await?;
    tab_and_press(client, "password", Key::Enter).await?;
    heading(client, "Customers").await
}

async fn keyboard_only(client: &Client, base_url: &str) -> Outcome {
    sign_in_with_the_keyboard(client, base_url).await?;

    tab_and_press(client, "add-customer", Key::Enter).await?;
    heading(client, "Account info").await?;
    // After navigation the step's heading has the focus.
    eventually(
        "the focus on the heading",
        async || {
            client
                .execute("return document.activeElement?.tagName;", vec![])
                .await
                .map_err(failed("read the focused element"))
        },
        |focused| focused.as_str() == Some("H1"),
    )
    .await?;

    wait_for(client, Locator::Css("#country option[value=HU]")).await?;
    tab_and_type(client, "country", "Hungary").await?;
    wait_for(client, Locator::Css("#language option[value=hu]")).await?;
    for (id, value) in DUNAI.inputs() {
        tab_and_type(client, id, value).await?;
    }
    press(client, &Key::Enter.to_string()).await?;

    heading(client, "Subscriptions").await?;
    let offer = first_offer(client).await?;
    tab_and_press(client, &format!("offer-{offer}"), Key::Space).await?;
    tab_to(client, &format!("quantity-{offer}")).await?;
    press(client, &Key::Up.to_string()).await?;
    press(client, &Key::Enter.to_string()).await?;

    review_shows(client, &DUNAI, &[2], &[]).await?;
    tab_and_press(client, "submit", Key::Enter).await?;
    confirmation_shows(client, DUNAI.domain_prefix, &[2]).await?;
    tab_and_press(client, "done", Key::Enter).await?;
    new_customer_highlighted(client, DUNAI.name).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_wizard_works_with_the_keyboard_alone() {
    run("keyboard", &[], keyboard_only).await;
}
