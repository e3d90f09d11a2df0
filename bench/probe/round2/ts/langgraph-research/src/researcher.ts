import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { TavilySearch } from "@langchain/tavily";
import { fetchPage } from "./tools/index.js";

const llm = new ChatOpenAI({ model: "gpt-4.1-mini", temperature: 0 });

export default createReactAgent({
  llm,
  name: "researcher",
  tools: [new TavilySearch({ maxResults: 5 }), fetchPage],
  prompt:
    "You research the user's topic on the open web. Search, open the most relevant pages, " +
    "and end with a bullet list of findings with source URLs. Write NEED_MORE if coverage is thin.",
});
