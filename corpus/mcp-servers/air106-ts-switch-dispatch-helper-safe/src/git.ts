import { execFileSync } from "node:child_process";

const REPO = process.env.REPO_DIR ?? ".";
const REF = /^[\w./-]+$/;

export function gitLog(ref: string): string {
  if (!REF.test(ref) || ref.startsWith("-")) {
    throw new Error(`not a ref: ${ref}`);
  }
  return execFileSync("git", ["-C", REPO, "log", "--oneline", "-n", "20", ref], { encoding: "utf8" });
}

export function gitStatus(): string {
  return execFileSync("git", ["-C", REPO, "status", "--short"], { encoding: "utf8" });
}
