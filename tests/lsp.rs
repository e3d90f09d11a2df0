//! The language server end to end over an in-memory connection: a scripted client initialises,
//! opens files of a corpus project, receives diagnostics with the path as related information,
//! hovers, applies the gate code action and sees the diagnostic go, across files; pull
//! diagnostics, position encodings, configuration reload, and bad requests.

mod support;

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::{copy_tree, repo_root, TempDir};

const WAIT: Duration = Duration::from_secs(60);

struct Client {
    conn: Connection,
    next: i32,
    /// Notifications received while waiting for something else.
    inbox: Vec<Notification>,
    /// Requests the server sent (registerCapability, diagnostic refresh).
    server_requests: Vec<Request>,
    thread: Option<std::thread::JoinHandle<Result<airlock_lsp::Exit, String>>>,
}

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

impl Client {
    fn start(root: &Path, capabilities: Value) -> Client {
        Client::start_with(root, capabilities, 20)
    }

    fn start_with(root: &Path, capabilities: Value, debounce_ms: u64) -> Client {
        Client::start_init(json!({
            "processId": null,
            "rootUri": uri(root),
            "workspaceFolders": [{ "uri": uri(root), "name": "project" }],
            "capabilities": capabilities,
            "initializationOptions": { "debounceMs": debounce_ms },
        }))
    }

    fn start_init(params: Value) -> Client {
        let (server, conn) = Connection::memory();
        let thread = std::thread::spawn(move || airlock_lsp::run(server));
        let mut c = Client {
            conn,
            next: 0,
            inbox: vec![],
            server_requests: vec![],
            thread: Some(thread),
        };
        let init = c.request("initialize", params);
        assert!(init.error.is_none(), "{init:?}");
        c.notify("initialized", json!({}));
        c
    }

    fn send(&self, m: Message) {
        self.conn.sender.send(m).expect("server alive");
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.into(),
            params,
        )));
    }

    fn request(&mut self, method: &str, params: Value) -> Response {
        self.next += 1;
        let id = RequestId::from(self.next);
        self.send(Message::Request(Request::new(
            id.clone(),
            method.into(),
            params,
        )));
        let deadline = Instant::now() + WAIT;
        loop {
            match self.recv(deadline) {
                Message::Response(r) if r.id == id => return r,
                _ => {}
            }
        }
    }

    /// The next message; server requests are answered and kept, notifications kept.
    fn recv(&mut self, deadline: Instant) -> Message {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.conn.receiver.recv_timeout(left) {
            Ok(Message::Request(r)) => {
                self.send(Message::Response(Response::new_ok(
                    r.id.clone(),
                    Value::Null,
                )));
                self.server_requests.push(r.clone());
                Message::Request(r)
            }
            Ok(Message::Notification(n)) => {
                self.inbox.push(n.clone());
                Message::Notification(n)
            }
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => panic!("no message from the server in {WAIT:?}"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed the connection"),
        }
    }

    /// Waits for a `publishDiagnostics` for `file` whose diagnostics satisfy `ok`.
    fn diagnostics(&mut self, file: &Path, ok: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let want = uri(file);
        let deadline = Instant::now() + WAIT;
        let mut last = None;
        loop {
            // Already received?
            while let Some(i) = self.inbox.iter().position(|n| {
                n.method == "textDocument/publishDiagnostics" && n.params["uri"] == want.as_str()
            }) {
                let n = self.inbox.remove(i);
                let items = n.params["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                if ok(&items) {
                    return items;
                }
                last = Some(items);
            }
            if Instant::now() > deadline {
                panic!("no matching diagnostics for {want}; last: {last:#?}");
            }
            let _ = self.recv(deadline);
        }
    }

    fn open(&self, file: &Path) {
        let text = std::fs::read_to_string(file).expect("read file");
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri(file), "languageId": "python", "version": 1, "text": text,
            }}),
        );
    }

    fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.error.is_none());
        self.notify("exit", Value::Null);
        let t = self.thread.take().expect("thread");
        assert_eq!(
            t.join().expect("server thread"),
            Ok(airlock_lsp::Exit::Clean)
        );
    }
}

fn push_caps() -> Value {
    json!({ "textDocument": { "publishDiagnostics": { "relatedInformation": true } } })
}

fn project(case: &str) -> TempDir {
    let tmp = TempDir::new("lsp");
    copy_tree(&repo_root().join(case), tmp.path(), false);
    tmp
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).expect("canonical path")
}

