// How the extension starts `airlock lsp`: settings, variable substitution, finding the
// executable, the document selector and the messages shown when the server cannot run.
//
// This module does not import `vscode`, so its behaviour is unit-tested with plain Node
// (test/launch.test.ts). `extension.ts` feeds it what VS Code knows and acts on the result.

import * as fs from "node:fs";
import * as path from "node:path";

/** The client id: VS Code reads `airlock.trace.server` because of it. */
export const CLIENT_ID = "airlock";
/** The client name, also the name of the output channel. */
export const CLIENT_NAME = "airlock";
/** The configuration section; every setting below is `airlock.<key>`. */
export const SECTION = "airlock";
export const DEFAULT_PATH = "airlock";
/** The subcommand that makes the airlock binary a language server on stdio. */
export const LSP_SUBCOMMAND = "lsp";
export const RESTART_COMMAND = "airlock.restartServer";

/** The languages airlock analyses, as VS Code language ids. */
export const LANGUAGES = [
  "python",
  "typescript",
  "typescriptreact",
  "javascript",
  "javascriptreact",
  "yaml",
  "json",
  "jsonc",
] as const;

/** Files whose changes the server hears about through `workspace/didChangeWatchedFiles`. */
export const WATCHED_FILES = ["**/airlock.toml", "**/pyproject.toml"] as const;

/** One entry of the document selector: a language, on disk (the server reads files). */
export interface DocumentFilter {
  readonly scheme: "file";
  readonly language: string;
}

export function documentSelector(): DocumentFilter[] {
  return LANGUAGES.map((language) => ({ scheme: "file", language }));
}

/** Workspace files that start the server with the window (top-level globs, cheap to check), so
 *  the project is analysed before the first file opens and its diagnostics show at once. */
export const STARTUP_FILES = ["*.py", "pyproject.toml", "langgraph.json"] as const;

/** The activation events `package.json` must declare for the selector, the config file and the
 *  project files that start the server with the window. */
export function activationEvents(): string[] {
  return [
    ...LANGUAGES.map((l) => `onLanguage:${l}`),
    "workspaceContains:**/airlock.toml",
    ...STARTUP_FILES.map((f) => `workspaceContains:${f}`),
  ];
}

/** The settings, checked: what the user wrote, with defaults where it was unusable. */
export interface Settings {
  readonly path: string;
  readonly args: readonly string[];
}

/** Reads raw setting values (anything a settings.json can hold) into `Settings`. */
export function readSettings(rawPath: unknown, rawArgs: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  let exe = DEFAULT_PATH;
  if (typeof rawPath === "string" && rawPath.trim() !== "") {
    exe = rawPath.trim();
  } else if (rawPath !== undefined && rawPath !== null && rawPath !== "") {
    problems.push(`"airlock.path" must be a string; using "${DEFAULT_PATH}"`);
  }
  const args: string[] = [];
  if (Array.isArray(rawArgs)) {
    for (const a of rawArgs as unknown[]) {
      if (typeof a === "string") {
        args.push(a);
      } else {
        problems.push(`"airlock.args" must hold strings only; ignoring ${JSON.stringify(a)}`);
      }
    }
  } else if (rawArgs !== undefined && rawArgs !== null) {
    problems.push(`"airlock.args" must be an array of strings; ignoring it`);
  }
  return { settings: { path: exe, args }, problems };
}

/** What variable substitution may draw on. */
export interface Environment {
  /** Workspace folder paths on disk, the first one first. */
  readonly workspaceFolders: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  readonly platform: NodeJS.Platform;
}

/** Substitutes `${workspaceFolder}`, `${workspaceFolderBasename}`, `${userHome}`, `${env:NAME}`
 *  and a leading `~`, as VS Code does in its own settings. A variable that cannot be resolved is
 *  left in place and named in `unresolved`. */
