//! Wire types of the Partner Center REST dialect and the validation rules of the
//! add-customer wizard, shared by the browser app and the reference server.
//!
//! Nothing here depends on a UI or server framework, and no rule produces English
//! text: rules return [`validation::Issue`]s whose codes both sides translate.

pub mod validation;
pub mod wire;
