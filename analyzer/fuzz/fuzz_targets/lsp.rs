//! The language server behind its stdio framing: any bytes on stdin, after a valid
//! `initialize` naming an empty workspace folder, must never panic the server or hang it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::io::{BufReader, Cursor};
use std::sync::OnceLock;

fn init() -> &'static Vec<u8> {
    static INIT: OnceLock<Vec<u8>> = OnceLock::new();
    INIT.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("airlock-fuzz-lsp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let uri = format!("file://{}", dir.display());
        let body = format!(
            r#"{{"jsonrpc":"2.0","id":1,"method":"initialize","params":{{"capabilities":{{}},"rootUri":"{uri}","workspaceFolders":[{{"uri":"{uri}","name":"w"}}],"initializationOptions":{{"debounceMs":0}}}}}}"#
        );
        let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        out.extend_from_slice(body.as_bytes());
        out
    })
}

fuzz_target!(|data: &[u8]| {
    let mut input = init().clone();
    input.extend_from_slice(data);
    let (reader, writer, conn) =
        airlock_lsp::transport::over(BufReader::new(Cursor::new(input)), std::io::sink());
    // The stream ends: the server returns (an error is fine, a panic is not).
    let _ = airlock_lsp::run(conn);
    let _ = reader.join();
    let _ = writer.join();
});
