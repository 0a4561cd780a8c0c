//! A file of customers being added: its rows as read and as fixed, which are
//! left out or added despite warnings (kept in this tab's `sessionStorage`),
//! and what the rules find in each row — the wizard's own rules with each
//! country's rules fetched once, the domain lookups a few at a time, and what
//! only a file gets wrong.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;

use customer_model::batch::{self, Row, RowProblem};
use customer_model::draft::Draft;
use customer_model::validation::{self, Context, Issue, has_errors};
use customer_model::wire::{CountryValidationRules, Offer};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};

use crate::api::{self, ApiError};
use crate::browser;
use crate::staff::Staff;
use crate::wizard::submit::{Failure, Stage};
use crate::wizard::{CreatedCustomer, Slot};

/// Domain lookups in flight at once: a file's hundreds of rows must not
/// spend the user's request allowance in one burst.
const LOOKUPS_AT_ONCE: usize = 4;
/// Domain answers taken into the rows' checks together.
const ANSWERS_AT_ONCE: usize = 50;

const STORAGE_KEY: &str = "batch";
/// How long a country's rules or offers wait before they are asked again
/// after a passing failure.
const RETRY_AFTER_MS: u32 = 5_000;
const SAVE_AFTER_MS: u64 = 250;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct BatchRow {
    pub row: Row,
    pub left_out: bool,
    pub warnings_accepted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Stored {
    /// Names the rows' wizard slots, so that no file takes over another's.
    pub id: u32,
    pub rows: Vec<BatchRow>,
}

/// What the rules found in a row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Check {
    pub issues: Vec<Issue>,
    pub problems: Vec<RowProblem>,
}

impl Check {
    pub fn has_errors(&self) -> bool {
        !self.problems.is_empty() || has_errors(&self.issues)
    }

    pub fn has_warnings(&self) -> bool {
        self.issues.iter().any(|issue| !issue.is_error())
    }
}

/// How far a row got.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Sending,
    /// Its writes were sent before the page was reloaded: sending it again
    /// repeats their request ids.
    Interrupted,
    Added(CreatedCustomer),
    Failed(Failure),
}

/// A row of the file as the page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Checking,
    LeftOut,
    ToFix,
    /// Only warnings, not accepted yet.
    Warned,
    Ready,
}

/// The file's page state, shared by its parts.
#[derive(Clone, Copy)]
pub struct Batch {
    pub state: RwSignal<Stored>,
    /// Each country's rules, fetched once per distinct country of the file.
    rules: RwSignal<HashMap<String, Result<CountryValidationRules, ApiError>>>,
    /// Each country's offers, for the countries whose rows name one.
    pub offers: RwSignal<HashMap<String, Result<Vec<Offer>, ApiError>>>,
    /// Whether another tenant has each domain: `None` when the lookup failed
    /// (the server still refuses a taken domain when the row is sent).
    domains: RwSignal<HashMap<String, Option<bool>>>,
    /// Each row's check, in the order of the rows; `None` until the row's
    /// country rules, offers and domain lookup are in.
    pub checks: Memo<Vec<Option<Check>>>,
    pub outcomes: RwSignal<HashMap<usize, Outcome>>,
    /// The new admins' temporary passwords, by row: shown once, never stored.
    pub passwords: RwSignal<HashMap<usize, String>>,
}

fn load() -> Stored {
    browser::session_json(&crate::config::storage_key(STORAGE_KEY)).unwrap_or_default()
}

fn save(stored: &Stored) {
    browser::set_session_json(&crate::config::storage_key(STORAGE_KEY), stored);
}

/// Each country's answer not yet `asked` for, fetched and kept in `known`;
/// a fetch cancelled by leaving the page is asked again when it opens.
fn fetch_missing<T, F>(
    known: RwSignal<HashMap<String, Result<T, ApiError>>>,
    asked: StoredValue<BTreeSet<String>>,
    countries: BTreeSet<String>,
    fetch: impl Fn(String) -> F + Copy + 'static,
) where
    T: Send + Sync + 'static,
    F: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    // Asked once while an answer is on its way: an edit meanwhile (every
    // edit runs this again) must not send the same request again.
    let countries: Vec<String> = asked.with_value(|asked| {
        countries
            .into_iter()
            .filter(|country| !asked.contains(country))
            .collect()
    });
    asked.update_value(|asked| asked.extend(countries.iter().cloned()));
    for country in countries {
        spawn_local(async move {
            // A passing failure (no connection, a 5xx) is asked again until
            // it answers: until then the country's rows wait, unchecked,
            // rather than being checked without their country's rules.
            loop {
                let answer = fetch(country.clone()).await;
                match answer {
                    Err(ApiError::Cancelled) => return,
                    Err(error) if error.is_transient() => {
                        browser::sleep(RETRY_AFTER_MS).await;
                        // The page is gone: nobody waits for the answer.
                        if known.try_with_untracked(|_| ()).is_none() {
                            return;
                        }
                    }
                    answer => {
                        known.try_update(|known| {
                            known.insert(country, answer);
                        });
                        return;
                    }
                }
            }
        });
    }
}

