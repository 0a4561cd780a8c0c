//! Step 2: the offers the customer wants, with licenses within each offer's
//! bounds and a running total per billing cycle.

mod listing;
mod offer_row;

use leptos::ev::SubmitEvent;
use leptos::html::Div;
use leptos::prelude::*;

use listing::{ListedCount, Listing, ShowMore};
use offer_row::OfferRow;

use crate::api::ApiError;
use crate::catalogue::{catalogue_of, total_label, totals};
use crate::components::error_summary::{ErrorSummary, focus_when_shown};
use crate::components::form::issue_target;
use crate::components::step_guard::StepGuard;
use crate::components::title::Title;
use crate::i18n::{self, api_error_message, issue_message, page_title, t};
use crate::router;
use crate::wizard::{Step, Wizard};

#[component]
pub fn SubscriptionsPage() -> impl IntoView {
    view! {
        <StepGuard step=Step::Subscriptions>
            <SubscriptionsForm />
        </StepGuard>
    }
}

#[component]
fn SubscriptionsForm() -> impl IntoView {
    let wizard = Wizard::get();
    let to_review = router::query("return").as_deref() == Some("review");
    let locked = wizard.subscriptions_locked();
    let (catalogue, offers) = catalogue_of(wizard);
    // Review, the next step, opens without waiting for its code: fetched
    // once this step's offers are in, so that it never holds them up.
    Effect::new(move |fetched: Option<bool>| {
        fetched == Some(true) || {
            let loaded = catalogue.with(Option::is_some);
            if loaded {
                super::preload::<super::ReviewRoute>();
            }
            loaded
        }
    });
    let listing = Listing::new(offers);
    let chosen = Memo::new(move |_| wizard.draft(|draft| draft.offers.clone()));
    // The shared rules' issues, and the counts the server refused at Submit.
    let issues = Memo::new(move |_| {
        if catalogue.with(|loaded| !matches!(loaded, Some(Ok(_)))) {
            return Vec::new();
        }
        let mut issues =
            offers.with(|offers| wizard.draft(|draft| draft.subscription_issues(offers)));
        wizard.server_issues.with(|refused| {
            for issue in refused {
                if Step::of_field(issue.field) == Step::Subscriptions && !issues.contains(issue) {
                    issues.push(issue.clone());
                }
            }
        });
        issues
    });
    // Back from a Submit the server refused: its issues show at once.
    let attempted = RwSignal::new(wizard.server_issues.with_untracked(|issues| {
        issues
            .iter()
            .any(|issue| Step::of_field(issue.field) == Step::Subscriptions)
    }));
    let summary = NodeRef::<Div>::new();
    let errors = Signal::derive(move || {
        if !attempted.get() {
            return Vec::new();
        }
        issues.with(|issues| {
            issues
                .iter()
                .map(|issue| (issue_target(issue), issue_message(issue)))
                .collect::<Vec<_>>()
        })
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        if !locked && !issues.get_untracked().is_empty() {
            focus_when_shown(summary);
            return;
        }
        wizard.complete_subscriptions();
        router::navigate(Step::Review.path());
    };
    // What the offers area shows; the list itself stays mounted while the
    // offers reload (in a new language), so the rows keep their input.
    // Read in place: it runs on every keystroke of a search, and a copy of
    // the catalogue would cost more than the list itself.
    let shown = Memo::new(move |_| {
        catalogue.with(|loaded| match loaded {
            None => Shown::Loading,
            Some(Err(error)) => Shown::Failed(error.clone()),
            Some(Ok(_)) if listing.visible.with(Vec::is_empty) => Shown::NoMatch,
            Some(Ok(_)) => Shown::Offers,
        })
    });
    // A search lists every category's offers: no tab is pressed.
    let searching = Memo::new(move |_| listing.search.with(|text| !text.trim().is_empty()));
    let title = move || {
        let common = i18n::common::texts();
        // The title is read once more while a page whose sign-in ended is
        // being replaced, after its signals are gone: then it has no errors.
        page_title(
            &[common.step_subscriptions, common.add_customer],
            errors
                .try_with(|errors| !errors.is_empty())
                .unwrap_or(false),
        )
    };
    view! {
        <Title text=title />
        <main>
            <a class="back-link" href=crate::config::href(if to_review { Step::Review.path() } else { Step::Account.path() })>
                {move || {
                    if to_review { i18n::common::texts().back_to_review } else { i18n::subscriptions::texts().back_to_account }
                }}
            </a>
            <ErrorSummary errors=errors node_ref=summary />
            <span class="caption">{move || (i18n::common::texts().step_caption)(2)}</span>
            <h1 tabindex="-1">{t!(common.step_subscriptions)}</h1>
            <p>{t!(subscriptions.intro)}</p>
            {locked.then(|| view! {
                <p class="inset">{t!(subscriptions.locked)}</p>
            })}
            <form novalidate on:submit=on_submit>
                <div class="field">
                    <label for="offer-search">{t!(subscriptions.search_label)}</label>
                    <input
                        type="search"
                        id="offer-search"
                        prop:value=move || listing.search.get()
                        on:input=move |ev| listing.search_for(event_target_value(&ev))
                    />
                </div>
                <nav class="tabs" aria-label=t!(subscriptions.categories_label)>
                    // Built once per catalogue: a keystroke in the search
                    // changes only which tab is pressed.
                    {move || {
                        listing
                            .categories
                            .get()
                            .into_iter()
                            .map(|(_, id, name)| {
                                let pressed = {
                                    let id = id.clone();
                                    move || {
                                        let selected = !searching.get()
                                            && listing.shown_category().as_deref() == Some(id.as_str());
                                        if selected { "true" } else { "false" }
                                    }
                                };
                                view! {
                                    <button
                                        type="button"
                                        class="tab"
                                        aria-pressed=pressed
                                        on:click=move |_| listing.choose_category(id.clone())
                                    >
                                        {name}
                                    </button>
                                }
                            })
                            .collect_view()
                    }}
                </nav>
                <div aria-live="polite">
                    {move || match shown.get() {
                        Shown::Loading => view! { <p class="notice">{t!(subscriptions.loading)}</p> }.into_any(),
                        Shown::Failed(error) => view! {
                            <p class="alert" role="alert">{move || api_error_message(&error)}</p>
                            <button type="button" class="button button--secondary" on:click=move |_| catalogue.refetch()>{t!(common.try_again)}</button>
                        }.into_any(),
                        Shown::NoMatch => {
                            view! { <p class="notice">{t!(subscriptions.no_match)}</p> }.into_any()
                        }
                        Shown::Offers => view! { <ListedCount listing /> }.into_any(),
                    }}
                </div>
                // Outside the live region: a search announces how many offers
                // match, not every offer it lists.
                {move || {
                    shown.with(|shown| *shown == Shown::Offers).then(|| view! {
                        <ul class="offers">
                            <For each=move || listing.visible.get() key=|offer| offer.id.clone() let(offer)>
                                <OfferRow offer offers issues reveal=attempted locked />
                            </For>
                        </ul>
                        <ShowMore listing />
                    })
                }}
                <div class="totals" aria-live="polite" id="totals">
                    {move || {
                        let chosen = chosen.get();
                        if chosen.is_empty() {
                            view! { <p class="inset" id="no-subscriptions">{t!(subscriptions.none_chosen)}</p> }.into_any()
                        } else {
                            let count = chosen.len();
                            let lines = offers.with(|offers| totals(offers, &chosen));
                            view! {
                                <h2 class="section-heading">
                                    {move || i18n::subscriptions::texts().chosen.of(count)}
                                </h2>
                                <dl class="summary-list">
                                    {lines.into_iter().map(|(cycle, amount)| view! {
                                        <div class="summary-list__row">
                                            <dt>{move || total_label(cycle)}</dt>
                                            <dd>{amount}</dd>
                                        </div>
                                    }).collect_view()}
                                </dl>
                            }.into_any()
                        }
                    }}
                </div>
                <button type="submit" class="button">
                    {move || {
                        let common = i18n::common::texts();
                        if to_review { common.save_and_return } else { common.next_review }
                    }}
                </button>
            </form>
        </main>
    }
}

/// What the offers area shows.
#[derive(Debug, Clone, PartialEq)]
enum Shown {
    Loading,
    Failed(ApiError),
    NoMatch,
    Offers,
}
