import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";
import { SERVICES, UNIT_NAMES } from "../config.js";
import type { OpsTool } from "./types.js";

const run = promisify(execFile);

const UPTIME_RE = /load average: ([\d.]+), ([\d.]+), ([\d.]+)/;

export const systemTools: OpsTool[] = [
  {
    name: "disk_usage",
    description: "df -h for a mount point.",
    parameters: z.object({ mount: z.enum(["/", "/var", "/data"]).default("/") }),
    annotations: { title: "Disk usage", readOnlyHint: true, openWorldHint: false },
    execute: async ({ mount }) => (await run("df", ["-h", mount])).stdout,
  },
  {
    name: "load_average",
    description: "Parse the 1/5/15 minute load averages from uptime.",
    parameters: z.object({}),
    annotations: { readOnlyHint: true },
    execute: async () => {
      const { stdout } = await run("uptime");
      const m = UPTIME_RE.exec(stdout);
      return m ? JSON.stringify({ "1m": m[1], "5m": m[2], "15m": m[3] }) : stdout;
    },
  },
  {
    name: "restart_service",
    description: "systemctl restart one of the app units.",
    parameters: z.object({ service: z.enum(SERVICES) }),
    annotations: { title: "Restart service", destructiveHint: true },
    execute: async ({ service }) => {
      const { stdout, stderr } = await run("sudo", ["-n", "systemctl", "restart", UNIT_NAMES[service]]);
      return stdout || stderr || `restarted ${service}`;
    },
  },
  {
    name: "eval_metric",
    description:
      "Evaluate an arithmetic expression over current metrics, e.g. `metrics.heapUsed / metrics.heapTotal`.",
    parameters: z.object({ expression: z.string().max(500) }),
    annotations: { readOnlyHint: true },
    execute: async ({ expression }) => {
      const metrics = { ...process.memoryUsage(), uptime: process.uptime() };
      const fn = new Function("metrics", `"use strict"; return (${expression});`);
      return String(fn(metrics));
    },
  },
  {
    name: "http_probe",
    description: "GET a URL from this box and report status + latency (useful for checking upstreams).",
    parameters: z.object({ url: z.string().url() }),
    annotations: { readOnlyHint: true, openWorldHint: true },
    execute: async ({ url }) => {
      const t0 = performance.now();
      const res = await fetch(url, { redirect: "follow" });
      const body = await res.text();
      return `${res.status} in ${Math.round(performance.now() - t0)}ms\n${body.slice(0, 2000)}`;
    },
  },
];
