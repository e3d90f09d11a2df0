// A stand-in for the `vscode` module, enough for extension.ts and vscode-languageclient to start,
// restart and stop a server in plain Node. The parts the tests look at (settings, workspace
// folders, messages shown, the output channel, commands, configuration events) are real; any
// other API answers with an inert stub. Importing this module installs it.

import Module from "node:module";

type Listener = (e: unknown) => void;

export class EventEmitter {
  private listeners: Listener[] = [];
  readonly event = (listener: Listener): { dispose(): void } => {
    this.listeners.push(listener);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  };
  fire(e: unknown): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class Disposable {
  constructor(private readonly fn: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => {
      for (const i of items) i.dispose();
    });
  }
  dispose(): void {
    this.fn();
  }
}

class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(p: string): Uri {
    return new Uri("file", p);
  }
  static parse(s: string): Uri {
    const m = /^([a-z]+):\/\/(.*)$/.exec(s);
    return new Uri(m?.[1] ?? "file", m?.[2] ?? s);
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
  toJSON(): string {
    return this.toString();
  }
}

class CancellationTokenSource {
  private readonly emitter = new EventEmitter();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire(undefined);
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

/** An inert API: every property is another stub, calling or constructing one returns a stub,
 *  and it is neither thenable nor iterable with content. */
function stub(name: string): unknown {
  const target = function () {
    /* inert */
  };
  return new Proxy(target, {
    get(_t, p) {
      if (p === "then") return undefined;
      if (p === Symbol.iterator) return function* () {
        /* empty */
      };
      if (p === Symbol.toPrimitive) return () => `[stub ${name}]`;
      if (p === "toJSON") return () => undefined;
      if (p === "dispose") return () => undefined;
      return stub(`${name}.${String(p)}`);
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`) as object,
  });
}

/** Wraps an object so that properties it lacks are stubs. */
function withStubs<T extends object>(name: string, real: T): T {
  return new Proxy(real, {
    get(t, p, receiver) {
      if (p in t) return Reflect.get(t, p, receiver) as unknown;
      if (p === "then" || typeof p === "symbol") return undefined;
      return stub(`${name}.${p}`);
    },
  });
}

export interface Shown {
  level: "error" | "warning" | "info";
  message: string;
}

/** What the tests set and read. */
export const fake = {
  settings: new Map<string, unknown>(),
  folders: [] as string[],
  shown: [] as Shown[],
  output: [] as string[],
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  configuration: new EventEmitter(),
  /** The file system watchers alive, by glob; fire their emitters with a `Uri`. */
  watchers: [] as { glob: string; create: EventEmitter; change: EventEmitter; delete: EventEmitter }[],
  file: (p: string): unknown => Uri.file(p),
  reset(): void {
    this.watchers = [];
    this.settings.clear();
    this.folders = [];
    this.shown = [];
    this.output = [];
    this.commands.clear();
    this.configuration = new EventEmitter();
  },
  /** Changes settings and fires the configuration event for them. */
  change(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.settings.set(k, v);
    this.configuration.fire({
      affectsConfiguration: (section: string) =>
        Object.keys(values).some((k) => k === section || k.startsWith(`${section}.`)),
    });
  },
};

function show(level: Shown["level"]) {
  return (message: string): Promise<undefined> => {
    fake.shown.push({ level, message });
    return Promise.resolve(undefined);
  };
}

const event = () => new EventEmitter().event;

const vscode = withStubs("vscode", {
  version: "1.82.0",
  EventEmitter,
  Disposable,
  Uri,
  CancellationTokenSource,
  CancellationError: class CancellationError extends Error {},
  // extension.ts imports `* as vscode`, which copies own properties only: list what it uses.
  LanguageStatusSeverity: { Information: 0, Warning: 1, Error: 2 },
  env: withStubs("env", { appName: "fake-vscode", language: "en", machineId: "test", sessionId: "test" }),
  window: withStubs("window", {
    showErrorMessage: show("error"),
    showWarningMessage: show("warning"),
    showInformationMessage: show("info"),
    createOutputChannel: (name: string) =>
      withStubs("OutputChannel", {
        name,
        append: (s: string) => fake.output.push(s),
        appendLine: (s: string) => fake.output.push(`${s}\n`),
        show: () => undefined,
        clear: () => undefined,
        dispose: () => undefined,
      }),
  }),
  commands: withStubs("commands", {
    registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => {
      fake.commands.set(id, fn);
      return new Disposable(() => fake.commands.delete(id));
    },
    executeCommand: () => Promise.resolve(undefined),
  }),
  languages: withStubs("languages", {
    match: () => 0,
    createLanguageStatusItem: (id: string) => ({ id, dispose: () => undefined }),
  }),
  workspace: withStubs("workspace", {
    get workspaceFolders() {
      return fake.folders.length === 0
        ? undefined
        : fake.folders.map((f, index) => ({ uri: Uri.file(f), name: f.split("/").pop(), index }));
    },
    textDocuments: [],
    isTrusted: true,
    getConfiguration: (section?: string) => ({
      get: (key: string, dflt?: unknown) => {
        const full = section === undefined ? key : `${section}.${key}`;
        return fake.settings.has(full) ? fake.settings.get(full) : dflt;
      },
      has: () => false,
      inspect: () => undefined,
      update: () => Promise.resolve(),
    }),
    onDidChangeConfiguration: (l: Listener) => fake.configuration.event(l),
    onDidChangeWorkspaceFolders: event(),
    onDidGrantWorkspaceTrust: event(),
    createFileSystemWatcher: (glob: string) => {
      const watcher = { glob, create: new EventEmitter(), change: new EventEmitter(), delete: new EventEmitter() };
      fake.watchers.push(watcher);
      return {
        onDidCreate: watcher.create.event,
        onDidChange: watcher.change.event,
        onDidDelete: watcher.delete.event,
        dispose: () => {
          fake.watchers = fake.watchers.filter((w) => w !== watcher);
        },
      };
    },
  }),
});

// Serve `require("vscode")` from here.
const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = mod._load;
mod._load = function (request: string, ...rest: unknown[]) {
  return request === "vscode" ? vscode : load.call(this, request, ...rest);
};
