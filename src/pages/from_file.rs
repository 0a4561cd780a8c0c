//! Add customers from a file: the template to fill in, the file chosen and
//! read by the model's reader, every row checked by the wizard's rules and
//! fixed or left out in place, then the ready rows added one after another,
//! with progress, pause and resume, and the results to download.

mod results;
mod sending;
mod state;
mod table;

use customer_model::batch::{self, FileProblem};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use results::Downloads;
use sending::Sending;
use state::{Batch, Outcome, Status};
use table::RowsTable;

use crate::components::cannot_add::CannotAdd;
use crate::components::error_summary::{ErrorSummary, focus_when_shown};
use crate::components::title::Title;
use crate::i18n::{self, page_title, t};
use crate::staff::Staff;

const FILE_INPUT: &str = "batch-file";

/// Why a chosen file gave no rows.
#[derive(Debug, Clone, PartialEq)]
enum Unread {
    Problem(FileProblem),
    /// The browser could not read it (moved, or access withdrawn).
    Unreadable,
}

impl Unread {
    fn message(&self) -> String {
        let texts = i18n::batch::texts();
        match self {
            Unread::Problem(problem) => (texts.file_problem)(problem),
            Unread::Unreadable => texts.unreadable.to_owned(),
        }
    }
}

async fn read_file(file: web_sys::File) -> Result<Vec<batch::Row>, Unread> {
    if file.size() > batch::MAX_BYTES as f64 {
        return Err(Unread::Problem(FileProblem::TooLarge));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| Unread::Unreadable)?;
    batch::read(&js_sys::Uint8Array::new(&buffer).to_vec()).map_err(Unread::Problem)
}

