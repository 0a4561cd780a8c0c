//! Form building blocks after the GOV.UK Design System patterns.

pub mod error_summary;
pub mod field_error;
pub mod navigation;
pub mod select_field;
pub mod signed_in;
pub mod site_header;
pub mod step_guard;
pub mod text_field;
