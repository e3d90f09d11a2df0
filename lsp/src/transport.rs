//! The stdio transport. `lsp-server`'s own stops reading at the first malformed message and
//! trusts `Content-Length` with an allocation of that size; this one answers a payload that is
//! not JSON with a JSON-RPC "Parse error" and one that is JSON but not a message with "Invalid
//! Request", skips bodies over [`MAX_MESSAGE`] without buffering them, resynchronises after a
//! malformed header, and keeps reading. The server behind it sees a plain `Connection`.

use crossbeam_channel::{bounded, select, unbounded, Receiver, Sender};
use lsp_server::{Connection, Message};
use serde_json::Value;
use std::io::{self, BufRead, Read, Write};
use std::thread;

/// The largest message accepted: a whole file's text rides in `didOpen`, and the analyzer skips
/// files over its own cap anyway.
pub const MAX_MESSAGE: usize = 64 << 20;

/// The reader and writer threads; join them after the server returns.
pub struct IoThreads {
    reader: thread::JoinHandle<()>,
    writer: thread::JoinHandle<io::Result<()>>,
}

impl IoThreads {
    pub fn join(self) -> io::Result<()> {
        // The reader may be blocked on stdin after `exit`; it ends with the process.
        drop(self.reader);
        match self.writer.join() {
            Ok(r) => r,
            Err(_) => Err(io::Error::other("the writer thread panicked")),
        }
    }
}

/// A connection over the process's stdin and stdout.
pub fn stdio() -> (Connection, IoThreads) {
    let (reader, writer, conn) = over(io::BufReader::new(io::stdin()), io::stdout());
    (conn, IoThreads { reader, writer })
}

type Threads = (
    thread::JoinHandle<()>,
    thread::JoinHandle<io::Result<()>>,
    Connection,
);

/// A connection over any byte streams (tests use pipes).
pub fn over<R, W>(input: R, output: W) -> Threads
where
    R: BufRead + Send + 'static,
    W: Write + Send + 'static,
{
    let (to_server, from_client) = bounded::<Message>(0);
    let (to_client, from_server) = unbounded::<Message>();
    let (raw_tx, raw_rx) = unbounded::<String>();
    let writer = thread::Builder::new()
        .name("airlock-lsp-writer".into())
        .spawn(move || write_loop(output, from_server, raw_rx))
        .expect("spawn the writer thread");
    let reader = thread::Builder::new()
        .name("airlock-lsp-reader".into())
        .spawn(move || read_loop(input, to_server, raw_tx))
        .expect("spawn the reader thread");
    (
        reader,
        writer,
        Connection {
            sender: to_client,
            receiver: from_client,
        },
    )
}

fn write_loop<W: Write>(
    mut out: W,
    messages: Receiver<Message>,
    raw: Receiver<String>,
) -> io::Result<()> {
    loop {
        let text = select! {
            recv(messages) -> m => match m {
                Ok(m) => {
                    let mut buf = Vec::new();
                    m.write(&mut buf)?;
                    out.write_all(&buf)?;
                    out.flush()?;
                    continue;
                }
                Err(_) => return Ok(()),
            },
            recv(raw) -> r => match r {
                Ok(r) => r,
                Err(_) => continue,
            },
        };
        write!(out, "Content-Length: {}\r\n\r\n{text}", text.len())?;
        out.flush()?;
    }
}

/// One framed message read off the stream.
enum Frame {
    Body(Vec<u8>),
    /// The frame was broken (the reason); the stream is positioned after it.
    Broken(String),
    Eof,
}

