import { exec, execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
const execAsync = promisify(exec);

// refs like main, origin/feature-x, v1.2.3, HEAD~3
const REF_PATTERN = /^[A-Za-z0-9._\/~^-]+$/;

export class GitRunner {
  constructor(private readonly cwd: string) {}

  private async git(...args: string[]): Promise<string> {
    const { stdout } = await execFileAsync("git", args, { cwd: this.cwd, maxBuffer: 10 * 1024 * 1024 });
    return stdout;
  }

  status(): Promise<string> {
    return this.git("status", "--porcelain=v1", "--branch");
  }

  async log(branch: string | undefined, maxCount: number): Promise<string> {
    const ref = branch || "HEAD";
    const { stdout } = await execAsync(`git log --oneline -n ${Number(maxCount)} ${ref}`, { cwd: this.cwd });
    return stdout;
  }

  async diff(target?: string): Promise<string> {
    if (target && (!REF_PATTERN.test(target) || target.startsWith("-"))) {
      throw new Error(`Invalid ref: ${target}`);
    }
    return this.git("diff", "--stat", ...(target ? [target] : []));
  }

  async commit(message: string): Promise<string> {
    if (!message.trim()) throw new Error("Commit message must not be empty");
    await this.git("add", "-A");
    return this.git("commit", "-m", message);
  }
}
