//! Copying a text for the user (a customer id, a one-time password, an
//! invitation), and saying in the UI language how it went.

use leptos::prelude::*;

use crate::i18n;

/// How copying to the clipboard went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    Done,
    Failed,
    Unavailable,
}

impl Copied {
    /// What to tell the user, in the UI language.
    pub fn message(self) -> &'static str {
        let texts = i18n::confirmation::texts();
        match self {
            Copied::Done => texts.copied,
            Copied::Failed => texts.copy_failed,
            Copied::Unavailable => texts.copy_unavailable,
        }
    }
}

/// Copies `text` and records how it went in `status`; show it with
/// [`copied_message`] in a live region.
pub fn copy_to_clipboard(text: String, status: RwSignal<Option<Copied>>) {
    let Some(clipboard) = web_sys::window().map(|window| window.navigator().clipboard()) else {
        status.set(Some(Copied::Unavailable));
        return;
    };
    let promise = clipboard.write_text(&text);
    leptos::task::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        // Not shown if the user has left the page meanwhile.
        status.try_set(Some(if copied { Copied::Done } else { Copied::Failed }));
    });
}

/// The message of `status`, following a switch of language.
pub fn copied_message(status: RwSignal<Option<Copied>>) -> impl Fn() -> Option<&'static str> {
    move || status.get().map(Copied::message)
}
