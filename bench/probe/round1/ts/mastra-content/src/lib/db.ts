import { Pool } from "pg";
import path from "node:path";

export const pool = new Pool({ connectionString: process.env.CMS_DATABASE_URL });

export const DRAFTS_DIR = path.resolve(process.env.DRAFTS_DIR ?? "./content/drafts");

const PRIVATE_HOST = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|\[?::1\]?$|0\.0\.0\.0)/i;

/** Only allow http(s) URLs pointing at public hosts. */
export function assertPublicHttpUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`unsupported protocol ${url.protocol}`);
  }
  if (PRIVATE_HOST.test(url.hostname)) {
    throw new Error(`refusing to fetch private address ${url.hostname}`);
  }
  return url;
}
