//! TypeScript and TSX: parsing and the syntax-error walk.
#![no_main]
use airlock_analyzer::syntax::typescript::{syntax_issues, Dialect};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = syntax_issues(&text, Dialect::TypeScript);
    let _ = syntax_issues(&text, Dialect::Tsx);
});
