//! The language server: one main loop owns the session state (open documents, workspace roots,
//! configuration, the latest analysis); analysis runs on its own thread, requests on worker
//! threads over an immutable snapshot (`Arc<Snapshot>`), as in ruff_server and rust-analyzer.
//!
//! - Every edit bumps a generation and sends the whole project (with open documents as
//!   overlays) to the analysis thread, which waits for a quiet period after a keystroke (the
//!   debounce; an open, save or close runs at once), drops superseded jobs, and re-analyses with
//!   a parse cache: only changed files are parsed again.
//!   Results older than the newest scheduled generation are discarded.
//! - Diagnostics are pushed (`publishDiagnostics`) to clients without pull support, for every
//!   file whose findings changed, open or not (findings cross files); clients with pull support
//!   get `textDocument/diagnostic`, answered only once the analysis of the newest generation
//!   (the documents' current versions) is ready, so the pull a client makes on open or after a
//!   change already carries the findings; those that take it (under either spelling of the
//!   capability) also get a `workspace/diagnostic/refresh` after each analysis.
//! - A panic in a request handler becomes an `InternalError` response; in a notification
//!   handler, a logged error. Neither stops the server.

use crate::convert::{self, Encoding};
use airlock_analyzer::analysis::{self, Analysis, Options, ParseCache};
use airlock_analyzer::config;
use airlock_analyzer::knowledge::Knowledge;
use airlock_analyzer::model::{Finding, Severity, SourceFile};
use crossbeam_channel::{select, unbounded, Receiver, RecvTimeoutError, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    DiagnosticSeverity, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWorkspaceFoldersParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, InitializeParams, Position, Range, Uri,
};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long the analysis thread waits for edits to stop before analysing.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(150);

/// The file names whose change reloads the configuration.
const CONFIG_FILES: [&str; 2] = ["airlock.toml", "pyproject.toml"];

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// `exit` after `shutdown`: the process exits with code 0.
    Clean,
    /// `exit` (or the end of the stream) without `shutdown` first: exit code 1, as the
    /// specification asks.
    WithoutShutdown,
}

/// Runs the server on `conn` until the client sends `exit` (or the connection closes).
pub fn run(conn: Connection) -> Result<Exit, String> {
    let (id, params) = conn.initialize_start().map_err(|e| e.to_string())?;
    let refresh = refresh_support(&params);
    let init: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let caps = &init.capabilities;
    let utf8 = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&lsp_types::PositionEncodingKind::UTF8));
    let encoding = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let pull = caps
        .text_document
        .as_ref()
        .is_some_and(|t| t.diagnostic.is_some());
    let watch = caps
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let options = init.initialization_options.clone().unwrap_or(Value::Null);
    let debounce = options
        .get("debounceMs")
        .and_then(Value::as_u64)
        .map(Duration::from_millis)
        .unwrap_or(DEFAULT_DEBOUNCE);

    let mut capabilities = json!({
        "positionEncoding": if utf8 { "utf-8" } else { "utf-16" },
        "textDocumentSync": { "openClose": true, "change": 2, "save": { "includeText": false } },
        "hoverProvider": true,
        "codeActionProvider": { "codeActionKinds": ["quickfix"] },
        "workspace": { "workspaceFolders": { "supported": true, "changeNotifications": true } },
    });
    if pull {
        capabilities["diagnosticProvider"] = json!({
            "identifier": "airlock",
            "interFileDependencies": true,
            "workspaceDiagnostics": false,
        });
    }
    conn.initialize_finish(
        id,
        json!({
            "capabilities": capabilities,
            "serverInfo": { "name": "airlock", "version": env!("CARGO_PKG_VERSION") },
        }),
    )
    .map_err(|e| e.to_string())?;

    let mut roots: Vec<PathBuf> = init
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| convert::path_of(&f.uri))
        .map(|p| convert::normalize(&p))
        .collect();
    #[allow(deprecated)]
    if roots.is_empty() {
        roots.extend(
            init.root_uri
                .as_ref()
                .and_then(convert::path_of)
                .map(|p| convert::normalize(&p)),
        );
    }

    let (job_tx, job_rx) = unbounded::<Job>();
    let (done_tx, done_rx) = unbounded::<Done>();
    std::thread::Builder::new()
        .name("airlock-analysis".into())
        .spawn(move || analysis_thread(job_rx, done_tx, debounce))
        .map_err(|e| e.to_string())?;
    let (work_tx, work_rx) = unbounded::<Work>();
    for i in 0..2 {
        let rx = work_rx.clone();
        std::thread::Builder::new()
            .name(format!("airlock-worker-{i}"))
            .spawn(move || rx.into_iter().for_each(|w| w()))
            .map_err(|e| e.to_string())?;
    }

    let mut server = Server {
        sender: conn.sender.clone(),
        encoding,
        pull,
        refresh,
        watch,
        roots,
        docs: BTreeMap::new(),
        configs: HashMap::new(),
        config_bases: HashMap::new(),
        snapshot: Arc::new(Snapshot::default()),
        published: HashMap::new(),
        scheduled: 0,
        jobs: job_tx,
        work: work_tx,
        pending: Arc::new(Mutex::new(HashSet::new())),
        docs_links: crate::docs::links(),
        request_serial: 0,
        analysed: 0,
        deferred: vec![],
        shut_down: false,
        oversized: BTreeMap::new(),
        warned: BTreeSet::new(),
    };
    server.main_loop(&conn, &done_rx)
}

