//! MCP client configurations: which files configure MCP servers for which client (Claude
//! Desktop, Claude Code, Cursor, VS Code, Windsurf, Cline, Roo Code, Kilo Code, Gemini CLI,
//! OpenCode, Codex, Kiro, Continue), the servers they declare as plain facts (transport,
//! launcher, package and version, env and headers, URL, capabilities inferred from
//! `rules/knowledge/mcp.toml`), the approval and trust knobs that let tools run unasked, and
//! the credentials written into them.
//!
//! Credentials are also why this module can change the analysis's source text: [`redact`]
//! masks every secret it finds in a recognised config file, byte for byte with `*`, before
//! any rule or renderer reads the text. Code frames, fingerprints and every output format
//! therefore never see a secret's characters (ARCHITECTURE.md, "secrets are never printed").

pub mod clients;
pub mod knowledge;
pub mod launch;
pub mod poisoning;
pub mod secrets;

use crate::knowledge::Knowledge;
use crate::model::{FileId, Notice, SourceDb, Span};
use crate::syntax::tree::Node;

/// A string from a config file with the span of its node (quotes included for JSON).
pub type Str = (String, Span);

/// The client a config file belongs to: decides the file's shape and which knobs it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Client {
    ClaudeDesktop,
    ClaudeCode,
    Cursor,
    VsCode,
    Copilot,
    Windsurf,
    Cline,
    RooCode,
    KiloCode,
    Gemini,
    OpenCode,
    Codex,
    Kiro,
    Continue,
    /// An `mcp.json` with `mcpServers` read by a library (Pydantic AI, fastmcp) or any client.
    Generic,
}

impl Client {
    pub fn name(self) -> &'static str {
        match self {
            Client::ClaudeDesktop => "Claude Desktop",
            Client::ClaudeCode => "Claude Code",
            Client::Cursor => "Cursor",
            Client::VsCode => "VS Code",
            Client::Copilot => "GitHub Copilot",
            Client::Windsurf => "Windsurf",
            Client::Cline => "Cline",
            Client::RooCode => "Roo Code",
            Client::KiloCode => "Kilo Code",
            Client::Gemini => "Gemini CLI",
            Client::OpenCode => "OpenCode",
            Client::Codex => "Codex",
            Client::Kiro => "Kiro",
            Client::Continue => "Continue",
            Client::Generic => "MCP client",
        }
    }

    /// Whether the client runs MCP's OAuth flow on its own when a remote server answers 401
    /// with protected-resource metadata, so a config without credentials is normal. Checked
    /// against the clients' documentation (frameworks.md §4.1, §4.5); Roo Code does not start
    /// the flow reliably, and libraries reading a generic `mcp.json` need `auth` configured.
    pub fn runs_oauth(self) -> bool {
        matches!(
            self,
            Client::ClaudeCode
                | Client::Cursor
                | Client::VsCode
                | Client::Copilot
                | Client::Windsurf
                | Client::Cline
                | Client::KiloCode
                | Client::Gemini
                | Client::OpenCode
                | Client::Codex
        )
    }

    /// How this client lets a config refer to a secret kept elsewhere, for help texts.
    pub fn reference_hint(self, var: &str) -> String {
        let var = if var.is_empty() { "TOKEN" } else { var };
        match self {
            Client::ClaudeCode => format!("`${{{var}}}` (Claude Code expands environment variables)"),
            Client::ClaudeDesktop => format!(
                "Claude Desktop expands no variables, so start the server through a wrapper that reads `{var}` from the system keychain, and keep this file out of version control and sync"
            ),
            Client::VsCode => format!(
                "`${{input:{}}}` with an input declared `\"password\": true`, or `${{env:{var}}}`",
                var.to_ascii_lowercase().replace('_', "-")
            ),
            Client::Cursor => format!("`${{env:{var}}}` (Cursor interpolates environment variables)"),
            Client::Gemini => format!("`${{{var}}}` or `${var}` (Gemini CLI expands environment variables)"),
            Client::OpenCode => format!("`{{env:{var}}}` (OpenCode substitutes environment variables)"),
            Client::Codex => format!(
                "`env_vars = [\"{var}\"]`, `bearer_token_env_var` or `env_http_headers` (Codex reads the value from the environment)"
            ),
            _ => format!(
                "an environment variable (`${{{var}}}` where the client expands it) or a secret manager"
            ),
        }
    }
}

