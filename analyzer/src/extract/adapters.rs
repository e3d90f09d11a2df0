//! Framework adapters behind one interface, registered in one table. The pipeline
//! (`analysis.rs`) builds a [`Project`] and calls [`run`]; it names no framework. Each adapter
//! reads the evaluated program (and the configuration files it knows: `langgraph.json`, crew
//! YAML) and writes facts (`crate::facts`): tools into the shared tool table, its own
//! framework-only facts into its extension slot.
//!
//! Order is fixed and part of the output's determinism: MCP servers written in code first
//! (Python, then TypeScript; agent code links its MCP toolsets to them), then every adapter's
//! `extract` in [`ADAPTERS`] order, each adding to one shared tool table
//! (`extract::tools::ToolTable`), then the table is closed (`Extracted::tools`); last, every adapter's `agents` fills the one arena of neutral agents.
//! `AIRLOCK_DEBUG_FACTS` prints [`dump`]: the neutral facts (tools, agents), then each
//! adapter's extension, then the MCP facts.
//!
//! To add a framework: an adapter module under `extract/` implementing [`Adapter`] (with
//! `agents` writing its agents as neutral facts, which is all the unit builder reads), one entry in
//! [`ADAPTERS`] (and an extension slot when it has framework-only facts), its API tables in
//! `rules/knowledge/`, and corpus cases.

use crate::extract::body::BodyAnalyzer;
use crate::extract::interp::{Evaluation, ModuleInfo};
use crate::extract::tools::ToolTable;
use crate::facts::crewai::CrewFacts;
use crate::facts::langgraph::LangGraphFacts;
use crate::facts::mcp_server::McpServerFacts;
use crate::facts::openai_agents::OaiFacts;
use crate::knowledge::Knowledge;
use crate::model::{FileId, Notice, SourceDb};
use crate::syntax::tree::Node;
use crate::syntax::typescript::TsModule;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A YAML file of the project, as parsed (the first document), kept when an adapter may read
/// it ([`yaml_may_matter`]).
#[derive(Debug, Clone)]
pub struct YamlFile {
    pub file: FileId,
    pub root: Option<Arc<Node>>,
    /// The parse stopped early: what follows the error is missing from `root`.
    pub broken: bool,
}

/// Everything an adapter may read.
pub struct Project<'a> {
    pub k: &'a Knowledge,
    pub ev: &'a Evaluation,
    pub modules: &'a [ModuleInfo],
    pub body: &'a BodyAnalyzer<'a>,
    pub db: &'a SourceDb,
    /// Every parsed JSON file (`langgraph.json` among them).
    pub json_files: &'a [(FileId, Arc<Node>)],
    pub ts_files: &'a [(FileId, Arc<TsModule>)],
    /// YAML files by path.
    pub yaml_files: &'a BTreeMap<String, YamlFile>,
    pub mcp: &'a crate::mcp::McpFacts,
}

/// The framework-only facts adapters write besides the shared tool table.
#[derive(Default)]
pub struct Extensions {
    pub lg: LangGraphFacts,
    pub crew: CrewFacts,
    pub oai: OaiFacts,
}

/// What the adapters found.
pub struct Extracted {
    /// MCP servers written in the project's code.
    pub servers: McpServerFacts,
    /// The shared tool table, closed: `ToolId(i)` is `tools[i]`.
    pub tools: Vec<crate::facts::Tool>,
    /// LangGraph's graphs, prebuilt agents and routes.
    pub lg: LangGraphFacts,
    pub crew: CrewFacts,
    pub oai: OaiFacts,
    /// Every adapter's agents, in [`ADAPTERS`] order (`Adapter::agents`): the one arena the
    /// unit builder reads.
    pub agents: Vec<crate::facts::Agent>,
    /// Entry points that are not tools (HTTP handlers, framework hooks), by site.
    pub entries: Vec<crate::facts::EntryPoint>,
}

/// One framework's reader.
pub trait Adapter: Sync {
    /// A short name (for dumps and timings).
    fn name(&self) -> &'static str;

    /// Words whose presence in a YAML file's text makes the pipeline keep its tree for this
    /// adapter (other YAML files are dropped after parsing).
    fn yaml_keys(&self) -> &'static [&'static str] {
        &[]
    }

    /// Reads the evaluated program: tools go into the shared tool table (`tools`), the
    /// framework's own facts into its slot of `ext`, problems into `notices`.
    fn extract<'a>(
        &self,
        p: &Project<'a>,
        tools: &mut ToolTable<'a>,
        ext: &mut Extensions,
        notices: &mut Vec<Notice>,
    );

    /// Its agents as neutral facts (`facts::Agent`), appended to the one arena after every
    /// adapter extracted.
    fn agents(&self, _facts: &Extracted, _out: &mut Vec<crate::facts::Agent>) {}

    /// The adapter's own facts in a plain form, for `AIRLOCK_DEBUG_FACTS`.
    fn dump(&self, _p: &Project, _facts: &Extracted) -> String {
        String::new()
    }
}

