//! Knowledge as data: which calls and classes are sources, sinks, gates, sanitizers, tools and
//! models. The built-in tables are the TOML files under `rules/knowledge/`, embedded at build
//! time; users add entries of the same shape in `airlock.toml`.
//!
//! Matching is by dotted qualified name with globs: `*` is one segment, `**` is any number of
//! segments. A `method` entry matches a method call on a receiver whose class is unknown,
//! optionally only when the receiver's name is one of `receiver`.

use crate::model::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The built-in knowledge files, in load order.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/knowledge/kinds.toml",
        include_str!("../../rules/knowledge/kinds.toml"),
    ),
    (
        "rules/knowledge/python.toml",
        include_str!("../../rules/knowledge/python.toml"),
    ),
    (
        "rules/knowledge/langchain.toml",
        include_str!("../../rules/knowledge/langchain.toml"),
    ),
    (
        "rules/knowledge/crewai.toml",
        include_str!("../../rules/knowledge/crewai.toml"),
    ),
    (
        "rules/knowledge/openai_agents.toml",
        include_str!("../../rules/knowledge/openai_agents.toml"),
    ),
    (
        "rules/knowledge/sandboxes.toml",
        include_str!("../../rules/knowledge/sandboxes.toml"),
    ),
    (
        "rules/knowledge/mcp.toml",
        include_str!("../../rules/knowledge/mcp.toml"),
    ),
    (
        "rules/knowledge/typescript.toml",
        include_str!("../../rules/knowledge/typescript.toml"),
    ),
    (
        "rules/knowledge/langchain_js.toml",
        include_str!("../../rules/knowledge/langchain_js.toml"),
    ),
    (
        "rules/knowledge/openai_agents_js.toml",
        include_str!("../../rules/knowledge/openai_agents_js.toml"),
    ),
    (
        "rules/knowledge/mcp_poisoning.toml",
        include_str!("../../rules/knowledge/mcp_poisoning.toml"),
    ),
    (
        "rules/knowledge/mcp_auth.toml",
        include_str!("../../rules/knowledge/mcp_auth.toml"),
    ),
    (
        "rules/knowledge/langgraph_api.toml",
        include_str!("../../rules/knowledge/langgraph_api.toml"),
    ),
    (
        "rules/knowledge/pydantic_ai.toml",
        include_str!("../../rules/knowledge/pydantic_ai.toml"),
    ),
    (
        "rules/knowledge/smolagents.toml",
        include_str!("../../rules/knowledge/smolagents.toml"),
    ),
    (
        "rules/knowledge/google_adk.toml",
        include_str!("../../rules/knowledge/google_adk.toml"),
    ),
    (
        "rules/knowledge/vercel_ai.toml",
        include_str!("../../rules/knowledge/vercel_ai.toml"),
    ),
    (
        "rules/knowledge/mastra.toml",
        include_str!("../../rules/knowledge/mastra.toml"),
    ),
    (
        "rules/knowledge/autogen.toml",
        include_str!("../../rules/knowledge/autogen.toml"),
    ),
    (
        "rules/knowledge/llama_index.toml",
        include_str!("../../rules/knowledge/llama_index.toml"),
    ),
    (
        "rules/knowledge/agno.toml",
        include_str!("../../rules/knowledge/agno.toml"),
    ),
    (
        "rules/knowledge/semantic_kernel.toml",
        include_str!("../../rules/knowledge/semantic_kernel.toml"),
    ),
    (
        "rules/knowledge/model_output.toml",
        include_str!("../../rules/knowledge/model_output.toml"),
    ),
    (
        "rules/knowledge/entries.toml",
        include_str!("../../rules/knowledge/entries.toml"),
    ),
    (
        "rules/knowledge/addresses.toml",
        include_str!("../../rules/knowledge/addresses.toml"),
    ),
    (
        "rules/knowledge/languages.toml",
        include_str!("../../rules/knowledge/languages.toml"),
    ),
];

/// Names of one role in a framework's API, read by that framework's adapter
/// (`langgraph_api.toml`: agent factories, tool wrappers, handoff helpers, invoke methods).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkApi {
    pub framework: String,
    pub role: String,
    /// Dotted-name globs, or plain names where the role says so.
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceKind {
    pub id: String,
    #[serde(default)]
    pub untrusted: bool,
    #[serde(default)]
    pub private: bool,
    /// As `SinkKind::new_content`: a call that is such a source returns content another party
    /// wrote, whatever arguments chose it.
    #[serde(default)]
    pub new_content: bool,
    pub description: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SinkKind {
    pub id: String,
    pub severity: String,
    #[serde(default)]
    pub privileged: bool,
    #[serde(default)]
    pub exfil: bool,
    #[serde(default)]
    pub injection: bool,
    #[serde(default)]
    pub code_exec: bool,
    /// A model's response reaching it runs as code, a command or a query (AIR201).
    #[serde(default)]
    pub model_exec: bool,
    /// Content fetched over the network reaching it runs as code (AIR201): evaluators, not
    /// process launchers (a fetched value is as often one argument of a command as the
    /// command).
    #[serde(default)]
    pub fetched_exec: bool,
    /// The call's result is what another party wrote (a fetched page, a file's text), not a
    /// function of its arguments: a model-chosen URL or path does not make it the model's.
    #[serde(default)]
    pub new_content: bool,
    pub description: String,
}

/// How a call is recognised.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallPattern {
    /// Glob over the resolved dotted callee, e.g. `subprocess.run` or `stripe.*.create`.
    #[serde(default)]
    pub callee: Option<String>,
    /// A method name called on a receiver of unknown class.
    #[serde(default)]
    pub method: Option<String>,
    /// With `method`: the receiver's last name must be one of these (case-insensitive).
    #[serde(default)]
    pub receiver: Vec<String>,
}