type Work = Box<dyn FnOnce() + Send>;

/// An open document.
struct Doc {
    uri: Uri,
    version: i32,
    text: String,
}

/// The configuration of one workspace root, loaded once and on change.
#[derive(Clone)]
struct ProjectConfig {
    base: Option<PathBuf>,
    options: Options,
    knowledge: Arc<Knowledge>,
    /// A configuration error, shown as a diagnostic on the configuration file.
    error: Option<(PathBuf, Option<usize>, String)>,
}

struct Job {
    generation: u64,
    projects: Vec<(PathBuf, Options, Arc<Knowledge>)>,
    /// Wait for a quiet period first (the job follows an edit).
    debounce: bool,
}

struct Done {
    generation: u64,
    projects: Vec<Project>,
    failures: Vec<String>,
}

/// One analysed workspace root.
pub struct Project {
    pub analysis: Analysis,
}

/// What requests read: the latest analysis and the diagnostics derived from it.
#[derive(Default)]
struct Snapshot {
    projects: Vec<Project>,
    /// Per file (normalised absolute path).
    diagnostics: HashMap<PathBuf, Vec<Value>>,
}

impl Snapshot {
    /// The project holding `path`, and `path` relative to its root.
    fn locate(&self, path: &Path) -> Option<(&Project, String)> {
        self.projects.iter().find_map(|p| {
            let rel = path.strip_prefix(&p.analysis.root).ok()?;
            Some((p, rel.to_string_lossy().replace('\\', "/")))
        })
    }

    fn finding(&self, fingerprint: &str, code: &str) -> Option<(&Project, &Finding)> {
        self.projects.iter().find_map(|p| {
            p.analysis
                .findings
                .iter()
                .find(|f| f.fingerprint == fingerprint && f.code == code)
                .map(|f| (p, f))
        })
    }
}

