//! The little of git that `check --diff` needs: the work tree's top folder and a read-only
//! snapshot of a revision's files in a temporary folder.
//!
//! The snapshot reads the revision as raw objects: `ls-tree` lists its blobs and one
//! `cat-file --batch` writes their bytes. Neither applies filters (smudge/clean, `ident`, eol),
//! textconv or hooks, and no index is read or written, so no program the analysed repository
//! names in `.gitattributes` or its config ever runs, and the user's index, work tree and
//! branches are never touched. Symbolic links and submodules are not written; a path with an
//! empty, `.`, `..` or `.git` component is refused.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(dir);
    // Nothing configured in the repository may run: no fsmonitor hook, no hooks at all.
    c.args([
        "-c",
        "core.fsmonitor=false",
        "-c",
        "core.hooksPath=/dev/null",
    ]);
    // Never prompt, never page.
    c.env("GIT_TERMINAL_PROMPT", "0").env("GIT_PAGER", "cat");
    c
}

fn output(mut c: Command, what: &str) -> Result<String, String> {
    let out = c
        .output()
        .map_err(|e| format!("cannot run git to {what}: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_string())
    } else {
        Err(format!(
            "git failed to {what}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// The top folder of the work tree holding `dir`.
pub fn toplevel(dir: &Path) -> Result<PathBuf, String> {
    let mut c = git(dir);
    c.args(["rev-parse", "--show-toplevel"]);
    let top = output(c, "find the repository")?;
    std::fs::canonicalize(&top).map_err(|e| format!("cannot read {top}: {e}"))
}

/// A revision's files, written to a temporary folder that is removed on drop.
pub struct Snapshot {
    dir: PathBuf,
}

impl Snapshot {
    /// The folder holding the revision's files (the work tree's top level).
    pub fn tree(&self) -> PathBuf {
        self.dir.join("tree")
    }
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Writes the files of `rev` in the repository at `top` to a new temporary folder.
pub fn snapshot(top: &Path, rev: &str) -> Result<Snapshot, String> {
    if rev.starts_with('-') {
        return Err(format!("`{rev}` is not a revision"));
    }
    let mut c = git(top);
    c.args(["rev-parse", "--verify", "--quiet", "--end-of-options"])
        .arg(format!("{rev}^{{commit}}"));
    let commit = output(c, &format!("resolve `{rev}`"))
        .ok()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| format!("`{rev}` is not a commit in {}", top.display()))?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("airlock-diff-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let snap = Snapshot { dir };
    let tree = snap.tree();
    std::fs::create_dir_all(&tree).map_err(|e| format!("cannot create {}: {e}", tree.display()))?;
    let mut c = git(top);
    c.args(["ls-tree", "-r", "-z", "--full-tree", &commit]);
    let listing = raw_output(c, &format!("list the files of `{rev}`"))?;
    let mut blobs: Vec<(String, PathBuf)> = Vec::new();
    for entry in listing.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split(' ');
        let (Some(mode), Some(kind), Some(oid)) = (meta.next(), meta.next(), meta.next()) else {
            continue;
        };
        // Regular files only: symbolic links (120000) and submodules (commit) are not written.
        if kind != "blob" || !(mode == "100644" || mode == "100755") {
            continue;
        }
        let Some(rel) = safe_relative(path) else {
            return Err(format!("`{rev}` has a file at an unsafe path: {path:?}"));
        };
        blobs.push((oid.to_string(), tree.join(rel)));
    }
    write_blobs(top, &blobs).map_err(|e| format!("cannot write the files of `{rev}`: {e}"))?;
    Ok(snap)
}

/// `path` as a relative path when every component is a plain name (not empty, `.`, `..`, or
/// `.git` in any case).
fn safe_relative(path: &str) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in path.split('/') {
        if part.is_empty() || part == "." || part == ".." || part.eq_ignore_ascii_case(".git") {
            return None;
        }
        if part.contains('\\') {
            return None;
        }
        out.push(part);
    }
    Some(out)
}

/// Runs git and returns its raw standard output.
fn raw_output(mut c: Command, what: &str) -> Result<Vec<u8>, String> {
    let out = c
        .output()
        .map_err(|e| format!("cannot run git to {what}: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!(
            "git failed to {what}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// Writes each blob's raw bytes (`git cat-file --batch`: no filters, no textconv) to its path.
fn write_blobs(top: &Path, blobs: &[(String, PathBuf)]) -> Result<(), String> {
    if blobs.is_empty() {
        return Ok(());
    }
    let mut c = git(top);
    c.args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = c.spawn().map_err(|e| format!("cannot run git: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let ids: String = blobs.iter().map(|(oid, _)| format!("{oid}\n")).collect();
    // Fed from another thread: git writes while it reads, and a pipe holds little.
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(ids.as_bytes());
    });
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut reader = BufReader::new(stdout);
    let mut result = Ok(());
    for (oid, path) in blobs {
        let mut header = String::new();
        if reader.read_line(&mut header).map_err(|e| e.to_string())? == 0 {
            result = Err(format!("git stopped before {oid}"));
            break;
        }
        let mut fields = header.trim_end().split(' ');
        let size = match (fields.next(), fields.next(), fields.next()) {
            (Some(id), Some("blob"), Some(size)) if id == oid => {
                size.parse::<u64>().map_err(|e| e.to_string())?
            }
            _ => {
                result = Err(format!("unexpected answer from git for {oid}: {header:?}"));
                break;
            }
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let mut file = std::fs::File::create(path)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let copied = std::io::copy(&mut (&mut reader).take(size), &mut file)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        if copied != size {
            result = Err(format!("git stopped inside {oid}"));
            break;
        }
        let mut newline = [0u8; 1];
        reader.read_exact(&mut newline).map_err(|e| e.to_string())?;
    }
    drop(reader);
    let _ = feeder.join();
    let _ = child.wait();
    result
}
