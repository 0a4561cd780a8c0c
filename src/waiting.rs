//! While the API has asked the app to wait (a 429's `Retry-After`), the
//! seconds left, for the notice in the site header: the user sees why
//! nothing happens, and that it will go on by itself.

use leptos::prelude::*;

use crate::browser::sleep;

thread_local! {
    // Reference-counted, not owned by whichever view first reads it: an
    // arena signal would be disposed with that view.
    static SECONDS_LEFT: ArcRwSignal<Option<u32>> = ArcRwSignal::new(None);
}

/// The seconds left to wait, while the app waits.
pub fn seconds_left() -> Option<u32> {
    SECONDS_LEFT.with(|left| left.get())
}

/// Waits `ms`, counting the seconds down on screen.
pub async fn wait_out(ms: u32) {
    let mut left = ms;
    while left > 0 {
        SECONDS_LEFT.with(|shown| shown.set(Some(left.div_ceil(1_000))));
        // The first step ends on a whole second, so each later one is a second.
        let step = match left % 1_000 {
            0 => 1_000,
            part => part,
        };
        sleep(step).await;
        left -= step;
    }
    SECONDS_LEFT.with(|shown| shown.set(None));
}
