// case: AIR101 safe. The same graph compiled with `interruptBefore: ["act"]` and a checkpointer:
// every Slack post waits for a human.
// Fluent builder chain, a barrel import (`./tools` → tools/index.ts → `export * from "./slack.js"`).
import { StateGraph, MessagesAnnotation, START, MemorySaver } from "@langchain/langgraph";
import { ToolNode, toolsCondition } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { CheerioWebBaseLoader } from "@langchain/community/document_loaders/web/cheerio";
import { postToSlack } from "./tools";

const tools = [postToSlack];
const model = new ChatOpenAI({ model: "gpt-4.1" }).bindTools(tools);

async function readPages(state: typeof MessagesAnnotation.State) {
  const loader = new CheerioWebBaseLoader("https://news.example.com/today");
  const docs = await loader.load();
  const text = docs.map((d) => d.pageContent).join("\n");
  return { messages: [{ role: "user", content: `Summarise for #general:\n${text}` }] };
}

const callModel = async (state: typeof MessagesAnnotation.State) => {
  const response = await model.invoke(state.messages);
  return { messages: [response] };
};

export const graph = new StateGraph(MessagesAnnotation)
  .addNode("reader", readPages)
  .addNode("agent", callModel)
  .addNode("act", new ToolNode(tools))
  .addEdge(START, "reader")
  .addEdge("reader", "agent")
  .addConditionalEdges("agent", toolsCondition, { tools: "act", __end__: "__end__" })
  .addEdge("act", "agent")
  .compile({ checkpointer: new MemorySaver(), interruptBefore: ["act"] });
