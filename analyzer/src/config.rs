//! Configuration: `airlock.toml`, or `[tool.airlock]` in `pyproject.toml`, found by walking up
//! from the scanned path. Besides rule selection, per-file ignores, excludes and the exit-code
//! threshold it carries the user's own knowledge entries (`[[sink]]`, `[[source]]`, `[[gate]]`,
//! `[[sanitizer]]`, `[[tool]]`, `[[model]]`, `[[sandbox]]`), in the shape of
//! `rules/knowledge/*.toml`.
//!
//! Every value that can be wrong is kept with its span (`toml::Spanned`), so a bad rule code, glob
//! or kind is reported at its line, in miette style, like a syntax error. The JSON Schema in
//! `rules/airlock.schema.json` is generated from these types ([`json_schema`]); a test keeps the
//! checked-in copy current.

use crate::knowledge::{self, Knowledge, KnowledgeFile};
use crate::model::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The `[tool.airlock]` table or the whole of `airlock.toml`.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "airlock configuration")]
pub struct Config {
    /// Rules to enable: codes (`AIR101`), prefixes (`AIR1`), names or `ALL`. Empty: every rule.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub select: Vec<Spanned<String>>,
    /// Rules to disable (codes, prefixes or names); wins over `select`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub ignore: Vec<Spanned<String>>,
    /// Rules to disable in some files: a gitignore-style glob relative to this file's folder
    /// (`"tests/**"`, `"scripts/*.py"`), mapped to rule codes, prefixes or names.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Vec<String>>")]
    pub per_file_ignores: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    /// Gitignore-style patterns, relative to this file's folder, that replace the default
    /// excludes (`node_modules/`, virtualenvs, build output ...).
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub exclude: Option<Vec<Spanned<String>>>,
    /// Patterns excluded in addition to the defaults (or to `exclude`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub extend_exclude: Vec<Spanned<String>>,
    /// The lowest severity that fails the check (exit code 1). Findings below it are still
    /// reported. Default: `info` (every finding fails).
    #[serde(default)]
    #[schemars(with = "Option<SeverityName>")]
    pub severity: Option<Spanned<SeverityName>>,
    /// Largest file analysed, in bytes; larger files are skipped with a notice.
    #[serde(default)]
    pub max_file_size: Option<u64>,
    /// Report findings in test code (test folders such as `tests/` and `__tests__/`,
    /// fixtures, `test_*.py`, `*.test.ts`). Default: false (they are analysed, left out of the
    /// report, and counted in one notice).
    #[serde(default)]
    pub include_tests: Option<bool>,
    /// Library calls that are privileged actions.
    #[serde(default)]
    #[schemars(with = "Vec<knowledge::SinkEntry>")]
    pub sink: Vec<Spanned<knowledge::SinkEntry>>,
    /// Library calls whose result is untrusted content or private data.
    #[serde(default)]
    #[schemars(with = "Vec<knowledge::SourceEntry>")]
    pub source: Vec<Spanned<knowledge::SourceEntry>>,
    /// Tool classes, toolkits and factories with known capabilities.
    #[serde(default)]
    #[schemars(with = "Vec<knowledge::ToolEntry>")]
    pub tool: Vec<Spanned<knowledge::ToolEntry>>,
    /// Calls that clean a value for some sink kinds.
    #[serde(default)]
    #[schemars(with = "Vec<knowledge::SanitizerEntry>")]
    pub sanitizer: Vec<Spanned<knowledge::SanitizerEntry>>,
    /// Calls or decorators that stop for human approval.
    #[serde(default)]
    #[schemars(with = "Vec<knowledge::GateEntry>")]
    pub gate: Vec<Spanned<knowledge::GateEntry>>,
    /// Chat-model constructors.
    #[serde(default)]
    #[schemars(with = "Vec<knowledge::ModelEntry>")]
    pub model: Vec<Spanned<knowledge::ModelEntry>>,
    /// Executors or policies that run code in a sandbox.
    #[serde(default)]
    #[schemars(with = "Vec<knowledge::SandboxEntry>")]
    pub sandbox: Vec<Spanned<knowledge::SandboxEntry>>,
    /// Credential shapes masked in every file and reported in MCP configs (AIR301), besides the
    /// built-in ones: `{ prefix = "acme_live_", kind = "Acme API key", min_len = 32 }`.
    #[serde(default)]
    #[schemars(with = "Vec<crate::mcp::knowledge::SecretShape>")]
    pub secret: Vec<Spanned<crate::mcp::knowledge::SecretShape>>,
    /// Key, flag or header names whose literal values are secrets (whole names, compared
    /// case-insensitively), besides the built-in words: `["acme_blob"]`.
    #[serde(default)]
    pub secret_keys: Vec<String>,
}