fn analysis_thread(jobs: Receiver<Job>, done: Sender<Done>, debounce: Duration) {
    let mut caches: HashMap<PathBuf, ParseCache> = HashMap::new();
    while let Ok(mut job) = jobs.recv() {
        // Coalesce a burst of edits: run only once nothing newer arrives for `debounce`. A job
        // that is not an edit runs at once, with whatever newer job is already queued.
        loop {
            let wait = if job.debounce {
                debounce
            } else {
                Duration::ZERO
            };
            match jobs.recv_timeout(wait) {
                Ok(newer) => job = newer,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let mut projects = vec![];
        let mut failures = vec![];
        for (root, opts, knowledge) in &job.projects {
            let cache = caches.entry(root.clone()).or_default();
            match catch_unwind(AssertUnwindSafe(|| {
                analysis::analyze_cached(opts, knowledge, Some(cache))
            })) {
                Ok(analysis) => projects.push(Project { analysis }),
                Err(_) => {
                    // A panic may leave the cache half-written: start it afresh.
                    caches.remove(root);
                    failures.push(format!(
                        "analysis of {} failed with an internal error",
                        root.display()
                    ));
                }
            }
        }
        let live: HashSet<&PathBuf> = job.projects.iter().map(|(r, _, _)| r).collect();
        caches.retain(|r, _| live.contains(r));
        if done
            .send(Done {
                generation: job.generation,
                projects,
                failures,
            })
            .is_err()
        {
            return;
        }
    }
}

struct Server {
    sender: Sender<Message>,
    encoding: Encoding,
    pull: bool,
    refresh: bool,
    watch: bool,
    roots: Vec<PathBuf>,
    /// Open documents by normalised path.
    docs: BTreeMap<PathBuf, Doc>,
    configs: HashMap<PathBuf, ProjectConfig>,
    /// The configuration folder that applies to each folder holding an open document.
    config_bases: HashMap<PathBuf, Option<PathBuf>>,
    snapshot: Arc<Snapshot>,
    /// What was last pushed, per URI string, so only changes are republished.
    published: HashMap<String, (Uri, Vec<Value>)>,
    scheduled: u64,
    jobs: Sender<Job>,
    work: Sender<Work>,
    /// Requests being worked on; a cancelled one is removed and answered at once.
    pending: Arc<Mutex<HashSet<RequestId>>>,
    docs_links: HashMap<&'static str, Uri>,
    request_serial: i32,
    /// The generation of the analysis in `snapshot` (0: none yet).
    analysed: u64,
    /// Pull requests that arrived while an analysis was scheduled: answered when it lands, so
    /// the answer is for the documents' current versions (a client without refresh support
    /// would otherwise keep the empty or stale answer until it happens to pull again).
    deferred: Vec<Deferred>,
    /// `shutdown` was received: only `exit` is accepted now.
    shut_down: bool,
    /// Open documents left out of the analysis because their buffer is over the project's file
    /// size cap: (size, cap), as of the newest scheduled analysis.
    oversized: BTreeMap<PathBuf, (usize, u64)>,
    /// The oversized documents the editor was told about (told once while they stay so).
    warned: BTreeSet<PathBuf>,
}

/// A request held until the analysis of the current generation is ready.
struct Deferred {
    id: RequestId,
    method: String,
    params: Value,
    handler: Handler,
}

impl Server {
    fn exit(&self) -> Exit {
        if self.shut_down {
            Exit::Clean
        } else {
            Exit::WithoutShutdown
        }
    }

    fn main_loop(&mut self, conn: &Connection, done: &Receiver<Done>) -> Result<Exit, String> {
        loop {
            select! {
                recv(conn.receiver) -> msg => {
                    let Ok(msg) = msg else { return Ok(self.exit()) };
                    match msg {
                        Message::Request(req) => {
                            if self.shut_down {
                                self.respond(Response::new_err(
                                    req.id,
                                    ErrorCode::InvalidRequest as i32,
                                    format!("`{}` after `shutdown`: only `exit` is accepted now", req.method),
                                ));
                                continue;
                            }
                            if req.method == "shutdown" {
                                self.shut_down = true;
                                // Pulls still waiting for an analysis get the latest one.
                                self.answer_deferred();
                                self.respond(Response::new_ok(req.id.clone(), Value::Null));
                                continue;
                            }
                            self.on_request(req);
                        }
                        Message::Notification(n) => {
                            if n.method == "exit" {
                                return Ok(self.exit());
                            }
                            if self.shut_down {
                                continue;
                            }
                            let method = n.method.clone();
                            if catch_unwind(AssertUnwindSafe(|| self.on_notification(n))).is_err() {
                                self.log(1, &format!("internal error while handling `{method}`; the server goes on"));
                            }
                        }
                        Message::Response(_) => {}
                    }
                }
                recv(done) -> d => {
                    let Ok(d) = d else { return Ok(self.exit()) };
                    if d.generation == self.scheduled && !self.shut_down {
                        self.on_analysis(d);
                    }
                }
            }
        }
    }

    fn send(&self, m: Message) {
        let _ = self.sender.send(m);
    }

    fn respond(&self, r: Response) {
        self.send(Message::Response(r));
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.to_string(),
            params,
        )));
    }

    /// `window/logMessage`: 1 error, 2 warning, 3 info, 4 log.
    fn log(&self, kind: u8, message: &str) {
        self.notify(
            "window/logMessage",
            json!({ "type": kind, "message": format!("airlock: {message}") }),
        );
    }

    fn next_request_id(&mut self) -> RequestId {
        self.request_serial += 1;
        RequestId::from(format!("airlock-{}", self.request_serial))
    }

    // ---- requests: answered on workers over the snapshot ------------------------------------

    fn on_request(&mut self, req: Request) {
        let Request { id, method, params } = req;
        let handler: Option<Handler> = match method.as_str() {
            "textDocument/hover" => Some(hover),
            "textDocument/codeAction" => Some(code_action),
            "textDocument/diagnostic" => Some(pull_diagnostics),
            "airlock/_panic" if std::env::var_os("AIRLOCK_LSP_TEST_PANIC").is_some() => {
                Some(|_, _| panic!("a deliberate panic, for the robustness test"))
            }
            _ => None,
        };
        let Some(handler) = handler else {
            self.respond(Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("unknown method `{method}`"),
            ));
            return;
        };
        if let Ok(mut p) = self.pending.lock() {
            p.insert(id.clone());
        }
        if method == "textDocument/diagnostic" && self.analysed < self.scheduled {
            self.deferred.push(Deferred {
                id,
                method,
                params,
                handler,
            });
            return;
        }
        self.dispatch(id, method, params, handler);
    }

    /// Answers the pulls that waited for an analysis, from the current snapshot (a cancelled one
    /// left `pending` and was answered then).
    fn answer_deferred(&mut self) {
        for d in std::mem::take(&mut self.deferred) {
            let live = self
                .pending
                .lock()
                .map(|p| p.contains(&d.id))
                .unwrap_or(true);
            if live {
                self.dispatch(d.id, d.method, d.params, d.handler);
            }
        }
    }

    /// Runs `handler` on a worker over the current snapshot; `id` must be in `pending`.
    fn dispatch(&mut self, id: RequestId, method: String, params: Value, handler: Handler) {
        let ctx = RequestCtx {
            snapshot: Arc::clone(&self.snapshot),
            encoding: self.encoding,
            docs: self.doc_texts(&params),
        };
        let pending = Arc::clone(&self.pending);
        let sender = self.sender.clone();
        let work: Work = Box::new(move || {
            let result = catch_unwind(AssertUnwindSafe(|| handler(&ctx, params)));
            let still_wanted = pending.lock().map(|mut p| p.remove(&id)).unwrap_or(true);
            if !still_wanted {
                return;
            }
            let response = match result {
                Ok(Ok(v)) => Response::new_ok(id, v),
                Ok(Err(e)) => Response::new_err(id, ErrorCode::InvalidParams as i32, e),
                Err(_) => Response::new_err(
                    id,
                    ErrorCode::InternalError as i32,
                    format!("internal error while handling `{method}`"),
                ),
            };
            let _ = sender.send(Message::Response(response));
        });
        let _ = self.work.send(work);
    }

    /// The text of the document a request names, if it is open.
    fn doc_texts(&self, params: &Value) -> HashMap<PathBuf, (Uri, String)> {
        let mut out = HashMap::new();
        let uri = params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .and_then(|s| s.parse::<Uri>().ok());
        if let Some(path) = uri
            .as_ref()
            .and_then(convert::path_of)
            .map(|p| convert::normalize(&p))
        {
            if let Some(d) = self.docs.get(&path) {
                out.insert(path, (d.uri.clone(), d.text.clone()));
            }
        }
        for (p, d) in &self.docs {
            out.entry(p.clone())
                .or_insert_with(|| (d.uri.clone(), String::new()));
        }
        out
    }

    // ---- notifications: state changes on the main loop --------------------------------------

    fn on_notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "initialized" => {
                if self.watch {
                    let id = self.next_request_id();
                    self.send(Message::Request(Request::new(
                        id,
                        "client/registerCapability".into(),
                        json!({ "registrations": [{
                            "id": "airlock-config-watch",
                            "method": "workspace/didChangeWatchedFiles",
                            "registerOptions": { "watchers": [
                                { "globPattern": "**/airlock.toml" },
                                { "globPattern": "**/pyproject.toml" },
                            ]},
                        }]}),
                    )));
                }
                self.schedule();
            }
            "textDocument/didOpen" => {
                let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) else {
                    return self.log(2, "ignored a malformed didOpen");
                };
                let Some(path) = convert::path_of(&p.text_document.uri) else {
                    return;
                };
                let path = convert::normalize(&path);
                self.docs.insert(
                    path.clone(),
                    Doc {
                        uri: p.text_document.uri,
                        version: p.text_document.version,
                        text: p.text_document.text,
                    },
                );
                if is_config(&path) {
                    self.forget_configs();
                }
                self.schedule();
            }
            "textDocument/didChange" => {
                let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) else {
                    return self.log(2, "ignored a malformed didChange");
                };
                let Some(path) = convert::path_of(&p.text_document.uri) else {
                    return;
                };
                let path = convert::normalize(&path);
                let encoding = self.encoding;
                let Some(doc) = self.docs.get_mut(&path) else {
                    return self.log(2, "ignored a change to a document that is not open");
                };
                for change in p.content_changes {
                    match change.range {
                        None => doc.text = change.text,
                        Some(r) => {
                            let lines = airlock_analyzer::model::LineIndex::new(&doc.text);
                            let a = convert::offset(&doc.text, &lines, r.start, encoding);
                            let b = convert::offset(&doc.text, &lines, r.end, encoding).max(a);
                            doc.text.replace_range(a..b, &change.text);
                        }
                    }
                }
                doc.version = p.text_document.version;
                if is_config(&path) {
                    self.forget_configs();
                }
                self.schedule_edit();
            }
            "textDocument/didSave" => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    if convert::path_of(&p.text_document.uri).is_some_and(|p| is_config(&p)) {
                        self.forget_configs();
                    }
                }
                self.schedule();
            }
            "textDocument/didClose" => {
                let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) else {
                    return;
                };
                if let Some(path) = convert::path_of(&p.text_document.uri) {
                    self.docs.remove(&convert::normalize(&path));
                    if is_config(&path) {
                        self.forget_configs();
                    }
                }
                self.schedule();
            }
            "workspace/didChangeWatchedFiles" => {
                if let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) {
                    if p.changes
                        .iter()
                        .any(|c| convert::path_of(&c.uri).is_some_and(|p| is_config(&p)))
                    {
                        self.forget_configs();
                    }
                }
                self.schedule();
            }
            "workspace/didChangeWorkspaceFolders" => {
                let Ok(p) = serde_json::from_value::<DidChangeWorkspaceFoldersParams>(n.params)
                else {
                    return;
                };
                for f in p.event.removed {
                    if let Some(path) = convert::path_of(&f.uri) {
                        let path = convert::normalize(&path);
                        self.roots.retain(|r| r != &path);
                    }
                }
                for f in p.event.added {
                    if let Some(path) = convert::path_of(&f.uri) {
                        let path = convert::normalize(&path);
                        if !self.roots.contains(&path) {
                            self.roots.push(path);
                        }
                    }
                }
                self.forget_configs();
                self.schedule();
            }
            "$/cancelRequest" => {
                let id = n.params.get("id").cloned();
                let id: Option<RequestId> = id.and_then(|v| serde_json::from_value(v).ok());
                if let Some(id) = id {
                    let was_pending = self
                        .pending
                        .lock()
                        .map(|mut p| p.remove(&id))
                        .unwrap_or(false);
                    if was_pending {
                        self.respond(Response::new_err(
                            id,
                            ErrorCode::RequestCanceled as i32,
                            "cancelled".into(),
                        ));
                    }
                }
            }
            _ => {}
        }
    }

    // ---- analysis ----------------------------------------------------------------------------

    /// The folders analysed: the workspace folders, or, without any, each open file's project.
    /// A file with no project around it (its folder is the filesystem root or the home folder)
    /// is analysed on its own rather than with everything beside it.
    fn project_roots(&mut self) -> Vec<PathBuf> {
        let mut roots: BTreeSet<PathBuf> = self.roots.iter().cloned().collect();
        if roots.is_empty() {
            // The same root as the CLI gives these files (analyzer::project).
            let home = std::env::var_os("HOME").map(PathBuf::from);
            let paths: Vec<PathBuf> = self.docs.keys().cloned().collect();
            for path in paths {
                let base = self.config_base(&path);
                let root = airlock_analyzer::project::root(
                    std::slice::from_ref(&path),
                    base.as_deref(),
                    home.as_deref(),
                );
                roots.insert(root.unwrap_or(path));
            }
        }
        // A root inside another is analysed with it.
        let all: Vec<PathBuf> = roots.iter().cloned().collect();
        roots.retain(|r| !all.iter().any(|o| o != r && r.starts_with(o)));
        roots.into_iter().collect()
    }

    /// The folder of the configuration that applies to `path`, cached with the configurations
    /// (an unreadable one counts as none here; `config_for` reports it).
    fn config_base(&mut self, path: &Path) -> Option<PathBuf> {
        let dir = path.parent()?.to_path_buf();
        if let Some(b) = self.config_bases.get(&dir) {
            return b.clone();
        }
        let base = config::find(&dir)
            .ok()
            .flatten()
            .map(|l| convert::normalize(&l.base()));
        self.config_bases.insert(dir, base.clone());
        base
    }

    fn config_for(&mut self, root: &Path) -> ProjectConfig {
        if let Some(c) = self.configs.get(root) {
            return c.clone();
        }
        let mut error = None;
        let loaded = match config::find(root) {
            Ok(l) => l,
            Err(e) => {
                if let Some((file, offset, message)) = e.located() {
                    error = Some((convert::normalize(file), offset, message.to_string()));
                } else {
                    self.log(2, &e.to_string());
                }
                None
            }
        };
        // The same options and knowledge as the CLI (analyzer::project).
        let (options, knowledge) =
            airlock_analyzer::project::options_and_knowledge(loaded.as_ref());
        let base = loaded.as_ref().map(|l| l.base());
        let knowledge = Arc::new(knowledge);
        let pc = ProjectConfig {
            base,
            options,
            knowledge,
            error,
        };
        self.configs.insert(root.to_path_buf(), pc.clone());
        pc
    }

    /// Drops the cached configurations (one changed, or the folders did).
    fn forget_configs(&mut self) {
        self.configs.clear();
        self.config_bases.clear();
    }

    /// Schedules an analysis at once (a document opened, saved or closed; files or settings
    /// changed): nothing suggests more is coming, so the diagnostics should not wait.
    fn schedule(&mut self) {
        self.schedule_job(false);
    }

    /// Schedules an analysis after an edit: more keystrokes are likely, so it waits for the
    /// debounce.
    fn schedule_edit(&mut self) {
        self.schedule_job(true);
    }

    fn schedule_job(&mut self, debounce: bool) {
        self.scheduled += 1;
        let mut projects = vec![];
        let mut oversized = BTreeMap::new();
        for root in self.project_roots() {
            let pc = self.config_for(&root);
            let mut opts = pc.options.clone();
            opts.paths = vec![root.clone()];
            opts.discover.root = pc.base.clone();
            // An open buffer gets the cap a file on disk gets: over it, the document is not
            // analysed (an empty overlay stands for it, so neither the buffer nor the file on
            // disk is read) and the editor is told.
            let cap = opts.discover.max_file_size;
            let overlays: BTreeMap<PathBuf, String> = self
                .docs
                .iter()
                .filter(|(p, _)| p.starts_with(&root))
                .map(|(p, d)| {
                    if d.text.len() as u64 > cap {
                        oversized.insert(p.clone(), (d.text.len(), cap));
                        (p.clone(), String::new())
                    } else {
                        (p.clone(), d.text.clone())
                    }
                })
                .collect();
            opts.overlays = Arc::new(overlays);
            projects.push((root, opts, pc.knowledge));
        }
        for (path, (size, cap)) in &oversized {
            if self.warned.insert(path.clone()) {
                self.notify(
                    "window/showMessage",
                    json!({ "type": 2, "message": too_large_message(path, *size, *cap) }),
                );
            }
        }
        self.warned.retain(|p| oversized.contains_key(p));
        self.oversized = oversized;
        let _ = self.jobs.send(Job {
            generation: self.scheduled,
            projects,
            debounce,
        });
    }

    fn on_analysis(&mut self, done: Done) {
        for f in &done.failures {
            self.log(1, f);
        }
        let mut diagnostics: HashMap<PathBuf, Vec<Value>> = HashMap::new();
        for p in &done.projects {
            let files: HashMap<&str, &SourceFile> = p
                .analysis
                .sources
                .files
                .iter()
                .map(|f| (f.rel_path.as_str(), f))
                .collect();
            for f in &p.analysis.findings {
                let path = convert::normalize(&p.analysis.root.join(&f.location.path));
                let d = diagnostic(
                    f,
                    &p.analysis.root,
                    &files,
                    self.encoding,
                    &self.docs_links,
                    |p| self.uri_for(p),
                );
                diagnostics.entry(path).or_default().push(d);
            }
        }
        // Buffers over the size cap, on the buffer.
        for (path, (size, cap)) in &self.oversized {
            diagnostics.entry(path.clone()).or_default().push(json!({
                "range": Range::new(Position::new(0, 0), Position::new(0, 0)),
                "severity": 2,
                "source": "airlock",
                "message": too_large_message(path, *size, *cap),
            }));
        }
        // Configuration errors, on the configuration file.
        let errors: Vec<(PathBuf, Option<usize>, String)> = self
            .configs
            .values()
            .filter_map(|c| c.error.clone())
            .collect();
        for (file, offset, message) in errors {
            let text = self
                .docs
                .get(&file)
                .map(|d| d.text.clone())
                .or_else(|| std::fs::read_to_string(&file).ok())
                .unwrap_or_default();
            let lines = airlock_analyzer::model::LineIndex::new(&text);
            let at = offset.unwrap_or(0);
            let range = convert::range(&text, &lines, at, at, self.encoding);
            diagnostics.entry(file).or_default().push(json!({
                "range": range,
                "severity": 1,
                "source": "airlock",
                "message": format!("invalid configuration: {message}"),
            }));
        }
        self.snapshot = Arc::new(Snapshot {
            projects: done.projects,
            diagnostics,
        });
        self.analysed = done.generation;
        self.answer_deferred();
        if self.pull {
            if self.refresh {
                let id = self.next_request_id();
                self.send(Message::Request(Request::new(
                    id,
                    "workspace/diagnostic/refresh".into(),
                    Value::Null,
                )));
            }
            return;
        }
        let mut next: HashMap<String, (Uri, Vec<Value>)> = HashMap::new();
        for (path, items) in &self.snapshot.diagnostics {
            let uri = self.uri_for(path);
            next.insert(uri.as_str().to_string(), (uri, items.clone()));
        }
        for (key, (uri, items)) in &next {
            if self.published.get(key).map(|(_, old)| old) != Some(items) {
                self.publish(uri, items.clone());
            }
        }
        for (key, (uri, _)) in &self.published {
            if !next.contains_key(key) {
                self.publish(uri, vec![]);
            }
        }
        self.published = next;
    }

    fn publish(&self, uri: &Uri, items: Vec<Value>) {
        let path = convert::path_of(uri).map(|p| convert::normalize(&p));
        let version = path.and_then(|p| self.docs.get(&p)).map(|d| d.version);
        let mut params = json!({ "uri": uri, "diagnostics": items });
        if let Some(v) = version {
            params["version"] = json!(v);
        }
        self.notify("textDocument/publishDiagnostics", params);
    }

    /// The URI the client uses for `path` (its own, when the file is open).
    fn uri_for(&self, path: &Path) -> Uri {
        match self.docs.get(path) {
            Some(d) => d.uri.clone(),
            None => convert::uri_of(path),
        }
    }
}

