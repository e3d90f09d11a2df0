import { tool } from "@langchain/core/tools";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const SOURCES_DIR = path.resolve(process.env.SOURCES_DIR ?? "./sources");

export const loadSource = tool(
  async ({ name }) => {
    const full = path.resolve(SOURCES_DIR, name);
    if (!full.startsWith(SOURCES_DIR + path.sep)) {
      throw new Error("source must live under the sources directory");
    }
    return readFile(full, "utf8");
  },
  {
    name: "load_source",
    description: "Load a saved source document (notes, transcripts) by file name.",
    schema: z.object({ name: z.string() }),
  },
);

const saveReport = tool(
  async ({ filename, markdown }) => {
    await mkdir(path.dirname(filename), { recursive: true });
    await writeFile(filename, markdown, "utf8");
    return `saved ${markdown.length} chars to ${filename}`;
  },
  {
    name: "save_report",
    description: "Save the finished report as markdown. Use a descriptive path like reports/<topic>.md",
    schema: z.object({ filename: z.string(), markdown: z.string() }),
  },
);

export default saveReport;
