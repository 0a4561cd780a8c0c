//! The primary domain: checked live (debounced while typing, and on "Check
//! availability") against `HEAD /v1/domains/{domain}`, and the customers of
//! ours that look like this one — both lead to Request a relationship.

use std::time::Duration;

use customer_model::validation::{self, Field};
use customer_model::wire::CustomerName;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, SearchField};
use crate::components::relationship_link::relationship_link;
use crate::components::text_field::{FieldHead, FieldInput, described_by, is_error};
use crate::i18n::{self, api_error_message, fill, t};

const DEBOUNCE: Duration = Duration::from_millis(500);
#[derive(Debug, Clone, PartialEq)]
pub enum Availability {
    Unknown,
    Checking(String),
    Available(String),
    Taken(String),
    /// The check failed, for this reason (shown in the UI language).
    Failed(String, api::ApiError),
}

impl Availability {
    /// What is known about this prefix (any case).
    pub fn of(&self, prefix: &str) -> Availability {
        let same = |checked: &str| checked.eq_ignore_ascii_case(prefix.trim());
        match self {
            Availability::Checking(checked)
            | Availability::Available(checked)
            | Availability::Taken(checked)
            | Availability::Failed(checked, _)
                if same(checked) =>
            {
                self.clone()
            }
            _ => Availability::Unknown,
        }
    }
}

/// The latest check of the domain, and of look-alike customers; older answers are dropped.
/// An answer, or the typing pause, that comes after the user has left the page
/// finds its signals gone: it is dropped too, without touching them.
#[derive(Debug, Clone, Copy)]
pub struct Lookups {
    pub availability: RwSignal<Availability>,
    pub look_alikes: RwSignal<Vec<CustomerName>>,
    generation: StoredValue<u64>,
}

impl Lookups {
    pub fn new() -> Lookups {
        Lookups {
            availability: RwSignal::new(Availability::Unknown),
            look_alikes: RwSignal::new(Vec::new()),
            generation: StoredValue::new(0),
        }
    }

    /// `None` once the page is gone.
    fn next_generation(&self) -> Option<u64> {
        self.generation.try_update_value(|generation| {
            *generation += 1;
            *generation
        })
    }

    /// Checks the prefix now, unless its answer is known; returns the answer.
    pub async fn check_domain(self, prefix: String) -> Availability {
        let prefix = prefix.trim().to_owned();
        if !validation::domain_prefix(&prefix).is_empty() {
            self.availability.try_set(Availability::Unknown);
            return Availability::Unknown;
        }
        let known = self
            .availability
            .try_with_untracked(|known| known.of(&prefix))
            .unwrap_or(Availability::Unknown);
        if matches!(known, Availability::Available(_) | Availability::Taken(_)) {
            return known;
        }
        let Some(generation) = self.next_generation() else {
            return Availability::Unknown;
        };
        self.availability
            .try_set(Availability::Checking(prefix.clone()));
        let answer = match api::domain_taken(&validation::canonical_domain(
            &prefix,
            crate::config::cloud(),
        ))
        .await
        {
            Ok(true) => Availability::Taken(prefix),
            Ok(false) => Availability::Available(prefix),
            Err(api::ApiError::Cancelled) => return Availability::Unknown,
            Err(error) => Availability::Failed(prefix, error),
        };
        if self.generation.try_get_value() == Some(generation) {
            self.availability.try_set(answer.clone());
        }
        answer
    }

    /// After the user stops typing: the domain, and customers that start the same.
    pub fn schedule(self, company_name: String, prefix: String) {
        let Some(generation) = self.next_generation() else {
            return;
        };
        set_timeout(
            move || {
                if self.generation.try_get_value() != Some(generation) {
                    return;
                }
                let domain_prefix = prefix.clone();
                spawn_local(async move {
                    self.check_domain(domain_prefix).await;
                });
                spawn_local(async move {
                    let found = look_alikes(&company_name, &prefix).await;
                    self.look_alikes.try_set(found);
                });
            },
            DEBOUNCE,
        );
    }
}