export function substitute(value: string, environment: Environment): { value: string; unresolved: string[] } {
  const unresolved: string[] = [];
  const folder = environment.workspaceFolders[0];
  let out = value.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (name === "workspaceFolder" || name === "workspaceRoot") {
      if (folder !== undefined) return folder;
    } else if (name === "workspaceFolderBasename") {
      if (folder !== undefined) return pathFor(environment.platform).basename(folder);
    } else if (name === "userHome") {
      return environment.home;
    } else if (name.startsWith("env:")) {
      // VS Code substitutes an unset variable with the empty string.
      return environment.env[name.slice(4)] ?? "";
    }
    unresolved.push(whole);
    return whole;
  });
  if (out === "~" || out.startsWith("~/") || (environment.platform === "win32" && out.startsWith("~\\"))) {
    out = environment.home + out.slice(1);
  }
  return { value: out, unresolved };
}

/** The command line to run, before the executable is looked up. */
export interface ServerCommand {
  /** The executable as configured, after substitution (what the user will recognise). */
  readonly command: string;
  /** `lsp` followed by `airlock.args`. */
  readonly args: string[];
  /** The first workspace folder, where relative executables are resolved and the server runs. */
  readonly cwd: string | undefined;
}

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

/** Builds the server's command line from the settings. */
export function serverCommand(settings: Settings, environment: Environment): Result<ServerCommand> {
  const exe = substitute(settings.path, environment);
  const args = settings.args.map((a) => substitute(a, environment));
  const unresolved = [...exe.unresolved, ...args.flatMap((a) => a.unresolved)];
  if (unresolved.length > 0) {
    const names = [...new Set(unresolved)].join(", ");
    const why = unresolved.some((u) => u.startsWith("${workspaceFolder"))
      ? "no folder is open"
      : "VS Code settings support ${workspaceFolder}, ${workspaceFolderBasename}, ${userHome} and ${env:NAME}";
    return {
      ok: false,
      message: `airlock: cannot start the language server: ${names} in "airlock.path" or "airlock.args" cannot be resolved (${why}).`,
    };
  }
  return {
    ok: true,
    value: {
      command: exe.value,
      args: [LSP_SUBCOMMAND, ...args.map((a) => a.value)],
      cwd: environment.workspaceFolders[0],
    },
  };
}

/** The few file system questions `resolveExecutable` asks, so tests can answer them. */
export interface FileProbe {
  /** "file" when `p` is a regular file the current user may execute, "not-executable" when it is
   *  a file without execute permission, "directory", or "missing". */
  stat(p: string): "file" | "not-executable" | "directory" | "missing";
}

export const diskProbe: FileProbe = {
  stat(p) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return "missing";
    }
    if (st.isDirectory()) return "directory";
    if (!st.isFile()) return "missing";
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return "file";
    } catch {
      return "not-executable";
    }
  },
};

function pathFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === "win32" ? path.win32 : path.posix;
}

/** Whether the configured executable is a path (resolved against the workspace) rather than a
 *  bare name (looked up on PATH). */
export function isBareName(command: string, platform: NodeJS.Platform): boolean {
  return platform === "win32" ? !/[\\/]/.test(command) : !command.includes("/");
}

/** Finds the executable the way a shell would: a bare name on PATH (with PATHEXT on Windows),
 *  anything else as a path, relative ones against the first workspace folder. Returns the
 *  absolute path, or a message that names what was tried and the setting to change. */
