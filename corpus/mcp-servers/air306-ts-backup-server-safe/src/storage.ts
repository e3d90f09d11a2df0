import { unlink } from "node:fs/promises";
import path from "node:path";

const ROOT = "/srv/snapshots";

export async function removeSnapshot(volume: string, id: string): Promise<void> {
  await unlink(path.join(ROOT, path.basename(volume), `${path.basename(id)}.snap`));
}
