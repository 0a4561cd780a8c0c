//! Account info's Next: the answers' errors stop it; then the domain is
//! checked, warnings are asked about once, and the address is validated
//! (a suggestion or a failure asks the user in the address dialog).

use std::pin::Pin;
use std::time::Duration;

use customer_model::validation::has_errors;
use customer_model::wire::{Address, AddressValidationResponse, AddressValidationStatus};
use leptos::ev::SubmitEvent;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::address_dialog::AddressCheck;
use super::domain::Availability;
use super::state::AccountState;
use crate::api::{self, ApiError};
use crate::components::error_summary::focus_when_shown;
use crate::components::form::field_id;
use crate::i18n::{self, issue_message};
use crate::router;
use crate::wizard::{Step, account_fingerprint};

#[derive(Clone, Copy)]
pub struct NextStep {
    /// Next was pressed: every issue shows, and the error summary lists them.
    pub attempted: RwSignal<bool>,
    /// The domain check or the address validation is under way.
    pub busy: RwSignal<bool>,
    /// Set when Next was pressed before the country's rules had arrived.
    pub rules_pending: RwSignal<bool>,
    /// The answers (their fingerprint) whose warnings are being asked about.
    warnings_for: RwSignal<Option<u64>>,
    pub address_check: RwSignal<Option<AddressCheck>>,
    pub summary: NodeRef<Div>,
    pub warnings_panel: NodeRef<Div>,
    state: AccountState,
}

impl NextStep {
    pub fn new(state: AccountState) -> NextStep {
        let wizard = state.wizard;
        NextStep {
            // Back from a Submit the server refused: its issues show at their
            // fields (and in the summary) at once, not only after the user
            // leaves a field.
            attempted: RwSignal::new(wizard.server_issues.with_untracked(|issues| {
                issues
                    .iter()
                    .any(|issue| Step::of_field(issue.field) == Step::Account)
            })),
            busy: RwSignal::new(false),
            rules_pending: RwSignal::new(false),
            warnings_for: RwSignal::new(None),
            address_check: RwSignal::new(None),
            summary: NodeRef::new(),
            warnings_panel: NodeRef::new(),
            state,
        }
    }

    /// The error summary's (input id, message) pairs, once Next was pressed.
    pub fn errors(self) -> Signal<Vec<(String, String)>> {
        let AccountState {
            issues,
            domain_taken,
            ..
        } = self.state;
        let attempted = self.attempted;
        Signal::derive(move || {
            if !attempted.get() {
                return Vec::new();
            }
            let mut items: Vec<(&'static str, String)> = Vec::new();
            issues.with(|issues| {
                for issue in issues.iter().filter(|issue| issue.is_error()) {
                    let id = field_id(issue.field);
                    if !items.iter().any(|(known, _)| *known == id) {
                        items.push((id, issue_message(issue)));
                    }
                }
            });
            let domain = field_id(customer_model::validation::Field::DomainPrefix);
            if domain_taken.get() && !items.iter().any(|(id, _)| *id == domain) {
                items.push((
                    domain,
                    i18n::account::texts().domain_taken_summary.to_owned(),
                ));
            }
            items
                .into_iter()
                .map(|(id, message)| (id.to_owned(), message))
                .collect()
        })
    }

    /// The warnings Next asks about, for the answers it asked about (none
    /// once they change). Until Next asks there is nothing to show, and no
    /// need to fingerprint the answers on every keystroke.
    pub fn warnings(self) -> Memo<Vec<(String, String)>> {
        let (wizard, issues, warnings_for) =
            (self.state.wizard, self.state.issues, self.warnings_for);
        Memo::new(move |_| {
            let Some(shown) = warnings_for.get() else {
                return Vec::new();
            };
            if wizard.state.with(|state| account_fingerprint(&state.draft)) != shown {
                return Vec::new();
            }
            issues.with(|issues| {
                issues
                    .iter()
                    .filter(|issue| !issue.is_error())
                    .map(|issue| (field_id(issue.field).to_owned(), issue_message(issue)))
                    .collect()
            })
        })
    }

    /// The step is complete: on to Subscriptions, or back to Review.
    pub fn proceed(self) -> Callback<()> {
        let (wizard, to_review) = (self.state.wizard, self.state.to_review);
        Callback::new(move |()| {
            wizard.complete_account();
            let target = if to_review {
                Step::Review
            } else {
                Step::Subscriptions
            };
            router::navigate(target.path());
        })
    }

    /// Validates the address: a verified one proceeds, anything else asks
    /// the user in the address dialog.
    pub fn check_address(self, proceed: Callback<()>) {
        let (wizard, busy, address_check) = (self.state.wizard, self.busy, self.address_check);
        spawn_local(async move {
            busy.try_set(true);
            let address = wizard.draft(|draft| {
                draft
                    .customer_request(crate::config::cloud())
                    .billing_profile
                    .map(|billing| billing.default_address)
                    .unwrap_or_default()
            });
            let result = validation(address.clone()).await;
            // The user may have left the page while the address was checked.
            if busy.try_set(false).is_some() {
                return;
            }
            match result {
                Ok(answer) if answer.status.is_verified() => proceed.run(()),
                Ok(answer) => address_check.set(Some(AddressCheck {
                    answer,
                    failure: None,
                })),
                Err(ApiError::Cancelled) => {}
                Err(error) => address_check.set(Some(AddressCheck {
                    answer: AddressValidationResponse {
                        original_address: address,
                        suggested_addresses: Vec::new(),
                        status: AddressValidationStatus::NotValidated,
                        validation_message: None,
                        attributes: Default::default(),
                    },
                    failure: Some(error),
                })),
            }
        });
    }

    /// The form's submit: Next (or Save and return to review). Pressed
    /// before the country's rules are in, it goes on once they are (after a
    /// reload, a user may press Next before they arrive); if they cannot be
    /// loaded, the page says so and offers to try again.
    pub fn on_submit(self, proceed: Callback<()>) -> impl Fn(SubmitEvent) + Copy {
        let state = self.state;
        Effect::new(move || {
            if !self.rules_pending.get() {
                return;
            }
            if state.rules_problem.with(Option::is_some) {
                self.rules_pending.set(false);
            } else if state.loaded_rules.with(Option::is_some) {
                // Once the page has taken the rules in (their own effect sets
                // the country's default language and culture), as a press of
                // Next then would.
                set_timeout(
                    move || {
                        if self.rules_pending.try_get_untracked() == Some(true) {
                            self.go_on(proceed);
                        }
                    },
                    Duration::ZERO,
                );
            }
        });
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if !self.busy.get_untracked() {
                self.go_on(proceed);
            }
        }
    }

