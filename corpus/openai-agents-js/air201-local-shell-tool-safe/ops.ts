// case: AIR201 safe. The same agent with the hosted shell: `shellTool({ environment: { type:
// "container_auto" } })` runs the model's commands in an OpenAI-managed container, not on the
// host.
import { Agent, run, shellTool } from "@openai/agents";

export const ops = new Agent({
  name: "Ops",
  instructions: "Investigate the build logs you are given.",
  tools: [shellTool({ environment: { type: "container_auto" } })],
});

await run(ops, "Why did the last build fail?");
