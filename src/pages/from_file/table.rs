//! The file's rows, one table row each: what it holds, what the rules found
//! at the fields concerned (each with an input to fix it in place), whether
//! it is left out or added despite its warnings, and how far sending got.

use std::collections::HashSet;

use customer_model::batch::RowProblem;
use customer_model::validation::{Field, Issue, Severity};
use leptos::html::Table;
use leptos::prelude::*;

use super::state::{Batch, BatchRow, Check, FileRow, Outcome, Status};
use crate::components::form::field_id;
use crate::i18n::{self, api_error_message, field_label, issue_message, t};

/// Rows listed at once: a long file is shown a page at a time, so that its
/// page is drawn, and drawn again after a cell is fixed, within a frame.
const PAGE_ROWS: usize = 100;

#[component]
pub fn RowsTable(batch: Batch) -> impl IntoView {
    let page = RwSignal::new(0_usize);
    // The rows that needed attention when that was chosen: a row fixed
    // stays in view, where its fix was typed.
    let only = RwSignal::new(None::<HashSet<usize>>);
    let table = NodeRef::<Table>::new();
    Effect::new(move || {
        batch.file.with(|file| file.id);
        page.set(0);
        only.set(None);
    });
    let long = move || batch.file.with(|file| file.rows.len() > PAGE_ROWS);
    let listed = move || {
        batch.file.with(|file| {
            only.with(|only| {
                file.rows
                    .iter()
                    .filter(|row| only.as_ref().is_none_or(|only| only.contains(&row.number)))
                    .map(|row| (file.id, row.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let total = Memo::new(move |_| listed().len());
    let rows = move || {
        let start = page.get() * PAGE_ROWS;
        listed()
            .into_iter()
            .skip(start)
            .take(PAGE_ROWS)
            .collect::<Vec<_>>()
    };
    let range = move || {
        let first = (page.get() * PAGE_ROWS).min(total.get());
        (first + 1, (first + PAGE_ROWS).min(total.get()), total.get())
    };
    let turn = move |by: isize| {
        page.update(|page| *page = page.saturating_add_signed(by));
        // The new page's rows are above the buttons: their table is where
        // reading goes on.
        if let Some(table) = table.get_untracked() {
            let _ = table.focus();
        }
    };
    let attention_only = move |ev: leptos::ev::Event| {
        let chosen = event_target_checked(&ev).then(|| {
            let outcomes = batch.outcomes.get_untracked();
            batch.file.with_untracked(|file| {
                file.rows
                    .iter()
                    .filter(|row| {
                        matches!(row.status.get_untracked(), Status::ToFix | Status::Warned)
                            || matches!(outcomes.get(&row.number), Some(Outcome::Failed(_)))
                    })
                    .map(|row| row.number)
                    .collect()
            })
        });
        only.set(chosen);
        page.set(0);
    };
    view! {
        <Show when=long>
            <div class="checkbox">
                <input
                    type="checkbox"
                    id="batch-attention-only"
                    // Unticked again when another file is chosen.
                    prop:checked=move || only.with(Option::is_some)
                    on:change=attention_only
                />
                <label for="batch-attention-only">{t!(batch.attention_only)}</label>
            </div>
        </Show>
        <table class="customer-table batch-table" id="batch-rows" tabindex="-1" node_ref=table>
            <caption class="visually-hidden">
                {t!(batch.caption)}
                <Show when=long>
                    ", "{move || {
                        let (first, last, total) = range();
                        (i18n::batch::texts().listed)(first, last, total)
                    }}
                </Show>
            </caption>
            <thead>
                <tr>
                    <th scope="col">{t!(batch.row)}</th>
                    <th scope="col">{t!(batch.company)}</th>
                    <th scope="col">{t!(batch.domain)}</th>
                    <th scope="col">{t!(batch.country)}</th>
                    <th scope="col">{t!(batch.status)}</th>
                </tr>
            </thead>
            <tbody>
                <For
                    each=rows
                    key=|(id, row)| (*id, row.number)
                    children=move |(_, row)| view! { <RowLine batch row /> }
                />
            </tbody>
        </table>
        <Show when=long>
            <nav class="pagination" aria-label=move || i18n::batch::texts().pages>
                <button
                    type="button"
                    class="button button--secondary"
                    id="batch-previous-page"
                    disabled=move || page.get() == 0
                    on:click=move |_| turn(-1)
                >
                    {t!(batch.previous_page)}
                </button>
                <p id="batch-listed">
                    {move || {
                        let (first, last, total) = range();
                        (i18n::batch::texts().listed)(first, last, total)
                    }}
                </p>
                <button
                    type="button"
                    class="button button--secondary"
                    id="batch-next-page"
                    disabled=move || { (page.get() + 1) * PAGE_ROWS >= total.get() }
                    on:click=move |_| turn(1)
                >
                    {t!(batch.next_page)}
                </button>
            </nav>
        </Show>
    }
}

/// A problem shown at the row's domain, where it is fixed.
fn about_domain(problem: &RowProblem) -> bool {
    matches!(
        problem,
        RowProblem::RepeatedDomain(_) | RowProblem::DomainTaken
    )
}

/// The fields a row's messages are shown at, in the wizard's order.
fn fields_concerned(check: &Check) -> Vec<Field> {
    let domain_problem = check.problems.iter().any(about_domain);
    Field::ALL
        .into_iter()
        .filter(|field| {
            check.issues.iter().any(|issue| issue.field == *field)
                || (*field == Field::DomainPrefix && domain_problem)
        })
        .collect()
}

/// A row's cells: its company name, domain and country, and its choices.
#[derive(Debug, Clone, PartialEq, Default)]
struct Shown {
    texts: [String; 3],
    left_out: bool,
    warnings_accepted: bool,
}

#[component]
fn RowLine(batch: Batch, row: FileRow) -> impl IntoView {
    let number = row.number;
    // Handles that live as long as this line does.
    let data = RwSignal::from(row.data);
    let check = Memo::from(row.check);
    let status = Memo::from(row.status);
    // What the row shows of itself: not a copy of its whole draft on each
    // edit of the row.
    let shown = Memo::new(move |_| {
        data.with(|batch_row| {
            let draft = &batch_row.row.draft;
            Shown {
                texts: [Field::CompanyName, Field::DomainPrefix, Field::Country]
                    .map(|field| draft.text(field)),
                left_out: batch_row.left_out,
                warnings_accepted: batch_row.warnings_accepted,
            }
        })
    });
    let outcome = Memo::new(move |_| {
        batch
            .outcomes
            .with(|outcomes| outcomes.get(&number).cloned())
    });
    let editable = Memo::new(move |_| batch.editable(number));
    let fields = Memo::new(move |_| {
        check.with(|check| check.as_ref().map(fields_concerned).unwrap_or_default())
    });
    let text = move |cell: usize| shown.with(|shown| shown.texts[cell].clone());
    let leave_out_id = format!("row-{number}-leave-out");
    let accept_id = format!("row-{number}-accept-warnings");
    view! {
        <tr id=format!("row-{number}")>
            <th scope="row">{number}</th>
            <td>{move || text(0)}</td>
            <td>{move || text(1)}</td>
            <td>{move || text(2)}</td>
            <td>
                <RowStatus batch number status outcome />
                <For
                    each=move || fields.get()
                    key=|field| *field
                    children=move |field| view! { <CellFix data number field check editable /> }
                />
                {move || {
                    check
                        .get()
                        .map(|check| {
                            check
                                .problems
                                .into_iter()
                                .filter(|problem| !about_domain(problem))
                                .map(|problem| view! {
                                    <p class="error-message">{move || (i18n::batch::texts().row_problem)(&problem)}</p>
                                })
                                .collect_view()
                        })
                }}
                {move || (editable.get() && outcome.with(|outcome| !matches!(outcome, Some(Outcome::Added(_))))).then(|| {
                    let (leave_out_id, accept_id) = (leave_out_id.clone(), accept_id.clone());
                    let warned = move || check.with(|check| check.as_ref().is_some_and(Check::has_warnings));
                    view! {
                        <RowChoice
                            data
                            id=leave_out_id
                            checked=Signal::derive(move || shown.with(|shown| shown.left_out))
                            label=|| i18n::batch::texts().leave_out
                            set=|batch_row, left_out| batch_row.left_out = left_out
                        />
                        <Show when=warned>
                            <RowChoice
                                data
                                id=accept_id.clone()
                                checked=Signal::derive(move || shown.with(|shown| shown.warnings_accepted))
                                label=|| i18n::batch::texts().accept_warnings
                                set=|batch_row, accepted| batch_row.warnings_accepted = accepted
                            />
                        </Show>
                    }
                })}
            </td>
        </tr>
    }
}

/// A checkbox of one row's choices: left out, or added despite its warnings.
#[component]
fn RowChoice(
    data: RwSignal<BatchRow>,
    id: String,
    checked: Signal<bool>,
    label: fn() -> &'static str,
    set: fn(&mut BatchRow, bool),
) -> impl IntoView {
    view! {
        <div class="checkbox">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=checked
                on:change=move |ev| {
                    let value = event_target_checked(&ev);
                    data.update(|batch_row| set(batch_row, value));
                }
            />
            <label for=id>{label}</label>
        </div>
    }
}

/// Where the row stands, and what it added.
#[component]
fn RowStatus(
    batch: Batch,
    number: usize,
    status: Memo<Status>,
    outcome: Memo<Option<Outcome>>,
) -> impl IntoView {
    move || {
        let texts = i18n::batch::texts();
        match outcome.get() {
            Some(Outcome::Sending) => {
                view! { <p class="batch-status">{texts.adding}</p> }.into_any()
            }
            Some(Outcome::Interrupted) => {
                view! { <p class="batch-status">{texts.interrupted}</p> }.into_any()
            }
            Some(Outcome::Added(customer)) => {
                let password = batch
                    .passwords
                    .with(|passwords| passwords.get(&number).cloned());
                view! {
                    <p class="batch-status batch-status--added">{texts.added}</p>
                    <dl class="batch-result">
                        <dt>{texts.customer_id}</dt>
                        <dd>{customer.id}</dd>
                        <dt>{texts.admin}</dt>
                        <dd>{customer.admin_user_name}</dd>
                        <dt>{texts.password}</dt>
                        <dd>
                            {match password {
                                Some(password) => view! { <code class="password">{password}</code> }.into_any(),
                                None => texts.password_shown_once.into_any(),
                            }}
                        </dd>
                    </dl>
                }
                .into_any()
            }
            Some(Outcome::Failed(failure)) => view! {
                <p class="batch-status batch-status--failed">{texts.not_added}</p>
                <p class="error-message">{api_error_message(&failure.error)}</p>
            }
            .into_any(),
            None => {
                let label = match status.get() {
                    Status::Checking => texts.checking,
                    Status::LeftOut => texts.leave_out,
                    Status::ToFix => texts.to_fix,
                    Status::Warned => texts.accept_warnings,
                    Status::Ready => texts.ready,
                };
                view! { <p class="batch-status">{label}</p> }.into_any()
            }
        }
    }
}

/// One field of a row that the rules have something to say about: its
/// messages, and its value to fix while the row may still change.
#[component]
fn CellFix(
    data: RwSignal<BatchRow>,
    number: usize,
    field: Field,
    check: Memo<Option<Check>>,
    editable: Memo<bool>,
) -> impl IntoView {
    let id = format!("row-{number}-{}", field_id(field));
    let message_id = format!("{id}-message");
    let messages = move || {
        check.with(|check| {
            let Some(check) = check else {
                return Vec::new();
            };
            let mut messages: Vec<(Severity, String)> = check
                .issues
                .iter()
                .filter(|issue| issue.field == field)
                .map(|issue: &Issue| (issue.severity, issue_message(issue)))
                .collect();
            if field == Field::DomainPrefix {
                messages.extend(
                    check
                        .problems
                        .iter()
                        .filter(|problem| about_domain(problem))
                        .map(|problem| {
                            (Severity::Error, (i18n::batch::texts().row_problem)(problem))
                        }),
                );
            }
            messages
        })
    };
    let has_error = move || {
        messages()
            .iter()
            .any(|(severity, _)| *severity == Severity::Error)
    };
    let value = move || data.with(|batch_row| batch_row.row.draft.text(field));
    view! {
        <div class="field batch-fix" class:field--error=has_error>
            <label for=id.clone()>{move || field_label(field)}</label>
            <div id=message_id.clone()>
                {move || {
                    messages()
                        .into_iter()
                        .map(|(severity, message)| {
                            let class = match severity {
                                Severity::Error => "error-message",
                                Severity::Warning => "warning-message",
                            };
                            view! { <p class=class>{message}</p> }
                        })
                        .collect_view()
                }}
            </div>
            <input
                id=id
                type="text"
                aria-describedby=message_id
                // A licence count is fixed in the file: its offer decides the bounds.
                disabled=move || !editable.get() || field == Field::Quantity
                prop:value=value
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    data.update(|batch_row| batch_row.row.draft.set_text(field, text));
                }
            />
        </div>
    }
}
