use customer_model::wire::Me;
use leptos::prelude::*;

use crate::i18n::{self, role_name};

/// Why this user may not add customers: their roles, and the roles that may.
#[component]
pub fn CannotAdd(me: Me) -> impl IntoView {
    view! {
        <p class="inset" id="cannot-add">
            {move || {
                let roles: Vec<&str> = me.roles.iter().map(|role| role_name(*role)).collect();
                (i18n::common::texts().cannot_add)(&roles.join(", "))
            }}
        </p>
    }
}
