//! The HTTP surface, exercised through the real router (no socket) — and in
//! `cli` and `crash` through the real binary — on a real database: SQLite by
//! default, PostgreSQL when `TEST_POSTGRES_URL` is set.

mod agreements;
mod attacks;
mod basics;
mod binary;
mod cli;
mod clouds;
mod crash;
mod customers;
mod hardening;
mod oidc;
mod purchase;
mod staff;
mod support;
