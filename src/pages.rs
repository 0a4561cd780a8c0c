//! One module per page of the wizard.

pub mod account_info;
pub mod customers;
pub mod not_found;
pub mod sign_in;
