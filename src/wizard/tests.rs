use customer_model::draft::ChosenOffer;

use super::*;

fn completed() -> Stored {
    let mut stored = Stored::default();
    stored.draft.account.company_name = "Kovács és Társa Bt.".into();
    stored.progress.account = Some(account_fingerprint(&stored.draft));
    stored.progress.subscriptions = Some(offers_fingerprint(&stored.draft));
    stored
}

#[test]
fn a_fresh_wizard_sends_every_later_step_back_to_account_info() {
    let stored = Stored::default();
    assert_eq!(stored.redirect(Step::Account), None);
    assert_eq!(stored.redirect(Step::Subscriptions), Some(Step::Account));
    assert_eq!(stored.redirect(Step::Review), Some(Step::Account));
    assert_eq!(stored.redirect(Step::Confirmation), Some(Step::Account));
}

#[test]
fn completed_steps_open_and_the_first_incomplete_one_is_the_target() {
    let mut stored = completed();
    assert_eq!(stored.redirect(Step::Review), None);
    stored.draft.offers.push(ChosenOffer {
        offer_id: "o-1".into(),
        ..Default::default()
    });
    assert_eq!(
        stored.redirect(Step::Review),
        Some(Step::Subscriptions),
        "a changed choice of subscriptions is not yet confirmed"
    );
    stored.draft.account.city = "Budapest".into();
    assert_eq!(stored.redirect(Step::Review), Some(Step::Account));
    assert_eq!(stored.redirect(Step::Confirmation), Some(Step::Account));
}

#[test]
fn once_the_customer_may_exist_its_details_are_settled_and_review_resumes() {
    let mut stored = completed();
    stored.submission.customer = Operation::Sent {
        request_id: "r-1".into(),
    };
    assert_eq!(stored.redirect(Step::Account), Some(Step::Review));
    assert_eq!(stored.redirect(Step::Review), None);
    assert_eq!(stored.redirect(Step::Confirmation), Some(Step::Review));

    stored.submission.complete = true;
    stored.draft = Draft::default();
    assert_eq!(stored.redirect(Step::Confirmation), None);
    assert_eq!(
        stored.redirect(Step::Account),
        None,
        "a finished customer does not block the next one"
    );
}

#[test]
fn the_stored_wizard_never_holds_a_password() {
    let mut stored = completed();
    stored.submission.customer = Operation::Done(CreatedCustomer {
        id: "c-1".into(),
        admin_user_name: "admin@kovacs.onmicrosoft.com".into(),
        ..Default::default()
    });
    let text = serde_json::to_string(&stored).expect("serializes");
    assert!(!text.to_lowercase().contains("password"), "{text}");
    let read = Stored::from_stored(&serde_json::from_str(&text).expect("JSON"));
    assert_eq!(read, stored);
}

#[test]
fn the_stored_fingerprint_is_fnv_1a_of_the_json_and_so_the_same_on_every_toolchain() {
    // FNV-1a of "\"a\"" is 0xd427_2417_d7c7_7eea; its low 53 bits are kept.
    assert_eq!(fingerprint(&"a"), 0x0007_2417_d7c7_7eea);
    assert_ne!(fingerprint(&"a"), fingerprint(&"b"));
}

#[test]
fn placed_orders_are_kept_as_written_and_read_back_where_shown() {
    let order = customer_model::wire::Order {
        id: Some("o-1".into()),
        currency_code: Some("HUF".into()),
        status: Some("completed".into()),
        ..Default::default()
    };
    let mut stored = completed();
    stored.submission.checkout = Operation::Done(PlacedOrders::new(std::slice::from_ref(&order)));
    let text = serde_json::to_string(&stored).expect("serializes");
    let read = Stored::from_stored(&serde_json::from_str(&text).expect("JSON"));
    assert_eq!(read, stored);
    let kept = read.submission.checkout.done().map(PlacedOrders::orders);
    assert_eq!(kept, Some(vec![order]));
    // Anything else kept there reads as no orders, not as a failure.
    assert_eq!(PlacedOrders(serde_json::json!({"x": 1})).orders(), []);
}

#[test]
fn every_state_of_the_submission_reads_back_as_it_was_saved() {
    let mut stored = completed();
    stored.submission = Submission {
        correlation_id: "c-9".into(),
        customer: Operation::Done(CreatedCustomer {
            id: "c-1".into(),
            company_name: "Kovács és Társa Bt.".into(),
            domain: "kovacs.onmicrosoft.com".into(),
            admin_user_name: "admin@kovacs.onmicrosoft.com".into(),
        }),
        agreement: Operation::Done(()),
        cart: Operation::Sent {
            request_id: "r-2".into(),
        },
        checkout: Operation::NotStarted,
        complete: false,
    };
    let text = serde_json::to_string(&stored).expect("serializes");
    let read = Stored::from_stored(&serde_json::from_str(&text).expect("JSON"));
    assert_eq!(read, stored);

    stored.submission.cart = Operation::Done(CreatedCart {
        id: "cart-1".into(),
        offers: 42,
    });
    stored.submission.complete = true;
    let text = serde_json::to_string(&stored).expect("serializes");
    let read = Stored::from_stored(&serde_json::from_str(&text).expect("JSON"));
    assert_eq!(read, stored);
}

#[test]
fn an_odd_value_in_the_stored_wizard_keeps_its_default_and_loses_nothing_else() {
    let stored = completed();
    let mut value = serde_json::to_value(&stored).expect("serializes");
    value["progress"]["subscriptions"] = serde_json::json!("soon");
    value["submission"]["customer"] = serde_json::json!({"sent": {"request_id": 7}});
    value["submission"]["complete"] = serde_json::json!("yes");
    let read = Stored::from_stored(&value);
    assert_eq!(read.draft, stored.draft, "the answers are kept");
    assert_eq!(read.progress.account, stored.progress.account);
    assert_eq!(read.progress.subscriptions, None);
    assert_eq!(read.submission, Submission::default());
}
