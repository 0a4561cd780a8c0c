//! Step 3: every answer on one page (the check-answers pattern), with Update
//! links, and Submit with its progress per write.

use customer_model::draft::{AgreementChoice, Draft};
use customer_model::validation::{self, Issue};
use customer_model::wire::PartnerRelationship;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::catalogue::{catalogue_of, chosen_lines, total_label, totals};
use crate::components::form::issue_target;
use crate::components::relationship_link::relationship_link;
use crate::components::step_guard::StepGuard;
use crate::components::title::Title;
use crate::format;
use crate::i18n::{self, api_error_message, fill, issue_message, page_title, t};
use crate::router;
use crate::staff::Staff;
use crate::wizard::submit::{self, Failure, Stage};
use crate::wizard::{Step, Wizard};

#[component]
pub fn ReviewPage() -> impl IntoView {
    // Confirmation, where Submit leads, opens without waiting for its code.
    super::preload::<super::ConfirmationRoute>();
    view! {
        <StepGuard step=Step::Review>
            <Review />
        </StepGuard>
    }
}

/// The `href` of Update: the step, which then returns here.
fn update_path(step: Step) -> String {
    crate::config::href(&format!("{}?return=review", step.path()))
}

/// The account answers as (label, value), in the UI language: call it where a
/// language switch re-renders. `resellers` names the draft's reseller (`None`
/// while they load).
fn account_rows(
    draft: &Draft,
    resellers: Option<&[PartnerRelationship]>,
) -> Vec<(&'static str, String)> {
    let texts = i18n::review::texts();
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
            texts.not_given.to_owned()
        } else {
            text.trim().to_owned()
        }
    };
    let agreement = match draft.agreement.choice {
        AgreementChoice::CustomerWillAccept => texts.agreement_will_accept.to_owned(),
        AgreementChoice::CustomerHasAccepted => {
            let acceptor = draft.acceptor();
            (texts.agreement_accepted)(
                &format::date(&draft.agreement.date_agreed),
                &format!(
                    "{} {}",
                    acceptor.first_name.trim(),
                    acceptor.last_name.trim()
                ),
                acceptor.email.trim(),
            )
        }
    };
    let mut rows = vec![
        (texts.country, format::country_name(account.country.trim())),
        (texts.company_name, account.company_name.trim().to_owned()),
        (
            texts.domain,
            validation::canonical_domain(&account.domain_prefix, crate::config::cloud()),
        ),
        (texts.address, address),
        (
            texts.registration_number,
            or_none(&account.registration_number),
        ),
        (
            texts.primary_contact,
            format!("{} {}", account.first_name.trim(), account.last_name.trim()),
        ),
        (texts.email, account.email.trim().to_owned()),
        (texts.phone, or_none(&account.phone_number)),
        (texts.language, format::language_name(&account.language)),
        (texts.culture, format::language_name(&account.culture)),
        (texts.agreement, agreement),
        (
            texts.gdap,
            if draft.enable_gdap_by_default {
                texts.yes
            } else {
                texts.no
            }
            .to_owned(),
        ),
    ];
    if let Some(id) = &draft.reseller_id {
        // By name; by id only when it is none of ours (that is what is sent).
        let name = match resellers {
            None => crate::i18n::account::texts().resellers_loading.to_owned(),
            Some(resellers) => resellers
                .iter()
                .find(|reseller| &reseller.id == id)
                .map_or_else(|| id.clone(), |reseller| reseller.name.clone()),
        };
        rows.push((texts.reseller, name));
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

impl Progress {
    /// The modifier of the step's class (not a text).
    fn class(self) -> &'static str {
        match self {
            Progress::Waiting => "progress__step progress__step--waiting",
            Progress::Working => "progress__step progress__step--in-progress",
            Progress::Done => "progress__step progress__step--done",
            Progress::Failed => "progress__step progress__step--failed",
        }
    }

    fn text(self) -> &'static str {
        let texts = i18n::review::texts();
        match self {
            Progress::Waiting => texts.waiting,
            Progress::Working => texts.in_progress,
            Progress::Done => texts.done,
            Progress::Failed => texts.failed,
        }
    }
}

