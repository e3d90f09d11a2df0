import { createTool } from "@mastra/core/tools";
import { execSync, spawn } from "node:child_process";
import { z } from "zod";
import { metrics } from "@/lib/metrics";

const RESTARTABLE = ["api-gateway", "billing-worker", "search-indexer", "notifications"] as const;

export const pingHost = createTool({
  id: "ping-host",
  description: "Check whether a host is reachable (3 ICMP pings)",
  inputSchema: z.object({ host: z.string() }),
  execute: async ({ context }) => {
    const { host } = context;
    try {
      const out = execSync(`ping -c 3 -W 2 ${host}`, { encoding: "utf8", timeout: 15_000 });
      return { reachable: true, output: out };
    } catch (err: any) {
      return { reachable: false, output: String(err.stdout ?? err.message) };
    }
  },
});

export const restartService = createTool({
  id: "restart-service",
  description: "Restart one of the managed systemd services",
  inputSchema: z.object({ service: z.string() }),
  requireApproval: true,
  execute: async ({ context }) => {
    const service = context.service as (typeof RESTARTABLE)[number];
    if (!RESTARTABLE.includes(service)) {
      throw new Error(`${context.service} is not a restartable service`);
    }
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn("sudo", ["-n", "systemctl", "restart", `${service}.service`], { stdio: "ignore" });
      child.on("error", reject);
      child.on("exit", resolve);
    });
    return { service, exitCode: code };
  },
});

export const queryErrorRate = createTool({
  id: "query-error-rate",
  description: "Get the request error rate for a service over a window such as 15m or 2h",
  inputSchema: z.object({ service: z.string(), window: z.string().default("15m") }),
  execute: async ({ context }) => {
    const match = /^(\d{1,4})([mh])$/.exec(context.window);
    if (!match) throw new Error(`bad window ${context.window}`);
    const minutes = Number(match[1]) * (match[2] === "h" ? 60 : 1);
    const rate = await metrics.errorRate(context.service, minutes);
    return { ...rate, ratio: rate.total ? rate.errors / rate.total : 0 };
  },
});

export const annotateIncident = createTool({
  id: "annotate-incident",
  description: "Append a note to an incident timeline",
  inputSchema: z.object({ incidentId: z.string(), note: z.string() }),
  execute: async ({ context }) => {
    await metrics.addIncidentNote(context.incidentId, "oncall-copilot", context.note);
    return { ok: true };
  },
});

export const opsTools = { pingHost, restartService, queryErrorRate, annotateIncident };