/// A library call that is a privileged action.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SinkEntry {
    #[serde(flatten)]
    pub pattern: CallPattern,
    pub kind: String,
    /// Positional indexes of the arguments that carry the dangerous value (empty: every argument).
    #[serde(default)]
    pub args: Vec<usize>,
    /// Keyword names that carry the dangerous value.
    #[serde(default)]
    pub kwargs: Vec<String>,
    /// Only a sink when this keyword is passed with a truthy literal (e.g. `shell`).
    #[serde(default)]
    pub requires_kwarg: Option<String>,
    /// Only a sink when the positional argument at this index is a string literal containing one of
    /// `mode_contains` (e.g. `open(p, "w")`).
    #[serde(default)]
    pub mode_arg: Option<usize>,
    #[serde(default)]
    pub mode_kwarg: Option<String>,
    #[serde(default)]
    pub mode_contains: Vec<String>,
    /// With `mode_contains`: a mode computed at run time does not match (by default it matches
    /// any). `spawn(program, argv)` is a shell only when the program is written as one.
    #[serde(default)]
    pub mode_literal_only: bool,
    /// The dangerous argument is a program and its arguments (`["git", "log", x]`), run without a
    /// shell unless a truthy `shell` keyword is passed. A model-chosen element after the program
    /// is option injection (CWE-88, kind `argv_option`), not command injection; one behind a
    /// literal `--`, or with literal text before it, is neither. With `args` empty, the
    /// positional arguments themselves are the program and its arguments.
    #[serde(default)]
    pub argv: bool,
    /// With `argv`: the program is this positional argument and `args` names the list of its
    /// arguments (`execFileSync("kubectl", args)`), instead of one list holding both.
    #[serde(default)]
    pub argv_program: Option<usize>,
    /// The call only prepares what runs (`compile(source, ...)` returns a code object for
    /// `exec`): a call whose result is dropped, a syntax check, is no sink.
    #[serde(default)]
    pub result_runs: bool,
    /// The dangerous value is written to the standard input of a program the code starts
    /// (`subprocess.run(argv, input=text)`, `Popen(argv, stdin=PIPE).communicate(text)`): a
    /// sink only when that program reads its input as code, an interpreter named in
    /// `stdin_interpreters` or a program the code does not name started with no arguments (a
    /// configured interpreter's path). `pbcopy` or `grep` reading the text is no sink.
    #[serde(default)]
    pub stdin_code: bool,
    /// The driver runs one statement per call (mysql2 without `multipleStatements`, SQLite's
    /// `execute`, a Cypher `run`): a query the code starts with a fixed `EXPLAIN` (not `EXPLAIN
    /// ANALYZE`) is planned, not run, and the model's text after it cannot start a second one.
    #[serde(default)]
    pub single_statement: bool,
    /// With `single_statement`: statement keywords that, written first by the code, make a
    /// statement that only reads the catalog or switches the session's context (`USE
    /// DATABASE`, `SHOW`, `DESCRIBE`). The model's text after them names what the statement
    /// acts on; it cannot start another statement or change what this one does. Per driver:
    /// in Cypher, `USE db` is a clause that a whole query follows.
    #[serde(default)]
    pub context_statements: Vec<String>,
    /// The call returns what the file holds (`open(p)`, `Path(p).read_text()`), not the path:
    /// the model's path does not make the text the model's. So does a program's run
    /// (`subprocess.run(...)`: what it printed, not the arguments that chose it). Listings
    /// (`glob`, `os.walk`) and copies return paths under the one given, so they do not set it.
    #[serde(default)]
    pub new_content: bool,
    /// The method takes at most this many positional arguments: a call with more is another
    /// method of the same name (`str.replace(old, new)` is not `Path.replace(target)`).
    #[serde(default)]
    pub max_args: Option<usize>,
    /// With this keyword passed a truthy literal the call only makes sure something is there
    /// (`os.makedirs(p, exist_ok=True)`: the folder exists afterwards, whether or not it did):
    /// not a privileged capability of the code that makes it (approval gates, annotations),
    /// though still a sink where the model chooses the path (AIR106).
    #[serde(default)]
    pub ensures_with: Option<String>,
    /// The dangerous argument may be an options object (`pool.query({ text, values })`):
    /// only these keys of an object literal (or of a name bound to one) carry the dangerous
    /// value; the others (`values`, bound parameters) do not.
    #[serde(default)]
    pub object_fields: Vec<String>,
    /// For an entry matched by method and receiver name only: the language whose code it
    /// describes (`Some(true)`: JavaScript and TypeScript), from the built-in file that lists
    /// it (`typescript.toml`). A receiver name is a convention of one language's libraries:
    /// `client.query(sql)` is node-postgres, not a Python search client. `None` (entries
    /// matched by a resolved name, and a project's own `[[sink]]`s): any language.
    #[serde(skip)]
    pub javascript: Option<bool>,
}

/// A library call whose result is untrusted content (or private data).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    #[serde(flatten)]
    pub pattern: CallPattern,
    pub kind: String,
}

/// A framework tool class, toolkit or factory: its capabilities are known without a body.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ToolEntry {
    #[serde(flatten)]
    pub pattern: CallPattern,
    /// The name the model sees, when the class fixes it.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub sinks: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// A toolkit or loader that yields several tools (`get_tools()`).
    #[serde(default)]
    pub toolkit: bool,
    /// Runs inside a proven sandbox: severity is lowered one level.
    #[serde(default)]
    pub sandboxed: bool,
}

/// A call that cleans a value for some sink kinds.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SanitizerEntry {
    #[serde(flatten)]
    pub pattern: CallPattern,
    pub kinds: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// The result is new and carries none of the arguments' text (a temporary file made by
    /// the call): a project helper returning it does not return its parameters.
    #[serde(default)]
    pub fresh: bool,
}

/// A call that gives an absolute path (`/srv/x`, `C:\x`): text that starts with a root is
/// never read as an option by the program it is handed to, whatever the model chose after it.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AbsolutePathEntry {
    #[serde(flatten)]
    pub pattern: CallPattern,
    pub gives: AbsoluteWhen,
}

/// When an `[[absolute_path]]` call's result is absolute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AbsoluteWhen {
    /// Always (`os.path.abspath`, `Path.resolve`, `path.resolve`).
    Always,
    /// When its first argument is (`os.path.join(root, x)`, `Path(root)`, `str(p)`): a later
    /// part that is itself absolute replaces the first, and is absolute too.
    FirstArgument,
}

/// A call or decorator that stops for human approval.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GateEntry {
    #[serde(flatten)]
    pub pattern: CallPattern,
    /// `interrupt` (a dynamic pause that must dominate the sink), `approval_decorator`
    /// (the decorated tool is approved before it runs) or `hitl_middleware`.
    pub kind: String,
}

/// A chat-model constructor: a node that calls one is LLM-driven.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelEntry {
    #[serde(flatten)]
    pub pattern: CallPattern,
}

/// A call whose return value is a language model's response (text, message or completion), a
/// source AIR201 follows to code, shell and query sinks.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelOutputEntry {
    #[serde(flatten)]
    pub pattern: CallPattern,
}

/// An executor or policy object that runs code in a sandbox: a tool constructed with one as an
/// argument is sandboxed (severity is lowered and AIR201 does not apply).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SandboxEntry {
    #[serde(flatten)]
    pub pattern: CallPattern,
}

