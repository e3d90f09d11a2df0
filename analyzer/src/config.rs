//! Configuration: `airlock.toml`, or `[tool.airlock]` in `pyproject.toml`, found by walking up
//! from the scanned path. Besides rule selection and excludes it carries the user's own
//! knowledge entries (`[[sink]]`, `[[source]]`, `[[gate]]`, `[[sanitizer]]`, `[[tool]]`,
//! `[[model]]`), in the same shape as `rules/knowledge/*.toml`.

use crate::knowledge::{Knowledge, KnowledgeError, KnowledgeFile};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub extend_exclude: Vec<String>,
    /// Largest file analysed, in bytes.
    #[serde(default)]
    pub max_file_size: Option<u64>,
    #[serde(default)]
    pub sink: Vec<crate::knowledge::SinkEntry>,
    #[serde(default)]
    pub source: Vec<crate::knowledge::SourceEntry>,
    #[serde(default)]
    pub tool: Vec<crate::knowledge::ToolEntry>,
    #[serde(default)]
    pub sanitizer: Vec<crate::knowledge::SanitizerEntry>,
    #[serde(default)]
    pub gate: Vec<crate::knowledge::GateEntry>,
    #[serde(default)]
    pub model: Vec<crate::knowledge::ModelEntry>,
    #[serde(default)]
    pub sandbox: Vec<crate::knowledge::SandboxEntry>,
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ConfigError {
    #[error("cannot read {path}: {message}")]
    #[diagnostic(code(airlock::config::io))]
    Io { path: String, message: String },
    #[error("invalid configuration in {path}")]
    #[diagnostic(
        code(airlock::config::invalid),
        help("see the README for the keys airlock.toml accepts")
    )]
    Invalid {
        path: String,
        #[source_code]
        src: miette::NamedSource<String>,
        #[label("{message}")]
        span: Option<miette::SourceSpan>,
        message: String,
    },
    #[error("invalid knowledge entry in {path}: {source}")]
    #[diagnostic(code(airlock::config::knowledge))]
    Knowledge {
        path: String,
        #[source]
        source: KnowledgeError,
    },
}

/// The configuration that applies to `start`, and the file it came from.
pub fn find(start: &Path) -> Result<Option<(PathBuf, Config)>, Box<ConfigError>> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        let toml = d.join("airlock.toml");
        if toml.is_file() {
            return load(&toml, false).map(|c| Some((toml, c)));
        }
        let py = d.join("pyproject.toml");
        if py.is_file() {
            let text = read(&py)?;
            if text.contains("[tool.airlock") {
                return parse(&py, &text, true).map(|c| Some((py, c)));
            }
        }
        dir = d.parent();
    }
    Ok(None)
}

fn read(path: &Path) -> Result<String, Box<ConfigError>> {
    std::fs::read_to_string(path).map_err(|e| {
        Box::new(ConfigError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })
    })
}

pub fn load(path: &Path, pyproject: bool) -> Result<Config, Box<ConfigError>> {
    let text = read(path)?;
    parse(path, &text, pyproject)
}

pub fn parse(path: &Path, text: &str, pyproject: bool) -> Result<Config, Box<ConfigError>> {
    let invalid = |e: toml::de::Error| {
        Box::new(ConfigError::Invalid {
            path: path.display().to_string(),
            src: miette::NamedSource::new(path.display().to_string(), text.to_string()),
            span: e.span().map(|r| r.into()),
            message: e.message().to_string(),
        })
    };
    if pyproject {
        #[derive(Deserialize)]
        struct Py {
            tool: Option<Tool>,
        }
        #[derive(Deserialize)]
        struct Tool {
            airlock: Option<Config>,
        }
        let p: Py = toml::from_str(text).map_err(invalid)?;
        Ok(p.tool.and_then(|t| t.airlock).unwrap_or_default())
    } else {
        toml::from_str(text).map_err(invalid)
    }
}

impl Config {
    /// Built-in knowledge plus the user's entries.
    pub fn knowledge(&self, path: &Path) -> Result<Knowledge, Box<ConfigError>> {
        let mut k = Knowledge::builtin();
        let file = KnowledgeFile {
            sink: self.sink.clone(),
            source: self.source.clone(),
            tool: self.tool.clone(),
            sanitizer: self.sanitizer.clone(),
            gate: self.gate.clone(),
            model: self.model.clone(),
            sandbox: self.sandbox.clone(),
            ..KnowledgeFile::default()
        };
        k.add(&path.display().to_string(), file).map_err(|source| {
            Box::new(ConfigError::Knowledge {
                path: path.display().to_string(),
                source,
            })
        })?;
        Ok(k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_selection_and_custom_sinks() {
        let c = parse(
            Path::new("airlock.toml"),
            "select = [\"AIR1\"]\nignore = [\"AIR105\"]\n[[sink]]\ncallee = \"acme.billing.refund\"\nkind = \"payment\"\n",
            false,
        )
        .expect("valid");
        assert_eq!(c.select, vec!["AIR1"]);
        assert_eq!(c.sink.len(), 1);
        let k = c.knowledge(Path::new("airlock.toml")).expect("kinds known");
        assert!(k
            .sinks
            .iter()
            .any(|s| s.pattern.callee.as_deref() == Some("acme.billing.refund")));
    }

    #[test]
    fn unknown_keys_point_at_the_line() {
        let err = parse(
            Path::new("airlock.toml"),
            "select = []\nselekt = 1\n",
            false,
        )
        .unwrap_err();
        match *err {
            ConfigError::Invalid { span, message, .. } => {
                assert!(message.contains("selekt"), "{message}");
                assert_eq!(span.map(|s| s.offset()), Some(12));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_kinds_are_rejected() {
        let c = parse(
            Path::new("a.toml"),
            "[[sink]]\ncallee = \"x\"\nkind = \"teleport\"\n",
            false,
        )
        .expect("parses");
        assert!(c.knowledge(Path::new("a.toml")).is_err());
    }

    #[test]
    fn pyproject_section() {
        let c = parse(
            Path::new("pyproject.toml"),
            "[project]\nname='x'\n[tool.airlock]\nignore=[\"AIR201\"]\n",
            true,
        )
        .expect("valid");
        assert_eq!(c.ignore, vec!["AIR201"]);
    }
}
