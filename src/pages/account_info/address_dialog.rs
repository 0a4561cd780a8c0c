//! Leaving Account info checks the address (`POST /v1/validations/address`).
//! When the service suggests a correction, or could not verify the address,
//! this dialog lets the user take a suggestion or keep what they entered.

use customer_model::wire::{Address, AddressValidationResponse};
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen::JsCast;

use crate::api::ApiError;
use crate::i18n::{self, api_error_message, t};
use crate::wizard::Wizard;

/// What the address check found, when it needs the user.
#[derive(Debug, Clone, PartialEq)]
pub struct AddressCheck {
    /// The service's answer; when it could not be asked, the address as
    /// entered, unverified.
    pub answer: AddressValidationResponse,
    /// Why the service could not be asked (shown in the UI language).
    pub failure: Option<ApiError>,
}

/// One line per address, as people read them.
pub fn address_text(address: &Address) -> String {
    let city_line = [
        address.postal_code.as_deref(),
        address.city.as_deref(),
        address.state.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    [
        Some(address.address_line1.as_str()),
        address.address_line2.as_deref(),
        address.address_line3.as_deref(),
        Some(city_line.as_str()),
        Some(address.country.as_str()),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.trim().is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

fn apply(wizard: Wizard, address: &Address) {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    wizard.edit(|draft| {
        let account = &mut draft.account;
        account.address_line1 = address.address_line1.clone();
        account.address_line2 = text(&address.address_line2);
        account.address_line3 = text(&address.address_line3);
        account.city = text(&address.city);
        account.state = text(&address.state);
        account.postal_code = text(&address.postal_code);
    });
}

/// Opens while `check` holds an answer that needs the user; `on_accept` runs
/// once they chose (the draft then holds the chosen address).
#[component]
pub fn AddressDialog(
    check: RwSignal<Option<AddressCheck>>,
    on_accept: Callback<()>,
) -> impl IntoView {
    let wizard = Wizard::get();
    let dialog = NodeRef::<Dialog>::new();
    // None: keep the address as entered; Some(i): the i-th suggestion.
    let chosen = RwSignal::new(None::<usize>);
    Effect::new(move || {
        let open = check.with(Option::is_some);
        let Some(dialog) = dialog.get() else { return };
        if open && !dialog.open() {
            chosen.set(check.with_untracked(|check| {
                check
                    .as_ref()
                    .filter(|check| !check.answer.suggested_addresses.is_empty())
                    .map(|_| 0)
            }));
            let _ = dialog.show_modal();
        } else if !open && dialog.open() {
            dialog.close();
        }
    });
    let accept = move |_| {
        if let (Some(index), Some(check)) = (chosen.get_untracked(), check.get_untracked())
            && let Some(address) = check.answer.suggested_addresses.get(index)
        {
            apply(wizard, address);
        }
        check.set(None);
        on_accept.run(());
    };
    let edit = move |_| {
        check.set(None);
        request_animation_frame(|| {
            if let Some(input) = document().get_element_by_id("address-line1") {
                let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    };
    view! {
        <dialog
            class="dialog"
            node_ref=dialog
            aria-labelledby="address-dialog-title"
            on:cancel=move |_: web_sys::Event| check.set(None)
        >
            {move || check.get().map(|check| body(check, chosen))}
            <div class="button-group">
                <button type="button" class="button" id="address-accept" on:click=accept>
                    {t!(account.use_address)}
                </button>
                <button type="button" class="button button--secondary" on:click=edit>
                    {t!(account.edit_address)}
                </button>
            </div>
        </dialog>
    }
}

/// What the dialog says and offers for `check`. Its code is in the address
/// check's piece of the `split` build (`next::validation`), which has run by
/// the time there is a check to show, so it shows at once; if that piece
/// could not be fetched, the check could not run either, and the dialog
/// says so.
fn body(check: AddressCheck, chosen: RwSignal<Option<usize>>) -> AnyView {
    // The view's future is not `Send`; the app has one thread.
    Suspend::new(send_wrapper::SendWrapper::new(async move {
        let failure = check.failure.clone();
        #[cfg(feature = "split")]
        let choices = choices(check, chosen).await;
        #[cfg(not(feature = "split"))]
        let choices = choices(check, chosen);
        choices.unwrap_or_else(|_| not_checked(failure))
    }))
    .into_any()
}

/// The service's answer and the addresses to choose from.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        address_validation,
        fallible,
        wasm_split_path = ::leptos::wasm_split
    )
)]
fn choices(
    check: AddressCheck,
    chosen: RwSignal<Option<usize>>,
) -> Result<AnyView, SplitLoaderError> {
    let AddressCheck { answer, failure } = check;
    let suggestions = answer.suggested_addresses.clone();
    let unverified = suggestions.is_empty();
    let heading = move || {
        let texts = i18n::account::texts();
        if unverified {
            texts.address_unverified_title
        } else {
            texts.address_suggestion_title
        }
    };
    let message = match failure {
        Some(error) => not_checked_message(error).into_any(),
        // The service's own words.
        None => answer
            .validation_message
            .clone()
            .map(|message| view! { <p>{message}</p> })
            .into_any(),
    };
    let original = address_text(&answer.original_address);
    Ok(view! {
        <h2 id="address-dialog-title">{heading}</h2>
        {message}
        <fieldset class="fieldset">
            <legend>{t!(account.address_choice_legend)}</legend>
            <div class="radios">
                {suggestions
                    .iter()
                    .enumerate()
                    .map(|(index, address)| {
                        let id = format!("address-suggestion-{index}");
                        let address = address_text(address);
                        view! {
                            <div class="radio">
                                <input
                                    type="radio"
                                    name="address-choice"
                                    id=id.clone()
                                    prop:checked=move || chosen.get() == Some(index)
                                    on:change=move |_| chosen.set(Some(index))
                                />
                                <label for=id>
                                    {move || (i18n::account::texts().address_suggested)(&address)}
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
                <div class="radio">
                    <input
                        type="radio"
                        name="address-choice"
                        id="address-keep"
                        prop:checked=move || chosen.get().is_none()
                        on:change=move |_| chosen.set(None)
                    />
                    <label for="address-keep">
                        {move || (i18n::account::texts().address_keep)(&original)}
                    </label>
                </div>
            </div>
        </fieldset>
    }
    .into_any())
}

/// The address could not be checked: the address as entered is kept.
fn not_checked(failure: Option<ApiError>) -> AnyView {
    let error = failure.unwrap_or(ApiError::Network(String::new()));
    view! {
        <h2 id="address-dialog-title">{t!(account.address_unverified_title)}</h2>
        {not_checked_message(error)}
    }
    .into_any()
}

/// Why the address was not checked, in the UI language.
fn not_checked_message(error: ApiError) -> impl IntoView {
    view! {
        <p>{move || (i18n::account::texts().address_not_checked)(&api_error_message(&error))}</p>
    }
}
