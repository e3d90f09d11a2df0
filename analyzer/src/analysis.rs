//! The pipeline in one place: discover → read and parse in parallel → name modules → evaluate
//! the project → extract framework facts → run rules → sorted findings and notices.
//!
//! Parsing is the only parallel stage (rayon); everything after it works on the whole project
//! and is cheap next to parsing. Output order never depends on thread scheduling: files are
//! sorted before evaluation and findings are sorted at the end.

use crate::discover::{self, DiscoverOptions, FileKind, FoundFile};
use crate::extract::body::BodyAnalyzer;
use crate::extract::interp::{Interp, ModuleInfo};
use crate::knowledge::Knowledge;
use crate::model::{FileId, Finding, LineIndex, Notice, SourceDb, SourceFile};
use crate::rules::{self, context::Ctx};
use crate::syntax::{python, tree::Budget};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Stack size of the analysis threads.
const PARSE_STACK: usize = 16 << 20;

/// What to analyse and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub discover: DiscoverOptions,
    /// Rule codes, prefixes (`AIR1`) or names to enable; empty means every implemented rule.
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// `(gitignore-style glob relative to the root, selectors)`: rules disabled in matching files.
    pub per_file_ignores: Vec<(String, Vec<String>)>,
    /// Texts that replace what is on disk, by canonical absolute path (an editor's unsaved
    /// buffers). A path under the root that is not on disk is analysed too.
    pub overlays: Arc<BTreeMap<PathBuf, String>>,
    /// Report findings located in test code (`crate::testcode`); by default they are left out
    /// and counted in one notice.
    pub include_tests: bool,
}

/// Parse results kept between runs (the language server's), keyed by absolute path and
/// validated by a hash of the text: a run re-parses only the files whose text changed. Entries
/// for files a run no longer sees are dropped at its end, so the cache never outgrows the
/// project.
#[derive(Default)]
pub struct ParseCache {
    entries: Mutex<HashMap<PathBuf, Cached>>,
}

struct Cached {
    hash: u64,
    rel_path: String,
    parsed: Parsed,
    notices: Vec<Notice>,
}

fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// The result of one run.
#[derive(Debug)]
pub struct Analysis {
    pub root: PathBuf,
    pub findings: Vec<Finding>,
    pub notices: Vec<Notice>,
    pub sources: SourceDb,
    /// Number of files analysed, per kind, for the summary.
    pub files: usize,
    /// Agents, tools and nodes with their capabilities, gates and sources.
    pub inventory: crate::inventory::Inventory,
}

#[derive(Clone)]
enum Parsed {
    Python(Arc<python::PyModule>),
    /// TypeScript, TSX or JavaScript.
    TypeScript(Arc<crate::syntax::typescript::TsModule>),
    Json(Option<Arc<crate::syntax::tree::Node>>),
    /// An MCP client configuration in YAML or TOML (JSON ones are `Json`).
    Config(Option<Arc<crate::syntax::tree::Node>>),
    /// Any other YAML file: its first document when it may be a CrewAI config (agents or
    /// tasks), and whether the parse stopped early.
    Yaml(Option<Arc<crate::syntax::tree::Node>>, bool),
}

struct Loaded {
    found: FoundFile,
    text: String,
    parsed: Parsed,
    notices: Vec<Notice>,
}

/// Runs the whole analysis. Never fails: problems with the input become notices.
///
/// Everything runs on a pool whose threads have large stacks: lowering, evaluation and body
/// walks recurse over the IR, whose depth is capped (`python::MAX_DEPTH`) at a value that times
/// a debug-build frame stays far below the stack.
pub fn analyze(opts: &Options, knowledge: &Knowledge) -> Analysis {
    analyze_cached(opts, knowledge, None)
}

