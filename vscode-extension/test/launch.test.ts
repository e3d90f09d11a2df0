// Unit tests of launch.ts (no VS Code needed) and of the manifest's agreement with it.

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, test } from "node:test";
import {
  CLIENT_ID,
  DEFAULT_PATH,
  LANGUAGES,
  RESTART_COMMAND,
  RestartPolicy,
  WATCHED_FILES,
  activationEvents,
  commandLine,
  crashedMessage,
  describeStartError,
  documentSelector,
  readSettings,
  resolveExecutable,
  serverCommand,
  startFailedMessage,
  substitute,
  type Environment,
  type FileProbe,
  type ServerCommand,
} from "../src/launch";

const root = path.resolve(__dirname, "..");

function env(over: Partial<Environment> = {}): Environment {
  return {
    workspaceFolders: ["/home/ana/proj"],
    env: { PATH: "/usr/bin", AIRLOCK_HOME: "/opt/airlock" },
    home: "/home/ana",
    platform: "linux",
    ...over,
  };
}

function ok<T>(r: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!r.ok) assert.fail(`expected success, got: ${r.message}`);
  return r.value;
}

function err(r: { ok: true; value: unknown } | { ok: false; message: string }): string {
  if (r.ok) assert.fail(`expected a failure, got: ${JSON.stringify(r.value)}`);
  return r.message;
}

describe("document selector", () => {
  test("covers every language airlock analyses, on disk only", () => {
    const selector = documentSelector();
    assert.deepEqual(
      selector.map((f) => f.language),
      ["python", "typescript", "typescriptreact", "javascript", "javascriptreact", "yaml", "json", "jsonc"],
    );
    assert.deepEqual([...new Set(selector.map((f) => f.scheme))], ["file"]);
  });

  test("activation events are one per language plus airlock.toml and the startup files", () => {
    const events = activationEvents();
    assert.equal(events.length, LANGUAGES.length + 4);
    assert.ok(events.includes("workspaceContains:*.py"));
    assert.ok(events.includes("onLanguage:typescriptreact"));
    assert.ok(events.includes("workspaceContains:**/airlock.toml"));
  });

  test("the config files are watched", () => {
    assert.deepEqual([...WATCHED_FILES], ["**/airlock.toml", "**/pyproject.toml"]);
  });
});

describe("package.json agrees with the code", () => {
  interface Manifest {
    name: string;
    publisher: string;
    displayName: string;
    version: string;
    main: string;
    engines: { vscode: string };
    activationEvents: string[];
    devDependencies: Record<string, string>;
    dependencies: Record<string, string>;
    capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
    contributes: {
      commands: { command: string; title: string; category?: string }[];
      configuration: { properties: Record<string, { type: string; default: unknown; enum?: string[] }> };
    };
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Manifest;
  const props = manifest.contributes.configuration.properties;

  test("identity, entry point and version match the Rust workspace", () => {
    assert.equal(manifest.name, "airlock");
    assert.equal(manifest.publisher, "airlock");
    assert.equal(manifest.displayName, "airlock");
    assert.equal(manifest.main, "./dist/extension.js");
    const cargo = fs.readFileSync(path.join(root, "..", "Cargo.toml"), "utf8");
    const workspaceVersion = /\[workspace\.package\][^[]*?\bversion\s*=\s*"([^"]+)"/.exec(cargo)?.[1];
    assert.equal(manifest.version, workspaceVersion, "package.json version differs from Cargo.toml [workspace.package]");
  });

  test("the engine accepts the VS Code API the code is typed against", () => {
    const engine = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(manifest.engines.vscode);
    const types = /^(\d+)\.(\d+)\.(\d+)$/.exec(manifest.devDependencies["@types/vscode"] ?? "");
    assert.ok(engine && types, "engine and @types/vscode must be exact versions");
    // vsce refuses a package whose @types/vscode is newer than the engine's minimum.
    assert.deepEqual(engine.slice(1, 3), types.slice(1, 3));
    // vscode-languageclient 9 declares engines.vscode ^1.82.0.
    assert.equal(manifest.dependencies["vscode-languageclient"]?.split(".")[0], "9");
  });

  test("activation events match the document selector", () => {
    assert.deepEqual(manifest.activationEvents, activationEvents());
  });

  test("the restart command is declared as `airlock: Restart Server`", () => {
    const cmd = manifest.contributes.commands.find((c) => c.command === RESTART_COMMAND);
    assert.ok(cmd);
    assert.equal(`${cmd.category ?? ""}: ${cmd.title}`, "airlock: Restart Server");
  });

  test("settings exist with the defaults the code uses", () => {
    assert.equal(props["airlock.path"]?.type, "string");
    assert.equal(props["airlock.path"].default, DEFAULT_PATH);
    assert.equal(props["airlock.args"]?.type, "array");
    assert.deepEqual(props["airlock.args"].default, []);
    // vscode-languageclient reads `<client id>.trace.server`.
    const trace = props[`${CLIENT_ID}.trace.server`];
    assert.ok(trace);
    assert.deepEqual(trace.enum, ["off", "messages", "verbose"]);
    assert.equal(trace.default, "off");
  });

  test("an untrusted workspace cannot choose the executable", () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, "limited");
    assert.deepEqual([...trust.restrictedConfigurations].sort(), ["airlock.args", "airlock.path"]);
  });
});