/// A JavaScript module whose exports are the same constructs as a Python framework's: its
/// names are read as the Python names, so the Python extractors read JavaScript code too
/// (`@langchain/langgraph` `StateGraph` is `langgraph.graph.StateGraph`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsModule {
    /// The module specifier, or a prefix ending in `*` (`@langchain/*`).
    pub module: String,
    /// The Python module its exports live in; with a `*` module, a prefix the rest of the
    /// specifier is appended to (`/` as `.`, `-` as `_`).
    pub python: String,
    /// Exports whose Python name differs from `<python>.<name in snake_case>`.
    #[serde(default)]
    pub exports: BTreeMap<String, String>,
}

/// A JavaScript API that takes an options object where Python takes keyword arguments
/// (`compile({ interruptBefore })` is `compile(interrupt_before=...)`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsOptions {
    /// Glob over the Python name of the callee (after [`JsModule`] mapping).
    pub callee: String,
    /// Position of the options object among the positional arguments.
    pub arg: usize,
    /// Keys renamed on the way (`checkpointSaver = "checkpointer"`); others are snake_cased.
    #[serde(default)]
    pub rename: BTreeMap<String, String>,
}

/// Decorators that make a function an HTTP request handler (`entries.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryRoute {
    /// Dotted-name globs of the decorator, as the interpreter resolves it.
    pub decorator: Vec<String>,
    /// Parameters whose default is a call of one of these names are filled by the framework
    /// (`Depends(get_db)`), not by the client.
    #[serde(default)]
    pub closed_default: Vec<String>,
    /// Parameters whose annotation names one of these are injected by the framework.
    #[serde(default)]
    pub closed_annotation: Vec<String>,
    /// Who chooses the arguments, for findings.
    pub who: String,
    /// The sink kinds followed from these handlers; every kind when empty.
    #[serde(default)]
    pub kinds: Vec<String>,
}

/// An SDK interface a JavaScript class implements, known by the methods it defines: TypeScript
/// checks `implements` by shape and erases it, so compiled code keeps only the methods
/// (`entries.toml`). A class defining every method of `requires` implements it; the SDK calls
/// its `methods` with outside content.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryInterface {
    /// The interface, for the documentation (`@modelcontextprotocol/sdk` `OAuthClientProvider`).
    pub interface: String,
    /// Methods a class must define to implement the interface.
    pub requires: Vec<String>,
    /// The methods the SDK calls with outside content.
    pub methods: Vec<String>,
    /// The positions of the parameters that carry the content; every parameter when empty.
    #[serde(default)]
    pub positions: Vec<usize>,
    /// Who chooses the arguments, for findings.
    pub who: String,
    /// The sink kinds followed from these methods; every kind when empty.
    #[serde(default)]
    pub kinds: Vec<String>,
}

/// A class a JavaScript module exports under a fixed key (`module.exports = { nodeClass: C }`),
/// which a framework loads by that key and whose methods it calls with outside content
/// (`entries.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryExport {
    /// The key of the exported object the class is bound to.
    pub key: String,
    pub methods: Vec<String>,
    /// The positions of the parameters that carry the content; every parameter when empty.
    #[serde(default)]
    pub positions: Vec<usize>,
    /// Who chooses the arguments, for findings.
    pub who: String,
    /// The sink kinds followed from these methods; every kind when empty.
    #[serde(default)]
    pub kinds: Vec<String>,
}

/// A framework method called with outside content, overridden in a class that derives from
/// `base` (`entries.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryHook {
    /// Dotted-name globs of the base class.
    pub base: Vec<String>,
    pub methods: Vec<String>,
    /// The only parameters that carry the content; every parameter when empty.
    #[serde(default)]
    pub params: Vec<String>,
    /// Who chooses the arguments, for findings.
    pub who: String,
}

/// The long options one program (by the base name of `argv[0]`) reads as switches, beside
/// `switch_options` (`python.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramSwitches {
    pub program: String,
    pub switches: Vec<String>,
}

/// One knowledge file (built in or the user's).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnowledgeFile {
    #[serde(default)]
    pub source_kind: Vec<SourceKind>,
    #[serde(default)]
    pub sink_kind: Vec<SinkKind>,
    #[serde(default)]
    pub sink: Vec<SinkEntry>,
    #[serde(default)]
    pub source: Vec<SourceEntry>,
    #[serde(default)]
    pub tool: Vec<ToolEntry>,
    #[serde(default)]
    pub sanitizer: Vec<SanitizerEntry>,
    /// Calls that give an absolute path.
    #[serde(default)]
    pub absolute_path: Vec<AbsolutePathEntry>,
    #[serde(default)]
    pub gate: Vec<GateEntry>,
    #[serde(default)]
    pub model: Vec<ModelEntry>,
    #[serde(default)]
    pub sandbox: Vec<SandboxEntry>,
    /// Calls that return a model's response (`model_output.toml`).
    #[serde(default)]
    pub model_output: Vec<ModelOutputEntry>,
    /// Methods that return the model's response when called on a value made by a chat-model
    /// constructor (`[[model]]`): `llm.invoke(...)`, `llm.predict(...)`.
    #[serde(default)]
    pub model_output_method: Vec<String>,
    /// Programs that read the text written to their standard input as code (`python`, `bash`,
    /// `node`): a `[[sink]]` marked `stdin_code` is a sink only for them.
    #[serde(default)]
    pub stdin_interpreters: Vec<String>,
    /// Long options that take no value (`--yes`, `--force`; every `--no-...` too): an element
    /// right after one is an operand, which the program may read as an option. After any other
    /// long option the element is that option's value.
    #[serde(default)]
    pub switch_options: Vec<String>,
    /// Long options one program reads as switches where others take a value (`xdotool
    /// search --name PATTERN`).
    #[serde(default)]
    pub program_switches: Vec<ProgramSwitches>,
    /// Classes (dotted-name globs) whose instances are messages a model wrote: a parameter
    /// annotated with one, or a subclass, holds a model's response (`langroid.**.ToolMessage`).
    #[serde(default)]
    pub model_output_type: Vec<String>,
    /// Entry points other than tools (`entries.toml`): HTTP request handlers and framework
    /// methods called with outside content.
    #[serde(default)]
    pub entry_route: Vec<EntryRoute>,
    #[serde(default)]
    pub entry_hook: Vec<EntryHook>,
    #[serde(default)]
    pub entry_export: Vec<EntryExport>,
    #[serde(default)]
    pub entry_interface: Vec<EntryInterface>,
    /// MCP client configurations (`mcp.toml`): see `crate::mcp::knowledge`.
    #[serde(default)]
    pub mcp_server: Vec<crate::mcp::knowledge::ServerEntry>,
    #[serde(default)]
    pub mcp_vocabulary: Option<crate::mcp::knowledge::Vocabulary>,
    #[serde(default)]
    pub mcp_secret: Vec<crate::mcp::knowledge::SecretShape>,
    /// Languages airlock does not read (`languages.toml`); discovery counts their files
    /// (`discover::unread_language`), which runs before knowledge is loaded.
    #[serde(default)]
    pub unread_language: Vec<crate::discover::UnreadLanguage>,
    #[serde(default)]
    pub mcp_launcher: Vec<crate::mcp::knowledge::Launcher>,
    #[serde(default)]
    pub mcp_bridge: Vec<crate::mcp::knowledge::Bridge>,
    /// AIR305 tool poisoning (`mcp_poisoning.toml`).
    #[serde(default)]
    pub mcp_poison_pattern: Vec<crate::mcp::knowledge::PoisonPattern>,
    #[serde(default)]
    pub mcp_poison_chars: Vec<crate::mcp::knowledge::PoisonChars>,
    /// AIR306 annotation semantics (`mcp.toml`).
    #[serde(default)]
    pub mcp_annotations: Option<crate::mcp::knowledge::AnnotationVocabulary>,
    /// MCP authorization posture, AIR307–AIR310 (`mcp_auth.toml`).
    #[serde(default)]
    pub mcp_auth: Option<crate::rules::mcp_auth::AuthVocabulary>,
    /// Resolutions and address tests of the request-forgery guard (`addresses.toml`).
    #[serde(default)]
    pub address_guard: Option<crate::extract::addresses::AddressVocabulary>,
    /// JavaScript modules read as Python frameworks (`langchain_js.toml`).
    #[serde(default)]
    pub js_module: Vec<JsModule>,
    #[serde(default)]
    pub js_options: Vec<JsOptions>,
    /// Framework API names by role (`langgraph_api.toml`).
    #[serde(default)]
    pub api: Vec<FrameworkApi>,
    /// How the OpenAI Agents SDK spells its constructs (`openai_agents.toml`).
    #[serde(default)]
    pub openai_agents_sdk: Option<crate::extract::openai_agents::Sdk>,
}

