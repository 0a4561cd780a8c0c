//! Step 1: who the customer is. Every field follows the rules of the chosen
//! country, fetched from the API; leaving the step checks the domain, asks
//! the user to accept any warnings, and validates the address.

mod address_dialog;
mod address_fields;
mod agreement;
mod domain;
mod fields;
mod reseller;

use customer_model::validation::{Context, Field, has_errors};
use customer_model::wire::{
    AddressValidationResponse, AddressValidationStatus, CountryValidationRules, PartnerType,
};
use leptos::ev::SubmitEvent;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

use address_dialog::{AddressCheck, AddressDialog};
pub use address_fields::AddressFields;
use agreement::AgreementSection;
use domain::{Availability, DomainField, LookAlikeWarning, Lookups};
use fields::{bind, issues_of};
use reseller::ResellerField;

use crate::api::{self, ApiError};
use crate::components::cannot_add::CannotAdd;
use crate::components::error_summary::{Concern, ErrorSummary, Summary, focus_when_shown};
use crate::components::form::field_id;
use crate::components::relationship_link::relationship_link;
use crate::components::select_field::SelectField;
use crate::components::step_guard::StepGuard;
use crate::components::text_field::TextField;
use crate::config::href;
use crate::countries::COUNTRIES;
use crate::format;
use crate::i18n::{api_error_message, fill, issue_message, page_title, t, texts};
use crate::staff::Staff;
use crate::wizard::{Step, Wizard, account_fingerprint};

/// Step 1 of the wizard, behind its guard.
#[component]
pub fn AccountInfoPage() -> impl IntoView {
    view! {
        <StepGuard step=Step::Account>
            <AccountInfoForm />
        </StepGuard>
    }
}

/// The countries by name in the UI language, in its order (call it in a
/// reactive scope to follow a change of language).
fn country_options() -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = format::country_names(&COUNTRIES)
        .into_iter()
        .zip(COUNTRIES)
        .map(|(name, code)| (code.to_owned(), name))
        .collect();
    format::sort_by_name(&mut options, |(_, name)| name);
    options
}

fn language_options(codes: &[String]) -> Vec<(String, String)> {
    codes
        .iter()
        .map(|code| (code.clone(), format::language_name(code)))
        .collect()
}

/// The chosen country's first language and culture, and no state of another
/// country; the rest of the input stays as it is.
fn apply_country_defaults(wizard: Wizard, rules: &CountryValidationRules) {
    let listed =
        |list: &[String], value: &str| list.iter().any(|item| item.eq_ignore_ascii_case(value));
    let first = |list: &[String]| list.first().cloned().unwrap_or_default();
    let fixed = wizard.state.with_untracked(|state| {
        let mut account = state.draft.account.clone();
        if !listed(&rules.supported_languages_list, &account.language) {
            account.language = first(&rules.supported_languages_list);
        }
        if !listed(&rules.supported_cultures_list, &account.culture) {
            account.culture = first(&rules.supported_cultures_list);
        }
        if !rules.supported_states_list.is_empty()
            && !listed(&rules.supported_states_list, &account.state)
        {
            account.state.clear();
        }
        (account != state.draft.account).then_some(account)
    });
    if let Some(account) = fixed {
        wizard.edit(|draft| draft.account = account);
    }
}