/// Whether the client takes `workspace/diagnostic/refresh`. LSP 3.17 spells the capability
/// `workspace.diagnostics.refreshSupport` (VS Code sends that); lsp-types, and some clients,
/// `workspace.diagnostic.refreshSupport`. Either counts, read from the raw parameters since
/// lsp-types has no field for the first.
fn refresh_support(params: &Value) -> bool {
    ["diagnostics", "diagnostic"].iter().any(|k| {
        params
            .pointer(&format!("/capabilities/workspace/{k}/refreshSupport"))
            .and_then(Value::as_bool)
            .unwrap_or(false)
    })
}

/// The notice for a buffer over the size cap.
fn too_large_message(path: &Path, size: usize, cap: u64) -> String {
    let mib = |b: f64| format!("{:.1} MiB", b / (1024.0 * 1024.0));
    format!(
        "airlock: {} is not analysed: its buffer is {} ({size} bytes), over the {} ({cap} bytes) limit for analysed files (`max-file-size` in airlock.toml)",
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()),
        mib(size as f64),
        mib(cap as f64),
    )
}

fn is_config(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| CONFIG_FILES.contains(&n))
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Critical | Severity::High => DiagnosticSeverity::ERROR,
        Severity::Medium => DiagnosticSeverity::WARNING,
        Severity::Low => DiagnosticSeverity::INFORMATION,
        Severity::Info => DiagnosticSeverity::HINT,
    }
}

