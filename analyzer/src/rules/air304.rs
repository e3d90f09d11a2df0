//! AIR304 mcp-auto-approved-tools: a client setting lets MCP tools that act (write, delete,
//! send, execute, pay ...) run without asking: per-tool auto-approve lists, whole-server trust,
//! wildcard allow rules, global bypass modes, and starting every project server unasked.
//!
//! Whether a tool acts comes from its name's verbs (`create_issue` acts, `list_issues` reads)
//! and, when the name says neither, from its server's capabilities (`mcp.toml`).

use super::context::Ctx;
use super::RuleMeta;
use crate::facts::Site;
use crate::mcp::{Approval, Caps, Scope};
use crate::model::{Confidence, Finding, Severity};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR304",
    name: "mcp-auto-approved-tools",
    summary: "a client config auto-approves or trusts MCP tools",
    default_severity: Severity::High,
    implemented: true,
    docs: doc!("AIR304"),
};

/// What AIR304 reports: `client`'s setting `knob` approves MCP tool calls without asking.
pub enum McpAutoApprovedTools {
    /// Every tool, the client's own included.
    Everything { client: String, knob: String },
    /// Every server a project declares starts without asking.
    ProjectServers { client: String },
    /// Every tool of every MCP server.
    AllMcp { client: String, knob: String },
    /// Every tool of `server`; `what` says what the server can do (or that airlock cannot see).
    Server {
        client: String,
        knob: String,
        server: String,
        what: String,
    },
    /// Named `tools` of `server` that can act (`count` of them in all).
    Tools {
        client: String,
        knob: String,
        server: String,
        tools: Vec<String>,
        count: usize,
        what: String,
    },
}

impl super::Violation for McpAutoApprovedTools {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        match self {
            Self::Everything { client, knob } => match knob.as_str() {
                "permissions.defaultMode" => "Claude Code runs every tool without asking (`defaultMode: bypassPermissions`), its shell, file edits and MCP tools included".into(),
                "approval_policy" => "Codex runs every command and tool without asking (`approval_policy = \"never\"` with `sandbox_mode = \"danger-full-access\"`)".into(),
                knob => format!(
                    "{client} auto-approves every tool (`{knob}: true`), the terminal and MCP tools included"
                ),
            },
            Self::ProjectServers { client } => format!(
                "{client} starts every MCP server a project's `.mcp.json` declares without asking (`enableAllProjectMcpServers`)"
            ),
            Self::AllMcp { client, knob } => {
                format!("{client} auto-approves every tool of every MCP server (`{knob}` entry)")
            }
            Self::Server {
                client,
                knob,
                server,
                what,
            } => format!("{client} auto-approves every tool of MCP server `{server}` (`{knob}`){what}"),
            Self::Tools {
                client,
                knob,
                server,
                tools,
                count,
                what,
            } => {
                let names: Vec<String> = tools.iter().take(4).map(|t| format!("`{t}`")).collect();
                let more = if *count > 4 {
                    format!(" and {} more", count - 4)
                } else {
                    String::new()
                };
                let noun = if *count == 1 { "a tool" } else { "tools" };
                format!(
                    "{client} auto-approves {noun} of MCP server `{server}` that can act: {}{more} (`{knob}`){what}",
                    names.join(", "),
                )
            }
        }
    }

    fn help(&self) -> String {
        match self {
            Self::Everything { .. } => "remove the global bypass; auto-approve read-only tools by name and let every other call ask",
            Self::ProjectServers { .. } => "list the servers you reviewed in `enabledMcpjsonServers` instead",
            Self::AllMcp { .. } => "allow read-only tools by name and let the others ask",
            Self::Server { .. } => "auto-approve only the server's read-only tools, by name, and let calls that act ask",
            Self::Tools { .. } => "keep auto-approval to tools that only read (`get_*`, `list_*`, `search_*`, `read_*`); let tools that write, send or run ask each time",
        }
        .to_string()
    }
}

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for a in &cx.mcp.approvals {
        let site = Site {
            file: a.file,
            span: a.span,
        };
        let client = a.client.name();
        let found = match a.scope {
            Scope::Everything => Some((
                Severity::Critical,
                Confidence::High,
                McpAutoApprovedTools::Everything {
                    client: client.to_string(),
                    knob: a.knob.clone(),
                },
                site,
            )),
            Scope::ProjectServers => Some((
                META.default_severity,
                Confidence::High,
                McpAutoApprovedTools::ProjectServers {
                    client: client.to_string(),
                },
                site,
            )),
            Scope::AllMcp => Some((
                META.default_severity,
                Confidence::High,
                McpAutoApprovedTools::AllMcp {
                    client: client.to_string(),
                    knob: a.knob.clone(),
                },
                site,
            )),
            Scope::Server => server_finding(cx, a, site),
            Scope::Tools => tools_finding(cx, a),
        };
        let Some((severity, confidence, violation, site)) = found else {
            continue;
        };
        let tools: Vec<&str> = a.tools.iter().map(|t| t.0.as_str()).collect();
        let key = format!(
            "{}|{}|{}",
            a.knob,
            a.server.as_deref().unwrap_or(""),
            tools.join(",")
        );
        out.push(cx.report(&violation, severity, confidence, site, vec![], &[&key]));
    }
}

