import { exec } from "node:child_process";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Small promise wrapper so route handlers don't have to deal with callbacks. */
export function runCommand(command: string, timeoutMs = 15_000): Promise<CommandResult> {
  return new Promise((resolve) => {
    exec(command, { timeout: timeoutMs, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error?.code ?? 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
