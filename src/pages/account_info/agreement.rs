//! The customer agreement (who accepts it, and when), and default GDAP.

use customer_model::draft::AgreementChoice;
use customer_model::validation::Field;
use leptos::prelude::*;

use crate::components::text_field::TextField;
use crate::format;
use crate::i18n::{self, t};
use crate::wizard::Wizard;

#[component]
pub fn AgreementSection(
    /// Whether the signed-in role may confirm the agreement for the customer.
    #[prop(into)]
    may_confirm: Signal<bool>,
) -> impl IntoView {
    let wizard = Wizard::get();
    let choice = Memo::new(move |_| wizard.draft(|draft| draft.agreement.choice));
    let choose = move |choice: AgreementChoice| {
        wizard.edit(|draft| {
            draft.agreement.choice = choice;
            if choice == AgreementChoice::CustomerHasAccepted
                && draft.agreement.date_agreed.is_empty()
            {
                draft.agreement.date_agreed = format::today().to_string();
            }
        });
    };
    let date = Memo::new(move |_| wizard.draft(|draft| draft.agreement.date_agreed.clone()));
    view! {
        <fieldset class="fieldset">
            <legend>{t!(account.agreement_legend)}</legend>
            <p class="hint" id="agreement-hint">{t!(account.agreement_hint)}</p>
            <div class="radios">
                <div class="radio">
                    <input
                        type="radio"
                        id="agreement-will-accept"
                        name="agreement"
                        prop:checked=move || choice.get() == AgreementChoice::CustomerWillAccept
                        on:change=move |_| choose(AgreementChoice::CustomerWillAccept)
                    />
                    <label for="agreement-will-accept">
                        {t!(account.agreement_will_accept)}
                    </label>
                </div>
                // Recording the acceptance is offered in the public cloud only.
                <Show when=move || crate::config::cloud().offers_agreement_attestation()>
                <div class="radio">
                    <input
                        type="radio"
                        id="agreement-has-accepted"
                        name="agreement"
                        prop:disabled=move || !may_confirm.get()
                        aria-describedby=move || (!may_confirm.get()).then_some("agreement-not-allowed")
                        prop:checked=move || choice.get() == AgreementChoice::CustomerHasAccepted
                        on:change=move |_| choose(AgreementChoice::CustomerHasAccepted)
                    />
                    <label for="agreement-has-accepted">
                        {t!(account.agreement_has_accepted)}
                    </label>
                    <Show when=move || !may_confirm.get()>
                        <p class="hint" id="agreement-not-allowed">
                            {t!(account.agreement_not_allowed)}
                        </p>
                    </Show>
                </div>
                </Show>
            </div>
            <Show when=move || choice.get() == AgreementChoice::CustomerHasAccepted>
                <div class="conditional">
                    <TextField
                        field=Field::AgreementDate
                        label=t!(account.agreement_date_label)
                        hint=move || (i18n::account::texts().agreement_date_hint)(&format::date(&date.get()))
                        input_type="date"
                    />
                    <p class="hint">{t!(account.acceptor_intro)}</p>
                    <TextField
                        field=Field::AcceptorFirstName
                        label=t!(account.acceptor_first_name_label)
                        autocomplete="off"
                    />
                    <TextField
                        field=Field::AcceptorLastName
                        label=t!(account.acceptor_last_name_label)
                        autocomplete="off"
                    />
                    <TextField
                        field=Field::AcceptorEmail
                        label=t!(account.acceptor_email_label)
                        input_type="email"
                        autocomplete="off"
                    />
                    <TextField
                        field=Field::AcceptorPhoneNumber
                        label=t!(account.acceptor_phone_number_label)
                        input_type="tel"
                        autocomplete="off"
                        optional=true
                    />
                </div>
            </Show>
        </fieldset>
        <div class="checkbox">
            <input
                type="checkbox"
                id="gdap"
                prop:checked=move || wizard.draft(|draft| draft.enable_gdap_by_default)
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    wizard.edit(|draft| draft.enable_gdap_by_default = checked);
                }
                aria-describedby="gdap-hint"
            />
            <label for="gdap">{t!(account.gdap_label)}</label>
            <p class="hint" id="gdap-hint">{t!(account.gdap_hint)}</p>
        </div>
    }
}