export function resolveExecutable(
  cmd: ServerCommand,
  environment: Environment,
  probe: FileProbe = diskProbe,
): Result<string> {
  const p = pathFor(environment.platform);
  const win = environment.platform === "win32";
  const fix = `Install airlock or set "airlock.path" to the airlock executable, then run "airlock: Restart Server".`;
  if (isBareName(cmd.command, environment.platform)) {
    const pathVar = (win ? (environment.env.Path ?? environment.env.PATH) : environment.env.PATH) ?? "";
    const dirs = pathVar.split(win ? ";" : ":").filter((d) => d !== "");
    // On Windows a name without an extension is found with one of PATHEXT's extensions.
    const suffixes =
      win && !/\.[^.\\/]+$/.test(cmd.command)
        ? (environment.env.PATHEXT ?? ".COM;.EXE;.BAT;.CMD").split(";").filter((e) => e !== "")
        : [""];
    for (const dir of dirs) {
      for (const ext of suffixes) {
        const candidate = p.join(dir, cmd.command + ext);
        if (probe.stat(candidate) === "file") return { ok: true, value: candidate };
      }
    }
    return {
      ok: false,
      message: `airlock: cannot start the language server: "${cmd.command}" was not found on PATH. ${fix}`,
    };
  }
  let absolute = cmd.command;
  if (!p.isAbsolute(absolute)) {
    if (cmd.cwd === undefined) {
      return {
        ok: false,
        message: `airlock: cannot start the language server: "airlock.path" is the relative path "${cmd.command}" and no folder is open to resolve it against. Use an absolute path or \${workspaceFolder}.`,
      };
    }
    absolute = p.resolve(cmd.cwd, absolute);
  }
  switch (probe.stat(absolute)) {
    case "file":
      return { ok: true, value: absolute };
    case "not-executable":
      return {
        ok: false,
        message: `airlock: cannot start the language server: ${absolute} is not executable (from "airlock.path"). ${fix}`,
      };
    case "directory":
      return {
        ok: false,
        message: `airlock: cannot start the language server: ${absolute} is a folder, not the airlock executable (from "airlock.path"). ${fix}`,
      };
    case "missing":
      return {
        ok: false,
        message: `airlock: cannot start the language server: ${absolute} does not exist (from "airlock.path"). ${fix}`,
      };
  }
}

/** A command line as a user would type it, for messages and the log. */
export function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map(quote).join(" ");
}

function quote(word: string): string {
  if (word !== "" && /^[\w@%+=:,./\\-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Why a start failed, in words, from what the client rejected `start()` with: a string when
 *  the process could not be spawned, a JSON-RPC error when the server exited or answered
 *  `initialize` with an error. */
export function describeStartError(error: unknown): string {
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    // vscode-jsonrpc rejects pending requests with -32097 when the connection is disposed and
    // -32096 when it is no longer active: the process exited before answering `initialize`.
    if (code === -32097 || code === -32096) return "the server exited before answering `initialize`";
    if (typeof message === "string" && message !== "") return message;
  }
  return String(error);
}

/** The message when the process started but the server did not come up. */
export function startFailedMessage(line: string, reason: string): string {
  const why = reason.trim() === "" ? "" : `: ${reason.trim().replace(/\.$/, "")}`;
  return `airlock: the language server \`${line}\` failed to start${why}. Its output is in the "airlock" channel; check that "airlock.path" names an airlock with the \`lsp\` command.`;
}

/** The message when the server keeps exiting and will not be restarted. */
export function crashedMessage(line: string, exits: number, windowMs: number): string {
  const minutes = Math.round(windowMs / 60_000);
  return `airlock: the language server \`${line}\` exited ${exits} times in ${minutes} minutes and will not be restarted. Its output is in the "airlock" channel; run "airlock: Restart Server" to try again.`;
}

/** Decides what to do when the server's connection closes. The client's own policy restarts a
 *  server that dies while starting and repeats its message on every attempt; this one restarts
 *  only a server that was running, at most `maxRestarts` times in `windowMs`. */
export class RestartPolicy {
  private exits: number[] = [];

  constructor(
    readonly maxRestarts = 3,
    readonly windowMs = 3 * 60_000,
  ) {}

  /** `wasRunning`: the server had answered `initialize`. A server that could not start is not
   *  restarted (the start failure is reported once, by whoever called start). */
  onClosed(now: number, wasRunning: boolean): "restart" | "stop-start-failed" | "stop-crashed" {
    if (!wasRunning) return "stop-start-failed";
    this.exits = this.exits.filter((t) => now - t < this.windowMs);
    this.exits.push(now);
    return this.exits.length > this.maxRestarts ? "stop-crashed" : "restart";
  }

  /** Exits counted in the current window (for the message). */
  get recentExits(): number {
    return this.exits.length;
  }

  reset(): void {
    this.exits = [];
  }
}
