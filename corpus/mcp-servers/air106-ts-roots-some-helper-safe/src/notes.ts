import path from "node:path";
import { roots, underRoot } from "./roots.js";

export function notePath(requested: string): string {
  const target = path.resolve(roots[0], requested);
  if (!roots.some((root) => underRoot(root, target))) {
    throw new Error(`refusing ${target}: outside the workspace roots`);
  }
  return target;
}
