//! JSON with comments and trailing commas, to spanned trees.
#![no_main]
use airlock_analyzer::syntax::{json, tree::Budget};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = json::parse_json(&text, &Budget::default());
});
