//! Step 3: every answer on one page (the check-answers pattern), with Update
//! links, and Submit with its progress per write.

use customer_model::draft::{AgreementChoice, Draft};
use customer_model::validation::{self, Issue};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::components::step_guard::StepGuard;
use crate::format;
use crate::messages::billing_cycle_name;
use crate::messages::{api_error_message, issue_message};
use crate::pages::account_info::RELATIONSHIP_PATH;
use crate::pages::account_info::fields::field_id;
use crate::pages::subscriptions::{catalogue_of, chosen_lines, totals};
use crate::session::Session;
use crate::wizard::submit::{self, Failure, Stage};
use crate::wizard::{Step, Wizard};

#[component]
pub fn ReviewPage() -> impl IntoView {
    view! {
        <StepGuard step=Step::Review>
            <Review />
        </StepGuard>
    }
}

fn update_path(step: Step) -> String {
    format!("{}?return=review", step.path())
}

fn account_rows(draft: &Draft) -> Vec<(&'static str, String)> {
    let account = &draft.account;
    let address = [
        account.address_line1.as_str(),
        account.address_line2.as_str(),
        account.address_line3.as_str(),
        &[
            account.postal_code.as_str(),
            account.city.as_str(),
            account.state.as_str(),
        ]
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" "),
    ]
    .into_iter()
    .filter(|part| !part.trim().is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let or_none = |text: &str| {
        if text.trim().is_empty() {
            "Not given".to_owned()
        } else {
            text.trim().to_owned()
        }
    };
    let agreement = match draft.agreement.choice {
        AgreementChoice::CustomerWillAccept => {
            "The customer will accept it in the admin center".to_owned()
        }
        AgreementChoice::CustomerHasAccepted => {
            let acceptor = draft.acceptor();
            format!(
                "Accepted on {} by {} {} ({})",
                format::date(&draft.agreement.date_agreed),
                acceptor.first_name.trim(),
                acceptor.last_name.trim(),
                acceptor.email.trim()
            )
        }
    };
    let mut rows = vec![
        (
            "Country or region",
            format::country_name(account.country.trim()),
        ),
        ("Company name", account.company_name.trim().to_owned()),
        (
            "Primary domain name",
            validation::canonical_domain(&account.domain_prefix),
        ),
        ("Address", address),
        (
            "Organization registration number",
            or_none(&account.registration_number),
        ),
        (
            "Primary contact",
            format!("{} {}", account.first_name.trim(), account.last_name.trim()),
        ),
        ("Email address", account.email.trim().to_owned()),
        ("Phone number", or_none(&account.phone_number)),
        ("Language", format::language_name(&account.language)),
        ("Culture", format::language_name(&account.culture)),
        ("Customer agreement", agreement),
        (
            "Default GDAP",
            if draft.enable_gdap_by_default {
                "Yes"
            } else {
                "No"
            }
            .to_owned(),
        ),
    ];
    if let Some(reseller) = &draft.reseller_id {
        rows.push(("Indirect reseller", reseller.clone()));
    }
    rows
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Progress {
    Waiting,
    Working,
    Done,
    Failed,
}

fn stage_name(stage: Stage) -> &'static str {
    match stage {
        Stage::Customer => "Create the customer",
        Stage::Agreement => "Record the customer agreement",
        Stage::Order => "Place the order",
    }
}

fn progress_text(progress: Progress) -> &'static str {
    match progress {
        Progress::Waiting => "Waiting",
        Progress::Working => "In progress",
        Progress::Done => "Done",
        Progress::Failed => "Failed",
    }
}

