import { execSync } from "node:child_process";

const REPO = process.env.REPO_DIR ?? ".";

export function gitLog(ref: string): string {
  return execSync(`git -C ${REPO} log --oneline -n 20 ${ref}`, { encoding: "utf8" }); // expect: AIR106
}

export function gitStatus(): string {
  return execSync(`git -C ${REPO} status --short`, { encoding: "utf8" });
}
