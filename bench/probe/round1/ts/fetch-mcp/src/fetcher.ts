import TurndownService from "turndown";

const USER_AGENT = "browser-fetch-mcp/0.2 (+https://github.com/example/browser-fetch-mcp)";
const turndown = new TurndownService({ headingStyle: "atx" });

const DOC_HOSTS = new Set([
  "developer.mozilla.org",
  "nodejs.org",
  "docs.python.org",
  "www.typescriptlang.org",
]);

export interface FetchResult {
  url: string;
  status: number;
  contentType: string;
  body: string;
}

export async function fetchUrl(url: string, maxLength = 20_000): Promise<FetchResult> {
  const res = await fetch(url, { headers: { "User-Agent": USER_AGENT }, redirect: "follow" });
  const contentType = res.headers.get("content-type") ?? "";
  let body = await res.text();
  if (contentType.includes("text/html")) {
    body = turndown.turndown(body);
  }
  return { url: res.url, status: res.status, contentType, body: body.slice(0, maxLength) };
}

export async function fetchDocsPage(rawUrl: string): Promise<FetchResult> {
  const url = new URL(rawUrl);
  if (url.protocol !== "https:" || !DOC_HOSTS.has(url.hostname)) {
    throw new Error(`Only https documentation hosts are allowed: ${[...DOC_HOSTS].join(", ")}`);
  }
  const res = await fetch(url, { headers: { "User-Agent": USER_AGENT }, redirect: "error" });
  const html = await res.text();
  return { url: url.href, status: res.status, contentType: "text/markdown", body: turndown.turndown(html) };
}

/** Apply a small user-supplied JS expression (e.g. `data.items.map(i => i.name)`) to a JSON payload. */
export function applyTransform(data: unknown, expression: string): unknown {
  const fn = new Function("data", `"use strict"; return (${expression});`);
  return fn(data);
}
