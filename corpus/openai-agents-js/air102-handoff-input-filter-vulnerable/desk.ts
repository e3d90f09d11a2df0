// case: AIR102 vulnerable. A research agent reads vendor advisories on the web and hands off with
// `handoff(opsAgent, { inputFilter, toolNameOverride })` to an operations agent whose tool
// restarts services through the ops API (`fetch` with `method: "POST"`). The input filter is the
// project's own function: airlock cannot tell what it removes, so the path is reported with the
// filter on it.
import { Agent, handoff, run, tool, webSearchTool } from "@openai/agents";
import type { HandoffInputData } from "@openai/agents";
import { z } from "zod";

const restartService = tool({ // expect: AIR102
  name: "restart_service",
  description: "Restart a production service",
  parameters: z.object({ service: z.string() }),
  execute: async ({ service }) => {
    const r = await fetch(`https://ops.internal/api/services/${service}/restart`, { method: "POST" }); // path: AIR102
    return r.statusText;
  },
});

const opsAgent = new Agent({
  name: "Operations",
  instructions: "Apply the mitigation the research agent asks for.",
  tools: [restartService],
});

function keepRecent(data: HandoffInputData): HandoffInputData {
  return { ...data, inputHistory: data.inputHistory };
}

export const research = new Agent({
  name: "Research",
  instructions: "Read today's vendor advisories on the web; hand off when a mitigation is needed.",
  tools: [webSearchTool()], // path: AIR102
  handoffs: [handoff(opsAgent, { inputFilter: keepRecent, toolNameOverride: "escalate_to_ops" })], // path: AIR102
});

await run(research, "Check today's advisories for our stack.");