/// All knowledge of one run, checked and indexed.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    pub source_kinds: BTreeMap<String, SourceKind>,
    pub sink_kinds: BTreeMap<String, SinkKind>,
    pub sinks: Vec<SinkEntry>,
    pub sources: Vec<SourceEntry>,
    pub tools: Vec<ToolEntry>,
    pub sanitizers: Vec<SanitizerEntry>,
    pub absolute_paths: Vec<AbsolutePathEntry>,
    pub absolute_path_index: PatternIndex,
    pub gates: Vec<GateEntry>,
    pub models: Vec<ModelEntry>,
    pub sandboxes: Vec<SandboxEntry>,
    pub sink_index: PatternIndex,
    pub source_index: PatternIndex,
    pub sanitizer_index: PatternIndex,
    pub tool_index: PatternIndex,
    pub gate_index: PatternIndex,
    pub sandbox_index: PatternIndex,
    pub model_outputs: Vec<ModelOutputEntry>,
    pub model_output_index: PatternIndex,
    pub model_output_methods: std::collections::BTreeSet<String>,
    pub stdin_interpreters: std::collections::BTreeSet<String>,
    pub switch_options: std::collections::BTreeSet<String>,
    pub program_switches: Vec<ProgramSwitches>,
    pub model_output_types: Vec<String>,
    pub entry_routes: Vec<EntryRoute>,
    pub entry_hooks: Vec<EntryHook>,
    pub entry_exports: Vec<EntryExport>,
    pub entry_interfaces: Vec<EntryInterface>,
    /// Last segments of chat-model constructors (`ChatOpenAI`), to pre-filter model calls.
    pub model_names: std::collections::HashSet<String>,
    /// Literal prefixes (`langchain.chat_models.`) of model patterns that end in a wildcard.
    pub model_prefixes: Vec<String>,
    pub mcp: crate::mcp::knowledge::McpKnowledge,
    /// AIR307–AIR310's vocabulary (`mcp_auth.toml`).
    pub mcp_auth: crate::rules::mcp_auth::AuthVocabulary,
    /// The request-forgery guard's resolutions and address tests (`addresses.toml`).
    pub address_guard: crate::extract::addresses::AddressVocabulary,
    pub js_modules: Vec<JsModule>,
    pub js_options: Vec<JsOptions>,
    /// The OpenAI Agents SDK's spellings (`[openai_agents_sdk]`; the last file giving it wins).
    pub openai_agents_sdk: crate::extract::openai_agents::Sdk,
    /// Framework API names: framework → role → names (nested, so a lookup borrows its keys).
    pub apis: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    /// The top-level packages the entries above name (`langgraph`, `subprocess`, `agents`): an
    /// absolute import of one of them is never resolved to a module of another project in the
    /// scanned tree (a framework's own source beside the application; see `Interp`).
    pub packages: std::collections::BTreeSet<String>,
}

/// Entries indexed by the last segment of their pattern, so a call is matched against the few
/// entries that can match it rather than all of them (thousands).
#[derive(Debug, Clone, Default)]
pub struct PatternIndex {
    by_last: std::collections::HashMap<String, Vec<usize>>,
    by_method: std::collections::HashMap<String, Vec<usize>>,
    /// Patterns ending in a wildcard, by their last literal segment (`WebBaseLoader` in
    /// `langchain_community.**.WebBaseLoader.**`): candidates when the callee has that segment.
    by_anchor: std::collections::HashMap<String, Vec<usize>>,
    /// Patterns without any literal segment: always candidates.
    wild: Vec<usize>,
}

