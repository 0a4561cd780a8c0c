//! Step 2: the offers the customer wants, with licenses within each offer's
//! bounds and a running total per billing cycle.

use customer_model::draft::ChosenOffer;
use customer_model::text::fold;
use customer_model::validation::Issue;
use customer_model::wire::{BillingCycle, Offer};
use leptos::ev::SubmitEvent;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::ApiError;
use crate::catalogue::{catalogue_of, per_license, total_label, totals};
use crate::components::error_summary::{ErrorSummary, focus_when_shown};
use crate::components::field_error::FieldError;
use crate::components::step_guard::StepGuard;
use crate::format;
use crate::i18n::{api_error_message, issue_message, page_title, t, texts};
use crate::wizard::{Step, Wizard};

#[component]
pub fn SubscriptionsPage() -> impl IntoView {
    view! {
        <StepGuard step=Step::Subscriptions>
            <SubscriptionsForm />
        </StepGuard>
    }
}

fn quantity_id(offer_id: &str) -> String {
    format!("quantity-{offer_id}")
}

/// The billing cycle an offer is bought with: its price's, else its first.
fn cycle_of(offer: &Offer) -> BillingCycle {
    offer
        .price
        .as_ref()
        .map(|price| price.billing_cycle)
        .or_else(|| offer.supported_billing_cycles.first().copied())
        .unwrap_or_default()
}

