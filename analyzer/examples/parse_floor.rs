//! The floor airlock's speed is measured against: the same walk, the same reads and a plain
//! tree-sitter parse of every Python, TypeScript and JavaScript file (with the grammar airlock
//! uses for each: Python, TypeScript for `.ts/.mts/.cts`, TSX for `.tsx` and JavaScript), in
//! parallel on as many threads as airlock uses.
//!
//! `cargo run --release --example parse_floor -- DIR [--read-only] [--max-file-size BYTES]`
//!
//! The file set comes from `airlock_analyzer::discover::discover` with default options (or the
//! given size cap, for a benchmark that raises airlock's `max-file-size`), so it
//! is exactly the set `airlock check DIR` analyses, and files are read with the same
//! `read_source` (BOM, binary sniff, UTF-8 check). `--read-only` stops after reading: the I/O
//! floor. The thread count is rayon's default, as in airlock: `RAYON_NUM_THREADS` or the number
//! of cores. The last line is `key=value` pairs for `bench/run.sh`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use airlock_analyzer::discover::{self, DiscoverOptions, FileKind, FoundFile};
use rayon::prelude::*;
use tree_sitter::Parser;

/// What one file contributed.
#[derive(Default, Clone, Copy)]
struct Tally {
    files: usize,
    python: usize,
    typescript: usize,
    bytes: u64,
    unreadable: usize,
    with_syntax_errors: usize,
    parse_failures: usize,
}

impl Tally {
    fn add(mut self, other: Tally) -> Tally {
        self.files += other.files;
        self.python += other.python;
        self.typescript += other.typescript;
        self.bytes += other.bytes;
        self.unreadable += other.unreadable;
        self.with_syntax_errors += other.with_syntax_errors;
        self.parse_failures += other.parse_failures;
        self
    }
}

fn main() -> ExitCode {
    let mut read_only = false;
    let mut dirs = Vec::new();
    let mut options = DiscoverOptions::default();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--read-only") => read_only = true,
            Some("--max-file-size") => {
                match args
                    .next()
                    .and_then(|v| v.to_str().and_then(|v| v.parse().ok()))
                {
                    Some(bytes) => options.max_file_size = bytes,
                    None => {
                        eprintln!("error: --max-file-size needs a number of bytes");
                        return ExitCode::from(2);
                    }
                }
            }
            Some("-h" | "--help") => {
                println!("usage: parse_floor DIR... [--read-only] [--max-file-size BYTES]");
                return ExitCode::SUCCESS;
            }
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: parse_floor DIR... [--read-only] [--max-file-size BYTES]");
        return ExitCode::from(2);
    }

    let pool = match rayon::ThreadPoolBuilder::new().build() {
        Ok(pool) => pool,
        Err(err) => {
            eprintln!("error: cannot start the thread pool: {err}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let found = discover::discover(&dirs, &options);
    let walked = start.elapsed();
    let tally = pool.install(|| {
        found
            .files
            .par_iter()
            .map_init(Parsers::default, |parsers, file| {
                visit(file, (!read_only).then_some(parsers))
            })
            .reduce(Tally::default, Tally::add)
    });
    let total = start.elapsed();

    let mode = if read_only { "read-only" } else { "parse" };
    println!(
        "{mode}: {} files ({} Python, {} TypeScript/JavaScript), {:.1} MB, walk {:.3} s, \
         total {:.3} s on {} threads; {} with syntax errors, {} unreadable, {} walk notices",
        tally.files,
        tally.python,
        tally.typescript,
        tally.bytes as f64 / 1e6,
        walked.as_secs_f64(),
        total.as_secs_f64(),
        pool.current_num_threads(),
        tally.with_syntax_errors,
        tally.unreadable,
        found.notices.len(),
    );
    println!(
        "mode={mode} threads={} files={} python={} typescript={} bytes={} walk_s={:.6} \
         total_s={:.6} syntax_errors={} parse_failures={} unreadable={}",
        pool.current_num_threads(),
        tally.files,
        tally.python,
        tally.typescript,
        tally.bytes,
        walked.as_secs_f64(),
        total.as_secs_f64(),
        tally.with_syntax_errors,
        tally.parse_failures,
        tally.unreadable,
    );
    ExitCode::SUCCESS
}

/// One parser per grammar, per rayon worker, created on first use.
#[derive(Default)]
struct Parsers {
    slots: [Option<Parser>; 3],
}

impl Parsers {
    /// The parser for `kind` (as `analysis::parse_file` picks grammars), or `None` for files
    /// airlock does not parse with tree-sitter or if a grammar's ABI were refused.
    fn get(&mut self, kind: FileKind) -> Option<&mut Parser> {
        let (slot, language) = match kind {
            FileKind::Python => (0, tree_sitter_python::LANGUAGE),
            FileKind::TypeScript => (1, tree_sitter_typescript::LANGUAGE_TYPESCRIPT),
            FileKind::Tsx | FileKind::JavaScript => (2, tree_sitter_typescript::LANGUAGE_TSX),
            _ => return None,
        };
        let slot = &mut self.slots[slot];
        if slot.is_none() {
            let mut parser = Parser::new();
            parser.set_language(&language.into()).ok()?;
            *slot = Some(parser);
        }
        slot.as_mut()
    }
}

/// Reads one file as airlock does and, when parsers are given, parses it with its grammar.
fn visit(file: &FoundFile, parsers: Option<&mut Parsers>) -> Tally {
    let mut tally = Tally {
        files: 1,
        python: usize::from(file.kind == FileKind::Python),
        typescript: usize::from(matches!(
            file.kind,
            FileKind::TypeScript | FileKind::Tsx | FileKind::JavaScript
        )),
        ..Tally::default()
    };
    let text = match discover::read_source(file) {
        Ok((text, _notices)) => text,
        Err(_) => {
            tally.unreadable = 1;
            return tally;
        }
    };
    // On-disk size, so every tool in the benchmark table is credited with the same megabytes.
    tally.bytes = file.size;
    if let Some(parser) = parsers.and_then(|p| p.get(file.kind)) {
        match parser.parse(&text, None) {
            Some(tree) => tally.with_syntax_errors = usize::from(tree.root_node().has_error()),
            None => tally.parse_failures = 1,
        }
    }
    tally
}
