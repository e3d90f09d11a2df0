//! The corpus check: every case under `corpus/` is analysed as its own project and its inline
//! expectations (see corpus/README.md) must hold exactly — every `expect` fires on its line,
//! nothing else fires, `known-miss` lines stay unreported (and are listed), `path` lines are on
//! some finding's path.

use airlock_analyzer::analysis::{analyze, Options};
use airlock_analyzer::knowledge::Knowledge;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default)]
struct Expectations {
    /// (file, line, code) → how many findings.
    expect: BTreeMap<(String, u32, String), usize>,
    known_miss: BTreeMap<(String, u32, String), String>,
    known_fp: BTreeMap<(String, u32, String), String>,
    path: Vec<(String, u32, String)>,
}

fn case_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut out = vec![];
    let Ok(groups) = std::fs::read_dir(&root) else {
        return out;
    };
    for g in groups.flatten() {
        if !g.path().is_dir() {
            continue;
        }
        let Ok(cases) = std::fs::read_dir(g.path()) else {
            continue;
        };
        for c in cases.flatten() {
            if c.path().is_dir() {
                out.push(c.path());
            }
        }
    }
    out.sort();
    out
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn comment_of(line: &str, ext: &str) -> Option<String> {
    let marker = match ext {
        "py" | "yaml" | "yml" | "toml" => "#",
        "ts" | "tsx" | "mts" | "cts" | "js" | "jsx" | "mjs" | "cjs" | "jsonc" | "json" => "//",
        _ => return None,
    };
    // The annotation comment is the last one on the line (strings rarely contain `# expect:`).
    let idx = line
        .rfind(&format!("{marker} expect:"))
        .or_else(|| line.rfind(&format!("{marker} known-miss:")))
        .or_else(|| line.rfind(&format!("{marker} known-false-positive:")))
        .or_else(|| line.rfind(&format!("{marker} path:")))?;
    Some(line[idx + marker.len()..].trim().to_string())
}

fn parse_codes(s: &str) -> (Vec<String>, String) {
    let mut codes = vec![];
    let mut rest = String::new();
    for (i, tok) in s.split_whitespace().enumerate() {
        let t = tok.trim_end_matches(',');
        if rest.is_empty() && t.starts_with("AIR") && t.len() == 6 {
            codes.push(t.to_string());
        } else {
            rest = s.split_whitespace().skip(i).collect::<Vec<_>>().join(" ");
            break;
        }
    }
    (codes, rest)
}

/// Records one annotation of kind `kind` (`expect`, `known-miss` ...) for `codes` at a line.
fn record(
    ex: &mut Expectations,
    kind: &str,
    codes: Vec<String>,
    rel: &str,
    line: u32,
    reason: &str,
    at: &str,
) {
    for code in codes {
        let key = (rel.to_string(), line, code);
        match kind.trim() {
            "expect" => *ex.expect.entry(key).or_default() += 1,
            "known-miss" => {
                ex.known_miss.insert(key, reason.to_string());
            }
            "known-false-positive" => {
                ex.known_fp.insert(key, reason.to_string());
            }
            "path" => ex.path.push(key),
            other => panic!("{at}: unknown annotation `{other}`"),
        }
    }
}

/// The sidecar for files that cannot carry comments (strict JSON): `<case>/EXPECT`, one
/// annotation a line, `expect: AIR301 .cursor/mcp.json:7` (same kinds as inline annotations,
/// a reason may follow the location); `#` starts a comment line.
fn sidecar(dir: &Path, ex: &mut Expectations) {
    let Ok(text) = std::fs::read_to_string(dir.join("EXPECT")) else {
        return;
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("{}/EXPECT:{}", dir.display(), i + 1);
        let (kind, body) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("{at}: expected `<kind>: <codes> <file>:<line>`"));
        let (codes, rest) = parse_codes(body);
        assert!(!codes.is_empty(), "{at}: annotation names no rule code");
        let mut words = rest.splitn(2, char::is_whitespace);
        let location = words.next().unwrap_or("");
        let reason = words.next().unwrap_or("").trim();
        let (file, line_no) = location
            .rsplit_once(':')
            .and_then(|(f, l)| Some((f, l.parse::<u32>().ok()?)))
            .unwrap_or_else(|| panic!("{at}: expected `<file>:<line>` after the codes"));
        assert!(
            dir.join(file).is_file(),
            "{at}: `{file}` is not a file of the case"
        );
        record(ex, kind, codes, file, line_no, reason, &at);
    }
}

