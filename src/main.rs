// No unwrap or expect on anything a user, a network or a file can influence:
// outside tests there are none at all, and the lint keeps it so.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

fn main() {
    // A debug build says in the console where it panicked. The release build
    // stops at once instead (Makefile: dist), and js/crash.js tells the user.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // Leptos starts its own executor when it mounts; the configuration is read before that.
    wasm_bindgen_futures::spawn_local(async {
        customer_wizard::config::load().await;
        leptos::mount::mount_to_body(customer_wizard::App);
    });
}