/// How a server is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    Stdio,
    /// Streamable HTTP.
    Http,
    /// The deprecated HTTP+SSE transport.
    Sse,
    /// WebSocket (Gemini CLI `tcp`).
    WebSocket,
    Unknown,
}

/// What a server can do, inferred from its package or name (`mcp.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caps {
    /// The `mcp.toml` entry that matched; `None` when the server is unknown.
    pub entry: Option<String>,
    pub sinks: Vec<String>,
    pub sources: Vec<String>,
}

/// One configured server.
#[derive(Debug, Clone)]
pub struct Server {
    pub name: String,
    pub client: Client,
    pub file: FileId,
    /// The server's key (or its `name:` value in list-shaped configs).
    pub key: Span,
    pub transport: Transport,
    pub command: Option<Str>,
    pub args: Vec<Str>,
    pub launch: launch::Launch,
    /// Environment entries: name and literal value (non-strings are `None`).
    pub env: Vec<(Str, Option<Str>)>,
    pub headers: Vec<(Str, Option<Str>)>,
    /// The remote URL: the server's own (`url`, `serverUrl`, `httpUrl`) or a bridge's argument.
    pub url: Option<Str>,
    /// Some authentication is configured: a credential header, an `oauth`/`auth` block, a bearer
    /// token from the environment, a bridge `--header`, a URL credential.
    pub auth: bool,
    /// Whoever connects (the client, or a bridge such as `mcp-remote`) runs MCP's OAuth flow when
    /// the server asks for it.
    pub oauth_capable: bool,
    pub disabled: bool,
    pub caps: Caps,
    /// The string values one level inside each object of its entry: block, key and value
    /// (`oauth`, `authorizationUrl`, `http://...`; a list's items share its key). AIR310 reads
    /// the OAuth blocks among them.
    pub block_values: Vec<(String, String, Str)>,
}

/// What an approval knob lets run without asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The listed tools of one server.
    Tools,
    /// Every tool of one server (`trust: true`, `mcp__github`, `github:*`, `"*"`).
    Server,
    /// Every MCP tool of every server (`mcp__*`, `*:*`).
    AllMcp,
    /// Every tool, the client's own shell and file tools included (`bypassPermissions`).
    Everything,
    /// Every server a project's config declares starts without asking.
    ProjectServers,
}

/// One auto-approve or trust setting.
#[derive(Debug, Clone)]
pub struct Approval {
    pub client: Client,
    pub file: FileId,
    /// The setting's entry or key.
    pub span: Span,
    /// The knob as written: `alwaysAllow`, `permissions.allow`, `trust`, `defaultMode` ...
    pub knob: String,
    pub scope: Scope,
    pub server: Option<String>,
    /// With `Scope::Tools`: the tools, each with its entry's span.
    pub tools: Vec<Str>,
}

/// A credential written into a config file.
#[derive(Debug, Clone)]
pub struct Secret {
    pub client: Client,
    pub file: FileId,
    /// Where to report it: the key holding it, or the argument.
    pub at: Span,
    /// The bytes to mask.
    pub redact: Span,
    /// `GitHub personal access token`, `secret` (named by its key), `URL password`,
    /// ``\`token\` query parameter``.
    pub kind: String,
    /// ``env `GITHUB_TOKEN` ``, ``header `Authorization` ``, `an argument`, `` `url` ``,
    /// ``field `apiKey` ``.
    pub place: String,
    /// The key's name when there is one (for the help's reference syntax).
    pub key: Option<String>,
    pub server: Option<String>,
    /// A credential for a service on the local machine.
    pub local: bool,
}

