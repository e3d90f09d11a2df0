//! Test support for the rule modules' unit tests: a small project written to a private
//! temporary folder, analysed with the built-in knowledge, and the findings of one rule as
//! `(path, line, message)`.

use crate::analysis::{analyze, Options};
use crate::knowledge::Knowledge;
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// Findings of rule `code` on the project made of `files` (path, text).
pub(crate) fn findings(code: &str, files: &[(&str, &str)]) -> Vec<(String, u32, String)> {
    full_findings(code, files)
        .iter()
        .map(|f| (f.location.path.clone(), f.location.line, f.message.clone()))
        .collect()
}

/// The whole findings of rule `code` on the project made of `files` (confidence, path).
pub(crate) fn full_findings(code: &str, files: &[(&str, &str)]) -> Vec<crate::model::Finding> {
    let dir = std::env::temp_dir().join(format!(
        "airlock-rule-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for (rel, text) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().expect("a parent")).expect("temp folder");
        std::fs::write(&p, text).expect("write fixture");
    }
    let opts = Options {
        paths: vec![dir.clone()],
        ..Options::default()
    };
    let a = analyze(&opts, &Knowledge::builtin());
    let _ = std::fs::remove_dir_all(&dir);
    a.findings.into_iter().filter(|f| f.code == code).collect()
}

/// The lines rule `code` reports in `path`.
pub(crate) fn lines(code: &str, files: &[(&str, &str)], path: &str) -> Vec<u32> {
    findings(code, files)
        .into_iter()
        .filter(|(p, _, _)| p == path)
        .map(|(_, l, _)| l)
        .collect()
}