/// The range of byte span `start..end` of file `rel` in the analysed texts.
fn range_in(
    files: &HashMap<&str, &SourceFile>,
    rel: &str,
    start: u32,
    end: u32,
    enc: Encoding,
) -> Range {
    match files.get(rel) {
        Some(f) => convert::range(&f.text, &f.lines, start as usize, end as usize, enc),
        None => Range::new(Position::new(0, 0), Position::new(0, 0)),
    }
}

fn diagnostic(
    f: &Finding,
    root: &Path,
    files: &HashMap<&str, &SourceFile>,
    enc: Encoding,
    links: &HashMap<&'static str, Uri>,
    uri_for: impl Fn(&Path) -> Uri,
) -> Value {
    let l = &f.location;
    let range = range_in(files, &l.path, l.span.start, l.span.end, enc);
    let related: Vec<Value> = f
        .path
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let p = convert::normalize(&root.join(&s.location.path));
            json!({
                "location": {
                    "uri": uri_for(&p),
                    "range": range_in(files, &s.location.path, s.location.span.start, s.location.span.end, enc),
                },
                "message": format!("({}) {}", i + 1, s.label),
            })
        })
        .chain(
            // The other sources reaching the same place (`Finding::also`), each where it starts.
            f.also.iter().filter_map(|p| p.first()).map(|s| {
                let p = convert::normalize(&root.join(&s.location.path));
                json!({
                    "location": {
                        "uri": uri_for(&p),
                        "range": range_in(files, &s.location.path, s.location.span.start, s.location.span.end, enc),
                    },
                    "message": format!("also reached from: {}", s.label),
                })
            }),
        )
        .collect();
    let mut message = f.message.clone();
    if !f.help.is_empty() {
        message.push_str("\nhelp: ");
        message.push_str(&f.help);
    }
    let mut d = json!({
        "range": range,
        "severity": severity(f.severity),
        "code": f.code,
        "source": "airlock",
        "message": message,
        "data": { "fingerprint": f.fingerprint, "code": f.code },
    });
    if !related.is_empty() {
        d["relatedInformation"] = json!(related);
    }
    if let Some(href) = links.get(f.code) {
        d["codeDescription"] = json!({ "href": href });
    }
    d
}

