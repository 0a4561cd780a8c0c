//! After Submit: the new customer, its admin's one-time password (shown once,
//! never stored), and the orders placed; Done returns to Customers.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::components::step_guard::StepGuard;
use crate::wizard::{Step, Wizard};

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    view! {
        <StepGuard step=Step::Confirmation>
            <Confirmation />
        </StepGuard>
    }
}

/// Copies `text` and says so in `status` (announced by its live region).
pub fn copy_to_clipboard(text: String, status: RwSignal<Option<&'static str>>) {
    let Some(clipboard) = web_sys::window().map(|window| window.navigator().clipboard()) else {
        status.set(Some(
            "Copying is not available here: select the text and copy it.",
        ));
        return;
    };
    let promise = clipboard.write_text(&text);
    leptos::task::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        status.set(Some(if copied {
            "Copied to the clipboard."
        } else {
            "Copying did not work: select the text and copy it."
        }));
    });
}

#[component]
fn Confirmation() -> impl IntoView {
    let wizard = Wizard::get();
    let navigate = use_navigate();
    let submission = wizard
        .state
        .with_untracked(|state| state.submission.clone());
    let customer = submission.customer.done().cloned().unwrap_or_default();
    let orders = submission.checkout.done().cloned().unwrap_or_default();
    let password = wizard.password.get_untracked();
    let copied = RwSignal::new(None::<&'static str>);
    let customer_id = customer.id.clone();
    let done = move |_| {
        wizard.start_over();
        navigate(
            &format!(
                "/customers?added={}",
                js_sys::encode_uri_component(&customer_id)
            ),
            Default::default(),
        );
    };
    view! {
        <Title text="Customer added – Partner Center" />
        <main>
            <div class="panel">
                <h1 tabindex="-1">"Customer added"</h1>
                <p class="panel__body">{customer.company_name.clone()}</p>
            </div>
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt>"Customer ID"</dt>
                    <dd id="customer-id">{customer.id.clone()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>"Primary domain name"</dt>
                    <dd>{customer.domain.clone()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>"Admin user name"</dt>
                    <dd id="admin-user-name">{customer.admin_user_name.clone()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>"Temporary password"</dt>
                    <dd>
                        {match password {
                            Some(password) => {
                                let text = password.clone();
                                view! {
                                    <code id="admin-password" class="password">{password}</code>
                                    " "
                                    <button
                                        type="button"
                                        class="button button--secondary"
                                        id="copy-password"
                                        on:click=move |_| copy_to_clipboard(text.clone(), copied)
                                    >
                                        "Copy password"
                                    </button>
                                    <span aria-live="polite" class="hint">{move || copied.get()}</span>
                                }
                                    .into_any()
                            }
                            None => view! {
                                <span id="password-gone">
                                    "No longer shown. Reset the admin's password in the Microsoft 365 admin center if it was not saved."
                                </span>
                            }
                                .into_any(),
                        }}
                    </dd>
                </div>
            </dl>
            <div class="warning-text" role="note">
                <strong>
                    "Save the password now and give it to the customer securely: you can't view this password again after you leave this page."
                </strong>
            </div>
            <h2 class="section-heading">"Orders"</h2>
            {if orders.is_empty() {
                view! { <p id="no-orders">"No subscriptions were ordered. The customer can buy them later."</p> }.into_any()
            } else {
                view! {
                    <ul id="orders">
                        {orders.into_iter().map(|order| view! {
                            <li>
                                {format!("Order {}", order.id.clone().unwrap_or_default())}
                                <ul>
                                    {order.line_items.into_iter().map(|line| {
                                        let name = line.friendly_name.clone().unwrap_or(line.offer_id.clone());
                                        let licenses = if line.quantity == 1 { "1 license".to_owned() } else { format!("{} licenses", line.quantity) };
                                        view! { <li>{format!("{name}: {licenses}")}</li> }
                                    }).collect_view()}
                                </ul>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <button type="button" class="button" id="done" on:click=done>"Done"</button>
        </main>
    }
}
