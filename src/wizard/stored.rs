//! Reading the wizard back from the JSON `Slot::save` wrote to
//! `sessionStorage`, which every page does at start: by hand from a
//! `serde_json::Value`, as the model reads the draft (`Draft::from_stored`),
//! since a derived reader costs wasm for every field on every first load. A
//! property that is missing or odd keeps its default, so that one odd value
//! does not lose the rest.

use customer_model::draft::Draft;
use serde_json::Value;

use super::{CreatedCart, CreatedCustomer, Operation, PlacedOrders, Progress, Stored, Submission};

impl Stored {
    pub fn from_stored(value: &Value) -> Stored {
        Stored {
            draft: value
                .get("draft")
                .map(Draft::from_stored)
                .unwrap_or_default(),
            progress: Progress {
                account: number(value, &["progress", "account"]),
                subscriptions: number(value, &["progress", "subscriptions"]),
            },
            submission: value
                .get("submission")
                .map(Submission::from_stored)
                .unwrap_or_default(),
        }
    }
}

impl Submission {
    fn from_stored(value: &Value) -> Submission {
        Submission {
            correlation_id: text(value, "correlation_id"),
            customer: operation(value.get("customer"), |done| CreatedCustomer {
                id: text(done, "id"),
                company_name: text(done, "company_name"),
                domain: text(done, "domain"),
                admin_user_name: text(done, "admin_user_name"),
            }),
            agreement: operation(value.get("agreement"), |_| ()),
            cart: operation(value.get("cart"), |done| CreatedCart {
                id: text(done, "id"),
                offers: number(done, &["offers"]).unwrap_or_default(),
            }),
            checkout: operation(value.get("checkout"), |done| PlacedOrders(done.clone())),
            complete: value
                .get("complete")
                .and_then(Value::as_bool)
                .unwrap_or_default(),
        }
    }
}

/// An [`Operation`] as serde writes it: `"not_started"`,
/// `{"sent": {"request_id": …}}` or `{"done": …}`.
fn operation<T>(value: Option<&Value>, done: impl Fn(&Value) -> T) -> Operation<T> {
    let Some(value) = value else {
        return Operation::NotStarted;
    };
    if let Some(request_id) = value.pointer("/sent/request_id").and_then(Value::as_str) {
        return Operation::Sent {
            request_id: request_id.to_owned(),
        };
    }
    match value.get("done") {
        Some(result) => Operation::Done(done(result)),
        None => Operation::NotStarted,
    }
}

fn text(value: &Value, name: &str) -> String {
    value
        .get(name)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn number(value: &Value, path: &[&str]) -> Option<u64> {
    path.iter()
        .try_fold(value, |value, name| value.get(name))
        .and_then(Value::as_u64)
}
