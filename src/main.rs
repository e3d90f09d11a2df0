//! The `airlock` command line: thin wiring from arguments to `airlock_analyzer`.
//!
//! Exit codes: 0 no findings, 1 findings, 2 usage, configuration or internal error.

use airlock_analyzer::analysis::{self, Options};
use airlock_analyzer::config;
use airlock_analyzer::diagnostics::{self, Report};
use airlock_analyzer::rules::{self, RULES};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "airlock",
    version,
    about = "Finds paths from untrusted content to privileged actions in AI-agent code"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse files or directories (default: the current directory).
    Check(CheckArgs),
    /// List every rule.
    Rules,
    /// Show a rule's documentation.
    Rule {
        /// A rule code (`AIR101`) or name (`untrusted-input-to-privileged-tool`).
        code: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Concise,
    Json,
    Sarif,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to analyse.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Only these rules (codes, prefixes such as `AIR1`, or names); comma-separated.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Skip these rules (codes, prefixes or names); comma-separated.
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Never colour the text output.
    #[arg(long)]
    no_color: bool,
    /// Use this configuration file instead of searching for airlock.toml / pyproject.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Exit 0 even when there are findings.
    #[arg(long)]
    exit_zero: bool,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Rules => {
            let mut out = String::new();
            for r in RULES {
                let status = if r.implemented { "" } else { " (planned)" };
                out.push_str(&format!(
                    "{:<7} {:<36} {:<9} {}{}\n",
                    r.code, r.name, r.default_severity, r.summary, status
                ));
            }
            print!("{out}");
            ExitCode::SUCCESS
        }
        Command::Rule { code } => match rules::lookup(&code) {
            Some(r) => {
                print!("{}", r.docs);
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("error: unknown rule `{code}`; `airlock rules` lists them");
                ExitCode::from(2)
            }
        },
        Command::Check(args) => check(args),
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    for p in &paths {
        if !p.exists() {
            eprintln!("error: {} does not exist", p.display());
            return ExitCode::from(2);
        }
    }
    let found = match &args.config {
        Some(p) => {
            let py = p.file_name().is_some_and(|n| n == "pyproject.toml");
            config::load(p, py).map(|c| Some((p.clone(), c)))
        }
        None => config::find(&paths[0]),
    };
    let (cfg_path, cfg) = match found {
        Ok(Some((p, c))) => (Some(p), c),
        Ok(None) => (None, config::Config::default()),
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(*e));
            return ExitCode::from(2);
        }
    };
    let knowledge = match &cfg_path {
        Some(p) => match cfg.knowledge(p) {
            Ok(k) => k,
            Err(e) => {
                eprintln!("{:?}", miette::Report::new(*e));
                return ExitCode::from(2);
            }
        },
        None => airlock_analyzer::knowledge::Knowledge::builtin(),
    };
    for s in args
        .select
        .iter()
        .chain(&args.ignore)
        .chain(&cfg.select)
        .chain(&cfg.ignore)
    {
        let known = s.eq_ignore_ascii_case("ALL")
            || RULES
                .iter()
                .any(|r| r.code.starts_with(&s.to_ascii_uppercase()) || r.name == s);
        if !known {
            eprintln!("error: `{s}` matches no rule; `airlock rules` lists them");
            return ExitCode::from(2);
        }
    }
    let mut opts = Options {
        paths,
        select: if args.select.is_empty() {
            cfg.select.clone()
        } else {
            args.select.clone()
        },
        ignore: cfg.ignore.iter().chain(&args.ignore).cloned().collect(),
        ..Options::default()
    };
    if !cfg.exclude.is_empty() {
        opts.discover.exclude = cfg.exclude.clone();
    }
    opts.discover
        .exclude
        .extend(cfg.extend_exclude.iter().cloned());
    if let Some(m) = cfg.max_file_size {
        opts.discover.max_file_size = m;
    }
    let result = analysis::analyze(&opts, &knowledge);
    let version = env!("CARGO_PKG_VERSION");
    let report = Report {
        findings: &result.findings,
        notices: &result.notices,
        sources: &result.sources,
        tool_version: version,
    };
    let color = !args.no_color
        && args.output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let text = match args.format {
        Format::Text => diagnostics::render_text(&report, color),
        Format::Concise => diagnostics::render_concise(&report),
        Format::Json => diagnostics::render_json(&report),
        Format::Sarif => diagnostics::render_sarif(&report),
    };
    // Notices go to stderr in every format (JSON and SARIF also carry them in the report).
    if !result.notices.is_empty() {
        eprint!("{}", diagnostics::render_notices(&result.notices));
    }
    let written = match &args.output {
        Some(p) => std::fs::write(p, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", p.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .map_err(|e| format!("cannot write output: {e}"))
        }
    };
    if let Err(e) = written {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let clean = result.findings.is_empty();
    // The process ends here: freeing the whole project model costs seconds on large trees.
    std::mem::forget(result);
    if clean || args.exit_zero {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