impl PatternIndex {
    pub fn build<'a>(patterns: impl Iterator<Item = &'a CallPattern>) -> PatternIndex {
        let mut ix = PatternIndex::default();
        for (i, p) in patterns.enumerate() {
            if let Some(g) = &p.callee {
                let last = g.rsplit('.').next().unwrap_or(g);
                if last == "*" || last == "**" {
                    match g.rsplit('.').find(|s| *s != "*" && *s != "**") {
                        Some(anchor) => ix.by_anchor.entry(anchor.to_string()).or_default().push(i),
                        None => ix.wild.push(i),
                    }
                } else {
                    ix.by_last.entry(last.to_string()).or_default().push(i);
                }
            }
            if let Some(m) = &p.method {
                ix.by_method.entry(m.clone()).or_default().push(i);
            }
        }
        ix
    }

    /// Indexes of entries that may match `callee`, ascending (callers still run `matches`).
    pub fn candidates(&self, callee: Callee<'_>) -> Vec<usize> {
        let mut out: Vec<usize> = match callee {
            Callee::Qualified(q) => {
                let last = q.rsplit('.').next().unwrap_or(q);
                let mut v = self.by_last.get(last).cloned().unwrap_or_default();
                v.extend(self.wild.iter().copied());
                if !self.by_anchor.is_empty() {
                    for seg in q.split('.') {
                        if let Some(ix) = self.by_anchor.get(seg) {
                            v.extend(ix.iter().copied());
                        }
                    }
                }
                v
            }
            Callee::Method { method, .. } => {
                self.by_method.get(method).cloned().unwrap_or_default()
            }
        };
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The gate kinds a `[[gate]]` entry may name.
pub const GATE_KINDS: &[&str] = &["interrupt", "approval_decorator", "hitl_middleware"];

#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: unknown {what} kind `{kind}`")]
    UnknownKind {
        file: String,
        what: &'static str,
        kind: String,
    },
    #[error("{file}: an entry needs `callee` or `method`")]
    NoPattern { file: String },
}

impl Knowledge {
    /// The built-in knowledge. Panics only if the embedded files are broken, which a unit test rules out.
    ///
    /// The embedded files are parsed and indexed once per process; each call clones that copy
    /// (config parsing, the language server and tests call this often).
    pub fn builtin() -> Knowledge {
        Knowledge::builtin_ref().clone()
    }

