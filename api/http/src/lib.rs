//! Weiquan's HTTP layer: handlers translate HTTP to use cases and back; rules live in the
//! domain crate, transactions in the services crate.

pub mod auth;
pub mod background;
pub mod bearer;
pub mod config;
pub mod error;
pub mod extract;
pub mod fallback;
pub mod maintenance;
pub mod openapi;
pub mod request;
pub mod routes;
pub mod server;
pub mod state;
