//! The airlock language server (`airlock lsp`): diagnostics with the whole path from source to
//! sink, hover on agents, tools and graph nodes, and code actions that insert the gate or a
//! suppression. This is the only crate that knows LSP, JSON-RPC and UTF-16 positions; it asks
//! `airlock_analyzer` for everything else.

mod convert;
mod docs;
mod server;
pub mod transport;

pub use server::{run, Exit, DEFAULT_DEBOUNCE};

/// Serves LSP over stdin and stdout until the client exits.
pub fn run_stdio() -> Result<Exit, String> {
    let (conn, io) = transport::stdio();
    let result = run(conn);
    // Dropping the connection lets the writer finish flushing.
    let _ = io.join();
    result
}