    /// The process-wide built-in knowledge, for readers that do not extend it.
    pub fn builtin_ref() -> &'static Knowledge {
        static BUILTIN_KNOWLEDGE: std::sync::OnceLock<Knowledge> = std::sync::OnceLock::new();
        BUILTIN_KNOWLEDGE.get_or_init(Knowledge::load_builtin)
    }

    fn load_builtin() -> Knowledge {
        let mut k = Knowledge::default();
        for (name, text) in BUILTIN {
            let file: KnowledgeFile = toml::from_str(text)
                .unwrap_or_else(|e| panic!("built-in knowledge {name} is invalid: {e}"));
            let mut file = file;
            // Method-name sinks describe the language of the file that lists them.
            let javascript = name.contains("typescript") || name.ends_with("_js.toml");
            for s in &mut file.sink {
                if s.pattern.method.is_some() {
                    s.javascript = Some(javascript);
                }
            }
            k.add(name, file)
                .unwrap_or_else(|e| panic!("built-in knowledge is invalid: {e}"));
        }
        k
    }

    /// The names of `role` in `framework`'s API (empty when the knowledge has none).
    pub fn api(&self, framework: &str, role: &str) -> &[String] {
        self.apis
            .get(framework)
            .and_then(|roles| roles.get(role))
            .map_or(&[], Vec::as_slice)
    }

    /// Every name of `framework`'s API, whatever the role.
    pub fn api_names<'s>(&'s self, framework: &str) -> impl Iterator<Item = &'s String> + 's {
        self.apis
            .get(framework)
            .into_iter()
            .flat_map(BTreeMap::values)
            .flatten()
    }

    /// The names of `role` in every framework's API, ordered by framework.
    pub fn api_any<'s>(&'s self, role: &'s str) -> impl Iterator<Item = &'s String> + 's {
        self.apis
            .values()
            .filter_map(move |roles| roles.get(role))
            .flatten()
    }

    /// Whether `q` makes a function a tool (`@tool`, `tool(fn)`): a `tool_decorator` of any
    /// framework.
    pub fn is_tool_decorator(&self, q: &str) -> bool {
        self.api_any("tool_decorator").any(|n| n == q)
    }

    /// Adds one file's entries after checking every kind it names.
    pub fn add(&mut self, file: &str, f: KnowledgeFile) -> Result<(), KnowledgeError> {
        for a in &f.api {
            self.apis
                .entry(a.framework.clone())
                .or_default()
                .entry(a.role.clone())
                .or_default()
                .extend(a.names.iter().cloned());
        }
        for s in f.source_kind {
            self.source_kinds.insert(s.id.clone(), s);
        }
        for s in f.sink_kind {
            if Severity::parse(&s.severity).is_none() {
                return Err(KnowledgeError::Parse {
                    file: file.into(),
                    message: format!("sink kind `{}` has bad severity `{}`", s.id, s.severity),
                });
            }
            self.sink_kinds.insert(s.id.clone(), s);
        }
        let check_sink = |k: &Knowledge, kind: &str| {
            if k.sink_kinds.contains_key(kind) {
                Ok(())
            } else {
                Err(KnowledgeError::UnknownKind {
                    file: file.into(),
                    what: "sink",
                    kind: kind.into(),
                })
            }
        };
        let check_source = |k: &Knowledge, kind: &str| {
            if k.source_kinds.contains_key(kind) {
                Ok(())
            } else {
                Err(KnowledgeError::UnknownKind {
                    file: file.into(),
                    what: "source",
                    kind: kind.into(),
                })
            }
        };
        let check_pattern = |p: &CallPattern| {
            if p.callee.is_some() || p.method.is_some() {
                Ok(())
            } else {
                Err(KnowledgeError::NoPattern { file: file.into() })
            }
        };
        for e in &f.sink {
            check_pattern(&e.pattern)?;
            check_sink(self, &e.kind)?;
        }
        for e in &f.source {
            check_pattern(&e.pattern)?;
            check_source(self, &e.kind)?;
        }
        for e in &f.tool {
            check_pattern(&e.pattern)?;
            for s in &e.sinks {
                check_sink(self, s)?;
            }
            for s in &e.sources {
                check_source(self, s)?;
            }
        }
        for e in &f.sanitizer {
            check_pattern(&e.pattern)?;
            for s in &e.kinds {
                check_sink(self, s)?;
            }
        }
        for e in &f.absolute_path {
            check_pattern(&e.pattern)?;
        }
        for s in f
            .entry_route
            .iter()
            .flat_map(|e| &e.kinds)
            .chain(f.entry_export.iter().flat_map(|e| &e.kinds))
            .chain(f.entry_interface.iter().flat_map(|e| &e.kinds))
        {
            check_sink(self, s)?;
        }
        for e in &f.gate {
            check_pattern(&e.pattern)?;
            if !GATE_KINDS.contains(&e.kind.as_str()) {
                return Err(KnowledgeError::UnknownKind {
                    file: file.into(),
                    what: "gate",
                    kind: e.kind.clone(),
                });
            }
        }
        for e in &f.model {
            check_pattern(&e.pattern)?;
        }
        for e in &f.sandbox {
            check_pattern(&e.pattern)?;
        }
        for e in &f.model_output {
            check_pattern(&e.pattern)?;
        }
        if let Some(a) = f.address_guard {
            self.address_guard.add(a);
        }
        if let Some(a) = f.mcp_auth {
            self.mcp_auth.add(a);
        }
        if let Some(a) = f.mcp_annotations {
            for s in a
                .modifying
                .iter()
                .chain(&a.destructive)
                .chain(&a.when_model_controlled)
                .chain(&a.destructive_at_model_path)
            {
                check_sink(self, s)?;
            }
            self.mcp.add_annotations(a);
        }
        for e in &f.mcp_server {
            for s in &e.sinks {
                check_sink(self, s)?;
            }
            for s in &e.sources {
                check_source(self, s)?;
            }
        }
        self.mcp
            .add_poisoning(f.mcp_poison_pattern, f.mcp_poison_chars)
            .map_err(|message| KnowledgeError::Parse {
                file: file.into(),
                message,
            })?;
        self.mcp.extend(
            f.mcp_server,
            f.mcp_vocabulary,
            f.mcp_secret,
            f.mcp_launcher,
            f.mcp_bridge,
        );
        if let Some(sdk) = f.openai_agents_sdk {
            self.openai_agents_sdk = sdk;
        }
        self.js_modules.extend(f.js_module);
        self.js_options.extend(f.js_options);
        self.sinks.extend(f.sink);
        self.sources.extend(f.source);
        self.tools.extend(f.tool);
        self.sanitizers.extend(f.sanitizer);
        self.absolute_paths.extend(f.absolute_path);
        self.gates.extend(f.gate);
        self.models.extend(f.model);
        self.sandboxes.extend(f.sandbox);
        self.model_outputs.extend(f.model_output);
        self.model_output_methods.extend(f.model_output_method);
        self.stdin_interpreters.extend(f.stdin_interpreters);
        self.switch_options.extend(f.switch_options);
        self.program_switches.extend(f.program_switches);
        self.model_output_types.extend(f.model_output_type);
        self.entry_routes.extend(f.entry_route);
        self.entry_hooks.extend(f.entry_hook);
        self.entry_exports.extend(f.entry_export);
        self.entry_interfaces.extend(f.entry_interface);
        self.sink_index = PatternIndex::build(self.sinks.iter().map(|e| &e.pattern));
        self.source_index = PatternIndex::build(self.sources.iter().map(|e| &e.pattern));
        self.sanitizer_index = PatternIndex::build(self.sanitizers.iter().map(|e| &e.pattern));
        self.absolute_path_index =
            PatternIndex::build(self.absolute_paths.iter().map(|e| &e.pattern));
        self.tool_index = PatternIndex::build(self.tools.iter().map(|e| &e.pattern));
        self.gate_index = PatternIndex::build(self.gates.iter().map(|e| &e.pattern));
        self.sandbox_index = PatternIndex::build(self.sandboxes.iter().map(|e| &e.pattern));
        self.model_output_index =
            PatternIndex::build(self.model_outputs.iter().map(|e| &e.pattern));
        self.model_names = self
            .models
            .iter()
            .filter_map(|m| m.pattern.callee.as_ref())
            .filter_map(|g| g.rsplit('.').next())
            .filter(|l| *l != "*" && *l != "**")
            .map(String::from)
            .collect();
        self.model_prefixes = self
            .models
            .iter()
            .filter_map(|m| m.pattern.callee.as_ref())
            .filter(|g| g.ends_with(".*") || g.ends_with(".**"))
            .map(|g| {
                let lit: Vec<&str> = g
                    .split('.')
                    .take_while(|s| *s != "*" && *s != "**")
                    .collect();
                format!("{}.", lit.join("."))
            })
            .collect();
        let tops = self
            .sinks
            .iter()
            .map(|e| &e.pattern)
            .chain(self.sources.iter().map(|e| &e.pattern))
            .chain(self.tools.iter().map(|e| &e.pattern))
            .chain(self.gates.iter().map(|e| &e.pattern))
            .chain(self.models.iter().map(|e| &e.pattern))
            .chain(self.sandboxes.iter().map(|e| &e.pattern))
            .filter_map(|p| p.callee.as_deref())
            .chain(
                self.apis
                    .values()
                    .flat_map(BTreeMap::values)
                    .flatten()
                    .map(String::as_str)
                    .filter(|n| n.contains('.')),
            )
            .filter_map(|g| g.split('.').next())
            .filter(|t| !t.is_empty() && !t.contains('*'))
            .map(String::from)
            .collect::<Vec<_>>();
        self.packages.extend(tops);
        Ok(())
    }

    /// Sink entries matching a call, with their indexes.
    pub fn sinks_for(&self, c: Callee<'_>) -> Vec<(usize, &SinkEntry)> {
        self.sink_index
            .candidates(c)
            .into_iter()
            .map(|i| (i, &self.sinks[i]))
            .filter(|(_, e)| e.pattern.matches(c))
            .collect()
    }
    pub fn sources_for(&self, c: Callee<'_>) -> Vec<&SourceEntry> {
        self.source_index
            .candidates(c)
            .into_iter()
            .map(|i| &self.sources[i])
            .filter(|e| e.pattern.matches(c))
            .collect()
    }
    pub fn sanitizer_for(&self, c: Callee<'_>) -> Option<&SanitizerEntry> {
        self.sanitizer_index
            .candidates(c)
            .into_iter()
            .map(|i| &self.sanitizers[i])
            .find(|e| e.pattern.matches(c))
    }
    pub fn absolute_path_for(&self, c: Callee<'_>) -> Option<AbsoluteWhen> {
        self.absolute_path_index
            .candidates(c)
            .into_iter()
            .map(|i| &self.absolute_paths[i])
            .find(|e| e.pattern.matches(c))
            .map(|e| e.gives)
    }
    pub fn tool_for(&self, c: Callee<'_>) -> Option<&ToolEntry> {
        self.tool_index
            .candidates(c)
            .into_iter()
            .map(|i| &self.tools[i])
            .find(|e| e.pattern.matches(c))
    }
    pub fn gate_for(&self, c: Callee<'_>) -> Option<&GateEntry> {
        self.gate_index
            .candidates(c)
            .into_iter()
            .map(|i| &self.gates[i])
            .find(|e| e.pattern.matches(c))
    }
    pub fn is_sandbox(&self, c: Callee<'_>) -> bool {
        self.sandbox_index
            .candidates(c)
            .into_iter()
            .any(|i| self.sandboxes[i].pattern.matches(c))
    }
    /// Whether a call returns a language model's response: a `[[model_output]]` entry, or a
    /// `model_output_method` called on something made by a chat-model constructor.
    pub fn is_model_output(&self, c: Callee<'_>) -> bool {
        if self
            .model_output_index
            .candidates(c)
            .into_iter()
            .any(|i| self.model_outputs[i].pattern.matches(c))
        {
            return true;
        }
        match c {
            Callee::Qualified(q) => {
                q.rsplit_once('.')
                    .is_some_and(|(_, m)| self.model_output_methods.contains(m))
                    && self.is_model_derived(q)
            }
            Callee::Method { .. } => false,
        }
    }

    /// Whether a class (dotted name) is a message a model wrote (`model_output_type`).
    pub fn is_model_output_type(&self, q: &str) -> bool {
        self.model_output_types.iter().any(|g| glob_match(g, q))
    }

    /// Whether a dotted name is a call on something made by a chat-model constructor.
    pub fn is_model_derived(&self, q: &str) -> bool {
        let named = q.split('.').any(|s| self.model_names.contains(s));
        let prefixed = self
            .model_prefixes
            .iter()
            .any(|p| q.starts_with(p.as_str()));
        if !named && !prefixed {
            return false;
        }
        self.models.iter().any(|m| {
            m.pattern
                .callee
                .as_ref()
                .is_some_and(|g| q.len() > g.len() && glob_match(&format!("{g}.**"), q))
        })
    }

    /// The Python name of `member` exported by JavaScript module `spec`, when the module is
    /// read as a Python framework (`default` and `*` stand for the module itself).
    pub fn js_python_name(&self, spec: &str, member: &str) -> Option<String> {
        for m in &self.js_modules {
            let base = match m.module.strip_suffix('*') {
                Some(prefix) => match spec.strip_prefix(prefix) {
                    Some(rest) if !rest.is_empty() => format!(
                        "{}{}",
                        m.python.trim_end_matches('*'),
                        rest.replace('-', "_")
                    )
                    .replace('/', "."),
                    _ => continue,
                },
                None if m.module == spec => m.python.clone(),
                None => continue,
            };
            if member == "default" || member == "*" {
                return Some(base);
            }
            if let Some(q) = m.exports.get(member) {
                return Some(q.clone());
            }
            return Some(format!("{base}.{}", js_member(member)));
        }
        None
    }

    /// The options entries of a JavaScript call whose callee reads as Python name `q`, in order
    /// (an API may take its options object at one of several positions).
    pub fn js_options_for<'k>(&'k self, q: &'k str) -> impl Iterator<Item = &'k JsOptions> + 'k {
        self.js_options
            .iter()
            .filter(move |o| glob_match(&o.callee, q))
    }

    pub fn sink_kind(&self, id: &str) -> Option<&SinkKind> {
        self.sink_kinds.get(id)
    }
    pub fn source_kind(&self, id: &str) -> Option<&SourceKind> {
        self.source_kinds.get(id)
    }
    pub fn sink_severity(&self, id: &str) -> Severity {
        self.sink_kind(id)
            .and_then(|k| Severity::parse(&k.severity))
            .unwrap_or(Severity::Medium)
    }
}

