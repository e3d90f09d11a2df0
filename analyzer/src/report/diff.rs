//! `airlock diff`: what a change does to the agents: capabilities gained or lost, untrusted
//! content newly (or no longer) reaching an agent, gates added, removed or weakened, agents and
//! MCP servers added or removed. Agents are matched by label and file (not line), tools by name
//! within their agent, so moving code does not show up as a change.

use crate::escape;
use crate::inventory::{AgentInfo, Inventory};
use serde::Serialize;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// The `version` of the diff JSON.
pub const DIFF_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Change {
    /// `agent-added`, `agent-removed`, `capability-added`, `capability-removed`,
    /// `exposure-added`, `exposure-removed`, `gate-added`, `gate-removed`, `gate-weakened`,
    /// `mcp-server-added`, `mcp-server-removed`, `auto-approval-added`.
    pub kind: String,
    /// The agent (or server) it concerns: its label and file.
    pub subject: String,
    /// What changed: a sink kind, a source kind, a tool name.
    pub item: String,
    /// One sentence. Strings from the project are delimited inside it (see [`code`] and
    /// [`name`]) so each output format can escape them; JSON gets [`Change::plain_text`].
    #[serde(serialize_with = "serialize_text")]
    pub text: String,
    /// `path:line` in the head revision (the base one for removals).
    pub place: String,
}

// Private-use delimiters around strings from the analysed project inside `Change::text`:
// code (shown in backticks) and names (shown as they are). A project string never carries
// them (they are removed), so the sentence's structure is ours alone.
const CODE_OPEN: char = '\u{e000}';
const CODE_CLOSE: char = '\u{e001}';
const NAME_OPEN: char = '\u{e002}';
const NAME_CLOSE: char = '\u{e003}';

fn is_delimiter(c: char) -> bool {
    matches!(c, CODE_OPEN | CODE_CLOSE | NAME_OPEN | NAME_CLOSE)
}

/// A project string shown as code.
fn code(s: &str) -> String {
    let inner: String = s.chars().filter(|c| !is_delimiter(*c)).collect();
    format!("{CODE_OPEN}{inner}{CODE_CLOSE}")
}

/// A project string shown as a name.
fn name(s: &str) -> String {
    let inner: String = s.chars().filter(|c| !is_delimiter(*c)).collect();
    format!("{NAME_OPEN}{inner}{NAME_CLOSE}")
}

/// A sentence's pieces: `(is_ours, text)`; project strings are `false`, with `true` code.
fn pieces(text: &str) -> Vec<(bool, bool, String)> {
    let mut out = vec![];
    let mut cur = String::new();
    let mut is_code = false;
    for c in text.chars() {
        match c {
            CODE_OPEN | NAME_OPEN => {
                out.push((true, false, std::mem::take(&mut cur)));
                is_code = c == CODE_OPEN;
            }
            CODE_CLOSE | NAME_CLOSE => out.push((false, is_code, std::mem::take(&mut cur))),
            c => cur.push(c),
        }
    }
    out.push((true, false, cur));
    out.retain(|(_, _, s)| !s.is_empty());
    out
}

impl Change {
    /// The sentence as plain text: code in backticks, names as they are.
    pub fn plain_text(&self) -> String {
        pieces(&self.text)
            .into_iter()
            .map(|(ours, is_code, s)| {
                if !ours && is_code {
                    format!("`{s}`")
                } else {
                    s
                }
            })
            .collect()
    }
}

fn serialize_text<S: serde::Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    let c = Change {
        kind: String::new(),
        subject: String::new(),
        item: String::new(),
        text: text.to_string(),
        place: String::new(),
    };
    s.serialize_str(&c.plain_text())
}

fn key(a: &AgentInfo) -> (String, String) {
    (a.label.clone(), a.place.path.clone())
}

/// Agents by (label, file), numbered when a file has several with the same label.
fn agents(inv: &Inventory) -> BTreeMap<(String, String, usize), &AgentInfo> {
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for a in &inv.agents {
        let k = key(a);
        let n = seen.entry(k.clone()).or_default();
        out.insert((k.0, k.1, *n), a);
        *n += 1;
    }
    out
}

fn subject(a: &AgentInfo) -> String {
    format!("{} ({})", a.label, a.place.path)
}

fn place(a: &AgentInfo) -> String {
    format!("{}:{}", a.place.path, a.place.line)
}

/// Per tool name: the strongest gate it has in agent `a`.
fn gates(inv: &Inventory, a: &AgentInfo) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for t in inv.tools.iter().filter(|t| a.tools.contains(&t.id)) {
        for c in t.contexts.iter().filter(|c| c.agent == a.id) {
            if t.privileged {
                out.insert(t.name.clone(), c.gate.clone());
            }
        }
    }
    out
}

/// The tools of `a` that bring sink kind `cap`.
fn bringing(inv: &Inventory, a: &AgentInfo, cap: &str) -> Vec<String> {
    inv.tools
        .iter()
        .filter(|t| a.tools.contains(&t.id) && t.sinks.iter().any(|s| s == cap))
        .map(|t| code(&t.name))
        .collect()
}