/// Keeps the file's rows in this tab as they change: a whole file is
/// written at most every [`SAVE_AFTER_MS`], not on every edit of a cell, and
/// at once when the page is left or reloaded.
fn save_after_changes(state: RwSignal<Stored>) {
    let pending = StoredValue::new(false);
    // `try_`: the timer may fire after the page (and these values) are gone,
    // when the cleanup below has saved already.
    let save_now = move || {
        if pending.try_update_value(std::mem::take) == Some(true) {
            state.try_with_untracked(save);
        }
    };
    Effect::new(move |first: Option<()>| {
        state.track();
        if first.is_some() && !pending.get_value() {
            pending.set_value(true);
            set_timeout(save_now, std::time::Duration::from_millis(SAVE_AFTER_MS));
        }
    });
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| save_now());
    on_cleanup(move || {
        leaving.remove();
        save_now();
    });
}

pub fn slot(id: u32, number: usize) -> Slot {
    Slot::Row { batch: id, number }
}

/// The domain a row asks for, when it is one the rules accept.
fn domain_of(draft: &Draft) -> Option<String> {
    let prefix = validation::normalize(&draft.account.domain_prefix).to_lowercase();
    validation::domain_prefix(&prefix)
        .is_empty()
        .then(|| validation::canonical_domain(&prefix, crate::config::cloud()))
}

/// How far each row got before the page was (re)loaded.
fn outcomes_kept(stored: &Stored) -> HashMap<usize, Outcome> {
    let mut outcomes = HashMap::new();
    for batch_row in &stored.rows {
        let number = batch_row.row.number;
        let submission = slot(stored.id, number).stored().submission;
        let outcome = match (submission.complete, submission.customer.done()) {
            (true, Some(customer)) => Outcome::Added(customer.clone()),
            _ if submission.customer.started() => Outcome::Interrupted,
            _ => continue,
        };
        outcomes.insert(number, outcome);
    }
    outcomes
}

impl Batch {
    pub fn new() -> Batch {
        let state = RwSignal::new(load());
        save_after_changes(state);
        let (rules, offers, domains) = (
            RwSignal::new(HashMap::new()),
            RwSignal::new(HashMap::new()),
            RwSignal::new(HashMap::new()),
        );
        let outcomes = RwSignal::new(state.with_untracked(outcomes_kept));
        let batch = Batch {
            state,
            rules,
            offers,
            domains,
            checks: checks(state, rules, offers, domains, outcomes),
            outcomes,
            passwords: RwSignal::new(HashMap::new()),
        };
        batch.fetch_countries();
        batch.look_up_domains();
        batch.fill_country_defaults();
        batch
    }

    /// Each distinct country's rules and, where a row names an offer, its
    /// offers, fetched once.
    fn fetch_countries(self) {
        let Batch { rules, offers, .. } = self;
        let (rules_asked, offers_asked) = (
            StoredValue::new(BTreeSet::new()),
            StoredValue::new(BTreeSet::new()),
        );
        Effect::new(move || {
            let (countries, with_offers) = self.state.with(|stored| {
                let mut countries = BTreeSet::new();
                let mut with_offers = BTreeSet::new();
                for batch_row in &stored.rows {
                    let country = batch_row.row.draft.account.country.clone();
                    if !batch_row.row.draft.offers.is_empty() {
                        with_offers.insert(country.clone());
                    }
                    countries.insert(country);
                }
                (countries, with_offers)
            });
            fetch_missing(rules, rules_asked, countries, |country| async move {
                api::country_rules(&country).await
            });
            fetch_missing(offers, offers_asked, with_offers, |country| async move {
                api::offers(&country).await.map(|list| list.items)
            });
        });
    }

