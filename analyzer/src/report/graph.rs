//! `airlock graph`: the agent graph (untrusted sources → agents and graph nodes → gates → tools
//! → MCP servers) with every finding's path highlighted, as Mermaid, Graphviz dot, or a single
//! self-contained HTML file (inline SVG, script and style; nothing is fetched at view time).

use crate::inventory::{Inventory, Place};
use crate::model::Finding;
use serde::Serialize;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Serialize)]
pub struct GNode {
    pub id: String,
    pub label: String,
    /// `source`, `agent`, `node`, `gate`, `tool`, `mcp`.
    pub kind: &'static str,
    /// Extra class: `privileged` tools, `gated` nodes, `ungated` agents.
    pub class: String,
    pub place: Place,
    /// Layout column (left to right).
    pub column: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct GEdge {
    pub from: String,
    pub to: String,
    /// `reads`, `holds`, `route`, `gate`, `starts`.
    pub kind: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct GFinding {
    pub code: String,
    pub severity: String,
    pub message: String,
    pub place: Place,
    /// The graph nodes its path goes through, in order.
    pub nodes: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ReportGraph {
    pub nodes: Vec<GNode>,
    pub edges: Vec<GEdge>,
    pub findings: Vec<GFinding>,
}

fn place_key(p: &Place) -> (String, u32) {
    (p.path.clone(), p.line)
}

/// Builds the picture from the inventory and the findings.
pub fn build(inv: &Inventory, findings: &[Finding]) -> ReportGraph {
    let mut g = ReportGraph::default();
    let mut ids = BTreeSet::new();
    let mut add = |g: &mut ReportGraph, n: GNode| {
        if ids.insert(n.id.clone()) {
            g.nodes.push(n);
        }
    };
    // A graph node that calls a model is drawn once: its node's box stands for the agent.
    let node_ids: BTreeSet<&str> = inv.nodes.iter().map(|n| n.id.as_str()).collect();
    let box_of = |a: &crate::inventory::AgentInfo| -> String {
        a.node
            .as_deref()
            .filter(|n| node_ids.contains(n))
            .unwrap_or(&a.id)
            .to_string()
    };
    for a in &inv.agents {
        let this = box_of(a);
        for s in &a.sources {
            let id = format!("src:{}:{}:{}", s.place.path, s.place.line, s.kind);
            add(
                &mut g,
                GNode {
                    id: id.clone(),
                    label: format!("{} ({}:{})", s.kind, s.place.path, s.place.line),
                    kind: "source",
                    class: "untrusted".into(),
                    place: s.place.clone(),
                    column: 0,
                },
            );
            g.edges.push(GEdge {
                from: id,
                to: this.clone(),
                kind: "reads",
            });
        }
        if this != a.id {
            continue;
        }
        add(
            &mut g,
            GNode {
                id: a.id.clone(),
                label: a.label.replace('`', ""),
                kind: "agent",
                class: a.autonomy.clone(),
                place: a.place.clone(),
                column: 1,
            },
        );
    }
    for n in &inv.nodes {
        add(
            &mut g,
            GNode {
                id: n.id.clone(),
                label: format!("node {}", n.name),
                kind: "node",
                class: if n.gated { "gated" } else { "" }.into(),
                place: n.place.clone(),
                column: 2,
            },
        );
    }
    for r in &inv.routes {
        let prefix = r.graph.trim_start_matches("agent:");
        let from = format!("node:{prefix}:{}", r.from);
        let to = format!("node:{prefix}:{}", r.to);
        if r.from == "__start__" {
            if node_ids.contains(to.as_str()) {
                g.edges.push(GEdge {
                    from: r.graph.clone(),
                    to,
                    kind: "starts",
                });
            }
            continue;
        }
        if node_ids.contains(from.as_str()) && node_ids.contains(to.as_str()) {
            g.edges.push(GEdge {
                from,
                to,
                kind: "route",
            });
        }
    }
    for t in &inv.tools {
        add(
            &mut g,
            GNode {
                id: t.id.clone(),
                label: if t.sinks.is_empty() {
                    format!("tool {}", t.name)
                } else {
                    format!("tool {} [{}]", t.name, t.sinks.join(", "))
                },
                kind: "tool",
                class: if t.privileged { "privileged" } else { "" }.into(),
                place: t.place.clone(),
                column: 4,
            },
        );
    }
    for a in &inv.agents {
        for t in &a.tools {
            g.edges.push(GEdge {
                from: box_of(a),
                to: t.clone(),
                kind: "holds",
            });
        }
    }
    for (i, gate) in inv.gates.iter().enumerate() {
        let id = format!("gate:{i}:{}:{}", gate.place.path, gate.place.line);
        add(
            &mut g,
            GNode {
                id: id.clone(),
                label: format!("gate {} on {}", gate.kind, gate.target),
                kind: "gate",
                class: gate.strength.clone(),
                place: gate.place.clone(),
                column: 3,
            },
        );
        let target = inv
            .tools
            .iter()
            .find(|t| t.name == gate.target && t.contexts.iter().any(|c| c.agent == gate.agent))
            .map(|t| t.id.clone())
            .or_else(|| {
                let prefix = gate.agent.trim_start_matches("agent:");
                let id = format!("node:{prefix}:{}", gate.target);
                node_ids.contains(id.as_str()).then_some(id)
            });
        if let Some(target) = target {
            g.edges.push(GEdge {
                from: id,
                to: target,
                kind: "gate",
            });
        }
    }
    for s in &inv.mcp_servers {
        add(
            &mut g,
            GNode {
                id: s.id.clone(),
                label: format!("MCP {} ({})", s.name, s.client),
                kind: "mcp",
                class: if s.capabilities.is_empty() {
                    ""
                } else {
                    "privileged"
                }
                .into(),
                place: s.place.clone(),
                column: 5,
            },
        );
    }
    // Findings: each step mapped onto the picture, so clicking a finding lights exactly its path.
    // 1. A node at that file and line. 2. Else the definition enclosing it (the nearest tool,
    //    agent or MCP server above it in the same file: a sink call inside a tool body); never a
    //    source or gate above it, which do not enclose anything. 3. Graph nodes and tools the step
    //    names in backticks (`review`, `payments`), for steps placed on code that is no box of its
    //    own (a router reading state). 4. If still nothing, the nodes nearest the finding in its
    //    own file, so every rule's finding highlights something.
    let kind_of: BTreeMap<&str, &'static str> =
        g.nodes.iter().map(|n| (n.id.as_str(), n.kind)).collect();
    let mut at: BTreeMap<(String, u32), Vec<String>> = BTreeMap::new();
    let mut enclosing: BTreeMap<(String, u32), Vec<String>> = BTreeMap::new();
    for n in &g.nodes {
        at.entry(place_key(&n.place))
            .or_default()
            .push(n.id.clone());
        if matches!(n.kind, "tool" | "agent" | "mcp") {
            enclosing
                .entry(place_key(&n.place))
                .or_default()
                .push(n.id.clone());
        }
    }
    let mut named: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for n in &inv.nodes {
        named.entry(n.name.as_str()).or_default().push(n.id.clone());
    }
    for t in &inv.tools {
        if kind_of.contains_key(t.id.as_str()) {
            named.entry(t.name.as_str()).or_default().push(t.id.clone());
        }
    }
    let push = |nodes: &mut Vec<String>, ids: &[String]| {
        for id in ids {
            if !nodes.contains(id) {
                nodes.push(id.clone());
            }
        }
    };
    for f in findings {
        let mut nodes: Vec<String> = vec![];
        let steps = f
            .path
            .iter()
            .map(|s| (&s.location, s.label.as_str()))
            .chain(std::iter::once((&f.location, f.message.as_str())));
        for (l, label) in steps {
            let exact = at.get(&(l.path.clone(), l.line));
            let above = || {
                enclosing
                    .range((l.path.clone(), 0)..=(l.path.clone(), l.line))
                    .next_back()
                    .map(|(_, ids)| ids)
            };
            if let Some(ids) = exact.or_else(above) {
                push(&mut nodes, ids);
            } else {
                for name in backticked(label) {
                    if let Some(ids) = named.get(name) {
                        push(&mut nodes, ids);
                    }
                }
            }
        }
        if nodes.is_empty() {
            let l = &f.location;
            let nearest = at
                .range((l.path.clone(), 0)..=(l.path.clone(), u32::MAX))
                .min_by_key(|((_, line), _)| line.abs_diff(l.line));
            if let Some((_, ids)) = nearest {
                push(&mut nodes, ids);
            }
        }
        g.findings.push(GFinding {
            code: f.code.to_string(),
            severity: f.severity.as_str().to_string(),
            message: f.message.clone(),
            place: Place::from(&f.location),
            nodes,
        });
    }
    let known: BTreeSet<String> = g.nodes.iter().map(|n| n.id.clone()).collect();
    g.edges
        .retain(|e| known.contains(&e.from) && known.contains(&e.to));
    g.edges
        .sort_by(|a, b| (&a.from, &a.to, a.kind).cmp(&(&b.from, &b.to, b.kind)));
    g.edges
        .dedup_by(|a, b| a.from == b.from && a.to == b.to && a.kind == b.kind);
    g
}

/// The names a message quotes in backticks, in order.
fn backticked(s: &str) -> impl Iterator<Item = &str> {
    s.split('`').skip(1).step_by(2)
}

/// The edges on some finding's path (both ends on it, consecutive or not).
fn hot_edges(g: &ReportGraph) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for f in &g.findings {
        let on: BTreeSet<&String> = f.nodes.iter().collect();
        for (i, e) in g.edges.iter().enumerate() {
            if on.contains(&e.from) && on.contains(&e.to) {
                out.insert(i);
            }
        }
    }
    out
}

fn hot_nodes(g: &ReportGraph) -> BTreeSet<&str> {
    g.findings
        .iter()
        .flat_map(|f| f.nodes.iter().map(String::as_str))
        .collect()
}

fn mermaid_text(s: &str) -> String {
    crate::escape::mermaid_label(s)
}

/// Mermaid `flowchart LR`: sources, agents, nodes, gates, tools, MCP servers; finding paths in red.
pub fn render_mermaid(g: &ReportGraph) -> String {
    let mut out = String::from("flowchart LR\n");
    let short: BTreeMap<&str, String> = g
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), format!("n{i}")))
        .collect();
    let hot = hot_nodes(g);
    for n in &g.nodes {
        let id = &short[n.id.as_str()];
        let label = mermaid_text(&n.label);
        let shape = match n.kind {
            "source" => format!("{id}>\"{label}\"]"),
            "agent" => format!("{id}([\"{label}\"])"),
            "gate" => format!("{id}{{{{\"{label}\"}}}}"),
            "mcp" => format!("{id}[/\"{label}\"/]"),
            _ => format!("{id}[\"{label}\"]"),
        };
        out.push_str(&format!("  {shape}\n"));
        // Mermaid puts its own `node` class on every node: a graph node's class is `graphnode`.
        let kind = if n.kind == "node" {
            "graphnode"
        } else {
            n.kind
        };
        let mut classes = vec![kind.to_string()];
        if !n.class.is_empty() {
            classes.push(n.class.replace('-', "_"));
        }
        if hot.contains(n.id.as_str()) {
            classes.push("hit".into());
        }
        // `class a,b c` assigns class `c` to nodes `a` and `b`: a comma in the class part
        // would be read as one class name, so each class gets its own line.
        for class in &classes {
            out.push_str(&format!("  class {id} {class}\n"));
        }
    }
    let hot_e = hot_edges(g);
    for e in &g.edges {
        let arrow = match e.kind {
            "gate" => "-.->",
            "reads" => "-->|reads|",
            _ => "-->",
        };
        out.push_str(&format!(
            "  {} {arrow} {}\n",
            short[e.from.as_str()],
            short[e.to.as_str()]
        ));
    }
    for i in &hot_e {
        out.push_str(&format!("  linkStyle {i} stroke:#d00,stroke-width:3px\n"));
    }
    out.push_str(
        "  classDef source fill:#fff3e0,stroke:#e65100\n  classDef agent fill:#e3f2fd,stroke:#1565c0\n  classDef tool fill:#f5f5f5,stroke:#616161\n  classDef privileged fill:#ffebee,stroke:#c62828\n  classDef gate fill:#e8f5e9,stroke:#2e7d32\n  classDef mcp fill:#f3e5f5,stroke:#6a1b9a\n  classDef graphnode fill:#e0f2f1,stroke:#00695c\n  classDef hit stroke:#d00,stroke-width:3px\n",
    );
    out
}