/// [`analyze`], reusing and refreshing `cache` (see [`ParseCache`]).
pub fn analyze_cached(
    opts: &Options,
    knowledge: &Knowledge,
    cache: Option<&ParseCache>,
) -> Analysis {
    match pool() {
        Some(pool) => pool.install(|| analyze_on_pool(opts, knowledge, cache)),
        None => analyze_on_pool(opts, knowledge, cache),
    }
}

/// The process's analysis pool, built once (issue 19: the language server analyses on every
/// edit, and a pool per analysis spawned and joined its threads each time). Its size is
/// rayon's default (`RAYON_NUM_THREADS`, else every core), read when it is first built.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .stack_size(PARSE_STACK)
            .thread_name(|i| format!("airlock-analysis-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

fn analyze_on_pool(opts: &Options, knowledge: &Knowledge, cache: Option<&ParseCache>) -> Analysis {
    let timings = std::env::var_os("AIRLOCK_TIMINGS").is_some();
    let clock = std::time::Instant::now();
    let lap = |what: &str| {
        if timings {
            // Resident memory so far, where the platform reports it (Linux).
            let rss = std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    s.lines()
                        .find(|l| l.starts_with("VmRSS:"))
                        .map(|l| l.trim_start_matches("VmRSS:").trim().to_string())
                })
                .unwrap_or_default();
            eprintln!(
                "timing: {what} done at {:.3}s (rss {rss})",
                clock.elapsed().as_secs_f64()
            );
        }
    };
    let mut discovered = discover::discover(&opts.paths, &opts.discover);
    // Unsaved editor buffers for files not on disk yet.
    for path in opts.overlays.keys() {
        let Ok(rel) = path.strip_prefix(&discovered.root) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let Some(kind) = FileKind::from_path(path) else {
            continue;
        };
        if !path.exists() && !discovered.files.iter().any(|f| f.rel_path == rel) {
            discovered.files.push(FoundFile {
                abs_path: path.clone(),
                rel_path: rel,
                kind,
                size: 0,
            });
        }
    }
    discovered.files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    let mut notices = discovered.notices;
    let budget = Budget::default();
    let loaded: Vec<Result<Loaded, Notice>> = discovered
        .files
        .into_par_iter()
        .map(|found| load(found, &budget, &opts.overlays, cache))
        .collect();
    if let Some(cache) = cache {
        let seen: std::collections::HashSet<&PathBuf> = loaded
            .iter()
            .filter_map(|l| l.as_ref().ok().map(|l| &l.found.abs_path))
            .collect();
        if let Ok(mut entries) = cache.entries.lock() {
            entries.retain(|k, _| seen.contains(k));
        }
    }
    let mut db = SourceDb::default();
    let mut modules_src: Vec<(FileId, String, Arc<python::PyModule>)> = vec![];
    let mut json_files: Vec<(FileId, Arc<crate::syntax::tree::Node>)> = vec![];
    let mut ts_files: Vec<(FileId, Arc<crate::syntax::typescript::TsModule>)> = vec![];
    let mut config_files: Vec<(FileId, Arc<crate::syntax::tree::Node>)> = vec![];
    let mut yaml_files: BTreeMap<String, crate::extract::adapters::YamlFile> = BTreeMap::new();
    for l in loaded {
        let l = match l {
            Ok(l) => l,
            Err(n) => {
                notices.push(n);
                continue;
            }
        };
        notices.extend(l.notices);
        let id = FileId(db.files.len() as u32);
        let lines = LineIndex::new(&l.text);
        match l.parsed {
            Parsed::Python(m) => {
                for (span, msg) in &m.issues {
                    let (line, _) = lines.line_col(span.start);
                    notices.push(Notice {
                        path: l.found.rel_path.clone(),
                        line,
                        message: msg.clone(),
                    });
                }
                modules_src.push((id, l.found.rel_path.clone(), m));
            }
            Parsed::Json(Some(node)) => json_files.push((id, node)),
            Parsed::TypeScript(m) => ts_files.push((id, m)),
            Parsed::Config(Some(node)) => config_files.push((id, node)),
            Parsed::Yaml(root, broken) => {
                yaml_files.insert(
                    l.found.rel_path.clone(),
                    crate::extract::adapters::YamlFile {
                        file: id,
                        root,
                        broken,
                    },
                );
            }
            _ => {}
        }
        db.files.push(SourceFile {
            id,
            rel_path: l.found.rel_path,
            abs_path: l.found.abs_path,
            text: l.text,
            lines,
        });
    }
    let files = db.files.len();
    // MCP client configs: read them, then mask their secrets in the text every later stage sees.
    let trees: Vec<(FileId, &crate::syntax::tree::Node)> = json_files
        .iter()
        .chain(&config_files)
        .map(|(id, n)| (*id, &**n))
        .collect();
    let mcp = crate::mcp::extract(knowledge, &db, &trees, &mut notices);
    crate::mcp::redact(&mut db, &mcp);
    lap("discover, read and parse");
    let mut modules = name_modules(modules_src);
    // TypeScript and JavaScript join the same evaluation through their own front end.
    let ts_named: Vec<_> = ts_files
        .iter()
        .map(|(id, m)| (*id, db.get(*id).rel_path.clone(), m.clone()))
        .collect();
    modules.extend(crate::extract::js_lower::lower_project(&ts_named));
    let projects = module_projects(&db, &modules);
    // The secret scan reads only the text, so it runs beside the interpreter (which is one
    // thread); its masks are applied after the rules, before anything renders.
    let mut masks = crate::mcp::SourceMasks::default();
    let ev = rayon::in_place_scope(|s| {
        s.spawn(|_| masks = crate::mcp::scan_sources(&knowledge.mcp, &db));
        Interp::new(&modules)
            .with_knowledge(knowledge)
            .with_projects(projects)
            .run()
    });
    lap("evaluate");
    if timings {
        eprintln!("timing: evaluation holds {}", ev.sizes());
    }
    for f in &ev.fuel_exhausted {
        notices.push(Notice {
            path: db.get(*f).rel_path.clone(),
            line: 0,
            message: "analysis budget exhausted; results for this file may be incomplete".into(),
        });
    }
    let body = BodyAnalyzer::new(knowledge, &ev, &modules);
    // The framework adapters, in their fixed order (`extract::adapters::ADAPTERS`).
    let project = crate::extract::adapters::Project {
        k: knowledge,
        ev: &ev,
        modules: &modules,
        body: &body,
        db: &db,
        json_files: &json_files,
        ts_files: &ts_files,
        yaml_files: &yaml_files,
        mcp: &mcp,
    };
    let facts = crate::extract::adapters::run(&project, &mut notices);
    if std::env::var_os("AIRLOCK_DEBUG_FACTS").is_some() {
        eprint!("{}", crate::extract::adapters::dump(&project, &facts));
    }
    let pg = crate::extract::adapters::project_graph(&project, &facts);
    let cx = Ctx {
        k: knowledge,
        ev: &ev,
        modules: &modules,
        body: &body,
        tools: &facts.tools,
        lg: &facts.lg,
        pg: &pg,
        db: &db,
        mcp: &mcp,
        servers: &facts.servers,
        crew: &facts.crew,
        oai: &facts.oai,
        agents: &facts.agents,
        entries: &facts.entries,
    };
    lap("extract");
    let units = cx.units();
    let mut findings = rules::run(&cx, &units);
    let mut inventory = crate::inventory::build(&cx, &units);
    // Client secrets AIR311 found in code are masked like AIR301's before anything renders them.
    // Grouped by file, so each file's text is rewritten once however many secrets it holds.
    for (file, spans) in rules::air311::secret_spans(&findings) {
        crate::mcp::mask_spans(&mut db, file, &spans);
    }
    lap("rules");
    // No silent caps: every bound that cut evaluation or body analysis says where.
    let mut cuts = ev.cuts.clone();
    cuts.merge(body.take_cuts());
    notices.extend(cuts.notices(&db));
    // Masking at the source: every secret-shaped value in any file, before anything renders.
    crate::mcp::mask_sources(&mut db, masks);
    lap("masking");
    let per_file = PerFileIgnores::new(&discovered.root, &opts.per_file_ignores);
    let on = |code: &str, name: &str, path: &str| {
        enabled(code, name, &opts.select, &opts.ignore) && !per_file.ignores(code, name, path)
    };
    findings.retain(|f| on(f.code, f.name, &f.location.path));
    // Test code is analysed like the rest (its calls resolve, its imports count), but what it
    // alone holds is not reported unless asked for; the count says so.
    if !opts.include_tests {
        let before = findings.len();
        findings.retain(|f| !crate::testcode::is_test_path(&f.location.path));
        let left_out = before - findings.len();
        if left_out > 0 {
            notices.push(crate::testcode::notice(left_out));
        }
    }
    let mut findings = crate::suppress::apply(findings, &db, &on);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup_by(|a, b| a.sort_key() == b.sort_key());
    crate::inventory::settle_with_findings(&mut inventory, &findings);
    notices.sort();
    notices.dedup();
    Analysis {
        root: discovered.root,
        findings,
        notices,
        sources: db,
        files,
        inventory,
    }
}