/// Our customers whose company name starts with the first word of this one's
/// (three letters at least), or whose domain starts with this prefix.
async fn look_alikes(company_name: &str, prefix: &str) -> Vec<CustomerName> {
    let mut searches = Vec::new();
    let first_word = validation::normalize(company_name)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_matches(|ch: char| !ch.is_alphanumeric())
        .to_owned();
    if first_word.chars().count() >= 3 {
        searches.push((SearchField::CompanyName, first_word));
    }
    if prefix.trim().chars().count() >= 3 && validation::domain_prefix(prefix).is_empty() {
        searches.push((SearchField::Domain, prefix.trim().to_owned()));
    }
    let mut found: Vec<CustomerName> = Vec::new();
    for search in searches {
        if let Ok(page) = api::list_customers::<CustomerName>(Some(search), None).await {
            for customer in page.items {
                if !found.iter().any(|known| known.id == customer.id) {
                    found.push(customer);
                }
            }
        }
    }
    found.truncate(3);
    found
}

/// Prefix input with the fixed suffix, a Check availability button and the answer.
#[component]
pub fn DomainField(lookups: Lookups) -> impl IntoView {
    let FieldInput {
        id,
        value,
        left,
        message,
    } = FieldInput::of(Field::DomainPrefix);
    let state = Signal::derive(move || {
        let prefix = value.get.get();
        lookups.availability.with(|known| known.of(&prefix))
    });
    let taken = move || matches!(state.get(), Availability::Taken(_));
    let check = move |_| {
        left.set(true);
        let prefix = value.get.get_untracked();
        spawn_local(async move {
            lookups.check_domain(prefix).await;
        });
    };
    let describe = described_by(id, true, message);
    view! {
        <div
            class="field"
            class=("field--error", move || is_error(message) || taken())
        >
            <FieldHead
                id
                label=t!(account.domain_label)
                hint=Some(t!(account.domain_hint).into())
                message
            />
            <div class="domain">
                <input
                    type="text"
                    id=id
                    name=id
                    class="input--domain"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || value.get.get()
                    on:input=move |ev| value.set.run(event_target_value(&ev))
                    on:blur=move |_| left.set(true)
                    aria-invalid=move || (is_error(message) || taken()).then_some("true")
                    aria-describedby=move || {
                        let mut ids = describe().unwrap_or_default();
                        ids.push_str(" domain-availability");
                        ids
                    }
                />
                <span class="domain__suffix">{crate::config::cloud().domain_suffix()}</span>
                <button type="button" class="button button--secondary" on:click=check>
                    {t!(account.check_availability)}
                </button>
            </div>
            <p id="domain-availability" class="availability" aria-live="polite">
                {move || match state.get() {
                    Availability::Unknown => ().into_any(),
                    Availability::Checking(_) => t!(account.checking_availability).into_any(),
                    Availability::Available(prefix) => {
                        let domain = validation::canonical_domain(&prefix, crate::config::cloud());
                        view! {
                            <span class="availability--ok">
                                {move || (i18n::account::texts().domain_available)(&domain)}
                            </span>
                        }
                            .into_any()
                    }
                    Availability::Taken(prefix) => {
                        let domain = validation::canonical_domain(&prefix, crate::config::cloud());
                        view! {
                            <span class="availability--taken">
                                {move || {
                                    let texts = i18n::account::texts();
                                    fill(
                                        texts.domain_taken,
                                        vec![
                                            ("{domain}", domain.clone().into_any()),
                                            ("{link}", relationship_link(texts.request_relationship)),
                                        ],
                                    )
                                }}
                            </span>
                        }
                            .into_any()
                    }
                    Availability::Failed(_, error) => {
                        (move || (i18n::account::texts().domain_check_failed)(&api_error_message(&error)))
                            .into_any()
                    }
                }}
            </p>
        </div>
    }
}

/// "This may be an existing customer", with the way to request a relationship.
#[component]
pub fn LookAlikeWarning(lookups: Lookups) -> impl IntoView {
    move || {
        let found = lookups.look_alikes.get();
        (!found.is_empty()).then(|| {
            let names = found
                .iter()
                .map(|customer| {
                    format!(
                        "{} ({})",
                        customer.company_profile.company_name, customer.company_profile.domain
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <div class="warning-text" id="look-alikes" role="status">
                    <strong>{t!(account.look_alike_title)}</strong>
                    " "
                    {move || {
                        let texts = i18n::account::texts();
                        fill(
                            texts.look_alike_text,
                            vec![
                                ("{names}", names.clone().into_any()),
                                ("{link}", relationship_link(texts.request_relationship)),
                            ],
                        )
                    }}
                </div>
            }
        })
    }
}
