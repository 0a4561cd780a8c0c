use leptos::prelude::*;

use crate::components::title::Title;
use crate::i18n::{self, page_title, t};

/// In place of a page whose code could not be fetched (no connection, a
/// server being replaced): nothing entered is lost, since the drafts are
/// kept in this tab, and a reload fetches it again.
#[component]
pub fn NotLoaded() -> impl IntoView {
    view! {
        <Title text=move || page_title(&[i18n::common::texts().not_loaded_title], false) />
        <main>
            <h1 tabindex="-1">{t!(common.not_loaded_title)}</h1>
            <p>{t!(common.not_loaded_text)}</p>
            <p>
                <button
                    type="button"
                    class="button"
                    id="reload-page"
                    on:click=|_| {
                        if let Some(window) = web_sys::window() {
                            let _ = window.location().reload();
                        }
                    }
                >
                    {t!(common.try_again)}
                </button>
            </p>
        </main>
    }
}
