//! Suppression comments: the per-language comment lexers and the directive parser.
#![no_main]
use airlock_analyzer::model::{FileId, LineIndex, SourceFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = format!("# airlock: ignore[AIR101] r\n{}", String::from_utf8_lossy(data));
    for path in ["a.py", "a.ts", "a.yaml", "a.jsonc"] {
        let file = SourceFile {
            id: FileId(0),
            rel_path: path.into(),
            abs_path: path.into(),
            lines: LineIndex::new(&text),
            text: text.clone(),
        };
        let _ = airlock_analyzer::suppress::scan(&file);
    }
});
