//! The ABRA Flexi Changes API for elementa: keep a mirror of a Flexi company
//! database in step, without ever skipping a change or applying one twice.
//!
//! * [`change`] — the listing's types: [`ChangePage`], [`Change`],
//!   [`Operation`], [`RecordId`], [`Next`];
//! * [`request`] — sans-IO requests: the changes listing, enable / disable /
//!   status, and exports with `add-global-version=true`;
//! * [`response`] — classifying answers (status body, `403`, the database
//!   lock error on enabling);
//! * [`hook`] — the constant-time web-hook secret check, hook registration
//!   and the hook listing;
//! * [`session`] — the `authSessionId` login;
//! * `transport` (feature `client`) — all of it over HTTP: `FlexiClient`;
//! * [`detail`] — a listing's `detail=` level, checked against the evidence;
//! * [`wire`] — the listing's XML and JSON forms, generated from
//!   `schemas/flexi/` and converted to [`ChangePage`];
//! * [`cursor`] — the sync cursor and the [`sync`] loop over the caller's
//!   transport and store (atomic commit of changes and position).
//!
//! No I/O happens here: the caller sends the rendered requests and decodes
//! the answers.
//!
//! ```
//! use elementa_flexi::{ChangePage, ChangesRequest, Cursor, Next, Request};
//! use elementa_flexi::request::{Evidence, Firm, Format, Limit};
//!
//! let firm = Firm::new("demo")?;
//! // Initial load: export with the global version and store the data. The
//! // export said globalVersion 2: it reflects every change up to and
//! // including 2, so the cursor continues from 3.
//! let export = Request::export(&firm, &Evidence::new("faktura-vydana")?, Format::Json)
//!     .add_global_version();
//! assert_eq!(export.to_string(), "GET /c/demo/faktura-vydana.json?add-global-version=true");
//! let mut cursor = Cursor::after_export(2);
//!
//! // Then poll from the position …
//! let template = ChangesRequest::new(firm).with_limit(Limit::new(500)?);
//! let poll = cursor.request(&template).to_request();
//! assert_eq!(poll.url_path_and_query(), "/c/demo/changes.xml?start=3&limit=500");
//!
//! // … and commit what the answer adds, with the new position, in one
//! // transaction; then move the cursor. globalVersion 6 is the latest
//! // change, so the next listing starts at 7.
//! let page = ChangePage { global_version: 6, changes: vec![], next: Next::None };
//! let batch = cursor.plan(3, page)?;
//! assert_eq!((batch.from(), batch.to()), (3, 7));
//! cursor.advance(&batch)?;
//! assert_eq!(cursor.position(), 7);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

pub mod change;
pub mod cursor;
pub mod detail;
pub mod hook;
pub mod request;
pub mod response;
pub mod session;
#[cfg(feature = "client")]
pub mod transport;
pub mod wire;

pub use change::{Change, ChangePage, Next, Operation, RecordId};
pub use cursor::{Cursor, sync};
pub use request::{ChangesRequest, Request};