#[component]
pub fn FromFilePage() -> impl IntoView {
    let staff = Staff::get();
    staff.retry_failures();
    let refused = Memo::new(move |_| staff.known().filter(|me| !me.can_add_customers()));
    let answered = Memo::new(move |_| staff.me().is_some());
    view! {
        <Title text=move || page_title(&[i18n::batch::texts().title], false) />
        <main>
            <h1 tabindex="-1">{t!(batch.title)}</h1>
            // Nothing until the API says who this is: a role that may not
            // add customers never sees the file input.
            {move || match (answered.get(), refused.get()) {
                (false, _) => ().into_any(),
                (true, Some(me)) => view! { <CannotAdd me /> }.into_any(),
                (true, None) => view! { <FromFile /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn FromFile() -> impl IntoView {
    let batch = Batch::new();
    let sending = Sending::new();
    let unread = RwSignal::new(None::<Unread>);
    let summary = NodeRef::<Div>::new();
    let errors = Signal::derive(move || {
        unread
            .get()
            .map(|unread| vec![(FILE_INPUT.to_owned(), unread.message())])
            .unwrap_or_default()
    });
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        spawn_local(async move {
            match read_file(file).await {
                Ok(rows) => {
                    unread.set(None);
                    batch.replace(rows);
                }
                Err(problem) => {
                    unread.set(Some(problem));
                    focus_when_shown(summary);
                }
            }
        });
    };
    let has_rows = move || batch.file.with(|file| !file.rows.is_empty());
    view! {
        <ErrorSummary errors node_ref=summary />
        <p>{t!(batch.intro)}</p>
        <p>
            <a href=crate::config::href("/customers-template.csv") download="customers-template.csv">
                {t!(batch.template)}
            </a>
        </p>
        <div class="field" class:field--error=move || unread.with(Option::is_some)>
            <label for=FILE_INPUT>{t!(batch.file_label)}</label>
            <span class="hint" id="batch-file-hint">{t!(batch.template_hint)}</span>
            {move || unread.get().map(|unread| view! {
                <p class="error-message" id="batch-file-error">{move || unread.message()}</p>
            })}
            <input
                type="file"
                id=FILE_INPUT
                accept=".csv,text/csv"
                aria-describedby=move || if unread.with(Option::is_some) {
                    "batch-file-hint batch-file-error"
                } else {
                    "batch-file-hint"
                }
                disabled=move || sending.running.get()
                on:change=on_change
            />
        </div>
        <Show when=has_rows>
            <Counts batch sending />
            <RowsTable batch />
            <Downloads batch />
        </Show>
    }
}

/// What the rows come to, the buttons that send them, and the progress.
#[component]
fn Counts(batch: Batch, sending: Sending) -> impl IntoView {
    let statuses = batch.statuses;
    let count = move |wanted: &[Status]| {
        statuses.with(|all| all.iter().filter(|status| wanted.contains(status)).count())
    };
    let to_send = Memo::new(move |_| batch.sendable().len());
    let tally = Memo::new(move |_| {
        batch.outcomes.with(|outcomes| {
            let added = outcomes
                .values()
                .filter(|outcome| matches!(outcome, Outcome::Added(_)))
                .count();
            let failed = outcomes
                .values()
                .filter(|outcome| matches!(outcome, Outcome::Failed(_)))
                .count();
            (added, failed)
        })
    });
    let started = move || tally.with(|(added, failed)| added + failed > 0) || sending.running.get();
    let left = move || to_send.get().saturating_sub(tally.get().1);
    let progress_text = move || {
        let texts = i18n::batch::texts();
        let (added, failed) = tally.get();
        let mut text = (texts.progress)(added, failed, left());
        if let Some(seconds) = sending.seconds_left(left()) {
            text.push(' ');
            text.push_str(&(texts.estimate)(seconds));
        }
        text
    };
    let checking = move || statuses.with(|all| all.contains(&Status::Checking));
    let warned = move || count(&[Status::Warned]) > 0;
    let accept_all = move |_| {
        batch.file.with_untracked(|file| {
            for row in &file.rows {
                if !row
                    .data
                    .with_untracked(|batch_row| batch_row.warnings_accepted)
                {
                    row.data
                        .update(|batch_row| batch_row.warnings_accepted = true);
                }
            }
        })
    };
    view! {
        <p role="status" id="batch-counts">
            {move || (i18n::batch::texts().counts)(to_send.get(), count(&[Status::ToFix, Status::Warned]), count(&[Status::LeftOut]))}
        </p>
        <Show when=checking>
            <p class="form-status">{t!(batch.checking)}</p>
        </Show>
        <Show when=started>
            <div class="batch-progress">
                <label for="batch-progress">{t!(batch.progress_label)}</label>
                <progress
                    id="batch-progress"
                    max=move || (tally.get().0 + tally.get().1 + left()).max(1)
                    value=move || tally.get().0 + tally.get().1
                ></progress>
                <p role="status" id="batch-progress-text">{progress_text}</p>
            </div>
        </Show>
        <Show when=move || sending.connection_lost.get()>
            <p class="notice notice--important" role="alert" id="batch-stopped">{t!(batch.connection_lost)}</p>
        </Show>
        <div class="button-group">
            {move || if sending.running.get() {
                view! {
                    <button
                        type="button"
                        class="button button--secondary"
                        id="batch-pause"
                        aria-disabled=move || sending.pausing.get().to_string()
                        on:click=move |_| sending.pausing.set(true)
                    >
                        {t!(batch.pause)}
                    </button>
                }
                .into_any()
            } else {
                view! {
                    <button
                        type="button"
                        class="button"
                        id="batch-submit"
                        disabled=move || to_send.get() == 0 || checking()
                        on:click=move |_| sending.run(batch)
                    >
                        {move || if started() {
                            i18n::batch::texts().resume.to_owned()
                        } else {
                            i18n::batch::texts().submit.of(to_send.get())
                        }}
                    </button>
                }
                .into_any()
            }}
            <Show when=warned>
                <button type="button" class="button button--secondary" id="batch-accept-all" on:click=accept_all>
                    {t!(batch.accept_all_warnings)}
                </button>
            </Show>
        </div>
    }
}