describe("readSettings", () => {
  test("defaults when nothing is set", () => {
    const { settings, problems } = readSettings(undefined, undefined);
    assert.deepEqual(settings, { path: "airlock", args: [] });
    assert.deepEqual(problems, []);
  });

  test("keeps a path (trimmed) and string arguments", () => {
    const { settings, problems } = readSettings("  /opt/airlock/bin/airlock ", ["--log", "debug"]);
    assert.deepEqual(settings, { path: "/opt/airlock/bin/airlock", args: ["--log", "debug"] });
    assert.deepEqual(problems, []);
  });

  test("an empty path means the default", () => {
    assert.equal(readSettings("   ", []).settings.path, "airlock");
  });

  test("reports values of the wrong type and falls back", () => {
    const a = readSettings(42, "--verbose");
    assert.deepEqual(a.settings, { path: "airlock", args: [] });
    assert.equal(a.problems.length, 2);
    assert.match(a.problems[0] ?? "", /"airlock\.path" must be a string/);
    assert.match(a.problems[1] ?? "", /"airlock\.args" must be an array of strings/);

    const b = readSettings("airlock", ["--a", 3, null, "--b"]);
    assert.deepEqual(b.settings.args, ["--a", "--b"]);
    assert.equal(b.problems.length, 2);
  });
});

describe("substitute", () => {
  test("workspace folder, its basename, home and environment variables", () => {
    const e = env();
    assert.deepEqual(substitute("${workspaceFolder}/target/debug/airlock", e), {
      value: "/home/ana/proj/target/debug/airlock",
      unresolved: [],
    });
    assert.equal(substitute("${workspaceFolderBasename}.log", e).value, "proj.log");
    assert.equal(substitute("${userHome}/.cargo/bin/airlock", e).value, "/home/ana/.cargo/bin/airlock");
    assert.equal(substitute("${env:AIRLOCK_HOME}/airlock", e).value, "/opt/airlock/airlock");
    assert.equal(substitute("${env:UNSET_VAR}x", e).value, "x");
    assert.equal(substitute("${workspaceFolder}-${workspaceFolder}", e).value, "/home/ana/proj-/home/ana/proj");
  });

  test("a leading ~ is the home folder, elsewhere it is kept", () => {
    const e = env();
    assert.equal(substitute("~/.cargo/bin/airlock", e).value, "/home/ana/.cargo/bin/airlock");
    assert.equal(substitute("~", e).value, "/home/ana");
    assert.equal(substitute("bin/~airlock", e).value, "bin/~airlock");
    assert.equal(substitute("~bob/airlock", e).value, "~bob/airlock");
  });

  test("unknown variables and a missing folder are left in place and reported", () => {
    const e = env({ workspaceFolders: [] });
    assert.deepEqual(substitute("${workspaceFolder}/airlock", e), {
      value: "${workspaceFolder}/airlock",
      unresolved: ["${workspaceFolder}"],
    });
    assert.deepEqual(substitute("${config:foo}", env()).unresolved, ["${config:foo}"]);
  });

  test("the first folder of a multi-root workspace is used; Windows basenames", () => {
    const e = env({ workspaceFolders: ["C:\\src\\proj", "D:\\other"], platform: "win32" });
    assert.equal(substitute("${workspaceFolder}\\airlock.exe", e).value, "C:\\src\\proj\\airlock.exe");
    assert.equal(substitute("${workspaceFolderBasename}", e).value, "proj");
    assert.equal(substitute("~\\bin", { ...e, home: "C:\\Users\\ana" }).value, "C:\\Users\\ana\\bin");
  });
});

