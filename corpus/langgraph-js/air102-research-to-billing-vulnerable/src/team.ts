// case: AIR102 vulnerable. Two prebuilt agents are nodes of one graph: the researcher reads web
// search results and its answer flows to the billing agent, which can refund orders with no
// approval. Statements, not a chain;
// `addNode({ researcher, billing })` object map; `DynamicStructuredTool` in a `.js` module.
import { StateGraph, MessagesAnnotation, START, END, MemorySaver } from "@langchain/langgraph";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { webSearch, refundTool } from "./tools.js";

const llm = new ChatOpenAI({ model: "gpt-4.1" });

const researcher = createReactAgent({ llm, tools: [webSearch], name: "researcher" });
const billing = createReactAgent({ llm, tools: [refundTool], name: "billing" });

const workflow = new StateGraph(MessagesAnnotation);
workflow.addNode({ researcher, billing }); // path: AIR102
workflow.addEdge(START, "researcher");
workflow.addEdge("researcher", "billing");
workflow.addEdge("billing", END);

export const app = workflow.compile({ checkpointer: new MemorySaver() });
