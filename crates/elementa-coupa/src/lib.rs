//! Coupa resources, generated from `schemas/coupa/*.toml` by
//! [`elementa::resource!`].
//!
//! Every struct has one [`elementa::Field`] per element of its table, rustdoc
//! built from that table, and static metadata that codecs and projectors read.
//!
//! ```
//! use elementa::{Direction, Options, Resource, validate};
//! use elementa_coupa::{IntegrationRun, IntegrationRunStatus, resource};
//!
//! let meta = IntegrationRun::resource_meta();
//! assert_eq!(meta.id, "coupa/integration-run");
//! assert_eq!(resource("coupa/comment").map(|m| m.rust), Some("Comment"));
//!
//! // `integration` is required in a request.
//! let run = IntegrationRun { total_records: 10.into(), ..Default::default() };
//! let problems = validate(&run, Options::new(Direction::In));
//! assert_eq!(problems[0].path, "integration");
//!
//! // Allowed values are open enums: unknown values are kept.
//! use elementa::OpenEnum;
//! assert_eq!(IntegrationRunStatus::from_wire("running"), IntegrationRunStatus::Running);
//! let new = IntegrationRunStatus::from_wire("archived");
//! assert_eq!((new.as_wire(), new.is_known()), ("archived", false));
//! ```
#![forbid(unsafe_code)]

mod client;
mod errors;
pub mod mention;
pub mod oauth;
pub mod query;
pub mod request;
pub mod response;
pub mod run;
#[cfg(feature = "client")]
pub mod transport;

pub use client::Client;
pub use errors::{ErrorBody, ErrorMessage};
pub use request::{Format, Request, RequestError};
pub use response::{ApiError, Response};
pub use run::{Progress, RunAction};

elementa::vendor!("schemas/coupa");
