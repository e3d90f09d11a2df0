//! The `airlock` command line: thin wiring from arguments to `airlock_analyzer`.
//!
//! Exit codes: 0 no findings (at or above the severity threshold), 1 findings, 2 usage,
//! configuration or internal error.

mod git;

/// The process allocator. The analysis allocates and frees many small values (IR nodes,
/// interpreter values, taint sets) from two threads; glibc's allocator spent about a sixth of the
/// benchmark's CPU time in `malloc`/`free`/`consolidate` (bench/results/latest.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use airlock_analyzer::analysis::{self, Options};
use airlock_analyzer::baseline::Baseline;
use airlock_analyzer::config;
use airlock_analyzer::diagnostics::{self, Report};
use airlock_analyzer::model::Severity;
use airlock_analyzer::report;
use airlock_analyzer::rules::{self, RULES};
use clap::{Parser, Subcommand, ValueEnum};
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
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
    Rules {
        /// Output format: `json` adds each rule's standards (OWASP, MITRE ATLAS, MAESTRO).
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
    },
    /// Serve the Language Server Protocol over stdin and stdout (for editors).
    Lsp,
    /// List every agent, tool, MCP server, gate and route with capabilities and exposure.
    Inventory(ReportArgs<InventoryFormat>),
    /// Draw the agent graph with every finding's path highlighted.
    Graph(ReportArgs<GraphFormat>),
    /// Show how agents' capabilities, exposure and gates change between two git revisions.
    Diff(DiffArgs),
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
    /// GitHub Actions annotations (`::error file=...`).
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum InventoryFormat {
    Table,
    Json,
    /// A CycloneDX 1.6 BOM (JSON).
    Cyclonedx,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    Mermaid,
    Dot,
    /// One self-contained HTML file with an interactive graph.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Text,
    Json,
    /// Markdown for a pull-request comment, with a Mermaid picture.
    Markdown,
}

#[derive(clap::Args)]
struct ReportArgs<F: ValueEnum + Clone + Send + Sync + 'static> {
    /// Files or directories to analyse.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    format: Option<F>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Use this configuration file instead of searching for airlock.toml / pyproject.toml.
    #[arg(long)]
    config: Option<PathBuf>,
}

