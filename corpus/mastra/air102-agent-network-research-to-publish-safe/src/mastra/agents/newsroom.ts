// case: AIR102 (safe) — a Mastra agent network: the routing agent sends work to a researcher that reads
// web pages and to a publisher that writes posts to the live site; what the researcher read
// comes back to the router, which writes the publisher's request.
import { Agent } from "@mastra/core/agent";
import { fetchPage } from "../tools/web";
import { publishPost } from "../tools/cms";

const researcher = new Agent({
  name: "researcher",
  instructions: "Summarise the pages you are given.",
  model: "openai/gpt-4.1-mini",
  tools: { fetchPage },
});

const publisher = new Agent({
  name: "publisher",
  instructions: "Turn a summary into a post and publish it.",
  model: "openai/gpt-4.1-mini",
  tools: { publishPost },
});

export const newsroom = new Agent({
  name: "newsroom",
  instructions: "Research the story, then have it published.",
  model: "openai/gpt-4.1",
  agents: { researcher, publisher },
});
