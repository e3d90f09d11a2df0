// case: AIR201 safe. The ops agent reports load and memory from Node's `os` module; nothing the
// model writes is executed. (`.mjs`.)
import * as os from "node:os";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { tool } from "@langchain/core/tools";
import { z } from "zod";

const shell = tool(
  async () => JSON.stringify({ load: os.loadavg(), free: os.freemem(), total: os.totalmem() }),
  { name: "server_health", description: "Report the server's load and memory", schema: z.object({}) },
);

export const ops = createReactAgent({ llm: new ChatOpenAI({ model: "gpt-4.1" }), tools: [shell] });