fn expectations(dir: &Path) -> Expectations {
    let mut ex = Expectations::default();
    sidecar(dir, &mut ex);
    for f in files_under(dir) {
        let ext = f
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_string();
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let rel = f
            .strip_prefix(dir)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(c) = comment_of(line, &ext) else {
                continue;
            };
            let own_line = line.trim_start().starts_with(
                if matches!(ext.as_str(), "py" | "yaml" | "yml" | "toml") {
                    "#"
                } else {
                    "//"
                },
            );
            let target = if own_line {
                // The next line that is neither blank nor a comment.
                let mut j = i + 1;
                while j < lines.len() {
                    let t = lines[j].trim_start();
                    if !t.is_empty() && !t.starts_with('#') && !t.starts_with("//") {
                        break;
                    }
                    j += 1;
                }
                j as u32 + 1
            } else {
                i as u32 + 1
            };
            let (kind, body) = c.split_once(':').unwrap_or(("", ""));
            let (codes, reason) = parse_codes(body);
            assert!(
                !codes.is_empty(),
                "{rel}:{}: annotation names no rule code",
                i + 1
            );
            let at = format!("{rel}:{}", i + 1);
            record(&mut ex, kind, codes, &rel, target, &reason, &at);
        }
    }
    ex
}

#[test]
fn corpus_expectations_hold() {
    let knowledge = Knowledge::builtin();
    let cases = case_dirs();
    assert!(
        cases.len() >= 30,
        "expected the corpus to hold at least 30 cases, found {}",
        cases.len()
    );
    let mut failures = vec![];
    let mut misses = vec![];
    let mut fps = vec![];
    let mut expected_total = 0;
    let mut codes_seen: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for dir in &cases {
        let name = dir
            .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
            .unwrap_or(dir)
            .display()
            .to_string();
        let ex = expectations(dir);
        let opts = Options {
            paths: vec![dir.clone()],
            ..Options::default()
        };
        let result = analyze(&opts, &knowledge);
        let mut got: BTreeMap<(String, u32, String), usize> = BTreeMap::new();
        for f in &result.findings {
            *got.entry((f.location.path.clone(), f.location.line, f.code.to_string()))
                .or_default() += 1;
        }
        let vulnerable = name.ends_with("-vulnerable");
        for (key, n) in &ex.expect {
            expected_total += n;
            let c = codes_seen.entry(key.2.clone()).or_default();
            c.0 += 1;
            let have = got.get(key).copied().unwrap_or(0);
            if have != *n {
                failures.push(format!(
                    "{name}/{}:{}: expected {n} × {}, got {have}",
                    key.0, key.1, key.2
                ));
            }
        }
        for (key, n) in &got {
            if ex.expect.contains_key(key) {
                continue;
            }
            if let Some(reason) = ex.known_fp.get(key) {
                fps.push(format!("{name}/{}:{}: {} ({reason})", key.0, key.1, key.2));
                continue;
            }
            let f = result
                .findings
                .iter()
                .find(|f| f.location.path == key.0 && f.location.line == key.1 && f.code == key.2);
            failures.push(format!(
                "{name}/{}:{}: unexpected {n} × {}: {}",
                key.0,
                key.1,
                key.2,
                f.map(|f| f.message.as_str()).unwrap_or("")
            ));
        }
        for (key, reason) in &ex.known_miss {
            if got.contains_key(key) {
                failures.push(format!(
                    "{name}/{}:{}: known miss {} now fires; promote it to `expect`",
                    key.0, key.1, key.2
                ));
            } else {
                codes_seen.entry(key.2.clone()).or_default().1 += 1;
                misses.push(format!("{name}/{}:{}: {} ({reason})", key.0, key.1, key.2));
            }
        }
        for (file, line, code) in &ex.path {
            let on_path = result.findings.iter().any(|f| {
                f.code == code
                    && f.path
                        .iter()
                        .any(|s| s.location.path == *file && s.location.line == *line)
            });
            if !on_path {
                failures.push(format!(
                    "{name}/{file}:{line}: no {code} finding has a path step on this line"
                ));
            }
        }
        if vulnerable && ex.expect.is_empty() && ex.known_miss.is_empty() {
            failures.push(format!("{name}: a vulnerable case carries no expectation"));
        }
        if !vulnerable && name.ends_with("-safe") && !ex.expect.is_empty() {
            // Safe variants may still expect findings of other rules; nothing to check here.
        }
    }
    eprintln!(
        "corpus: {} cases, {expected_total} expected findings",
        cases.len()
    );
    for (code, (hit, miss)) in &codes_seen {
        eprintln!("  {code}: {hit} expected, {miss} known misses");
    }
    for m in &misses {
        eprintln!("  known miss: {m}");
    }
    for f in &fps {
        eprintln!("  known false positive: {f}");
    }
    assert!(
        failures.is_empty(),
        "corpus expectations failed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_implemented_rule_has_vulnerable_and_safe_cases() {
    let cases = case_dirs();
    for r in airlock_analyzer::rules::RULES
        .iter()
        .filter(|r| r.implemented)
    {
        let prefix = r.code.to_ascii_lowercase();
        let names: Vec<String> = cases
            .iter()
            .filter_map(|c| c.file_name().map(|n| n.to_string_lossy().to_string()))
            .collect();
        let vuln = names
            .iter()
            .filter(|n| n.starts_with(&prefix) && n.ends_with("-vulnerable"))
            .count();
        let safe = names
            .iter()
            .filter(|n| n.starts_with(&prefix) && n.ends_with("-safe"))
            .count();
        assert!(
            vuln >= 2 && safe >= 2,
            "{}: {vuln} vulnerable and {safe} safe cases; need at least 2 of each",
            r.code
        );
    }
}
