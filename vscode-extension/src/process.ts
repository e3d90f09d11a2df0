// Starting the server process and making sure it ends. vscode-languageclient can spawn the
// server itself, but then it kills a server that ignores `exit` with `terminateProcess.sh`, a
// file next to its own sources that a bundled extension does not have; such a server would be
// orphaned. So the extension spawns the process, keeps it, and kills it if it outlives its
// client. No `vscode` import: test/process.test.ts runs this with plain Node.

import { type ChildProcess, spawn } from "node:child_process";

export class ServerProcesses {
  private readonly alive = new Set<ChildProcess>();

  /** Spawns `command args` with pipes for stdio; resolves once the process runs, rejects with
   *  the spawn error (ENOENT, EACCES ...) if it cannot. */
  spawn(command: string, args: readonly string[], cwd: string | undefined): Promise<ChildProcess> {
    const child = spawn(command, args, { cwd, stdio: "pipe", windowsHide: true });
    return new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("spawn", () => {
        child.off("error", reject);
        // An error after spawning (a failed kill) must not crash the extension host.
        child.on("error", () => undefined);
        this.alive.add(child);
        child.once("exit", () => this.alive.delete(child));
        resolve(child);
      });
    });
  }

  /** How many spawned processes have not exited yet. */
  get running(): number {
    return this.alive.size;
  }

  /** Ends every process still running: SIGTERM after `graceMs` (time to act on `exit`), then
   *  SIGKILL after `killMs` more. Resolves when all have exited. */
  async reap(graceMs = 500, killMs = 2000): Promise<void> {
    const waits = [...this.alive].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          const term = setTimeout(() => child.kill("SIGTERM"), graceMs);
          const kill = setTimeout(() => child.kill("SIGKILL"), graceMs + killMs);
          child.once("exit", () => {
            clearTimeout(term);
            clearTimeout(kill);
            resolve();
          });
        }),
    );
    await Promise.all(waits);
  }
}
