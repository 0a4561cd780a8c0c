use customer_model::wire::{Collection, Customer, Me};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::{self, SearchField};
use crate::components::cannot_add::CannotAdd;
use crate::components::title::Title;
use crate::i18n::{self, api_error_message, page_title, t};
use crate::router;
use crate::staff::Staff;
use crate::wizard::Step;

/// The search in the address bar (`?q=…&by=domain`), so Back and reload keep it.
fn search_in_address() -> Search {
    let text = router::tracked_query("q")?.trim().to_owned();
    (!text.is_empty()).then(|| {
        let field = SearchField::parse(&router::tracked_query("by").unwrap_or_default());
        (field, text)
    })
}

type Search = Option<(SearchField, String)>;

/// The continuation tokens of the pages after the first, for the search they
/// belong to: a new search (typed, or reached by Back) starts at page 1.
#[derive(Debug, Clone, Default, PartialEq)]
struct PageTrail {
    search: Search,
    tokens: Vec<String>,
}

impl PageTrail {
    fn tokens(&self, search: &Search) -> &[String] {
        if &self.search == search {
            &self.tokens
        } else {
            &[]
        }
    }

    fn forward(&mut self, search: &Search, token: String) {
        if &self.search != search {
            *self = PageTrail {
                search: search.clone(),
                tokens: Vec::new(),
            };
        }
        self.tokens.push(token);
    }

    fn back(&mut self) {
        self.tokens.pop();
    }
}

/// The partner's customers: search by company name or domain, page through,
/// and the way into the wizard for the roles that may add customers.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let search = Memo::new(|_| search_in_address());
    let text = RwSignal::new(
        search
            .get_untracked()
            .map(|(_, text)| text)
            .unwrap_or_default(),
    );
    let field = RwSignal::new(
        search
            .get_untracked()
            .map_or(SearchField::CompanyName, |(field, _)| field),
    );
    let trail = RwSignal::new(PageTrail::default());
    // Set by the wizard's Done: the customer just added.
    let added = Memo::new(|_| router::tracked_query("added"));
    let customers = LocalResource::new(move || {
        let search = search.get();
        let continuation = trail.with(|trail| trail.tokens(&search).last().cloned());
        api::list_customers::<Customer>(search, continuation)
    });
    // An empty first page: no customers (or none that match), not a table.
    let nothing_found = move |list: &Collection<Customer>| {
        list.items.is_empty()
            && search.with(|search| trail.with(|trail| trail.tokens(search).is_empty()))
    };
    let staff = Staff::get();
    staff.retry_failures();
    let on_search = move |ev: SubmitEvent| {
        ev.prevent_default();
        let value = text.get_untracked();
        let by = match field.get_untracked() {
            SearchField::CompanyName => "name",
            SearchField::Domain => "domain",
        };
        let target = if value.trim().is_empty() {
            "/customers".to_owned()
        } else {
            format!(
                "/customers?q={}&by={by}",
                js_sys::encode_uri_component(value.trim())
            )
        };
        router::navigate(&target);
    };
    view! {
        <Title text=move || page_title(&[i18n::customers::texts().title], false) />
        <main>
            <h1 tabindex="-1">{t!(customers.title)}</h1>
            {move || added.get().map(|_| view! {
                <p class="success" role="status" id="customer-added">
                    {t!(customers.added)}
                </p>
            })}
            {move || staff.me().map(|me| view! { <AddCustomer me /> })}
            <form class="search" role="search" on:submit=on_search>
                <div class="field">
                    <label for="customer-search">{t!(customers.search_label)}</label>
                    <span class="hint" id="customer-search-hint">
                        {t!(customers.search_hint)}
                    </span>
                    <div class="search__row">
                        <select
                            id="customer-search-by"
                            aria-label=t!(customers.search_in)
                            on:change=move |ev| field.set(SearchField::parse(&event_target_value(&ev)))
                            prop:value=move || field.get().as_str()
                        >
                            <option value="CompanyName">{t!(customers.by_company_name)}</option>
                            <option value="Domain">{t!(customers.by_domain)}</option>
                        </select>
                        <input
                            type="search"
                            id="customer-search"
                            aria-describedby="customer-search-hint"
                            prop:value=move || text.get()
                            on:input=move |ev| text.set(event_target_value(&ev))
                        />
                        <button type="submit" class="button button--secondary">
                            {t!(customers.search_button)}
                        </button>
                    </div>
                </div>
            </form>
            <div aria-live="polite">
                {move || match customers.get() {
                    None => view! { <p class="notice">{t!(customers.loading)}</p> }.into_any(),
                    Some(Err(error)) => {
                        view! {
                            <p class="alert" role="alert">
                                {api_error_message(&error)}
                            </p>
                        }
                            .into_any()
                    }
                    Some(Ok(list)) if nothing_found(&list) => {
                        let searched = search.with(Option::is_some);
                        let message = move || {
                            let texts = i18n::customers::texts();
                            if searched { texts.no_match } else { texts.none_yet }
                        };
                        view! {
                            <p class="notice" id="no-customers">
                                {message}
                            </p>
                        }
                            .into_any()
                    }
                    Some(Ok(list)) => {
                        let count = list.items.len();
                        view! {
                            <p class="list-count" id="customers-shown">
                                {move || i18n::customers::texts().shown.of(count)}
                            </p>
                        }
                            .into_any()
                    }
                }}
            </div>
            // Outside the live region: a search announces how many customers
            // it found, not every row of the table.
            {move || {
                customers.get().and_then(Result::ok).filter(|list| !nothing_found(list)).map(|list| {
                    let next = list.continuation_token().map(str::to_owned);
                    view! {
                        <CustomerTable customers=list.items highlight=added.get() />
                        <Pager trail search next />
                    }
                })
            }}
        </main>
    }
}

