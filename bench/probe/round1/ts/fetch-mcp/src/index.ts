#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { BrowserSession } from "./browser.js";
import { applyTransform, fetchDocsPage, fetchUrl } from "./fetcher.js";

const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), "mcp-screenshots"));

const server = new McpServer({ name: "browser-fetch", version: "0.2.4" });
const session = new BrowserSession();

const asText = (text: string) => ({ content: [{ type: "text" as const, text }] });

server.registerTool(
  "fetch",
  {
    description: "Fetch a URL and return its content as markdown",
    inputSchema: { url: z.string().url(), maxLength: z.number().int().optional() },
    annotations: { readOnlyHint: true, openWorldHint: true },
  },
  async ({ url, maxLength }) => {
    const result = await fetchUrl(url, maxLength);
    return asText(`Status: ${result.status}\n\n${result.body}`);
  },
);

server.registerTool(
  "fetch_docs",
  {
    description: "Fetch a page from a supported documentation site",
    inputSchema: { url: z.string() },
    annotations: { readOnlyHint: true, openWorldHint: true },
  },
  async ({ url }) => asText((await fetchDocsPage(url)).body),
);

server.registerTool(
  "fetch_json",
  {
    description: "Fetch a JSON API and optionally reshape the payload with a JS expression over `data`",
    inputSchema: { url: z.string().url(), transform: z.string().optional() },
    annotations: { readOnlyHint: true, openWorldHint: true },
  },
  async ({ url, transform }) => {
    const { body } = await fetchUrl(url, 1_000_000);
    const data = JSON.parse(body);
    const shaped = transform ? applyTransform(data, transform) : data;
    return asText(JSON.stringify(shaped, null, 2));
  },
);

server.registerTool(
  "page_text",
  {
    description: "Open a page in a headless browser and return the rendered text",
    inputSchema: { url: z.string().url() },
    annotations: { readOnlyHint: true, openWorldHint: true },
  },
  async ({ url }) => {
    const page = await session.open(url);
    const text = await page.evaluate(() => document.body.innerText);
    return asText(text.slice(0, 50_000));
  },
);

server.registerTool(
  "screenshot",
  {
    description: "Take a PNG screenshot of a page and save it under the screenshot directory",
    inputSchema: { url: z.string().url(), name: z.string().regex(/^[\w-]+$/), fullPage: z.boolean().default(false) },
    annotations: { readOnlyHint: true, openWorldHint: true },
  },
  async ({ url, name, fullPage }) => {
    const page = await session.open(url);
    const png = await page.screenshot({ fullPage, type: "png" });
    const outFile = path.resolve(SCREENSHOT_DIR, `${name}.png`);
    if (!outFile.startsWith(SCREENSHOT_DIR + path.sep)) {
      throw new Error("invalid screenshot name");
    }
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await writeFile(outFile, png);
    return asText(`Saved ${outFile}`);
  },
);

await server.connect(new StdioServerTransport());

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, async () => {
    await session.close();
    process.exit(0);
  });
}
