//! Component tests in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use customer_model::validation::{self, Field};
use customer_model::wire::CountryValidationRules;
use customer_wizard::testing::{
    AccountInfoPage, AddressFields, DraftForm, Locale, SiteHeader, TextField, Wizard,
    current_locale, set_locale, texts_in,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("document")
}

/// A fresh element in the page to mount a view into.
fn host() -> HtmlElement {
    let host = document().create_element("section").expect("section");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host.unchecked_into()
}

fn find<T: JsCast>(host: &HtmlElement, selector: &str) -> Option<T> {
    host.query_selector(selector)
        .expect("selector")
        .map(JsCast::unchecked_into)
}

/// A bubbling `kind` event on `target`, as the browser sends for a user's edit.
fn dispatch(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    dispatch(input, "input");
}

fn leave(input: &HtmlInputElement) {
    input
        .dispatch_event(&Event::new("blur").expect("blur event"))
        .expect("dispatch blur");
}

async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .request_animation_frame(&resolve)
            .expect("requestAnimationFrame");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("frame");
}

/// A fresh draft (kept in `wizard`) whose form checks the company name.
fn form_for_company_name(wizard: RwSignal<Option<Wizard>>, reveal: bool) {
    let current = Wizard::provide();
    current.start_over();
    wizard.set(Some(current));
    let issues = Memo::new(move |_| {
        current.draft(|draft| validation::company_name(&draft.account.company_name))
    });
    DraftForm::provide(issues, reveal.into());
}