fn dot_text(s: &str) -> String {
    crate::escape::dot_label(s)
}

/// Graphviz dot, left to right; finding paths in red.
pub fn render_dot(g: &ReportGraph) -> String {
    let mut out = String::from(
        "digraph airlock {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n",
    );
    let hot = hot_nodes(g);
    for n in &g.nodes {
        let (shape, fill) = match (n.kind, n.class.as_str()) {
            ("source", _) => ("cds", "#fff3e0"),
            ("agent", _) => ("ellipse", "#e3f2fd"),
            ("gate", _) => ("hexagon", "#e8f5e9"),
            ("mcp", _) => ("parallelogram", "#f3e5f5"),
            ("tool", "privileged") => ("box", "#ffebee"),
            _ => ("box", "#f5f5f5"),
        };
        let color = if hot.contains(n.id.as_str()) {
            ", color=\"#d00000\", penwidth=2.5"
        } else {
            ""
        };
        out.push_str(&format!(
            "  \"{}\" [label=\"{}\\n{}:{}\", shape={shape}, style=filled, fillcolor=\"{fill}\"{color}];\n",
            dot_text(&n.id),
            dot_text(&n.label),
            dot_text(&n.place.path),
            n.place.line
        ));
    }
    let hot_e = hot_edges(g);
    for (i, e) in g.edges.iter().enumerate() {
        let mut attrs = vec![];
        if e.kind == "gate" {
            attrs.push("style=dashed".to_string());
        }
        if e.kind == "reads" {
            attrs.push("label=\"reads\"".to_string());
        }
        if hot_e.contains(&i) {
            attrs.push("color=\"#d00000\", penwidth=2.5".to_string());
        }
        out.push_str(&format!(
            "  \"{}\" -> \"{}\"{};\n",
            dot_text(&e.from),
            dot_text(&e.to),
            if attrs.is_empty() {
                String::new()
            } else {
                format!(" [{}]", attrs.join(", "))
            }
        ));
    }
    out.push_str("}\n");
    out
}

