// case: AIR102 safe. The same desk with `removeAllTools` (`@openai/agents-core/extensions`) as
// the input filter: the search results (tool results) never reach the operations agent, and
// nothing else untrusted enters the research agent (its run starts from a fixed prompt).
import { Agent, handoff, run, tool, webSearchTool } from "@openai/agents";
import { removeAllTools } from "@openai/agents-core/extensions";
import { z } from "zod";

const restartService = tool({
  name: "restart_service",
  description: "Restart a production service",
  parameters: z.object({ service: z.string() }),
  execute: async ({ service }) => {
    const r = await fetch(`https://ops.internal/api/services/${service}/restart`, { method: "POST" });
    return r.statusText;
  },
});

const opsAgent = new Agent({
  name: "Operations",
  instructions: "Apply the mitigation the research agent asks for.",
  tools: [restartService],
});

export const research = new Agent({
  name: "Research",
  instructions: "Read today's vendor advisories on the web; hand off when a mitigation is needed.",
  tools: [webSearchTool()],
  handoffs: [handoff(opsAgent, { inputFilter: removeAllTools, toolNameOverride: "escalate_to_ops" })],
});

await run(research, "Check today's advisories for our stack.");
