//! Jupyter notebooks (`.ipynb`) read as Python: the code cells' lines are laid out at the line
//! of the notebook's JSON text where each is stored, so every location the analysis reports
//! (text, SARIF, the editor) points into the `.ipynb` file itself. nbformat writes one source
//! line per JSON string, one string per line, so a code line lands exactly on its own JSON
//! line; a notebook written another way (one string per cell, minified) keeps the order, with
//! lines placed at the first free line at or after their string.
//!
//! Each code cell is preceded by a `# %% cell N` marker (N counts every cell from 1, as
//! Jupyter shows them), on the line just before its first source line. IPython syntax that
//! is not Python is skipped: a cell magic (`%%bash` as the first line) skips its cell, and a
//! line magic (`%pip ...`) or shell escape (`!ls`, `x = !ls`) becomes `pass` at its indent, so
//! the blocks around it still parse. Markdown and raw cells are not code.

use crate::model::LineIndex;
use crate::syntax::tree::{Budget, Node};

/// The marker before each code cell.
const MARKER: &str = "# %% cell ";

/// The Python text of the notebook `text`, as long (in lines) as the notebook or longer, or why
/// it is not a notebook this can read.
pub fn to_python(text: &str) -> Result<String, String> {
    let (root, issues) = crate::syntax::json::parse_json(text, &Budget::default());
    let Some(root) = root else {
        return Err("not a notebook: the file is not JSON".into());
    };
    if let Some(i) = issues.first() {
        return Err(format!("not a notebook: {}", i.message));
    }
    let Some(cells) = root.get("cells").and_then(Node::as_seq) else {
        return Err("not a notebook: no `cells` list".into());
    };
    let index = LineIndex::new(text);
    // 0-based lines of the output; `lines.len()` grows past the notebook's only when a
    // notebook packs several source lines into one JSON line.
    let mut lines: Vec<String> = vec![String::new(); text.lines().count().max(1)];
    let mut next_free = 0usize;
    let line_of = |n: &Node| index.line_col(n.span.start).0.saturating_sub(1) as usize;
    for (ci, cell) in cells.iter().enumerate() {
        if cell.get("cell_type").and_then(Node::as_str) != Some("code") {
            continue;
        }
        let Some(source) = cell.get("source") else {
            continue;
        };
        // The source's strings with the line each is stored on.
        let parts: Vec<(&str, usize)> = match source.as_seq() {
            Some(items) => items
                .iter()
                .filter_map(|n| n.as_str().map(|s| (s, line_of(n))))
                .collect(),
            None => source
                .as_str()
                .map(|s| vec![(s, line_of(source))])
                .unwrap_or_default(),
        };
        let mut code: Vec<(String, usize)> = vec![];
        for (s, at) in parts {
            let pieces: Vec<&str> = s.strip_suffix('\n').unwrap_or(s).split('\n').collect();
            for (k, piece) in pieces.into_iter().enumerate() {
                code.push((piece.trim_end_matches('\r').to_string(), at + k));
            }
        }
        let Some(first) = code.first() else {
            continue;
        };
        if first.0.trim_start().starts_with("%%") {
            continue;
        }
        let marker = first.1.saturating_sub(1).max(next_free);
        put(&mut lines, marker, format!("{MARKER}{}", ci + 1));
        next_free = marker + 1;
        for (line, at) in code {
            let at = at.max(next_free);
            put(&mut lines, at, python_line(&line));
            next_free = at + 1;
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    Ok(out)
}

fn put(lines: &mut Vec<String>, at: usize, text: String) {
    if lines.len() <= at {
        lines.resize(at + 1, String::new());
    }
    lines[at] = text;
}

/// One source line as Python: IPython magics and shell escapes become `pass` at their indent.
fn python_line(line: &str) -> String {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    let shell_assign = body
        .split_once('=')
        .is_some_and(|(lhs, rhs)| is_name(lhs.trim()) && rhs.trim_start().starts_with('!'));
    if body.starts_with('%') || body.starts_with('!') || shell_assign {
        format!("{indent}pass")
    } else {
        line.to_string()
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

/// For a 1-based line of a notebook's Python text (`to_python`'s output), the cell it is in
/// and its 1-based line within the cell.
pub fn cell_of(python: &str, line: u32) -> Option<(u32, u32)> {
    let lines: Vec<&str> = python.lines().collect();
    let at = (line as usize).checked_sub(1)?;
    (0..=at.min(lines.len().saturating_sub(1)))
        .rev()
        .find_map(|i| {
            let n = lines[i].strip_prefix(MARKER)?.parse::<u32>().ok()?;
            Some((n, (at - i) as u32))
        })
        .filter(|&(_, l)| l > 0)
}

/// Whether `path` is a notebook.
pub fn is_notebook(path: &str) -> bool {
    path.rsplit('.')
        .next()
        .is_some_and(|e| e.eq_ignore_ascii_case("ipynb"))
}

#[cfg(test)]
mod tests {
    use super::{cell_of, to_python};

    const NB: &str = r##"{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# Notes\n"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [],
   "source": [
    "%pip install requests\n",
    "import subprocess\n",
    "for cmd in [\"ls\"]:\n",
    "    !echo {cmd}\n",
    "    subprocess.run(cmd, shell=True)"
   ]
  },
  {
   "cell_type": "code",
   "metadata": {},
   "source": [
    "%%bash\n",
    "rm -rf /\n"
   ]
  }
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 5
}
"##;

    #[test]
    fn code_lines_sit_on_their_json_lines_and_magics_are_skipped() {
        let py = to_python(NB).unwrap();
        let lines: Vec<&str> = py.lines().collect();
        assert_eq!(lines.len(), NB.lines().count());
        assert_eq!(lines[14], "# %% cell 2");
        assert_eq!(lines[15], "pass");
        assert_eq!(lines[16], "import subprocess");
        assert_eq!(lines[17], "for cmd in [\"ls\"]:");
        assert_eq!(lines[18], "    pass");
        assert_eq!(lines[19], "    subprocess.run(cmd, shell=True)");
        // The cell magic's cell and the markdown are not code.
        assert!(!py.contains("rm -rf") && !py.contains("Notes"));
        assert_eq!(cell_of(&py, 20), Some((2, 5)));
        assert_eq!(cell_of(&py, 3), None);
        let tree = crate::syntax::python::parse(&py);
        assert!(tree.issues.is_empty(), "{py}");
    }

    #[test]
    fn a_file_that_is_not_a_notebook_says_why() {
        assert!(to_python("{\"cells\": 3}").unwrap_err().contains("cells"));
        assert!(to_python("not json").is_err());
    }

    #[test]
    fn one_string_per_cell_keeps_the_order() {
        let nb = r#"{"cells": [{"cell_type": "code", "source": "import os\nos.system(x)\n"}]}"#;
        let py = to_python(nb).unwrap();
        assert_eq!(py, "# %% cell 1\nimport os\nos.system(x)\n");
    }
}
