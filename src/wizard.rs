//! The wizard's state: what the user entered (the draft), which steps they
//! completed, and how far Submit got. It all lives in this tab's
//! `sessionStorage`, written on every change, so a reload loses nothing —
//! except the new admin's one-time password, which is held in memory only.

mod stored;
pub mod submit;

use customer_model::draft::Draft;
use customer_model::validation::{Field, Issue};
use customer_model::wire::Order;
use leptos::prelude::*;
use serde::Serialize;

use crate::browser;

/// Where a wizard keeps its state, under this deployment's prefix
/// ([`crate::config::storage_key`]): the one-at-a-time wizard's, or that of
/// one row of a file of customers, each row with its own submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Single,
    /// A row of the file named `batch`, by its row number.
    Row {
        batch: u32,
        number: usize,
    },
}

impl Slot {
    fn key(self) -> String {
        match self {
            Slot::Single => crate::config::storage_key("wizard"),
            Slot::Row { batch, number } => {
                crate::config::storage_key(&format!("batch-{batch}-row-{number}"))
            }
        }
    }

    /// What this slot holds now.
    pub fn stored(self) -> Stored {
        browser::session_item(&self.key())
            .and_then(|text| customer_model::wire::parse(&text).ok())
            .map(|value| Stored::from_stored(&value))
            .unwrap_or_default()
    }

    fn save(self, stored: &Stored) {
        browser::set_session_json(&self.key(), stored);
    }

    /// Forgets what this slot held.
    pub fn clear(self) {
        browser::set_session_item(&self.key(), None);
    }
}

/// The wizard's pages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Account,
    Subscriptions,
    Review,
    Confirmation,
}

impl Step {
    pub fn path(self) -> &'static str {
        match self {
            Step::Account => "/customers/new/account",
            Step::Subscriptions => "/customers/new/subscriptions",
            Step::Review => "/customers/new/review",
            Step::Confirmation => "/customers/new/confirmation",
        }
    }

    /// Where a step's fields belong, for server issues and Update links.
    pub fn of_field(field: Field) -> Step {
        match field {
            Field::Quantity => Step::Subscriptions,
            _ => Step::Account,
        }
    }
}

/// One write of the submit sequence: not sent yet, sent under a request id
/// (which every retry repeats), or done.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Operation<T> {
    #[default]
    NotStarted,
    Sent {
        request_id: String,
    },
    Done(T),
}

impl<T> Operation<T> {
    pub fn done(&self) -> Option<&T> {
        match self {
            Operation::Done(result) => Some(result),
            _ => None,
        }
    }

    pub fn started(&self) -> bool {
        !matches!(self, Operation::NotStarted)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct CreatedCustomer {
    pub id: String,
    pub company_name: String,
    pub domain: String,
    pub admin_user_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct CreatedCart {
    pub id: String,
    /// Which subscriptions it holds: a changed choice needs a new cart.
    pub offers: u64,
}

/// The orders a checkout placed, kept as the server wrote them and read
/// only where they are shown: restoring the wizard, which every page does
/// at start, then does not carry the reader of orders.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(transparent)]
pub struct PlacedOrders(serde_json::Value);

impl PlacedOrders {
    pub fn new(orders: &[Order]) -> PlacedOrders {
        PlacedOrders(serde_json::to_value(orders).unwrap_or_default())
    }

    /// The orders; none if what is kept is not orders.
    pub fn orders(&self) -> Vec<Order> {
        customer_model::wire::from_value(self.0.clone()).unwrap_or_default()
    }
}

/// How far Submit got, kept so that a retry or a reload resumes where it
/// stopped and never repeats a write under a new id.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Submission {
    pub correlation_id: String,
    pub customer: Operation<CreatedCustomer>,
    pub agreement: Operation<()>,
    pub cart: Operation<CreatedCart>,
    pub checkout: Operation<PlacedOrders>,
    /// Every write needed is done (they are then left out of the draft).
    pub complete: bool,
}

impl Submission {
    /// The customer exists, or may (its write was sent), and Submit has not
    /// finished: its details are settled and Review resumes.
    pub fn creating(&self) -> bool {
        self.customer.started() && !self.complete
    }
}

/// The steps the user has completed, as fingerprints of what they held then:
/// editing a step afterwards makes it incomplete again until its button is used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Progress {
    pub account: Option<u64>,
    pub subscriptions: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Stored {
    pub draft: Draft,
    pub progress: Progress,
    pub submission: Submission,
}

/// FNV-1a (64 bits) of the value's JSON, cut to its low 53 bits. Kept in
/// `sessionStorage` across loads, so it must not change with the toolchain,
/// as `DefaultHasher` may, and must read back whole, below
/// [`customer_model::wire::EXACT_INTEGERS`].
fn fingerprint(value: &impl Serialize) -> u64 {
    serde_json::to_string(value)
        .unwrap_or_default()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        })
        % customer_model::wire::EXACT_INTEGERS
}