fn load(
    found: FoundFile,
    budget: &Budget,
    overlays: &BTreeMap<PathBuf, String>,
    cache: Option<&ParseCache>,
) -> Result<Loaded, Notice> {
    let (mut text, read_notices) = match overlays.get(&found.abs_path) {
        Some(text) => (text.clone(), vec![]),
        None => discover::read_source(&found)?,
    };
    if crate::syntax::notebook::is_notebook(&found.rel_path) {
        // The code cells, each line on the notebook's line that stores it.
        text = crate::syntax::notebook::to_python(&text).map_err(|message| Notice {
            path: found.rel_path.clone(),
            line: 0,
            message,
        })?;
    }
    let Some(cache) = cache else {
        let (parsed, notices) = parse_file(&found, &text, budget);
        let notices = read_notices.into_iter().chain(notices).collect();
        return Ok(Loaded {
            found,
            text,
            parsed,
            notices,
        });
    };
    let hash = text_hash(&text);
    let hit = cache.entries.lock().ok().and_then(|entries| {
        entries
            .get(&found.abs_path)
            .filter(|c| c.hash == hash && c.rel_path == found.rel_path)
            .map(|c| (c.parsed.clone(), c.notices.clone()))
    });
    let (parsed, notices) = match hit {
        Some(hit) => hit,
        None => {
            let (parsed, notices) = parse_file(&found, &text, budget);
            if let Ok(mut entries) = cache.entries.lock() {
                entries.insert(
                    found.abs_path.clone(),
                    Cached {
                        hash,
                        rel_path: found.rel_path.clone(),
                        parsed: parsed.clone(),
                        notices: notices.clone(),
                    },
                );
            }
            (parsed, notices)
        }
    };
    Ok(Loaded {
        found,
        text,
        parsed,
        notices: read_notices.into_iter().chain(notices).collect(),
    })
}

