//! airlock.toml and [tool.airlock] in pyproject.toml: parsing and validation with spans.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = airlock_analyzer::config::parse(Path::new("airlock.toml"), &text, false) {
        let _ = e.line();
    }
    let _ = airlock_analyzer::config::parse(Path::new("pyproject.toml"), &text, true);
});
