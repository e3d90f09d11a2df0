//! The little of git that `check --diff` needs: the work tree's top folder and a read-only
//! snapshot of a revision's files in a temporary folder.
//!
//! The snapshot uses plumbing with a private index (`GIT_INDEX_FILE`), so the user's index,
//! work tree and branches are never touched, and no hook or filter of the analysed repository
//! runs (`checkout-index` applies no smudge filters from the analysed code; it writes blobs).

use std::path::{Path, PathBuf};
use std::process::Command;

fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(dir);
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
    let index = snap.dir.join("index");
    let mut c = git(top);
    c.env("GIT_INDEX_FILE", &index).args(["read-tree", &commit]);
    output(c, &format!("read `{rev}`"))?;
    let mut prefix = snap.tree().into_os_string();
    prefix.push("/");
    let mut c = git(top);
    c.env("GIT_INDEX_FILE", &index)
        .args(["checkout-index", "--all", "--force"])
        .arg(format!("--prefix={}", prefix.to_string_lossy()));
    output(c, &format!("write the files of `{rev}`"))?;
    Ok(snap)
}