/// Whether a JSON file is a configuration airlock reads: an MCP client config by its path,
/// `langgraph.json`, or any JSON that names MCP servers (an unknown client's config).
fn is_json_config(rel_path: &str, text: &str) -> bool {
    let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    crate::mcp::clients::recognise(rel_path).is_some()
        || name == "langgraph.json"
        || text.contains("\"mcpServers\"")
        || text.contains("\"mcp_servers\"")
        || (text.contains("\"servers\"") && text.contains("\"command\""))
}

/// Parses one file's text: the result depends on nothing but the text, kind and path.
fn parse_file(found: &FoundFile, text: &str, budget: &Budget) -> (Parsed, Vec<Notice>) {
    let mut notices = vec![];
    let parsed = match found.kind {
        FileKind::Python => Parsed::Python(Arc::new(python::parse(text))),
        FileKind::Json => {
            let (node, issues) = crate::syntax::json::parse_json(text, budget);
            let lines = LineIndex::new(text);
            // A JSON file that is no configuration airlock reads is data (fixtures, datasets,
            // JSON Lines named `.json`): its syntax is not our business, so no notice. A budget
            // cut is reported whatever the file.
            let config = is_json_config(&found.rel_path, text);
            for i in issues
                .iter()
                .filter(|i| config || !i.message.starts_with("invalid json"))
                .take(3)
            {
                notices.push(Notice {
                    path: found.rel_path.clone(),
                    line: lines.line_col(i.span.start).0,
                    message: i.message.clone(),
                });
            }
            Parsed::Json(node.map(Arc::new))
        }
        FileKind::Toml => {
            let (node, issues) = crate::syntax::toml::parse_toml(text);
            let lines = LineIndex::new(text);
            for i in issues.iter().take(3) {
                notices.push(Notice {
                    path: found.rel_path.clone(),
                    line: lines.line_col(i.span.start).0,
                    message: i.message.clone(),
                });
            }
            Parsed::Config(node.map(Arc::new))
        }
        FileKind::Yaml => {
            let (docs, issues) = crate::syntax::yaml::parse_yaml(text, budget);
            let lines = LineIndex::new(text);
            for d in &docs {
                let size = crate::syntax::tree::expanded_size(d);
                if size > budget.max_nodes as u64 {
                    notices.push(Notice {
                        path: found.rel_path.clone(),
                        line: lines.line_col(d.span.start).0,
                        message: format!(
                            "yaml aliases would expand to {} nodes (an alias bomb); aliases are kept unexpanded",
                            if size == u64::MAX { "more than 18446744073709551615".to_string() } else { size.to_string() }
                        ),
                    });
                }
            }
            for i in issues.iter().take(3) {
                notices.push(Notice {
                    path: found.rel_path.clone(),
                    line: lines.line_col(i.span.start).0,
                    message: i.message.clone(),
                });
            }
            if crate::mcp::is_config_path(&found.rel_path) {
                Parsed::Config(docs.into_iter().next().map(Arc::new))
            } else {
                // Keep the tree only where an adapter may read it (CrewAI agent or task fields).
                let root = if crate::extract::adapters::yaml_may_matter(text) {
                    docs.into_iter().next().map(Arc::new)
                } else {
                    None
                };
                Parsed::Yaml(root, !issues.is_empty())
            }
        }
        FileKind::TypeScript | FileKind::Tsx | FileKind::JavaScript => {
            use crate::syntax::typescript::{parse, Dialect};
            let dialect = if matches!(found.kind, FileKind::TypeScript) {
                Dialect::TypeScript
            } else {
                Dialect::Tsx
            };
            let m = parse(text, dialect);
            let lines = LineIndex::new(text);
            for (span, message) in &m.issues {
                notices.push(Notice {
                    path: found.rel_path.clone(),
                    line: lines.line_col(span.start).0,
                    message: message.clone(),
                });
            }
            Parsed::TypeScript(Arc::new(m))
        }
    };
    (parsed, notices)
}

