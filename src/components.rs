//! Form building blocks after the GOV.UK Design System patterns.

pub mod cannot_add;
pub mod clipboard;
pub mod error_summary;
pub mod field_error;
pub mod form;
pub mod navigation;
pub mod relationship_link;
pub mod select_field;
pub mod signed_in;
pub mod site_header;
pub mod step_guard;
pub mod text_field;
pub mod title;
