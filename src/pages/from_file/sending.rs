//! Sending the file's ready rows, one after another. Each row runs the
//! wizard's own submit sequence in a wizard of its own ([`Slot::Row`]), whose
//! request ids are stored before they are sent: a reload, a dropped
//! connection, a 5xx or a server restart mid-file resumes each row where it
//! stopped and never creates a customer or an order twice. A row the server
//! refuses does not stop the rest; an unreachable server pauses them all.

use customer_model::draft::Draft;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{Batch, FileRow, Outcome, slot};
use crate::api::ApiError;
use crate::browser;
use crate::staff::Staff;
use crate::wizard::Wizard;
use crate::wizard::submit;

/// How long a throttled row waits before it is sent again, past the
/// `Retry-After` the API layer already waited out.
const THROTTLED_WAIT_MS: u32 = 10_000;

#[derive(Clone, Copy)]
pub struct Sending {
    pub running: RwSignal<bool>,
    /// Pause was chosen: the run stops before its next row.
    pub pausing: RwSignal<bool>,
    /// The last run stopped because the server could not be reached.
    pub connection_lost: RwSignal<bool>,
    /// When this run started and how many rows it has finished since.
    pace: RwSignal<Option<(f64, usize)>>,
    /// The app's own owner, which outlives this page: each row's wizard lives
    /// under a child of it while the row is sent, so that a row on its way
    /// when the page is left still finishes, stored in its slot.
    owner: StoredValue<Owner>,
    /// Taken while the page is built: the run's tasks have no context to
    /// find it in.
    staff: Staff,
}

/// How one row's sending ended.
enum Sent {
    Finished,
    Throttled,
    /// The server could not be reached, or the sign-in ended.
    Stop,
}

impl Sending {
    pub fn new() -> Sending {
        Sending {
            running: RwSignal::new(false),
            pausing: RwSignal::new(false),
            connection_lost: RwSignal::new(false),
            pace: RwSignal::new(None),
            owner: StoredValue::new(app_owner()),
            staff: Staff::get(),
        }
    }

    /// Sends every ready row not added yet, one after another; a failed row
    /// is sent again under the request ids it was sent with.
    pub fn run(self, batch: Batch) {
        if self.running.get_untracked() {
            return;
        }
        let queue = untrack(|| batch.sendable());
        self.running.set(true);
        self.pausing.set(false);
        self.connection_lost.set(false);
        self.pace.set(Some((browser::now_ms(), 0)));
        spawn_local(async move {
            let mut rows = queue.into_iter();
            let mut next = rows.next();
            // `try_`: after each wait the page may be gone, and with it
            // these values; then the run stops, as when paused.
            while let Some(row) = next.take() {
                if self.pausing.try_get_untracked() != Some(false) {
                    break;
                }
                match self.send(batch, &row).await {
                    Sent::Finished => {
                        self.pace.try_update(|pace| {
                            if let Some((_, done)) = pace {
                                *done += 1;
                            }
                        });
                        next = rows.next();
                    }
                    Sent::Throttled => {
                        browser::sleep(THROTTLED_WAIT_MS).await;
                        next = Some(row);
                    }
                    Sent::Stop => break,
                }
            }
            self.running.try_set(false);
            self.pausing.try_set(false);
        });
    }

    /// The seconds the rows left will take at this run's pace, once a row
    /// has finished.
    pub fn seconds_left(&self, left: usize) -> Option<u64> {
        let (started, done) = self.pace.get()?;
        (done > 0 && left > 0).then(|| {
            let each = (browser::now_ms() - started) / done as f64;
            (each * left as f64 / 1_000.0).ceil() as u64
        })
    }

    async fn send(self, batch: Batch, row: &FileRow) -> Sent {
        let id = batch.file.with_untracked(|file| file.id);
        let batch_row = row.data.get_untracked();
        let number = row.number;
        let row_owner = self.owner.get_value().child();
        let wizard = row_owner.with(|| Wizard::in_slot(slot(id, number)));
        let draft = prepared(batch, self.staff, batch_row.row.draft);
        // A row sent before keeps the draft it was sent with.
        wizard.state.update(|stored| {
            if !stored.submission.creating() {
                stored.draft = draft;
            }
        });
        batch.outcomes.update(|outcomes| {
            outcomes.insert(number, Outcome::Sending);
        });
        let (outcome, sent) = match submit::run(wizard).await {
            Ok(()) => {
                if let Some(password) = wizard.password.get_untracked() {
                    batch.passwords.try_update(|passwords| {
                        passwords.insert(number, password);
                    });
                }
                let customer = wizard
                    .state
                    .with_untracked(|stored| stored.submission.customer.done().cloned());
                (customer.map(Outcome::Added), Sent::Finished)
            }
            Err(failure) => {
                let sent = match &failure.error {
                    ApiError::Fault { status: 429, .. } => Sent::Throttled,
                    error if error.is_unauthorized() => Sent::Stop,
                    error if error.is_transient() => {
                        self.connection_lost.try_set(true);
                        Sent::Stop
                    }
                    _ => Sent::Finished,
                };
                (Some(Outcome::Failed(failure)), sent)
            }
        };
        wizard.save_now();
        batch.outcomes.try_update(|outcomes| match outcome {
            Some(outcome) => {
                outcomes.insert(number, outcome);
            }
            None => {
                outcomes.remove(&number);
            }
        });
        // The row's wizard goes with its owner; its slot keeps what it did.
        drop(row_owner);
        sent
    }
}

/// The owner of the whole app, above every page's.
fn app_owner() -> Owner {
    let mut owner = Owner::current().unwrap_or_default();
    while let Some(parent) = owner.parent() {
        owner = parent;
    }
    owner
}

/// The draft as the wizard sends it: each offer in the billing cycle it is
/// sold in, the reseller with its PartnerID.
fn prepared(batch: Batch, staff: Staff, mut draft: Draft) -> Draft {
    let country = draft.account.country.clone();
    batch.offers.with_untracked(|known| {
        if let Some(Ok(catalogue)) = known.get(&country) {
            for chosen in &mut draft.offers {
                if let Some(offer) = catalogue.iter().find(|offer| offer.id == chosen.offer_id) {
                    chosen.billing_cycle = crate::catalogue::cycle_of(offer);
                }
            }
        }
    });
    if let Some(reseller) = &draft.reseller_id
        && let Some(Ok(resellers)) = untrack(|| staff.resellers())
    {
        draft.reseller_mpn_id = resellers
            .iter()
            .find(|known| &known.id == reseller)
            .and_then(|known| known.mpn_id.clone());
    }
    draft
}