#[component]
fn Review() -> impl IntoView {
    let wizard = Wizard::get();
    let draft = Memo::new(move |_| wizard.state.with(|state| state.draft.clone()));
    let (_, offers) = catalogue_of(wizard);
    let staff = Staff::get();
    staff.retry_failures();
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
        move |_| {
            wizard.start_over();
            router::navigate("/customers");
        }
    };
    let submit = move |_| {
        if running.get_untracked() {
            return;
        }
        running.set(true);
        failure.set(None);
        spawn_local(async move {
            let result = submit::run(wizard).await;
            // A 401 met on the way replaces the page with Sign in, and the
            // user may have left it: then its signals are gone.
            if running.try_set(false).is_some() {
                return;
            }
            match result {
                Ok(()) => router::navigate(Step::Confirmation.path()),
                // A 401 has ended the session: signing in again comes back
                // here, where the draft and the request ids wait.
                Err(problem) => failure.set(Some(problem)),
            }
        });
    };
    let account_locked = Memo::new(move |_| wizard.account_locked());
    let title = move || {
        let common = i18n::common::texts();
        // The title is read once more while a page whose sign-in ended is
        // being replaced, after its signals are gone: then it has no errors.
        page_title(
            &[common.step_review, common.add_customer],
            failure.try_with(Option::is_some).unwrap_or(false),
        )
    };
    view! {
        <Title text=title />
        <main>
            <a class="back-link" href=crate::config::href(Step::Subscriptions.path())>{t!(review.back_to_subscriptions)}</a>
            <span class="caption">{move || (i18n::common::texts().step_caption)(3)}</span>
            <h1 tabindex="-1">{t!(common.step_review)}</h1>
            <p>{t!(review.intro)}</p>

            {move || failure.get().map(|failure| view! { <SubmitProblem failure /> })}
            // Submit stopped without an answer (a reload, a closed tab): say how to go on.
            {move || (started.get() && !running.get() && failure.with(Option::is_none)).then(|| view! {
                <p class="inset" id="submit-resume">{t!(review.resume)}</p>
            })}

            <section aria-labelledby="review-account">
                <div class="summary-card__title">
                    <h2 id="review-account" class="section-heading">{t!(common.step_account)}</h2>
                    {move || if account_locked.get() {
                        view! { <span class="hint">{t!(review.account_settled)}</span> }.into_any()
                    } else {
                        view! {
                            <a href=update_path(Step::Account) id="update-account">
                                {t!(review.update)}<span class="visually-hidden">{t!(review.update_account_hidden)}</span>
                            </a>
                        }.into_any()
                    }}
                </div>
                <dl class="summary-list">
                    {move || {
                        // Without the list, the reseller is named by its id.
                        let resellers = staff.resellers().map(Result::unwrap_or_default);
                        draft.with(|draft| account_rows(draft, resellers.as_deref()))
                    }.into_iter().map(|(key, value)| view! {
                        <div class="summary-list__row">
                            <dt>{key}</dt>
                            <dd>{value}</dd>
                        </div>
                    }).collect_view()}
                </dl>
            </section>

            <section aria-labelledby="review-subscriptions">
                <div class="summary-card__title">
                    <h2 id="review-subscriptions" class="section-heading">{t!(common.step_subscriptions)}</h2>
                    {move || (!wizard.subscriptions_locked()).then(|| view! {
                        <a href=update_path(Step::Subscriptions) id="update-subscriptions">
                            {t!(review.update)}<span class="visually-hidden">{t!(review.update_subscriptions_hidden)}</span>
                        </a>
                    })}
                </div>
                {move || {
                    let chosen = draft.with(|draft| draft.offers.clone());
                    if chosen.is_empty() {
                        return view! { <p id="review-no-subscriptions">{t!(review.no_subscriptions)}</p> }.into_any();
                    }
                    let lines = offers.with(|offers| chosen_lines(offers, &chosen));
                    let sums = offers.with(|offers| totals(offers, &chosen));
                    view! {
                        <dl class="summary-list">
                            {lines.into_iter().map(|(name, quantity, price)| view! {
                                <div class="summary-list__row">
                                    <dt>{name}</dt>
                                    <dd>
                                        {move || i18n::review::texts().licenses.of(quantity as usize)}
                                        {price.map(|price| format!(" · {price}"))}
                                    </dd>
                                </div>
                            }).collect_view()}
                            {sums.into_iter().map(|(cycle, amount)| view! {
                                <div class="summary-list__row summary-list__row--total">
                                    <dt>{move || total_label(cycle)}</dt>
                                    <dd>{amount}</dd>
                                </div>
                            }).collect_view()}
                        </dl>
                    }.into_any()
                }}
            </section>

            <section aria-labelledby="submit-progress-title" class="submit-progress">
                <h2 id="submit-progress-title" class="section-heading">{t!(review.submit_heading)}</h2>
                <ol class="progress" aria-live="polite">
                    {move || stages.get().into_iter().map(|stage| {
                        let progress = progress_of(stage);
                        view! {
                            <li class=progress.class()>
                                {move || (i18n::review::texts().stage)(stage)}": "<strong>{move || progress.text()}</strong>
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
                    {move || {
                        if running.get() {
                            i18n::review::texts().submitting
                        } else if started.get() {
                            i18n::common::texts().try_again
                        } else {
                            i18n::review::texts().submit
                        }
                    }}
                </button>
                <button type="button" class="link-button" id="start-over" on:click=start_over>
                    {t!(review.start_over)}
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
    let refused = failure.error.is_refusal();
    let domain_taken = failure.domain_taken();
    let Failure { stage, error } = failure;
    view! {
        <div class="error-summary" tabindex="-1" role="alert" id="submit-problem">
            <h2>{move || (i18n::review::texts().stage_failed)(stage)}</h2>
            <p>{move || api_error_message(&error)}</p>
            <ul>
                {issues.into_iter().map(|issue| {
                    let step = Step::of_field(issue.field);
                    let href = format!("{}#{}", update_path(step), issue_target(&issue));
                    view! { <li><a href=href>{move || issue_message(&issue)}</a></li> }
                }).collect_view()}
            </ul>
            {domain_taken.then(|| view! {
                <p>
                    {move || {
                        let texts = i18n::review::texts();
                        fill(
                            texts.domain_taken,
                            vec![
                                ("{relationship}", relationship_link(texts.relationship_link)),
                                ("{domain}", view! { <a href=update_path(Step::Account)>{texts.domain_link}</a> }.into_any()),
                            ],
                        )
                    }}
                </p>
            })}
            {(!refused).then(|| view! {
                <p>{t!(review.resume)}</p>
            })}
        </div>
    }
}
