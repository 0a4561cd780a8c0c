//! The HTTP surface, exercised through the real router (no socket) on a real
//! database: SQLite by default, PostgreSQL when `TEST_POSTGRES_URL` is set.

mod agreements;
mod basics;
mod cli;
mod customers;
mod purchase;
mod staff;
mod support;
