//! Agent code that loads tools from MCP servers, linked to what those servers can do
//! (frameworks.md §1.4 "MCP tools in LangGraph", §3.5, §5.1, §4.6, §0.3).
//!
//! A toolset is the value an agent receives: `await MultiServerMCPClient({...}).get_tools()`,
//! `load_mcp_tools(session)`, CrewAI's `MCPServerAdapter(...)`, OpenAI Agents'
//! `MCPServerStdio(...)`/`MCPServerStreamableHttp(...)`. Each server it connects to becomes one
//! [`LinkedServer`] whose capabilities come, in this order, from:
//! 1. the server's code in the same project (`extract::mcp_server`), when the connection runs a
//!    project script or module (`python server.py`, `uv run -m app.server`, `node build/index.js`);
//! 2. a server of the same name in the project's MCP client configurations (`mcp/`);
//! 3. the package it launches, its name or its URL's host (`rules/knowledge/mcp.toml`).
//!
//! A server none of these describe is kept with `known: false`: possibly privileged, never empty.
//! Every server's tool results are untrusted (`mcp_tool_result`).

use crate::extract::body::{BodyAnalyzer, CapHit};
use crate::extract::interp::{iter_elements, Evaluation, ModuleInfo, Obj, ObjId, Site, Value};
use crate::extract::mcp_server::McpServerFacts;
use crate::knowledge::{glob_match, Knowledge};
use crate::mcp::McpFacts;
use crate::model::{SourceDb, Span};

/// LangChain's MCP adapters.
const LANGCHAIN_GET_TOOLS: &str = "langchain_mcp_adapters.**.MultiServerMCPClient.get_tools";
const LANGCHAIN_LOAD_TOOLS: &str = "langchain_mcp_adapters.**.load_mcp_tools";
const LANGCHAIN_SESSION: &str = "langchain_mcp_adapters.**.MultiServerMCPClient.session";
/// Connection parameters of the `mcp` client SDK and its transports.
const CONNECTIONS: &[&str] = &[
    "mcp.**.StdioServerParameters",
    "mcp.**.stdio_client",
    "mcp.**.streamablehttp_client",
    "mcp.**.streamable_http_client",
    "mcp.**.sse_client",
    "mcp.**.websocket_client",
];
/// Objects that are toolsets themselves (CrewAI adapter, OpenAI Agents servers).
const SERVER_OBJECTS: &[&str] = &[
    "crewai_tools.**.MCPServerAdapter",
    "agents.mcp.**.MCPServerStdio",
    "agents.mcp.**.MCPServerSse",
    "agents.mcp.**.MCPServerStreamableHttp",
    "agents.**.MCPServerStdio",
    "agents.**.MCPServerStreamableHttp",
    "agents.**.MCPServerSse",
];
/// OpenAI Agents' hosted MCP tool: OpenAI's servers call the remote server named in
/// `tool_config={"server_label": ..., "server_url": ...}`.
const HOSTED_MCP: &str = "agents.**.HostedMCPTool";

/// One server a toolset connects to.
#[derive(Debug, Clone)]
pub struct LinkedServer {
    /// The connection's name (`"github"` in the client's dict), else the package or script.
    pub name: String,
    /// Where the connection is written in the agent's code.
    pub site: Site,
    pub sinks: Vec<String>,
    pub sources: Vec<String>,
    /// Whether its capabilities are known (code, configuration or knowledge).
    pub known: bool,
    /// How they are known: ``server code in `srv.py` ``, ``package `mcp-server-git` ``...
    pub via: String,
    /// Sink calls in the server's code, when the server is in the project.
    pub code_sinks: Vec<CapHit>,
    /// The server's tools by name and whether each is privileged (when its code is known).
    pub tools: Vec<(String, bool)>,
    /// From the server's code: whether a tool runs a command or code the model writes (an
    /// argument flows whole into a shell or code sink). `None` when the code is not known.
    pub runs_model_code: Option<bool>,
}

pub struct Linker<'a> {
    pub k: &'a Knowledge,
    pub ev: &'a Evaluation,
    pub modules: &'a [ModuleInfo],
    pub db: &'a SourceDb,
    pub configs: &'a McpFacts,
    pub servers: &'a McpServerFacts,
    pub body: &'a BodyAnalyzer<'a>,
}

fn class_is(o: &Obj, glob: &str) -> bool {
    o.class_name().is_some_and(|c| glob_match(glob, c))
}

