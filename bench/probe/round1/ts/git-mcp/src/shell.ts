import { execFile, spawn } from "node:child_process";

const ALLOWED_SCRIPTS = new Set(["test", "lint", "build", "typecheck"]);

export function runScript(cwd: string, script: string): Promise<string> {
  if (!ALLOWED_SCRIPTS.has(script)) {
    throw new Error(`Script "${script}" is not allowed (allowed: ${[...ALLOWED_SCRIPTS].join(", ")})`);
  }
  return new Promise((resolve, reject) => {
    execFile("npm", ["run", script, "--silent"], { cwd, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(stderr || err.message));
      resolve(stdout);
    });
  });
}

export function runCommand(command: string, cwd: string, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd, shell: true, env: process.env });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve(`exit code ${code}\n${output}`);
    });
  });
}
