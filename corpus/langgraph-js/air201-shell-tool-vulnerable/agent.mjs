// case: AIR201 vulnerable. An ops agent's tool runs whatever command the model writes, on the
// host (`exec` from `child_process`, promisified). No untrusted source. (`.mjs`.)
import { exec } from "node:child_process";
import { promisify } from "node:util";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { tool } from "@langchain/core/tools";
import { z } from "zod";

const run = promisify(exec);

const shell = tool( // expect: AIR201
  async ({ command }) => {
    const { stdout } = await run(command); // expect: AIR106
    return stdout;
  },
  { name: "run_shell", description: "Run a shell command on the server", schema: z.object({ command: z.string() }) },
);

export const ops = createReactAgent({ llm: new ChatOpenAI({ model: "gpt-4.1" }), tools: [shell] });
