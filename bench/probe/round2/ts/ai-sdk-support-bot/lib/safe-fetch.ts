const ALLOWED_HOSTS = new Set([
  "status.acme-cloud.com",
  "docs.acme-cloud.com",
  "api.statuspage.io",
]);

export class BlockedHostError extends Error {}

export async function safeFetch(rawUrl: string, init?: RequestInit): Promise<Response> {
  const url = new URL(rawUrl);
  if (url.protocol !== "https:" || !ALLOWED_HOSTS.has(url.hostname)) {
    throw new BlockedHostError(`host not allowed: ${url.hostname}`);
  }
  return fetch(url, { ...init, redirect: "error" });
}