#[component]
fn Review() -> impl IntoView {
    let wizard = Wizard::get();
    let session = Session::get();
    let navigate = use_navigate();
    let draft = Memo::new(move |_| wizard.state.with(|state| state.draft.clone()));
    let (_, offers) = catalogue_of(wizard);
    let running = RwSignal::new(false);
    let failure = RwSignal::new(None::<Failure>);
    let stages = Memo::new(move |_| draft.with(submit::stages));
    let progress_of = move |stage: Stage| {
        let failed = failure.with(|failure| {
            failure
                .as_ref()
                .is_some_and(|failure| failure.stage == stage)
        });
        wizard.state.with(|state| {
            let finished = |stage: Stage| stage.finished(&state.submission);
            let earlier_finished = || {
                stages.with(|stages| {
                    stages
                        .iter()
                        .take_while(|earlier| **earlier != stage)
                        .all(|earlier| finished(*earlier))
                })
            };
            if finished(stage) {
                Progress::Done
            } else if failed {
                Progress::Failed
            } else if running.get() && earlier_finished() {
                Progress::Working
            } else {
                Progress::Waiting
            }
        })
    };
    let started = Memo::new(move |_| {
        wizard
            .state
            .with(|state| state.submission.customer.started())
    });
    let start_over = {
        let navigate = navigate.clone();
        move |_| {
            wizard.start_over();
            navigate("/customers", Default::default());
        }
    };
    let submit = move |_| {
        if running.get_untracked() {
            return;
        }
        running.set(true);
        failure.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = submit::run(wizard).await;
            running.set(false);
            match result {
                Ok(()) => navigate(Step::Confirmation.path(), Default::default()),
                Err(problem) => {
                    if problem.error.is_unauthorized() {
                        // Signing in again comes back here; the draft and the ids wait.
                        session.end();
                    }
                    failure.set(Some(problem));
                }
            }
        });
    };
    let account_locked = Memo::new(move |_| wizard.account_locked());
    let title = move || {
        let prefix = if failure.with(Option::is_some) {
            "Error: "
        } else {
            ""
        };
        format!("{prefix}Review – Add customer – Partner Center")
    };
    view! {
        <Title text=title />
        <main>
            <a class="back-link" href=Step::Subscriptions.path()>"Back to subscriptions"</a>
            <span class="caption">"Add customer · Step 3 of 3"</span>
            <h1 tabindex="-1">"Review"</h1>
            <p>"Check the details, then submit. Submitting creates the customer's tenant and places the order."</p>

            {move || failure.get().map(|failure| view! { <SubmitProblem failure /> })}

            <section aria-labelledby="review-account">
                <div class="summary-card__title">
                    <h2 id="review-account" class="section-heading">"Account info"</h2>
                    {move || if account_locked.get() {
                        view! { <span class="hint">"The customer has been created: these details are settled."</span> }.into_any()
                    } else {
                        view! {
                            <a href=update_path(Step::Account) id="update-account">
                                "Update"<span class="visually-hidden">" account info"</span>
                            </a>
                        }.into_any()
                    }}
                </div>
                <dl class="summary-list">
                    {move || draft.with(account_rows).into_iter().map(|(key, value)| view! {
                        <div class="summary-list__row">
                            <dt>{key}</dt>
                            <dd>{value}</dd>
                        </div>
                    }).collect_view()}
                </dl>
            </section>

            <section aria-labelledby="review-subscriptions">
                <div class="summary-card__title">
                    <h2 id="review-subscriptions" class="section-heading">"Subscriptions"</h2>
                    {move || (!wizard.subscriptions_locked()).then(|| view! {
                        <a href=update_path(Step::Subscriptions) id="update-subscriptions">
                            "Update"<span class="visually-hidden">" subscriptions"</span>
                        </a>
                    })}
                </div>
                {move || {
                    let chosen = draft.with(|draft| draft.offers.clone());
                    if chosen.is_empty() {
                        return view! { <p id="review-no-subscriptions">"None. The customer can buy subscriptions later."</p> }.into_any();
                    }
                    let lines = offers.with(|offers| chosen_lines(offers, &chosen));
                    let sums = offers.with(|offers| totals(offers, &chosen));
                    view! {
                        <dl class="summary-list">
                            {lines.into_iter().map(|(name, quantity, price)| view! {
                                <div class="summary-list__row">
                                    <dt>{name}</dt>
                                    <dd>
                                        {if quantity == 1 { "1 license".to_owned() } else { format!("{} licenses", format::number(f64::from(quantity))) }}
                                        {price.map(|price| format!(" · {price}"))}
                                    </dd>
                                </div>
                            }).collect_view()}
                            {sums.into_iter().map(|(cycle, amount)| view! {
                                <div class="summary-list__row summary-list__row--total">
                                    <dt>{format!("{} total", billing_cycle_name(cycle))}</dt>
                                    <dd>{amount}</dd>
                                </div>
                            }).collect_view()}
                        </dl>
                    }.into_any()
                }}
            </section>

            <section aria-labelledby="submit-progress-title" class="submit-progress">
                <h2 id="submit-progress-title" class="section-heading">"Submit"</h2>
                <ol class="progress" aria-live="polite">
                    {move || stages.get().into_iter().map(|stage| {
                        let progress = progress_of(stage);
                        view! {
                            <li class=format!("progress__step progress__step--{}", progress_text(progress).to_lowercase().replace(' ', "-"))>
                                {stage_name(stage)}": "<strong>{progress_text(progress)}</strong>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <button
                    type="button"
                    class="button"
                    id="submit"
                    on:click=submit
                    aria-disabled=move || running.get().then_some("true")
                >
                    {move || if running.get() {
                        "Submitting…"
                    } else if started.get() {
                        "Try again"
                    } else {
                        "Submit"
                    }}
                </button>
                <button type="button" class="link-button" id="start-over" on:click=start_over>
                    "Discard this customer and start over"
                </button>
            </section>
        </main>
    }
}

/// What went wrong, and where the user can put it right.
#[component]
fn SubmitProblem(failure: Failure) -> impl IntoView {
    let wizard = Wizard::get();
    let issues: Vec<Issue> = wizard.server_issues.get_untracked();
    let message = api_error_message(&failure.error);
    let refused = failure.error.is_refusal();
    let domain_taken = failure.domain_taken();
    view! {
        <div class="error-summary" tabindex="-1" role="alert" id="submit-problem">
            <h2>{format!("{} failed", stage_name(failure.stage))}</h2>
            <p>{message}</p>
            <ul>
                {issues.into_iter().map(|issue| {
                    let step = Step::of_field(issue.field);
                    let href = format!("{}#{}", update_path(step), field_id(issue.field));
                    view! { <li><a href=href>{issue_message(&issue)}</a></li> }
                }).collect_view()}
            </ul>
            {domain_taken.then(|| view! {
                <p>
                    "Another tenant already uses this domain. If it is this customer, "
                    <a href=RELATIONSHIP_PATH>"request a relationship"</a>
                    "; otherwise "
                    <a href=update_path(Step::Account)>"choose another domain"</a>
                    "."
                </p>
            })}
            {(!refused).then(|| view! {
                <p>"Nothing is lost and nothing will be done twice: select Try again to continue where it stopped."</p>
            })}
        </div>
    }
}