fn codes(items: &[Value]) -> Vec<&str> {
    items.iter().filter_map(|d| d["code"].as_str()).collect()
}

const REFUND: &str = "corpus/langgraph/air101-web-search-to-refund-vulnerable";
const DEMO: &str = "corpus/examples/expense-approval";

/// Applies LSP text edits (UTF-16 positions; the test files are ASCII) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |pos: &Value| -> usize {
        let line = pos["line"].as_u64().unwrap() as usize;
        let ch = pos["character"].as_u64().unwrap() as usize;
        text.split_inclusive('\n')
            .take(line)
            .map(str::len)
            .sum::<usize>()
            + ch
    };
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (a, b, t) in edits {
        out.replace_range(a..b, &t);
    }
    out
}

#[test]
fn diagnostics_hover_and_the_gate_fix_end_to_end() {
    let tmp = project(REFUND);
    let root = canonical(tmp.path());
    let file = root.join("agent.py");
    let mut c = Client::start(&root, push_caps());
    c.open(&file);
    let items = c.diagnostics(&file, |d| !d.is_empty());
    assert_eq!(codes(&items), ["AIR101"]);
    let d = &items[0];
    // Reported on `def issue_refund` (line 20, 0-based 19), name columns.
    assert_eq!(d["range"]["start"]["line"], 19);
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "airlock");
    assert!(d["codeDescription"]["href"]
        .as_str()
        .is_some_and(|h| h.starts_with("file://") && h.ends_with("AIR101.md")));
    let related = d["relatedInformation"]
        .as_array()
        .expect("related information");
    assert!(related.len() >= 3, "{related:#?}");
    assert!(related[0]["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("(1)") && m.contains("web_search")));

    // Hover on the tool's name: capabilities, the (missing) gate, the source.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&file) }, "position": { "line": 19, "character": 6 } }),
    );
    let md = hover
        .result
        .as_ref()
        .and_then(|r| r["contents"]["value"].as_str())
        .unwrap_or("");
    assert!(
        md.contains("tool `refund`") && md.contains("privileged"),
        "{md}"
    );
    assert!(
        md.contains("`payment`") && md.contains("gate **none**"),
        "{md}"
    );
    assert!(md.contains("`web_search`"), "{md}");
    // Hover on the agent: its tools by name and what enters it.
    let agent = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&file) }, "position": { "line": 27, "character": 10 } }),
    );
    let md = agent
        .result
        .as_ref()
        .and_then(|r| r["contents"]["value"].as_str())
        .unwrap_or("");
    assert!(
        md.contains("`refund`") && md.contains("`cancel_payment`"),
        "{md}"
    );
    assert!(md.contains("untrusted content that enters it"), "{md}");
    // Hover on blank space: nothing.
    let none = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&file) }, "position": { "line": 8, "character": 0 } }),
    );
    assert_eq!(none.result, Some(Value::Null));

    // Code actions: the gate fix and the suppression.
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri(&file) },
            "range": d["range"],
            "context": { "diagnostics": [d] },
        }),
    );
    let actions = actions.result.expect("actions");
    let actions = actions.as_array().expect("array");
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert!(
        titles
            .iter()
            .any(|t| t.contains("Require approval for `refund`")),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("Suppress AIR101")),
        "{titles:?}"
    );
    let fix = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.contains("Require approval"))
        })
        .unwrap();
    let edits = fix["edit"]["changes"][uri(&file)]
        .as_array()
        .expect("edits for the file");
    let text = std::fs::read_to_string(&file).unwrap();
    let fixed = apply(&text, edits);
    assert!(
        fixed.contains(r#"interrupt_on={"refund": True, "cancel_payment": True}"#),
        "{fixed}"
    );

    // Apply it as the editor would (an incremental change), unsaved: the finding goes.
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri(&file), "version": 2 },
            "contentChanges": [{ "range": edits[0]["range"], "text": edits[0]["newText"] }],
        }),
    );
    c.diagnostics(&file, |d| d.is_empty());
    c.shutdown();
}

