use leptos::prelude::*;

use crate::components::title::Title;
use crate::i18n::{self, page_title, t};

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text=move || page_title(&[i18n::common::texts().not_found_title], false) />
        <main>
            <h1 tabindex="-1">{t!(common.not_found_title)}</h1>
            <p>{t!(common.not_found_text)}</p>
            <p>
                <a href=crate::config::href("/customers")>{t!(common.not_found_link)}</a>
            </p>
        </main>
    }
}