    /// Whether another tenant has each row's domain, a few lookups at a time.
    fn look_up_domains(self) {
        let domains = self.domains;
        let asked = StoredValue::new(HashSet::<String>::new());
        Effect::new(move || {
            let wanted: BTreeSet<String> = self.state.with(|stored| {
                stored
                    .rows
                    .iter()
                    .filter_map(|batch_row| domain_of(&batch_row.row.draft))
                    .collect()
            });
            let queue: VecDeque<String> = wanted
                .into_iter()
                .filter(|domain| !asked.with_value(|asked| asked.contains(domain)))
                .collect();
            if queue.is_empty() {
                return;
            }
            asked.update_value(|asked| asked.extend(queue.iter().cloned()));
            let queue = Rc::new(RefCell::new(queue));
            let answers = Rc::new(RefCell::new(Vec::new()));
            // Every row's check follows the answers: they are taken in
            // batches, not one re-check of the whole file per answer.
            let flush = move |answers: &RefCell<Vec<(String, Option<bool>)>>| {
                let arrived = std::mem::take(&mut *answers.borrow_mut());
                if !arrived.is_empty() {
                    domains.update(|known| known.extend(arrived));
                }
            };
            for _ in 0..LOOKUPS_AT_ONCE {
                let (queue, answers) = (Rc::clone(&queue), Rc::clone(&answers));
                spawn_local(async move {
                    loop {
                        let next = queue.borrow_mut().pop_front();
                        let Some(domain) = next else { break };
                        match api::domain_taken(&domain).await {
                            // Left the page: asked again when it opens.
                            Err(ApiError::Cancelled) => {
                                asked.update_value(|asked| {
                                    asked.remove(&domain);
                                });
                            }
                            answer => answers.borrow_mut().push((domain, answer.ok())),
                        }
                        if answers.borrow().len() >= ANSWERS_AT_ONCE {
                            flush(&answers);
                        }
                    }
                    flush(&answers);
                });
            }
        });
    }

    /// The country's language and culture where the file leaves them out,
    /// as Account info fills them in.
    fn fill_country_defaults(self) {
        let Batch { state, rules, .. } = self;
        Effect::new(move || {
            rules.with(|known| {
                let filled = |batch_row: &BatchRow| {
                    let mut draft = batch_row.row.draft.clone();
                    if let Some(Ok(rules)) = known.get(&draft.account.country) {
                        draft.apply_country_defaults(rules);
                    }
                    draft
                };
                let changes = state.with_untracked(|stored| {
                    stored
                        .rows
                        .iter()
                        .any(|batch_row| filled(batch_row) != batch_row.row.draft)
                });
                if changes {
                    state.update(|stored| {
                        for batch_row in &mut stored.rows {
                            batch_row.row.draft = filled(batch_row);
                        }
                    });
                }
            })
        });
    }

    /// A new file's rows, in place of the last file's (whose rows' wizards
    /// are forgotten).
    pub fn replace(&self, rows: Vec<Row>) {
        self.forget_rows();
        let id = browser::random_bytes::<4>().map_or(1, u32::from_le_bytes);
        self.state.set(Stored {
            id,
            rows: rows
                .into_iter()
                .map(|row| BatchRow {
                    row,
                    ..BatchRow::default()
                })
                .collect(),
        });
    }

    fn forget_rows(&self) {
        self.state.with_untracked(|stored| {
            for batch_row in &stored.rows {
                slot(stored.id, batch_row.row.number).clear();
            }
        });
        self.outcomes.set(HashMap::new());
        self.passwords.set(HashMap::new());
    }

    pub fn edit(&self, index: usize, change: impl FnOnce(&mut BatchRow)) {
        self.state.update(|stored| {
            if let Some(batch_row) = stored.rows.get_mut(index) {
                change(batch_row);
            }
        });
    }

    /// Whether a row's details may still change: not once its customer may
    /// exist (its writes were sent), since a retry repeats what was sent.
    pub fn editable(&self, number: usize) -> bool {
        self.outcomes.with(|outcomes| match outcomes.get(&number) {
            None => true,
            Some(Outcome::Failed(failure)) => {
                failure.stage == Stage::Customer && failure.error.is_refusal()
            }
            Some(_) => false,
        })
    }

    pub fn status(batch_row: &BatchRow, check: Option<&Check>) -> Status {
        Batch::status_of(batch_row.left_out, batch_row.warnings_accepted, check)
    }

    pub fn status_of(left_out: bool, warnings_accepted: bool, check: Option<&Check>) -> Status {
        match check {
            _ if left_out => Status::LeftOut,
            None => Status::Checking,
            Some(check) if check.has_errors() => Status::ToFix,
            Some(check) if check.has_warnings() && !warnings_accepted => Status::Warned,
            Some(_) => Status::Ready,
        }
    }

    /// Each row's status, in the file's order.
    pub fn statuses(&self) -> Vec<Status> {
        self.checks.with(|checks| {
            self.state.with(|stored| {
                stored
                    .rows
                    .iter()
                    .zip(checks)
                    .map(|(batch_row, check)| Batch::status(batch_row, check.as_ref()))
                    .collect()
            })
        })
    }