/// A severity as written in the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeverityName {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl From<SeverityName> for Severity {
    fn from(s: SeverityName) -> Severity {
        match s {
            SeverityName::Info => Severity::Info,
            SeverityName::Low => Severity::Low,
            SeverityName::Medium => Severity::Medium,
            SeverityName::High => Severity::High,
            SeverityName::Critical => Severity::Critical,
        }
    }
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ConfigError {
    #[error("cannot read {path}: {message}")]
    #[diagnostic(code(airlock::config::io))]
    Io { path: String, message: String },
    #[error("invalid configuration in {path}")]
    #[diagnostic(code(airlock::config::invalid), help("{help}"))]
    Invalid {
        path: String,
        /// The configuration file, as given (for editors, which need it absolute).
        file: PathBuf,
        #[source_code]
        src: miette::NamedSource<String>,
        #[label("{message}")]
        span: Option<miette::SourceSpan>,
        message: String,
        help: String,
    },
}

impl ConfigError {
    /// For an `Invalid` error: the file, the byte offset of the problem and the message.
    pub fn located(&self) -> Option<(&Path, Option<usize>, &str)> {
        match self {
            ConfigError::Invalid {
                file,
                span,
                message,
                ..
            } => Some((file.as_path(), span.map(|s| s.offset()), message.as_str())),
            ConfigError::Io { .. } => None,
        }
    }

    /// The 1-based line an `Invalid` error points at, for tests and editors.
    pub fn line(&self) -> Option<usize> {
        match self {
            ConfigError::Invalid {
                src: _, span: None, ..
            }
            | ConfigError::Io { .. } => None,
            ConfigError::Invalid {
                src,
                span: Some(span),
                ..
            } => {
                use miette::SourceCode;
                src.read_span(span, 0, 0).ok().map(|c| c.line() + 1)
            }
        }
    }
}

/// A loaded configuration: the file it came from and its folder, the base of every relative
/// pattern in it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub config: Config,
}

impl Loaded {
    /// The folder relative patterns are resolved against.
    pub fn base(&self) -> PathBuf {
        self.path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."))
    }
}

/// The configuration that applies to `start`, found by walking up from it.
pub fn find(start: &Path) -> Result<Option<Loaded>, Box<ConfigError>> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        let toml = d.join("airlock.toml");
        if toml.is_file() {
            return load(&toml).map(Some);
        }
        let py = d.join("pyproject.toml");
        if py.is_file() {
            let text = read(&py)?;
            if has_airlock_table(&text) {
                return parse(&py, &text, true).map(|config| Some(Loaded { path: py, config }));
            }
        }
        dir = d.parent();
    }
    Ok(None)
}

/// Whether a `pyproject.toml` has a `[tool.airlock]` table (or a sub-table of it), judged on the
/// table headers so a mention in a comment or string does not count.
fn has_airlock_table(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim();
        let l = l.trim_start_matches('[').trim_end_matches(']').trim();
        l == "tool.airlock" || l.starts_with("tool.airlock.")
    })
}

/// `path` relative to the working folder when it lies under it, as users typed it.
fn shown_path(path: &Path) -> String {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok());
    let abs = std::fs::canonicalize(path).ok();
    match (cwd, abs) {
        (Some(c), Some(a)) => match a.strip_prefix(&c) {
            Ok(rel) if !rel.as_os_str().is_empty() => rel.display().to_string(),
            _ => path.display().to_string(),
        },
        _ => path.display().to_string(),
    }
}

fn read(path: &Path) -> Result<String, Box<ConfigError>> {
    crate::discover::read_regular_text(path, crate::discover::MAX_CONFIG_SIZE).map_err(|e| {
        Box::new(ConfigError::Io {
            path: shown_path(path),
            message: e,
        })
    })
}

/// Loads `path`, an `airlock.toml` or a `pyproject.toml` (judged by its name).
pub fn load(path: &Path) -> Result<Loaded, Box<ConfigError>> {
    let text = read(path)?;
    let pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    parse(path, &text, pyproject).map(|config| Loaded { path: abs, config })
}