#[test]
fn other_tools_reaching_the_same_place_are_related_information() {
    let tmp = project("corpus/mcp-servers/air106-js-device-url-scheme-vulnerable");
    let root = canonical(tmp.path());
    let devices = root.join("lib/devices.js");
    let server = root.join("lib/server.js");
    let mut c = Client::start(&root, push_caps());
    c.open(&devices);
    let items = c.diagnostics(&devices, |d| codes(d).contains(&"AIR106"));
    let d = items.iter().find(|d| d["code"] == "AIR106").unwrap();
    let related = d["relatedInformation"].as_array().unwrap();
    // The path's own steps, then the other tool's argument, in the server file.
    let also: Vec<&Value> = related
        .iter()
        .filter(|r| {
            r["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("also reached from: "))
        })
        .collect();
    assert_eq!(also.len(), 1, "{related:#?}");
    assert_eq!(also[0]["location"]["uri"], uri(&server).as_str());
    assert!(
        related.len() > also.len(),
        "the path's steps come first: {related:#?}"
    );
    c.shutdown();
}

#[test]
fn an_edit_in_one_file_republishes_another() {
    let tmp = project(DEMO);
    let root = canonical(tmp.path());
    let coordinator = root.join("app/agents/coordinator.py");
    let payments = root.join("app/tools/payments.py");
    let mut c = Client::start(&root, push_caps());
    c.open(&coordinator);
    // The tool's file is not open, yet its findings arrive, with the path into the coordinator.
    let items = c.diagnostics(&payments, |d| codes(d).contains(&"AIR101"));
    let d = items.iter().find(|d| d["code"] == "AIR101").unwrap();
    let related = d["relatedInformation"].as_array().unwrap();
    assert!(
        related
            .iter()
            .any(|r| r["location"]["uri"] == uri(&coordinator).as_str()),
        "{related:#?}"
    );
    let before = items.len();
    // Remove every untrusted read from the coordinator (an unsaved edit): the payment finding
    // in the other file must change.
    let text = std::fs::read_to_string(&coordinator).unwrap();
    let stripped: String = text
        .lines()
        .map(|l| {
            if l.contains("PyPDFLoader(") {
                format!("{}pass", &l[..l.len() - l.trim_start().len()])
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(stripped, text);
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri(&coordinator), "version": 2 },
            "contentChanges": [{ "text": stripped }],
        }),
    );
    let after = c.diagnostics(&payments, |d| {
        d.iter()
            .find(|x| x["code"] == "AIR101")
            .map(|x| x["message"].clone())
            != Some(items.iter().find(|x| x["code"] == "AIR101").unwrap()["message"].clone())
            || d.len() != before
    });
    assert!(
        after.iter().all(|x| !x["message"]
            .as_str()
            .unwrap_or("")
            .contains("document_parse")),
        "{after:#?}"
    );
    c.shutdown();
}

#[test]
fn pull_diagnostics_and_utf8_positions() {
    let tmp = project(REFUND);
    let root = canonical(tmp.path());
    let file = root.join("agent.py");
    let mut c = Client::start(
        &root,
        json!({
            "general": { "positionEncodings": ["utf-8", "utf-16"] },
            "textDocument": { "diagnostic": { "dynamicRegistration": false } },
            "workspace": { "diagnostic": { "refreshSupport": true } },
        }),
    );
    c.open(&file);
    // The server asks the client to pull once the analysis is done.
    let deadline = Instant::now() + WAIT;
    while !c
        .server_requests
        .iter()
        .any(|r| r.method == "workspace/diagnostic/refresh")
    {
        let _ = c.recv(deadline);
    }
    assert!(
        !c.inbox
            .iter()
            .any(|n| n.method == "textDocument/publishDiagnostics"),
        "a pull client gets no pushed diagnostics"
    );
    let r = c.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri(&file) } }),
    );
    let result = r.result.expect("report");
    assert_eq!(result["kind"], "full");
    assert_eq!(codes(result["items"].as_array().unwrap()), ["AIR101"]);
    c.shutdown();
}

/// The client capabilities of a pull client, with `refresh` under `workspace` (or nothing).
fn pull_caps(workspace: Value) -> Value {
    json!({
        "textDocument": { "diagnostic": { "dynamicRegistration": false } },
        "workspace": workspace,
    })
}

impl Client {
    fn pull(&mut self, file: &Path) -> Vec<Value> {
        let r = self.request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": uri(file) } }),
        );
        let result = r.result.expect("a diagnostic report");
        assert_eq!(result["kind"], "full");
        result["items"].as_array().cloned().unwrap_or_default()
    }

    fn refreshes(&self) -> usize {
        self.server_requests
            .iter()
            .filter(|r| r.method == "workspace/diagnostic/refresh")
            .count()
    }

    /// Waits until the server has sent more than `seen` refresh requests.
    fn await_refresh(&mut self, seen: usize) {
        let deadline = Instant::now() + WAIT;
        while self.refreshes() <= seen {
            let _ = self.recv(deadline);
        }
    }

    fn replace(&self, file: &Path, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri(file), "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }
}