/// Everything read from the project's MCP client configurations.
#[derive(Debug, Default)]
pub struct McpFacts {
    /// Recognised config files and their client.
    pub configs: Vec<(FileId, Client)>,
    pub servers: Vec<Server>,
    pub approvals: Vec<Approval>,
    pub secrets: Vec<Secret>,
    /// Byte ranges to mask, per file: `secrets`' spans plus what the text scan finds.
    pub redactions: Vec<(FileId, Span)>,
    /// Indexes into `servers` by server name.
    by_name: std::collections::HashMap<String, Vec<usize>>,
}

impl McpFacts {
    /// The servers named `name` (in any config of the project), enabled ones first.
    pub fn servers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Server> + 'a {
        let (on, off): (Vec<&Server>, Vec<&Server>) = self
            .by_name
            .get(name)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .map(|&i| &self.servers[i])
            .partition(|s| !s.disabled);
        on.into_iter().chain(off)
    }
}

/// What a server can do, from `mcp.toml`: by the package it launches (bridges excepted), else
/// by the words of its name, else by the words of its URL's host.
pub fn infer_caps(
    k: &knowledge::McpKnowledge,
    name: &str,
    launch: &launch::Launch,
    url: Option<&str>,
) -> Caps {
    let host_words = url
        .and_then(|u| u.split("://").nth(1))
        .map(|r| {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            let host = host.rsplit('@').next().unwrap_or(host);
            secrets::host_only(host).replace('.', " ")
        })
        .unwrap_or_default();
    let package = launch.package.as_ref().filter(|p| !k.is_bridge(&p.name));
    let known = k
        .server_entry(name, package.map(|p| p.name.as_str()))
        .or_else(|| {
            (!host_words.is_empty())
                .then(|| k.server_entry(&host_words, None))
                .flatten()
        });
    known.map_or_else(Caps::default, |e| Caps {
        entry: Some(e.id.clone()),
        sinks: e.sinks.clone(),
        sources: e.sources.clone(),
    })
}

/// Whether a path (relative, `/`-separated) is an MCP client configuration airlock reads.
/// Used to keep YAML and TOML trees only for those files.
pub fn is_config_path(path: &str) -> bool {
    clients::recognise(path).is_some()
}

/// Reads every recognised config among the parsed files. `trees` holds each JSON, YAML (first
/// document) or TOML file's tree, in any order; files whose parse failed may be missing from
/// it. Problems with a config's shape become notices naming the file and line.
pub fn extract(
    k: &Knowledge,
    db: &SourceDb,
    trees: &[(FileId, &Node)],
    notices: &mut Vec<Notice>,
) -> McpFacts {
    let mut facts = McpFacts::default();
    let mut trees = trees.to_vec();
    trees.sort_by_key(|(id, _)| *id);
    for f in &db.files {
        let Some((client, shape)) = clients::recognise(&f.rel_path) else {
            continue;
        };
        facts.configs.push((f.id, client));
        let first_secret = facts.secrets.len();
        let tree = trees
            .binary_search_by_key(&f.id, |(id, _)| *id)
            .ok()
            .map(|i| trees[i].1);
        if let Some(root) = tree {
            let mut r = clients::Reader::new(k, f, client, &mut facts, notices);
            r.read(shape, root);
        }
        let mut spans: Vec<Span> = facts.secrets[first_secret..]
            .iter()
            .map(|s| s.redact)
            .collect();
        spans.extend(clients::text_scan(&k.mcp, &f.text));
        facts
            .redactions
            .extend(spans.into_iter().map(|s| (f.id, s)));
    }
    facts.redactions.sort();
    facts.redactions.dedup();
    for (i, s) in facts.servers.iter().enumerate() {
        facts.by_name.entry(s.name.clone()).or_default().push(i);
    }
    facts
}

/// Masks every secret found in config files: each byte becomes `*`, line breaks stay, so
/// spans, line numbers and columns are unchanged. Each file is masked in one pass and its text
/// validated once, whatever the number of secrets in it (it was once per secret: quadratic).
pub fn redact(db: &mut SourceDb, facts: &McpFacts) {
    let mut by_file: std::collections::BTreeMap<FileId, Vec<Span>> =
        std::collections::BTreeMap::new();
    for (file, span) in &facts.redactions {
        by_file.entry(*file).or_default().push(*span);
    }
    for (file, spans) in by_file {
        mask_spans(db, file, &spans);
    }
}

