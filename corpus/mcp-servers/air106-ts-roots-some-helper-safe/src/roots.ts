import path from "node:path";

/** The folders the operator passed on the command line, resolved once. */
export const roots: string[] = process.argv.slice(2).map((r) => path.resolve(r));

/** True when `candidate` is `root` itself or sits below it. */
export function underRoot(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}
