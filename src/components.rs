//! Form building blocks after the GOV.UK Design System patterns.

pub mod error_summary;
pub mod text_field;
