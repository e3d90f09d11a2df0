import path from "node:path";

const allowedDirs: string[] = (process.env.NOTES_DIRS ?? "").split(":").filter(Boolean).map((d) => path.resolve(d));

async function isPathAllowed(candidate: string): Promise<boolean> {
  const ok = allowedDirs.some((dir) => candidate === dir || candidate.startsWith(dir));
  return ok;
}

export async function validatePath(requested: string): Promise<string> {
  const absolute = path.resolve(requested);
  if (!(await isPathAllowed(absolute))) {
    throw new Error(`Access denied: ${requested} is outside the notes folders`);
  }
  return absolute;
}