/// A string value and its span.
fn str_of(v: &Value) -> Option<(String, Span)> {
    match v {
        Value::Str(s, site) => Some((s.to_string(), site.span)),
        _ => None,
    }
}

fn get<'v>(d: &'v Value, key: &str) -> Option<&'v Value> {
    match d {
        Value::Dict(items) => items
            .iter()
            .rev()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v),
        _ => None,
    }
}

impl<'a> Linker<'a> {
    /// The servers an object gives an agent tools from, if it is an MCP toolset.
    pub fn toolset(&self, id: ObjId) -> Option<Vec<LinkedServer>> {
        let o = &self.ev.objects[id];
        if class_is(o, LANGCHAIN_GET_TOOLS) {
            let client = o.receiver.map(|r| &self.ev.objects[r]);
            let only = o
                .kwarg("server_name")
                .or_else(|| o.args.first())
                .and_then(|v| v.as_str());
            return Some(match client {
                Some(c) => self.client_servers(c, only, o.site),
                None => vec![self.unknown("MCP client", o.site)],
            });
        }
        if class_is(o, LANGCHAIN_LOAD_TOOLS) {
            // `load_mcp_tools(session)` with `client.session("name")`, else the connections
            // opened in the same function.
            if let Some(Value::Obj(sid)) = o.args.first().or_else(|| o.kwarg("session")) {
                let s = &self.ev.objects[*sid];
                if class_is(s, LANGCHAIN_SESSION) {
                    let only = s.args.first().and_then(|v| v.as_str());
                    if let Some(c) = s.receiver.map(|r| &self.ev.objects[r]) {
                        return Some(self.client_servers(c, only, o.site));
                    }
                }
            }
            let found = self.connections_near(o.site);
            return Some(if found.is_empty() {
                vec![self.unknown("MCP session", o.site)]
            } else {
                found
            });
        }
        if class_is(o, HOSTED_MCP) {
            let cfg = o
                .kwarg("tool_config")
                .or_else(|| o.args.first())
                .cloned()
                .unwrap_or(Value::Unknown);
            // JavaScript's `hostedMcpTool({ serverLabel, serverUrl })` passes them as its own
            // options (keyword arguments once lowered).
            let label = get(&cfg, "server_label")
                .or_else(|| o.kwarg("server_label"))
                .and_then(|v| v.as_str());
            let url = get(&cfg, "server_url")
                .or_else(|| get(&cfg, "connector_id"))
                .or_else(|| o.kwarg("server_url"))
                .or_else(|| o.kwarg("connector_id"))
                .cloned();
            let conn = match url {
                Some(u) => Value::Dict(crate::extract::interp::Seq::rc(vec![(
                    Value::Str("url".into(), o.site),
                    u,
                )])),
                None => Value::Unknown,
            };
            return Some(vec![self.connection(label, &conn, o.site)]);
        }
        if let Some(v) = self.kit_toolset(o) {
            return Some(v);
        }
        if SERVER_OBJECTS.iter().any(|g| class_is(o, g)) {
            let params = o
                .kwarg("params")
                .or_else(|| o.kwarg("serverparams"))
                .or_else(|| o.args.first())
                .cloned()
                .unwrap_or(Value::Unknown);
            let name = o
                .kwarg("name")
                .or_else(|| get(&params, "name"))
                .and_then(|v| v.as_str())
                .map(String::from);
            // JavaScript: `new MCPServerStdio({ name, fullCommand: "npx -y pkg" })` (or
            // `{ name, command, args }`): the options are the parameters.
            let params = match get(&params, "fullCommand").or_else(|| get(&params, "full_command"))
            {
                Some(Value::Str(full, site)) => {
                    let mut words = full.split_whitespace();
                    let word = |w: &str| Value::Str(w.into(), *site);
                    let command = words.next().map(word).unwrap_or(Value::Unknown);
                    let args =
                        Value::List(crate::extract::interp::Seq::rc(words.map(word).collect()));
                    Value::Dict(crate::extract::interp::Seq::rc(vec![
                        (word("command"), command),
                        (word("args"), args),
                    ]))
                }
                _ => params,
            };
            let mut out = vec![];
            let mut items = iter_elements(&params).unwrap_or_default();
            if matches!(params, Value::Dict(_) | Value::Obj(_)) {
                items = vec![params.clone()];
            }
            for p in items {
                out.push(self.connection(name.as_deref(), &p, o.site));
            }
            if out.is_empty() {
                out.push(self.unknown(name.as_deref().unwrap_or("MCP server"), o.site));
            }
            return Some(out);
        }
        None
    }

