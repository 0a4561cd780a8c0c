//! Form building blocks after the GOV.UK Design System patterns.

pub mod error_summary;
pub mod field_error;
pub mod signed_in;
pub mod site_header;
pub mod text_field;
