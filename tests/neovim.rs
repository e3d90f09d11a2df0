//! A real, independent LSP client: headless Neovim (Debian's package; 0.7 pushes diagnostics)
//! runs `tests/fixtures/neovim_e2e.lua` against `airlock lsp` on a copy of a corpus project. The
//! script receives the AIR101 diagnostic, hovers, applies the gate code action and waits for the
//! diagnostic to disappear. Outside CI the test is skipped when `nvim` is missing; in CI
//! (`.ci/run` installs it) its absence fails the test.

mod support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{copy_tree, repo_root, TempDir};

#[test]
fn neovim_sees_the_diagnostic_and_the_gate_fix_clears_it() {
    let has_nvim = Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_nvim {
        assert!(
            std::env::var_os("CI").is_none(),
            "nvim is not installed; .ci/run installs Debian's neovim"
        );
        eprintln!("skipped: nvim is not installed (apt-get install neovim)");
        return;
    }
    let project = TempDir::new("nvim");
    copy_tree(
        &repo_root().join("corpus/langgraph/air101-web-search-to-refund-vulnerable"),
        project.path(),
        false,
    );
    let home = TempDir::new("nvim-home");
    let result = home.path().join("result.txt");
    let mut child = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "--noplugin"])
        .arg("-c")
        .arg(format!(
            "luafile {}",
            repo_root().join("tests/fixtures/neovim_e2e.lua").display()
        ))
        .env("AIRLOCK_BIN", env!("CARGO_BIN_EXE_airlock"))
        .env("PROJECT", std::fs::canonicalize(project.path()).unwrap())
        .env("RESULT", &result)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_DATA_HOME", home.path())
        .env("XDG_STATE_HOME", home.path())
        .env("XDG_CACHE_HOME", home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start nvim");
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait for nvim") {
            break s;
        }
        if started.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!(
                "nvim did not finish; log so far:\n{}",
                std::fs::read_to_string(&result).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let log = std::fs::read_to_string(&result).unwrap_or_default();
    assert!(
        status.success() && log.lines().last().is_some_and(|l| l.starts_with("PASS")),
        "nvim exited with {status:?}; log:\n{log}"
    );
    assert!(log.contains("diagnostic AIR101 at line 20"), "{log}");
}