/// Parses and validates a configuration text. `path` is only used in messages.
pub fn parse(path: &Path, text: &str, pyproject: bool) -> Result<Config, Box<ConfigError>> {
    let shown = shown_path(path);
    let invalid = |span: Option<std::ops::Range<usize>>, message: String, help: &str| {
        Box::new(ConfigError::Invalid {
            path: shown.clone(),
            file: path.to_path_buf(),
            src: miette::NamedSource::new(shown.clone(), text.to_string()),
            span: span.map(|r| r.into()),
            message,
            help: help.to_string(),
        })
    };
    let syntax = |e: toml::de::Error| {
        invalid(
            e.span(),
            e.message().trim().to_string(),
            "the keys airlock accepts are listed in the README and in rules/airlock.schema.json",
        )
    };
    let config: Config = if pyproject {
        #[derive(Deserialize)]
        struct Py {
            tool: Option<Tool>,
        }
        #[derive(Deserialize)]
        struct Tool {
            airlock: Option<Config>,
        }
        let p: Py = toml::from_str(text).map_err(syntax)?;
        p.tool.and_then(|t| t.airlock).unwrap_or_default()
    } else {
        toml::from_str(text).map_err(syntax)?
    };
    if let Some((span, message, help)) = config.validate() {
        return Err(invalid(Some(span), message, help));
    }
    Ok(config)
}

