// case: a link-preview server in TypeScript. Before fetching, the host of the model's URL is
// resolved and refused when an address is private: one helper checks the single address
// `dns.lookup` returns with a predicate that lists the private ranges, the other every record
// of `lookup(..., { all: true })` with ipaddr.js's `range()`. No finding is expected.
import { promises as dnsPromises } from "node:dns";
import ipaddr from "ipaddr.js";

export function isInternalAddress(ip: string): boolean {
  return /^10\./.test(ip) || /^127\./.test(ip) || /^192\.168\./.test(ip) || /^169\.254\./.test(ip) || ip === "::1";
}

export async function fetchPublic(link: string): Promise<string> {
  const target = new URL(link);
  const { address } = await dnsPromises.lookup(target.hostname);
  if (isInternalAddress(address)) {
    throw new Error(`refusing ${target.hostname}: internal address`);
  }
  const res = await fetch(link, { redirect: "error" });
  return res.text();
}

export async function headPublic(link: string): Promise<number> {
  const { hostname } = new URL(link);
  const records = await dnsPromises.lookup(hostname, { all: true });
  for (const record of records) {
    if (ipaddr.parse(record.address).range() !== "unicast") {
      throw new Error("refusing an internal address");
    }
  }
  const res = await fetch(link, { method: "HEAD", redirect: "error" });
  return res.status;
}
