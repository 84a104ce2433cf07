//! Kataloop's use cases, shared by `kataloop-server` and `kataloop-admin`:
//! each function composes the domain crates with the store, so that the
//! binaries only parse input, call one function and render its output.
#![forbid(unsafe_code)]

pub mod aggregation;
pub mod audit;
pub mod credentials;
mod error;
pub mod feedback;
pub mod keys;
mod narrator;
pub mod operations;
pub mod regions;
pub mod submission;
pub mod tokens;

pub use narrator::CatalogNarrator;

pub use error::ServiceError;
