//! Mirror ABRA Flexi evidences into a SQL database — SQLite (one file, the
//! default) or PostgreSQL — through the Changes API, crash-safe and
//! exactly once.
//!
//! * [`model`] — tables derived from each evidence's metadata: typed
//!   columns, relations as id and code columns, sub-evidences (invoice
//!   lines) as child tables with a cascading foreign key;
//! * [`row`] — a decoded record as its table's column values;
//! * [`store`] — [`SqlStore`]: the tables, the cursor position and the
//!   audit of applied changes in the same database, a batch and its
//!   position committed in one transaction after a compare-and-set;
//! * [`listen`] — the web-hook listener that wakes the poll loop;
//! * [`mirror`] — [`Mirror`]: the initial load (paged by key, with
//!   `add-global-version`) and change polling over a
//!   [`FlexiClient`](elementa_flexi::transport::FlexiClient).
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use elementa_flexi::wire::evidence;
//! use elementa_mirror::{MirrorSchema, SqlStore};
//!
//! let chosen = ["faktura-vydana", "faktura-vydana-polozka"].map(|e| evidence(e).unwrap());
//! let schema = MirrorSchema::derive(&chosen)?;
//! // Lines are a child table of invoices.
//! let lines = schema.table_of("faktura-vydana-polozka").unwrap();
//! assert_eq!(lines.parent.as_ref().unwrap().column, "dokl_fak");
//!
//! let store = SqlStore::open("sqlite::memory:", schema).await?;
//! // Nothing loaded yet: no position to poll from.
//! assert_eq!(store.position().await?, None);
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]

pub mod listen;
pub mod mirror;
pub mod model;
pub mod row;
pub mod store;

pub use mirror::{Event, Mirror, MirrorError, Options, PollReport};
pub use model::{Dialect, MirrorSchema, SchemaError};
pub use store::{Applied, LoadPage, SqlStore, State, StoreError};
