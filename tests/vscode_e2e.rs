//! The extension in a real VS Code (issue 22): code-server from npm, with the packaged .vsix
//! installed and this build's `airlock` as its server, driven in headless Chromium by
//! `tests/vscode-e2e/run.mjs`. It opens a vulnerable corpus file and asserts, as a user sees
//! them, the squiggle (within 2 s of opening), the Problems entry and the hover text; then applies
//! the quick fix and asserts the diagnostics go within 2 s, and that the fix was written.
//! Everything listens on 127.0.0.1 only and no request leaves it. Every process the run starts
//! carries a marker in its environment; the script stops them all and this test sweeps up after
//! it (also when it fails or hangs), then fails if any was left.
//!
//! Needs `tests/vscode-e2e/setup.sh` (code-server installed offline), Debian's chromium and the
//! .vsix that `vscode-extension/ci.sh` packages; `.ci/run` provides all three and sets `CI`, so
//! there a missing piece fails the test. Elsewhere it is skipped with a note.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{copy_tree, repo_root, TempDir};

const CASE: &str = "corpus/langgraph/air101-web-search-to-refund-vulnerable";

/// The newest packaged extension.
fn vsix(root: &Path) -> Option<PathBuf> {
    std::fs::read_dir(root.join("vscode-extension"))
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "vsix"))
        .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
}

/// The processes whose environment carries `marker`.
fn marked(marker: &str) -> Vec<u32> {
    let mut pids = vec![];
    let me = std::process::id();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == me {
            continue;
        }
        if let Ok(env) = std::fs::read(entry.path().join("environ")) {
            if env.split(|b| *b == 0).any(|v| v == marker.as_bytes()) {
                pids.push(pid);
            }
        }
    }
    pids
}

fn kill(pids: &[u32], signal: &str) {
    if pids.is_empty() {
        return;
    }
    let _ = Command::new("kill")
        .arg(format!("-{signal}"))
        .args(pids.iter().map(u32::to_string))
        .stderr(Stdio::null())
        .status();
}

#[test]
fn diagnostics_hover_and_quick_fix_in_real_vscode() {
    let root = repo_root();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let installed = root.join("tests/vscode-e2e/node_modules/.airlock-e2e-ready");
    let package = vsix(&root);
    let missing: Vec<&str> = [
        (!Path::new(&chromium).exists(), "chromium"),
        (
            !installed.exists(),
            "code-server (run tests/vscode-e2e/setup.sh)",
        ),
        (package.is_none(), "the .vsix (run vscode-extension/ci.sh)"),
    ]
    .into_iter()
    .filter_map(|(absent, what)| absent.then_some(what))
    .collect();
    if !missing.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "missing for the VS Code end-to-end test: {missing:?}; .ci/run installs them"
        );
        eprintln!("skipped: missing {missing:?}");
        return;
    }
    let tmp = TempDir::new("vscode");
    let project = tmp.path().join("project");
    copy_tree(&root.join(CASE), &project, false);
    let artifacts = root.join("target/artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let marker_value = tmp.path().to_string_lossy().into_owned();
    let marker = format!("AIRLOCK_E2E_RUN={marker_value}");

    let mut child = Command::new("node")
        .arg(root.join("tests/vscode-e2e/run.mjs"))
        .args(["--airlock", env!("CARGO_BIN_EXE_airlock")])
        .arg("--vsix")
        .arg(package.unwrap())
        .arg("--project")
        .arg(&project)
        .args(["--file", "agent.py", "--code", "AIR101"])
        .args([
            "--hover",
            "can reach privileged tool `refund` (payment) with no approval gate",
        ])
        .args(["--limit", "2"])
        .arg("--screenshot")
        .arg(artifacts.join("vscode-e2e.png"))
        .env("AIRLOCK_E2E_RUN", &marker_value)
        .env("CHROMIUM", &chromium)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run node");
    // The script bounds itself at 240 s; this is the backstop.
    let deadline = Instant::now() + Duration::from_secs(300);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait for node") {
            break Some(s);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let mut out = String::new();
    let mut err = String::new();
    use std::io::Read;
    let _ = child.stdout.take().map(|mut s| s.read_to_string(&mut out));
    let _ = child.stderr.take().map(|mut s| s.read_to_string(&mut err));
    // Sweep up whatever the script left, then fail if it left anything.
    let left = marked(&marker);
    kill(&left, "TERM");
    std::thread::sleep(Duration::from_millis(500));
    kill(&marked(&marker), "KILL");
    assert!(
        status.is_some(),
        "the run did not finish in 300 s\n{out}\n{err}"
    );
    assert!(
        left.is_empty(),
        "processes left running by the run: {left:?}\n{out}"
    );
    let report: serde_json::Value = out
        .lines()
        .rev()
        .find_map(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| panic!("no report from run.mjs\n{out}\n{err}"));
    eprintln!("{report}");
    assert_eq!(
        report["problems"],
        serde_json::json!([]),
        "{report:#}\n{err}"
    );
    assert!(status.unwrap().success(), "{out}\n{err}");
    for (figure, limit) in [("open_to_squiggle_s", 2.0), ("fix_to_clear_s", 2.0)] {
        let s = report[figure].as_f64().unwrap_or(f64::MAX);
        assert!(s <= limit, "{figure} = {s} s (limit {limit} s)");
    }
    assert!(
        report["problems_entry"]
            .as_str()
            .is_some_and(|p| p.contains("AIR101") && p.contains("refund")),
        "{report:#}"
    );
    assert!(
        report["hover"]
            .as_str()
            .is_some_and(|h| h.contains("no approval gate")),
        "{report:#}"
    );
    assert_eq!(report["refused_requests"], 0, "{report:#}");
    let fixed = std::fs::read_to_string(project.join("agent.py")).unwrap();
    assert!(fixed.contains("interrupt_on"), "{fixed}");
}
