//! The floor airlock's speed is measured against: the same walk, the same reads and a plain
//! tree-sitter parse of every Python file, in parallel on as many threads as airlock uses.
//!
//! `cargo run --release --example parse_floor -- DIR [--read-only]`
//!
//! The file set comes from `airlock_analyzer::discover::discover` with default options, so it
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
    bytes: u64,
    unreadable: usize,
    with_syntax_errors: usize,
    parse_failures: usize,
}

impl Tally {
    fn add(mut self, other: Tally) -> Tally {
        self.files += other.files;
        self.python += other.python;
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
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--read-only") => read_only = true,
            Some("-h" | "--help") => {
                println!("usage: parse_floor DIR... [--read-only]");
                return ExitCode::SUCCESS;
            }
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: parse_floor DIR... [--read-only]");
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
    let found = discover::discover(&dirs, &DiscoverOptions::default());
    let walked = start.elapsed();
    let tally = pool.install(|| {
        found
            .files
            .par_iter()
            .map_init(python_parser, |parser, file| {
                visit(file, parser.as_mut().filter(|_| !read_only))
            })
            .reduce(Tally::default, Tally::add)
    });
    let total = start.elapsed();

    let mode = if read_only { "read-only" } else { "parse" };
    println!(
        "{mode}: {} files ({} Python), {:.1} MB, walk {:.3} s, total {:.3} s on {} threads; \
         {} with syntax errors, {} unreadable, {} walk notices",
        tally.files,
        tally.python,
        tally.bytes as f64 / 1e6,
        walked.as_secs_f64(),
        total.as_secs_f64(),
        pool.current_num_threads(),
        tally.with_syntax_errors,
        tally.unreadable,
        found.notices.len(),
    );
    println!(
        "mode={mode} threads={} files={} python={} bytes={} walk_s={:.6} total_s={:.6} \
         syntax_errors={} parse_failures={} unreadable={}",
        pool.current_num_threads(),
        tally.files,
        tally.python,
        tally.bytes,
        walked.as_secs_f64(),
        total.as_secs_f64(),
        tally.with_syntax_errors,
        tally.parse_failures,
        tally.unreadable,
    );
    ExitCode::SUCCESS
}

/// A parser for Python, one per rayon worker; `None` only if the grammar's ABI were refused.
fn python_parser() -> Option<Parser> {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_python::LANGUAGE.into())
        .ok()
        .map(|()| parser)
}

/// Reads one file as airlock does and, when a parser is given and the file is Python, parses it.
fn visit(file: &FoundFile, parser: Option<&mut Parser>) -> Tally {
    let mut tally = Tally {
        files: 1,
        python: usize::from(file.kind == FileKind::Python),
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
    if let (Some(parser), FileKind::Python) = (parser, file.kind) {
        match parser.parse(&text, None) {
            Some(tree) => tally.with_syntax_errors = usize::from(tree.root_node().has_error()),
            None => tally.parse_failures = 1,
        }
    }
    tally
}
