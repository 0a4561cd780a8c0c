use customer_model::wire::DemoInfo;
use leptos::ev::SubmitEvent;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api;
use crate::components::error_summary::{ErrorSummary, focus_when_shown};
use crate::components::field_error::FieldError;
use crate::messages::{api_error_message, role_name};
use crate::session::Session;

const USER_NAME_ID: &str = "user-name";
const PASSWORD_ID: &str = "password";

/// Where to go after signing in: the page that sent us here, if it is ours.
fn safe_return(target: Option<String>) -> String {
    target
        .filter(|path| path.starts_with('/') && !path.starts_with("//"))
        .unwrap_or_else(|| "/customers".to_owned())
}

/// Partner staff sign in; in demo mode the server's demo accounts are listed.
#[component]
pub fn SignInPage() -> impl IntoView {
    let session = Session::get();
    let query = use_query_map();
    let navigate = use_navigate();
    let user_name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
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
                session.start(token.access_token);
                let target = safe_return(query.with_untracked(|query| query.get("return")));
                navigate(
                    &target,
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
            Err(error) => {
                let message = if error.is_unauthorized() {
                    "The user name or password is incorrect".to_owned()
                } else {
                    api_error_message(&error)
                };
                errors.set(vec![(USER_NAME_ID, message)]);
                focus_when_shown(summary);
            }
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (name, secret) = (user_name.get_untracked(), password.get_untracked());
        let mut missing = Vec::new();
        if name.trim().is_empty() {
            missing.push((USER_NAME_ID, "Enter your user name".to_owned()));
        }
        if secret.is_empty() {
            missing.push((PASSWORD_ID, "Enter your password".to_owned()));
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
                    .map(|(_, message)| message.clone())
            })
        }
    };
    let title = move || {
        let prefix = if errors.with(Vec::is_empty) {
            ""
        } else {
            "Error: "
        };
        format!("{prefix}Sign in – Partner Center")
    };
    view! {
        <Title text=title />
        <main>
            <ErrorSummary
                errors=Signal::derive(move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(id, message)| (id.to_owned(), message))
                        .collect::<Vec<_>>()
                })
                node_ref=summary
            />
            <h1 tabindex="-1">"Sign in"</h1>
            <p>"Sign in with your partner staff account to add and manage customers."</p>
            <form novalidate on:submit=on_submit>
                <SignInField
                    id=USER_NAME_ID
                    label="User name"
                    kind="text"
                    autocomplete="username"
                    value=user_name
                    error=Signal::derive(error_for(USER_NAME_ID))
                />
                <SignInField
                    id=PASSWORD_ID
                    label="Password"
                    kind="password"
                    autocomplete="current-password"
                    value=password
                    error=Signal::derive(error_for(PASSWORD_ID))
                />
                <button type="submit" class="button" disabled=move || sign_in.pending().get()>
                    "Sign in"
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
    label: &'static str,
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
            <label for=id>{label}</label>
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
            <h2 id="demo-accounts-title">"Demo accounts"</h2>
            <p>
                "This server runs in demo mode. Each account has a different role, so you can see what each role may do."
            </p>
            <table>
                <thead>
                    <tr>
                        <th scope="col">"User name"</th>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Password"</th>
                        <th scope="col">
                            <span class="visually-hidden">"Action"</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {info
                        .accounts
                        .into_iter()
                        .map(|account| {
                            let role = account.role.map(role_name).unwrap_or_default();
                            let fill = {
                                let (name, secret) = (account.user_name.clone(), account.password.clone());
                                move |_| {
                                    user_name.set(name.clone());
                                    password.set(secret.clone());
                                }
                            };
                            let label = format!("Use {}", account.user_name);
                            view! {
                                <tr>
                                    <td>{account.user_name}</td>
                                    <td>{role}</td>
                                    <td>
                                        <code>{account.password}</code>
                                    </td>
                                    <td>
                                        <button type="button" class="button button--secondary" aria-label=label on:click=fill>
                                            "Use"
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
