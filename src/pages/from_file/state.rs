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
use customer_model::validation::{self, Context, Date, Issue, has_errors};
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

/// The file as kept in this tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Stored {
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

impl Status {
    fn of(batch_row: &BatchRow, check: Option<&Check>) -> Status {
        match check {
            _ if batch_row.left_out => Status::LeftOut,
            None => Status::Checking,
            Some(check) if check.has_errors() => Status::ToFix,
            Some(check) if check.has_warnings() && !batch_row.warnings_accepted => Status::Warned,
            Some(_) => Status::Ready,
        }
    }
}

/// What the file-wide lookups need of a row: they follow this, not every
/// edit of the row.
#[derive(Debug, Clone, PartialEq)]
struct Asks {
    country: String,
    /// Whether the row names an offer: its country's offers are needed.
    offers: bool,
    /// The domain prefix as written, compared with the other rows'.
    prefix: String,
    /// The domain to look up, when the rules accept it.
    domain: Option<String>,
}

impl Asks {
    fn of(draft: &Draft) -> Asks {
        Asks {
            country: draft.account.country.clone(),
            offers: !draft.offers.is_empty(),
            prefix: draft.account.domain_prefix.clone(),
            domain: domain_of(draft),
        }
    }
}

/// One row of the file, with state of its own: an edit re-checks and redraws
/// its row alone, not the whole file, so that a cell fixed with 1,000 rows on
/// the page shows within a frame.
#[derive(Clone)]
pub struct FileRow {
    pub number: usize,
    pub data: ArcRwSignal<BatchRow>,
    asks: ArcMemo<Asks>,
    /// The number of an earlier row with the same domain. A signal the file
    /// sets, not a memo of the file: a row's checks that read a memo of every
    /// row would cost each edit O(rows²).
    repeats: ArcRwSignal<Option<usize>>,
    /// `None` until the row's country rules, offers and domain lookup are in.
    pub check: ArcMemo<Option<Check>>,
    pub status: ArcMemo<Status>,
}

/// The chosen file's rows.
#[derive(Clone, Default)]
pub struct File {
    /// Names the rows' wizard slots, so that no file takes over another's.
    pub id: u32,
    pub rows: Vec<FileRow>,
}

impl File {
    fn stored(&self) -> Stored {
        Stored {
            id: self.id,
            rows: self
                .rows
                .iter()
                .map(|row| row.data.get_untracked())
                .collect(),
        }
    }
}

