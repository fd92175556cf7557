//! Checks the rules share: the tables and their cells (`table`).

pub mod table;
