//! The stdio transport. `lsp-server`'s own stops reading at the first malformed message and
//! trusts `Content-Length` with an allocation of that size; this one answers a payload that is
//! not JSON with a JSON-RPC "Parse error" and one that is JSON but not a message with "Invalid
//! Request", skips bodies over [`MAX_MESSAGE`] without buffering them, answers a malformed
//! header with "Parse error" and resynchronises on the next `Content-Length` header (even one
//! glued to the unread body of the broken frame, see [`FrameReader`]), and keeps reading. The
//! server behind it sees a plain `Connection`.

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
#[derive(Debug, PartialEq)]
pub enum Frame {
    Body(Vec<u8>),
    /// The frame was broken (the reason); the stream is positioned after it.
    Broken(String),
    Eof,
}

/// The longest header line kept: header lines are short, and of a longer line (garbage, or the
/// body of a frame whose length was unreadable) only the end matters, where the next frame's
/// header may start.
const MAX_LINE: usize = 8192;

/// Reads frames off a byte stream. A frame whose header is malformed is reported as
/// [`Frame::Broken`], and reading resynchronises on the next `Content-Length` header, wherever
/// it starts: at the start of a line, or after the unread body of the broken frame on the same
/// line (a body has no newline of its own). Memory is bounded by [`MAX_LINE`] per header line
/// and [`MAX_MESSAGE`] per body.
pub struct FrameReader<R> {
    input: R,
    /// A line read while finishing the previous frame that starts the next one.
    carry: Option<Vec<u8>>,
    /// The last frame was broken: bytes before the next header are its unread body.
    after_broken: bool,
}

impl<R: BufRead> FrameReader<R> {
    pub fn new(input: R) -> Self {
        FrameReader {
            input,
            carry: None,
            after_broken: false,
        }
    }

    /// Reads one line (through `\n` or to the end of the stream), keeping at most its last
    /// [`MAX_LINE`] bytes. `None` at the end of the stream.
    fn line(&mut self) -> io::Result<Option<Vec<u8>>> {
        if let Some(l) = self.carry.take() {
            return Ok(Some(l));
        }
        let mut line = Vec::new();
        let mut total = 0;
        loop {
            let n = self
                .input
                .by_ref()
                .take(MAX_LINE as u64)
                .read_until(b'\n', &mut line)?;
            total += n;
            if n == 0 || line.last() == Some(&b'\n') {
                return Ok((total > 0).then_some(line));
            }
            if line.len() > MAX_LINE {
                line.drain(..line.len() - MAX_LINE);
            }
        }
    }

    pub fn next_frame(&mut self) -> io::Result<Frame> {
        let frame = self.read()?;
        self.after_broken = matches!(frame, Frame::Broken(_));
        Ok(frame)
    }

    fn read(&mut self) -> io::Result<Frame> {
        let mut length: Option<usize> = None;
        let mut problem: Option<String> = None;
        let mut saw_header = false;
        loop {
            let Some(mut line) = self.line()? else {
                return Ok(if saw_header {
                    Frame::Broken("the stream ended inside a header".into())
                } else {
                    Frame::Eof
                });
            };
            if let Some(at) = content_length_at(&line) {
                let garbage = line[..at].iter().any(|b| !b.is_ascii_whitespace());
                // A `Content-Length` after another one, after a malformed line, or after other
                // bytes on its line starts a new frame: this one ends here, broken.
                if saw_header && (garbage || length.is_some() || problem.is_some()) {
                    self.carry = Some(line.split_off(at));
                    return Ok(Frame::Broken(problem.unwrap_or_else(|| {
                        "a header without the blank line that ends it".into()
                    })));
                }
                if garbage && !self.after_broken {
                    self.carry = Some(line.split_off(at));
                    return Ok(Frame::Broken(format!(
                        "unexpected bytes before a header: `{}`",
                        truncate(&String::from_utf8_lossy(&line))
                    )));
                }
                // The unread body of the broken frame before (already answered), or nothing.
                line.drain(..at);
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
                        Err(_) => {
                            problem =
                                Some(format!("bad Content-Length `{}`", truncate(value.trim())))
                        }
                    }
                }
                Some(_) => {}
                None => {
                    problem.get_or_insert_with(|| {
                        format!("malformed header line `{}`", truncate(text))
                    });
                }
            }
        }
        let Some(length) = length else {
            return Ok(Frame::Broken(
                problem.unwrap_or_else(|| "no Content-Length header".into()),
            ));
        };
        let r = &mut self.input;
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
}