type Found = (Severity, Confidence, McpAutoApprovedTools, Site);

/// The capabilities of the server an approval names: from the project's configs, else from
/// its name. `None` when the server is disabled in every config that declares it.
fn caps_of(cx: &Ctx, server: &str) -> Option<Caps> {
    let mut declared = cx.mcp.servers_named(server).peekable();
    if let Some(s) = declared.peek() {
        if s.disabled {
            return None;
        }
        return Some(s.caps.clone());
    }
    Some(
        cx.k.mcp
            .server_entry(server, None)
            .map_or_else(Caps::default, |e| Caps {
                entry: Some(e.id.clone()),
                sinks: e.sinks.clone(),
                sources: e.sources.clone(),
            }),
    )
}

/// The sink kinds of a server that act on the world or can carry data out, most severe first.
fn acting<'c>(cx: &Ctx, caps: &'c Caps) -> Vec<&'c str> {
    let mut v: Vec<&str> = caps
        .sinks
        .iter()
        .map(String::as_str)
        .filter(|k| cx.k.sink_kind(k).is_some_and(|s| s.privileged || s.exfil))
        .collect();
    v.sort_by_key(|k| std::cmp::Reverse(cx.k.sink_severity(k)));
    v
}

/// "which can push, commit, open or merge in a code host".
fn can(cx: &Ctx, kinds: &[&str]) -> String {
    kinds
        .first()
        .and_then(|k| cx.k.sink_kind(k))
        .map(|s| format!(", which {}", s.description))
        .unwrap_or_default()
}

fn server_finding(cx: &Ctx, a: &Approval, site: Site) -> Option<Found> {
    let server = a.server.as_deref()?;
    let caps = caps_of(cx, server)?;
    let kinds = acting(cx, &caps);
    let (severity, confidence) = match (caps.entry.is_some(), kinds.first()) {
        (true, None) => return None,
        (true, Some(k)) => (cx.k.sink_severity(k), Confidence::High),
        (false, _) => (Severity::High, Confidence::Medium),
    };
    let what = if caps.entry.is_some() {
        can(cx, &kinds)
    } else {
        ", whose tools airlock cannot see".to_string()
    };
    Some((
        severity,
        confidence,
        McpAutoApprovedTools::Server {
            client: a.client.name().to_string(),
            knob: a.knob.clone(),
            server: server.to_string(),
            what,
        },
        site,
    ))
}

fn tools_finding(cx: &Ctx, a: &Approval) -> Option<Found> {
    let server = a.server.as_deref()?;
    let caps = caps_of(cx, server)?;
    let kinds = acting(cx, &caps);
    let known = caps.entry.is_some();
    let mut acts: Vec<(&str, crate::model::Span, Confidence)> = vec![];
    for (tool, span) in &a.tools {
        let c = match cx.k.mcp.tool_acts(tool) {
            Some(false) => continue,
            Some(true) => Confidence::High,
            None if known && kinds.is_empty() => continue,
            None if known => Confidence::Medium,
            None => Confidence::Low,
        };
        acts.push((tool.as_str(), *span, c));
    }
    let (_, first, _) = acts.first().copied()?;
    let confidence = acts.iter().map(|t| t.2).max().unwrap_or(Confidence::Low);
    let severity = match kinds.first() {
        Some(k) => cx.k.sink_severity(k),
        None if confidence == Confidence::Low => Severity::Medium,
        None => Severity::High,
    };
    Some((
        severity,
        confidence,
        McpAutoApprovedTools::Tools {
            client: a.client.name().to_string(),
            knob: a.knob.clone(),
            server: server.to_string(),
            tools: acts.iter().take(4).map(|(t, _, _)| t.to_string()).collect(),
            count: acts.len(),
            what: can(cx, &kinds),
        },
        Site {
            file: a.file,
            span: first,
        },
    ))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    const CONFIG: &str = r#"{
  "mcpServers": {
    "desktop-commander": {
      "command": "npx",
      "args": ["-y", "@wonderwhy-er/desktop-commander@0.2.11"],
      "alwaysAllow": ["*"]
    }
  }
}
"#;

    #[test]
    fn auto_approving_every_tool_of_a_shell_server_fires() {
        let f = findings("AIR304", &[(".roo/mcp.json", CONFIG)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0.as_str(), f[0].1), (".roo/mcp.json", 6));
    }

    #[test]
    fn an_empty_allow_list_approves_nothing() {
        let fixed = CONFIG.replace("[\"*\"]", "[]");
        assert!(findings("AIR304", &[(".roo/mcp.json", &fixed)]).is_empty());
    }
}