/// One self-contained HTML file: the graph as zoomable SVG, the findings list (click one to
/// highlight its path), each node linking to its file and line. `title` names the project;
/// `root` is the analysed root relative to the folder the report is written to (`link_base`),
/// so the links work wherever the report lands. Every link is built here, by
/// `escape::relative_file_url`; the page's script only sets them.
pub fn render_html(g: &ReportGraph, title: &str, tool_version: &str, root: &str) -> String {
    let links: BTreeMap<&str, String> = g
        .nodes
        .iter()
        .map(|n| {
            let path = if root.is_empty() {
                n.place.path.clone()
            } else {
                format!("{root}/{}", n.place.path)
            };
            (
                n.id.as_str(),
                crate::escape::relative_file_url(&path, n.place.line),
            )
        })
        .collect();
    let data = json!({ "graph": g, "links": links, "title": title, "version": tool_version });
    // Inside <script type="application/json">: nothing may close the element.
    let data = data
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    let title = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    HTML_TEMPLATE
        .replace("{{SCRIPT_HASH}}", &super::csp::script_hash(inline_script()))
        .replace("{{TITLE}}", &title)
        .replace("{{DATA}}", &data)
}

/// The analysed root relative to `folder` (where the report is written), `/`-separated: `..`
/// for each step up, then the way down; empty when they are the same folder. Both are made
/// absolute first; when they share no prefix (another drive) the root is given absolute.
pub fn link_base(folder: &std::path::Path, root: &std::path::Path) -> String {
    use std::path::Component;
    let abs = |p: &std::path::Path| {
        std::fs::canonicalize(p).unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|d| d.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        })
    };
    let (from, to) = (abs(folder), abs(root));
    let a: Vec<Component> = from.components().collect();
    let b: Vec<Component> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return to.to_string_lossy().replace('\\', "/");
    }
    let mut parts: Vec<String> = vec!["..".into(); a.len() - common];
    parts.extend(
        b[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

const HTML_TEMPLATE: &str = include_str!("graph.html");

/// The template's one executable inline script (between `<script>` and `</script>`), whose
/// hash the CSP allows.
fn inline_script() -> &'static str {
    let start = HTML_TEMPLATE
        .find("<script>")
        .map_or(0, |i| i + "<script>".len());
    let end = HTML_TEMPLATE[start..]
        .find("</script>")
        .map_or(HTML_TEMPLATE.len(), |i| start + i);
    &HTML_TEMPLATE[start..end]
}

#[cfg(test)]
mod tests {
    use super::link_base;

    #[test]
    fn the_link_base_climbs_out_of_the_report_folder_then_down_to_the_root() {
        let tmp = std::env::temp_dir().join(format!("airlock-linkbase-{}", std::process::id()));
        let out = tmp.join("reports/nested");
        let root = tmp.join("proj/src");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::create_dir_all(&root).unwrap();
        assert_eq!(link_base(&out, &root), "../../proj/src");
        assert_eq!(link_base(&root, &root), "");
        assert_eq!(link_base(&tmp, &root), "proj/src");
        let _ = std::fs::remove_dir_all(&tmp);
    }
}
