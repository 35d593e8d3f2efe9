//! Members of organisations: listing them, and their administrators disabling, enabling and
//! changing roles (each ends the member's sessions).

pub mod change;
pub mod list;
