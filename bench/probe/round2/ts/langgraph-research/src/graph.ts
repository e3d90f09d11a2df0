import { END, MemorySaver, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import researcher from "./researcher.js";
import writer from "./writer.js";

const MAX_ROUNDS = 3;

function afterResearch(state: typeof MessagesAnnotation.State): "again" | "write" | "stop" {
  const last = state.messages.at(-1);
  const text = typeof last?.content === "string" ? last.content : "";
  const rounds = state.messages.filter((m) => m.name === "researcher").length;
  if (text.includes("NEED_MORE") && rounds < MAX_ROUNDS) return "again";
  if (!text.trim()) return "stop";
  return "write";
}

const workflow = new StateGraph(MessagesAnnotation)
  .addNode("researcher", researcher)
  .addNode("writer", writer)
  .addEdge(START, "researcher")
  .addConditionalEdges("researcher", afterResearch, {
    again: "researcher",
    write: "writer",
    stop: END,
  })
  .addEdge("writer", END);

const graph = workflow.compile({ checkpointer: new MemorySaver() });
graph.name = "research-report";

export default graph;