/// The Account info step's part of the draft.
pub fn account_fingerprint(draft: &Draft) -> u64 {
    fingerprint(&(
        &draft.account,
        &draft.agreement,
        draft.enable_gdap_by_default,
        &draft.reseller_id,
    ))
}

pub fn offers_fingerprint(draft: &Draft) -> u64 {
    fingerprint(&draft.offers)
}

impl Stored {
    fn account_complete(&self) -> bool {
        self.progress.account == Some(account_fingerprint(&self.draft))
    }

    fn subscriptions_complete(&self) -> bool {
        self.progress.subscriptions == Some(offers_fingerprint(&self.draft))
    }

    /// Where to send a user who opens `step`: `None` when it may be shown.
    pub fn redirect(&self, step: Step) -> Option<Step> {
        let creating = self.submission.creating();
        match step {
            // Once the customer exists (or may), its details are settled.
            Step::Account if creating => Some(Step::Review),
            Step::Account => None,
            Step::Subscriptions if !self.account_complete() && !creating => Some(Step::Account),
            Step::Subscriptions => None,
            Step::Review if creating => None,
            Step::Review if !self.account_complete() => Some(Step::Account),
            Step::Review if !self.subscriptions_complete() => Some(Step::Subscriptions),
            Step::Review => None,
            Step::Confirmation if self.submission.complete => None,
            Step::Confirmation => self.redirect(Step::Review).or(Some(Step::Review)),
        }
    }
}

/// The wizard, shared by its pages through the context.
#[derive(Debug, Clone, Copy)]
pub struct Wizard {
    pub state: RwSignal<Stored>,
    /// The new admin's one-time password: shown once, never stored.
    pub password: RwSignal<Option<String>>,
    /// What the server refused on Submit, shown at the fields until edited.
    pub server_issues: RwSignal<Vec<Issue>>,
    slot: Slot,
}

impl Wizard {
    /// The wizard stored in this tab, saved again on every change.
    pub fn provide() -> Wizard {
        let wizard = Wizard::in_slot(Slot::Single);
        provide_context(wizard);
        wizard
    }

    /// The wizard kept in `slot`, saved again on every change.
    pub fn in_slot(slot: Slot) -> Wizard {
        let wizard = Wizard {
            state: RwSignal::new(slot.stored()),
            password: RwSignal::new(None),
            server_issues: RwSignal::new(Vec::new()),
            slot,
        };
        Effect::new(move || wizard.state.with(|stored| slot.save(stored)));
        wizard
    }

    /// Writes the state now, not when the effect next runs.
    pub fn save_now(&self) {
        self.state.with_untracked(|stored| self.slot.save(stored));
    }

    pub fn get() -> Wizard {
        use_context::<Wizard>().unwrap_or_else(Wizard::provide)
    }

    pub fn draft<T>(&self, read: impl FnOnce(&Draft) -> T) -> T {
        self.state.with(|state| read(&state.draft))
    }

    pub fn edit(&self, change: impl FnOnce(&mut Draft)) {
        self.state.update(|state| change(&mut state.draft));
    }

    pub fn complete_account(&self) {
        self.state.update(|state| {
            state.progress.account = Some(account_fingerprint(&state.draft));
        });
    }

    pub fn complete_subscriptions(&self) {
        self.state.update(|state| {
            state.progress.subscriptions = Some(offers_fingerprint(&state.draft));
        });
    }

    /// A new customer: forgets the draft, the progress and the submission.
    pub fn start_over(&self) {
        self.state.set(Stored::default());
        self.password.set(None);
        self.server_issues.set(Vec::new());
    }

    /// Whether the customer exists or may: its details can no longer change.
    pub fn account_locked(&self) -> bool {
        self.state.with(|state| state.submission.creating())
    }

    /// Whether an order may have been placed: the subscriptions can no longer change.
    pub fn subscriptions_locked(&self) -> bool {
        self.state.with(|state| {
            state.submission.checkout.started()
                || matches!(state.submission.cart, Operation::Sent { .. })
        })
    }
}

#[cfg(test)]
mod tests;