#[wasm_bindgen_test]
async fn company_name_field_shows_its_error_after_the_user_leaves_it_and_clears_it_when_fixed() {
    let host = host();
    let wizard = RwSignal::new(None::<Wizard>);
    let _mounted = mount_to(host.clone(), move || {
        form_for_company_name(wizard, false);
        view! { <TextField field=Field::CompanyName label="Company name" /> }
    });
    let input: HtmlInputElement = find(&host, "input").expect("input");
    assert!(
        find::<HtmlElement>(&host, ".error-message").is_none(),
        "no error before the user leaves the field"
    );

    leave(&input);
    leptos::task::tick().await;
    let message: HtmlElement = find(&host, "#company-name-error").expect("error message");
    assert_eq!(
        message.text_content().as_deref(),
        Some("Error: Enter the company name")
    );
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("company-name-error")
    );

    type_into(&input, "Contoso Ltd");
    leptos::task::tick().await;
    let typed = wizard
        .get_untracked()
        .map(|wizard| wizard.draft(|draft| draft.account.company_name.clone()));
    assert_eq!(typed.as_deref(), Some("Contoso Ltd"), "the draft holds it");
    assert!(find::<HtmlElement>(&host, "#company-name-error").is_none());
    assert_eq!(input.get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn submitting_an_empty_account_info_form_shows_a_focused_error_summary() {
    let host = host();
    let _mounted = mount_to(host.clone(), || {
        // Empty, whatever another test left in the tab's draft.
        Wizard::provide().start_over();
        view! { <AccountInfoPage /> }
    });
    let summary: HtmlElement = find(&host, ".error-summary").expect("summary element");
    assert!(summary.hidden(), "summary hidden before submitting");

    let button: HtmlElement = find(&host, "button[type=submit]").expect("submit button");
    button.click();
    leptos::task::tick().await;
    next_frame().await;
    next_frame().await;

    assert!(!summary.hidden(), "summary shown after a failed submit");
    let link: HtmlElement = find(&summary, "a").expect("link to the field");
    assert_eq!(link.get_attribute("href").as_deref(), Some("#country"));
    assert_eq!(
        link.text_content().as_deref(),
        Some("Choose the country or region")
    );
    let company: HtmlElement =
        find(&summary, "a[href='#company-name']").expect("link to the company name");
    assert_eq!(
        company.text_content().as_deref(),
        Some("Enter the company name")
    );
    let focused = document().active_element().expect("a focused element");
    assert_eq!(
        focused,
        summary.clone().into(),
        "focus moved to the error summary"
    );
    let input: HtmlInputElement = find(&host, "#company-name").expect("input");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
}

/// The model's rules run on the browser's RegExp, String.normalize and letter
/// case in wasm:
/// they must judge exactly as the native build does (the model's own tests).
#[wasm_bindgen_test]
fn model_text_services_agree_with_the_native_build_in_the_browser() {
    use customer_model::text;
    use customer_model::validation::{Code, Severity, company_name, postal_code};
    use customer_model::wire::CountryValidationRules;

    assert_eq!(text::matches(r"^\d{4}$", "1051"), Ok(true));
    assert_eq!(
        text::matches(r"^\d{4}$", "١٢٣٤"),
        Ok(false),
        "\\d is ASCII on both sides"
    );
    assert_eq!(text::matches(r"^(\d{4}", "1051"), Err(text::InvalidPattern));
    assert_eq!(text::nfc("a\u{301}"), "á");
    assert_eq!(text::fold("İSTANBUL Deneme"), "istanbul deneme");
    assert_eq!(text::fold("Árvíztűrő"), "arvizturo");
    assert_eq!(text::fold("ıspanak Şirket A.Ş."), "ispanak sirket a.s.");
    assert_eq!(text::lowercase("ÁRVÍZTŰRŐ Éves"), "árvíztűrő éves");
    assert_eq!(text::lowercase("ΟΔΟΣ"), "οδος");
    assert_eq!(text::uppercase("éves şirket"), "ÉVES ŞIRKET");
    assert_eq!(text::uppercase("straße"), "STRASSE");

    let warned = |name: &str| {
        company_name(name)
            .iter()
            .any(|issue| issue.code == Code::TestName && issue.severity == Severity::Warning)
    };
    assert!(warned("İstanbul Deneme Ltd. Şti."));
    assert!(warned("TESZT ZRT."));
    assert!(!warned("Protestan Vakfı"));
    let decomposed_255 = format!("{}a\u{301}", "a\u{301}b".repeat(127));
    assert_eq!(
        company_name(&decomposed_255),
        vec![],
        "255 characters once composed"
    );

    let hungary = CountryValidationRules {
        is_postal_code_required: true,
        postal_code_regex: Some(r"^(?:\d{4})$".into()),
        ..Default::default()
    };
    assert_eq!(postal_code("1051", &hungary), vec![]);
    assert_eq!(postal_code("10510", &hungary)[0].code, Code::InvalidFormat);
}

/// In wasm the model reads JSON with the browser's `JSON.parse`: every answer
/// must come out as the value serde_json, which the server and the native
/// tests use, makes of it.
#[wasm_bindgen_test]
fn json_read_in_the_browser_is_the_value_serde_json_reads() {
    use customer_model::wire;

    for text in [
        r#"{"totalCount":2,"items":[{"id":"a","companyProfile":{"companyName":"Árvíztűrő Kft."}},{"id":"b"}]}"#,
        r#"{"quantity":7,"unitPrice":12.5,"negative":-3,"big":4294967296,"nothing":null,"yes":true}"#,
        r#"[1,"two",[3],{"four":4.25},false]"#,
        r#""a \"quoted\" line\nbreak \u00e9""#,
        r#"{"":"","é":"😀 ő","emoji 😀":["","a😀b","\ud83d\ude00",""],"last":"ı"}"#,
        "0",
        "{}",
    ] {
        let expected: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
        assert_eq!(wire::parse(text).ok(), Some(expected), "{text}");
    }
    for broken in ["", "{", "{\"a\":}", "[1,]", "<html>"] {
        assert!(wire::parse(broken).is_err(), "{broken:?} is not JSON");
    }
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(
        wire::parse(&deep).is_err(),
        "nesting stops, as serde_json's does"
    );
    let largest = (wire::EXACT_INTEGERS - 1).to_string();
    assert_eq!(
        wire::parse(&largest).ok().and_then(|value| value.as_u64()),
        Some(wire::EXACT_INTEGERS - 1),
        "the largest stored fingerprint reads back whole"
    );
    let count = wire::parse(r#"{"totalCount":2}"#).expect("valid JSON");
    assert_eq!(count["totalCount"].as_u64(), Some(2));
}

fn rules_of(
    country: &str,
    postal: &str,
    states: &[&str],
    registration: bool,
) -> CountryValidationRules {
    CountryValidationRules {
        iso2_code: country.into(),
        is_city_required: true,
        is_postal_code_required: true,
        postal_code_regex: Some(postal.into()),
        is_state_required: !states.is_empty(),
        supported_states_list: states.iter().map(|state| (*state).to_owned()).collect(),
        customer_organization_registration_number_required: registration,
        customer_organization_registration_number_sample: registration
            .then(|| "12892312-2-42".into()),
        ..Default::default()
    }
}

/// The address fields follow the country's rules, and changing the country
/// keeps what the user typed.
#[wasm_bindgen_test]
async fn address_fields_follow_the_country_rules_without_losing_input() {
    use customer_model::draft::Draft;

    let host = host();
    let hungary = rules_of("HU", r"^(?:\d{4})$", &[], true);
    let rules = RwSignal::new(Some(hungary.clone()));
    let wizard = RwSignal::new(None::<Wizard>);
    let _mounted = mount_to(host.clone(), move || {
        let current = Wizard::provide();
        wizard.set(Some(current));
        let issues = Memo::new(move |_| {
            let rules = rules.get().unwrap_or_default();
            current.state.with(|state| {
                let draft: &Draft = &state.draft;
                customer_model::validation::postal_code(&draft.account.postal_code, &rules)
            })
        });
        DraftForm::provide(issues, true.into());
        view! { <AddressFields rules /> }
    });
    leptos::task::tick().await;
    let label = |id: &str| {
        find::<HtmlElement>(&host, &format!("label[for={id}]"))
            .and_then(|label| label.text_content())
            .unwrap_or_default()
    };
    assert_eq!(label("postal-code"), "Postal code", "required in Hungary");
    assert_eq!(label("state"), "State or province (optional)");
    assert!(
        find::<HtmlElement>(&host, "#registration-number-hint")
            .and_then(|hint| hint.text_content())
            .unwrap_or_default()
            .contains("12892312-2-42"),
        "the registration number's example comes from the rules"
    );
    let city: HtmlInputElement = find(&host, "#city").expect("city");
    type_into(&city, "Budapest");
    let postal: HtmlInputElement = find(&host, "#postal-code").expect("postal code");
    type_into(&postal, "10510");
    leptos::task::tick().await;
    assert_eq!(
        find::<HtmlElement>(&host, "#postal-code-error")
            .and_then(|error| error.text_content())
            .as_deref(),
        Some("Error: Enter the postal code in the correct format")
    );

    rules.set(Some(rules_of(
        "US",
        r"^\d{5}(?:-\d{4})?$",
        &["CA", "NY", "WA"],
        false,
    )));
    leptos::task::tick().await;
    let state: HtmlElement = find(&host, "select#state").expect("states are a list in the US");
    assert_eq!(
        state.child_element_count(),
        4,
        "a placeholder and three states"
    );
    assert_eq!(label("state"), "State or province");
    assert_eq!(
        label("registration-number"),
        "Organization registration number (optional)"
    );
    let city: HtmlInputElement = find(&host, "#city").expect("city");
    assert_eq!(city.value(), "Budapest", "unrelated input is kept");
    let stored = wizard
        .get_untracked()
        .expect("wizard")
        .state
        .with_untracked(|state| state.draft.account.city.clone());
    assert_eq!(stored, "Budapest");
}

/// A list (here the states) shows the value the draft holds, whether the
/// user chose it or it was set elsewhere, with its options still listed.
#[wasm_bindgen_test]
async fn a_list_shows_the_drafts_value_chosen_or_set_elsewhere() {
    let host = host();
    let rules = RwSignal::new(Some(rules_of(
        "US",
        r"^\d{5}(?:-\d{4})?$",
        &["CA", "NY", "WA"],
        false,
    )));
    let wizard = RwSignal::new(None::<Wizard>);
    let _mounted = mount_to(host.clone(), move || {
        let current = Wizard::provide();
        current.start_over();
        wizard.set(Some(current));
        DraftForm::provide(Memo::new(|_| Vec::new()), false.into());
        view! { <AddressFields rules /> }
    });
    leptos::task::tick().await;
    let state: web_sys::HtmlSelectElement = find(&host, "select#state").expect("a state list");
    let stored = || {
        wizard
            .get_untracked()
            .expect("wizard")
            .state
            .with_untracked(|state| state.draft.account.state.clone())
    };

    state.set_value("NY");
    dispatch(&state, "change");
    leptos::task::tick().await;
    assert_eq!(stored(), "NY", "the user's choice is the draft's");

    wizard
        .get_untracked()
        .expect("wizard")
        .edit(|draft| draft.account.state = "WA".into());
    leptos::task::tick().await;
    assert_eq!(state.value(), "WA", "the list follows the draft");
    assert_eq!(state.length(), 4, "a placeholder and three states");
}

/// A step opened before the steps it depends on sends the user to the first
/// incomplete one.
#[wasm_bindgen_test]
async fn a_later_step_opened_first_redirects_to_account_info() {
    use customer_wizard::testing::{Step, StepGuard};

    let window = web_sys::window().expect("window");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(Step::Review.path()))
        .expect("open Review");
    let host = host();
    let _mounted = mount_to(host.clone(), || {
        Wizard::provide().start_over();
        view! {
            <StepGuard step=Step::Review>
                <p id="review-content">"Review"</p>
            </StepGuard>
        }
    });
    leptos::task::tick().await;
    next_frame().await;
    assert!(
        find::<HtmlElement>(&host, "#review-content").is_none(),
        "Review is not shown"
    );
    let path = web_sys::window()
        .expect("window")
        .location()
        .pathname()
        .expect("path");
    assert_eq!(path, Step::Account.path());
}

#[wasm_bindgen_test]
async fn switching_the_language_changes_every_text_and_keeps_the_input() {
    let host = host();
    let wizard = RwSignal::new(None::<Wizard>);
    let _mounted = mount_to(host.clone(), move || {
        form_for_company_name(wizard, true);
        view! {
            <SiteHeader />
            <TextField field=Field::CompanyName label=move || texts_in(current_locale()).customers.company_name />
        }
    });
    let input: HtmlInputElement = find(&host, "input").expect("input");
    type_into(&input, "x");
    leptos::task::tick().await;
    let text_of = |selector: &str| {
        find::<HtmlElement>(&host, selector)
            .and_then(|element| element.text_content())
            .unwrap_or_default()
    };
    let english_error = text_of("#company-name-error");
    assert!(english_error.contains("at least"), "{english_error}");

    for (locale, texts) in [
        (Locale::Hu, texts_in(Locale::Hu)),
        (Locale::Tr, texts_in(Locale::Tr)),
    ] {
        let button: HtmlElement =
            find(&host, &format!("#language-{}", locale.tag())).expect("language button");
        button.click();
        leptos::task::tick().await;
        assert_eq!(text_of("label"), texts.customers.company_name);
        let error = text_of("#company-name-error");
        assert!(
            error.starts_with(texts.common.error_hidden_prefix),
            "{error}"
        );
        assert_ne!(error, english_error);
        assert_eq!(input.value(), "x", "the input is kept");
        assert_eq!(
            button.get_attribute("aria-pressed").as_deref(),
            Some("true")
        );
        let lang = document()
            .document_element()
            .and_then(|root| root.get_attribute("lang"));
        assert_eq!(lang.as_deref(), Some(locale.tag()));
        let remembered = web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .and_then(|storage| storage.get_item("customer-wizard.locale").ok().flatten());
        assert_eq!(remembered.as_deref(), Some(locale.tag()));
    }
    assert_ne!(
        texts_in(Locale::Hu).customers.company_name,
        texts_in(Locale::En).customers.company_name
    );

    set_locale(Locale::En);
    leptos::task::tick().await;
    assert_eq!(text_of("#company-name-error"), english_error);
}

#[wasm_bindgen_test]
fn names_sort_the_way_the_ui_language_does() {
    let sorted = |locale: Locale| {
        let mut names = vec![
            "Zambiya", "Çad", "Küba", "Cezayir", "Irak", "İran", "Cibuti",
        ];
        set_locale(locale);
        customer_wizard::testing::sort_by_name(&mut names, |name| name);
        names
    };
    // Turkish: Ç after C, dotless I before İ.
    let turkish = sorted(Locale::Tr);
    let english = sorted(Locale::En);
    assert_eq!(
        turkish,
        [
            "Cezayir", "Cibuti", "Çad", "Irak", "İran", "Küba", "Zambiya"
        ]
    );
    assert_eq!(
        english,
        [
            "Çad", "Cezayir", "Cibuti", "Irak", "İran", "Küba", "Zambiya"
        ]
    );
}
