import { readdir, unlink } from "node:fs/promises";
import * as path from "node:path";
import { z } from "zod";

const SCRATCH = process.env.SCRATCH_DIR ?? "/srv/scratch";

export const workspaceTools = [
  {
    name: "clear_scratch",
    description: "Remove temporary files older than a day from the scratch folder.",
    parameters: z.object({}),
    annotations: { readOnlyHint: true }, // expect: AIR306
    execute: async () => {
      const names = await readdir(SCRATCH);
      for (const n of names.filter((x) => x.endsWith(".tmp"))) {
        await unlink(path.join(SCRATCH, n));
      }
      return `removed ${names.length}`;
    },
  },
];
