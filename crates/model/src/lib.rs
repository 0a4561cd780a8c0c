//! Wire types of the Partner Center REST dialect, the wizard's draft, and the
//! validation rules of the add-customer wizard — shared by the browser app and
//! the reference server.
//!
//! Nothing here depends on a UI or server framework, and no rule produces
//! text: rules return [`validation::Issue`]s whose codes each side translates.

// No unwrap or expect on anything a user, a network or a file can influence:
// outside tests there are none at all, and the lint keeps it so.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod batch;
pub mod cloud;
pub mod draft;
pub mod locale;
pub mod text;
pub mod validation;
pub mod wire;
