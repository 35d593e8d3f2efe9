//! The audit log, searched by administrators and analysts over their own subtree.

pub mod search;
