// case: AIR106 (vulnerable) — uploads a local image to the user's drive. Only absolute paths are
// checked against the working folder: a relative path (`../../.ssh/id_rsa`) skips the check; `fs`
// is loaded on first use with a dynamic import.
import * as path from "node:path";

export interface DriveClient {
  upload(name: string, body: unknown): Promise<string>;
}

export async function uploadLocalImage(drive: DriveClient, localPath: string): Promise<string> {
  const fs = await import("node:fs");
  const resolved = path.resolve(localPath);
  const workdir = path.resolve(process.cwd());
  if (!resolved.startsWith(workdir + path.sep) && path.isAbsolute(localPath)) {
    throw new Error("images must be inside the working folder");
  }
  const body = fs.createReadStream(localPath); // expect: AIR106
  return drive.upload(path.basename(localPath), body);
}
