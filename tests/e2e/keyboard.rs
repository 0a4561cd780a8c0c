//! The whole wizard with the keyboard alone: every control reached with Tab,
//! operated with typing, Space and Enter; never a click.

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
async fn press(client: &Client, key: &str) -> Outcome {
    client
        .active_element()
        .await
        .map_err(failed("find the focused element"))?
        .send_keys(key)
        .await
        .map_err(failed("press a key"))
}

/// Tabs forward until the element `id` has the focus: it must be reachable
/// by keyboard, in the page's order, within a page's worth of stops.
async fn tab_to(client: &Client, id: &str) -> Outcome {
    for _ in 0..120 {
        if focused_id(client).await? == id {
            return Ok(());
        }
        press(client, &Key::Tab.to_string()).await?;
    }
    Err(format!("#{id} was not reached with Tab"))
}

async fn tab_and_type(client: &Client, id: &str, text: &str) -> Outcome {
    tab_to(client, id).await?;
    press(client, text).await
}

async fn tab_and_press(client: &Client, id: &str, key: Key) -> Outcome {
    tab_to(client, id).await?;
    press(client, &key.to_string()).await
}

async fn keyboard_only(client: &Client, base_url: &str) -> Outcome {
    client
        .goto(&format!("{base_url}/sign-in"))
        .await
        .map_err(failed("open sign in"))?;
    wait_for(client, Locator::Id("use-salesagent")).await?;
    tab_and_press(client, "use-salesagent", Key::Enter).await?;
    tab_and_press(client, "password", Key::Enter).await?;
    heading(client, "Customers").await?;

    tab_and_press(client, "add-customer", Key::Enter).await?;
    heading(client, "Account info").await?;
    let focused = client
        .execute("return document.activeElement?.tagName;", vec![])
        .await
        .map_err(failed("read the focused element"))?;
    check(focused.as_str() == Some("H1"), || {
        format!("after navigation the step's heading has the focus, not {focused}")
    })?;

    wait_for(client, Locator::Css("#country option[value=HU]")).await?;
    tab_and_type(client, "country", "Hungary").await?;
    wait_for(client, Locator::Css("#language option[value=hu]")).await?;
    tab_and_type(client, "company-name", "Dunai Hajózási Zrt.").await?;
    tab_and_type(client, "domain-prefix", "dunaihajozas").await?;
    tab_and_type(client, "address-line1", "Fő utca 1.").await?;
    tab_and_type(client, "city", "Budapest").await?;
    tab_and_type(client, "postal-code", "1052").await?;
    tab_and_type(client, "registration-number", "12892312-2-42").await?;
    tab_and_type(client, "first-name", "Péter").await?;
    tab_and_type(client, "last-name", "Nagy").await?;
    tab_and_type(client, "email", "peter.nagy@dunaihajozas.hu").await?;
    tab_and_type(client, "phone-number", "+36 1 234 5678").await?;
    press(client, &Key::Enter.to_string()).await?;

    heading(client, "Subscriptions").await?;
    wait_for(client, Locator::Css(".offer input[type=checkbox]")).await?;
    let checkbox = client
        .execute(
            "const box = document.querySelector('.offer input[type=checkbox]'); return box.id;",
            vec![],
        )
        .await
        .map_err(failed("find the first offer"))?;
    tab_and_press(client, checkbox.as_str().unwrap_or_default(), Key::Space).await?;
    let licenses = wait_for(client, Locator::Css(".offer input[type=number]"))
        .await?
        .attr("id")
        .await
        .map_err(failed("licenses id"))?
        .unwrap_or_default();
    tab_to(client, &licenses).await?;
    press(client, &Key::Up.to_string()).await?;
    press(client, &Key::Enter.to_string()).await?;

    heading(client, "Review").await?;
    let review = text_of(client, "main").await?;
    check(
        review.contains("Dunai Hajózási Zrt.") && review.contains("2 licenses"),
        || format!("review: {review:?}"),
    )?;
    tab_and_press(client, "submit", Key::Enter).await?;
    heading(client, "Customer added").await?;
    tab_and_press(client, "done", Key::Enter).await?;
    wait_for(client, Locator::Id("customer-added")).await?;
    let highlighted = text_of(client, ".customer-table tr.highlight").await?;
    check(highlighted.contains("Dunai Hajózási Zrt."), || {
        format!("highlighted row: {highlighted:?}")
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_wizard_works_with_the_keyboard_alone() {
    in_browser("keyboard", |client, base_url| {
        Box::pin(keyboard_only(client, base_url))
    })
    .await;
}