type Problem = (std::ops::Range<usize>, String, &'static str);

impl Config {
    /// The first value that parses but means nothing: an unknown rule, a bad glob, an unknown
    /// sink or source kind, a pattern without `callee` or `method`.
    fn validate(&self) -> Option<Problem> {
        let rule = |s: &Spanned<String>| -> Option<Problem> {
            (!crate::rules::selector_is_known(s.get_ref())).then(|| {
                (
                    s.span(),
                    format!("`{}` matches no rule", s.get_ref()),
                    "use a code (AIR101), a prefix (AIR1), a rule name or ALL; `airlock rules` lists them",
                )
            })
        };
        let glob = |s: &Spanned<String>| -> Option<Problem> {
            let mut b = ignore::gitignore::GitignoreBuilder::new("/");
            b.add_line(None, s.get_ref()).err().map(|e| {
                (
                    s.span(),
                    format!("invalid pattern: {e}"),
                    "patterns use gitignore syntax, relative to the configuration file's folder",
                )
            })
        };
        for s in self.select.iter().chain(&self.ignore) {
            if let Some(p) = rule(s) {
                return Some(p);
            }
        }
        for (pattern, codes) in &self.per_file_ignores {
            if let Some(p) = glob(pattern) {
                return Some(p);
            }
            for c in codes {
                if let Some(p) = rule(c) {
                    return Some(p);
                }
            }
        }
        for s in self.exclude.iter().flatten().chain(&self.extend_exclude) {
            if let Some(p) = glob(s) {
                return Some(p);
            }
        }
        self.validate_knowledge(Knowledge::builtin_ref())
    }

    fn validate_knowledge(&self, k: &Knowledge) -> Option<Problem> {
        const KINDS: &str = "the kinds are listed in rules/knowledge/kinds.toml";
        let sink = |span: std::ops::Range<usize>, kind: &str| {
            (!k.sink_kinds.contains_key(kind))
                .then(|| (span, format!("unknown sink kind `{kind}`"), KINDS))
        };
        let source = |span: std::ops::Range<usize>, kind: &str| {
            (!k.source_kinds.contains_key(kind))
                .then(|| (span, format!("unknown source kind `{kind}`"), KINDS))
        };
        let pattern = |span: std::ops::Range<usize>, p: &knowledge::CallPattern| {
            (p.callee.is_none() && p.method.is_none()).then(|| {
                (
                    span,
                    "an entry needs `callee` or `method`".to_string(),
                    "`callee` is a dotted name (`acme.billing.refund`, `*` one segment, `**` any); `method` a method name",
                )
            })
        };
        let mut problems = vec![];
        for e in &self.sink {
            problems.push(pattern(e.span(), &e.get_ref().pattern));
            problems.push(sink(e.span(), &e.get_ref().kind));
        }
        for e in &self.source {
            problems.push(pattern(e.span(), &e.get_ref().pattern));
            problems.push(source(e.span(), &e.get_ref().kind));
        }
        for e in &self.tool {
            problems.push(pattern(e.span(), &e.get_ref().pattern));
            problems.extend(e.get_ref().sinks.iter().map(|s| sink(e.span(), s)));
            problems.extend(e.get_ref().sources.iter().map(|s| source(e.span(), s)));
        }
        for e in &self.sanitizer {
            problems.push(pattern(e.span(), &e.get_ref().pattern));
            problems.extend(e.get_ref().kinds.iter().map(|s| sink(e.span(), s)));
        }
        for e in &self.gate {
            problems.push(pattern(e.span(), &e.get_ref().pattern));
            let kind = e.get_ref().kind.as_str();
            if !knowledge::GATE_KINDS.contains(&kind) {
                problems.push(Some((
                    e.span(),
                    format!("unknown gate kind `{kind}`"),
                    "gate kinds: interrupt, approval_decorator, hitl_middleware",
                )));
            }
        }
        for e in &self.model {
            problems.push(pattern(e.span(), &e.get_ref().pattern));
        }
        for e in &self.sandbox {
            problems.push(pattern(e.span(), &e.get_ref().pattern));
        }
        for e in &self.secret {
            let shape = e.get_ref();
            if shape.prefix.len() < 3 || shape.min_len <= shape.prefix.len() {
                problems.push(Some((
                    e.span(),
                    format!("secret shape `{}` is too loose", shape.prefix),
                    "a shape needs a `prefix` of at least 3 characters and a `min_len` longer than it",
                )));
            }
        }
        problems.into_iter().flatten().next()
    }

    /// Built-in knowledge plus the user's entries (already validated by [`parse`]).
    pub fn knowledge(&self, path: &Path) -> Knowledge {
        fn inner<T: Clone>(v: &[Spanned<T>]) -> Vec<T> {
            v.iter().map(|s| s.get_ref().clone()).collect()
        }
        let mut k = Knowledge::builtin();
        let file = KnowledgeFile {
            sink: inner(&self.sink),
            source: inner(&self.source),
            tool: inner(&self.tool),
            sanitizer: inner(&self.sanitizer),
            gate: inner(&self.gate),
            model: inner(&self.model),
            sandbox: inner(&self.sandbox),
            mcp_secret: inner(&self.secret),
            mcp_vocabulary: (!self.secret_keys.is_empty()).then(|| {
                crate::mcp::knowledge::Vocabulary {
                    secret_keys: self.secret_keys.clone(),
                    ..Default::default()
                }
            }),
            ..KnowledgeFile::default()
        };
        if let Err(e) = k.add(&path.display().to_string(), file) {
            // `validate` checks everything `add` checks; keep the built-in knowledge if not.
            debug_assert!(false, "validated knowledge rejected: {e}");
        }
        k
    }

    pub fn select(&self) -> Vec<String> {
        self.select.iter().map(|s| s.get_ref().clone()).collect()
    }

    pub fn ignore(&self) -> Vec<String> {
        self.ignore.iter().map(|s| s.get_ref().clone()).collect()
    }

    pub fn exclude(&self) -> Option<Vec<String>> {
        self.exclude
            .as_ref()
            .map(|v| v.iter().map(|s| s.get_ref().clone()).collect())
    }

    pub fn extend_exclude(&self) -> Vec<String> {
        self.extend_exclude
            .iter()
            .map(|s| s.get_ref().clone())
            .collect()
    }

    /// `(glob, selectors)` pairs of `per-file-ignores`, in key order.
    pub fn per_file_ignores(&self) -> Vec<(String, Vec<String>)> {
        self.per_file_ignores
            .iter()
            .map(|(k, v)| {
                (
                    k.get_ref().clone(),
                    v.iter().map(|s| s.get_ref().clone()).collect(),
                )
            })
            .collect()
    }

    pub fn fail_severity(&self) -> Option<Severity> {
        self.severity.as_ref().map(|s| (*s.get_ref()).into())
    }
}

/// The JSON Schema of the configuration, as checked in at `rules/airlock.schema.json`: the
/// types above, with the sink, source and gate kinds of the built-in knowledge as enums so
/// editors can complete them.
pub fn json_schema() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(Config)).unwrap_or_default();
    let k = Knowledge::builtin();
    let sinks: Vec<&String> = k.sink_kinds.keys().collect();
    let sources: Vec<&String> = k.source_kinds.keys().collect();
    let set = |schema: &mut serde_json::Value, def: &str, prop: &str, kinds: &[&String]| {
        let enum_ = serde_json::json!(kinds);
        if let Some(p) = schema.pointer_mut(&format!("/$defs/{def}/properties/{prop}")) {
            if p.get("items").is_some() {
                p["items"] = serde_json::json!({ "type": "string", "enum": enum_ });
            } else {
                p["enum"] = enum_;
            }
        }
    };
    set(&mut schema, "SinkEntry", "kind", &sinks);
    set(&mut schema, "SourceEntry", "kind", &sources);
    set(&mut schema, "ToolEntry", "sinks", &sinks);
    set(&mut schema, "ToolEntry", "sources", &sources);
    set(&mut schema, "SanitizerEntry", "kinds", &sinks);
    let gates: Vec<String> = knowledge::GATE_KINDS
        .iter()
        .map(|s| s.to_string())
        .collect();
    let gate_refs: Vec<&String> = gates.iter().collect();
    set(&mut schema, "GateEntry", "kind", &gate_refs);
    crate::diagnostics::to_pretty_json(&schema)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> ConfigError {
        *parse(Path::new("airlock.toml"), text, false).unwrap_err()
    }

    fn message(e: &ConfigError) -> String {
        match e {
            ConfigError::Invalid { message, .. } => message.clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parses_selection_and_custom_sinks() {
        let c = parse(
            Path::new("airlock.toml"),
            "select = [\"AIR1\"]\nignore = [\"AIR105\"]\n[[sink]]\ncallee = \"acme.billing.refund\"\nkind = \"payment\"\n",
            false,
        )
        .expect("valid");
        assert_eq!(c.select(), vec!["AIR1"]);
        assert_eq!(c.sink.len(), 1);
        let k = c.knowledge(Path::new("airlock.toml"));
        assert!(k
            .sinks
            .iter()
            .any(|s| s.pattern.callee.as_deref() == Some("acme.billing.refund")));
    }

    #[test]
    fn secret_shapes_and_keys_extend_the_masking() {
        let c = parse(
            Path::new("airlock.toml"),
            "secret-keys = [\"acme_blob\"]\n[[secret]]\nprefix = \"acme_live_\"\nkind = \"Acme API key\"\nmin_len = 24\n",
            false,
        )
        .expect("valid");
        let k = c.knowledge(Path::new("airlock.toml"));
        let text = "# acme_live_Q8x2Lm7Rt4Wv9Yb3Nc6Pd1\nacme_blob: opaque-value-1\n";
        let masked: Vec<&str> = crate::mcp::clients::text_scan(&k.mcp, text)
            .iter()
            .map(|s| &text[s.range()])
            .collect();
        assert!(
            masked.contains(&"acme_live_Q8x2Lm7Rt4Wv9Yb3Nc6Pd1"),
            "{masked:?}"
        );
        assert!(masked.contains(&"opaque-value-1"), "{masked:?}");
        // Built-in knowledge alone masks neither.
        assert!(crate::mcp::clients::text_scan(&Knowledge::builtin().mcp, text).is_empty());
        let e = err("[[secret]]\nprefix = \"\"\nkind = \"x\"\nmin_len = 1\n");
        assert!(message(&e).contains("too loose"), "{e:?}");
    }

    #[test]
    fn unknown_keys_point_at_the_line() {
        let e = err("select = []\nselekt = 1\n");
        assert!(message(&e).contains("selekt"), "{e:?}");
        assert_eq!(e.line(), Some(2));
    }

    #[test]
    fn bad_values_point_at_their_line() {
        let cases = [
            (
                "select = [\"AIR101\",\n  \"AIR999\"]\n",
                2,
                "`AIR999` matches no rule",
            ),
            ("ignore = [\"no-such-rule\"]\n", 1, "matches no rule"),
            (
                "\n[per-file-ignores]\n\"tests/**\" = [\"AIR7\"]\n",
                3,
                "`AIR7`",
            ),
            (
                "[per-file-ignores]\n\"a/**\" = [\"AIR1\"]\n\"b/[z-a]\" = [\"AIR1\"]\n",
                3,
                "invalid pattern",
            ),
            (
                "extend-exclude = [\"ok/\",\n\"bad/[z-a]\"]\n",
                2,
                "invalid pattern",
            ),
            ("severity = \"urgent\"\n", 1, "unknown variant"),
            ("max-file-size = \"big\"\n", 1, "invalid type"),
            (
                "\n\n[[sink]]\ncallee = \"x.y\"\nkind = \"teleport\"\n",
                3,
                "unknown sink kind `teleport`",
            ),
            (
                "[[tool]]\ncallee = \"x.Y\"\nsources = [\"web_content\", \"gossip\"]\n",
                1,
                "unknown source kind `gossip`",
            ),
            (
                "[[gate]]\ncallee = \"x.y\"\nkind = \"pray\"\n",
                1,
                "unknown gate kind",
            ),
            (
                "[[sink]]\nkind = \"payment\"\n",
                1,
                "needs `callee` or `method`",
            ),
            (
                "[[sink]]\ncallee = \"x\"\nkind = \"payment\"\nshell = true\n",
                1,
                "unknown field `shell`",
            ),
        ];
        for (text, line, needle) in cases {
            let e = err(text);
            assert!(message(&e).contains(needle), "{text:?}: {e:?}");
            assert_eq!(e.line(), Some(line), "{text:?}: {e:?}");
        }
    }

    #[test]
    fn severity_and_per_file_ignores() {
        let c = parse(
            Path::new("airlock.toml"),
            "severity = \"high\"\nexclude = []\n[per-file-ignores]\n\"tests/**\" = [\"AIR106\", \"AIR2\"]\n",
            false,
        )
        .expect("valid");
        assert_eq!(c.fail_severity(), Some(Severity::High));
        assert_eq!(c.exclude(), Some(vec![]));
        assert_eq!(
            c.per_file_ignores(),
            vec![(
                "tests/**".to_string(),
                vec!["AIR106".to_string(), "AIR2".to_string()]
            )]
        );
    }

    #[test]
    fn pyproject_section() {
        let c = parse(
            Path::new("pyproject.toml"),
            "[project]\nname='x'\n[tool.airlock]\nignore=[\"AIR201\"]\n",
            true,
        )
        .expect("valid");
        assert_eq!(c.ignore(), vec!["AIR201"]);
        let e = parse(
            Path::new("pyproject.toml"),
            "[project]\nname='x'\n\n[tool.airlock]\nselect=[\"AIR5\"]\n",
            true,
        )
        .unwrap_err();
        assert_eq!(e.line(), Some(5));
    }

    #[test]
    fn pyproject_table_detection_reads_headers() {
        assert!(has_airlock_table("[tool.airlock]\n"));
        assert!(has_airlock_table("[[tool.airlock.sink]]\n"));
        assert!(!has_airlock_table("# see [tool.airlock] in the docs\n"));
        assert!(!has_airlock_table("[tool.airlockx]\n"));
    }

    #[test]
    fn checked_in_schema_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../rules/airlock.schema.json");
        let generated = json_schema();
        if std::env::var_os("AIRLOCK_UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).expect("write schema");
        }
        let checked_in = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            checked_in == generated,
            "rules/airlock.schema.json is stale; regenerate it with \
             `AIRLOCK_UPDATE_SCHEMA=1 cargo test -p airlock-analyzer checked_in_schema_is_current`"
        );
    }

    #[test]
    fn schema_accepts_valid_and_rejects_invalid_configs() {
        let schema: serde_json::Value = serde_json::from_str(&json_schema()).expect("json");
        let validator = jsonschema::validator_for(&schema).expect("valid schema");
        let good = serde_json::json!({
            "select": ["AIR1"], "severity": "high",
            "per-file-ignores": { "tests/**": ["AIR106"] },
            "sink": [{ "callee": "acme.refund", "kind": "payment", "args": [0] }],
            "gate": [{ "callee": "acme.approve", "kind": "interrupt" }]
        });
        assert!(
            validator.is_valid(&good),
            "{:?}",
            validator
                .iter_errors(&good)
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        );
        for bad in [
            serde_json::json!({ "selekt": [] }),
            serde_json::json!({ "severity": "urgent" }),
            serde_json::json!({ "sink": [{ "callee": "x", "kind": "teleport" }] }),
            serde_json::json!({ "gate": [{ "callee": "x", "kind": "pray" }] }),
        ] {
            assert!(!validator.is_valid(&bad), "{bad}");
        }
    }
}
