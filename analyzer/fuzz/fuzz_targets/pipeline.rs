//! The whole analysis (discovery, parsing, evaluation, extraction, rules, suppressions) on a
//! one-file project whose file is an editor overlay: the first byte picks its language.
#![no_main]
use airlock_analyzer::analysis::{analyze, Options};
use airlock_analyzer::knowledge::Knowledge;
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

fn setup() -> &'static (PathBuf, Knowledge) {
    static S: OnceLock<(PathBuf, Knowledge)> = OnceLock::new();
    S.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("airlock-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        (std::fs::canonicalize(&dir).expect("canonical"), Knowledge::builtin())
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let (root, knowledge) = setup();
    let name = match first % 7 {
        0 => "agent.py",
        1 => ".cursor/mcp.json",
        2 => "langgraph.json",
        3 => "config/agents.yaml",
        4 => "claude_desktop_config.json",
        5 => "src/agent.ts",
        _ => "server.mjs",
    };
    let mut overlays = BTreeMap::new();
    overlays.insert(root.join(name), String::from_utf8_lossy(rest).into_owned());
    let opts = Options {
        paths: vec![root.clone()],
        overlays: Arc::new(overlays),
        ..Options::default()
    };
    let _ = analyze(&opts, knowledge);
});