    /// MCP client objects of the frameworks read by `extract::agent_kit`, named in their
    /// knowledge files under the shared key `mcp_client`: `stdio_server` (the command first,
    /// `args=`: Pydantic AI's `MCPServerStdio("npx", args=[...])`), `url_server` (the URL first:
    /// `MCPServerStreamableHTTP(url)`), `params_server` (connection parameters first or as
    /// `connection_params=`/`server_parameters=`: ADK's `McpToolset`, smolagents' `MCPClient`
    /// and `ToolCollection.from_mcp`; `StdioConnectionParams(server_params=...)` is unwrapped).
    fn kit_toolset(&self, o: &Obj) -> Option<Vec<LinkedServer>> {
        let role = |r: &str| self.k.api("mcp_client", r).iter().any(|g| class_is(o, g));
        let name = o
            .kwarg("name")
            .or_else(|| o.kwarg("tool_prefix"))
            .and_then(|v| v.as_str());
        let key = |k: &str| Value::Str(k.into(), o.site);
        let cfg = if role("stdio_server") {
            let command = o.kwarg("command").or_else(|| o.args.first()).cloned();
            let args = o.kwarg("args").or_else(|| o.args.get(1)).cloned();
            Value::Dict(crate::extract::interp::Seq::rc(vec![
                (key("command"), command.unwrap_or(Value::Unknown)),
                (key("args"), args.unwrap_or(Value::Unknown)),
            ]))
        } else if role("url_server") {
            let url = o.kwarg("url").or_else(|| o.args.first()).cloned();
            Value::Dict(crate::extract::interp::Seq::rc(vec![(
                key("url"),
                url.unwrap_or(Value::Unknown),
            )]))
        } else if role("params_server") {
            let mut p = ["connection_params", "server_parameters", "server_params"]
                .iter()
                .find_map(|k| o.kwarg(k))
                .or_else(|| o.args.first())
                .cloned()
                .unwrap_or(Value::Unknown);
            // `StdioConnectionParams(server_params=StdioServerParameters(...))`.
            if let Value::Obj(id) = &p {
                if let Some(inner) = self.ev.objects[*id].kwarg("server_params") {
                    p = inner.clone();
                }
            }
            p
        } else {
            return None;
        };
        let mut out = vec![];
        let items = match &cfg {
            Value::List(_) => iter_elements(&cfg).unwrap_or_default(),
            _ => vec![cfg.clone()],
        };
        for c in items {
            if matches!(c, Value::Dict(_) | Value::Obj(_)) {
                out.push(self.connection(name, &c, o.site));
            }
        }
        if out.is_empty() {
            out.push(self.unknown(name.unwrap_or("MCP server"), o.site));
        }
        Some(out)
    }

    /// The servers of a `MultiServerMCPClient({...})` (only `only` when given).
    fn client_servers(&self, client: &Obj, only: Option<&str>, at: Site) -> Vec<LinkedServer> {
        let conns = client
            .args
            .first()
            .or_else(|| client.kwarg("connections"))
            .cloned()
            .unwrap_or(Value::Unknown);
        // LangChain.js nests the servers under `mcpServers` (beside client options).
        let conns = match &conns {
            Value::Dict(items) => items
                .iter()
                .find(|(k, _)| k.as_str() == Some("mcpServers"))
                .map(|(_, v)| v.clone())
                .unwrap_or(conns),
            _ => conns,
        };
        let Value::Dict(items) = &conns else {
            // Connections read from a config file of the project (`json.load(open("mcp.json"))`).
            let from_file = self.config_file_servers(client.site, only);
            if !from_file.is_empty() {
                return from_file;
            }
            return vec![self.unknown(only.unwrap_or("MCP client"), at)];
        };
        let mut out = vec![];
        for (k, v) in items.iter() {
            let Some((name, span)) = str_of(k) else {
                continue;
            };
            if only.is_some_and(|o| o != name) {
                continue;
            }
            let site = Site {
                file: client.site.file,
                span,
            };
            out.push(self.connection(Some(&name), v, site));
        }
        if out.is_empty() {
            out.push(self.unknown(only.unwrap_or("MCP client"), at));
        }
        out
    }

