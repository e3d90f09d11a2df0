import { run } from "@openai/agents";
import * as readline from "node:readline/promises";
import { triageAgent } from "./agents.js";

const rl = readline.createInterface({ input: process.stdin, output: process.stdout });

async function handleTicket(ticketId: string) {
  let result = await run(triageAgent, `New ticket ${ticketId}. Read it and route it to the right team.`);

  // tools with needsApproval pause the run; ask the on-call operator
  while (result.interruptions.length > 0) {
    for (const item of result.interruptions) {
      const answer = await rl.question(
        `[${ticketId}] ${item.agent.name} wants ${item.rawItem.name}(${item.rawItem.arguments}) - approve? [y/N] `,
      );
      if (answer.trim().toLowerCase() === "y") result.state.approve(item);
      else result.state.reject(item);
    }
    result = await run(triageAgent, result.state);
  }

  console.log(`[${ticketId}] handled by ${result.lastAgent?.name}: ${result.finalOutput}`);
}

for (const id of process.argv.slice(2)) {
  await handleTicket(id);
}
rl.close();