#[derive(clap::Args)]
struct DiffArgs {
    /// The revision to compare against (a branch, tag or commit).
    base: String,
    /// The revision to compare; default: the work tree as it is.
    head: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: DiffFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// The folder to compare (default: the current folder).
    #[arg(long, default_value = ".")]
    path: PathBuf,
    /// Use this configuration file instead of searching for airlock.toml / pyproject.toml.
    #[arg(long)]
    config: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum SeverityArg {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to analyse. Given files, airlock analyses their whole project
    /// (the configuration file's folder, or the nearest folder with pyproject.toml,
    /// package.json, langgraph.json or .git) and reports the findings that touch them.
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
    /// The lowest severity that fails the check (exit 1); overrides `severity` in the config.
    #[arg(long, value_enum)]
    severity: Option<SeverityArg>,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write every current finding to the `--baseline` file and exit 0.
    #[arg(long, requires = "baseline")]
    write_baseline: bool,
    /// Report only the findings this change introduces relative to a git revision.
    #[arg(long, value_name = "BASE_REF")]
    diff: Option<String>,
    /// Also report findings in test code (tests, fixtures); overrides `include-tests` in the
    /// config.
    #[arg(long)]
    include_tests: bool,
}

/// mimalloc's defaults keep memory it has freed for a while and commit whole arenas up front,
/// which nearly doubled the resident memory of a small project (58 MB to 104 MB on corpus/)
/// for no speed on the benchmark corpus. Purge freed memory at once and commit on demand.
/// The numbers are `mi_option_arena_eager_commit` and `mi_option_purge_delay` in the
/// `mimalloc.h` (v2) that libmimalloc-sys 0.1.49 builds; both crates are pinned for this.
fn tune_allocator() {
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: setting an option is a plain store in mimalloc's option table.
    unsafe {
        libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
    }
}

fn main() -> ExitCode {
    tune_allocator();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Rules {
            format: RulesFormat::Json,
        } => {
            print!("{}", rules_json());
            ExitCode::SUCCESS
        }
        Command::Rules {
            format: RulesFormat::Text,
        } => {
            let mut out = String::new();
            for r in RULES {
                let status = if r.implemented { "" } else { " (planned)" };
                out.push_str(&format!(
                    "{:<7} {:<36} {:<9} {}{}\n",
                    r.code,
                    r.name,
                    r.default_severity.as_str(),
                    r.summary,
                    status
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
        Command::Inventory(args) => finish(run_inventory(args)),
        Command::Graph(args) => finish(run_graph(args)),
        Command::Diff(args) => finish(run_diff(args)),
        Command::Lsp => match airlock_lsp::run_stdio() {
            Ok(airlock_lsp::Exit::Clean) => ExitCode::SUCCESS,
            // `exit` without `shutdown` first (LSP: exit code 1).
            Ok(airlock_lsp::Exit::WithoutShutdown) => ExitCode::from(1),
            Err(e) => {
                eprintln!("error: language server: {e}");
                ExitCode::from(2)
            }
        },
    }
}

/// `airlock rules --format json`: the catalog with each rule's standards, and the frameworks
/// with the source their identifiers were checked against.
fn rules_json() -> String {
    let standards = rules::standards::standards();
    let list: Vec<serde_json::Value> = RULES
        .iter()
        .map(|r| {
            serde_json::json!({
                "code": r.code,
                "name": r.name,
                "summary": r.summary,
                "default_severity": r.default_severity.as_str(),
                "implemented": r.implemented,
                "standards": standards.json(r.code),
            })
        })
        .collect();
    let v = serde_json::json!({
        "version": 1,
        "tool": { "name": "airlock", "version": env!("CARGO_PKG_VERSION") },
        "frameworks": standards.frameworks_json(),
        "rules": list,
    });
    diagnostics::to_pretty_json(&v)
}

/// An error that ends the run with exit code 2.
enum Fail {
    Message(String),
    Report(miette::Report),
}

fn check(args: CheckArgs) -> ExitCode {
    finish(run_check(args))
}

fn finish(result: Result<ExitCode, Fail>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(Fail::Message(m)) => {
            eprintln!("error: {m}");
            ExitCode::from(2)
        }
        Err(Fail::Report(r)) => {
            eprintln!("{r:?}");
            ExitCode::from(2)
        }
    }
}

/// What every analysing command shares: the configuration found for the paths and the options
/// and knowledge built from it.
struct Setup {
    paths: Vec<PathBuf>,
    opts: Options,
    knowledge: airlock_analyzer::knowledge::Knowledge,
    cfg: config::Config,
    /// Files were given: the whole project is analysed, findings touching them reported.
    focus: bool,
}

fn setup(
    paths: &[PathBuf],
    config_file: Option<&PathBuf>,
    select: &[String],
    ignore: &[String],
) -> Result<Setup, Fail> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    for p in &paths {
        if !p.exists() {
            return Err(Fail::Message(format!("{} does not exist", p.display())));
        }
    }
    let found = match config_file {
        Some(p) => config::load(p).map(Some),
        None => config::find(&paths[0]),
    };
    let loaded = found.map_err(|e| Fail::Report(miette::Report::new(*e)))?;
    let cfg = loaded
        .as_ref()
        .map(|l| l.config.clone())
        .unwrap_or_default();
    // The same options, knowledge and root as the language server (analyzer::project).
    let (mut opts, knowledge) = airlock_analyzer::project::options_and_knowledge(loaded.as_ref());
    for s in select.iter().chain(ignore) {
        if !rules::selector_is_known(s) {
            return Err(Fail::Message(format!(
                "`{s}` matches no rule; `airlock rules` lists them"
            )));
        }
    }
    if !select.is_empty() {
        opts.select = select.to_vec();
    }
    opts.ignore.extend(ignore.iter().cloned());

    // Files given (pre-commit passes the staged files): analyse their whole project, report
    // the findings that touch them.
    let files: Vec<PathBuf> = paths
        .iter()
        .filter(|p| !p.is_dir())
        .filter_map(|p| lexical_abs(p))
        .collect();
    let focus = !files.is_empty();
    let base = loaded.as_ref().map(|l| l.base());
    if focus {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let root = airlock_analyzer::project::root(&files, base.as_deref(), home.as_deref())
            .unwrap_or_else(|| airlock_analyzer::project::common_folder(&files));
        opts.discover.root = Some(root.clone());
        // The given files are named too, so one that cannot be read gets its notice.
        opts.paths = std::iter::once(root).chain(files.iter().cloned()).collect();
    } else {
        opts.discover.root = base;
        opts.paths = paths.clone();
    }
    Ok(Setup {
        paths,
        opts,
        knowledge,
        cfg,
        focus,
    })
}

fn run_check(args: CheckArgs) -> Result<ExitCode, Fail> {
    let Setup {
        paths,
        mut opts,
        knowledge,
        cfg,
        focus,
    } = setup(
        &args.paths,
        args.config.as_ref(),
        &args.select,
        &args.ignore,
    )?;
    opts.include_tests |= args.include_tests;
    let mut result = analysis::analyze(&opts, &knowledge);
    if focus {
        let wanted: BTreeSet<String> = paths
            .iter()
            .filter_map(|p| lexical_abs(p))
            .filter_map(|p| {
                p.strip_prefix(&result.root)
                    .ok()
                    .map(|r| r.to_string_lossy().replace('\\', "/"))
            })
            .collect();
        result.findings.retain(|f| touches(f, &wanted));
        result
            .notices
            .retain(|n| wanted.iter().any(|w| within(&n.path, w)));
    }

    if let Some(rev) = &args.diff {
        let base_findings = findings_at(rev, &opts, &knowledge, &result.root)?;
        let accepted = Baseline::from_findings(&base_findings);
        let (new, _) = accepted.filter(std::mem::take(&mut result.findings));
        result.findings = new;
    }

    if let Some(path) = &args.baseline {
        if args.write_baseline {
            let b = Baseline::from_findings(&result.findings);
            std::fs::write(path, b.to_json())
                .map_err(|e| Fail::Message(format!("cannot write {}: {e}", path.display())))?;
            eprintln!(
                "airlock: wrote {} finding{} to {}",
                b.findings.len(),
                if b.findings.len() == 1 { "" } else { "s" },
                path.display()
            );
            std::mem::forget(result);
            return Ok(ExitCode::SUCCESS);
        }
        let text = airlock_analyzer::discover::read_regular_text(
            path,
            airlock_analyzer::discover::MAX_BASELINE_SIZE,
        )
        .map_err(|e| {
            Fail::Message(format!(
                "cannot read baseline {}: {e}; create it with `--baseline {} --write-baseline`",
                path.display(),
                path.display()
            ))
        })?;
        let b = Baseline::parse(&text).map_err(|e| {
            Fail::Message(match e.line {
                Some(line) => format!("{}:{line}: invalid baseline: {}", path.display(), e.message),
                None => format!("{}: invalid baseline: {}", path.display(), e.message),
            })
        })?;
        let (kept, covered) = b.filter(std::mem::take(&mut result.findings));
        result.findings = kept;
        if covered > 0 {
            eprintln!(
                "airlock: {covered} finding{} in the baseline not shown",
                if covered == 1 { "" } else { "s" }
            );
        }
    }

    let prefix = path_prefix(&result.root);
    let version = env!("CARGO_PKG_VERSION");
    let report = Report {
        findings: &result.findings,
        notices: &result.notices,
        sources: &result.sources,
        tool_version: version,
        path_prefix: &prefix,
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
        Format::Github => diagnostics::render_github(&report),
    };
    // Notices go to stderr in every format (JSON, SARIF and GitHub also carry them).
    if !result.notices.is_empty() {
        eprint!("{}", diagnostics::render_notices(&result.notices));
    }
    match &args.output {
        Some(p) => std::fs::write(p, text.as_bytes())
            .map_err(|e| Fail::Message(format!("cannot write {}: {e}", p.display())))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .map_err(|e| Fail::Message(format!("cannot write output: {e}")))?
        }
    }
    let threshold = args
        .severity
        .map(|s| match s {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Low => Severity::Low,
            SeverityArg::Medium => Severity::Medium,
            SeverityArg::High => Severity::High,
            SeverityArg::Critical => Severity::Critical,
        })
        .or(cfg.fail_severity())
        .unwrap_or(Severity::Info);
    let failing = result.findings.iter().any(|f| f.severity >= threshold);
    // The process ends here: freeing the whole project model costs seconds on large trees.
    std::mem::forget(result);
    Ok(if failing && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_out(output: Option<&PathBuf>, text: &str) -> Result<(), Fail> {
    match output {
        Some(p) => std::fs::write(p, text.as_bytes())
            .map_err(|e| Fail::Message(format!("cannot write {}: {e}", p.display()))),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .map_err(|e| Fail::Message(format!("cannot write output: {e}")))
        }
    }
}

/// The name a report gives the analysed project: the root folder's name.
fn project_name(root: &Path) -> String {
    root.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project".into())
}

fn run_inventory(args: ReportArgs<InventoryFormat>) -> Result<ExitCode, Fail> {
    let s = setup(&args.paths, args.config.as_ref(), &[], &[])?;
    let result = analysis::analyze(&s.opts, &s.knowledge);
    let version = env!("CARGO_PKG_VERSION");
    let inv = &result.inventory;
    let text = match args.format.unwrap_or(InventoryFormat::Table) {
        InventoryFormat::Table => report::inventory::render_table(inv),
        InventoryFormat::Json => report::inventory::render_json(inv, version),
        InventoryFormat::Cyclonedx => {
            report::inventory::render_cyclonedx(inv, &project_name(&result.root), version)
        }
    };
    if !result.notices.is_empty() {
        eprint!("{}", diagnostics::render_notices(&result.notices));
    }
    write_out(args.output.as_ref(), &text)?;
    std::mem::forget(result);
    Ok(ExitCode::SUCCESS)
}

fn run_graph(args: ReportArgs<GraphFormat>) -> Result<ExitCode, Fail> {
    let s = setup(&args.paths, args.config.as_ref(), &[], &[])?;
    let result = analysis::analyze(&s.opts, &s.knowledge);
    let g = report::graph::build(&result.inventory, &result.findings);
    let text = match args.format.unwrap_or(GraphFormat::Mermaid) {
        GraphFormat::Mermaid => report::graph::render_mermaid(&g),
        GraphFormat::Dot => report::graph::render_dot(&g),
        GraphFormat::Html => {
            // Links are relative to the folder the report is written to: the output file's,
            // else the working folder (where a redirected report usually lands).
            let folder = args
                .output
                .as_ref()
                .and_then(|p| p.parent())
                .filter(|p| !p.as_os_str().is_empty())
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."));
            report::graph::render_html(
                &g,
                &project_name(&result.root),
                env!("CARGO_PKG_VERSION"),
                &report::graph::link_base(&folder, &result.root),
            )
        }
    };
    if !result.notices.is_empty() {
        eprint!("{}", diagnostics::render_notices(&result.notices));
    }
    write_out(args.output.as_ref(), &text)?;
    std::mem::forget(result);
    Ok(ExitCode::SUCCESS)
}

/// The inventory of the folder `root` (canonical) at revision `rev` of its repository.
fn inventory_at(
    rev: &str,
    opts: &Options,
    knowledge: &airlock_analyzer::knowledge::Knowledge,
    root: &Path,
) -> Result<airlock_analyzer::inventory::Inventory, Fail> {
    let top = git::toplevel(root).map_err(Fail::Message)?;
    let snap = git::snapshot(&top, rev).map_err(Fail::Message)?;
    let rel = root.strip_prefix(&top).unwrap_or(Path::new(""));
    let dir = snap.tree().join(rel);
    if !dir.exists() {
        return Ok(Default::default());
    }
    let mut o = opts.clone();
    o.paths = vec![dir.clone()];
    o.discover.root = Some(dir);
    Ok(analysis::analyze(&o, knowledge).inventory)
}

fn run_diff(args: DiffArgs) -> Result<ExitCode, Fail> {
    let s = setup(
        std::slice::from_ref(&args.path),
        args.config.as_ref(),
        &[],
        &[],
    )?;
    // Compare the same folder in both revisions: the configuration's folder, else the path.
    let root = std::fs::canonicalize(s.opts.discover.root.as_ref().unwrap_or(&args.path))
        .map_err(|e| Fail::Message(format!("cannot read {}: {e}", args.path.display())))?;
    let base = inventory_at(&args.base, &s.opts, &s.knowledge, &root)?;
    let (head, head_name) = match &args.head {
        Some(h) => (inventory_at(h, &s.opts, &s.knowledge, &root)?, h.clone()),
        None => {
            let mut o = s.opts.clone();
            o.paths = vec![root.clone()];
            o.discover.root = Some(root.clone());
            (
                analysis::analyze(&o, &s.knowledge).inventory,
                "work tree".to_string(),
            )
        }
    };
    let changes = report::diff::diff(&base, &head);
    let text = match args.format {
        DiffFormat::Text => report::diff::render_text(&changes, &args.base, &head_name),
        DiffFormat::Json => report::diff::render_json(&changes, &args.base, &head_name),
        DiffFormat::Markdown => report::diff::render_markdown(&changes, &args.base, &head_name),
    };
    write_out(args.output.as_ref(), &text)?;
    Ok(ExitCode::SUCCESS)
}

/// The findings of the same analysis run on revision `rev` of the repository holding `root`.
fn findings_at(
    rev: &str,
    opts: &Options,
    knowledge: &airlock_analyzer::knowledge::Knowledge,
    root: &Path,
) -> Result<Vec<airlock_analyzer::model::Finding>, Fail> {
    let top = git::toplevel(root).map_err(Fail::Message)?;
    let snap = git::snapshot(&top, rev).map_err(Fail::Message)?;
    let tree = snap.tree();
    // Every path moves to the same place in the snapshot; a folder the revision lacks is skipped.
    let map = |p: &Path| -> Option<PathBuf> {
        let abs = std::fs::canonicalize(p).ok()?;
        let rel = abs.strip_prefix(&top).ok()?;
        Some(tree.join(rel))
    };
    let mut base = opts.clone();
    base.paths = opts
        .paths
        .iter()
        .filter_map(|p| map(p))
        .filter(|p| p.exists())
        .collect();
    base.discover.root = Some(map(root).unwrap_or_else(|| tree.clone()));
    if base.paths.is_empty() {
        return Ok(vec![]);
    }
    let result = analysis::analyze(&base, knowledge);
    Ok(result.findings)
}

/// `p` with its folder canonicalised but its own name kept, as discovery names a given file
/// (a symlink keeps the name it was given under).
fn lexical_abs(p: &Path) -> Option<PathBuf> {
    if p.is_dir() {
        return std::fs::canonicalize(p).ok();
    }
    let name = p.file_name()?;
    let parent = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

/// Whether `path` is `wanted` or lies under it (`wanted` empty: the root itself).
fn within(path: &str, wanted: &str) -> bool {
    wanted.is_empty()
        || path == wanted
        || (path.starts_with(wanted) && path.as_bytes().get(wanted.len()) == Some(&b'/'))
}

/// Whether any location of `f` (its primary location or a step of its path or of another path
/// to the same place) lies in `wanted`.
fn touches(f: &airlock_analyzer::model::Finding, wanted: &BTreeSet<String>) -> bool {
    std::iter::once(&f.location)
        .chain(f.path.iter().map(|s| &s.location))
        .chain(f.also.iter().flatten().map(|s| &s.location))
        .any(|l| wanted.iter().any(|w| within(&l.path, w)))
}

/// The analysis root relative to the working folder, with a trailing `/`, for formats GitHub
/// reads relative to the repository root; empty when the root is the working folder or
/// outside it.
fn path_prefix(root: &Path) -> String {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok());
    match cwd.as_deref().and_then(|c| root.strip_prefix(c).ok()) {
        Some(rel) if !rel.as_os_str().is_empty() => {
            format!("{}/", rel.to_string_lossy().replace('\\', "/"))
        }
        _ => String::new(),
    }
}
