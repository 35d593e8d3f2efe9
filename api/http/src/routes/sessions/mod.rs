//! Signing in: creating a session.

pub mod create;