/// The changes from `base` to `head`, sorted.
pub fn diff(base: &Inventory, head: &Inventory) -> Vec<Change> {
    let mut out = vec![];
    let (b, h) = (agents(base), agents(head));
    for (k, a) in &h {
        let Some(old) = b.get(k) else {
            out.push(Change {
                kind: "agent-added".into(),
                subject: subject(a),
                item: a.label.clone(),
                text: format!(
                    "new {} in {}{}{}",
                    name(&a.label),
                    name(&a.place.path),
                    if a.capabilities.is_empty() {
                        String::new()
                    } else {
                        format!(", can use {}", quoted(&a.capabilities))
                    },
                    if a.exposure.is_empty() {
                        String::new()
                    } else {
                        format!(", reachable from {}", quoted(&a.exposure))
                    }
                ),
                place: place(a),
            });
            continue;
        };
        let set = |v: &[String]| v.iter().cloned().collect::<BTreeSet<_>>();
        let (oc, nc) = (set(&old.capabilities), set(&a.capabilities));
        for cap in nc.difference(&oc) {
            let tools = bringing(head, a, cap);
            out.push(Change {
                kind: "capability-added".into(),
                subject: subject(a),
                item: cap.clone(),
                text: format!(
                    "{} gains {}{}{}",
                    name(&a.label),
                    code(cap),
                    if tools.is_empty() {
                        String::new()
                    } else {
                        format!(" (tool {})", tools.join(", "))
                    },
                    if a.exposure.is_empty() {
                        String::new()
                    } else {
                        format!("; reachable from {}", quoted(&a.exposure))
                    }
                ),
                place: place(a),
            });
        }
        for cap in oc.difference(&nc) {
            out.push(Change {
                kind: "capability-removed".into(),
                subject: subject(a),
                item: cap.clone(),
                text: format!("{} no longer has {}", name(&a.label), code(cap)),
                place: place(a),
            });
        }
        let (oe, ne) = (set(&old.exposure), set(&a.exposure));
        for e in ne.difference(&oe) {
            out.push(Change {
                kind: "exposure-added".into(),
                subject: subject(a),
                item: e.clone(),
                text: format!(
                    "{} is now reachable from untrusted {}",
                    name(&a.label),
                    code(e)
                ),
                place: place(a),
            });
        }
        for e in oe.difference(&ne) {
            out.push(Change {
                kind: "exposure-removed".into(),
                subject: subject(a),
                item: e.clone(),
                text: format!("{} no longer reads untrusted {}", name(&a.label), code(e)),
                place: place(a),
            });
        }
        let (og, ng) = (gates(base, old), gates(head, a));
        for (tool, new) in &ng {
            let Some(was) = og.get(tool) else { continue };
            let (kind, verb) = match (was.as_str(), new.as_str()) {
                ("strong", "none") | ("conditional", "none") => ("gate-removed", "removed"),
                ("none", "strong") | ("none", "conditional") => ("gate-added", "added"),
                ("strong", "conditional") => ("gate-weakened", "made conditional"),
                _ => continue,
            };
            out.push(Change {
                kind: kind.into(),
                subject: subject(a),
                item: tool.clone(),
                text: format!("gate on {} {verb} ({})", code(tool), name(&a.label)),
                place: place(a),
            });
        }
    }
    for (k, a) in &b {
        if !h.contains_key(k) {
            out.push(Change {
                kind: "agent-removed".into(),
                subject: subject(a),
                item: a.label.clone(),
                text: format!("{} in {} removed", name(&a.label), name(&a.place.path)),
                place: place(a),
            });
        }
    }
    let (bs, hs) = (servers(base), servers(head));
    for (k, s) in &hs {
        let at = format!("{}:{}", s.place.path, s.place.line);
        match bs.get(k) {
            None => out.push(Change {
                kind: "mcp-server-added".into(),
                subject: format!("MCP server `{}` ({})", s.name, s.place.path),
                item: s.name.clone(),
                text: format!(
                    "new MCP server {} in {}{}",
                    code(&s.name),
                    name(&s.place.path),
                    if s.capabilities.is_empty() {
                        String::new()
                    } else {
                        format!(", can use {}", quoted(&s.capabilities))
                    }
                ),
                place: at,
            }),
            Some(old) => {
                for knob in s
                    .auto_approved
                    .iter()
                    .filter(|k| !old.auto_approved.contains(k))
                {
                    out.push(Change {
                        kind: "auto-approval-added".into(),
                        subject: format!("MCP server `{}` ({})", s.name, s.place.path),
                        item: knob.clone(),
                        text: format!(
                            "MCP server {} tools now auto-approved by {}",
                            code(&s.name),
                            code(knob)
                        ),
                        place: at.clone(),
                    });
                }
            }
        }
    }
    for (k, s) in &bs {
        if !hs.contains_key(k) {
            out.push(Change {
                kind: "mcp-server-removed".into(),
                subject: format!("MCP server `{}` ({})", s.name, s.place.path),
                item: s.name.clone(),
                text: format!(
                    "MCP server {} removed from {}",
                    code(&s.name),
                    name(&s.place.path)
                ),
                place: format!("{}:{}", s.place.path, s.place.line),
            });
        }
    }
    out.sort_by(|a, b| (&a.subject, &a.kind, &a.item).cmp(&(&b.subject, &b.kind, &b.item)));
    out
}

