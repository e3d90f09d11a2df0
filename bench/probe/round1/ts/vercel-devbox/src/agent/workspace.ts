import path from "node:path";

export const WORKSPACE = path.resolve(process.env.DEVBOX_WORKSPACE ?? "/workspace");

/** Resolve a workspace-relative path; throws if it escapes the workspace. */
export function resolveInWorkspace(relative: string): string {
  const target = path.resolve(WORKSPACE, relative);
  if (target !== WORKSPACE && !target.startsWith(WORKSPACE + path.sep)) {
    throw new Error(`Path escapes workspace: ${relative}`);
  }
  return target;
}