fn read_frame<R: BufRead>(r: &mut R) -> io::Result<Frame> {
    let mut length: Option<usize> = None;
    let mut problem: Option<String> = None;
    let mut line = Vec::new();
    let mut saw_header = false;
    loop {
        line.clear();
        // Header lines are short; a line without a newline in 8 KiB is garbage.
        let n = r.by_ref().take(8192).read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(if saw_header {
                Frame::Broken("the stream ended inside a header".into())
            } else {
                Frame::Eof
            });
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if !saw_header {
                continue;
            }
            break;
        }
        saw_header = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(l) => length = Some(l),
                    Err(_) => problem = Some(format!("bad Content-Length `{}`", value.trim())),
                }
            }
            Some(_) => {}
            None => problem = Some(format!("malformed header line `{}`", truncate(text))),
        }
    }
    let Some(length) = length else {
        return Ok(Frame::Broken(
            problem.unwrap_or_else(|| "no Content-Length header".into()),
        ));
    };
    if length > MAX_MESSAGE {
        io::copy(&mut r.by_ref().take(length as u64), &mut io::sink())?;
        return Ok(Frame::Broken(format!(
            "a message of {length} bytes exceeds the {MAX_MESSAGE}-byte limit"
        )));
    }
    let mut body = Vec::with_capacity(length.min(1 << 20));
    r.by_ref().take(length as u64).read_to_end(&mut body)?;
    if body.len() < length {
        return Ok(Frame::Broken("the stream ended inside a message".into()));
    }
    match problem {
        Some(p) => Ok(Frame::Broken(p)),
        None => Ok(Frame::Body(body)),
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(60).collect()
}

fn error_response(id: Value, code: i64, message: &str) -> String {
    serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code, "message": message },
    })
    .to_string()
}

fn read_loop<R: BufRead>(mut input: R, to_server: Sender<Message>, raw: Sender<String>) {
    loop {
        let frame = match read_frame(&mut input) {
            Ok(f) => f,
            Err(_) => return,
        };
        let body = match frame {
            Frame::Eof => return,
            Frame::Broken(why) => {
                let _ = raw.send(error_response(
                    Value::Null,
                    -32700,
                    &format!("Parse error: {why}"),
                ));
                continue;
            }
            Frame::Body(b) => b,
        };
        let value: Value = match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(e) => {
                let _ = raw.send(error_response(
                    Value::Null,
                    -32700,
                    &format!("Parse error: {e}"),
                ));
                continue;
            }
        };
        let id = value
            .get("id")
            .cloned()
            .filter(|v| v.is_number() || v.is_string())
            .unwrap_or(Value::Null);
        // A message is a request or notification (`method`) or a response (`result`/`error`);
        // `Message`'s untagged deserialisation would take `{"id": 1}` for a response.
        let shaped = value.is_object()
            && (value.get("method").is_some_and(Value::is_string)
                || value.get("result").is_some()
                || value.get("error").is_some());
        if !shaped {
            let _ = raw.send(error_response(
                id,
                -32600,
                "Invalid Request: neither a request, a notification nor a response",
            ));
            continue;
        }
        let msg: Message = match serde_json::from_value(value) {
            Ok(m) => m,
            Err(e) => {
                let _ = raw.send(error_response(id, -32600, &format!("Invalid Request: {e}")));
                continue;
            }
        };
        let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
        if to_server.send(msg).is_err() || exit {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<String> {
        let mut r = io::BufReader::new(input);
        let mut out = vec![];
        loop {
            match read_frame(&mut r).expect("in-memory read") {
                Frame::Eof => return out,
                Frame::Broken(w) => out.push(format!("broken: {w}")),
                Frame::Body(b) => out.push(String::from_utf8_lossy(&b).into_owned()),
            }
        }
    }

    #[test]
    fn framing_survives_garbage() {
        let input = b"Content-Length: 2\r\n\r\n{}\
garbage line\r\n\r\n\
Content-Length: x\r\n\r\n\
Content-Length: 99999999999\r\n\r\n\
Content-Length: 4\r\nContent-Type: application/vscode-jsonrpc\r\n\r\nnull";
        let got = frames(input);
        assert_eq!(got[0], "{}");
        assert!(got[1].starts_with("broken: malformed header"), "{got:?}");
        assert!(got[2].starts_with("broken: bad Content-Length"), "{got:?}");
        // The oversized body is skipped (here: the rest of the stream).
        assert!(got[3].starts_with("broken: a message of"), "{got:?}");
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn truncated_stream_is_reported_not_hung() {
        let got = frames(b"Content-Length: 10\r\n\r\n{\"a\"");
        assert_eq!(got, ["broken: the stream ended inside a message"]);
    }
}
