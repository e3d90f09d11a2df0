//! Which file belongs to which MCP client, and reading each client's shape into servers,
//! approvals and secrets (frameworks.md §4.1).
//!
//! Every client keeps one entry per server under a root map (`mcpServers`, VS Code's `servers`,
//! OpenCode's `mcp`, Codex's `[mcp_servers.*]`, Continue's `mcpServers:` list). Settings files
//! (Claude Code `.claude/settings.json`, VS Code `settings.json`, Cursor `permissions.json`)
//! carry the approval knobs. A value of the wrong type is skipped with a notice naming the file
//! and line; notices name keys and types, never values.

use super::knowledge::McpKnowledge;
use super::secrets;
use super::{launch, Approval, Client, McpFacts, Scope, Secret, Server, Str, Transport};
use crate::knowledge::Knowledge;
use crate::model::{Notice, SourceFile, Span};
use crate::syntax::tree::{Node, Value};

/// How a recognised file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `{"mcpServers": {...}}` (`flat`: a plugin's `.mcp.json` may hold the map itself).
    McpServers { flat: bool },
    /// VS Code `mcp.json`: `{"servers": {...}, "inputs": [...]}`.
    VsCodeMcp,
    /// VS Code `settings.json`: `mcp.servers` and `chat.tools.*` approval settings.
    VsCodeSettings,
    /// `~/.claude.json`: `mcpServers` and `projects.<path>.mcpServers`.
    ClaudeUser,
    /// `.claude/settings*.json`: permissions, `enableAllProjectMcpServers`, `env`.
    ClaudeSettings,
    /// Cursor `permissions.json`: `mcpAllowlist`.
    CursorPermissions,
    /// Cursor CLI `cli.json`: `permissions.allow` with `Mcp(server:tool)`.
    CursorCli,
    /// Gemini CLI `settings.json` / `gemini-extension.json`: `mcpServers` with `trust`.
    Gemini,
    /// OpenCode `opencode.json(c)`: `mcp` with `local`/`remote` servers.
    OpenCode,
    /// Codex `config.toml`: `[mcp_servers.<name>]`, `approval_policy`, `sandbox_mode`.
    Codex,
    /// Kiro `mcp.json`: `mcpServers` and `powers.mcpServers`.
    Kiro,
    /// Continue `config.yaml` and `.continue/mcpServers/*`: a list of servers with `name`.
    Continue,
    /// Any other `mcp.json`-like file: read only when it has `mcpServers`.
    Generic,
}

/// The client and shape of a config file, from its path.
pub fn recognise(path: &str) -> Option<(Client, Shape)> {
    let lower = path.to_ascii_lowercase();
    let mut parts = lower.rsplit('/');
    let name = parts.next()?;
    let parent = parts.next().unwrap_or("");
    let grand = parts.next().unwrap_or("");
    let ext_json = name.ends_with(".json") || name.ends_with(".jsonc");
    let ext_yaml = name.ends_with(".yaml") || name.ends_with(".yml");
    Some(match (parent, name) {
        (_, "claude_desktop_config.json") => {
            (Client::ClaudeDesktop, Shape::McpServers { flat: false })
        }
        (_, ".mcp.json") => (Client::ClaudeCode, Shape::McpServers { flat: true }),
        (_, "managed-mcp.json") => (Client::ClaudeCode, Shape::McpServers { flat: false }),
        (_, ".claude.json") => (Client::ClaudeCode, Shape::ClaudeUser),
        (".claude", "settings.json" | "settings.local.json") | (_, "managed-settings.json") => {
            (Client::ClaudeCode, Shape::ClaudeSettings)
        }
        (".cursor", "mcp.json") => (Client::Cursor, Shape::McpServers { flat: false }),
        (".cursor", "permissions.json") => (Client::Cursor, Shape::CursorPermissions),
        (".cursor", "cli.json" | "cli-config.json") => (Client::Cursor, Shape::CursorCli),
        (".vscode", "mcp.json") | ("user", "mcp.json") => (Client::VsCode, Shape::VsCodeMcp),
        (".vscode", "settings.json") => (Client::VsCode, Shape::VsCodeSettings),
        (".copilot", "mcp-config.json") => (Client::Copilot, Shape::McpServers { flat: false }),
        (_, "mcp_config.json") | (".windsurf", "mcp.json") => {
            (Client::Windsurf, Shape::McpServers { flat: false })
        }
        (_, "cline_mcp_settings.json") => (Client::Cline, Shape::McpServers { flat: false }),
        (".roo", "mcp.json") | (_, "mcp_settings.json") => {
            (Client::RooCode, Shape::McpServers { flat: false })
        }
        (".kilocode", "mcp.json") => (Client::KiloCode, Shape::McpServers { flat: false }),
        (".gemini", "settings.json") | (_, "gemini-extension.json") => {
            (Client::Gemini, Shape::Gemini)
        }
        (_, "opencode.json" | "opencode.jsonc") => (Client::OpenCode, Shape::OpenCode),
        (".codex", "config.toml") => (Client::Codex, Shape::Codex),
        ("settings", "mcp.json") if grand == ".kiro" => (Client::Kiro, Shape::Kiro),
        (".continue", _) if ext_yaml && name.starts_with("config") => {
            (Client::Continue, Shape::Continue)
        }
        ("mcpservers", _) if grand == ".continue" && ext_yaml => {
            (Client::Continue, Shape::Continue)
        }
        ("mcpservers", _) if grand == ".continue" && ext_json => {
            (Client::Continue, Shape::McpServers { flat: false })
        }
        (_, "mcp.json" | "mcp_servers.json" | "mcp-servers.json" | "mcpservers.json") => {
            (Client::Generic, Shape::Generic)
        }
        _ => return None,
    })
}