    /// The rows to send, by index: ready and not added yet.
    pub fn sendable(&self) -> Vec<usize> {
        let statuses = self.statuses();
        self.outcomes.with(|outcomes| {
            self.state.with(|stored| {
                stored
                    .rows
                    .iter()
                    .zip(statuses)
                    .enumerate()
                    .filter(|(_, (batch_row, status))| {
                        *status == Status::Ready
                            && !matches!(
                                outcomes.get(&batch_row.row.number),
                                Some(Outcome::Added(_))
                            )
                    })
                    .map(|(index, _)| index)
                    .collect()
            })
        })
    }
}

/// Each row's check: the wizard's rules with its country's, and what only
/// the file, the partner's resellers and the domain lookups show.
fn checks(
    state: RwSignal<Stored>,
    rules: RwSignal<HashMap<String, Result<CountryValidationRules, ApiError>>>,
    offers: RwSignal<HashMap<String, Result<Vec<Offer>, ApiError>>>,
    domains: RwSignal<HashMap<String, Option<bool>>>,
    outcomes: RwSignal<HashMap<usize, Outcome>>,
) -> Memo<Vec<Option<Check>>> {
    let staff = Staff::get();
    let today = crate::format::today();
    // Each row's issues as last found, with the draft they were found in: an
    // edit re-checks its own row, not the whole file. The rules and offers
    // of a country only ever arrive, so a row checked once they had stays
    // right until it changes; other partner domains start afresh.
    let found = StoredValue::new((
        Vec::<String>::new(),
        HashMap::<usize, (Draft, Vec<Issue>)>::new(),
    ));
    Memo::new(move |_| {
        let partner_domains = staff
            .known()
            .map(|me| me.partner.domains)
            .unwrap_or_default();
        if found.with_value(|(domains, _)| *domains != partner_domains) {
            found.set_value((partner_domains.clone(), HashMap::new()));
        }
        let resellers = match staff.resellers() {
            Some(Ok(resellers)) => Some(resellers),
            _ => None,
        };
        let (rules, offers, domains) = (rules.read(), offers.read(), domains.read());
        // Untracked: only whether a row has gone out matters here, and a
        // re-check of every row per row sent would cost O(rows²).
        let outcomes = outcomes.read_untracked();
        state.with(|stored| {
            let repeated =
                batch::repeated_domains(stored.rows.iter().map(|batch_row| &batch_row.row));
            stored
                .rows
                .iter()
                .map(|batch_row| &batch_row.row)
                .map(|row| {
                    let country = &row.draft.account.country;
                    let rules = rules.get(country)?;
                    let fallback;
                    let rules = match rules {
                        Ok(rules) => rules,
                        // The API refuses a country it has no rules for:
                        // rules that name no country say so at the row's
                        // Country cell.
                        Err(_) => {
                            fallback = CountryValidationRules::default();
                            &fallback
                        }
                    };
                    let context = Context {
                        rules,
                        partner_domains: &partner_domains,
                        today,
                        cloud: crate::config::cloud(),
                    };
                    let catalogue = if row.draft.offers.is_empty() {
                        None
                    } else {
                        offers.get(country)?.as_ref().ok()
                    };
                    let kept = found.with_value(|(_, rows)| {
                        rows.get(&row.number)
                            .filter(|(draft, _)| *draft == row.draft)
                            .map(|(_, issues)| issues.clone())
                    });
                    let issues = kept.unwrap_or_else(|| {
                        let mut issues = row.draft.account_issues(&context);
                        if let Some(catalogue) = catalogue {
                            issues.extend(row.draft.subscription_issues(catalogue));
                        }
                        found.update_value(|(_, rows)| {
                            rows.insert(row.number, (row.draft.clone(), issues.clone()));
                        });
                        issues
                    });
                    let mut problems = row.problems.clone();
                    if let Some(earlier) = repeated.get(&row.number) {
                        problems.push(RowProblem::RepeatedDomain(*earlier));
                    }
                    if let (Some(reseller), Some(resellers)) = (&row.draft.reseller_id, &resellers)
                        && !resellers.iter().any(|known| &known.id == reseller)
                    {
                        problems.push(RowProblem::UnknownReseller);
                    }
                    // A row on its way in has its own domain by now.
                    if !outcomes.contains_key(&row.number)
                        && let Some(domain) = domain_of(&row.draft)
                        && *domains.get(&domain)? == Some(true)
                    {
                        problems.push(RowProblem::DomainTaken);
                    }
                    Some(Check { issues, problems })
                })
                .collect()
        })
    })
}
