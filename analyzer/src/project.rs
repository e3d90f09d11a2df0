//! What the CLI and the language server share about a project (issue 17): the options built from
//! its configuration, the knowledge it extends, and which folder is the project of a set of
//! files. Both front ends call these, so a file gets the same root and options from
//! `airlock check` as from `airlock lsp`.

use crate::analysis::Options;
use crate::config::{Config, Loaded};
use crate::knowledge::Knowledge;
use std::path::{Path, PathBuf};

/// The files whose presence marks a folder as a project root.
pub const MARKERS: [&str; 7] = [
    "airlock.toml",
    "pyproject.toml",
    "setup.py",
    "setup.cfg",
    "package.json",
    "langgraph.json",
    ".git",
];

/// The analysis options a configuration asks for (rule selection, per-file ignores, excludes,
/// the file size cap). Paths, the discovery root and overlays are the caller's.
pub fn options(cfg: &Config) -> Options {
    let mut opts = Options {
        select: cfg.select(),
        ignore: cfg.ignore(),
        per_file_ignores: cfg.per_file_ignores(),
        ..Options::default()
    };
    if let Some(exclude) = cfg.exclude() {
        opts.discover.exclude = exclude;
        opts.discover.replace_default_excludes = true;
    }
    opts.discover.exclude.extend(cfg.extend_exclude());
    if let Some(m) = cfg.max_file_size {
        opts.discover.max_file_size = m;
    }
    opts.include_tests = cfg.include_tests.unwrap_or(false);
    opts
}

/// The options and knowledge of a loaded configuration, or the defaults without one.
pub fn options_and_knowledge(loaded: Option<&Loaded>) -> (Options, Knowledge) {
    match loaded {
        Some(l) => (options(&l.config), l.config.knowledge(&l.path)),
        None => (Options::default(), Knowledge::builtin()),
    }
}

/// The project that `files` (absolute paths) belong to. With a configuration (`config_base`,
/// the folder of the `airlock.toml` or `pyproject.toml` that applies), its folder. Otherwise,
/// for each file the nearest folder holding a [`MARKERS`] file, then the deepest folder holding
/// all of those. `None` when there is no project: no marker, or the only one is at the
/// filesystem root or in the home folder (`home`), which would sweep in everything beside the
/// files; the caller then analyses the files on their own.
pub fn root(files: &[PathBuf], config_base: Option<&Path>, home: Option<&Path>) -> Option<PathBuf> {
    if let Some(base) = config_base {
        return Some(base.to_path_buf());
    }
    let mut roots = vec![];
    for f in files {
        let parent = f.parent().unwrap_or(f);
        let found = parent
            .ancestors()
            .find(|d| MARKERS.iter().any(|m| d.join(m).exists()))?;
        if found.parent().is_none() || Some(found) == home {
            return None;
        }
        roots.push(found.to_path_buf());
    }
    let mut root = roots.first()?.clone();
    for r in &roots[1..] {
        while !r.starts_with(&root) {
            if !root.pop() {
                return None;
            }
        }
    }
    Some(root)
}

/// The deepest folder holding every one of `files` (absolute paths), for files with no
/// project around them.
pub fn common_folder(files: &[PathBuf]) -> PathBuf {
    let mut root = files
        .first()
        .and_then(|f| f.parent())
        .map(Path::to_path_buf)
        .unwrap_or_default();
    for f in files.iter().skip(1) {
        while !f.starts_with(&root) {
            if !root.pop() {
                break;
            }
        }
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("airlock-project-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::canonicalize(&d).unwrap()
    }

    #[test]
    fn the_configuration_folder_wins_then_markers_then_nothing() {
        let d = tmp("root");
        std::fs::create_dir_all(d.join("p/sub/deep")).unwrap();
        std::fs::create_dir_all(d.join("p/other")).unwrap();
        std::fs::write(d.join("p/package.json"), "{}").unwrap();
        std::fs::write(d.join("p/sub/setup.py"), "").unwrap();
        let a = d.join("p/sub/deep/a.py");
        let b = d.join("p/other/b.py");
        assert_eq!(
            root(std::slice::from_ref(&a), None, None),
            Some(d.join("p/sub"))
        );
        assert_eq!(root(&[a.clone(), b.clone()], None, None), Some(d.join("p")));
        assert_eq!(
            root(std::slice::from_ref(&a), Some(&d), None),
            Some(d.clone())
        );
        // A marker only in the home folder is no project.
        let lone = d.join("lone/x.py");
        std::fs::create_dir_all(d.join("lone")).unwrap();
        std::fs::write(d.join(".git"), "").unwrap();
        assert_eq!(root(std::slice::from_ref(&lone), None, Some(&d)), None);
        assert_eq!(
            root(std::slice::from_ref(&lone), None, None),
            Some(d.clone())
        );
        assert_eq!(common_folder(&[a, b]), d.join("p"));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn options_follow_the_configuration() {
        let cfg: Config = crate::config::parse(
            Path::new("airlock.toml"),
            "ignore = [\"AIR101\"]\nextend-exclude = [\"gen/\"]\nmax-file-size = 1000\n",
            false,
        )
        .unwrap();
        let o = options(&cfg);
        assert_eq!(o.ignore, ["AIR101"]);
        assert!(o.discover.exclude.iter().any(|e| e == "gen/"));
        assert_eq!(o.discover.max_file_size, 1000);
        assert!(!o.discover.replace_default_excludes);
    }
}