/// Reads one file into the facts.
pub struct Reader<'a> {
    k: &'a Knowledge,
    file: &'a SourceFile,
    client: Client,
    facts: &'a mut McpFacts,
    notices: &'a mut Vec<Notice>,
}

/// Keys a server entry may hold in some client, for spotting misspelled ones.
const SERVER_KEYS: &[&str] = &[
    "command",
    "args",
    "env",
    "envFile",
    "cwd",
    "type",
    "transport",
    "transportType",
    "url",
    "serverUrl",
    "httpUrl",
    "headers",
    "http_headers",
    "env_http_headers",
    "bearer_token_env_var",
    "disabled",
    "enabled",
    "autoApprove",
    "alwaysAllow",
    "trust",
    "timeout",
    "oauth",
    "environment",
    "includeTools",
    "excludeTools",
    "description",
    "name",
    "auth",
    "env_vars",
    "headersHelper",
    "enabled_tools",
    "disabled_tools",
    "bearer_token",
    "authProviderType",
    "tcp",
];

impl<'a> Reader<'a> {
    pub fn new(
        k: &'a Knowledge,
        file: &'a SourceFile,
        client: Client,
        facts: &'a mut McpFacts,
        notices: &'a mut Vec<Notice>,
    ) -> Reader<'a> {
        Reader {
            k,
            file,
            client,
            facts,
            notices,
        }
    }

    fn mcp(&self) -> &'a McpKnowledge {
        &self.k.mcp
    }

    fn notice(&mut self, at: Span, message: String) {
        let line = self.file.lines.line_col(at.start).0;
        self.notices.push(Notice {
            path: self.file.rel_path.clone(),
            line,
            message,
        });
    }

    /// `node` must be a mapping; otherwise a notice and `None`.
    fn map<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n Node> {
        if node.as_map().is_some() {
            return Some(node);
        }
        if node.is_null() {
            return None;
        }
        self.notice(
            node.span,
            format!(
                "{what} should be an object, found {}; skipped",
                article(node.kind_name())
            ),
        );
        None
    }

    /// `node` must be a sequence; otherwise a notice and `None`.
    fn seq<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n [Node]> {
        if let Some(items) = node.as_seq() {
            return Some(items);
        }
        if node.is_null() {
            return None;
        }
        self.notice(
            node.span,
            format!(
                "{what} should be an array, found {}; skipped",
                article(node.kind_name())
            ),
        );
        None
    }

    /// Strings of a sequence; other items are reported once and skipped.
    fn strings(&mut self, items: &[Node], what: &str) -> Vec<Str> {
        let mut out = vec![];
        let mut reported = false;
        for i in items {
            match i.as_str() {
                Some(s) => out.push((s.to_string(), i.span)),
                None if !reported => {
                    reported = true;
                    self.notice(
                        i.span,
                        format!(
                            "{what} should hold strings, found {}; skipped",
                            article(i.kind_name())
                        ),
                    );
                }
                None => {}
            }
        }
        out
    }

    pub fn read(&mut self, shape: Shape, root: &Node) {
        if root.as_map().is_none() {
            if shape != Shape::Generic && !root.is_null() {
                self.notice(
                    root.span,
                    format!(
                        "{} configuration should be an object, found {}; skipped",
                        self.client.name(),
                        article(root.kind_name())
                    ),
                );
            }
            return;
        }
        match shape {
            Shape::McpServers { flat } => self.servers_root(root, "mcpServers", flat),
            Shape::Generic => {
                if let Some(s) = root.get("mcpServers") {
                    self.server_map(s, "mcpServers");
                }
            }
            Shape::VsCodeMcp => self.servers_root(root, "servers", false),
            Shape::VsCodeSettings => {
                let nested = root.get("mcp").and_then(|m| m.get("servers"));
                if let Some(s) = nested.or_else(|| root.get("mcp.servers")) {
                    self.server_map(s, "mcp.servers");
                }
                for knob in ["chat.tools.global.autoApprove", "chat.tools.autoApprove"] {
                    if let Some((k, v)) = entry(root, knob) {
                        if v.as_bool() == Some(true) {
                            self.approval(k.span, knob, Scope::Everything, None, vec![]);
                        }
                    }
                }
            }
            Shape::ClaudeUser => {
                if let Some(s) = root.get("mcpServers") {
                    self.server_map(s, "mcpServers");
                }
                if let Some(projects) = root.get("projects").and_then(|p| self.map(p, "`projects`"))
                {
                    for (_, p) in projects.entries() {
                        if let Some(s) = p.get("mcpServers") {
                            self.server_map(s, "mcpServers");
                        }
                    }
                }
            }
            Shape::ClaudeSettings => self.claude_settings(root),
            Shape::CursorPermissions => {
                if let Some(list) = root.get("mcpAllowlist") {
                    let items = self.seq(list, "`mcpAllowlist`").unwrap_or(&[]);
                    for (entry, span) in self.strings(items, "`mcpAllowlist`") {
                        self.colon_entry(&entry, span, "mcpAllowlist");
                    }
                }
            }
            Shape::CursorCli => {
                let allow = root.get("permissions").and_then(|p| p.get("allow"));
                if let Some(list) = allow {
                    let items = self.seq(list, "`permissions.allow`").unwrap_or(&[]);
                    for (entry, span) in self.strings(items, "`permissions.allow`") {
                        let inner = entry.strip_prefix("Mcp(").and_then(|r| r.strip_suffix(')'));
                        if let Some(inner) = inner {
                            let normal = inner.replacen(',', ":", 1).replace(' ', "");
                            self.colon_entry(&normal, span, "permissions.allow");
                        }
                    }
                }
            }
            Shape::Gemini => self.servers_root(root, "mcpServers", false),
            Shape::OpenCode => {
                if let Some(s) = root.get("mcp") {
                    self.server_map(s, "mcp");
                }
            }
            Shape::Codex => {
                if let Some(s) = root.get("mcp_servers") {
                    self.server_map(s, "mcp_servers");
                }
                let policy = entry(root, "approval_policy");
                let sandbox = root.get("sandbox_mode").and_then(Node::as_str);
                if let Some((k, v)) = policy {
                    if v.as_str() == Some("never") && sandbox == Some("danger-full-access") {
                        self.approval(k.span, "approval_policy", Scope::Everything, None, vec![]);
                    }
                }
            }
            Shape::Kiro => {
                self.servers_root(root, "mcpServers", false);
                if let Some(s) = root.get("powers").and_then(|p| p.get("mcpServers")) {
                    self.server_map(s, "powers.mcpServers");
                }
            }
            Shape::Continue => {
                if let Some(s) = root.get("mcpServers") {
                    self.server_map(s, "mcpServers");
                }
            }
        }
    }

    /// The root map of servers under `key`; the other common root key is read with a notice,
    /// and a plugin's flat map is read when allowed.
    fn servers_root(&mut self, root: &Node, key: &str, flat: bool) {
        let other = if key == "servers" {
            "mcpServers"
        } else {
            "servers"
        };
        if let Some(s) = root.get(key) {
            self.server_map(s, key);
        } else if let Some((k, s)) = entry(root, other) {
            self.notice(
                k.span,
                format!(
                    "{} reads servers from `{key}`, not `{other}`; read anyway",
                    self.client.name()
                ),
            );
            self.server_map(s, other);
        } else if flat
            && root
                .entries()
                .iter()
                .any(|(_, v)| v.get("command").is_some() || v.get("url").is_some())
        {
            self.server_map(root, "mcpServers");
        }
    }

    /// A map of servers by name, or Continue's list of servers with `name`.
    fn server_map(&mut self, node: &Node, what: &str) {
        if let Some(items) = node.as_seq() {
            for item in items {
                let name = item.get("name");
                let (n, span) = match name.and_then(|n| n.scalar_text().map(|s| (s, n.span))) {
                    Some((s, span)) => (s.to_string(), span),
                    None => ("(unnamed)".to_string(), item.span),
                };
                self.server(&n, span, item);
            }
            return;
        }
        let Some(map) = self.map(node, &format!("`{what}`")) else {
            return;
        };
        for (k, v) in map.entries() {
            let name = k.scalar_text().unwrap_or("").to_string();
            self.server(&name, k.span, v);
        }
    }

    fn server(&mut self, name: &str, key: Span, node: &Node) {
        let Some(node) = self.map(node, &format!("server `{name}`")) else {
            return;
        };
        self.misspelled_keys(name, node);
        // OpenCode: `command` is an array holding the arguments too.
        let mut args: Vec<Str> = vec![];
        let command = match node.get("command") {
            Some(c) if c.as_seq().is_some() => {
                let items = self.strings(
                    c.as_seq().unwrap_or(&[]),
                    &format!("`command` of server `{name}`"),
                );
                let mut it = items.into_iter();
                let first = it.next();
                args.extend(it);
                first
            }
            Some(c) if c.as_str().is_none() && !c.is_null() => {
                self.notice(
                    c.span,
                    format!(
                        "`command` of server `{name}` should be a string, found {}; skipped",
                        article(c.kind_name())
                    ),
                );
                None
            }
            c => c.and_then(|c| c.as_str().map(|s| (s.to_string(), c.span))),
        };
        if let Some(a) = node.get("args") {
            if let Some(items) = self.seq(a, &format!("`args` of server `{name}`")) {
                args.extend(self.strings(items, &format!("`args` of server `{name}`")));
            }
        }
        let env = self.pairs(node, &["env", "environment"], name);
        let headers = self.pairs(node, &["headers", "http_headers"], name);
        let url_node = ["url", "serverUrl", "httpUrl", "uri"]
            .iter()
            .find_map(|k| node.get(k).map(|v| (*k, v)));
        let mut url: Option<Str> = None;
        if let Some((k, v)) = url_node {
            match v.scalar_text() {
                Some(s) => url = Some((s.to_string(), v.span)),
                None => self.notice(
                    v.span,
                    format!(
                        "`{k}` of server `{name}` should be a string, found {}; skipped",
                        article(v.kind_name())
                    ),
                ),
            }
        }
        let ty = ["type", "transport", "transportType"]
            .iter()
            .find_map(|k| node.get(k).and_then(Node::as_str))
            .map(str::to_ascii_lowercase);
        let launch = launch::parse(self.mcp(), command.as_ref(), &args);
        let transport = match ty.as_deref() {
            Some("stdio" | "local") => Transport::Stdio,
            Some("sse") => Transport::Sse,
            Some(
                "http" | "streamable-http" | "streamablehttp" | "streamable_http" | "remote"
                | "streamable",
            ) => Transport::Http,
            Some("ws" | "websocket") => Transport::WebSocket,
            _ if url_node.is_some_and(|(k, _)| k == "httpUrl") => Transport::Http,
            // Cline and Gemini CLI treat a bare `url` as SSE.
            _ if url.is_some() && matches!(self.client, Client::Cline | Client::Gemini) => {
                Transport::Sse
            }
            _ if url.is_some() => Transport::Http,
            _ if command.is_some() => Transport::Stdio,
            _ if node.get("tcp").is_some() => Transport::WebSocket,
            _ => {
                self.notice(
                    key,
                    format!(
                        "server `{name}` has neither `command` nor `url`; airlock cannot tell how it starts"
                    ),
                );
                Transport::Unknown
            }
        };
        let url = url.or_else(|| launch.bridge_url.clone());
        let auth_header = headers.iter().any(|((h, _), _)| {
            secrets::key_names_secret(self.mcp(), h) || h.eq_ignore_ascii_case("cookie")
        });
        let env_header = node.get("env_http_headers").is_some_and(|h| {
            h.entries().iter().any(|(k, _)| {
                k.scalar_text()
                    .is_some_and(|k| secrets::key_names_secret(self.mcp(), k))
            })
        });
        let url_cred = url.as_ref().is_some_and(|(u, _)| {
            let q = u.split_once('?').map_or("", |(_, q)| q);
            u.split("://")
                .nth(1)
                .is_some_and(|r| r.split('/').next().unwrap_or("").contains('@'))
                || q.split('&').any(|p| {
                    p.split_once('=')
                        .is_some_and(|(n, _)| secrets::query_names_secret(self.mcp(), n))
                })
        });
        let auth = auth_header
            || env_header
            || url_cred
            || launch.bridge_header
            || [
                "oauth",
                "auth",
                "authProviderType",
                "bearer_token_env_var",
                "bearer_token",
                "headersHelper",
            ]
            .iter()
            .any(|k| {
                node.get(k)
                    .is_some_and(|v| v.as_bool() != Some(false) && !v.is_null())
            });
        let oauth_capable = match &launch.package {
            Some(p) if launch.bridge_url.is_some() => {
                self.mcp().bridge(&p.name).is_some_and(|b| b.oauth)
            }
            _ => self.client.runs_oauth(),
        };
        let disabled = node.get("disabled").and_then(Node::as_bool) == Some(true)
            || node.get("enabled").and_then(Node::as_bool) == Some(false);
        let caps = super::infer_caps(
            self.mcp(),
            name,
            &launch,
            url.as_ref().map(|(u, _)| u.as_str()),
        );
        // Approval knobs on the server entry.
        let list_keys: &[&str] = match self.client {
            Client::Cline | Client::Kiro => &["autoApprove"],
            Client::RooCode | Client::KiloCode => &["alwaysAllow"],
            Client::Generic | Client::Windsurf => &["autoApprove", "alwaysAllow"],
            _ => &[],
        };
        for knob in list_keys {
            let Some(list) = node.get(knob) else { continue };
            let Some(items) = self.seq(list, &format!("`{knob}` of server `{name}`")) else {
                continue;
            };
            let tools = self.strings(items, &format!("`{knob}` of server `{name}`"));
            if let Some(star) = tools.iter().find(|(t, _)| t == "*") {
                self.approval(star.1, knob, Scope::Server, Some(name), vec![]);
            } else if !tools.is_empty() {
                self.approval(list.span, knob, Scope::Tools, Some(name), tools);
            }
        }
        if self.client == Client::Gemini {
            if let Some((k, v)) = entry(node, "trust") {
                if v.as_bool() == Some(true) {
                    self.approval(k.span, "trust", Scope::Server, Some(name), vec![]);
                }
            }
        }
        self.server_secrets(name, node);
        // The string values one level inside each object of the entry (`oauth: {...}`); AIR310
        // picks the OAuth blocks by name (`rules/knowledge/mcp_auth.toml`).
        let mut block_values = vec![];
        for (b, block) in node.entries() {
            let Some(block_name) = b.scalar_text() else {
                continue;
            };
            for (k, v) in block.entries() {
                let Some(key) = k.scalar_text() else { continue };
                let items: Vec<&Node> = match v.as_seq() {
                    Some(items) => items.iter().collect(),
                    None => vec![v],
                };
                for item in items {
                    if let Some(s) = item.as_str() {
                        block_values.push((
                            block_name.to_string(),
                            key.to_string(),
                            (s.to_string(), item.span),
                        ));
                    }
                }
            }
        }
        self.facts.servers.push(Server {
            name: name.to_string(),
            client: self.client,
            file: self.file.id,
            key,
            transport,
            command,
            args,
            launch,
            env,
            headers,
            url,
            auth,
            oauth_capable,
            disabled,
            caps,
            block_values,
        });
    }

    /// A string-to-string map such as `env` or `headers`: (name, literal value).
    fn pairs(&mut self, node: &Node, keys: &[&str], server: &str) -> Vec<(Str, Option<Str>)> {
        let mut out = vec![];
        for key in keys {
            let Some(m) = node.get(key) else { continue };
            let Some(m) = self.map(m, &format!("`{key}` of server `{server}`")) else {
                continue;
            };
            for (k, v) in m.entries() {
                let Some(name) = k.scalar_text() else {
                    continue;
                };
                let value = v.scalar_text().map(|s| (s.to_string(), v.span));
                out.push(((name.to_string(), k.span), value));
            }
        }
        out
    }

    /// Keys that differ from a known server key only by case or one letter: a notice, since
    /// the client ignores them.
    fn misspelled_keys(&mut self, server: &str, node: &Node) {
        for (k, _) in node.entries() {
            let Some(key) = k.scalar_text() else { continue };
            if SERVER_KEYS.contains(&key) {
                continue;
            }
            let near = SERVER_KEYS.iter().find(|known| {
                known.eq_ignore_ascii_case(key) || (key.len() >= 3 && one_edit(known, key))
            });
            if let Some(known) = near {
                self.notice(
                    k.span,
                    format!("unknown key `{key}` in server `{server}` (did you mean `{known}`?); the client ignores it"),
                );
            }
        }
    }

    /// Every secret in a server entry: env and header values, arguments, URLs, other fields.
    fn server_secrets(&mut self, server: &str, node: &Node) {
        let mut stack: Vec<Visit> = vec![(node, None, None)];
        while let Some((n, key, parent)) = stack.pop() {
            match &n.value {
                Value::Map(entries) => {
                    let own = key.as_ref().map(|(k, _)| k.clone());
                    for (k, v) in entries.iter().rev() {
                        let name = k.scalar_text().unwrap_or("").to_string();
                        stack.push((v, Some((name, k.span)), own.clone()));
                    }
                }
                Value::Seq(items) => {
                    let is_args = key
                        .as_ref()
                        .is_some_and(|(k, _)| k == "args" || k == "command");
                    let mut prev: Option<&str> = None;
                    for item in items {
                        if let Some(s) = item.scalar_text() {
                            let hits = if is_args {
                                secrets::scan_arg(self.mcp(), prev, s)
                            } else {
                                secrets::scan(self.mcp(), None, s)
                            };
                            for h in hits {
                                self.secret(
                                    server,
                                    item.span,
                                    item,
                                    s,
                                    h,
                                    "an argument".into(),
                                    None,
                                );
                            }
                            prev = Some(s);
                        } else {
                            stack.push((item, None, None));
                            prev = None;
                        }
                    }
                }
                Value::String(s) => {
                    let (k, at) = match &key {
                        Some((k, span)) => (Some(k.as_str()), *span),
                        None => (None, n.span),
                    };
                    let url_key = k.is_some_and(|k| {
                        matches!(k, "url" | "serverUrl" | "httpUrl" | "uri" | "command")
                    });
                    let hits = secrets::scan(self.mcp(), if url_key { None } else { k }, s);
                    let place = match (parent.as_deref(), k) {
                        (Some("env" | "environment"), Some(k)) => format!("env `{k}`"),
                        (Some("headers" | "http_headers"), Some(k)) => format!("header `{k}`"),
                        (_, Some(k)) if url_key => format!("`{k}`"),
                        (_, Some(k)) => format!("field `{k}`"),
                        _ => "value".into(),
                    };
                    let key_name = k.filter(|_| !url_key).map(String::from);
                    for h in hits {
                        self.secret(server, at, n, s, h, place.clone(), key_name.clone());
                    }
                }
                _ => {}
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn secret(
        &mut self,
        server: &str,
        at: Span,
        node: &Node,
        value: &str,
        hit: secrets::Hit,
        place: String,
        key: Option<String>,
    ) {
        let redact = file_span(&self.file.text, node.span, value, &hit.range);
        self.facts.secrets.push(Secret {
            client: self.client,
            file: self.file.id,
            at,
            redact,
            kind: hit.kind,
            place,
            key,
            server: (!server.is_empty()).then(|| server.to_string()),
            local: hit.local,
        });
    }

    fn approval(
        &mut self,
        span: Span,
        knob: &str,
        scope: Scope,
        server: Option<&str>,
        tools: Vec<Str>,
    ) {
        self.facts.approvals.push(Approval {
            client: self.client,
            file: self.file.id,
            span,
            knob: knob.to_string(),
            scope,
            server: server.map(String::from),
            tools,
        });
    }

    /// Cursor's `server:tool`, `server:*`, `*:*` / `*`.
    fn colon_entry(&mut self, entry: &str, span: Span, knob: &str) {
        let (server, tool) = entry.split_once(':').unwrap_or((entry, "*"));
        let (server, tool) = (server.trim(), tool.trim());
        if server == "*" {
            self.approval(span, knob, Scope::AllMcp, None, vec![]);
        } else if tool == "*" || tool.is_empty() {
            self.approval(span, knob, Scope::Server, Some(server), vec![]);
        } else {
            self.approval(
                span,
                knob,
                Scope::Tools,
                Some(server),
                vec![(tool.to_string(), span)],
            );
        }
    }

    fn claude_settings(&mut self, root: &Node) {
        if let Some((k, v)) = entry(root, "enableAllProjectMcpServers") {
            if v.as_bool() == Some(true) {
                self.approval(
                    k.span,
                    "enableAllProjectMcpServers",
                    Scope::ProjectServers,
                    None,
                    vec![],
                );
            }
        }
        if let Some(env) = root.get("env") {
            if self.map(env, "`env`").is_some() {
                for (k, v) in env.entries() {
                    let (Some(name), Some(s)) = (k.scalar_text(), v.scalar_text()) else {
                        continue;
                    };
                    for h in secrets::scan(self.mcp(), Some(name), s) {
                        self.secret(
                            "",
                            k.span,
                            v,
                            s,
                            h,
                            format!("env `{name}`"),
                            Some(name.to_string()),
                        );
                    }
                }
            }
        }
        let Some(perms) = root.get("permissions") else {
            return;
        };
        let Some(perms) = self.map(perms, "`permissions`") else {
            return;
        };
        if let Some(v) = perms.get("defaultMode") {
            if v.as_str() == Some("bypassPermissions") {
                self.approval(
                    v.span,
                    "permissions.defaultMode",
                    Scope::Everything,
                    None,
                    vec![],
                );
            }
        }
        let denied: Vec<String> = perms
            .get("deny")
            .and_then(Node::as_seq)
            .unwrap_or(&[])
            .iter()
            .filter_map(|d| d.as_str().map(String::from))
            .collect();
        let Some(allow) = perms.get("allow") else {
            return;
        };
        let items = self.seq(allow, "`permissions.allow`").unwrap_or(&[]);
        for (rule, span) in self.strings(items, "`permissions.allow`") {
            if denied.contains(&rule) {
                continue;
            }
            let Some(rest) = rule.strip_prefix("mcp__") else {
                continue;
            };
            let (server, tool) = match rest.split_once("__") {
                Some((s, t)) => (s, Some(t)),
                None => (rest, None),
            };
            if server.is_empty() || server.contains('*') {
                self.approval(span, "permissions.allow", Scope::AllMcp, None, vec![]);
            } else {
                match tool {
                    None | Some("*") | Some("") => self.approval(
                        span,
                        "permissions.allow",
                        Scope::Server,
                        Some(server),
                        vec![],
                    ),
                    Some(t) if t.contains('*') => self.approval(
                        span,
                        "permissions.allow",
                        Scope::Server,
                        Some(server),
                        vec![],
                    ),
                    Some(t) => self.approval(
                        span,
                        "permissions.allow",
                        Scope::Tools,
                        Some(server),
                        vec![(t.to_string(), span)],
                    ),
                }
            }
        }
    }
}

/// A node to visit for secrets: the node, the key holding it (with the key's span), and the
/// key of the map holding that (`env`, `headers`).
type Visit<'n> = (&'n Node, Option<(String, Span)>, Option<String>);

/// The last entry of a mapping with this key, key node included.
fn entry<'n>(node: &'n Node, key: &str) -> Option<(&'n Node, &'n Node)> {
    node.entries()
        .iter()
        .rev()
        .find(|(k, _)| k.scalar_text() == Some(key))
        .map(|(k, v)| (k, v))
}

