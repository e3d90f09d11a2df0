import { createAgent, humanInTheLoopMiddleware } from "langchain";
import { loadSource, publishPost, saveReport } from "./tools/index.js";

const writer = createAgent({
  model: "openai:gpt-4.1",
  name: "writer",
  tools: [loadSource, saveReport, publishPost],
  systemPrompt:
    "Turn the researcher's findings into a clear markdown report. Save it with save_report, " +
    "then publish it with publish_post unless the user asked for a draft only.",
  middleware: [
    humanInTheLoopMiddleware({
      interruptOn: {
        publish_post: { allowedDecisions: ["approve", "edit", "reject"] },
        save_report: false,
      },
    }),
  ],
});

export default writer;
