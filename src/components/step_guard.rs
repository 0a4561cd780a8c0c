use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::Redirect;

use crate::wizard::{Step, Wizard};

/// Shows a step only when the steps before it are complete; otherwise sends
/// the user to the first incomplete one. Judged once, when the step opens.
#[component]
pub fn StepGuard(step: Step, children: ChildrenFn) -> impl IntoView {
    let wizard = Wizard::get();
    match wizard.state.with_untracked(|state| state.redirect(step)) {
        Some(target) => view! {
            <Redirect
                path=target.path()
                options=NavigateOptions { replace: true, ..Default::default() }
            />
        }
        .into_any(),
        None => children().into_any(),
    }
}