    /// Next's checks, then the domain check and the address check.
    fn go_on(self, proceed: Callback<()>) {
        let state = self.state;
        self.attempted.set(true);
        self.rules_pending.set(false);
        if !state.country.get_untracked().is_empty() && state.loaded_rules.get_untracked().is_none()
        {
            // Rules that failed are asked for again; rules on their way are
            // waited for.
            if state.rules_problem.with_untracked(Option::is_some) {
                state.rules.refetch();
            }
            self.rules_pending.set(true);
            return;
        }
        if has_errors(&state.issues.get_untracked()) || state.domain_taken.get_untracked() {
            focus_when_shown(self.summary);
            return;
        }
        let prefix = state
            .wizard
            .draft(|draft| draft.account.domain_prefix.clone());
        spawn_local(async move {
            self.busy.try_set(true);
            let availability = state.lookups.check_domain(prefix).await;
            // The user may have left the page while the domain was checked.
            if self.busy.try_set(false).is_some() {
                return;
            }
            if matches!(availability, Availability::Taken(_)) {
                focus_when_shown(self.summary);
                return;
            }
            let (current, passed) = state.wizard.state.with_untracked(|stored| {
                let current = account_fingerprint(&stored.draft);
                (current, stored.progress.account == Some(current))
            });
            let warned = state
                .issues
                .with_untracked(|issues| issues.iter().any(|issue| !issue.is_error()));
            // Answers that went on before (their warnings accepted) are
            // not asked about again.
            if warned && !passed && self.warnings_for.get_untracked() != Some(current) {
                self.warnings_for.set(Some(current));
                focus_when_shown(self.warnings_panel);
                return;
            }
            self.check_address(proceed);
        });
    }
}

/// The service's check of `address`. Only leaving Account info needs it, so
/// the `split` build moves its code (the request, and reading the answer's
/// addresses) into a file of its own, which Account info fetches once the
/// browser is idle ([`preload_validation`]) or at Next; one that cannot be
/// fetched is a service that cannot be reached: the address dialog says so.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        address_validation,
        fallible,
        wasm_split_path = ::leptos::wasm_split,
        preload(preload_validation),
        return_wrapper(
            let validation = _;
            { validation.await } -> Result<AddressValidationResponse, ApiError>
        )
    )
)]
fn validation(address: Address) -> Pin<Box<dyn Future<Output = ValidationResult>>> {
    Box::pin(async move { api::validate_address(&address).await })
}

type ValidationResult = Result<AddressValidationResponse, ApiError>;

/// Fetches [`validation`]'s code while the browser has nothing else to do
/// (a no-op without `split`).
pub fn preload_validation_when_idle() {
    // A failure shows at Next, which asks again.
    #[cfg(feature = "split")]
    crate::pages::fetch_when_idle(|| async {
        let _ = preload_validation().await;
    });
}
