use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found – Partner Center" />
        <main>
            <h1>"Page not found"</h1>
            <p>"If you typed the web address, check it is correct."</p>
            <p>
                <a href="/customers">"Go to your customers"</a>
            </p>
        </main>
    }
}