/// Every framework adapter, in the order they run.
pub static ADAPTERS: &[&dyn Adapter] = &[
    &crate::extract::langgraph::Adapter,
    &crate::extract::crewai::Adapter,
    &crate::extract::openai_agents::Adapter,
    // Frameworks read by the generic agent adapter; they append to the OpenAI agents' list.
    &crate::extract::agent_kit::PYDANTIC_AI,
    &crate::extract::agent_kit::SMOLAGENTS,
    &crate::extract::agent_kit::GOOGLE_ADK,
    &crate::extract::agent_kit::VERCEL_AI,
    &crate::extract::agent_kit::MASTRA,
    &crate::extract::agent_kit::AUTOGEN,
    &crate::extract::agent_kit::LLAMA_INDEX,
    &crate::extract::agent_kit::AGNO,
    &crate::extract::agent_kit::SEMANTIC_KERNEL,
];

/// Whether some adapter may read a YAML file with this text.
pub fn yaml_may_matter(text: &str) -> bool {
    ADAPTERS
        .iter()
        .flat_map(|a| a.yaml_keys())
        .any(|w| text.contains(w))
}

/// Runs the MCP server readers, then every adapter, in their fixed order.
pub fn run(p: &Project, notices: &mut Vec<Notice>) -> Extracted {
    // First: it closes the parameters frameworks fill before any body is read.
    let entries = crate::extract::entries::extract(p.k, p.ev, p.modules, p.body);
    let mut servers = crate::extract::mcp_server::Extractor::new(p.ev, p.modules, p.body).run();
    crate::extract::ts_mcp::extract(p.body, p.db, p.ts_files, &mut servers);
    let (tools, ext) = {
        let linker = crate::extract::mcp_link::Linker {
            k: p.k,
            ev: p.ev,
            modules: p.modules,
            db: p.db,
            configs: p.mcp,
            servers: &servers,
            body: p.body,
        };
        let mut tools = ToolTable::new(p.k, p.ev, p.modules, p.body);
        tools.linker = Some(&linker);
        let mut ext = Extensions::default();
        for a in ADAPTERS {
            a.extract(p, &mut tools, &mut ext, notices);
        }
        (tools.finish(), ext)
    };
    let mut facts = Extracted {
        servers,
        tools,
        lg: ext.lg,
        crew: ext.crew,
        oai: ext.oai,
        agents: vec![],
        entries,
    };
    let mut agents = vec![];
    for a in ADAPTERS {
        a.agents(&facts, &mut agents);
    }
    facts.agents = agents;
    facts
}

/// The project graph over the facts: LangGraph's graphs first, then configured MCP servers,
/// then every route between agents (this order fixes node indices, hence output order).
pub fn project_graph(p: &Project, facts: &Extracted) -> crate::graph::ProjectGraph {
    let mut pg = crate::graph::ProjectGraph::build(p.ev, p.modules, &facts.tools, &facts.lg);
    pg.add_mcp_servers(p.mcp);
    pg.add_crewai(&facts.crew);
    pg.add_openai(&facts.oai);
    pg.add_langgraph(&facts.tools, &facts.lg);
    pg
}

/// The facts in a plain form, for triaging a miss without a debugger: the neutral tool table,
/// then each adapter's own facts, then MCP configurations and MCP servers in code.
pub fn dump(p: &Project, facts: &Extracted) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for (i, t) in facts.tools.iter().enumerate() {
        let _ = writeln!(
            out,
            "tool {i} {} sinks {:?} sources {:?}",
            t.name,
            t.sinks.iter().map(|s| &s.kind).collect::<Vec<_>>(),
            t.sources.iter().map(|s| &s.kind).collect::<Vec<_>>()
        );
    }
    let at = |s: crate::facts::Site| {
        let l = p.db.location(s.file, s.span);
        format!("{}:{}", l.path, l.line)
    };
    for (i, a) in facts.agents.iter().enumerate() {
        let _ = writeln!(
            out,
            "agent {i} {} {} at {} tools {:?} unknown_tools {} blanket_gate {} checkpointer {:?} entries {}",
            a.framework,
            a.label,
            at(a.site),
            a.tools.iter().map(|t| t.0).collect::<Vec<_>>(),
            a.unknown_tools,
            a.blanket_gate,
            a.checkpointer,
            a.entries.len()
        );
        for (t, g) in &a.gates {
            let _ = writeln!(
                out,
                "  gate tool {} {:?} {:?} at {}",
                t.0,
                g.kind,
                g.strength,
                at(g.site)
            );
        }
    }
    for a in ADAPTERS {
        out.push_str(&a.dump(p, facts));
    }
    out.push_str(&crate::mcp::debug_facts(p.mcp, p.db));
    out.push_str(&crate::extract::mcp_server::debug_facts(
        &facts.servers,
        p.db,
    ));
    out
}