// ---- request handlers (workers) --------------------------------------------------------------

type Handler = fn(&RequestCtx, Value) -> Result<Value, String>;

struct RequestCtx {
    snapshot: Arc<Snapshot>,
    encoding: Encoding,
    /// Open documents: the text of the one the request names, the URIs of all.
    docs: HashMap<PathBuf, (Uri, String)>,
}

impl RequestCtx {
    fn uri_for(&self, path: &Path) -> Uri {
        match self.docs.get(path) {
            Some((u, _)) => u.clone(),
            None => convert::uri_of(path),
        }
    }
}

fn text_document(params: &Value) -> Result<PathBuf, String> {
    let uri: Uri = params
        .pointer("/textDocument/uri")
        .and_then(Value::as_str)
        .ok_or("missing textDocument.uri")?
        .parse()
        .map_err(|_| "textDocument.uri is not a URI".to_string())?;
    Ok(convert::path_of(&uri)
        .map(|p| convert::normalize(&p))
        .unwrap_or_default())
}

fn pull_diagnostics(cx: &RequestCtx, params: Value) -> Result<Value, String> {
    let path = text_document(&params)?;
    let items = cx
        .snapshot
        .diagnostics
        .get(&path)
        .cloned()
        .unwrap_or_default();
    Ok(json!({ "kind": "full", "items": items }))
}

