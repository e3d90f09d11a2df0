// extension.ts with the real vscode-languageclient against a fake `airlock lsp` process
// (test/fixtures/fake-airlock.cjs), with `vscode` replaced by test/fake-vscode.ts: the command
// line and working folder, restarts, and that every way of failing shows exactly one message.

import { fake } from "./fake-vscode";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, afterEach, beforeEach, describe, test } from "node:test";
import type * as vscode from "vscode";
import type * as Extension from "../src/extension";

// The sources by default; `npm run test:bundle` runs the same tests on the shipped bundle.
const bundle = process.env.AIRLOCK_TEST_BUNDLE;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { activate, deactivate } = require(bundle ? path.resolve(bundle) : "../src/extension") as typeof Extension;

interface LogEntry {
  pid: number;
  event: "start" | "message";
  argv?: string[];
  cwd?: string;
  method?: string;
  params?: Record<string, unknown>;
}

interface ClientCapabilities {
  general: { positionEncodings: string[] };
  textDocument: {
    publishDiagnostics: { codeDescriptionSupport: boolean; relatedInformation: boolean; dataSupport: boolean };
    diagnostic?: object;
    hover: { contentFormat: string[] };
    codeAction: { dataSupport: boolean };
  };
  workspace: {
    workspaceFolders: boolean;
    diagnostics: { refreshSupport: boolean };
    didChangeWatchedFiles: { dynamicRegistration: boolean };
  };
}

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "airlock-ext-e2e-")));
const project = path.join(tmp, "project");
fs.mkdirSync(project);
// The fake server behind an executable named like the real one.
const exe = path.join(tmp, "bin", "airlock");
fs.mkdirSync(path.dirname(exe));
fs.writeFileSync(
  exe,
  `#!/bin/sh\nexec '${process.execPath}' '${path.join(__dirname, "fixtures", "fake-airlock.cjs")}' "$@"\n`,
);
fs.chmodSync(exe, 0o755);
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

let logFile = "";
let context: { subscriptions: { dispose(): unknown }[] } | undefined;

// The fake server appends one JSON line per event while the test polls the file: a line not
// yet ended by its newline is still being written, and is read on a later poll.
function entries(): LogEntry[] {
  if (!fs.existsSync(logFile)) return [];
  const lines = fs.readFileSync(logFile, "utf8").split("\n");
  lines.pop();
  return lines.filter((l) => l !== "").map((l) => JSON.parse(l) as LogEntry);
}

