//! Output renderers for findings and notices: text (miette), concise, json, sarif.
