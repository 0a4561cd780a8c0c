//! Which offers Subscriptions lists: one category (tabs) or what a search
//! finds across them all, a few at a time.

use customer_model::text::fold;
use customer_model::wire::Offer;
use leptos::prelude::*;

use crate::format;
use crate::i18n;

/// Rows rendered at once: more than a screenful to scan, and few enough that
/// a keystroke in the search, which may replace every listed row (each one
/// built, styled and laid out anew), redraws in about a frame however large
/// the catalogue.
const LISTED_AT_ONCE: usize = 25;

#[derive(Clone, Copy)]
pub struct Listing {
    /// (rank, id, name) of each category, in rank order.
    pub categories: Memo<Vec<(i64, String, String)>>,
    /// The chosen tab; the first category until one is chosen.
    pub category: RwSignal<Option<String>>,
    pub search: RwSignal<String>,
    /// How many of the matching offers are listed.
    pub listed: RwSignal<usize>,
    pub visible: Memo<Vec<Offer>>,
    /// Matching offers not listed yet.
    pub unlisted: Memo<usize>,
}

/// The category whose tab is selected: the chosen one, else the first.
fn shown_category(
    category: RwSignal<Option<String>>,
    categories: Memo<Vec<(i64, String, String)>>,
) -> Option<String> {
    category
        .get()
        .or_else(|| categories.with(|all| all.first().map(|(_, id, _)| id.clone())))
}

impl Listing {
    pub fn shown_category(self) -> Option<String> {
        shown_category(self.category, self.categories)
    }

    /// Offers of every category that match `text`, the first ones listed.
    pub fn search_for(self, text: String) {
        self.listed.set(LISTED_AT_ONCE);
        self.search.set(text);
    }

    /// One category's offers, the first ones listed.
    pub fn choose_category(self, id: String) {
        self.listed.set(LISTED_AT_ONCE);
        self.search.set(String::new());
        self.category.set(Some(id));
    }

    pub fn new(offers: Memo<Vec<Offer>>) -> Listing {
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
            let category = shown_category(category, categories);
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
        Listing {
            categories,
            category,
            search,
            listed,
            visible,
            unlisted,
        }
    }
}

/// "Showing 25 of 250 offers.", above the list, in the offers' live region:
/// a search or a tab announces how many offers match, not every listed one.
#[component]
pub fn ListedCount(listing: Listing) -> impl IntoView {
    let Listing {
        visible, unlisted, ..
    } = listing;
    move || {
        let shown = visible.with(Vec::len);
        let matching = shown + unlisted.get();
        view! {
            <p class="list-count" id="offers-listed" data-matching=matching>
                {(i18n::subscriptions::texts().listed_of)(
                    &format::number(shown as f64),
                    &format::number(matching as f64),
                )}
            </p>
        }
    }
}

/// Under the list, while some matching offers are not listed: a button that
/// lists the next ones.
#[component]
pub fn ShowMore(listing: Listing) -> impl IntoView {
    let Listing {
        listed, unlisted, ..
    } = listing;
    move || {
        let next = unlisted.get().min(LISTED_AT_ONCE);
        (next > 0).then(|| {
            view! {
                <p class="offers__more">
                    <button
                        type="button"
                        class="button button--secondary"
                        id="show-more-offers"
                        on:click=move |_| listed.update(|listed| *listed += LISTED_AT_ONCE)
                    >
                        {move || i18n::subscriptions::texts().show_more.of(next)}
                    </button>
                </p>
            }
        })
    }
}