/// The file's page state, shared by its parts.
#[derive(Clone, Copy)]
pub struct Batch {
    /// Replaced when another file is chosen; each row changes in its own
    /// signal.
    pub file: RwSignal<File>,
    /// Each country's rules, fetched once per distinct country of the file.
    rules: RwSignal<HashMap<String, Result<CountryValidationRules, ApiError>>>,
    /// Each country's offers, for the countries whose rows name one.
    pub offers: RwSignal<HashMap<String, Result<Vec<Offer>, ApiError>>>,
    /// Whether another tenant has each domain: `None` when the lookup failed
    /// (the server still refuses a taken domain when the row is sent).
    domains: RwSignal<HashMap<String, Option<bool>>>,
    partner_domains: Memo<Vec<String>>,
    /// Each row's status, in the file's order.
    pub statuses: Memo<Vec<Status>>,
    pub outcomes: RwSignal<HashMap<usize, Outcome>>,
    /// The new admins' temporary passwords, by row: shown once, never stored.
    pub passwords: RwSignal<HashMap<usize, String>>,
    staff: Staff,
    today: Date,
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
/// then when the browser is idle, so that writing a long file never delays
/// the frame that shows an edit; at once when the page is left or reloaded.
fn save_after_changes(file: RwSignal<File>) {
    let pending = StoredValue::new(false);
    // `try_`: the timer may fire after the page (and these values) are gone,
    // when the cleanup below has saved already.
    let save_now = move || {
        if pending.try_update_value(std::mem::take) == Some(true) {
            file.try_with_untracked(|file| save(&file.stored()));
        }
    };
    Effect::new(move |first: Option<()>| {
        file.with(|file| file.rows.iter().for_each(|row| row.data.track()));
        if first.is_some() && !pending.get_value() {
            pending.set_value(true);
            set_timeout(
                move || request_idle_callback(save_now),
                std::time::Duration::from_millis(SAVE_AFTER_MS),
            );
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
    let prefix = validation::normalize(&draft.account.domain_prefix);
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
        let staff = Staff::get();
        let file = RwSignal::new(File::default());
        let batch = Batch {
            file,
            rules: RwSignal::new(HashMap::new()),
            offers: RwSignal::new(HashMap::new()),
            domains: RwSignal::new(HashMap::new()),
            partner_domains: Memo::new(move |_| {
                staff
                    .known()
                    .map(|me| me.partner.domains)
                    .unwrap_or_default()
            }),
            statuses: Memo::new(move |_| {
                file.with(|file| file.rows.iter().map(|row| row.status.get()).collect())
            }),
            outcomes: RwSignal::new(HashMap::new()),
            passwords: RwSignal::new(HashMap::new()),
            staff,
            today: crate::format::today(),
        };
        let stored = load();
        batch.outcomes.set(outcomes_kept(&stored));
        file.set(File {
            id: stored.id,
            rows: stored
                .rows
                .into_iter()
                .map(|batch_row| batch.file_row(batch_row))
                .collect(),
        });
        save_after_changes(file);
        batch.find_repeated_domains();
        batch.fetch_countries();
        batch.look_up_domains();
        batch.fill_country_defaults();
        batch
    }

    /// A row with its checks, each following only what it reads.
    fn file_row(self, batch_row: BatchRow) -> FileRow {
        let number = batch_row.row.number;
        let data = ArcRwSignal::new(batch_row);
        let repeats = ArcRwSignal::new(None);
        let asks = ArcMemo::new({
            let data = data.clone();
            move |_| data.with(|batch_row| Asks::of(&batch_row.row.draft))
        });
        let issues = ArcMemo::new({
            let data = data.clone();
            move |_| data.with(|batch_row| self.issues(&batch_row.row.draft))
        });
        let check = ArcMemo::new({
            let (data, asks, repeats) = (data.clone(), asks.clone(), repeats.clone());
            move |_| {
                let issues = issues.get()?;
                let repeats = repeats.get();
                let problems =
                    data.with(|batch_row| self.problems(&batch_row.row, &asks, repeats))?;
                Some(Check { issues, problems })
            }
        });
        let status = ArcMemo::new({
            let (data, check) = (data.clone(), check.clone());
            move |_| {
                data.with(|batch_row| check.with(|check| Status::of(batch_row, check.as_ref())))
            }
        });
        FileRow {
            number,
            data,
            asks,
            repeats,
            check,
            status,
        }
    }

    /// The wizard's rules on a row, with its country's rules and, where it
    /// names an offer, the country's offers; `None` until they are in.
    fn issues(self, draft: &Draft) -> Option<Vec<Issue>> {
        let country = &draft.account.country;
        let partner_domains = self.partner_domains.read();
        self.rules.with(|rules| {
            let fallback;
            let rules = match rules.get(country)? {
                Ok(rules) => rules,
                // The API refuses a country it has no rules for: rules that
                // name no country say so at the row's Country cell.
                Err(_) => {
                    fallback = CountryValidationRules::default();
                    &fallback
                }
            };
            let context = Context {
                rules,
                partner_domains: &partner_domains,
                today: self.today,
                cloud: crate::config::cloud(),
            };
            let mut issues = draft.account_issues(&context);
            if !draft.offers.is_empty() {
                self.offers.with(|offers| {
                    if let Ok(catalogue) = offers.get(country)? {
                        issues.extend(draft.subscription_issues(catalogue));
                    }
                    Some(())
                })?;
            }
            Some(issues)
        })
    }

    /// What only a file, the partner's resellers and the domain lookups show
    /// of a row; `None` until its domain lookup is in.
    fn problems(
        self,
        row: &Row,
        asks: &ArcMemo<Asks>,
        repeats: Option<usize>,
    ) -> Option<Vec<RowProblem>> {
        let mut problems = row.problems.clone();
        problems.extend(repeats.map(RowProblem::RepeatedDomain));
        if let Some(reseller) = &row.draft.reseller_id
            && let Some(Ok(resellers)) = self.staff.resellers()
            && !resellers.iter().any(|known| &known.id == reseller)
        {
            problems.push(RowProblem::UnknownReseller);
        }
        // Untracked: only whether the row has gone out matters, and a row
        // on its way in has its own domain by now.
        let sent = self
            .outcomes
            .with_untracked(|outcomes| outcomes.contains_key(&row.number));
        if !sent
            && let Some(domain) = asks.with(|asks| asks.domain.clone())
            && self.domains.with(|domains| domains.get(&domain).copied())? == Some(true)
        {
            problems.push(RowProblem::DomainTaken);
        }
        Some(problems)
    }

    /// Which rows' domains an earlier row has, kept in each row as the
    /// domains change.
    fn find_repeated_domains(self) {
        Effect::new(move || {
            self.file.with(|file| {
                let prefixes: Vec<(usize, String)> = file
                    .rows
                    .iter()
                    .map(|row| (row.number, row.asks.with(|asks| asks.prefix.clone())))
                    .collect();
                let repeated = batch::repeated_domains(
                    prefixes
                        .iter()
                        .map(|(number, prefix)| (*number, prefix.as_str())),
                );
                for row in &file.rows {
                    let earlier = repeated.get(&row.number).copied();
                    if row.repeats.get_untracked() != earlier {
                        row.repeats.set(earlier);
                    }
                }
            })
        });
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
            let mut countries = BTreeSet::new();
            let mut with_offers = BTreeSet::new();
            self.each_asks(|asks| {
                if asks.offers {
                    with_offers.insert(asks.country.clone());
                }
                countries.insert(asks.country.clone());
            });
            fetch_missing(rules, rules_asked, countries, |country| async move {
                api::country_rules(&country).await
            });
            fetch_missing(offers, offers_asked, with_offers, |country| async move {
                api::offers(&country).await.map(|list| list.items)
            });
        });
    }

    /// Reads what each row asks of the file-wide lookups.
    fn each_asks(self, mut read: impl FnMut(&Asks)) {
        self.file.with(|file| {
            for row in &file.rows {
                row.asks.with(&mut read);
            }
        });
    }

    /// Whether another tenant has each row's domain, a few lookups at a time.
    fn look_up_domains(self) {
        let domains = self.domains;
        let asked = StoredValue::new(HashSet::<String>::new());
        Effect::new(move || {
            let mut wanted = BTreeSet::new();
            self.each_asks(|asks| wanted.extend(asks.domain.clone()));
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
    /// as Account info fills them in: when a country's rules arrive, and
    /// when a row's country changes.
    fn fill_country_defaults(self) {
        Effect::new(move || {
            self.each_asks(|_| ());
            self.rules.with(|known| {
                self.file.with_untracked(|file| {
                    for row in &file.rows {
                        let filled = row.data.with_untracked(|batch_row| {
                            let mut draft = batch_row.row.draft.clone();
                            if let Some(Ok(rules)) = known.get(&draft.account.country) {
                                draft.apply_country_defaults(rules);
                            }
                            (draft != batch_row.row.draft).then_some(draft)
                        });
                        if let Some(draft) = filled {
                            row.data.update(|batch_row| batch_row.row.draft = draft);
                        }
                    }
                })
            })
        });
    }

    /// A new file's rows, in place of the last file's (whose rows' wizards
    /// are forgotten).
    pub fn replace(&self, rows: Vec<Row>) {
        self.forget_rows();
        let id = browser::random_bytes::<4>().map_or(1, u32::from_le_bytes);
        let rows = rows
            .into_iter()
            .map(|row| {
                self.file_row(BatchRow {
                    row,
                    ..BatchRow::default()
                })
            })
            .collect();
        self.file.set(File { id, rows });
    }

    fn forget_rows(&self) {
        self.file.with_untracked(|file| {
            for row in &file.rows {
                slot(file.id, row.number).clear();
            }
        });
        self.outcomes.set(HashMap::new());
        self.passwords.set(HashMap::new());
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

    /// The rows to send: ready and not added yet.
    pub fn sendable(&self) -> Vec<FileRow> {
        self.outcomes.with(|outcomes| {
            self.file.with(|file| {
                file.rows
                    .iter()
                    .filter(|row| {
                        row.status.get() == Status::Ready
                            && !matches!(outcomes.get(&row.number), Some(Outcome::Added(_)))
                    })
                    .cloned()
                    .collect()
            })
        })
    }
}
