// case: AIR102 safe. The same team; the billing agent pauses before its tools run
// (`interruptBefore: ["tools"]`, with the graph's checkpointer).
import { StateGraph, MessagesAnnotation, START, END, MemorySaver } from "@langchain/langgraph";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { webSearch, refundTool } from "./tools.js";

const llm = new ChatOpenAI({ model: "gpt-4.1" });

const researcher = createReactAgent({ llm, tools: [webSearch], name: "researcher" });
const billing = createReactAgent({
  llm,
  tools: [refundTool],
  name: "billing",
  interruptBefore: ["tools"],
});

const workflow = new StateGraph(MessagesAnnotation);
workflow.addNode({ researcher, billing });
workflow.addEdge(START, "researcher");
workflow.addEdge("researcher", "billing");
workflow.addEdge("billing", END);

export const app = workflow.compile({ checkpointer: new MemorySaver() });
