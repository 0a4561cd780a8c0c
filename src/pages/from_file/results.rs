//! What the file's rows came to, as files to download: the customers added
//! with their admins' one-time passwords, and the rows not added with what
//! was wrong, in the template's columns, to fix and choose again.

use customer_model::batch::{self, PROBLEMS};
use leptos::prelude::*;

use super::state::{Batch, Outcome, Status};
use crate::browser;
use crate::i18n::{self, api_error_message, field_label, issue_message, t};

/// With a byte-order mark, so that spreadsheet programs read it as UTF-8.
fn csv_file(lines: Vec<String>) -> String {
    format!("\u{feff}{}\r\n", lines.join("\r\n"))
}

/// Each added row's customer, admin and password (while this page holds it).
fn results_csv(batch: Batch) -> String {
    let mut lines = vec![batch::csv_line(&[
        "row",
        "companyName",
        "domain",
        "customerId",
        "adminUserName",
        "temporaryPassword",
    ])];
    batch.outcomes.with_untracked(|outcomes| {
        batch.passwords.with_untracked(|passwords| {
            batch.file.with_untracked(|file| {
                for row in &file.rows {
                    let number = row.number;
                    if let Some(Outcome::Added(customer)) = outcomes.get(&number) {
                        lines.push(batch::csv_line(&[
                            number.to_string(),
                            customer.company_name.clone(),
                            customer.domain.clone(),
                            customer.id.clone(),
                            customer.admin_user_name.clone(),
                            passwords.get(&number).cloned().unwrap_or_default(),
                        ]));
                    }
                }
            })
        })
    });
    csv_file(lines)
}

/// The rows that failed or have something to fix, with what is wrong.
fn failed_csv(batch: Batch) -> String {
    let mut header: Vec<&str> = batch::COLUMNS.iter().map(|column| column.name).collect();
    header.push(PROBLEMS);
    let mut lines = vec![batch::csv_line(&header)];
    let texts = i18n::batch::texts();
    batch.outcomes.with_untracked(|outcomes| {
        batch.file.with_untracked(|file| {
            for row in &file.rows {
                let mut problems = Vec::new();
                if let Some(Outcome::Failed(failure)) = outcomes.get(&row.number) {
                    problems.push(api_error_message(&failure.error));
                } else if row.status.get_untracked() != Status::ToFix {
                    continue;
                }
                if let Some(check) = row.check.get_untracked() {
                    problems.extend(check.issues.iter().filter(|issue| issue.is_error()).map(
                        |issue| format!("{}: {}", field_label(issue.field), issue_message(issue)),
                    ));
                    problems.extend(check.problems.iter().map(texts.row_problem));
                }
                let mut values = row
                    .data
                    .with_untracked(|batch_row| batch::values_of(&batch_row.row.draft));
                values.push(problems.join("; "));
                lines.push(batch::csv_line(&values));
            }
        })
    });
    csv_file(lines)
}

#[component]
pub fn Downloads(batch: Batch) -> impl IntoView {
    let any = move |wanted: fn(&Outcome) -> bool| {
        batch
            .outcomes
            .with(|outcomes| outcomes.values().any(wanted))
    };
    let added = move || any(|outcome| matches!(outcome, Outcome::Added(_)));
    let not_added = move || {
        any(|outcome| matches!(outcome, Outcome::Failed(_)))
            || batch
                .statuses
                .with(|statuses| statuses.contains(&Status::ToFix))
    };
    view! {
        <Show when=added>
            <div class="warning-text">
                <p>{t!(batch.passwords_warning)}</p>
            </div>
        </Show>
        <div class="button-group">
            <Show when=added>
                <DownloadButton batch id="download-results" name="customers-added.csv" contents=results_csv label=|| i18n::batch::texts().download_results />
            </Show>
            <Show when=not_added>
                <DownloadButton batch id="download-failed" name="customers-to-fix.csv" contents=failed_csv label=|| i18n::batch::texts().download_failed />
            </Show>
        </div>
    }
}

/// A button that offers one of the files above to save.
#[component]
fn DownloadButton(
    batch: Batch,
    id: &'static str,
    name: &'static str,
    contents: fn(Batch) -> String,
    label: fn() -> &'static str,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="button button--secondary"
            id=id
            on:click=move |_| {
                browser::download(name, &contents(batch), "text/csv");
            }
        >
            {label}
        </button>
    }
}
