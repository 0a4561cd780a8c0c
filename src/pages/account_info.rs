//! Step 1: who the customer is. Every field follows the rules of the chosen
//! country, fetched from the API; leaving the step checks the domain, asks
//! the user to accept any warnings, and validates the address.

mod address_dialog;
mod address_fields;
mod agreement;
mod domain;
mod next;
mod reseller;
mod state;

use customer_model::validation::Field;
use leptos::prelude::*;

use address_dialog::AddressDialog;
pub use address_fields::AddressFields;
use agreement::AgreementSection;
use domain::{DomainField, LookAlikeWarning};
use next::NextStep;
use reseller::ResellerField;
use state::AccountState;

use crate::components::cannot_add::CannotAdd;
use crate::components::error_summary::{Concern, ErrorSummary, Summary};
use crate::components::form::DraftForm;
use crate::components::relationship_link::relationship_link;
use crate::components::select_field::SelectField;
use crate::components::step_guard::StepGuard;
use crate::components::text_field::TextField;
use crate::components::title::Title;
use crate::config::href;
use crate::format;
use crate::i18n::{self, api_error_message, fill, page_title, t};
use crate::wizard::Step;

/// Step 1 of the wizard, behind its guard.
#[component]
pub fn AccountInfoPage() -> impl IntoView {
    view! {
        <StepGuard step=Step::Account>
            <AccountInfoForm />
        </StepGuard>
    }
}

#[component]
fn AccountInfoForm() -> impl IntoView {
    // Next, and Subscriptions, the next step, go on without waiting for
    // their code.
    super::preload::<super::SubscriptionsRoute>();
    next::preload_validation_when_idle();
    let state = AccountState::new();
    let next = NextStep::new(state);
    DraftForm::provide(state.issues, next.attempted.into());
    let AccountState {
        to_review,
        refused,
        may_confirm,
        indirect,
        unknown_reseller,
        rules,
        loaded_rules,
        rules_problem,
        lookups,
        ..
    } = state;
    let NextStep {
        busy,
        rules_pending,
        address_check,
        summary,
        warnings_panel,
        ..
    } = next;
    let errors = next.errors();
    let warnings = next.warnings();
    let phone_required = state.rule(|rules| rules.customer_organization_phone_number_required);
    let proceed = next.proceed();
    let title = move || {
        let common = i18n::common::texts();
        // The title is read once more while a page whose sign-in ended is
        // being replaced, after its signals are gone: then it has no errors.
        page_title(
            &[common.step_account, common.add_customer],
            errors
                .try_with(|errors| !errors.is_empty())
                .unwrap_or(false),
        )
    };
    let languages = state.language_options(|rules| &rules.supported_languages_list);
    let cultures = state.language_options(|rules| &rules.supported_cultures_list);
    // Naming and sorting the countries is the page's first use of the
    // browser's `Intl`, whose data takes tens of milliseconds to load: done
    // by a worker once the form has been painted and the browser is idle
    // (`format::load_intl_data`), so that it holds up neither the form nor a
    // key typed meanwhile; by the page when the language changes.
    let idle = RwSignal::new(false);
    request_idle_callback(move || {
        leptos::task::spawn_local(async move {
            crate::format::load_intl_data().await;
            idle.try_set(true);
        });
    });
    let countries = Memo::new(move |_| {
        if idle.get() {
            format::countries_by_name()
        } else {
            Vec::new()
        }
    });

    view! {
        <Title text=title />
        <main>
            <a class="back-link" href=href(if to_review { Step::Review.path() } else { "/customers" })>
                {move || {
                    let common = i18n::common::texts();
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
                <button type="button" class="button button--secondary" id="continue-anyway" on:click=move |_| next.check_address(proceed)>
                    {t!(account.continue_anyway)}
                </button>
            </Summary>
            <span class="caption">{move || (i18n::common::texts().step_caption)(1)}</span>
            <h1 tabindex="-1">{t!(common.step_account)}</h1>
            {move || refused.get().map(|me| view! { <CannotAdd me /> })}
            <div class="inset" id="guidance" hidden=move || refused.with(Option::is_some)>
                <p>{t!(account.guidance_name)}</p>
                <p>{t!(account.guidance_address)}</p>
                <p>
                    {move || {
                        let texts = i18n::account::texts();
                        fill(texts.guidance_existing, vec![("{link}", relationship_link(texts.request_relationship))])
                    }}
                </p>
            </div>
            <form novalidate on:submit=next.on_submit(proceed) hidden=move || refused.with(Option::is_some)>
                {move || unknown_reseller.get().map(|id| view! {
                    <p class="notice" id="unknown-reseller" role="status">
                        {move || (i18n::account::texts().reseller_unknown)(&id)}
                    </p>
                })}
                <h2 class="section-heading">{t!(account.company_heading)}</h2>
                <SelectField
                    field=Field::Country
                    label=t!(account.country_label)
                    hint=t!(account.country_hint)
                    options=countries
                    placeholder=t!(account.country_placeholder)
                    autocomplete="country"
                />
                {move || rules_problem.get().map(|problem| view! {
                    <p class="alert" role="alert">
                        {move || (i18n::account::texts().rules_failed)(&api_error_message(&problem))}
                        " "
                        <button type="button" class="link-button" on:click=move |_| rules.refetch()>
                            {t!(common.try_again)}
                        </button>
                    </p>
                })}
                <TextField
                    field=Field::CompanyName
                    label=t!(account.company_name_label)
                    hint=t!(account.company_name_hint)
                    autocomplete="organization"
                />
                <DomainField lookups />
                <LookAlikeWarning lookups />

                <AddressFields rules=loaded_rules />
                <h2 class="section-heading">{t!(account.contact_heading)}</h2>
                <TextField
                    field=Field::FirstName
                    label=t!(account.first_name_label)
                    autocomplete="given-name"
                    width="20"
                />
                <TextField
                    field=Field::LastName
                    label=t!(account.last_name_label)
                    autocomplete="family-name"
                    width="20"
                />
                <TextField
                    field=Field::Email
                    label=t!(account.email_label)
                    hint=t!(account.email_hint)
                    input_type="email"
                    autocomplete="email"
                />
                <TextField
                    field=Field::PhoneNumber
                    label=t!(account.phone_number_label)
                    optional=Signal::derive(move || !phone_required.get())
                    input_type="tel"
                    autocomplete="tel"
                    width="20"
                />
                <SelectField
                    field=Field::Language
                    label=t!(account.language_label)
                    hint=t!(account.language_hint)
                    options=languages
                />
                <SelectField
                    field=Field::Culture
                    label=t!(account.culture_label)
                    hint=t!(account.culture_hint)
                    options=cultures
                />

                <Show when=move || indirect.get()>
                    <h2 class="section-heading">{t!(account.reseller_heading)}</h2>
                    <ResellerField unknown=unknown_reseller />
                </Show>

                <h2 class="section-heading">{t!(account.agreement_heading)}</h2>
                <AgreementSection may_confirm />

                <div aria-live="polite" class="form-status">
                    {move || rules_pending.get().then(|| view! { <p class="notice">{t!(account.rules_loading)}</p> })}
                    {move || busy.get().then(|| view! { <p class="notice">{t!(account.checking)}</p> })}
                </div>
                <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                    {move || {
                        let common = i18n::common::texts();
                        if to_review { common.save_and_return } else { common.next_subscriptions }
                    }}
                </button>
            </form>
            <AddressDialog check=address_check on_accept=proceed />
        </main>
    }
}