const starts = (): LogEntry[] => entries().filter((e) => e.event === "start");
const methods = (): string[] => entries().flatMap((e) => (e.method === undefined ? [] : [e.method]));
const errors = (): string[] => fake.shown.filter((s) => s.level === "error").map((s) => s.message);
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what}; log: ${JSON.stringify(entries())}; shown: ${JSON.stringify(fake.shown)}`);
    }
    await sleep(20);
  }
}

function start(settings: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(settings)) fake.settings.set(k, v);
  context = { subscriptions: [] };
  activate(context as unknown as vscode.ExtensionContext);
}

beforeEach(() => {
  fake.reset();
  fake.folders = [project];
  logFile = path.join(tmp, `log-${String(Date.now())}-${String(Math.random()).slice(2)}.jsonl`);
  process.env.FAKE_AIRLOCK_LOG = logFile;
});

afterEach(async () => {
  await deactivate();
  for (const d of context?.subscriptions ?? []) d.dispose();
  context = undefined;
});

describe("the extension with a language server", () => {
  test("starts `<path> lsp <args>` in the workspace folder and stops it on deactivate", async () => {
    start({ "airlock.path": "${workspaceFolder}/../bin/airlock", "airlock.args": ["--mode", "ok"] });
    await waitFor("initialized", () => methods().includes("initialized"));
    const [s] = starts();
    assert.deepEqual(s?.argv, ["lsp", "--mode", "ok"]);
    assert.equal(s.cwd, project);
    const init = entries().find((e) => e.method === "initialize")?.params;
    assert.ok(init);
    assert.deepEqual(init.workspaceFolders, [{ uri: `file://${project}`, name: "project" }]);
    assert.equal(init.trace, "off");
    // What `airlock lsp` may rely on (see the README's notes for the server).
    const c = init.capabilities as ClientCapabilities;
    assert.deepEqual(c.general.positionEncodings, ["utf-16"]);
    assert.equal(c.textDocument.publishDiagnostics.codeDescriptionSupport, true);
    assert.equal(c.textDocument.publishDiagnostics.relatedInformation, true);
    assert.equal(c.textDocument.publishDiagnostics.dataSupport, true);
    assert.ok(c.textDocument.diagnostic, "pull diagnostics");
    assert.equal(c.workspace.diagnostics.refreshSupport, true);
    assert.deepEqual(c.textDocument.hover.contentFormat, ["markdown", "plaintext"]);
    assert.equal(c.textDocument.codeAction.dataSupport, true);
    assert.equal(c.workspace.workspaceFolders, true);
    assert.equal(c.workspace.didChangeWatchedFiles.dynamicRegistration, true);
    assert.deepEqual(errors(), []);

    await deactivate();
    await waitFor("shutdown and exit", () => methods().includes("exit"));
    assert.deepEqual(methods(), ["initialize", "initialized", "shutdown", "exit"]);
    await waitFor("the server process to end", () => !alive(s.pid));
  });

  test("a server that ignores `exit` is killed when the extension stops", async () => {
    start({ "airlock.path": exe, "airlock.args": ["--mode", "linger"] });
    await waitFor("initialized", () => methods().includes("initialized"));
    const pid = starts()[0]?.pid ?? 0;
    await deactivate();
    assert.ok(methods().includes("exit"));
    assert.equal(alive(pid), false, "the server process must not outlive the extension");
  });

  test("changes to airlock.toml and pyproject.toml reach the server", async () => {
    start({ "airlock.path": exe, "airlock.args": ["--mode", "ok"] });
    await waitFor("initialized", () => methods().includes("initialized"));
    assert.deepEqual(
      fake.watchers.map((w) => w.glob),
      ["**/airlock.toml", "**/pyproject.toml"],
    );
    const toml = path.join(project, "airlock.toml");
    fake.watchers[0]?.change.fire(fake.file(toml));
    fake.watchers[1]?.create.fire(fake.file(path.join(project, "pyproject.toml")));
    await waitFor("didChangeWatchedFiles", () => methods().includes("workspace/didChangeWatchedFiles"));
    const params = entries().find((e) => e.method === "workspace/didChangeWatchedFiles")?.params;
    // FileChangeType: 1 created, 2 changed.
    assert.deepEqual(params?.changes, [
      { uri: `file://${toml}`, type: 2 },
      { uri: `file://${path.join(project, "pyproject.toml")}`, type: 1 },
    ]);
    await deactivate();
    assert.deepEqual(fake.watchers, [], "the watchers are disposed with the client");
  });

  test("the trace setting reaches the server", async () => {
    start({ "airlock.path": exe, "airlock.args": ["--mode", "ok"], "airlock.trace.server": "verbose" });
    await waitFor("initialized", () => methods().includes("initialized"));
    assert.equal(entries().find((e) => e.method === "initialize")?.params?.trace, "verbose");
    // Verbose tracing writes every message to the airlock output channel.
    assert.ok(fake.output.some((l) => l.includes("Sending request 'initialize")));
  });

  test("the restart command and a change of airlock.args restart the server", async () => {
    start({ "airlock.path": exe, "airlock.args": ["--mode", "ok"] });
    await waitFor("first start", () => methods().includes("initialized"));
    const restart = fake.commands.get("airlock.restartServer");
    assert.ok(restart);
    await restart();
    await waitFor("second start", () => methods().filter((m) => m === "initialized").length === 2);

    fake.change({ "airlock.args": ["--mode", "ok", "--extra"] });
    await waitFor("third start", () => methods().filter((m) => m === "initialized").length === 3);
    const all = starts();
    assert.equal(all.length, 3);
    assert.deepEqual(all[2]?.argv, ["lsp", "--mode", "ok", "--extra"]);
    // Each restart shut the previous server down first.
    assert.deepEqual(
      methods().filter((m) => m === "shutdown" || m === "exit"),
      ["shutdown", "exit", "shutdown", "exit"],
    );
    // A setting the extension does not read changes nothing.
    fake.change({ "editor.fontSize": 14 });
    await sleep(300);
    assert.equal(starts().length, 3);
    assert.deepEqual(errors(), []);
  });
});