/// "a string", "an object" for notices.
fn article(kind: &str) -> String {
    let kind = match kind {
        "mapping" => "object",
        "sequence" => "array",
        other => other,
    };
    if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {kind}")
    } else {
        format!("a {kind}")
    }
}

/// Whether `a` and `b` differ by one insertion, deletion or substitution.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 || a == b {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

/// The file bytes of `range` inside the string value of `node`: exact when the value is written
/// without escapes, else the secret's text found in the node, else the whole string.
fn file_span(text: &str, node: Span, value: &str, range: &std::ops::Range<usize>) -> Span {
    let raw = text.get(node.range()).unwrap_or("");
    let quoted = raw.len() >= 2
        && ((raw.starts_with('"') && raw.ends_with('"'))
            || (raw.starts_with('\'') && raw.ends_with('\'')));
    let (inner_at, inner) = if quoted {
        (node.start as usize + 1, &raw[1..raw.len() - 1])
    } else {
        (node.start as usize, raw)
    };
    if inner == value {
        return Span::new(inner_at + range.start, inner_at + range.end);
    }
    if let Some(secret) = value.get(range.clone()) {
        if !secret.is_empty() {
            if let Some(i) = raw.find(secret) {
                let at = node.start as usize + i;
                return Span::new(at, at + secret.len());
            }
        }
    }
    Span::new(inner_at, inner_at + inner.len())
}

