//! Weiquan's domain: the platform's rules as plain code with no I/O.
//!
//! This crate must never depend on diesel, actix-web, redis or reqwest; a test in
//! `api/http/tests/layering.rs` keeps it so. Every rule has exactly one home here: handlers
//! and pages ask, they never re-decide.

pub mod access;
pub mod application;
pub mod audit;
pub mod calendar;
pub mod clients;
pub mod credit_code;
pub mod dialogue;
pub mod division;
pub mod evidence;
pub mod invitation;
pub mod mask;
pub mod notify;
pub mod one_time;
pub mod password;
pub mod retry;
pub mod routing;
pub mod search;
pub mod signals;
pub mod taxonomy;
pub mod workflow;

pub use credit_code::{CreditCode, CreditCodeError};
pub use division::{DivisionCode, DivisionCodeError, DivisionLevel};
pub use one_time::{TokenPurpose, TokenRejection};
pub use password::PasswordError;