describe("one message when the server cannot run", () => {
  test("a path that does not exist: no process, one message naming it and the setting", async () => {
    const missing = path.join(tmp, "nowhere", "airlock");
    start({ "airlock.path": missing });
    await waitFor("a message", () => fake.shown.length > 0);
    await sleep(300);
    assert.equal(starts().length, 0);
    assert.equal(errors().length, 1);
    assert.match(errors()[0] ?? "", new RegExp(`${missing.replace(/[/.]/g, "\\$&")} does not exist`));
    assert.match(errors()[0] ?? "", /"airlock\.path"/);
  });

  test("a bare name not on PATH", async () => {
    start({ "airlock.path": "airlock-not-installed-anywhere" });
    await waitFor("a message", () => fake.shown.length > 0);
    await sleep(300);
    assert.deepEqual(fake.shown.map((s) => s.level), ["error"]);
    assert.match(errors()[0] ?? "", /"airlock-not-installed-anywhere" was not found on PATH/);
  });

  test("an executable without the lsp command: one message, no restart, its stderr in the output", async () => {
    start({ "airlock.path": exe, "airlock.args": ["--mode", "exit"] });
    await waitFor("a message", () => fake.shown.length > 0);
    await sleep(1000);
    assert.equal(starts().length, 1, "a server that cannot start must not be restarted");
    assert.equal(fake.shown.length, 1, JSON.stringify(fake.shown));
    assert.match(errors()[0] ?? "", /`.*\/bin\/airlock lsp --mode exit` failed to start: the server exited before answering `initialize`/);
    assert.ok(fake.output.join("").includes("error: unrecognized subcommand 'lsp'"));
  });

  test("initialize answered with an error: one message with the server's reason", async () => {
    start({ "airlock.path": exe, "airlock.args": ["--mode", "init-error"] });
    await waitFor("a message", () => fake.shown.length > 0);
    // The client kills a server that failed to initialize after 2 s; that close must stay quiet.
    const pid = starts()[0]?.pid ?? 0;
    await waitFor("the server process to be gone", () => !alive(pid), 5_000);
    await sleep(300);
    assert.equal(fake.shown.length, 1, JSON.stringify(fake.shown));
    assert.match(errors()[0] ?? "", /failed to start: cannot read airlock\.toml/);
    assert.equal(starts().length, 1);
  });

  test("a server that keeps crashing is restarted three times, then one message", async () => {
    start({ "airlock.path": exe, "airlock.args": ["--mode", "crash"] });
    await waitFor("a message", () => fake.shown.length > 0, 20_000);
    await sleep(1000);
    assert.equal(starts().length, 4);
    assert.ok(starts().every((e) => !alive(e.pid)));
    assert.equal(fake.shown.length, 1, JSON.stringify(fake.shown));
    assert.match(errors()[0] ?? "", /exited 4 times in 3 minutes and will not be restarted/);
  });

  test("a fixed setting starts the server again", async () => {
    start({ "airlock.path": path.join(tmp, "nowhere", "airlock"), "airlock.args": ["--mode", "ok"] });
    await waitFor("a message", () => fake.shown.length > 0);
    fake.change({ "airlock.path": exe });
    await waitFor("initialized", () => methods().includes("initialized"));
    assert.equal(errors().length, 1);
  });
});
