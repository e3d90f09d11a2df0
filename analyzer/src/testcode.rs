//! Test code: which files are tests and fixtures, whose findings are left out by default.
//!
//! A test that starts a throwaway server on a loopback port, a fixture tool that `eval`s a
//! calculator expression, a test graph compiled without a checkpointer: none of it ships, and a
//! reviewer does not act on it. Semgrep's default ignore file skips `/tests` and `/test`; GitHub
//! code scanning labels alerts in test code and leaves them out of the default view. airlock
//! analyses test files like any other (their imports and calls resolve, so the rest of the
//! project reads the same whether they are there or not) and leaves their findings out of the
//! report, saying how many in one notice. `include-tests = true` in the configuration, or
//! `--include-tests`, reports them.

use crate::model::Notice;

/// Folder names that hold tests or their data, matched as whole path segments.
const TEST_DIRS: &[&str] = &[
    "test",
    "tests",
    "__tests__",
    "spec",
    "specs",
    "__mocks__",
    "fixtures",
    "__fixtures__",
    "testdata",
];

/// Whether a `/`-separated path relative to the scanned root is test code: a file under a test
/// folder (`tests/`, `__tests__/`, `fixtures/`, ...), a pytest module or helper
/// (`test_*.py`, `*_test.py`, `conftest.py`), or a JavaScript or TypeScript test
/// (`*.test.ts`, `*.spec.js`, ...).
pub fn is_test_path(path: &str) -> bool {
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let Some(file) = segments.pop() else {
        return false;
    };
    if segments
        .iter()
        .any(|d| TEST_DIRS.iter().any(|t| d.eq_ignore_ascii_case(t)))
    {
        return true;
    }
    let lower = file.to_ascii_lowercase();
    if let Some(stem) = lower.strip_suffix(".py") {
        return stem.starts_with("test_") || stem.ends_with("_test") || stem == "conftest";
    }
    // `name.test.ts`, `name.spec.mjs`: the second-to-last dotted part.
    let parts: Vec<&str> = lower.split('.').collect();
    parts.len() >= 3
        && matches!(parts[parts.len() - 2], "test" | "spec")
        && matches!(
            parts[parts.len() - 1],
            "js" | "jsx" | "ts" | "tsx" | "mjs" | "cjs" | "mts" | "cts"
        )
}

/// The notice for findings left out because they are in test code.
pub fn notice(n: usize) -> Notice {
    Notice {
        path: ".".to_string(),
        line: 0,
        message: format!(
            "{n} finding{} in test code not reported (tests, fixtures; `--include-tests` or `include-tests = true` reports {})",
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_folders_and_test_file_names_are_test_code() {
        for p in [
            "tests/test_server.py",
            "pkg/tests/helpers.py",
            "src/client/__tests__/test-server.ts",
            "spec/tools.rb.js",
            "pkg/fixtures/calculator_tool.py",
            "test_tools.py",
            "pkg/tools_test.py",
            "conftest.py",
            "src/server.test.ts",
            "src/server.spec.mjs",
            "Tests/Case.py",
        ] {
            assert!(is_test_path(p), "{p}");
        }
    }

    #[test]
    fn application_code_with_test_like_words_is_not() {
        for p in [
            "src/server.ts",
            "pkg/testing_utils.py",
            "pkg/attest.py",
            "pkg/latest/tool.py",
            "system_tests_runner.py",
            "src/contest.ts",
            "src/test.ts",
            "tools/protest_test_data.json",
            "mcp_stata/statest/runner.py",
        ] {
            assert!(!is_test_path(p), "{p}");
        }
    }
}
