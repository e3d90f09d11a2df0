// case: the same link-preview server, whose checks do not stop the request: the single address
// is tested but only reported in a log line, and each record's range is logged, not refused.
// A host name that resolves to 169.254.169.254 reaches the fetch in both.
import { promises as dnsPromises } from "node:dns";
import ipaddr from "ipaddr.js";

export function isInternalAddress(ip: string): boolean {
  return /^10\./.test(ip) || /^127\./.test(ip) || /^192\.168\./.test(ip) || /^169\.254\./.test(ip) || ip === "::1";
}

export async function fetchPublic(link: string): Promise<string> {
  const target = new URL(link);
  const { address } = await dnsPromises.lookup(target.hostname);
  if (isInternalAddress(address)) {
    console.error(`warning: ${target.hostname} is internal`);
  }
  const res = await fetch(link, { redirect: "error" }); // expect: AIR106
  return res.text();
}

export async function headPublic(link: string): Promise<number> {
  const { hostname } = new URL(link);
  const records = await dnsPromises.lookup(hostname, { all: true });
  for (const record of records) {
    if (ipaddr.parse(record.address).range() !== "unicast") {
      console.error(`note: ${record.address} is ${ipaddr.parse(record.address).range()}`);
    }
  }
  const res = await fetch(link, { method: "HEAD", redirect: "error" }); // expect: AIR106
  return res.status;
}
