//! The work-order life cycle's reference data: the closed lists staff choose from.

pub mod reasons;