/// Every secret-shaped value in every file's text, whatever the file (code, comments, YAML,
/// JSONC, `.env`-style lines, connection strings, shell commands): the same scan as an MCP
/// config's text (`clients::text_scan`), with the shapes, keys and programs of the knowledge
/// (`mcp.toml`, extensible in `airlock.toml`). Files are scanned in parallel; the result is in
/// file order. The pipeline scans while the interpreter runs (the scan reads only the text) and
/// applies the masks with [`mask_sources`] once the rules are done, before anything is rendered,
/// so code frames, hovers and snippets never carry a live secret.
pub fn scan_sources(k: &knowledge::McpKnowledge, db: &SourceDb) -> SourceMasks {
    use rayon::prelude::*;
    let found = db
        .files
        .par_iter()
        .enumerate()
        .map(|(i, f)| {
            let code = [
                ".py", ".pyi", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts",
            ]
            .iter()
            .any(|e| f.rel_path.ends_with(e));
            (FileId(i as u32), clients::text_scan_in(k, &f.text, code))
        })
        .filter(|(_, spans)| !spans.is_empty())
        .collect();
    SourceMasks(found)
}

/// What [`scan_sources`] found: per file, in file order, the spans to mask.
#[derive(Debug, Default)]
pub struct SourceMasks(Vec<(FileId, Vec<Span>)>);

/// Masks what [`scan_sources`] found (`*`, line breaks kept).
pub fn mask_sources(db: &mut SourceDb, masks: SourceMasks) {
    for (file, spans) in masks.0 {
        mask_spans(db, file, &spans);
    }
}

/// Masks spans of one file's text in one pass, validating the text once (`*`, line breaks
/// kept, so spans and columns hold); also AIR311's client secrets in code.
pub fn mask_spans(db: &mut SourceDb, file: FileId, spans: &[Span]) {
    let Some(f) = db.files.get_mut(file.0 as usize) else {
        return;
    };
    let text = std::mem::take(&mut f.text);
    let mut bytes = text.into_bytes();
    for span in spans {
        let end = (span.end as usize).min(bytes.len());
        for b in bytes.get_mut(span.start as usize..end).unwrap_or(&mut []) {
            if *b != b'\n' && *b != b'\r' {
                *b = b'*';
            }
        }
    }
    // Replacing whole UTF-8 sequences' bytes with ASCII keeps the text valid; should a span
    // ever cut a character, the lossy conversion keeps the run going.
    f.text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
}

