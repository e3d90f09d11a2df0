import { verify } from "@octokit/webhooks-methods";
import express from "express";
import { triageAgent } from "./agent.js";

const app = express();
app.use(express.json({ limit: "1mb", verify: (req, _res, buf) => ((req as any).rawBody = buf.toString()) }));

app.post("/webhooks/github", async (req, res) => {
  const sig = req.header("x-hub-signature-256") ?? "";
  if (!(await verify(process.env.GITHUB_WEBHOOK_SECRET!, (req as any).rawBody, sig))) {
    return res.status(401).send("bad signature");
  }
  if (req.header("x-github-event") !== "issues" || req.body.action !== "opened") {
    return res.status(204).end();
  }

  const issueNumber: number = req.body.issue.number;
  res.status(202).json({ queued: issueNumber });

  try {
    const result = await triageAgent.generate({ prompt: `Triage issue #${issueNumber}.` });
    console.log(`[triage #${issueNumber}]`, result.text.slice(0, 500));
  } catch (err) {
    console.error(`[triage #${issueNumber}] failed`, err);
  }
});

app.get("/healthz", (_req, res) => res.send("ok"));

app.listen(Number(process.env.PORT ?? 3000), () => console.log("repo-triage-bot up"));
