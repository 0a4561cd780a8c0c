//! Step 1: who the customer is. Every field follows the rules of the chosen
//! country, fetched from the API; leaving the step checks the domain, asks
//! the user to accept any warnings, and validates the address.

mod address_dialog;
mod address_fields;
mod agreement;
mod domain;
pub mod fields;
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

use address_dialog::AddressDialog;
pub use address_dialog::address_text;
pub use address_fields::AddressFields;
use agreement::AgreementSection;
pub use domain::RELATIONSHIP_PATH;
use domain::{Availability, DomainField, LookAlikeWarning, Lookups};
use fields::{bind, field_id, issues_of};
use reseller::ResellerField;

use crate::api::{self, ApiError};
use crate::components::error_summary::{ErrorSummary, focus_when_shown};
use crate::components::select_field::SelectField;
use crate::components::step_guard::StepGuard;
use crate::components::text_field::TextField;
use crate::countries::COUNTRIES;
use crate::format;
use crate::messages::{api_error_message, issue_message};
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

/// The countries by name in the UI language.
fn country_options() -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = format::country_names(&COUNTRIES)
        .into_iter()
        .zip(COUNTRIES)
        .map(|(name, code)| (code.to_owned(), name))
        .collect();
    options.sort_by_cached_key(|(_, name)| customer_model::text::fold(name));
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
    if let Some(reseller) = query.with_untracked(|query| query.get("reseller")) {
        wizard.edit(|draft| draft.reseller_id = Some(reseller));
    }

    let me = LocalResource::new(api::me);
    let me = Memo::new(move |_| me.get().and_then(Result::ok));
    let indirect = Memo::new(move |_| {
        me.with(|me| {
            me.as_ref()
                .is_some_and(|me| me.partner.partner_type == PartnerType::IndirectProvider)
        })
    });
    let may_confirm = Signal::derive(move || {
        me.with(|me| me.as_ref().is_none_or(|me| me.can_accept_agreement()))
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
        Some(Some(Err(error))) => Some(api_error_message(&error)),
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

    let attempted = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let warnings_for = RwSignal::new(None::<u64>);
    let address_check = RwSignal::new(None::<AddressValidationResponse>);
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
                "This domain is already in use: choose another, or request a relationship with the existing customer".to_owned(),
            ));
        }
        items
            .into_iter()
            .map(|(id, message)| (id.to_owned(), message))
            .collect::<Vec<_>>()
    });
    let warnings = Signal::derive(move || {
        let shown = warnings_for.get();
        let current = wizard.state.with(|state| account_fingerprint(&state.draft));
        if shown != Some(current) {
            return Vec::new();
        }
        issues.with(|issues| {
            issues
                .iter()
                .filter(|issue| !issue.is_error())
                .map(|issue| (field_id(issue.field), issue_message(issue)))
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
                    .customer_request()
                    .billing_profile
                    .map(|billing| billing.default_address)
                    .unwrap_or_default()
            });
            let result = api::validate_address(&address).await;
            busy.set(false);
            match result {
                Ok(answer) if answer.status.is_verified() => proceed.run(()),
                Ok(answer) => address_check.set(Some(answer)),
                Err(ApiError::Cancelled) => {}
                Err(error) => address_check.set(Some(AddressValidationResponse {
                    original_address: address,
                    suggested_addresses: Vec::new(),
                    status: AddressValidationStatus::NotValidated,
                    validation_message: Some(format!(
                        "The address could not be checked. {}",
                        api_error_message(&error)
                    )),
                    attributes: Default::default(),
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
        notice.set(None);
        if !country.get_untracked().is_empty() && loaded_rules.get_untracked().is_none() {
            rules.refetch();
            notice.set(Some(
                "The rules of the chosen country are still loading. Try again in a moment."
                    .to_owned(),
            ));
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
            let current = wizard
                .state
                .with_untracked(|state| account_fingerprint(&state.draft));
            let warned =
                issues.with_untracked(|issues| issues.iter().any(|issue| !issue.is_error()));
            if warned && warnings_for.get_untracked() != Some(current) {
                warnings_for.set(Some(current));
                focus_when_shown(warnings_panel);
                return;
            }
            check_address();
        });
    };

    let title = move || {
        let prefix = if errors.with(Vec::is_empty) {
            ""
        } else {
            "Error: "
        };
        format!("{prefix}Account info – Add customer – Partner Center")
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
    let countries = country_options();

    view! {
        <Title text=title />
        <main>
            <a class="back-link" href=if to_review { Step::Review.path() } else { "/customers" }>
                {if to_review { "Back to review" } else { "Back to customers" }}
            </a>
            <ErrorSummary errors=errors node_ref=summary />
            <WarningSummary warnings node_ref=warnings_panel on_continue=Callback::new(move |()| check_address()) />
            <span class="caption">"Add customer · Step 1 of 3"</span>
            <h1 tabindex="-1">"Account info"</h1>
            <div class="inset" id="guidance">
                <p>
                    "Use the customer's exact legal name, as it appears on official documents. "
                    "Avoid acronyms and short forms, and don't use test names."
                </p>
                <p>
                    "Give the full, exact address: location details, city, state or province, country or region and postal code."
                </p>
                <p>
                    "If the customer already has a tenant (for example with another partner), don't create it again: "
                    <a href=RELATIONSHIP_PATH>"request a relationship"</a>
                    " instead."
                </p>
            </div>
            <form novalidate on:submit=on_submit>
                <h2 class="section-heading">"Company"</h2>
                <SelectField
                    id="country"
                    label="Country or region"
                    hint="Where the company is registered. The rules for the fields below follow it."
                    options=countries
                    placeholder="Choose a country or region"
                    value=bind(wizard, Field::Country, |draft| &draft.account.country, |draft| &mut draft.account.country)
                    issues=text_field_issues(Field::Country)
                    reveal=attempted
                    autocomplete="country"
                />
                {move || rules_problem.get().map(|problem| view! {
                    <p class="alert" role="alert">
                        {format!("The country's rules could not be loaded. {problem}")}
                        " "
                        <button type="button" class="link-button" on:click=move |_| rules.refetch()>"Try again"</button>
                    </p>
                })}
                <TextField
                    id="company-name"
                    label="Company name"
                    hint="The exact legal name, for example Contoso Ltd."
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
                <h2 class="section-heading">"Primary contact"</h2>
                <TextField
                    id="first-name"
                    label="First name"
                    autocomplete="given-name"
                    width="20"
                    value=bind(wizard, Field::FirstName, |draft| &draft.account.first_name, |draft| &mut draft.account.first_name)
                    issues=text_field_issues(Field::FirstName)
                    reveal=attempted
                />
                <TextField
                    id="last-name"
                    label="Last name"
                    autocomplete="family-name"
                    width="20"
                    value=bind(wizard, Field::LastName, |draft| &draft.account.last_name, |draft| &mut draft.account.last_name)
                    issues=text_field_issues(Field::LastName)
                    reveal=attempted
                />
                <TextField
                    id="email"
                    label="Email address"
                    hint="The customer's own address, not one on your company's domain"
                    input_type="email"
                    autocomplete="email"
                    value=bind(wizard, Field::Email, |draft| &draft.account.email, |draft| &mut draft.account.email)
                    issues=text_field_issues(Field::Email)
                    reveal=attempted
                />
                <TextField
                    id="phone-number"
                    label="Phone number"
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
                    label="Language"
                    hint="The language of the customer's communications"
                    options=languages
                    value=bind(wizard, Field::Language, |draft| &draft.account.language, |draft| &mut draft.account.language)
                    issues=text_field_issues(Field::Language)
                    reveal=attempted
                />
                <SelectField
                    id="culture"
                    label="Culture"
                    hint="How dates, numbers and prices are written for the customer"
                    options=cultures
                    value=bind(wizard, Field::Culture, |draft| &draft.account.culture, |draft| &mut draft.account.culture)
                    issues=text_field_issues(Field::Culture)
                    reveal=attempted
                />

                <Show when=move || indirect.get()>
                    <h2 class="section-heading">"Reseller"</h2>
                    <ResellerField />
                </Show>

                <h2 class="section-heading">"Agreement and access"</h2>
                <AgreementSection issues reveal=attempted may_confirm />

                <div aria-live="polite" class="form-status">
                    {move || notice.get().map(|text| view! { <p class="alert">{text}</p> })}
                    {move || busy.get().then(|| view! { <p class="notice">"Checking…"</p> })}
                </div>
                <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                    {if to_review { "Save and return to review" } else { "Next: Subscriptions" }}
                </button>
            </form>
            <AddressDialog check=address_check on_accept=proceed />
        </main>
    }
}

/// "Check these answers": the warnings, which the user may accept.
#[component]
fn WarningSummary(
    #[prop(into)] warnings: Signal<Vec<(&'static str, String)>>,
    node_ref: NodeRef<Div>,
    on_continue: Callback<()>,
) -> impl IntoView {
    view! {
        <div
            class="warning-summary"
            tabindex="-1"
            aria-labelledby="warning-summary-title"
            node_ref=node_ref
            hidden=move || warnings.with(Vec::is_empty)
        >
            <div role="alert">
                <h2 id="warning-summary-title">"Check these answers before you continue"</h2>
                <ul>
                    {move || {
                        warnings
                            .get()
                            .into_iter()
                            .map(|(id, message)| view! { <li><a href=format!("#{id}")>{message}</a></li> })
                            .collect_view()
                    }}
                </ul>
                <p>"If they are right, you can continue."</p>
                <button type="button" class="button button--secondary" id="continue-anyway" on:click=move |_| on_continue.run(())>
                    "Continue anyway"
                </button>
            </div>
        </div>
    }
}
