//! MCP servers written in the project's code (Python: `extract::mcp_server`; TypeScript:
//! `extract::ts_mcp`): servers, tools with their texts, annotations and capabilities.

use super::Site;
use crate::extract::body::CapHit;
use crate::extract::interp::FuncVal;
use crate::model::{FileId, Span};

/// One MCP server defined in the project's code.
#[derive(Debug, Clone)]
pub struct ServerDef {
    /// The name given to the constructor (`FastMCP("files")`), when it is a literal.
    pub name: Option<String>,
    /// The constructing call (`FastMCP("files")`, `new McpServer({...})`).
    pub site: Site,
    /// Which SDK: `mcp FastMCP`, `mcp MCPServer`, `fastmcp`, `mcp Server`, `ts McpServer` ...
    pub sdk: &'static str,
}

impl ServerDef {
    pub fn file(&self) -> FileId {
        self.site.file
    }
}

/// A text the model reads, with the site of the literal it comes from.
#[derive(Debug, Clone)]
pub struct Text {
    pub text: String,
    /// The string literal (quotes and prefix included), or several adjacent literals.
    pub site: Site,
}

/// One annotation hint given a literal boolean.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub value: bool,
    /// The value (`True` in `read_only_hint=True`, `true` in `readOnlyHint: true`).
    pub site: Site,
}

/// A tool's `annotations`.
#[derive(Debug, Clone)]
pub struct Annotations {
    /// The `annotations=` argument (or the annotations object of a TypeScript registration).
    pub site: Site,
    /// Whether airlock could read the value (a `ToolAnnotations(...)` call or a dict/object
    /// literal, possibly through a constant); `false` for values built at run time.
    pub known: bool,
    pub read_only: Option<Hint>,
    pub destructive: Option<Hint>,
    pub idempotent: Option<Hint>,
    pub open_world: Option<Hint>,
}

/// A parameter the model fills in, with its description when it has one.
#[derive(Debug, Clone)]
pub struct ParamDoc {
    pub name: String,
    pub description: Option<Text>,
    /// The input schema admits only values that carry no text (a zod `z.number()`,
    /// `z.boolean()`, `z.enum([...])`, `z.literal(...)`): the SDK validates the model's
    /// arguments against it before the handler runs.
    pub closed: bool,
}

/// One tool registered on a server.
#[derive(Debug, Clone)]
pub struct ServerTool {
    pub server: usize,
    pub name: String,
    /// The literal the name comes from when it is given explicitly (`name="x"`, `Tool(name=...)`).
    pub name_text: Option<Text>,
    /// The definition: the `def` name, the `Tool(...)` call, the `registerTool(...)` call.
    pub site: Site,
    /// The registration (`@mcp.tool(...)`, `add_tool(...)`, `Tool(...)`, `registerTool(...)`).
    pub registration: Site,
    pub title: Option<Text>,
    pub description: Option<Text>,
    pub params: Vec<ParamDoc>,
    pub annotations: Option<Annotations>,
    /// The Python function whose parameters the model fills in (the tool function, or the
    /// low-level `call_tool` handler).
    pub func: Option<FuncVal>,
    /// For a low-level server: the branch of the `call_tool` handler that runs this tool.
    pub branch: Option<Span>,
    /// Whether the body is known: a function, a found dispatch branch, or a TypeScript handler.
    pub body_known: bool,
    pub sinks: Vec<CapHit>,
    pub sources: Vec<CapHit>,
}

/// What else a server exposes to the model: resources and prompts are sources for the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Resource,
    Prompt,
}

#[derive(Debug, Clone)]
pub struct ServerItem {
    pub server: usize,
    pub kind: ItemKind,
    /// The URI or template of a resource, the name of a prompt.
    pub name: String,
    pub site: Site,
    pub func: Option<FuncVal>,
    pub sources: Vec<CapHit>,
}

/// A low-level `call_tool` handler: one function serving every tool of its server.
#[derive(Debug, Clone)]
pub struct Handler {
    pub server: usize,
    pub func: FuncVal,
}

/// Everything found about MCP servers defined in the project.
#[derive(Debug, Default)]
pub struct McpServerFacts {
    pub servers: Vec<ServerDef>,
    pub tools: Vec<ServerTool>,
    pub items: Vec<ServerItem>,
    pub handlers: Vec<Handler>,
}

impl McpServerFacts {
    /// Tools of server `i`.
    pub fn tools_of(&self, i: usize) -> impl Iterator<Item = &ServerTool> {
        self.tools.iter().filter(move |t| t.server == i)
    }

    /// Items (resources, prompts) of server `i`.
    pub fn items_of(&self, i: usize) -> impl Iterator<Item = &ServerItem> {
        self.items.iter().filter(move |t| t.server == i)
    }
}
