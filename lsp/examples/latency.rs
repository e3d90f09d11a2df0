//! Edit-to-diagnostics latency of the language server on a large workspace (a benchmark, not a
//! test): `cargo run --release -p airlock-lsp --example latency -- [WORKSPACE] [EDITS]`.
//!
//! Without a workspace it builds one under the system temp folder by copying every corpus
//! project until there are at least 2,000 files. One copy of the refund agent is opened; each
//! edit toggles its approval gate (an unsaved, incremental change), and the time from sending
//! the change to receiving the diagnostics that reflect it is recorded. The server runs in this
//! process over an in-memory connection with its default debounce, so the figures include it.
//! Prints the median, 95th percentile and the process's peak resident memory.

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn uri(p: &Path) -> String {
    let mut s = String::from("file://");
    for b in p.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~') {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

fn copy(from: &Path, to: &Path, files: &mut usize) {
    let Ok(entries) = std::fs::read_dir(from) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let t = to.join(e.file_name());
        if p.is_dir() {
            std::fs::create_dir_all(&t).expect("mkdir");
            copy(&p, &t, files);
        } else if std::fs::copy(&p, &t).is_ok() {
            *files += 1;
        }
    }
}

/// A workspace of at least `min_files` files made of corpus copies; returns it and the
/// agent file to edit.
fn synthesise(min_files: usize) -> (PathBuf, PathBuf) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let ws = std::env::temp_dir().join(format!("airlock-lsp-latency-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&ws);
    let mut files = 0;
    let mut round = 0;
    while files < min_files {
        let dst = ws.join(format!("copy{round:03}"));
        std::fs::create_dir_all(&dst).expect("mkdir");
        copy(&corpus, &dst, &mut files);
        round += 1;
    }
    let agent = ws.join("copy000/langgraph/air101-web-search-to-refund-vulnerable/agent.py");
    println!("workspace: {} files in {round} corpus copies", files);
    (ws, agent)
}

fn rss() -> (String, String) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let get = |k: &str| {
        status
            .lines()
            .find(|l| l.starts_with(k))
            .map(|l| l[k.len()..].trim().to_string())
            .unwrap_or_else(|| "?".into())
    };
    (get("VmRSS:"), get("VmHWM:"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (ws, agent) = match args.first() {
        Some(dir) => {
            let ws = PathBuf::from(dir);
            let agent = ws.join(args.get(2).cloned().unwrap_or_else(|| "agent.py".into()));
            (ws, agent)
        }
        None => synthesise(2000),
    };
    let edits: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(40);
    let ws = std::fs::canonicalize(&ws).expect("workspace");
    let agent = std::fs::canonicalize(&agent).expect("the agent file");
    let text = std::fs::read_to_string(&agent).expect("read the agent file");
    let gate_at = text
        .find("interrupt_on={")
        .map(|i| i + "interrupt_on={".len())
        .expect("the agent has an interrupt_on dict");
    let (line, character) = {
        let before = &text[..gate_at];
        let line = before.matches('\n').count();
        let col = before.len() - before.rfind('\n').map(|i| i + 1).unwrap_or(0);
        (line, col)
    };

    let (server, client) = Connection::memory();
    let t = std::thread::spawn(move || airlock_lsp::run(server));
    let send = |m: Message| client.sender.send(m).expect("server alive");
    send(Message::Request(Request::new(
        RequestId::from(1),
        "initialize".into(),
        json!({ "rootUri": uri(&ws), "workspaceFolders": [{ "uri": uri(&ws), "name": "ws" }], "capabilities": {} }),
    )));
    let wait_for = |pred: &dyn Fn(&Message) -> bool| -> Message {
        loop {
            let m = client
                .receiver
                .recv_timeout(Duration::from_secs(600))
                .expect("a message");
            if let Message::Request(r) = &m {
                client
                    .sender
                    .send(Message::Response(lsp_server::Response::new_ok(
                        r.id.clone(),
                        Value::Null,
                    )))
                    .ok();
            }
            if pred(&m) {
                return m;
            }
        }
    };
    wait_for(&|m| matches!(m, Message::Response(_)));
    send(Message::Notification(Notification::new(
        "initialized".into(),
        json!({}),
    )));
    let agent_uri = uri(&agent);
    let diags_for = |m: &Message, want_empty: bool| -> bool {
        match m {
            Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                n.params["uri"] == agent_uri.as_str()
                    && n.params["diagnostics"].as_array().map(Vec::is_empty) == Some(want_empty)
            }
            _ => false,
        }
    };
    let started = Instant::now();
    send(Message::Notification(Notification::new(
        "textDocument/didOpen".into(),
        json!({ "textDocument": { "uri": agent_uri, "languageId": "python", "version": 1, "text": text } }),
    )));
    wait_for(&|m| diags_for(m, false));
    println!("first diagnostics after open: {:?}", started.elapsed());
    let (now, peak) = rss();
    println!("memory after the first analysis: rss {now}, peak {peak}");

    let insert = "\"refund\": True, ";
    let mut gated = false;
    let mut times = vec![];
    for version in 2..2 + edits {
        let change = if gated {
            json!({ "range": { "start": { "line": line, "character": character }, "end": { "line": line, "character": character + insert.len() } }, "text": "" })
        } else {
            json!({ "range": { "start": { "line": line, "character": character }, "end": { "line": line, "character": character } }, "text": insert })
        };
        gated = !gated;
        let sent = Instant::now();
        send(Message::Notification(Notification::new(
            "textDocument/didChange".into(),
            json!({ "textDocument": { "uri": agent_uri, "version": version }, "contentChanges": [change] }),
        )));
        wait_for(&|m| diags_for(m, gated));
        times.push(sent.elapsed());
    }
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "edit to diagnostics over {} edits (debounce {:?} included): median {:?}, p95 {:?}, min {:?}, max {:?}",
        times.len(),
        airlock_lsp::DEFAULT_DEBOUNCE,
        pct(0.5),
        pct(0.95),
        times[0],
        times[times.len() - 1]
    );
    let (now, peak) = rss();
    println!("memory: rss {now}, peak {peak}");
    send(Message::Request(Request::new(
        RequestId::from(2),
        "shutdown".into(),
        Value::Null,
    )));
    send(Message::Notification(Notification::new(
        "exit".into(),
        Value::Null,
    )));
    let _ = t.join();
    if args.is_empty() {
        let _ = std::fs::remove_dir_all(&ws);
    }
}
