//! The page a server renders for: core's [`Server`], whose origin is not
//! known and whose URLs are written as a browser serializes them.

pub use folio_core::markup::Server as Here;
