// The VS Code side of the extension: it starts `airlock lsp` with vscode-languageclient, restarts
// it on demand or when its settings change, and reports a server that cannot run once, in words
// that name the executable tried and the setting to change. Everything that can be decided
// without VS Code lives in `launch.ts`.

import * as os from "node:os";
import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  type ErrorHandler,
  type ErrorHandlerResult,
  type CloseHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  State,
} from "vscode-languageclient/node";
import {
  CLIENT_ID,
  CLIENT_NAME,
  RESTART_COMMAND,
  RestartPolicy,
  SECTION,
  WATCHED_FILES,
  commandLine,
  crashedMessage,
  describeStartError,
  documentSelector,
  readSettings,
  resolveExecutable,
  serverCommand,
  startFailedMessage,
  type Environment,
  type Result,
  type ServerCommand,
} from "./launch";
import { ServerProcesses } from "./process";

let server: Server | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel(CLIENT_NAME);
  const status = vscode.languages.createLanguageStatusItem("airlock.status", documentSelector());
  status.name = "airlock";
  status.text = "airlock";
  status.command = { title: "Restart", command: RESTART_COMMAND };
  server = new Server(output, status);
  context.subscriptions.push(
    output,
    status,
    server,
    vscode.commands.registerCommand(RESTART_COMMAND, () => server?.restart("restart requested")),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.path`) || e.affectsConfiguration(`${SECTION}.args`)) {
        void server?.restart("airlock.path or airlock.args changed");
      }
    }),
    // `${workspaceFolder}` and relative paths depend on the first folder, and trusting a
    // workspace lets its own `airlock.path` apply: restart when the command line changes.
    vscode.workspace.onDidChangeWorkspaceFolders(() => server?.restartIfCommandChanged()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => server?.restartIfCommandChanged()),
  );
  void server.restart("activated");
}

export function deactivate(): Promise<void> | undefined {
  const s = server;
  server = undefined;
  return s?.stop();
}

/** The language client with one voice: failures are reported by `Server`, once, so the client's
 *  own notifications (which would repeat them) go to the output channel only. It also closes
 *  two places where vscode-languageclient 9 leaves a rejected promise unhandled when the server
 *  dies while starting (test/extension.test.ts fails on any unhandled rejection). */
class AirlockClient extends LanguageClient {
  onStartFailed: ((error: unknown) => void) | undefined;

  constructor(
    serverOptions: ServerOptions,
    clientOptions: LanguageClientOptions,
    private readonly processes: ServerProcesses,
  ) {
    super(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  }

  override error(message: string, data?: unknown, showNotification: boolean | "force" = true): void {
    super.error(message, data, showNotification === "force" ? false : showNotification);
  }

  // The client also calls this itself to restart a server that exited.
  override async start(): Promise<void> {
    try {
      await super.start();
    } catch (error) {
      this.onStartFailed?.(error);
      throw error;
    }
  }

  // The client calls `void this.stop()` after a failed `initialize`, and stopping a client that
  // never ran throws. Either way, a server process that outlives its client is killed.
  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } catch (error) {
      this.info(`stop: ${describeStartError(error)}`, undefined, false);
    } finally {
      await this.processes.reap();
    }
  }

  // When the server exits during `initialize`, the base class forgets its start promise here
  // and rejects it later with no listener. The failure is reported by the close handler.
  protected override handleConnectionClosed(): Promise<void> {
    const pending = (this as unknown as { _onStart?: Promise<void> })._onStart;
    pending?.catch(() => undefined);
    return super.handleConnectionClosed();
  }
}

class Server implements vscode.Disposable {
  private client: AirlockClient | undefined;
  private watchers: vscode.FileSystemWatcher[] = [];
  private queue: Promise<void> = Promise.resolve();
  private lastCommand: string | undefined;

  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly status: vscode.LanguageStatusItem,
  ) {}

  /** Stops the running server, if any, and starts one with the current settings. Calls are
   *  queued so that two quick restarts never interleave. */
  restart(reason: string): Promise<void> {
    return this.enqueue(async () => {
      this.log("Info", `${reason}: (re)starting the server`);
      await this.stopClient();
      await this.startClient();
    });
  }

  restartIfCommandChanged(): void {
    if (this.commandKey() !== this.lastCommand) void this.restart("the server's command line changed");
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.stopClient());
  }

  dispose(): void {
    void this.stop();
  }

  private enqueue(op: () => Promise<void>): Promise<void> {
    const next = this.queue.then(op);
    this.queue = next.catch((error: unknown) => {
      this.log("Error", `unexpected: ${describeStartError(error)}`);
    });
    return this.queue;
  }

  private settingsCommand(): Result<ServerCommand> {
    const config = vscode.workspace.getConfiguration(SECTION);
    const { settings, problems } = readSettings(config.get("path"), config.get("args"));
    for (const p of problems) this.log("Warn", p);
    return serverCommand(settings, environment());
  }

  private commandKey(): string {
    const config = vscode.workspace.getConfiguration(SECTION);
    const { settings } = readSettings(config.get("path"), config.get("args"));
    return JSON.stringify(serverCommand(settings, environment()));
  }

  private async startClient(): Promise<void> {
    this.lastCommand = this.commandKey();
    this.setStatus("starting");
    const env = environment();
    const cmd = this.settingsCommand();
    if (!cmd.ok) {
      this.fail(cmd.message);
      return;
    }
    const exe = resolveExecutable(cmd.value, env);
    if (!exe.ok) {
      this.fail(exe.message);
      return;
    }
    const { args, cwd } = cmd.value;
    const line = commandLine(exe.value, args);
    this.log("Info", `starting \`${line}\`${cwd === undefined ? "" : ` in ${cwd}`}`);

    // The extension spawns the server itself (see process.ts); LSP runs over its stdin/stdout.
    const processes = new ServerProcesses();
    const command = exe.value;
    const serverOptions: ServerOptions = () => processes.spawn(command, args, cwd);
    this.watchers = WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
    const policy = new RestartPolicy();
    // One message per failure: a failed start can surface twice (the start rejects, then the
    // process is reaped and the connection closes), and a stopped client is silent.
    let reported = false;
    const report = (message: string): void => {
      if (reported || this.client !== client) return;
      reported = true;
      this.fail(message);
    };
    const errorHandler: ErrorHandler = {
      error: (_error, _message, count): ErrorHandlerResult => ({
        action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
        handled: true,
      }),
      closed: (): CloseHandlerResult => {
        const wasRunning = client.state === State.Running;
        switch (policy.onClosed(Date.now(), wasRunning)) {
          case "restart":
            return {
              action: CloseAction.Restart,
              message: `the server exited; restarting it (exit ${policy.recentExits} of at most ${policy.maxRestarts + 1} in ${policy.windowMs / 60_000} minutes)`,
              handled: true,
            };
          case "stop-crashed":
            report(crashedMessage(line, policy.recentExits, policy.windowMs));
            return { action: CloseAction.DoNotRestart, message: "the server exited too often; not restarting it", handled: true };
          case "stop-start-failed":
            report(startFailedMessage(line, "the server exited before answering `initialize`"));
            return { action: CloseAction.DoNotRestart, message: "the server exited while starting", handled: true };
        }
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(),
      synchronize: { fileEvents: this.watchers },
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // Without a handler the client shows the initialize error itself and `start()` rejects
      // as well; with this one the error is reported once, by `onStartFailed`.
      initializationFailedHandler: () => false,
      errorHandler,
    };
    const client = new AirlockClient(serverOptions, clientOptions, processes);
    client.onStartFailed = (error) => {
      report(startFailedMessage(line, describeStartError(error)));
    };
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        reported = false;
        this.setStatus("running");
      } else if (e.newState === State.Starting) {
        this.setStatus("starting");
      }
    });
    this.client = client;
    try {
      await client.start();
    } catch {
      // Reported by `onStartFailed`.
    }
  }

  private async stopClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) {
      client.onStartFailed = undefined;
      try {
        // Stops the server (shutdown, exit, and a kill if it lingers) and unregisters features.
        await client.dispose();
      } catch (error) {
        // A client whose server never came up cannot be stopped; its process is gone or killed.
        this.log("Info", `stopping: ${describeStartError(error)}`);
      }
    }
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    this.setStatus("stopped");
  }

  private fail(message: string): void {
    this.log("Error", message);
    this.setStatus("failed");
    const settings = "Open Settings";
    const show = "Show Output";
    void vscode.window.showErrorMessage(message, settings, show).then((choice) => {
      if (choice === settings) void vscode.commands.executeCommand("workbench.action.openSettings", `${SECTION}.path`);
      else if (choice === show) this.output.show(true);
    });
  }

  private setStatus(state: "starting" | "running" | "stopped" | "failed"): void {
    this.status.detail = state === "failed" ? "not running (see the airlock output)" : state;
    this.status.severity =
      state === "failed" ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    this.status.busy = state === "starting";
  }

  private log(level: "Info" | "Warn" | "Error", message: string): void {
    this.output.appendLine(`[${level.padEnd(5)} - ${new Date().toLocaleTimeString()}] ${message}`);
  }
}

function environment(): Environment {
  return {
    workspaceFolders: (vscode.workspace.workspaceFolders ?? [])
      .filter((f) => f.uri.scheme === "file")
      .map((f) => f.uri.fsPath),
    env: process.env,
    home: os.homedir(),
    platform: process.platform,
  };
}
