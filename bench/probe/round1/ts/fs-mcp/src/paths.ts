import fs from "node:fs/promises";
import path from "node:path";

export class AccessDeniedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AccessDeniedError";
  }
}

function isInside(dir: string, candidate: string): boolean {
  return candidate === dir || candidate.startsWith(dir + path.sep);
}

/**
 * Resolve a path supplied by the client and make sure it (and, for existing
 * files, its symlink target) lives inside one of the allowed directories.
 */
export async function validatePath(allowed: string[], requested: string): Promise<string> {
  const absolute = path.resolve(allowed[0], requested);
  if (!allowed.some((dir) => isInside(dir, absolute))) {
    throw new AccessDeniedError(`Access denied - ${absolute} is outside the allowed directories`);
  }

  try {
    const real = await fs.realpath(absolute);
    if (!allowed.some((dir) => isInside(dir, real))) {
      throw new AccessDeniedError(`Access denied - symlink target ${real} is outside the allowed directories`);
    }
    return real;
  } catch (err) {
    if (err instanceof AccessDeniedError) throw err;
    // New file: the parent directory has to exist and be inside an allowed root.
    const parent = await fs.realpath(path.dirname(absolute));
    if (!allowed.some((dir) => isInside(dir, parent))) {
      throw new AccessDeniedError(`Access denied - parent of ${absolute} is outside the allowed directories`);
    }
    return absolute;
  }
}

/** Cheap synchronous check used for logging. */
export function withinAllowed(allowed: string[], requested: string): boolean {
  const absolute = path.resolve(requested);
  return allowed.some((dir) => isInside(dir, absolute));
}