    /// The servers of an MCP client configuration in the project that the module of `at` opens
    /// by name (a string literal naming the file, such as `open("mcp.json")` or
    /// `Path("config/mcp.json")`).
    fn config_file_servers(&self, at: Site, only: Option<&str>) -> Vec<LinkedServer> {
        let mut out = vec![];
        let named: Vec<&str> = self
            .ev
            .objects
            .iter()
            .filter(|o| o.site.file == at.file)
            .flat_map(|o| o.args.iter())
            .filter_map(|v| v.as_str())
            .filter(|s| s.ends_with(".json") || s.ends_with(".jsonc"))
            .collect();
        for (file, _) in &self.configs.configs {
            let rel = &self.db.get(*file).rel_path;
            let opened = named.iter().any(|n| {
                let n = n.trim_start_matches("./");
                rel == n || rel.ends_with(&format!("/{n}")) || n.ends_with(&format!("/{rel}"))
            });
            if !opened {
                continue;
            }
            for s in self.configs.servers.iter().filter(|s| s.file == *file) {
                if only.is_some_and(|o| o != s.name) || s.disabled {
                    continue;
                }
                let site = Site {
                    file: s.file,
                    span: s.key,
                };
                let known = s.caps.entry.is_some();
                out.push(LinkedServer {
                    name: s.name.clone(),
                    site,
                    sinks: s.caps.sinks.clone(),
                    sources: s.caps.sources.clone(),
                    known,
                    via: format!("server `{}` of `{rel}`", s.name),
                    code_sinks: vec![],
                    tools: vec![],
                    runs_model_code: None,
                });
            }
        }
        out
    }

    /// Connections built in the same function (or module) as `at`.
    fn connections_near(&self, at: Site) -> Vec<LinkedServer> {
        let scope = self
            .ev
            .funcs
            .iter()
            .filter(|(s, _)| {
                s.file == at.file && s.span.start <= at.span.start && at.span.end <= s.span.end
            })
            .map(|(s, _)| s.span)
            .min_by_key(|s| s.end - s.start);
        let mut out: Vec<LinkedServer> = vec![];
        for (oid, o) in self.ev.objects.iter().enumerate() {
            if o.site.file != at.file || !CONNECTIONS.iter().any(|g| class_is(o, g)) {
                continue;
            }
            if let Some(sc) = scope {
                if o.site.span.start < sc.start || o.site.span.end > sc.end {
                    continue;
                }
            }
            // `stdio_client(params)` wraps the parameters already seen.
            if o.args.first().is_some_and(|a| matches!(a, Value::Obj(_))) {
                continue;
            }
            let l = self.connection(None, &Value::Obj(oid), o.site);
            if !out.iter().any(|x| x.site == l.site) {
                out.push(l);
            }
        }
        out
    }

    /// One connection: a config dict (`{"command": ..., "args": [...]}`, `{"url": ...}`) or a
    /// parameters object (`StdioServerParameters(command=..., args=[...])`, `sse_client(url)`).
    fn connection(&self, name: Option<&str>, cfg: &Value, site: Site) -> LinkedServer {
        let (command, args, url) = match cfg {
            Value::Dict(_) => (
                get(cfg, "command").and_then(str_of),
                get(cfg, "args").cloned(),
                get(cfg, "url").and_then(str_of),
            ),
            Value::Obj(id) => {
                let o = &self.ev.objects[*id];
                (
                    o.kwarg("command").and_then(str_of),
                    o.kwarg("args").cloned(),
                    o.kwarg("url").or_else(|| o.args.first()).and_then(str_of),
                )
            }
            _ => (None, None, None),
        };
        let args: Vec<(String, Span)> = args
            .as_ref()
            .and_then(iter_elements)
            .unwrap_or_default()
            .iter()
            .filter_map(str_of)
            .collect();
        let launch = crate::mcp::launch::parse(&self.k.mcp, command.as_ref(), &args);
        let label = name
            .map(String::from)
            .or_else(|| launch.package.as_ref().map(|p| p.name.clone()))
            .or_else(|| {
                args.iter()
                    .rev()
                    .find(|(a, _)| is_script(a))
                    .map(|(a, _)| a.clone())
            })
            .or_else(|| url.as_ref().map(|(u, _)| host_of(u)))
            .unwrap_or_else(|| "MCP server".into());
        // 1. Server code in the project.
        if let Some(l) = self.code_server(&args, &label, site) {
            return l;
        }
        // 2. A configured server of the same name.
        if let Some(n) = name {
            if let Some(s) = self
                .configs
                .servers_named(n)
                .find(|s| s.caps.entry.is_some())
            {
                return LinkedServer {
                    name: label,
                    site,
                    sinks: s.caps.sinks.clone(),
                    sources: s.caps.sources.clone(),
                    known: true,
                    via: format!("server `{n}` of `{}`", self.db.get(s.file).rel_path),
                    code_sinks: vec![],
                    tools: vec![],
                    runs_model_code: None,
                };
            }
        }
        // 3. Knowledge: package, name words, URL host.
        let caps = crate::mcp::infer_caps(
            &self.k.mcp,
            name.unwrap_or(""),
            &launch,
            url.as_ref().map(|(u, _)| u.as_str()),
        );
        match caps.entry {
            Some(entry) => LinkedServer {
                name: label,
                site,
                sinks: caps.sinks,
                sources: caps.sources,
                known: true,
                via: match &launch.package {
                    Some(p) => format!("package `{}` ({entry})", p.name),
                    None => format!("its name ({entry})"),
                },
                code_sinks: vec![],
                tools: vec![],
                runs_model_code: None,
            },
            None => self.unknown(&label, site),
        }
    }

