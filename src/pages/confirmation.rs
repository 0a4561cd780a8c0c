//! After Submit: the new customer, its admin's one-time password (shown once,
//! never stored), and the orders placed; Done returns to Customers.

use leptos::prelude::*;

use crate::components::clipboard::{Copied, copied_message, copy_to_clipboard};
use crate::components::step_guard::StepGuard;
use crate::components::title::Title;
use crate::i18n::{self, page_title, t};
use crate::router;
use crate::wizard::{PlacedOrders, Step, Wizard};

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    view! {
        <StepGuard step=Step::Confirmation>
            <Confirmation />
        </StepGuard>
    }
}

#[component]
fn Confirmation() -> impl IntoView {
    let wizard = Wizard::get();
    let submission = wizard
        .state
        .with_untracked(|state| state.submission.clone());
    let customer = submission.customer.done().cloned().unwrap_or_default();
    let orders = submission
        .checkout
        .done()
        .map(PlacedOrders::orders)
        .unwrap_or_default();
    let password = wizard.password.get_untracked();
    let copied = RwSignal::new(None::<Copied>);
    let customer_id = customer.id.clone();
    let done = move |_| {
        wizard.start_over();
        router::navigate(&format!(
            "/customers?added={}",
            js_sys::encode_uri_component(&customer_id)
        ));
    };
    view! {
        <Title text=move || page_title(&[i18n::confirmation::texts().title], false) />
        <main>
            <div class="panel">
                <h1 tabindex="-1">{t!(confirmation.title)}</h1>
                <p class="panel__body">{customer.company_name.clone()}</p>
            </div>
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt>{t!(confirmation.customer_id)}</dt>
                    <dd id="customer-id">{customer.id.clone()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{t!(confirmation.domain)}</dt>
                    <dd>{customer.domain.clone()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{t!(confirmation.admin_user_name)}</dt>
                    <dd id="admin-user-name">{customer.admin_user_name.clone()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{t!(confirmation.password)}</dt>
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
                                        {t!(confirmation.copy_password)}
                                    </button>
                                    <span aria-live="polite" class="hint">{copied_message(copied)}</span>
                                }
                                    .into_any()
                            }
                            None => view! {
                                <span id="password-gone">
                                    {t!(confirmation.password_gone)}
                                </span>
                            }
                                .into_any(),
                        }}
                    </dd>
                </div>
            </dl>
            <div class="warning-text" role="note">
                <strong>
                    {t!(confirmation.password_warning)}
                </strong>
            </div>
            <h2 class="section-heading">{t!(confirmation.orders)}</h2>
            {if orders.is_empty() {
                view! { <p id="no-orders">{t!(confirmation.no_orders)}</p> }.into_any()
            } else {
                view! {
                    <ul id="orders">
                        {orders.into_iter().map(|order| {
                            let order_id = order.id.clone().unwrap_or_default();
                            view! {
                            <li>
                                {move || (i18n::confirmation::texts().order)(&order_id)}
                                <ul>
                                    {order.line_items.into_iter().map(|line| {
                                        let name = line.friendly_name.clone().unwrap_or(line.offer_id.clone());
                                        let quantity = line.quantity as usize;
                                        view! {
                                            <li>
                                                {move || format!("{name}: {}", i18n::confirmation::texts().licenses.of(quantity))}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </li>
                        }}).collect_view()}
                    </ul>
                }.into_any()
            }}
            <button type="button" class="button" id="done" on:click=done>{t!(confirmation.done)}</button>
        </main>
    }
}