/// VS Code sends LSP 3.17's `workspace.diagnostics.refreshSupport`; lsp-types (and the test
/// above) spell it `workspace.diagnostic`. Either way the server asks for a pull after each
/// analysis, on open and after every change.
#[test]
fn refresh_is_sent_for_either_capability_spelling() {
    let tmp = project(REFUND);
    let root = canonical(tmp.path());
    let file = root.join("agent.py");
    let original = std::fs::read_to_string(&file).unwrap();
    for key in ["diagnostics", "diagnostic"] {
        let mut c = Client::start(&root, pull_caps(json!({ key: { "refreshSupport": true } })));
        c.open(&file);
        c.await_refresh(0);
        assert_eq!(codes(&c.pull(&file)), ["AIR101"], "spelling `{key}`");
        let seen = c.refreshes();
        c.replace(&file, 2, "");
        c.await_refresh(seen);
        assert!(c.pull(&file).is_empty(), "spelling `{key}`");
        let seen = c.refreshes();
        c.replace(&file, 3, &original);
        c.await_refresh(seen);
        assert_eq!(codes(&c.pull(&file)), ["AIR101"], "spelling `{key}`");
        c.shutdown();
    }
}

/// A pull client that takes no refresh: a pull made while an analysis is scheduled is answered
/// when that analysis is ready, so the first pull after opening (or changing) a document already
/// carries its findings. The long debounce makes every pull here arrive before the analysis.
#[test]
fn pulls_wait_for_the_current_analysis_when_the_client_takes_no_refresh() {
    let tmp = project(REFUND);
    let root = canonical(tmp.path());
    let file = root.join("agent.py");
    let original = std::fs::read_to_string(&file).unwrap();
    let mut c = Client::start_with(&root, pull_caps(json!({})), 400);
    c.open(&file);
    assert_eq!(codes(&c.pull(&file)), ["AIR101"]);
    c.replace(&file, 2, "");
    assert!(c.pull(&file).is_empty());
    c.replace(&file, 3, &original);
    assert_eq!(codes(&c.pull(&file)), ["AIR101"]);
    assert_eq!(
        c.refreshes(),
        0,
        "no refresh to a client that did not ask for it"
    );
    assert!(
        !c.inbox
            .iter()
            .any(|n| n.method == "textDocument/publishDiagnostics"),
        "a pull client gets no pushed diagnostics"
    );
    // A pull cancelled while it waits is answered `RequestCancelled`, once.
    c.replace(&file, 4, "");
    c.next += 1;
    let id = RequestId::from(c.next);
    c.send(Message::Request(Request::new(
        id.clone(),
        "textDocument/diagnostic".into(),
        json!({ "textDocument": { "uri": uri(&file) } }),
    )));
    c.notify("$/cancelRequest", json!({ "id": c.next }));
    let deadline = Instant::now() + WAIT;
    let r = loop {
        if let Message::Response(r) = c.recv(deadline) {
            break r;
        }
    };
    assert_eq!(r.id, id);
    assert_eq!(r.error.map(|e| e.code), Some(-32800));
    // The next pull sees the emptied document, and no second answer to the cancelled one.
    assert!(c.pull(&file).is_empty());
    c.shutdown();
}

/// A client with neither pull diagnostics nor refresh gets pushed diagnostics on open and after
/// every change.
#[test]
fn a_client_without_pull_gets_pushed_diagnostics_after_every_change() {
    let tmp = project(REFUND);
    let root = canonical(tmp.path());
    let file = root.join("agent.py");
    let original = std::fs::read_to_string(&file).unwrap();
    let mut c = Client::start(&root, json!({}));
    c.open(&file);
    c.diagnostics(&file, |d| codes(d) == ["AIR101"]);
    c.replace(&file, 2, "");
    c.diagnostics(&file, |d| d.is_empty());
    c.replace(&file, 3, &original);
    c.diagnostics(&file, |d| codes(d) == ["AIR101"]);
    c.shutdown();
}