describe("serverCommand", () => {
  test("`lsp` comes first, then the configured arguments, substituted", () => {
    const cmd = ok(serverCommand({ path: "~/bin/airlock", args: ["--config", "${workspaceFolder}/airlock.toml"] }, env()));
    assert.deepEqual(cmd, {
      command: "/home/ana/bin/airlock",
      args: ["lsp", "--config", "/home/ana/proj/airlock.toml"],
      cwd: "/home/ana/proj",
    });
  });

  test("no folder: no working directory", () => {
    const cmd = ok(serverCommand({ path: "airlock", args: [] }, env({ workspaceFolders: [] })));
    assert.deepEqual(cmd, { command: "airlock", args: ["lsp"], cwd: undefined });
  });

  test("an unresolvable variable is an error that names it and the settings", () => {
    const message = err(serverCommand({ path: "${workspaceFolder}/airlock", args: [] }, env({ workspaceFolders: [] })));
    assert.match(message, /\$\{workspaceFolder\}/);
    assert.match(message, /"airlock\.path"/);
    assert.match(message, /no folder is open/);
    const other = err(serverCommand({ path: "airlock", args: ["${command:x}"] }, env()));
    assert.match(other, /\$\{command:x\}/);
  });
});

describe("resolveExecutable", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "airlock-ext-"));
  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const mk = (rel: string, mode: number): string => {
    const p = path.join(tmp, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, "#!/bin/sh\n");
    fs.chmodSync(p, mode);
    return p;
  };
  const first = mk("a/airlock", 0o755);
  const second = mk("b/airlock", 0o755);
  mk("noexec/airlock", 0o644);
  const inProject = mk("proj/target/debug/airlock", 0o755);
  fs.mkdirSync(path.join(tmp, "proj/folder/airlock"), { recursive: true });
  const cmd = (command: string): ServerCommand => ({ command, args: ["lsp"], cwd: path.join(tmp, "proj") });
  const onPath = (...dirs: string[]): Environment =>
    env({ env: { PATH: dirs.map((d) => path.join(tmp, d)).join(":") } });

  test("a bare name is found in the first PATH folder that has it", () => {
    assert.equal(ok(resolveExecutable(cmd("airlock"), onPath("a", "b"))), first);
    assert.equal(ok(resolveExecutable(cmd("airlock"), onPath("b", "a"))), second);
  });

  test("a file without execute permission on PATH is skipped", () => {
    assert.equal(ok(resolveExecutable(cmd("airlock"), onPath("noexec", "b"))), second);
  });

  test("not on PATH: the message names the command and the setting", () => {
    const message = err(resolveExecutable(cmd("airlock"), onPath("noexec", "missing")));
    assert.match(message, /"airlock" was not found on PATH/);
    assert.match(message, /"airlock\.path"/);
    assert.match(message, /Restart Server/);
    assert.match(err(resolveExecutable(cmd("airlock"), env({ env: {} }))), /not found on PATH/);
  });

  test("a relative path is resolved against the workspace folder", () => {
    assert.equal(ok(resolveExecutable(cmd("target/debug/airlock"), onPath())), inProject);
    assert.equal(ok(resolveExecutable(cmd("./target/debug/airlock"), onPath())), inProject);
  });

  test("a relative path with no folder open is an error", () => {
    const noFolder: ServerCommand = { command: "./airlock", args: ["lsp"], cwd: undefined };
    assert.match(err(resolveExecutable(noFolder, onPath())), /no folder is open/);
  });

  test("an absolute path that is missing, a folder or not executable names the path tried", () => {
    const missing = path.join(tmp, "nope/airlock");
    assert.match(err(resolveExecutable(cmd(missing), onPath())), new RegExp(`${escape(missing)} does not exist`));
    const folder = path.join(tmp, "proj/folder/airlock");
    assert.match(err(resolveExecutable(cmd(folder), onPath())), /is a folder/);
    const noexec = path.join(tmp, "noexec/airlock");
    assert.match(err(resolveExecutable(cmd(noexec), onPath())), /is not executable/);
    assert.equal(ok(resolveExecutable(cmd(first), onPath())), first);
  });

  test("Windows: PATHEXT extensions, Path spelling and backslashes", () => {
    const files = new Set(["C:\\tools\\airlock.EXE", "C:\\src\\proj\\target\\airlock.exe"]);
    const probe: FileProbe = { stat: (p) => (files.has(p) ? "file" : "missing") };
    const win = env({
      platform: "win32",
      workspaceFolders: ["C:\\src\\proj"],
      env: { Path: "C:\\bin;C:\\tools", PATHEXT: ".COM;.EXE" },
    });
    assert.equal(ok(resolveExecutable({ command: "airlock", args: [], cwd: "C:\\src\\proj" }, win, probe)), "C:\\tools\\airlock.EXE");
    assert.equal(
      ok(resolveExecutable({ command: "target\\airlock.exe", args: [], cwd: "C:\\src\\proj" }, win, probe)),
      "C:\\src\\proj\\target\\airlock.exe",
    );
    // With an extension given, PATHEXT is not appended.
    assert.equal(ok(resolveExecutable({ command: "airlock.EXE", args: [], cwd: undefined }, win, probe)), "C:\\tools\\airlock.EXE");
  });
});

