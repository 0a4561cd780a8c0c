use leptos::prelude::*;
use leptos::task::spawn_local;

use customer_model::locale::Locale;

use crate::i18n::{self, t};
use crate::locale;
use crate::router;
use crate::session::Session;
use crate::wizard::Wizard;
use crate::{api, catalogue, config, oidc, waiting};

/// The service name, the language switcher, and who is signed in with Sign
/// out while signed in.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let session = Session::get();
    let wizard = Wizard::get();
    // Signing out leaves nothing of this tab's work behind: the draft and the
    // catalogue loaded go with the sign-in (an expired sign-in keeps them, to
    // carry on).
    let sign_out = move |_| {
        spawn_local(async move {
            wizard.start_over();
            catalogue::forget();
            if config::oidc().is_some() {
                session.end();
                if oidc::sign_out().await {
                    // On the way to the provider's end-session page.
                    return;
                }
            } else {
                api::sign_out().await;
                session.end();
            }
            router::navigate("/sign-in");
        });
    };
    view! {
        <header class="site-header">
            <span class="site-header__name">{t!(common.site_name)}</span>
            <LanguageSwitcher />
            <Show when=move || session.signed_in()>
                <span class="site-header__user" id="signed-in-user">
                    {move || session.user_name()}
                </span>
                <button type="button" class="site-header__sign-out" on:click=sign_out>
                    {t!(common.sign_out)}
                </button>
            </Show>
            // Always there, so that screen readers announce what appears in it.
            <p class="site-header__waiting" role="status" id="waiting-notice">
                {move || waiting::seconds_left().map(|seconds| (i18n::common::texts().waiting)(seconds))}
            </p>
        </header>
    }
}

/// One button per language, each named in its own language; only texts
/// change, so whatever the user has typed stays.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    view! {
        <nav class="language-switcher" aria-label=t!(common.language_switcher)>
            <ul>
                {Locale::ALL
                    .into_iter()
                    .map(|language| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    lang=language.tag()
                                    id=format!("language-{}", language.tag())
                                    aria-pressed=move || (locale::current() == language).to_string()
                                    on:click=move |_| locale::set(language)
                                >
                                    {language.native_name()}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