/// An open buffer gets the cap a file on disk gets (`max-file-size`): over it the document is
/// not analysed, and the editor is told, once by a message and for as long as it lasts by a
/// diagnostic on the document. Back under the cap, it is analysed again.
#[test]
fn an_open_buffer_over_the_size_cap_is_not_analysed_and_the_editor_is_told() {
    let tmp = project(REFUND);
    let root = canonical(tmp.path());
    let file = root.join("agent.py");
    let original = std::fs::read_to_string(&file).unwrap();
    assert!(original.len() < 4096);
    std::fs::write(root.join("airlock.toml"), "max-file-size = 4096\n").unwrap();
    let mut c = Client::start(&root, push_caps());
    c.open(&file);
    c.diagnostics(&file, |d| codes(d) == ["AIR101"]);
    let padded = format!("{original}{}", "# padding\n".repeat(500));
    c.replace(&file, 2, &padded);
    let items = c.diagnostics(&file, |d| codes(d).is_empty() && !d.is_empty());
    assert_eq!(items.len(), 1, "{items:#?}");
    let message = items[0]["message"].as_str().unwrap();
    assert!(
        message.contains("not analysed") && message.contains("4096 bytes"),
        "{message}"
    );
    assert_eq!(items[0]["severity"], 2);
    let shown: Vec<&Notification> = c
        .inbox
        .iter()
        .filter(|n| n.method == "window/showMessage")
        .collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(shown[0].params["message"]
        .as_str()
        .unwrap()
        .contains("agent.py is not analysed"));
    // Another edit while still too large: no second message.
    c.replace(&file, 3, &format!("{padded}# more\n"));
    c.diagnostics(&file, |d| !d.is_empty() && codes(d).is_empty());
    c.replace(&file, 4, &original);
    c.diagnostics(&file, |d| codes(d) == ["AIR101"]);
    assert_eq!(
        c.inbox
            .iter()
            .filter(|n| n.method == "window/showMessage")
            .count(),
        1
    );
    c.shutdown();
}

/// After `shutdown` every request is `InvalidRequest` and notifications are ignored; `exit`
/// ends the session cleanly. `exit` without `shutdown` ends it too, marked for exit code 1.
#[test]
fn shutdown_and_exit_follow_the_specification() {
    let tmp = project(REFUND);
    let root = canonical(tmp.path());
    let file = root.join("agent.py");
    let mut c = Client::start(&root, push_caps());
    c.open(&file);
    c.diagnostics(&file, |d| codes(d) == ["AIR101"]);
    let r = c.request("shutdown", Value::Null);
    assert!(r.error.is_none(), "{r:?}");
    let r = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&file) }, "position": { "line": 19, "character": 6 } }),
    );
    assert_eq!(r.error.map(|e| e.code), Some(-32600));
    let r = c.request("shutdown", Value::Null);
    assert_eq!(r.error.map(|e| e.code), Some(-32600));
    c.notify("exit", Value::Null);
    let t = c.thread.take().expect("thread");
    assert_eq!(
        t.join().expect("server thread"),
        Ok(airlock_lsp::Exit::Clean)
    );

    let mut c = Client::start(&root, push_caps());
    c.notify("exit", Value::Null);
    let t = c.thread.take().expect("thread");
    assert_eq!(
        t.join().expect("server thread"),
        Ok(airlock_lsp::Exit::WithoutShutdown)
    );
}

/// Issue 17: the CLI and the language server take the same project root and options for a
/// file. Here the configuration sits above a nearer marker (`sub/package.json`): both analyse
/// from the configuration's folder (the CLI names the finding `sub/agent.py`; the server, opened
/// on that file with no workspace folder, also reports `other/agent.py`), and both apply its
/// `extend-exclude` (nothing from `vendor/`).
#[test]
fn the_cli_and_the_server_agree_on_root_and_options() {
    let tmp = TempDir::new("lsp-root");
    let root = canonical(tmp.path());
    for dir in ["sub", "other", "vendor"] {
        copy_tree(&repo_root().join(REFUND), &root.join(dir), false);
    }
    std::fs::write(root.join("sub/package.json"), "{}").unwrap();
    std::fs::write(
        root.join("airlock.toml"),
        "extend-exclude = [\"vendor/\"]\n",
    )
    .unwrap();
    let file = root.join("sub/agent.py");

    let cli = support::run_airlock([
        std::ffi::OsStr::new("check"),
        file.as_os_str(),
        std::ffi::OsStr::new("--format"),
        std::ffi::OsStr::new("json"),
    ]);
    let report = cli.json();
    let paths: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["location"]["path"].as_str())
        .collect();
    assert_eq!(paths, ["sub/agent.py"], "{report:#}");

    let mut c = Client::start_init(json!({
        "processId": null,
        "rootUri": null,
        "capabilities": push_caps(),
        "initializationOptions": { "debounceMs": 20 },
    }));
    c.open(&file);
    c.diagnostics(&file, |d| codes(d) == ["AIR101"]);
    c.diagnostics(&root.join("other/agent.py"), |d| codes(d) == ["AIR101"]);
    let vendor = uri(&root.join("vendor/agent.py"));
    assert!(
        !c.inbox
            .iter()
            .any(|n| n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == vendor.as_str()
                && n.params["diagnostics"]
                    .as_array()
                    .is_some_and(|d| !d.is_empty())),
        "vendor/ is excluded"
    );
    c.shutdown();
}