fn hover(cx: &RequestCtx, params: Value) -> Result<Value, String> {
    let path = text_document(&params)?;
    let pos: Position = params
        .get("position")
        .cloned()
        .and_then(|p| serde_json::from_value(p).ok())
        .ok_or("missing position")?;
    let Some((project, rel)) = cx.snapshot.locate(&path) else {
        return Ok(Value::Null);
    };
    let Some(file) = project
        .analysis
        .sources
        .files
        .iter()
        .find(|f| f.rel_path == rel)
    else {
        return Ok(Value::Null);
    };
    let offset = convert::offset(&file.text, &file.lines, pos, cx.encoding) as u32;
    let inv = &project.analysis.inventory;
    let within = |l: &airlock_analyzer::model::Location| {
        l.path == rel && l.span.start <= offset && offset <= l.span.end
    };
    let range_of = |l: &airlock_analyzer::model::Location| {
        convert::range(
            &file.text,
            &file.lines,
            l.span.start as usize,
            l.span.end as usize,
            cx.encoding,
        )
    };
    let place = |l: &airlock_analyzer::model::Location| format!("{}:{}", l.path, l.line);
    let kinds = |v: &[String]| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    if let Some(t) = inv.tools.iter().find(|t| within(&t.location)) {
        let mut md = format!(
            "**tool `{}`**{}\n\ncapabilities: {}\n\nreturns: {}\n",
            t.name,
            if t.privileged { " (privileged)" } else { "" },
            kinds(&t.sinks),
            kinds(&t.sources)
        );
        if t.contexts.is_empty() {
            md.push_str("\nheld by no agent airlock found\n");
        }
        for c in &t.contexts {
            md.push_str(&format!("\n---\nin {}: gate **{}**", c.holder, c.gate));
            if let Some(g) = &c.gate_location {
                md.push_str(&format!(" ({})", place(g)));
            }
            md.push('\n');
            let reaching: Vec<_> = c.reaching().into_iter().cloned().collect();
            // One line per place and kind, whichever tools the same read comes from.
            let mut reaching = reaching;
            reaching.dedup_by(|a, b| a.place == b.place && a.kind == b.kind);
            sources_md(&mut md, &reaching, "reaches it", "can reach it");
        }
        return Ok(
            json!({ "contents": { "kind": "markdown", "value": md }, "range": range_of(&t.location) }),
        );
    }
    if let Some(a) = inv.agents.iter().find(|a| within(&a.location)) {
        let mut md = format!(
            "**{}**\n\ntools: {}\n",
            a.label,
            if a.tools.is_empty() {
                "none".to_string()
            } else {
                a.tools
                    .iter()
                    .map(|id| {
                        let name = inv
                            .tools
                            .iter()
                            .find(|t| &t.id == id)
                            .map_or(id.as_str(), |t| t.name.as_str());
                        format!("`{name}`")
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        );
        sources_md(&mut md, &a.sources, "enters it", "enters it");
        return Ok(
            json!({ "contents": { "kind": "markdown", "value": md }, "range": range_of(&a.location) }),
        );
    }
    if let Some(n) = inv.nodes.iter().find(|n| within(&n.location)) {
        let md = format!(
            "**node `{}`** runs {}\n\nroutes to: {}\n\n{}\n",
            n.name,
            n.runs,
            if n.routes_to.is_empty() {
                "nothing".to_string()
            } else {
                n.routes_to
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            if n.gated {
                "the graph pauses for a human before it"
            } else {
                "no human approval before it"
            }
        );
        return Ok(
            json!({ "contents": { "kind": "markdown", "value": md }, "range": range_of(&n.location) }),
        );
    }
    Ok(Value::Null)
}

/// The untrusted sources of a hover: `no untrusted content {none}` or a list after
/// `untrusted content that {some}:`.
fn sources_md(
    md: &mut String,
    sources: &[airlock_analyzer::inventory::SourceInfo],
    none: &str,
    some: &str,
) {
    if sources.is_empty() {
        md.push_str(&format!("\nno untrusted content {none}\n"));
        return;
    }
    md.push_str(&format!("\nuntrusted content that {some}:\n"));
    for s in sources {
        md.push_str(&format!(
            "- `{}`: {} ({}:{})\n",
            s.kind, s.label, s.place.path, s.place.line
        ));
    }
}

fn code_action(cx: &RequestCtx, params: Value) -> Result<Value, String> {
    let path = text_document(&params)?;
    let diagnostics = params
        .pointer("/context/diagnostics")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut actions = vec![];
    for d in &diagnostics {
        let (Some(fp), Some(code)) = (
            d.pointer("/data/fingerprint").and_then(Value::as_str),
            d.pointer("/data/code").and_then(Value::as_str),
        ) else {
            continue;
        };
        let Some((project, f)) = cx.snapshot.finding(fp, code) else {
            continue;
        };
        let files: HashMap<&str, &SourceFile> = project
            .analysis
            .sources
            .files
            .iter()
            .map(|f| (f.rel_path.as_str(), f))
            .collect();
        for fix in &f.fixes {
            let mut changes: BTreeMap<String, Vec<Value>> = BTreeMap::new();
            for e in &fix.edits {
                let p = convert::normalize(&project.analysis.root.join(&e.location.path));
                let uri = cx.uri_for(&p);
                changes.entry(uri.as_str().to_string()).or_default().push(json!({
                    "range": range_in(&files, &e.location.path, e.location.span.start, e.location.span.end, cx.encoding),
                    "newText": e.new_text,
                }));
            }
            actions.push(json!({
                "title": fix.title,
                "kind": "quickfix",
                "diagnostics": [d],
                "isPreferred": true,
                "edit": { "changes": changes },
            }));
        }
        // Suppress on the finding's line; the reason is left for the author to write (until
        // then the comment is reported as AIR002).
        let file_path = convert::normalize(&project.analysis.root.join(&f.location.path));
        let Some(prefix) = comment_prefix(&file_path) else {
            continue;
        };
        let Some(file) = files.get(f.location.path.as_str()) else {
            continue;
        };
        let line_start = file.lines.line_start(f.location.line).unwrap_or(0) as usize;
        let line_end = file.text[line_start..]
            .find('\n')
            .map(|i| line_start + i)
            .unwrap_or(file.text.len());
        let line_end = if file.text[..line_end].ends_with('\r') {
            line_end - 1
        } else {
            line_end
        };
        let at = convert::position(&file.text, &file.lines, line_end, cx.encoding);
        let uri = cx.uri_for(&file_path);
        let edit = json!({
            "range": { "start": at, "end": at },
            "newText": format!("  {prefix} airlock: ignore[{}] ", f.code),
        });
        actions.push(json!({
            "title": format!("Suppress {} on this line (write the reason after it)", f.code),
            "kind": "quickfix",
            "diagnostics": [d],
            "edit": { "changes": { uri.as_str(): [edit] } },
        }));
    }
    let _ = &path;
    Ok(json!(actions))
}

fn comment_prefix(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "py" | "pyi" | "yaml" | "yml" => Some("#"),
        "ts" | "tsx" | "mts" | "cts" | "js" | "jsx" | "mjs" | "cjs" | "jsonc" => Some("//"),
        _ => None,
    }
}