describe("messages", () => {
  test("command lines are quoted only where needed", () => {
    assert.equal(commandLine("/usr/bin/airlock", ["lsp"]), "/usr/bin/airlock lsp");
    assert.equal(commandLine("/opt/my tools/airlock", ["lsp", "it's", ""]), `'/opt/my tools/airlock' lsp 'it'\\''s' ''`);
  });

  test("start failures say why, from what the client rejected with", () => {
    assert.equal(
      describeStartError("Launching server using command /x/airlock failed. Error: spawn /x/airlock EACCES"),
      "Launching server using command /x/airlock failed. Error: spawn /x/airlock EACCES",
    );
    assert.equal(
      describeStartError({ code: -32097, message: "Pending response rejected since connection got disposed" }),
      "the server exited before answering `initialize`",
    );
    assert.equal(describeStartError(new Error("unknown option --foo")), "unknown option --foo");
    assert.equal(describeStartError(undefined), "undefined");
    const message = startFailedMessage("/usr/bin/airlock lsp", "the server exited before answering `initialize`.");
    assert.equal(
      message,
      'airlock: the language server `/usr/bin/airlock lsp` failed to start: the server exited before answering `initialize`. Its output is in the "airlock" channel; check that "airlock.path" names an airlock with the `lsp` command.',
    );
  });

  test("the crash message names the command line and the count", () => {
    const message = crashedMessage("/usr/bin/airlock lsp", 4, 180_000);
    assert.match(message, /`\/usr\/bin\/airlock lsp` exited 4 times in 3 minutes and will not be restarted/);
    assert.match(message, /Restart Server/);
  });
});

describe("RestartPolicy", () => {
  test("a server that never started is not restarted", () => {
    const p = new RestartPolicy(3, 1000);
    assert.equal(p.onClosed(0, false), "stop-start-failed");
    assert.equal(p.recentExits, 0);
  });

  test("a running server is restarted at most maxRestarts times in the window", () => {
    const p = new RestartPolicy(3, 180_000);
    assert.equal(p.onClosed(0, true), "restart");
    assert.equal(p.onClosed(10_000, true), "restart");
    assert.equal(p.onClosed(20_000, true), "restart");
    assert.equal(p.onClosed(30_000, true), "stop-crashed");
    assert.equal(p.recentExits, 4);
  });

  test("exits older than the window are forgotten", () => {
    const p = new RestartPolicy(2, 60_000);
    assert.equal(p.onClosed(0, true), "restart");
    assert.equal(p.onClosed(30_000, true), "restart");
    // The exit at 0 is a minute old: two exits remain in the window.
    assert.equal(p.onClosed(60_000, true), "restart");
    assert.equal(p.recentExits, 2);
    assert.equal(p.onClosed(70_000, true), "stop-crashed");
  });

  test("reset starts a new count", () => {
    const p = new RestartPolicy(1, 60_000);
    p.onClosed(0, true);
    assert.equal(p.onClosed(1, true), "stop-crashed");
    p.reset();
    assert.equal(p.onClosed(2, true), "restart");
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
