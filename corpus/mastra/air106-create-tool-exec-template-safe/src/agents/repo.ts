import { Agent } from "@mastra/core/agent";
import { gitHistory } from "../tools/repo";

export const repoAgent = new Agent({
  name: "repo",
  instructions: "Answer questions about the repository's history.",
  model: "anthropic/claude-sonnet-4-5",
  tools: { gitHistory },
});
