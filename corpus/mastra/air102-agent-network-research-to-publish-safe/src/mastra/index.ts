import { Mastra } from "@mastra/core";
import { newsroom } from "./agents/newsroom";

export const mastra = new Mastra({ agents: { newsroom } });

export async function dailyDigest() {
  const result = await newsroom.network("Write today's digest from the city council's site.");
  return result;
}