#[component]
fn SubscriptionsForm() -> impl IntoView {
    let wizard = Wizard::get();
    let navigate = use_navigate();
    let query = use_query_map();
    let to_review = query.with_untracked(|query| query.get("return").as_deref() == Some("review"));
    let locked = wizard.subscriptions_locked();
    let (catalogue, offers) = catalogue_of(wizard);
    let categories = Memo::new(move |_| {
        let mut categories: Vec<(i64, String, String)> = Vec::new();
        offers.with(|offers| {
            for offer in offers {
                if !categories.iter().any(|(_, id, _)| *id == offer.category.id) {
                    categories.push((
                        offer.category.rank,
                        offer.category.id.clone(),
                        offer.category.name.clone(),
                    ));
                }
            }
        });
        categories.sort();
        categories
    });
    let category = RwSignal::new(None::<String>);
    let search = RwSignal::new(String::new());
    let listed = RwSignal::new(LISTED_AT_ONCE);
    // Folded once per catalogue, not once per keystroke.
    let searchable = Memo::new(move |_| {
        offers.with(|offers| {
            offers
                .iter()
                .map(|offer| fold(&format!("{}\n{}", offer.name, offer.description)))
                .collect::<Vec<_>>()
        })
    });
    let matching = Memo::new(move |_| {
        let wanted = fold(search.get().trim());
        let category = category
            .get()
            .or_else(|| categories.with(|all| all.first().map(|(_, id, _)| id.clone())));
        offers.with(|offers| {
            searchable.with(|searchable| {
                offers
                    .iter()
                    .zip(searchable)
                    .enumerate()
                    .filter(|(_, (offer, text))| {
                        if wanted.is_empty() {
                            category
                                .as_deref()
                                .is_none_or(|category| offer.category.id == category)
                        } else {
                            text.contains(&wanted)
                        }
                    })
                    .map(|(index, _)| index)
                    .collect::<Vec<_>>()
            })
        })
    });
    let visible = Memo::new(move |_| {
        let listed = listed.get();
        offers.with(|offers| {
            matching.with(|matching| {
                matching
                    .iter()
                    .take(listed)
                    .filter_map(|index| offers.get(*index).cloned())
                    .collect::<Vec<_>>()
            })
        })
    });
    let unlisted = Memo::new(move |_| matching.with(Vec::len).saturating_sub(listed.get()));
    let chosen = Memo::new(move |_| wizard.draft(|draft| draft.offers.clone()));
    let issues = Memo::new(move |_| {
        if catalogue.with(|loaded| !matches!(loaded, Some(Ok(_)))) {
            return Vec::new();
        }
        offers.with(|offers| wizard.draft(|draft| draft.subscription_issues(offers)))
    });
    let attempted = RwSignal::new(false);
    let summary = NodeRef::<Div>::new();
    let errors = Signal::derive(move || {
        if !attempted.get() {
            return Vec::new();
        }
        issues.with(|issues| {
            issues
                .iter()
                .map(|issue| {
                    let offer_id = issue.params.get("offerId").cloned().unwrap_or_default();
                    (quantity_id(&offer_id), issue_message(issue))
                })
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
        navigate(Step::Review.path(), Default::default());
    };
    // What the offers area shows; the list itself stays mounted while the
    // offers reload (in a new language), so the rows keep their input.
    let shown = Memo::new(move |_| match catalogue.get() {
        None => Shown::Loading,
        Some(Err(error)) => Shown::Failed(error),
        Some(Ok(_)) if visible.with(Vec::is_empty) => Shown::NoMatch,
        Some(Ok(_)) => Shown::Offers,
    });
    let title = move || {
        let common = &texts().common;
        page_title(
            &[common.step_subscriptions, common.add_customer],
            !errors.with(Vec::is_empty),
        )
    };
    view! {
        <Title text=title />
        <main>
            <a class="back-link" href=crate::config::href(if to_review { Step::Review.path() } else { Step::Account.path() })>
                {move || {
                    let texts = texts();
                    if to_review { texts.common.back_to_review } else { texts.subscriptions.back_to_account }
                }}
            </a>
            <ErrorSummary errors=errors node_ref=summary />
            <span class="caption">{move || (texts().common.step_caption)(2)}</span>
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
                        prop:value=move || search.get()
                        on:input=move |ev| {
                            listed.set(LISTED_AT_ONCE);
                            search.set(event_target_value(&ev));
                        }
                    />
                </div>
                <nav class="tabs" aria-label=t!(subscriptions.categories_label)>
                    {move || {
                        let current = category.get().or_else(|| categories.with(|all| all.first().map(|(_, id, _)| id.clone())));
                        categories
                            .get()
                            .into_iter()
                            .map(|(_, id, name)| {
                                let selected = current.as_deref() == Some(id.as_str()) && search.with(|text| text.trim().is_empty());
                                view! {
                                    <button
                                        type="button"
                                        class="tab"
                                        aria-pressed=if selected { "true" } else { "false" }
                                        on:click=move |_| {
                                            listed.set(LISTED_AT_ONCE);
                                            search.set(String::new());
                                            category.set(Some(id.clone()));
                                        }
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
                        Shown::Offers => view! {
                            <ul class="offers">
                                <For each=move || visible.get() key=|offer| offer.id.clone() let(offer)>
                                    <OfferRow offer offers issues reveal=attempted locked />
                                </For>
                            </ul>
                            <ShowMore listed unlisted />
                        }.into_any(),
                    }}
                </div>
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
                                    {move || texts().subscriptions.chosen.of(count)}
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
                        let common = &texts().common;
                        if to_review { common.save_and_return } else { common.next_review }
                    }}
                </button>
            </form>
        </main>
    }
}

/// Rows rendered at once: enough to scan, few enough that a keystroke in the
/// search redraws within a frame however large the catalogue.
const LISTED_AT_ONCE: usize = 50;

/// "Showing 50 of 250 offers", and a button that lists the next ones.
#[component]
fn ShowMore(listed: RwSignal<usize>, unlisted: Memo<usize>) -> impl IntoView {
    move || {
        let unlisted = unlisted.get();
        (unlisted > 0).then(|| {
            let shown = listed.get_untracked();
            let next = unlisted.min(LISTED_AT_ONCE);
            view! {
                <p class="offers__more" id="offers-listed" data-matching=shown + unlisted>
                    {move || {
                        (texts().subscriptions.listed_of)(
                            &format::number(shown as f64),
                            &format::number((shown + unlisted) as f64),
                        )
                    }}
                    " "
                    <button
                        type="button"
                        class="button button--secondary"
                        id="show-more-offers"
                        on:click=move |_| listed.update(|listed| *listed += LISTED_AT_ONCE)
                    >
                        {move || texts().subscriptions.show_more.of(next)}
                    </button>
                </p>
            }
        })
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

#[component]
fn OfferRow(
    offer: Offer,
    /// The offers as loaded now: a row keeps its input when they reload in
    /// another language, and shows their new names.
    offers: Memo<Vec<Offer>>,
    issues: Memo<Vec<Issue>>,
    #[prop(into)] reveal: Signal<bool>,
    locked: bool,
) -> impl IntoView {
    let wizard = Wizard::get();
    let offer_id = offer.id.clone();
    let checkbox_id = format!("offer-{}", offer.id);
    let quantity_input = quantity_id(&offer.id);
    let (min, max) = (offer.minimum_quantity.max(1), offer.maximum_quantity.max(1));
    let cycle = cycle_of(&offer);
    let chosen = {
        let offer_id = offer_id.clone();
        Memo::new(move |_| {
            wizard.draft(|draft| {
                draft
                    .offers
                    .iter()
                    .find(|choice| choice.offer_id == offer_id)
                    .map(|choice| choice.quantity)
            })
        })
    };
    let typed = RwSignal::new(chosen.get_untracked().unwrap_or(min).to_string());
    let toggle = {
        let offer_id = offer_id.clone();
        move |ev| {
            let checked = event_target_checked(&ev);
            let quantity = typed.get_untracked().trim().parse().unwrap_or(min);
            wizard.edit(|draft| {
                draft.offers.retain(|choice| choice.offer_id != offer_id);
                if checked {
                    draft.offers.push(ChosenOffer {
                        offer_id: offer_id.clone(),
                        quantity,
                        billing_cycle: cycle,
                    });
                }
            });
        }
    };
    let set_quantity = {
        let offer_id = offer_id.clone();
        move |ev| {
            let text = event_target_value(&ev);
            typed.set(text.clone());
            let quantity = text.trim().parse().unwrap_or(0);
            wizard.edit(|draft| {
                if let Some(choice) = draft
                    .offers
                    .iter_mut()
                    .find(|choice| choice.offer_id == offer_id)
                {
                    choice.quantity = quantity;
                }
            });
        }
    };
    let error = {
        let offer_id = offer_id.clone();
        Signal::derive(move || {
            if !reveal.get() {
                let out_of_range = chosen
                    .get()
                    .is_some_and(|quantity| !(min..=max).contains(&quantity));
                if !out_of_range {
                    return None;
                }
            }
            issues.with(|issues| {
                issues
                    .iter()
                    .find(|issue| issue.params.get("offerId") == Some(&offer_id))
                    .map(issue_message)
            })
        })
    };
    let live = {
        let offer_id = offer_id.clone();
        Memo::new(move |_| {
            offers.with(|offers| {
                offers
                    .iter()
                    .find(|current| current.id == offer_id)
                    .map(|current| {
                        (
                            current.name.clone(),
                            current.description.clone(),
                            current.price.clone(),
                        )
                    })
                    .unwrap_or_else(|| {
                        (
                            offer.name.clone(),
                            offer.description.clone(),
                            offer.price.clone(),
                        )
                    })
            })
        })
    };
    let price = move || {
        live.with(|(_, _, price)| price.as_ref().map(per_license))
            .map(|price| view! { <span class="offer__price">{price}</span> })
    };
    let error_id = format!("{quantity_input}-error");
    let hint_id = format!("{quantity_input}-hint");
    view! {
        <li class="offer" class=("offer--chosen", move || chosen.with(Option::is_some))>
            <div class="checkbox">
                <input
                    type="checkbox"
                    id=checkbox_id.clone()
                    prop:checked=move || chosen.with(Option::is_some)
                    prop:disabled=locked
                    on:change=toggle
                    aria-describedby=format!("{checkbox_id}-description")
                />
                <label for=checkbox_id.clone()>{move || live.with(|(name, _, _)| name.clone())}</label>
                <p class="hint" id=format!("{checkbox_id}-description")>
                    {move || live.with(|(_, description, _)| description.clone())}
                    {price}
                </p>
            </div>
            <Show when=move || chosen.with(Option::is_some)>
                <div class="field field--inline" class=("field--error", move || error.with(Option::is_some))>
                    <label for=quantity_input.clone()>{t!(subscriptions.licenses_label)}</label>
                    <span class="hint" id=hint_id.clone()>
                        {move || {
                            (texts().subscriptions.licenses_hint)(
                                &format::number(f64::from(min)),
                                &format::number(f64::from(max)),
                            )
                        }}
                    </span>
                    <FieldError id=error_id.clone() message=error />
                    <input
                        type="number"
                        inputmode="numeric"
                        id=quantity_input.clone()
                        class="input--4"
                        min=min
                        max=max
                        prop:disabled=locked
                        prop:value=move || typed.get()
                        on:input=set_quantity.clone()
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=format!("{hint_id} {error_id}")
                    />
                </div>
            </Show>
        </li>
    }
}
