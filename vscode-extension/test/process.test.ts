// Unit tests of process.ts: spawning the server and ending the processes that outlive it.

import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, test } from "node:test";
import { ServerProcesses } from "../src/process";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "airlock-ext-proc-"));
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const node = process.execPath;
const ended = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
    } else {
      child.once("exit", (code, signal) => {
        resolve({ code, signal });
      });
    }
  });

describe("ServerProcesses", () => {
  test("a missing or non-executable command rejects with the spawn error", async () => {
    const p = new ServerProcesses();
    await assert.rejects(p.spawn(path.join(tmp, "missing"), ["lsp"], tmp), /ENOENT/);
    const file = path.join(tmp, "not-executable");
    fs.writeFileSync(file, "#!/bin/sh\n");
    fs.chmodSync(file, 0o644);
    await assert.rejects(p.spawn(file, ["lsp"], tmp), /EACCES/);
    assert.equal(p.running, 0);
  });

  test("runs the command with its arguments in the folder, with piped stdio", async () => {
    const p = new ServerProcesses();
    const child = await p.spawn(node, ["-e", "process.stdout.write(JSON.stringify([process.cwd(), process.argv.slice(1)]))", "lsp", "--x"], tmp);
    let out = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    await ended(child);
    assert.deepEqual(JSON.parse(out), [fs.realpathSync(tmp), ["lsp", "--x"]]);
    assert.equal(p.running, 0);
  });

  test("reap leaves a process that exits on its own alone", async () => {
    const p = new ServerProcesses();
    const child = await p.spawn(node, ["-e", "setTimeout(() => process.exit(0), 50)"], tmp);
    assert.equal(p.running, 1);
    await p.reap(2000, 2000);
    assert.deepEqual(await ended(child), { code: 0, signal: null });
  });

  test("reap terminates a lingering process, and kills one that ignores SIGTERM", async () => {
    const p = new ServerProcesses();
    const polite = await p.spawn(node, ["-e", "setInterval(() => {}, 1000)"], tmp);
    const stubborn = await p.spawn(
      node,
      ["-e", "process.on('SIGTERM', () => {}); process.stdout.write('ready'); setInterval(() => {}, 1000)"],
      tmp,
    );
    // Wait until the SIGTERM handler is installed.
    await new Promise((resolve) => stubborn.stdout?.once("data", resolve));
    assert.equal(p.running, 2);
    const started = Date.now();
    await p.reap(20, 300);
    assert.deepEqual(await ended(polite), { code: null, signal: "SIGTERM" });
    assert.deepEqual(await ended(stubborn), { code: null, signal: "SIGKILL" });
    assert.ok(Date.now() - started >= 300, "SIGKILL comes only after the grace periods");
    assert.equal(p.running, 0);
  });
});
