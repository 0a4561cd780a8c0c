use customer_model::wire::Customer;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api;
use crate::messages::api_error_message;
use crate::session::Session;

/// The partner's customers, with the way into the wizard.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let session = Session::get();
    let customers = LocalResource::new(api::list_customers);
    // An expired sign-in ends the session; the page then asks to sign in again.
    Effect::new(move || {
        if let Some(Err(error)) = customers.get()
            && error.is_unauthorized()
        {
            session.end();
        }
    });
    view! {
        <Title text="Customers – Partner Center" />
        <main>
            <h1>"Customers"</h1>
            <a class="button" href="/customers/new/account">
                "Add customer"
            </a>
            <div aria-live="polite">
                {move || match customers.get() {
                    None => view! { <p class="notice">"Loading customers…"</p> }.into_any(),
                    Some(Err(error)) => {
                        view! {
                            <p class="alert" role="alert">
                                {api_error_message(&error)}
                            </p>
                        }
                            .into_any()
                    }
                    Some(Ok(list)) if list.items.is_empty() => {
                        view! {
                            <p class="notice" id="no-customers">
                                "You have no customers yet. Add your first customer to get started."
                            </p>
                        }
                            .into_any()
                    }
                    Some(Ok(list)) => view! { <CustomerTable customers=list.items /> }.into_any(),
                }}
            </div>
        </main>
    }
}

#[component]
fn CustomerTable(customers: Vec<Customer>) -> impl IntoView {
    view! {
        <table class="customer-table">
            <caption class="visually-hidden">"Your customers"</caption>
            <thead>
                <tr>
                    <th scope="col">"Company name"</th>
                    <th scope="col">"Primary domain name"</th>
                </tr>
            </thead>
            <tbody>
                {customers
                    .into_iter()
                    .map(|customer| {
                        view! {
                            <tr>
                                <td>{customer.company_profile.company_name}</td>
                                <td>{customer.company_profile.domain}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