/// Secrets anywhere in a config file's text, found without its parse tree: string literals
/// with the key before them (JSON), `key: value` / `key = value` lines (YAML, TOML), and
/// token shapes in any word. Used to mask what the tree does not cover (a file whose parse
/// stopped early, settings outside any server).
pub fn text_scan(k: &McpKnowledge, text: &str) -> Vec<Span> {
    text_scan_in(k, text, false)
}

/// [`text_scan`] for any file; `code` for Python and TypeScript, whose unquoted values are
/// expressions (`password = settings.db_password`), not secrets.
pub fn text_scan_in(k: &McpKnowledge, text: &str, code: bool) -> Vec<Span> {
    let mut out = vec![];
    let lits = secrets::lexical_strings(text);
    let mut prev_lit: Option<&str> = None;
    for (range, prev, sep) in &lits {
        let value = &text[range.clone()];
        let key = match (prev, sep) {
            (Some(p), b':') => Some(&text[p.clone()]),
            _ => None,
        };
        let hits = if *sep == b',' {
            secrets::scan_arg(k, prev_lit, value)
        } else {
            secrets::scan(k, key, value)
        };
        for h in hits {
            out.push(Span::new(
                range.start + h.range.start,
                range.start + h.range.end,
            ));
        }
        prev_lit = Some(value);
    }
    // A config that launches `mysql` has its `-pPASS` in an argument on another line.
    let program_named = k
        .vocabulary
        .glued_password_flags
        .iter()
        .any(|g| text.contains(&format!("\"{}\"", g.program)));
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        for (v_at, h) in secrets::scan_key_values(k, body, code) {
            out.push(Span::new(
                at + v_at + h.range.start,
                at + v_at + h.range.end,
            ));
        }
        // Token shapes are found over the whole text below, once; URLs per line.
        if body.contains("://") {
            for h in secrets::scan(k, None, body) {
                out.push(Span::new(at + h.range.start, at + h.range.end));
            }
        }
        for h in secrets::scan_words(k, body, program_named) {
            out.push(Span::new(at + h.range.start, at + h.range.end));
        }
        at += line.len();
    }
    // Token shapes anywhere (a PEM block spans lines): one search per shape over the text.
    for h in secrets::shapes(k, text) {
        out.push(Span::new(h.range.start, h.range.end));
    }
    out.retain(|s| s.end as usize <= text.len() && s.start < s.end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_recognised() {
        let c = |p: &str| recognise(p).map(|(c, _)| c);
        assert_eq!(c("claude_desktop_config.json"), Some(Client::ClaudeDesktop));
        assert_eq!(c("a/.mcp.json"), Some(Client::ClaudeCode));
        assert_eq!(c(".claude/settings.local.json"), Some(Client::ClaudeCode));
        assert_eq!(c(".cursor/mcp.json"), Some(Client::Cursor));
        assert_eq!(c(".vscode/mcp.json"), Some(Client::VsCode));
        assert_eq!(c(".vscode/settings.json"), Some(Client::VsCode));
        assert_eq!(
            c(".codeium/windsurf/mcp_config.json"),
            Some(Client::Windsurf)
        );
        assert_eq!(c("x/cline_mcp_settings.json"), Some(Client::Cline));
        assert_eq!(c(".roo/mcp.json"), Some(Client::RooCode));
        assert_eq!(c(".kilocode/mcp.json"), Some(Client::KiloCode));
        assert_eq!(c(".gemini/settings.json"), Some(Client::Gemini));
        assert_eq!(c("opencode.jsonc"), Some(Client::OpenCode));
        assert_eq!(c(".codex/config.toml"), Some(Client::Codex));
        assert_eq!(c(".kiro/settings/mcp.json"), Some(Client::Kiro));
        assert_eq!(c(".continue/mcpServers/db.yaml"), Some(Client::Continue));
        assert_eq!(c("tools/mcp.json"), Some(Client::Generic));
        assert_eq!(c("settings.json"), None);
        assert_eq!(c("package.json"), None);
        assert_eq!(c("config.toml"), None);
    }

    #[test]
    fn one_edit_distance() {
        assert!(one_edit("args", "arg"));
        assert!(one_edit("env", "envs"));
        assert!(one_edit("command", "commnd"));
        assert!(!one_edit("args", "args"));
        assert!(!one_edit("url", "uri2"));
    }

    #[test]
    fn file_spans_map_into_the_string() {
        let text = r#"{"K": "Bearer abc123"}"#;
        let at = text.find("\"Bearer").expect("value");
        let node = Span::new(at, at + "\"Bearer abc123\"".len());
        let s = file_span(text, node, "Bearer abc123", &(7..13));
        assert_eq!(&text[s.range()], "abc123");
        // With an escape the secret is found by its text.
        let text = r#"{"K": "a\/b secretvalue1"}"#;
        let at = text.find("\"a").expect("value");
        let node = Span::new(at, text.len() - 1);
        let s = file_span(text, node, "a/b secretvalue1", &(4..16));
        assert_eq!(&text[s.range()], "secretvalue1");
    }

    #[test]
    fn text_scan_masks_without_a_tree() {
        let k = Knowledge::builtin();
        let text = "{\"env\": {\"API_KEY\": \"abcd1234efgh5678\" oops\n  \"X\": \"ghp_R8mXq2Lk7TzN4vPw9HbY3cJd6FsA1gKe0uQo\"}";
        let spans = text_scan(&k.mcp, text);
        let masked: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
        assert!(masked.contains(&"abcd1234efgh5678"), "{masked:?}");
        assert!(masked.contains(&"ghp_R8mXq2Lk7TzN4vPw9HbY3cJd6FsA1gKe0uQo"));
        let toml = "[mcp_servers.x]\nenv = { API_KEY = \"abcd1234efgh5678\" }\nbearer_token = \"s3cr3t-v4lu3-xyz\"\n";
        let masked: Vec<&str> = text_scan(&k.mcp, toml)
            .iter()
            .map(|s| &toml[s.range()])
            .collect();
        assert!(masked.contains(&"s3cr3t-v4lu3-xyz"), "{masked:?}");
    }
}
