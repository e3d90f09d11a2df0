//! The language server's stdio framing on its own (`transport::split_frames`), at full speed.
//! Input: a length byte, that many bytes of garbage, then two bodies split at the next byte.
//! Whatever the bytes: no panic, no hang, no body over the message limit. And resynchronisation:
//! when the garbage holds no `Content-Length` text, the two well-framed messages after it are
//! read back exactly, as the last two frames.
#![no_main]
use airlock_lsp::transport::{split_frames, MAX_MESSAGE};
use libfuzzer_sys::fuzz_target;

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fuzz_target!(|data: &[u8]| {
    // Any bytes at all.
    for f in split_frames(data).iter().flatten() {
        assert!(f.len() <= MAX_MESSAGE);
    }
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let n = (n as usize).min(rest.len());
    let (garbage, bodies) = rest.split_at(n);
    let cut = bodies.first().map_or(0, |&b| b as usize % (bodies.len() + 1));
    let (one, two) = bodies.split_at(cut);
    let mut input = garbage.to_vec();
    input.extend(frame(one));
    input.extend(frame(two));
    let frames = split_frames(&input);
    let clean = !garbage
        .to_ascii_lowercase()
        .windows(b"content-length".len())
        .any(|w| w == b"content-length");
    if clean {
        let k = frames.len();
        assert!(k >= 2, "{frames:?}");
        assert_eq!(frames[k - 2].as_deref(), Ok(one), "{frames:?}");
        assert_eq!(frames[k - 1].as_deref(), Ok(two), "{frames:?}");
    }
});
