import { releaser } from "../../../lib/agents";

export async function POST() {
  const result = await releaser.generate({ prompt: "Is lodash 4.17.22 safe to ship for billing-api?" });
  return Response.json({ text: result.text });
}