/// Where, in a header line, the last `Content-Length:` starts (ASCII case-insensitive).
fn content_length_at(line: &[u8]) -> Option<usize> {
    const NAME: &[u8] = b"content-length:";
    (0..=line.len().checked_sub(NAME.len())?)
        .rev()
        .find(|&i| line[i..i + NAME.len()].eq_ignore_ascii_case(NAME))
}

/// Every frame of `input`, as the server's reader sees them: bodies, and the reason of each
/// broken frame. For tests and the framing fuzz target.
#[doc(hidden)]
pub fn split_frames(input: &[u8]) -> Vec<Result<Vec<u8>, String>> {
    let mut r = FrameReader::new(io::BufReader::new(input));
    let mut out = vec![];
    loop {
        match r.next_frame() {
            Ok(Frame::Eof) | Err(_) => return out,
            Ok(Frame::Broken(why)) => out.push(Err(why)),
            Ok(Frame::Body(b)) => out.push(Ok(b)),
        }
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

fn read_loop<R: BufRead>(input: R, to_server: Sender<Message>, raw: Sender<String>) {
    let mut input = FrameReader::new(input);
    loop {
        let frame = match input.next_frame() {
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
        split_frames(input)
            .into_iter()
            .map(|f| match f {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(w) => format!("broken: {w}"),
            })
            .collect()
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
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

    /// The issue-20 attack: after one malformed `Content-Length`, its body (no newline of its
    /// own) runs into the next frame's header. That header is still found, so every later frame
    /// is read, and the broken one is answered once.
    #[test]
    fn a_bad_length_costs_one_frame_not_the_stream() {
        let body = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let input = format!(
            "Content-Length: 4x\r\n\r\n{body}{}{}{}",
            frame(r#"{"id":2}"#),
            frame(r#"{"id":3}"#),
            frame("null"),
        );
        assert_eq!(
            frames(input.as_bytes()),
            [
                "broken: bad Content-Length `4x`",
                r#"{"id":2}"#,
                r#"{"id":3}"#,
                "null"
            ]
        );
    }

    #[test]
    fn resynchronises_after_garbage_lengths_and_unterminated_headers() {
        // Too short a length: the rest of the body runs into the next header.
        let input = format!("Content-Length: 3\r\n\r\n{{\"a\":1}}{}", frame("[1]"));
        assert_eq!(
            frames(input.as_bytes()),
            [
                "{\"a",
                "broken: unexpected bytes before a header: `\":1}`",
                "[1]"
            ]
        );
        // A header block that never ends before the next frame.
        let input = format!("Content-Length: 5\r\n{}", frame("[2]"));
        assert_eq!(
            frames(input.as_bytes()),
            [
                "broken: a header without the blank line that ends it",
                "[2]"
            ]
        );
        // Garbage lines, then a header without a blank line in between.
        let input = format!("what\r\nis this\r\n{}", frame("[3]"));
        let got = frames(input.as_bytes());
        assert!(
            got[0].starts_with("broken: malformed header line `what`"),
            "{got:?}"
        );
        assert_eq!(got[1..], ["[3]"]);
        // A very long line of garbage whose end is the next header.
        let input = format!("{}{}", "x".repeat(100_000), frame("[4]"));
        let got = frames(input.as_bytes());
        assert!(got[0].starts_with("broken: unexpected bytes"), "{got:?}");
        assert_eq!(got[1..], ["[4]"]);
        // Header names in any case, and other headers first, are fine.
        let input = "content-type: x\r\nCONTENT-LENGTH: 2\r\n\r\n{}";
        assert_eq!(frames(input.as_bytes()), ["{}"]);
    }
}