/// A JavaScript member name as its Python counterpart: lowerCamelCase becomes snake_case
/// (`addNode` → `add_node`, `interruptBefore` → `interrupt_before`); names starting with a
/// capital (classes, constants) are kept.
pub fn js_member(name: &str) -> String {
    if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// What a call site looks like to the matcher.
#[derive(Debug, Clone, Copy)]
pub enum Callee<'a> {
    /// A fully resolved dotted name (`subprocess.run`, `smtplib.SMTP.sendmail`).
    Qualified(&'a str),
    /// A method on a receiver of unknown class, with the receiver's last name if it has one.
    Method {
        method: &'a str,
        receiver: Option<&'a str>,
    },
}

impl CallPattern {
    pub fn matches(&self, callee: Callee<'_>) -> bool {
        match callee {
            Callee::Qualified(q) => {
                if let Some(glob) = &self.callee {
                    return glob_match(glob, q);
                }
                false
            }
            Callee::Method { method, receiver } => {
                let Some(m) = &self.method else { return false };
                if m != method {
                    return false;
                }
                if self.receiver.is_empty() {
                    return true;
                }
                let Some(r) = receiver else { return false };
                let r = r.to_ascii_lowercase();
                self.receiver
                    .iter()
                    .any(|w| r == *w || r.ends_with(&format!("_{w}")))
            }
        }
    }
}

/// Dotted-name glob: `*` matches one segment, `**` any number (including none).
///
/// One pass per glob segment over a row of name positions, so O(segments x name segments) time
/// and O(name segments) memory whatever the globs and names (a `**` fills the rest of its row
/// from the first reachable position, once).
pub fn glob_match(glob: &str, name: &str) -> bool {
    // Fast paths, without allocating: most calls compare a class or callee with a glob it does
    // not match (every object against every role's globs), and a literal first or last
    // segment of the glob must equal the name's.
    if !glob.contains('*') {
        return glob == name;
    }
    let wild = |s: &str| s == "*" || s == "**";
    if let (Some(g), Some(n)) = (glob.split('.').next(), name.split('.').next()) {
        if !wild(g) && g != n {
            return false;
        }
    }
    if let (Some(g), Some(n)) = (glob.rsplit('.').next(), name.rsplit('.').next()) {
        if !wild(g) && g != n {
            return false;
        }
    }
    let n: Vec<&str> = name.split('.').collect();
    // reach[ni]: the glob segments walked so far can match the first `ni` name segments.
    let mut reach = vec![false; n.len() + 1];
    let mut next = vec![false; n.len() + 1];
    reach[0] = true;
    for seg in glob.split('.') {
        next.iter_mut().for_each(|r| *r = false);
        match seg {
            "**" => {
                if let Some(first) = reach.iter().position(|r| *r) {
                    next[first..].iter_mut().for_each(|r| *r = true);
                }
            }
            "*" => next[1..].copy_from_slice(&reach[..n.len()]),
            seg => {
                for ni in 0..n.len() {
                    next[ni + 1] = reach[ni] && n[ni] == seg;
                }
            }
        }
        std::mem::swap(&mut reach, &mut next);
        if !reach.iter().any(|r| *r) {
            return false;
        }
    }
    reach[n.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        // The fast paths (no wildcard; a literal first or last segment) agree with the walk.
        assert!(glob_match("**", "a.b.c"));
        assert!(glob_match("a.**", "a"));
        assert!(glob_match("**.b", "b"));
        assert!(glob_match("*.b", "a.b"));
        assert!(!glob_match("*.b", "b"));
        assert!(!glob_match("x.**.b", "a.x.b"));
        assert!(!glob_match("a.**.c", "a.b.d"));
        assert!(glob_match("a.**.c", "a.b.d.c"));
        assert!(!glob_match("a.b", "a.b.c"));
        assert!(glob_match("subprocess.run", "subprocess.run"));
        assert!(!glob_match("subprocess.run", "subprocess.runx"));
        assert!(glob_match("stripe.*.create", "stripe.Refund.create"));
        assert!(!glob_match("stripe.*.create", "stripe.create"));
        assert!(glob_match(
            "langchain_community.**.ShellTool",
            "langchain_community.tools.ShellTool"
        ));
        assert!(glob_match(
            "langchain_community.**.ShellTool",
            "langchain_community.ShellTool"
        ));
        assert!(!glob_match(
            "langchain_community.**.ShellTool",
            "other.ShellTool"
        ));
        assert!(glob_match("**", "a.b"));
        assert!(glob_match("a.**", "a"));
        assert!(glob_match("**.b.**", "a.b.c"));
        assert!(!glob_match("*.*", "a"));
    }

    /// Many `**` against a long dotted name (issue 19: 34 s once): the matcher does work
    /// proportional to glob segments x name segments; here it must decide both ways.
    #[test]
    fn globs_with_many_double_stars_against_long_names() {
        let name = vec!["a"; 5_000].join(".");
        let glob = format!("{}.never", vec!["**"; 1_000].join("."));
        assert!(!glob_match(&glob, &name));
        let glob = format!("{}.a", vec!["**.a"; 1_000].join("."));
        assert!(glob_match(&glob, &name));
    }

    #[test]
    fn javascript_names_map_to_python_ones() {
        let k = Knowledge::builtin();
        assert_eq!(js_member("addConditionalEdges"), "add_conditional_edges");
        assert_eq!(js_member("StateGraph"), "StateGraph");
        assert_eq!(js_member("END"), "END");
        let q = |spec: &str, m: &str| k.js_python_name(spec, m);
        assert_eq!(
            q("@langchain/langgraph", "StateGraph").as_deref(),
            Some("langgraph.graph.StateGraph")
        );
        assert_eq!(
            q("@langchain/langgraph", "interrupt").as_deref(),
            Some("langgraph.types.interrupt")
        );
        assert_eq!(
            q("@langchain/langgraph/prebuilt", "createReactAgent").as_deref(),
            Some("langgraph.prebuilt.create_react_agent")
        );
        assert_eq!(
            q(
                "@langchain/community/tools/tavily_search",
                "TavilySearchResults"
            )
            .as_deref(),
            Some("langchain_community.tools.tavily_search.TavilySearchResults")
        );
        assert_eq!(
            q("@langchain/google-genai", "*").as_deref(),
            Some("langchain_google_genai")
        );
        assert_eq!(
            q("langchain", "tool").as_deref(),
            Some("langchain_core.tools.tool")
        );
        assert_eq!(q("nodemailer", "default"), None);
        let opts: Vec<usize> = k
            .js_options_for("langchain_core.tools.tool")
            .map(|o| o.arg)
            .collect();
        assert_eq!(opts, [1, 0]);
    }

    #[test]
    fn builtin_knowledge_loads_and_is_consistent() {
        let k = Knowledge::builtin();
        assert!(k.sink_kind("shell_exec").is_some());
        assert!(!k.sinks.is_empty());
        assert!(!k.sources.is_empty());
        assert!(!k.tools.is_empty());
    }

    #[test]
    fn the_openai_agents_sdk_table_is_data() {
        let k = Knowledge::builtin();
        let sdk = &k.openai_agents_sdk;
        assert!(sdk
            .agent
            .iter()
            .any(|g| glob_match(g, "agents.agent.Agent")));
        assert!(sdk
            .run
            .iter()
            .any(|g| glob_match(g, "agents.run.Runner.run")));
        assert_eq!(sdk.needs_approval, "needs_approval");
        // Python's hosted MCP tool asks by default; JavaScript's does not.
        assert_eq!(
            sdk.hosted_mcp_default,
            Some(crate::facts::openai_agents::Approval::Always)
        );
        assert_eq!(sdk.hosted_mcp_default_js, None);
        // A table with a misspelt key is refused, not silently emptied.
        let bad: Result<KnowledgeFile, _> = toml::from_str("[openai_agents_sdk]\nagnet = []\n");
        assert!(bad.is_err());
    }

    #[test]
    fn framework_api_names_are_data_by_role() {
        let k = Knowledge::builtin();
        // Every role the LangGraph adapter asks for is in `langgraph_api.toml`.
        for role in [
            "agent_factory",
            "structured_tool",
            "supervisor",
            "swarm",
            "handoff_tool",
            "invoke_method",
            "state_graph",
            "tool_node",
            "tools_condition",
            "command",
            "send",
            "base_tool",
        ] {
            assert!(!k.api("langgraph", role).is_empty(), "no langgraph {role}");
        }
        assert!(k
            .api("langgraph", "agent_factory")
            .iter()
            .any(|g| glob_match(
                g,
                "langgraph.prebuilt.chat_agent_executor.create_react_agent"
            )));
        assert!(k.api("langgraph", "no_such_role").is_empty());
        assert!(k.api("no_such_framework", "agent_factory").is_empty());
    }

    #[test]
    fn method_patterns_check_receiver_names() {
        let p = CallPattern {
            callee: None,
            method: Some("execute".into()),
            receiver: vec!["cursor".into()],
        };
        assert!(p.matches(Callee::Method {
            method: "execute",
            receiver: Some("cursor")
        }));
        assert!(p.matches(Callee::Method {
            method: "execute",
            receiver: Some("db_cursor")
        }));
        assert!(!p.matches(Callee::Method {
            method: "execute",
            receiver: Some("graph")
        }));
        assert!(!p.matches(Callee::Method {
            method: "execute",
            receiver: None
        }));
    }
}
