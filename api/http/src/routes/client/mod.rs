//! What an API client's bearer token says about its caller.

pub mod get;
