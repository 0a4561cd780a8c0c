use leptos::prelude::*;

use crate::router;
use crate::wizard::{Step, Wizard};

/// Shows a step only when the steps before it are complete; otherwise sends
/// the user to the first incomplete one. Judged once, when the step opens.
#[component]
pub fn StepGuard(step: Step, children: ChildrenFn) -> impl IntoView {
    let wizard = Wizard::get();
    match wizard.state.with_untracked(|state| state.redirect(step)) {
        Some(target) => {
            router::replace(target.path());
            ().into_any()
        }
        None => children().into_any(),
    }
}
