import { tool } from "@openai/agents";
import { execSync } from "node:child_process";
import { z } from "zod";
import { db, type DeviceRow } from "../db.js";

const IDP_URL = process.env.IDP_URL ?? "https://idp.example.com/api";

export function makeItOpsTools() {
  const lookupDevice = tool({
    name: "lookup_device",
    description: "Look up a managed laptop by hostname or serial number.",
    parameters: z.object({ query: z.string() }),
    execute: async ({ query }) => {
      const row = db
        .prepare("SELECT * FROM devices WHERE hostname = ? OR serial = ? LIMIT 1")
        .get(query, query) as DeviceRow | undefined;
      return row ?? "not found";
    },
  });

  const runRemediation = tool({
    name: "run_remediation",
    description: "Run a standard remediation script against a managed device (flush DNS, restart agent, clear cache).",
    parameters: z.object({
      action: z.enum(["flush-dns", "restart-mdm-agent", "clear-browser-cache", "renew-cert"]),
      hostname: z.string(),
    }),
    execute: async ({ action, hostname }) => {
      const out = execSync(`./scripts/remediate.sh ${action} ${hostname}`, { encoding: "utf8", timeout: 60_000 });
      return out.trim() || "done";
    },
  });

  const resetPassword = tool({
    name: "reset_password",
    description: "Force a password reset for an employee's SSO account.",
    parameters: z.object({ ssoUserId: z.string() }),
    needsApproval: true,
    execute: async ({ ssoUserId }) => {
      const res = await fetch(`${IDP_URL}/users/${encodeURIComponent(ssoUserId)}/lifecycle/reset_password`, {
        method: "POST",
        headers: { authorization: `SSWS ${process.env.IDP_TOKEN}` },
      });
      return res.ok ? "reset link sent" : `IdP error ${res.status}`;
    },
  });

  return { lookupDevice, runRemediation, resetPassword };
}
