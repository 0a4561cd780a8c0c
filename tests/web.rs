//! Component tests in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use customer_model::validation;
use customer_wizard::components::text_field::TextField;
use customer_wizard::pages::account_info::AccountInfoPage;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos_router::components::Router;
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

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).expect("input event");
    input.dispatch_event(&event).expect("dispatch input");
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

#[wasm_bindgen_test]
async fn company_name_field_shows_its_error_after_the_user_leaves_it_and_clears_it_when_fixed() {
    let host = host();
    let value = RwSignal::new(String::new());
    let issues = Signal::derive(move || value.with(|name| validation::company_name(name)));
    let _mounted = mount_to(host.clone(), move || {
        view! { <TextField id="company-name" label="Company name" value=value issues=issues reveal=false /> }
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
    assert_eq!(value.get_untracked(), "Contoso Ltd");
    assert!(find::<HtmlElement>(&host, "#company-name-error").is_none());
    assert_eq!(input.get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn submitting_an_empty_account_info_form_shows_a_focused_error_summary() {
    let host = host();
    let _mounted = mount_to(
        host.clone(),
        || view! { <Router><AccountInfoPage /></Router> },
    );
    let summary: HtmlElement = find(&host, ".error-summary").expect("summary element");
    assert!(summary.hidden(), "summary hidden before submitting");

    let button: HtmlElement = find(&host, "button[type=submit]").expect("submit button");
    button.click();
    leptos::task::tick().await;
    next_frame().await;
    next_frame().await;

    assert!(!summary.hidden(), "summary shown after a failed submit");
    let link: HtmlElement = find(&summary, "a").expect("link to the field");
    assert_eq!(link.get_attribute("href").as_deref(), Some("#company-name"));
    assert_eq!(
        link.text_content().as_deref(),
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

/// The model's rules run on the browser's RegExp and String.normalize in wasm:
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
