use customer_model::wire::DemoInfo;
use leptos::ev::SubmitEvent;
use leptos::html::Div;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::components::error_summary::{ErrorSummary, focus_when_shown};
use crate::components::field_error::FieldError;
use crate::components::title::Title;
use crate::config::{self, Auth, safe_return};
use crate::i18n::{self, api_error_message, page_title, role_name, t};
use crate::router;
use crate::session::{Ending, Session};

mod provider;

pub use provider::AuthCallbackPage;
use provider::{NotConfigured, ProviderSignIn};

const USER_NAME_ID: &str = "user-name";
const PASSWORD_ID: &str = "password";

/// What stops the sign-in; its text follows the language at render.
#[derive(Debug, Clone, PartialEq)]
enum Problem {
    MissingUserName,
    MissingPassword,
    Incorrect,
    Api(ApiError),
}

impl Problem {
    fn message(&self) -> String {
        let texts = i18n::sign_in::texts();
        match self {
            Problem::MissingUserName => texts.enter_user_name.to_owned(),
            Problem::MissingPassword => texts.enter_password.to_owned(),
            Problem::Incorrect => texts.incorrect.to_owned(),
            Problem::Api(error) => api_error_message(error),
        }
    }
}

/// Partner staff sign in the way `config.json` says: with a password, or
/// through their organisation's identity provider.
#[component]
pub fn SignInPage() -> impl IntoView {
    // Customers, where signing in leads, opens without waiting for its code.
    super::preload::<super::CustomersRoute>();
    match config::auth() {
        Auth::Password => view! { <PasswordSignIn /> }.into_any(),
        Auth::Oidc(_) => view! { <ProviderSignIn /> }.into_any(),
        Auth::Broken(_) => view! { <NotConfigured /> }.into_any(),
    }
}

/// With a user name and password; in demo mode the server's demo accounts
/// are listed.
#[component]
fn PasswordSignIn() -> impl IntoView {
    let session = Session::get();
    let user_name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(&'static str, Problem)>::new());
    let summary = NodeRef::<Div>::new();
    let demo = LocalResource::new(api::demo_info);
    let sign_in = Action::new_local(|(user_name, password): &(String, String)| {
        api::sign_in(user_name.clone(), password.clone())
    });
    Effect::new(move || {
        let Some(result) = sign_in.value().get() else {
            return;
        };
        match result {
            Ok(token) => {
                session.start_with_token(&user_name.get_untracked(), &token.access_token);
                router::replace(&safe_return(router::query("return")));
            }
            Err(error) => {
                let problem = if error.is_unauthorized() {
                    Problem::Incorrect
                } else {
                    Problem::Api(error)
                };
                errors.set(vec![(USER_NAME_ID, problem)]);
                focus_when_shown(summary);
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (name, secret) = (user_name.get_untracked(), password.get_untracked());
        let mut missing = Vec::new();
        if name.trim().is_empty() {
            missing.push((USER_NAME_ID, Problem::MissingUserName));
        }
        if secret.is_empty() {
            missing.push((PASSWORD_ID, Problem::MissingPassword));
        }
        let blocked = !missing.is_empty();
        errors.set(missing);
        if blocked {
            focus_when_shown(summary);
        } else {
            sign_in.dispatch((name.trim().to_owned(), secret));
        }
    };
    let error_for = move |id: &'static str| {
        move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .find(|(field, _)| *field == id)
                    .map(|(_, problem)| problem.message())
            })
        }
    };
    let title = move || page_title(&[i18n::sign_in::texts().title], !errors.with(Vec::is_empty));
    view! {
        <Title text=title />
        <main>
            <ErrorSummary
                errors=Signal::derive(move || {
                    errors.with(|errors| {
                        errors
                            .iter()
                            .map(|(id, problem)| ((*id).to_owned(), problem.message()))
                            .collect::<Vec<_>>()
                    })
                })
                node_ref=summary
            />
            <h1 tabindex="-1">{t!(sign_in.title)}</h1>
            {move || (session.ending() == Some(Ending::Expired))
                .then(|| view! { <p class="notice" role="status">{t!(sign_in.session_ended)}</p> })}
            <p>{t!(sign_in.intro)}</p>
            <form novalidate on:submit=on_submit>
                <SignInField
                    id=USER_NAME_ID
                    label=t!(sign_in.user_name)
                    kind="text"
                    autocomplete="username"
                    value=user_name
                    error=Signal::derive(error_for(USER_NAME_ID))
                />
                <SignInField
                    id=PASSWORD_ID
                    label=t!(sign_in.password)
                    kind="password"
                    autocomplete="current-password"
                    value=password
                    error=Signal::derive(error_for(PASSWORD_ID))
                />
                <button type="submit" class="button" disabled=move || sign_in.pending().get()>
                    {t!(sign_in.submit)}
                </button>
            </form>
            {move || match demo.get() {
                Some(Ok(info)) => Some(view! { <DemoAccounts info user_name password /> }),
                _ => None,
            }}
        </main>
    }
}

#[component]
fn SignInField(
    id: &'static str,
    #[prop(into)] label: TextProp,
    kind: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described_by = {
        let error_id = error_id.clone();
        move || error.with(Option::is_some).then(|| error_id.clone())
    };
    view! {
        <div class="field" class=("field--error", move || error.with(Option::is_some))>
            <label for=id>{move || label.get()}</label>
            <FieldError id=error_id message=error />
            <input
                type=kind
                id=id
                name=id
                autocomplete=autocomplete
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
            />
        </div>
    }
}

/// The demo server's accounts, one per role, each with a button that fills
/// the form.
#[component]
fn DemoAccounts(
    info: DemoInfo,
    user_name: RwSignal<String>,
    password: RwSignal<String>,
) -> impl IntoView {
    view! {
        <section class="demo-accounts" aria-labelledby="demo-accounts-title">
            <h2 id="demo-accounts-title">{t!(sign_in.demo_title)}</h2>
            <p>{t!(sign_in.demo_intro)}</p>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t!(sign_in.user_name)}</th>
                        <th scope="col">{t!(sign_in.role)}</th>
                        <th scope="col">{t!(sign_in.password)}</th>
                        <th scope="col">
                            <span class="visually-hidden">{t!(sign_in.action)}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {info
                        .accounts
                        .into_iter()
                        .map(|account| {
                            let role = account.role;
                            let role = move || role.map(role_name);
                            let fill = {
                                let (name, secret) = (account.user_name.clone(), account.password.clone());
                                move |_| {
                                    user_name.set(name.clone());
                                    password.set(secret.clone());
                                }
                            };
                            let data_user = account.user_name.clone();
                            let label = {
                                let name = account.user_name.clone();
                                move || (i18n::sign_in::texts().use_account_label)(&name)
                            };
                            view! {
                                <tr>
                                    <td>{account.user_name}</td>
                                    <td>{role}</td>
                                    <td>
                                        <code>{account.password}</code>
                                    </td>
                                    <td>
                                        <button type="button" class="button button--secondary" id=format!("use-{data_user}") data-user=data_user aria-label=label on:click=fill>
                                            {t!(sign_in.use_account)}
                                        </button>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}