#[test]
fn position_encoding_is_negotiated() {
    let tmp = project(REFUND);
    let root = canonical(tmp.path());
    for (offered, expected) in [
        (json!(["utf-8", "utf-16"]), "utf-8"),
        (json!(["utf-16"]), "utf-16"),
        (Value::Null, "utf-16"),
    ] {
        let (server, conn) = Connection::memory();
        let t = std::thread::spawn(move || airlock_lsp::run(server));
        conn.sender
            .send(Message::Request(Request::new(
                RequestId::from(1),
                "initialize".into(),
                json!({ "capabilities": { "general": { "positionEncodings": offered } }, "rootUri": uri(&root) }),
            )))
            .unwrap();
        let Ok(Message::Response(r)) = conn.receiver.recv_timeout(WAIT) else {
            panic!("no initialize response")
        };
        assert_eq!(
            r.result.unwrap()["capabilities"]["positionEncoding"],
            expected
        );
        conn.sender
            .send(Message::Notification(Notification::new(
                "exit".into(),
                Value::Null,
            )))
            .unwrap();
        drop(conn);
        let _ = t.join();
    }
}

#[test]
fn configuration_changes_are_picked_up_and_errors_shown_at_their_line() {
    let tmp = project(REFUND);
    let root = canonical(tmp.path());
    let file = root.join("agent.py");
    let config = root.join("airlock.toml");
    let mut c = Client::start(&root, push_caps());
    c.open(&file);
    c.diagnostics(&file, |d| codes(d) == ["AIR101"]);

    std::fs::write(&config, "ignore = [\"AIR101\"]\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&config), "type": 1 }] }),
    );
    c.diagnostics(&file, |d| d.is_empty());

    std::fs::write(&config, "ignore = [\"AIR101\"]\nseverity = \"urgent\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&config), "type": 2 }] }),
    );
    let errors = c.diagnostics(&config, |d| !d.is_empty());
    assert_eq!(errors[0]["range"]["start"]["line"], 1, "{errors:#?}");
    assert!(errors[0]["message"]
        .as_str()
        .unwrap()
        .contains("invalid configuration"));
    // With the configuration broken the defaults apply: the finding is back.
    c.diagnostics(&file, |d| codes(d) == ["AIR101"]);
    c.shutdown();
}

#[test]
fn bad_requests_leave_the_server_answering() {
    let tmp = project(REFUND);
    let root = canonical(tmp.path());
    let file = root.join("agent.py");
    let mut c = Client::start(&root, push_caps());
    // An unknown method.
    let r = c.request("airlock/noSuchThing", json!({}));
    assert_eq!(r.error.map(|e| e.code), Some(-32601));
    // Requests about files nobody knows.
    let ghost = root.join("nowhere/ghost.py");
    let r = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&ghost) }, "position": { "line": 3, "character": 1 } }),
    );
    assert_eq!(r.result, Some(Value::Null));
    let r = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri(&ghost) }, "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } }, "context": { "diagnostics": [] } }),
    );
    assert_eq!(r.result, Some(json!([])));
    // Malformed parameters: an error response, not a dead server.
    let r = c.request("textDocument/hover", json!({ "textDocument": 7 }));
    assert!(r.error.is_some());
    // Notifications with garbage and changes to unopened files are ignored.
    c.notify("textDocument/didChange", json!({ "nonsense": true }));
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(&ghost), "version": 2 }, "contentChanges": [{ "text": "x" }] }),
    );
    // A file deleted while open keeps being analysed from its buffer.
    c.open(&file);
    c.diagnostics(&file, |d| codes(d) == ["AIR101"]);
    std::fs::remove_file(&file).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&file), "type": 3 }] }),
    );
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(&file), "version": 2 }, "contentChanges": [{ "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } }, "text": "# deleted on disk\n" }] }),
    );
    let items = c.diagnostics(&file, |d| {
        codes(d) == ["AIR101"] && d[0]["range"]["start"]["line"] == 20
    });
    assert_eq!(items.len(), 1);
    // Closing it: no file, no findings.
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri(&file) } }),
    );
    c.diagnostics(&file, |d| d.is_empty());
    // Cancelling a request that is not pending is harmless.
    c.notify("$/cancelRequest", json!({ "id": 999 }));
    let r = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&ghost) }, "position": { "line": 0, "character": 0 } }),
    );
    assert!(r.error.is_none());
    c.shutdown();
}

