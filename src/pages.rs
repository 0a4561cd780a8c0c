//! One module per page of the wizard.

pub mod account_info;
pub mod confirmation;
pub mod customers;
pub mod from_file;
pub mod not_found;
pub mod relationship_request;
pub mod review;
pub mod sign_in;
pub mod subscriptions;
