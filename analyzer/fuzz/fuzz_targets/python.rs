//! Python: tree-sitter parsing and lowering to the IR, on any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = airlock_analyzer::syntax::python::parse(&text);
});
