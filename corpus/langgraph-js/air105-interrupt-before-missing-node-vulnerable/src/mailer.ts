// case: AIR105 vulnerable. The tool node is added as `run_tools` (tuple-array form of
// `addNode`), but the breakpoint names `tools`: LangGraph.js pauses before no node, and the
// email tool runs unreviewed. No untrusted source here, only the gate is at stake.
import { StateGraph, MessagesAnnotation, START, MemorySaver } from "@langchain/langgraph";
import { ToolNode, toolsCondition } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { tool } from "@langchain/core/tools";
import nodemailer from "nodemailer";
import { z } from "zod";

const transport = nodemailer.createTransport({ host: "smtp.example.com", port: 587 });

const sendEmail = tool(
  async ({ to, subject, body }) => {
    await transport.sendMail({ from: "ops@example.com", to, subject, text: body });
    return "sent";
  },
  { name: "send_email", description: "Send an email", schema: z.object({ to: z.string(), subject: z.string(), body: z.string() }) },
);

const tools = [sendEmail];
const model = new ChatOpenAI({ model: "gpt-4.1-mini" }).bindTools(tools);

async function agent(state: typeof MessagesAnnotation.State) {
  return { messages: [await model.invoke(state.messages)] };
}

const builder = new StateGraph(MessagesAnnotation)
  .addNode([
    ["agent", agent],
    ["run_tools", new ToolNode(tools)],
  ])
  .addEdge(START, "agent")
  .addConditionalEdges("agent", toolsCondition, { tools: "run_tools", __end__: "__end__" })
  .addEdge("run_tools", "agent");

export const graph = builder.compile({
  checkpointer: new MemorySaver(),
  interruptBefore: ["tools"], // expect: AIR105
});