    /// The project's own server started by a script or module argument.
    fn code_server(
        &self,
        args: &[(String, Span)],
        label: &str,
        site: Site,
    ) -> Option<LinkedServer> {
        let mut module_arg = false;
        for (a, _) in args {
            if a == "-m" {
                module_arg = true;
                continue;
            }
            let file = if module_arg {
                module_arg = false;
                let m = self
                    .modules
                    .iter()
                    .find(|m| m.name == *a || m.aliases.contains(a))?;
                Some(m.file)
            } else if is_script(a) {
                let want = a.trim_start_matches("./").replace('\\', "/");
                self.db
                    .files
                    .iter()
                    .filter(|f| {
                        f.rel_path == want
                            || want.ends_with(&format!("/{}", f.rel_path))
                            || f.rel_path.ends_with(&format!("/{want}"))
                    })
                    .map(|f| f.id)
                    .next()
            } else {
                None
            };
            let Some(file) = file else { continue };
            let idxs: Vec<usize> = self
                .servers
                .servers
                .iter()
                .enumerate()
                .filter(|(_, s)| s.file() == file)
                .map(|(i, _)| i)
                .collect();
            if idxs.is_empty() {
                continue;
            }
            let mut l = LinkedServer {
                name: label.to_string(),
                site,
                sinks: vec![],
                sources: vec!["mcp_tool_result".into()],
                known: true,
                via: format!("server code in `{}`", self.db.get(file).rel_path),
                code_sinks: vec![],
                tools: vec![],
                runs_model_code: Some(false),
            };
            for i in idxs {
                for t in self.servers.tools_of(i) {
                    let mut privileged = false;
                    for s in &t.sinks {
                        if self.k.sink_kind(&s.kind).is_some_and(|k| k.privileged) {
                            privileged = true;
                        }
                        if !l.sinks.contains(&s.kind) {
                            l.sinks.push(s.kind.clone());
                        }
                        l.code_sinks.push(s.clone());
                    }
                    for s in &t.sources {
                        if !l.sources.contains(&s.kind) {
                            l.sources.push(s.kind.clone());
                        }
                    }
                    l.tools.push((t.name.clone(), privileged));
                    if let Some(f) = &t.func {
                        let runs = self.body.facts(f).injections.iter().any(|h| {
                            h.direct && self.k.sink_kind(&h.kind).is_some_and(|k| k.code_exec)
                        });
                        if runs {
                            l.runs_model_code = Some(true);
                        }
                    }
                }
                for it in self.servers.items_of(i) {
                    for s in &it.sources {
                        if !l.sources.contains(&s.kind) {
                            l.sources.push(s.kind.clone());
                        }
                    }
                }
            }
            return Some(l);
        }
        None
    }

    fn unknown(&self, name: &str, site: Site) -> LinkedServer {
        LinkedServer {
            name: name.to_string(),
            site,
            sinks: vec![],
            sources: vec![],
            known: false,
            via: "nothing airlock can read".into(),
            code_sinks: vec![],
            tools: vec![],
            runs_model_code: None,
        }
    }
}

fn is_script(a: &str) -> bool {
    [".py", ".js", ".mjs", ".cjs", ".ts", ".mts"]
        .iter()
        .any(|e| a.ends_with(e))
}

/// The host of a URL, without credentials or port.
fn host_of(u: &str) -> String {
    let authority = u
        .split("://")
        .nth(1)
        .unwrap_or(u)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or(authority);
    crate::mcp::secrets::host_only(host).to_string()
}