/// Each module's project folder, relative to the scan root: the deepest folder at or above its
/// file (up to the scan root) holding one of [`crate::project::MARKERS`]; `""` for none.
fn module_projects(db: &SourceDb, modules: &[ModuleInfo]) -> Vec<String> {
    let mut known: HashMap<String, bool> = HashMap::new();
    modules
        .iter()
        .map(|m| {
            let f = db.get(m.file);
            let rel = std::path::Path::new(&f.rel_path);
            if rel.is_absolute() {
                return String::new();
            }
            let depth = rel.components().count();
            let Some(root) = f.abs_path.ancestors().nth(depth) else {
                return String::new();
            };
            for dir in rel.ancestors().skip(1) {
                let key = dir.to_string_lossy().replace('\\', "/");
                if key.is_empty() {
                    break;
                }
                let marked = *known.entry(key.clone()).or_insert_with(|| {
                    let d = root.join(dir);
                    crate::project::MARKERS.iter().any(|mk| d.join(mk).exists())
                });
                if marked {
                    return key;
                }
            }
            String::new()
        })
        .collect()
}

/// Gives each Python file its dotted module name. A directory is a package when it holds an
/// `__init__.py`; the module name starts at the topmost package directory, and the names from
/// each directory above it, the full path from the root first, are registered too (namespace
/// packages, `src/` layouts).
fn name_modules(files: Vec<(FileId, String, Arc<python::PyModule>)>) -> Vec<ModuleInfo> {
    let packages: BTreeSet<String> = files
        .iter()
        .filter_map(|(_, p, _)| p.strip_suffix("/__init__.py").map(String::from))
        .collect();
    let mut out = vec![];
    for (file, path, ir) in files {
        let stem = path
            .strip_suffix(".py")
            .or_else(|| path.strip_suffix(".pyi"))
            .or_else(|| path.strip_suffix(".ipynb"))
            .unwrap_or(&path);
        let is_package = stem.ends_with("/__init__") || stem == "__init__";
        let stem = stem
            .strip_suffix("/__init__")
            .or_else(|| stem.strip_suffix("__init__"))
            .unwrap_or(stem);
        let parts: Vec<&str> = stem.split('/').filter(|s| !s.is_empty()).collect();
        // The topmost directory that is a package, walking up from the file.
        let dirs = if is_package {
            parts.len()
        } else {
            parts.len().saturating_sub(1)
        };
        let mut start = dirs;
        while start > 0 {
            let dir = parts[..start].join("/");
            if packages.contains(&dir) {
                start -= 1;
            } else {
                break;
            }
        }
        // Every name from a directory above the topmost package too: a folder without an
        // `__init__.py` is a namespace package (`src/app/tools/x.py` imported as
        // `app.tools.x` when `src/app` has none). The full path comes first.
        let start = start.min(parts.len());
        let aliases: Vec<String> = (0..start).map(|i| parts[i..].join(".")).collect();
        let short = parts[start..].join(".");
        out.push(ModuleInfo {
            file,
            name: short,
            aliases,
            is_package,
            ir,
        });
    }
    out
}

