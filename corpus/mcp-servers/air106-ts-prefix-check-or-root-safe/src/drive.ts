// case: AIR106 (safe) — uploads a local image to the user's drive. The path is resolved and
// refused unless it lies inside the working folder or is that folder itself; `fs` is loaded on
// first use with a dynamic import.
import * as path from "node:path";

export interface DriveClient {
  upload(name: string, body: unknown): Promise<string>;
}

export async function uploadLocalImage(drive: DriveClient, localPath: string): Promise<string> {
  const fs = await import("node:fs");
  const resolved = path.resolve(localPath);
  const workdir = path.resolve(process.cwd());
  if (!resolved.startsWith(workdir + path.sep) && resolved !== workdir) {
    throw new Error("images must be inside the working folder");
  }
  const body = fs.createReadStream(localPath);
  return drive.upload(path.basename(localPath), body);
}
