//! Checks the rules share: the tables and their cells (`table`), an agency's kind and deadline
//! (`agency`).

pub mod agency;
pub mod identity;
#[cfg(feature = "previous")]
pub mod previous;
pub mod table;
