//! Zhifa's domain: the six elements (警、人、物、案、场所、卷), the facts that change them, and
//! the pure projection (`World`) that refuses impossible histories.
//!
//! **Architecture Invariant:** nothing here does IO or reads the clock; time is always an
//! argument. Entry points and storage depend on this crate, never the other way round.

pub mod at;
pub mod calendar;
pub mod category;
pub mod elements;
pub mod error;
pub mod fact;
pub mod id_number;
pub mod ids;
pub mod ledger;
pub mod legal_time;
pub mod policy;
pub mod world;

pub use at::At;
pub use error::{DomainError, ErrorCode};
pub use fact::{Fact, FactBody, FactKind};
pub use id_number::IdNumber;
pub use world::World;