/// Adds the servers to a plain-text dump of facts (`AIRLOCK_DEBUG_FACTS`). Values of env,
/// headers and arguments are never printed: names only.
pub fn debug_facts(facts: &McpFacts, db: &SourceDb) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for s in &facts.servers {
        let _ = writeln!(
            out,
            "mcp server {:?} ({}) {}:{} {:?} launcher {:?} package {:?} pin {:?} env {:?} headers {:?} auth {} disabled {} caps {:?}",
            s.name,
            s.client.name(),
            db.get(s.file).rel_path,
            db.location(s.file, s.key).line,
            s.transport,
            s.launch.launcher,
            s.launch.package.as_ref().map(|p| &p.name),
            s.launch.package.as_ref().map(|p| &p.pin),
            s.env.iter().map(|(k, _)| &k.0).collect::<Vec<_>>(),
            s.headers.iter().map(|(k, _)| &k.0).collect::<Vec<_>>(),
            s.auth,
            s.disabled,
            s.caps.entry,
        );
    }
    for a in &facts.approvals {
        let _ = writeln!(
            out,
            "mcp approval {} {:?} {:?} tools {:?}",
            a.knob,
            a.scope,
            a.server,
            a.tools.iter().map(|t| &t.0).collect::<Vec<_>>()
        );
    }
    for s in &facts.secrets {
        let _ = writeln!(out, "mcp secret {} in {}", s.kind, s.place);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LineIndex, SourceFile};
    use crate::syntax::tree::Budget;

    /// Reads one config file the way the pipeline does.
    fn read(path: &str, text: &str) -> (McpFacts, Vec<Notice>) {
        let k = Knowledge::builtin();
        let mut db = SourceDb::default();
        db.files.push(SourceFile {
            id: FileId(0),
            rel_path: path.into(),
            abs_path: path.into(),
            text: text.into(),
            lines: LineIndex::new(text),
        });
        let tree = if path.ends_with(".toml") {
            crate::syntax::toml::parse_toml(text).0
        } else if path.ends_with(".yaml") {
            crate::syntax::yaml::parse_yaml(text, &Budget::default())
                .0
                .into_iter()
                .next()
        } else {
            crate::syntax::json::parse_json(text, &Budget::default()).0
        };
        let trees: Vec<(FileId, &Node)> = tree.iter().map(|t| (FileId(0), t)).collect();
        let mut notices = vec![];
        let facts = extract(&k, &db, &trees, &mut notices);
        (facts, notices)
    }

    fn scopes(f: &McpFacts) -> Vec<(Scope, Option<String>, Vec<String>)> {
        f.approvals
            .iter()
            .map(|a| {
                (
                    a.scope,
                    a.server.clone(),
                    a.tools.iter().map(|t| t.0.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn vscode_settings_servers_and_global_auto_approve() {
        let (f, n) = read(
            ".vscode/settings.json",
            r#"{
  "chat.tools.global.autoApprove": true,
  "mcp": { "servers": { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"] } } }
}"#,
        );
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(f.servers.len(), 1);
        assert_eq!(f.servers[0].caps.entry.as_deref(), Some("filesystem"));
        assert_eq!(scopes(&f), [(Scope::Everything, None, vec![])]);
    }

    #[test]
    fn cursor_cli_and_claude_user_files() {
        let (f, _) = read(
            ".cursor/cli.json",
            r#"{"permissions": {"allow": ["Shell(ls)", "Mcp(github:create_issue)", "Mcp(linear, *)"]}}"#,
        );
        assert_eq!(
            scopes(&f),
            [
                (
                    Scope::Tools,
                    Some("github".into()),
                    vec!["create_issue".into()]
                ),
                (Scope::Server, Some("linear".into()), vec![]),
            ]
        );
        let (f, _) = read(
            ".claude.json",
            r#"{"mcpServers": {"a": {"command": "uvx", "args": ["x"]}},
                "projects": {"/home/d/p": {"mcpServers": {"b": {"type": "http", "url": "https://b.example.com/mcp"}}}}}"#,
        );
        let names: Vec<&str> = f.servers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(f.servers[1].transport, Transport::Http);
        assert!(f.servers[1].oauth_capable);
    }

    #[test]
    fn opencode_remote_and_local_servers() {
        let (f, n) = read(
            "opencode.json",
            r#"{"mcp": {
                "jira": {"type": "remote", "url": "https://jira.example.com/mcp", "headers": {"Authorization": "Bearer {env:JIRA}"}},
                "db": {"type": "local", "command": ["uvx", "mcp-server-sqlite==1.0.0", "--db", "x.db"], "environment": {"A": "b"}}
            }}"#,
        );
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(f.servers[0].transport, Transport::Http);
        assert!(f.servers[0].auth);
        let db = &f.servers[1];
        assert_eq!(db.transport, Transport::Stdio);
        assert_eq!(db.args.len(), 3);
        assert_eq!(db.env.len(), 1);
        assert_eq!(
            db.launch.package.as_ref().map(|p| p.pin.clone()),
            Some(launch::Pin::Exact)
        );
    }

    #[test]
    fn kilo_copilot_kiro_and_gemini_shapes() {
        let (f, _) = read(
            ".kilocode/mcp.json",
            r#"{"mcpServers": {"gh": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@1.0.0"], "alwaysAllow": ["push_files"]}}}"#,
        );
        assert_eq!(f.servers[0].client, Client::KiloCode);
        assert_eq!(
            scopes(&f),
            [(Scope::Tools, Some("gh".into()), vec!["push_files".into()])]
        );
        let (f, _) = read(
            "home/.copilot/mcp-config.json",
            r#"{"mcpServers": {"x": {"type": "sse", "url": "https://x.example.com/sse"}}}"#,
        );
        assert_eq!(f.servers[0].transport, Transport::Sse);
        let (f, _) = read(
            ".kiro/settings/mcp.json",
            r#"{"mcpServers": {}, "powers": {"mcpServers": {"p": {"command": "node", "args": ["p.js"], "autoApprove": ["*"]}}}}"#,
        );
        assert_eq!(f.servers[0].name, "p");
        assert!(f.servers[0].launch.local);
        assert_eq!(scopes(&f), [(Scope::Server, Some("p".into()), vec![])]);
        let (f, _) = read(
            ".gemini/settings.json",
            r#"{"mcpServers": {"remote": {"url": "https://r.example.com/sse"}, "ws": {"tcp": "ws://r.example.com:9000"}}}"#,
        );
        assert_eq!(f.servers[0].transport, Transport::Sse);
        assert_eq!(f.servers[1].transport, Transport::WebSocket);
    }

    #[test]
    fn vscode_reads_servers_and_notes_the_wrong_root_key() {
        let (f, n) = read(
            ".vscode/mcp.json",
            r#"{"mcpServers": {"a": {"command": "uvx", "args": ["a==1.0"]}}}"#,
        );
        assert_eq!(f.servers.len(), 1);
        assert_eq!(n.len(), 1);
        assert!(
            n[0].message.contains("reads servers from `servers`"),
            "{n:?}"
        );
    }

    #[test]
    fn continue_yaml_lists_servers_by_name() {
        let (f, n) = read(
            ".continue/config.yaml",
            "name: cfg\nmcpServers:\n  - name: fs\n    command: npx\n    args: [\"-y\", \"@modelcontextprotocol/server-filesystem\"]\n",
        );
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(f.servers[0].name, "fs");
        assert_eq!(f.servers[0].client, Client::Continue);
    }

    #[test]
    fn redaction_keeps_length_lines_and_utf8() {
        let text = "{\"env\": {\"TOKEN\": \"ghp_R8mXq2Lk7TzN4vPw9HbY3cJd6FsA1gKe0uQo\"}}\n// é\n";
        let mut db = SourceDb::default();
        db.files.push(crate::model::SourceFile {
            id: FileId(0),
            rel_path: "x".into(),
            abs_path: "x".into(),
            text: text.into(),
            lines: crate::model::LineIndex::new(text),
        });
        let start = text.find("ghp_").expect("token");
        let facts = McpFacts {
            redactions: vec![(FileId(0), Span::new(start, start + 40))],
            ..McpFacts::default()
        };
        redact(&mut db, &facts);
        let masked = &db.files[0].text;
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("ghp_"));
        assert!(masked.contains(&"*".repeat(40)));
        assert!(masked.ends_with("// é\n"));
    }

    #[test]
    fn many_secrets_in_one_file_are_masked_in_one_pass() {
        let line = "{\"KEY\": \"ghp_R8mXq2Lk7TzN4vPw9HbY3cJd6FsA1gKe0uQo\"}\n";
        let text = line.repeat(2_000);
        let mut db = SourceDb::default();
        db.files.push(crate::model::SourceFile {
            id: FileId(0),
            rel_path: "x".into(),
            abs_path: "x".into(),
            text: text.clone(),
            lines: crate::model::LineIndex::new(&text),
        });
        let redactions = text
            .match_indices("ghp_")
            .map(|(i, _)| (FileId(0), Span::new(i, i + 40)))
            .collect();
        let facts = McpFacts {
            redactions,
            ..McpFacts::default()
        };
        redact(&mut db, &facts);
        let masked = &db.files[0].text;
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("ghp_"));
        assert_eq!(masked.matches(&"*".repeat(40)).count(), 2_000);
    }
}
