// case: AIR103 safe. The research agent reads the web but not the account notes; a separate
// agent that never reads the web holds the notes tool (two legs of three in each).
import { StructuredTool, tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatAnthropic } from "@langchain/anthropic";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { z } from "zod";

class FetchPageTool extends StructuredTool {
  name = "fetch_page";
  description = "Fetch a web page and return its text";
  schema = z.object({ url: z.string().url() });

  async _call({ url }: { url: string }) {
    const res = await fetch(url);  // expect: AIR106
    return await res.text();
  }
}

const readNotes = tool(
  // the customer name is joined into the path as is: `../` leaves the notes folder
  async ({ customer }) => readFile(path.join("/srv/crm/notes", `${customer}.md`), "utf8"), // expect: AIR106
  { name: "read_account_notes", description: "Read a customer's account notes", schema: z.object({ customer: z.string() }) },
);

export const researcher = createReactAgent({
  llm: new ChatAnthropic({ model: "claude-sonnet-4-5" }),
  tools: [new FetchPageTool()],
  prompt: "Research the customer's company on the web.",
});

export const accountManager = createReactAgent({
  llm: new ChatAnthropic({ model: "claude-sonnet-4-5" }),
  tools: [readNotes],
  prompt: "Summarise the customer's account notes.",
});
