//! Signing in through the organisation's identity provider (`config.json`
//! `auth.type` `"oidc"`): the Sign in page, the provider's way back, and what
//! a broken `auth` shows instead of falling back to passwords.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::title::Title;
use crate::config::safe_return;
use crate::i18n::{self, page_title, t};
use crate::oidc::{self, OidcError, Prompt};
use crate::router;
use crate::session::{Ending, Session};

/// Sends the browser to the provider; a failure before it leaves (the
/// provider unreachable, say) is shown in `problem`.
fn sign_in(return_to: String, prompt: Prompt, problem: RwSignal<Option<OidcError>>) {
    spawn_local(async move {
        if let Err(error) = oidc::begin_sign_in(&return_to, prompt).await {
            leptos::logging::warn!("sign-in: {}", error.detail());
            // Not shown if the user has left the page meanwhile.
            problem.try_set(Some(error));
        }
    });
}

/// One button to the provider. After the API asked for multifactor
/// authentication it says so, and the button asks the provider for a fresh
/// sign-in (`prompt=login`) — once per click, never on its own, so a
/// provider that still sends no MFA claim cannot start a loop.
#[component]
pub fn ProviderSignIn() -> impl IntoView {
    let session = Session::get();
    let problem = RwSignal::new(None::<OidcError>);
    let ending = session.ending();
    let return_to = move || safe_return(router::query("return"));
    let on_click = move |_| {
        let prompt = if ending == Some(Ending::MfaRequired) {
            Prompt::Login
        } else {
            Prompt::Usual
        };
        problem.set(None);
        sign_in(return_to(), prompt, problem);
    };
    let title = move || {
        page_title(
            &[i18n::sign_in::texts().title],
            problem.with(Option::is_some),
        )
    };
    view! {
        <Title text=title />
        <main>
            <h1 tabindex="-1">{t!(sign_in.title)}</h1>
            {match ending {
                Some(Ending::MfaRequired) => Some(view! {
                    <div class="notice notice--important" role="alert" id="mfa-required">
                        <p>{t!(sign_in.mfa_required)}</p>
                    </div>
                }.into_any()),
                Some(Ending::Expired) => Some(view! {
                    <p class="notice" role="status">{t!(sign_in.session_ended)}</p>
                }.into_any()),
                None => None,
            }}
            <ProblemAlert problem />
            <p>{t!(sign_in.provider_intro)}</p>
            <button type="button" class="button" id="sign-in-with-provider" on:click=on_click>
                {move || if ending == Some(Ending::MfaRequired) {
                    i18n::sign_in::texts().mfa_button
                } else {
                    i18n::sign_in::texts().provider_button
                }}
            </button>
        </main>
    }
}

/// What went wrong with the provider, announced.
#[component]
fn ProblemAlert(problem: RwSignal<Option<OidcError>>) -> impl IntoView {
    move || {
        problem.get().map(|problem| {
            view! {
                <div class="error-summary" role="alert" id="sign-in-problem">
                    <p>{move || (i18n::sign_in::texts().provider_problem)(&problem)}</p>
                </div>
            }
        })
    }
}

/// The provider's way back (`auth.redirectPath`): redeems the answer, then
/// replaces itself in history with the page the user was going to. A forged,
/// replayed or stale answer, or the provider's refusal, is told with Try
/// again; nothing is stored and the API is not called.
#[component]
pub fn AuthCallbackPage() -> impl IntoView {
    let session = Session::get();
    let failure = RwSignal::new(None::<oidc::CallbackFailure>);
    let problem = RwSignal::new(None::<OidcError>);
    spawn_local(async move {
        match oidc::complete_callback().await {
            Ok((return_to, identity)) => {
                session.start(identity.name);
                router::replace(&return_to);
            }
            Err(error) => {
                leptos::logging::warn!("sign-in callback: {}", error.error.detail());
                // Not shown if the user has left the page meanwhile.
                problem.try_set(Some(error.error.clone()));
                failure.try_set(Some(error));
            }
        }
    });
    let try_again = move |_| {
        let return_to = failure.with_untracked(|failure| {
            failure.as_ref().map_or_else(
                || "/customers".to_owned(),
                |failure| failure.return_to.clone(),
            )
        });
        sign_in(return_to, Prompt::Usual, problem);
    };
    let failed = move || failure.with(Option::is_some);
    let heading = move || {
        if failed() {
            i18n::sign_in::texts().callback_failed_title
        } else {
            i18n::sign_in::texts().signing_in
        }
    };
    view! {
        <Title text=move || page_title(&[heading()], failed()) />
        <main>
            <h1 tabindex="-1" id="callback-heading">{heading}</h1>
            <ProblemAlert problem />
            <Show when=failed>
                <button type="button" class="button" id="try-sign-in-again" on:click=try_again>
                    {t!(common.try_again)}
                </button>
            </Show>
        </main>
    }
}

/// `auth` in `config.json` is unusable: said plainly; the console has the reason.
#[component]
pub fn NotConfigured() -> impl IntoView {
    view! {
        <Title text=move || page_title(&[i18n::sign_in::texts().not_configured_title], true) />
        <main>
            <h1 tabindex="-1">{t!(sign_in.not_configured_title)}</h1>
            <p id="sign-in-not-configured">{t!(sign_in.not_configured_text)}</p>
        </main>
    }
}
