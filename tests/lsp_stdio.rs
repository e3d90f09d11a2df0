//! `airlock lsp` as a process over stdio, fed bytes no client should send: malformed headers,
//! payloads that are not JSON, JSON that is not a JSON-RPC message, and a request whose handler
//! panics. Each gets an error response (or is skipped) and the server keeps answering.

mod support;

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;
use support::TempDir;

struct Server {
    child: Child,
    stdin: ChildStdin,
    out: Receiver<Value>,
}

impl Server {
    fn start(cache: &TempDir) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_airlock"))
            .arg("lsp")
            .env("AIRLOCK_LSP_TEST_PANIC", "1")
            .env("XDG_CACHE_HOME", cache.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start airlock lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse().expect("length");
                    }
                }
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&body).expect("the server writes JSON");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Server {
            child,
            stdin,
            out: rx,
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn send(&mut self, v: Value) {
        let body = v.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    /// The next message that is a response (notifications are skipped).
    fn response(&mut self) -> Value {
        loop {
            let v = self
                .out
                .recv_timeout(Duration::from_secs(60))
                .expect("a response from the server");
            if v.get("method").is_none() {
                return v;
            }
        }
    }
}

#[test]
fn garbage_and_panics_leave_the_server_answering() {
    let cache = TempDir::new("lsp-stdio");
    let mut s = Server::start(&cache);
    s.send(json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {} } }));
    let r = s.response();
    assert_eq!(r["id"], 1);
    assert!(r["result"]["capabilities"].is_object(), "{r}");
    s.send(json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));

    // Not JSON.
    s.raw(b"Content-Length: 9\r\n\r\n{not json");
    let r = s.response();
    assert_eq!(r["error"]["code"], -32700, "{r}");
    assert_eq!(r["id"], Value::Null);
    // JSON, but not a message: the id is echoed.
    s.send(json!({ "jsonrpc": "2.0", "id": 5, "bogus": true }));
    let r = s.response();
    assert_eq!(r["error"]["code"], -32600, "{r}");
    assert_eq!(r["id"], 5);
    // A broken header, then a bad length.
    s.raw(b"this is not a header\r\n\r\n");
    assert_eq!(s.response()["error"]["code"], -32700);
    s.raw(b"Content-Length: lots\r\n\r\n");
    assert_eq!(s.response()["error"]["code"], -32700);

    // A handler that panics: an internal error, then business as usual.
    s.send(json!({ "jsonrpc": "2.0", "id": 7, "method": "airlock/_panic", "params": {} }));
    let r = s.response();
    assert_eq!(r["id"], 7);
    assert_eq!(r["error"]["code"], -32603, "{r}");
    s.send(json!({ "jsonrpc": "2.0", "id": 8, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": "file:///nowhere/x.py" }, "position": { "line": 0, "character": 0 } } }));
    let r = s.response();
    assert_eq!(r["id"], 8);
    assert_eq!(r["result"], Value::Null, "{r}");

    // Issue 20: a malformed `Content-Length` whose body runs straight into the next frame. The
    // broken frame gets one parse error; the next frames are read and answered.
    let hover = |id: i64| {
        json!({ "jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
            "params": { "textDocument": { "uri": "file:///nowhere/x.py" }, "position": { "line": 0, "character": 0 } } })
        .to_string()
    };
    let (b10, b11, b12) = (hover(10), hover(11), hover(12));
    s.raw(
        format!(
            "Content-Length: 12x\r\n\r\n{b10}Content-Length: {}\r\n\r\n{b11}Content-Length: {}\r\n\r\n{b12}",
            b11.len(),
            b12.len()
        )
        .as_bytes(),
    );
    let r = s.response();
    assert_eq!(r["error"]["code"], -32700, "{r}");
    // Hovers run on two worker threads, so the two answers may come in either order.
    let mut ids = [s.response()["id"].clone(), s.response()["id"].clone()];
    ids.sort_by_key(|v| v.as_i64());
    assert_eq!(ids, [json!(11), json!(12)]);

    // Shutdown: then requests are invalid, and `exit` ends the process with code 0.
    s.send(json!({ "jsonrpc": "2.0", "id": 9, "method": "shutdown" }));
    assert_eq!(s.response()["id"], 9);
    s.send(json!({ "jsonrpc": "2.0", "id": 13, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": "file:///nowhere/x.py" }, "position": { "line": 0, "character": 0 } } }));
    let r = s.response();
    assert_eq!(r["id"], 13);
    assert_eq!(r["error"]["code"], -32600, "{r}");
    s.send(json!({ "jsonrpc": "2.0", "method": "exit" }));
    let status = s.child.wait().expect("wait");
    assert_eq!(status.code(), Some(0), "{status:?}");
}

/// `exit` without `shutdown`: the process ends with code 1, as the specification asks.
#[test]
fn exit_without_shutdown_exits_1() {
    let cache = TempDir::new("lsp-stdio");
    let mut s = Server::start(&cache);
    s.send(json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {} } }));
    assert_eq!(s.response()["id"], 1);
    s.send(json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
    s.send(json!({ "jsonrpc": "2.0", "method": "exit" }));
    let status = s.child.wait().expect("wait");
    assert_eq!(status.code(), Some(1), "{status:?}");
}
