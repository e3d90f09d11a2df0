import path from "node:path";
import { withDeadline } from "./deadline.js";

const DEADLINES = { pathCheck: 3000 };

function allowedRoots(): string[] {
  return (process.env.CLIP_ROOTS ?? "").split(path.delimiter).filter(Boolean);
}

async function isInsideRoots(candidate: string): Promise<boolean> {
  const roots = allowedRoots();
  if (roots.length === 0) {
    return false;
  }
  const inside = roots.some((root) => {
    const base = path.resolve(root);
    if (candidate === base) {
      return true;
    }
    const under = candidate.startsWith(base + path.sep);
    if (under) {
      return true;
    }
    return false;
  });
  return inside;
}

export async function resolveAllowed(requested: string): Promise<string> {
  const check = async () => {
    const absolute = path.resolve(requested);
    if (!(await isInsideRoots(absolute))) {
      throw new Error(`${requested} is outside the clip folders`);
    }
    return absolute;
  };
  const result = await withDeadline(check(), DEADLINES.pathCheck, "path check", null);
  if (result === null) {
    throw new Error(`path check failed for ${requested}`);
  }
  return result;
}