#[component]
fn AccountInfoForm() -> impl IntoView {
    let wizard = Wizard::get();
    // A customer finished earlier does not block the next one.
    if wizard
        .state
        .with_untracked(|state| state.submission.complete)
    {
        wizard.start_over();
    }
    let query = use_query_map();
    let navigate = use_navigate();
    let to_review = query.with_untracked(|query| query.get("return").as_deref() == Some("review"));
    // A link may name the reseller (`?reseller=<id>`); it is kept once the
    // partner's resellers are known to include it.
    if let Some(reseller) = query.with_untracked(|query| query.get("reseller")) {
        wizard.edit(|draft| {
            draft.reseller_id = Some(reseller);
            draft.reseller_mpn_id = None;
        });
    }
    let unknown_reseller = RwSignal::new(None::<String>);

    let staff = Staff::get();
    staff.retry_failures();
    let me = Memo::new(move |_| staff.known());
    let indirect = Memo::new(move |_| {
        me.with(|me| {
            me.as_ref()
                .is_some_and(|me| me.partner.partner_type == PartnerType::IndirectProvider)
        })
    });
    // A role that may not add customers is told why instead of given the form.
    let refused =
        Memo::new(move |_| me.with(|me| me.as_ref().filter(|me| !me.can_add_customers()).cloned()));
    let may_confirm = Signal::derive(move || {
        me.with(|me| me.as_ref().is_none_or(|me| me.can_accept_agreement()))
    });
    // A direct-bill partner has no resellers: any reseller is unknown.
    Effect::new(move || {
        let direct = me.with(|me| {
            me.as_ref()
                .is_some_and(|me| me.partner.partner_type != PartnerType::IndirectProvider)
        });
        if direct && let Some(id) = reseller::keep_known_reseller(wizard, &[]) {
            unknown_reseller.set(Some(id));
        }
    });

    let country =
        Memo::new(move |_| wizard.draft(|draft| draft.account.country.trim().to_ascii_uppercase()));
    let rules = LocalResource::new(move || {
        let code = country.get();
        async move {
            if code.is_empty() {
                None
            } else {
                Some(api::country_rules(&code).await)
            }
        }
    });
    let loaded_rules = Memo::new(move |_| match rules.get() {
        Some(Some(Ok(rules))) if rules.iso2_code.eq_ignore_ascii_case(&country.get()) => {
            Some(rules)
        }
        _ => None,
    });
    let rules_problem = Memo::new(move |_| match rules.get() {
        Some(Some(Err(ApiError::Cancelled))) => None,
        Some(Some(Err(error))) => Some(error),
        _ => None,
    });
    Effect::new(move || {
        if let Some(rules) = loaded_rules.get() {
            apply_country_defaults(wizard, &rules);
        }
    });
    let rule = move |read: fn(&CountryValidationRules) -> bool| {
        Signal::derive(move || loaded_rules.with(|rules| rules.as_ref().is_some_and(read)))
    };

    let today = format::today();
    let issues = Memo::new(move |_| {
        let rules = loaded_rules
            .get()
            .unwrap_or_else(|| CountryValidationRules {
                iso2_code: country.get(),
                ..Default::default()
            });
        let domains = me.with(|me| {
            me.as_ref()
                .map(|me| me.partner.domains.clone())
                .unwrap_or_default()
        });
        let context = Context {
            rules: &rules,
            partner_domains: &domains,
            today,
            cloud: crate::config::cloud(),
        };
        let mut issues = wizard
            .state
            .with(|state| state.draft.account_issues(&context));
        issues.extend(
            wizard
                .server_issues
                .get()
                .into_iter()
                .filter(|issue| Step::of_field(issue.field) == Step::Account),
        );
        issues
    });

    let lookups = Lookups::new();
    Effect::new(move |previous: Option<(String, String)>| {
        let current = wizard.draft(|draft| {
            (
                draft.account.company_name.clone(),
                draft.account.domain_prefix.clone(),
            )
        });
        let changed = previous.as_ref() != Some(&current);
        let worth_it = !(current.0.trim().is_empty() && current.1.trim().is_empty());
        if changed && worth_it {
            lookups.schedule(current.0.clone(), current.1.clone());
        }
        current
    });
    let domain_taken = Memo::new(move |_| {
        let prefix = wizard.draft(|draft| draft.account.domain_prefix.clone());
        matches!(
            lookups.availability.with(|known| known.of(&prefix)),
            Availability::Taken(_)
        )
    });

    // Back from a Submit the server refused: its issues show at their fields
    // (and in the summary) at once, not only after the user leaves a field.
    let attempted = RwSignal::new(wizard.server_issues.with_untracked(|issues| {
        issues
            .iter()
            .any(|issue| Step::of_field(issue.field) == Step::Account)
    }));
    let busy = RwSignal::new(false);
    // Set when Next was pressed before the country's rules had arrived.
    let rules_pending = RwSignal::new(false);
    let warnings_for = RwSignal::new(None::<u64>);
    let address_check = RwSignal::new(None::<AddressCheck>);
    let summary = NodeRef::<Div>::new();
    let warnings_panel = NodeRef::<Div>::new();

    let errors = Signal::derive(move || {
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
        if domain_taken.get() && !items.iter().any(|(id, _)| *id == "domain-prefix") {
            items.push((
                "domain-prefix",
                texts().account.domain_taken_summary.to_owned(),
            ));
        }
        items
            .into_iter()
            .map(|(id, message)| (id.to_owned(), message))
            .collect::<Vec<_>>()
    });
    // Until Next asks about warnings there is nothing to show, and no need
    // to fingerprint the answers on every keystroke.
    let warnings = Memo::new(move |_| {
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
                .collect::<Vec<_>>()
        })
    });

    let proceed = {
        let navigate = navigate.clone();
        Callback::new(move |()| {
            wizard.complete_account();
            let target = if to_review {
                Step::Review
            } else {
                Step::Subscriptions
            };
            navigate(target.path(), Default::default());
        })
    };
    let check_address = move || {
        spawn_local(async move {
            busy.set(true);
            let address = wizard.draft(|draft| {
                draft
                    .customer_request(crate::config::cloud())
                    .billing_profile
                    .map(|billing| billing.default_address)
                    .unwrap_or_default()
            });
            let result = api::validate_address(&address).await;
            busy.set(false);
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
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        attempted.set(true);
        rules_pending.set(false);
        if !country.get_untracked().is_empty() && loaded_rules.get_untracked().is_none() {
            rules.refetch();
            rules_pending.set(true);
            return;
        }
        if has_errors(&issues.get_untracked()) || domain_taken.get_untracked() {
            focus_when_shown(summary);
            return;
        }
        let prefix = wizard.draft(|draft| draft.account.domain_prefix.clone());
        spawn_local(async move {
            busy.set(true);
            let availability = lookups.check_domain(prefix).await;
            busy.set(false);
            if matches!(availability, Availability::Taken(_)) {
                focus_when_shown(summary);
                return;
            }
            let (current, passed) = wizard.state.with_untracked(|state| {
                let current = account_fingerprint(&state.draft);
                (current, state.progress.account == Some(current))
            });
            let warned =
                issues.with_untracked(|issues| issues.iter().any(|issue| !issue.is_error()));
            // Answers that went on before (their warnings accepted) are not asked about again.
            if warned && !passed && warnings_for.get_untracked() != Some(current) {
                warnings_for.set(Some(current));
                focus_when_shown(warnings_panel);
                return;
            }
            check_address();
        });
    };

    let title = move || {
        let common = &texts().common;
        page_title(
            &[common.step_account, common.add_customer],
            !errors.with(Vec::is_empty),
        )
    };
    let text_field_issues = move |field: Field| issues_of(issues, field);
    let languages = Signal::derive(move || {
        loaded_rules.with(|rules| {
            rules
                .as_ref()
                .map(|rules| language_options(&rules.supported_languages_list))
                .unwrap_or_default()
        })
    });
    let cultures = Signal::derive(move || {
        loaded_rules.with(|rules| {
            rules
                .as_ref()
                .map(|rules| language_options(&rules.supported_cultures_list))
                .unwrap_or_default()
        })
    });
    // Named and sorted again when the language changes.
    let countries = Memo::new(move |_| country_options());

    view! {
        <Title text=title />
        <main>
            <a class="back-link" href=href(if to_review { Step::Review.path() } else { "/customers" })>
                {move || {
                    let common = &texts().common;
                    if to_review { common.back_to_review } else { common.back_to_customers }
                }}
            </a>
            <ErrorSummary errors=errors node_ref=summary />
            <Summary
                concern=Concern::Warnings
                items=warnings
                node_ref=warnings_panel
            >
                <p>{t!(account.warnings_text)}</p>
                <button type="button" class="button button--secondary" id="continue-anyway" on:click=move |_| check_address()>
                    {t!(account.continue_anyway)}
                </button>
            </Summary>
            <span class="caption">{move || (texts().common.step_caption)(1)}</span>
            <h1 tabindex="-1">{t!(common.step_account)}</h1>
            {move || refused.get().map(|me| view! { <CannotAdd me /> })}
            <div class="inset" id="guidance" hidden=move || refused.with(Option::is_some)>
                <p>{t!(account.guidance_name)}</p>
                <p>{t!(account.guidance_address)}</p>
                <p>
                    {move || {
                        let texts = &texts().account;
                        fill(texts.guidance_existing, vec![("{link}", relationship_link(texts.request_relationship))])
                    }}
                </p>
            </div>
            <form novalidate on:submit=on_submit hidden=move || refused.with(Option::is_some)>
                {move || unknown_reseller.get().map(|id| view! {
                    <p class="notice" id="unknown-reseller" role="status">
                        {move || (texts().account.reseller_unknown)(&id)}
                    </p>
                })}
                <h2 class="section-heading">{t!(account.company_heading)}</h2>
                <SelectField
                    id="country"
                    label=t!(account.country_label)
                    hint=t!(account.country_hint)
                    options=countries
                    placeholder=t!(account.country_placeholder)
                    value=bind(wizard, Field::Country, |draft| &draft.account.country, |draft| &mut draft.account.country)
                    issues=text_field_issues(Field::Country)
                    reveal=attempted
                    autocomplete="country"
                />
                {move || rules_problem.get().map(|problem| view! {
                    <p class="alert" role="alert">
                        {move || (texts().account.rules_failed)(&api_error_message(&problem))}
                        " "
                        <button type="button" class="link-button" on:click=move |_| rules.refetch()>
                            {t!(common.try_again)}
                        </button>
                    </p>
                })}
                <TextField
                    id="company-name"
                    label=t!(account.company_name_label)
                    hint=t!(account.company_name_hint)
                    autocomplete="organization"
                    value=bind(wizard, Field::CompanyName, |draft| &draft.account.company_name, |draft| &mut draft.account.company_name)
                    issues=text_field_issues(Field::CompanyName)
                    reveal=attempted
                />
                <DomainField
                    value=bind(wizard, Field::DomainPrefix, |draft| &draft.account.domain_prefix, |draft| &mut draft.account.domain_prefix)
                    issues=text_field_issues(Field::DomainPrefix)
                    reveal=attempted
                    lookups
                />
                <LookAlikeWarning lookups />

                <AddressFields rules=loaded_rules issues reveal=attempted />
                <h2 class="section-heading">{t!(account.contact_heading)}</h2>
                <TextField
                    id="first-name"
                    label=t!(account.first_name_label)
                    autocomplete="given-name"
                    width="20"
                    value=bind(wizard, Field::FirstName, |draft| &draft.account.first_name, |draft| &mut draft.account.first_name)
                    issues=text_field_issues(Field::FirstName)
                    reveal=attempted
                />
                <TextField
                    id="last-name"
                    label=t!(account.last_name_label)
                    autocomplete="family-name"
                    width="20"
                    value=bind(wizard, Field::LastName, |draft| &draft.account.last_name, |draft| &mut draft.account.last_name)
                    issues=text_field_issues(Field::LastName)
                    reveal=attempted
                />
                <TextField
                    id="email"
                    label=t!(account.email_label)
                    hint=t!(account.email_hint)
                    input_type="email"
                    autocomplete="email"
                    value=bind(wizard, Field::Email, |draft| &draft.account.email, |draft| &mut draft.account.email)
                    issues=text_field_issues(Field::Email)
                    reveal=attempted
                />
                <TextField
                    id="phone-number"
                    label=t!(account.phone_number_label)
                    optional=Signal::derive(move || !rule(|rules| rules.customer_organization_phone_number_required).get())
                    input_type="tel"
                    autocomplete="tel"
                    width="20"
                    value=bind(wizard, Field::PhoneNumber, |draft| &draft.account.phone_number, |draft| &mut draft.account.phone_number)
                    issues=text_field_issues(Field::PhoneNumber)
                    reveal=attempted
                />
                <SelectField
                    id="language"
                    label=t!(account.language_label)
                    hint=t!(account.language_hint)
                    options=languages
                    value=bind(wizard, Field::Language, |draft| &draft.account.language, |draft| &mut draft.account.language)
                    issues=text_field_issues(Field::Language)
                    reveal=attempted
                />
                <SelectField
                    id="culture"
                    label=t!(account.culture_label)
                    hint=t!(account.culture_hint)
                    options=cultures
                    value=bind(wizard, Field::Culture, |draft| &draft.account.culture, |draft| &mut draft.account.culture)
                    issues=text_field_issues(Field::Culture)
                    reveal=attempted
                />

                <Show when=move || indirect.get()>
                    <h2 class="section-heading">{t!(account.reseller_heading)}</h2>
                    <ResellerField unknown=unknown_reseller />
                </Show>

                <h2 class="section-heading">{t!(account.agreement_heading)}</h2>
                <AgreementSection issues reveal=attempted may_confirm />

                <div aria-live="polite" class="form-status">
                    {move || rules_pending.get().then(|| view! { <p class="alert">{t!(account.rules_loading)}</p> })}
                    {move || busy.get().then(|| view! { <p class="notice">{t!(account.checking)}</p> })}
                </div>
                <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                    {move || {
                        let common = &texts().common;
                        if to_review { common.save_and_return } else { common.next_subscriptions }
                    }}
                </button>
            </form>
            <AddressDialog check=address_check on_accept=proceed />
        </main>
    }
}