/// Add customer for the roles that may; the reason for everyone else.
#[component]
fn AddCustomer(me: Result<Me, api::ApiError>) -> impl IntoView {
    match me {
        Ok(me) if !me.can_add_customers() => view! { <CannotAdd me /> }.into_any(),
        // When who we are is unknown, the API decides when it is asked.
        _ => view! {
            <p class="button-group">
                <a class="button" id="add-customer" href=crate::config::href(Step::Account.path())>
                    {t!(common.add_customer)}
                </a>
                <a
                    class="button button--secondary"
                    id="add-from-file"
                    href=crate::config::href("/customers/new/from-file")
                >
                    {t!(batch.link)}
                </a>
            </p>
        }
        .into_any(),
    }
}

#[component]
fn Pager(trail: RwSignal<PageTrail>, search: Memo<Search>, next: Option<String>) -> impl IntoView {
    let page_number = search
        .with_untracked(|search| trail.with_untracked(|trail| trail.tokens(search).len()))
        + 1;
    let previous = (page_number > 1).then(|| {
        view! {
            <button
                type="button"
                class="button button--secondary"
                on:click=move |_| trail.update(PageTrail::back)
            >
                {t!(customers.previous_page)}
            </button>
        }
    });
    let next = next.map(|token| {
        view! {
            <button
                type="button"
                class="button button--secondary"
                on:click=move |_| {
                    let search = search.get_untracked();
                    trail.update(|trail| trail.forward(&search, token.clone()))
                }
            >
                {t!(customers.next_page)}
            </button>
        }
    });
    let alone = previous.is_none() && next.is_none();
    (!alone).then(|| {
        view! {
            <nav class="pager" aria-label=t!(customers.pages_label)>
                {previous}
                <span class="pager__page">{move || (i18n::customers::texts().page_number)(page_number)}</span>
                {next}
            </nav>
        }
    })
}

#[component]
fn CustomerTable(customers: Vec<Customer>, highlight: Option<String>) -> impl IntoView {
    view! {
        <table class="customer-table">
            <caption class="visually-hidden">{t!(customers.table_caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!(customers.company_name)}</th>
                    <th scope="col">{t!(customers.domain)}</th>
                </tr>
            </thead>
            <tbody>
                {customers
                    .into_iter()
                    .map(|customer| {
                        let added = customer.id.is_some() && customer.id == highlight;
                        view! {
                            <tr class:highlight=added aria-current=added.then_some("true")>
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