type ServerMap<'a> = BTreeMap<(String, String), &'a crate::inventory::McpServerInfo>;

fn servers(inv: &Inventory) -> ServerMap<'_> {
    inv.mcp_servers
        .iter()
        .map(|s| ((s.place.path.clone(), s.name.clone()), s))
        .collect()
}

fn quoted(v: &[String]) -> String {
    v.iter().map(|s| code(s)).collect::<Vec<_>>().join(", ")
}

pub fn render_text(changes: &[Change], base: &str, head: &str) -> String {
    let mut out = format!(
        "airlock diff {}..{}\n",
        crate::escape::terminal_line(base),
        crate::escape::terminal_line(head)
    );
    if changes.is_empty() {
        out.push_str("No change in agent capabilities, exposure or gates.\n");
        return out;
    }
    for c in changes {
        let text: String = pieces(&c.text)
            .into_iter()
            .map(|(_, _, s)| crate::escape::terminal_line(&s.replace('`', "")).into_owned())
            .collect();
        out.push_str(&format!(
            "{}: {}\n",
            crate::escape::terminal_line(&c.place),
            text
        ));
    }
    out.push_str(&format!(
        "{} change{}.\n",
        changes.len(),
        if changes.len() == 1 { "" } else { "s" }
    ));
    out
}

pub fn render_json(changes: &[Change], base: &str, head: &str) -> String {
    crate::diagnostics::to_pretty_json(&json!({
        "version": DIFF_VERSION,
        "base": base,
        "head": head,
        "changes": changes,
    }))
}

/// Markdown for a pull-request comment, with a Mermaid picture of the changed agents.
pub fn render_markdown(changes: &[Change], base: &str, head: &str) -> String {
    let mut out = format!(
        "### airlock: agent changes in {}\n\n",
        escape::markdown_code(&format!("{base}..{head}"))
    );
    if changes.is_empty() {
        out.push_str("No change in agent capabilities, exposure or gates.\n");
        return out;
    }
    for c in changes {
        let mark = match c.kind.as_str() {
            "capability-added"
            | "exposure-added"
            | "gate-removed"
            | "gate-weakened"
            | "agent-added"
            | "mcp-server-added"
            | "auto-approval-added" => "⚠️",
            _ => "✅",
        };
        // Our words as they are; every project string in a code span of its own.
        let text: String = pieces(&c.text)
            .into_iter()
            .map(|(ours, _, s)| {
                if ours {
                    escape::markdown_text(&s)
                } else {
                    escape::markdown_code(&s)
                }
            })
            .collect();
        out.push_str(&format!(
            "- {mark} {text} ({})\n",
            escape::markdown_code(&c.place)
        ));
    }
    out.push_str("\n```mermaid\nflowchart LR\n");
    let mut subjects: BTreeMap<&str, usize> = BTreeMap::new();
    for c in changes {
        let n = subjects.len();
        subjects.entry(c.subject.as_str()).or_insert(n);
    }
    for (s, i) in &subjects {
        out.push_str(&format!("  a{i}([\"{}\"])\n", escape::mermaid_label(s)));
    }
    for (j, c) in changes.iter().enumerate() {
        let i = subjects[c.subject.as_str()];
        let item = escape::mermaid_label(&c.item);
        match c.kind.as_str() {
            "capability-added" => out.push_str(&format!(
                "  a{i} -->|gains| c{j}[\"{item}\"]\n  class c{j} added\n"
            )),
            "capability-removed" => out.push_str(&format!(
                "  a{i} -.->|loses| c{j}[\"{item}\"]\n  class c{j} removed\n"
            )),
            "exposure-added" => out.push_str(&format!(
                "  c{j}>\"{item}\"] -->|now reaches| a{i}\n  class c{j} added\n"
            )),
            "exposure-removed" => out.push_str(&format!(
                "  c{j}>\"{item}\"] -.->|no longer| a{i}\n  class c{j} removed\n"
            )),
            "gate-removed" | "gate-weakened" => out.push_str(&format!(
                "  a{i} --> c{j}[\"{item}: gate {}\"]\n  class c{j} added\n",
                if c.kind == "gate-removed" {
                    "removed"
                } else {
                    "weakened"
                }
            )),
            "gate-added" => out.push_str(&format!(
                "  a{i} --> c{j}[\"{item}: gate added\"]\n  class c{j} removed\n"
            )),
            _ => {}
        }
    }
    out.push_str("  classDef added fill:#ffebee,stroke:#c62828\n  classDef removed fill:#e8f5e9,stroke:#2e7d32\n```\n");
    out
}
