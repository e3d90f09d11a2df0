//! The HTML report in a real browser: headless Chromium (Debian's `chromium`), driven by
//! `tests/html/check.mjs` through playwright-core, opens `airlock graph --format html` of the
//! support-desk example written to a folder far from the project (every node link must reach its
//! file), finds no console error and no network request, sees the expected nodes,
//! highlights exactly a finding's path on click, colours nodes as the legend does, clips no label
//! and zooms, at two window sizes. The screenshots land in
//! `target/artifacts/support-desk-report-{1500x900,1024x700}.png` (CI keeps them). Outside CI the
//! test is skipped when Chromium or the test's npm packages are missing; in CI (`.ci/run` installs
//! them) it fails.

mod support;

use std::process::Command;
use support::{repo_root, run_airlock, TempDir};

#[test]
fn html_report_works_in_headless_chromium() {
    let root = repo_root();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = std::path::Path::new(&chromium).exists()
        && root
            .join("tests/html/node_modules/playwright-core")
            .exists();
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium or tests/html/node_modules is missing; .ci/run installs both"
        );
        eprintln!("skipped: install Debian's chromium and run `npm ci --prefix tests/html`");
        return;
    }
    // Written to a folder far from the project: the links must still reach its files.
    let tmp = TempDir::new("html");
    let report = tmp.path().join("reports/nested/report.html");
    std::fs::create_dir_all(report.parent().unwrap()).unwrap();
    let r = run_airlock([
        "graph",
        "corpus/examples/support-desk",
        "--format",
        "html",
        "--output",
        report.to_str().unwrap(),
    ]);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let artifacts = root.join("target/artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let shot = artifacts.join("support-desk-report.png");
    for size in ["1500x900", "1024x700"] {
        let _ = std::fs::remove_file(artifacts.join(format!("support-desk-report-{size}.png")));
    }
    let out = Command::new("node")
        .arg(root.join("tests/html/check.mjs"))
        .arg(&report)
        .arg(&shot)
        .args([
            "agent billing",
            "agent mailer",
            "agent ops",
            "agent triage",
            "tool send_reply",
            "tool restart_service",
            "MCP github",
            "web_search",
            "gate hitl-middleware on refund",
        ])
        .env("CHROMIUM", &chromium)
        .env("LINKS_RESOLVE", "1")
        .output()
        .expect("run node");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{log}");
    assert!(log.contains("\"problems\":[]"), "{log}");
    for size in ["1500x900", "1024x700"] {
        let path = artifacts.join(format!("support-desk-report-{size}.png"));
        let png = std::fs::read(&path).expect("a screenshot");
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 10_000,
            "{} bytes",
            png.len()
        );
    }
}

/// Each finding of the expense example is mapped onto exactly the boxes of its path (no browser
/// needed): the AIR104 state-forgery path lights the LLM node that writes the flag and the
/// privileged node it unlocks, not a source that merely sits above in a file; the AIR105
/// misnamed breakpoint lights the graph call in its file, so no finding highlights nothing.
#[test]
fn html_report_maps_each_finding_onto_its_path() {
    let r = run_airlock([
        "graph",
        "corpus/examples/expense-approval",
        "--format",
        "html",
    ]);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let html = String::from_utf8_lossy(&r.stdout);
    let start = html.find("id=\"data\">").expect("data block") + "id=\"data\">".len();
    let end = start + html[start..].find("</script>").expect("end of data");
    let data: serde_json::Value = serde_json::from_str(&html[start..end]).expect("json");
    let findings = data["graph"]["findings"].as_array().expect("findings");
    let nodes_of = |code: &str| -> Vec<String> {
        let f = findings
            .iter()
            .find(|f| f["code"] == code)
            .unwrap_or_else(|| panic!("no {code} finding"));
        f["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_string())
            .collect()
    };
    for f in findings {
        assert!(
            !f["nodes"].as_array().unwrap().is_empty(),
            "{} highlights nothing",
            f["code"]
        );
    }
    let air104 = nodes_of("AIR104");
    assert!(air104.iter().any(|n| n.ends_with(":review")), "{air104:?}");
    assert!(
        air104.iter().any(|n| n.ends_with(":payments")),
        "{air104:?}"
    );
    assert!(!air104.iter().any(|n| n.starts_with("src:")), "{air104:?}");
    let air105 = nodes_of("AIR105");
    assert!(
        air105.iter().all(|n| n.contains("app/api.py")),
        "{air105:?}"
    );
}