/// Whether a rule passes `select`/`ignore` (codes, prefixes or names).
pub fn enabled(code: &str, name: &str, select: &[String], ignore: &[String]) -> bool {
    let hit = |sel: &String| {
        let s = sel.trim();
        s.eq_ignore_ascii_case("ALL") || code.starts_with(&s.to_ascii_uppercase()) || s == name
    };
    let selected = select.is_empty() || select.iter().any(hit);
    selected && !ignore.iter().any(hit)
}

/// `per-file-ignores`, compiled: one gitignore-style matcher per entry.
struct PerFileIgnores {
    entries: Vec<(ignore::gitignore::Gitignore, Vec<String>)>,
}

impl PerFileIgnores {
    fn new(root: &std::path::Path, entries: &[(String, Vec<String>)]) -> PerFileIgnores {
        let entries = entries
            .iter()
            .filter_map(|(glob, selectors)| {
                let mut b = ignore::gitignore::GitignoreBuilder::new(root);
                b.add_line(None, glob).ok()?;
                Some((b.build().ok()?, selectors.clone()))
            })
            .collect();
        PerFileIgnores { entries }
    }

    fn ignores(&self, code: &str, name: &str, rel_path: &str) -> bool {
        // Paths outside the root are absolute; no relative pattern can match them.
        if std::path::Path::new(rel_path).has_root() {
            return false;
        }
        self.entries.iter().any(|(m, selectors)| {
            m.matched_path_or_any_parents(rel_path, false).is_ignore()
                && enabled(code, name, selectors, &[])
                && !selectors.is_empty()
        })
    }
}