/// Every string in a JSON value, decoded.
fn strings_in(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(xs) => xs.iter().for_each(|x| strings_in(x, out)),
        Value::Object(m) => m.values().for_each(|x| strings_in(x, out)),
        _ => {}
    }
}

/// The hostile suite's checks on what the server sends an editor: no raw control or bidi
/// character, no planted secret.
fn assert_clean(what: &str, v: &Value, secrets: &[&str]) {
    let mut all = vec![];
    strings_in(v, &mut all);
    for s in &all {
        for c in s.chars() {
            let control = matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}');
            let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            assert!(!control && !bidi, "{what}: raw {c:?} in {s:?}");
        }
        for secret in secrets {
            assert!(!s.contains(secret), "{what}: `{secret}` leaked in {s:?}");
        }
    }
}

/// A hostile project in the editor: a tool named with terminal controls and a bidi override,
/// controls and secrets in the comments of every line. Diagnostics (messages and related
/// information) and hovers carry none of them raw.
#[test]
fn diagnostics_and_hovers_of_a_hostile_project_are_clean() {
    let tmp = project(REFUND);
    let root = canonical(tmp.path());
    let file = root.join("agent.py");
    let secrets = [
        "ghp_Zq8VbX2mR7tK4pL9wN3cJ6hD1sF5gA0eYuQi",
        "S3cretPassw0rd",
        "correct horse battery staple",
    ];
    let comments = [
        "  # \u{1b}[8m\u{1b}]0;pwned\u{7}\r\u{202e} ghp_Zq8VbX2mR7tK4pL9wN3cJ6hD1sF5gA0eYuQi",
        "  # mysql -uroot -pS3cretPassw0rd app",
        "  # password = \"correct horse battery staple\"",
    ];
    let text = std::fs::read_to_string(&file).unwrap();
    let hostile: String = text
        .replace(
            "@tool(\"refund\")",
            "@tool(\"refund\\x1b]0;pwned\\x07\\u202e\\x9b\")",
        )
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if l.trim().is_empty() || l.contains("\"\"\"") {
                format!("{l}\n")
            } else {
                format!("{l}{}\n", comments[i % comments.len()])
            }
        })
        .collect();
    std::fs::write(&file, hostile).unwrap();
    let mut c = Client::start(&root, push_caps());
    c.open(&file);
    let items = c.diagnostics(&file, |d| !d.is_empty());
    assert_eq!(codes(&items), ["AIR101"]);
    assert_clean("diagnostics", &Value::Array(items.clone()), &secrets);
    let line = items[0]["range"]["start"]["line"].as_u64().unwrap();
    let mut hovers = 0;
    for (l, ch) in [(line, 6), (line - 1, 3), (27, 10), (25, 2)] {
        let hover = c.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri(&file) }, "position": { "line": l, "character": ch } }),
        );
        let result = hover.result.unwrap_or(Value::Null);
        hovers += usize::from(!result.is_null());
        assert_clean(&format!("hover {l}:{ch}"), &result, &secrets);
    }
    assert!(hovers >= 2, "too few hovers to check");
    // The tool's name is shown, with its controls as visible escapes.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&file) }, "position": { "line": line, "character": 6 } }),
    );
    let md = hover
        .result
        .as_ref()
        .and_then(|r| r["contents"]["value"].as_str())
        .unwrap_or("")
        .to_string();
    assert!(md.contains("refund\\x1b]0;pwned"), "{md}");
    c.shutdown();
}
