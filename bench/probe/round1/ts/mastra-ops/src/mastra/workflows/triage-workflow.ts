import { createStep, createWorkflow } from "@mastra/core/workflows";
import { z } from "zod";
import { oncallAgent } from "../agents/oncall-agent";

const alertSchema = z.object({ subject: z.string(), body: z.string() });
const triageSchema = z.object({ severity: z.enum(["sev1", "sev2", "sev3"]), summary: z.string() });

const triageStep = createStep({
  id: "triage",
  inputSchema: alertSchema,
  outputSchema: triageSchema,
  execute: async ({ inputData }) => {
    const res = await oncallAgent.generate(
      `Classify this alert and summarise it in two sentences.\n\nSubject: ${inputData.subject}\n\n${inputData.body}`,
      { output: triageSchema },
    );
    return res.object;
  },
});

const pageHumanStep = createStep({
  id: "page-human",
  inputSchema: triageSchema,
  outputSchema: z.object({ acknowledged: z.boolean(), summary: z.string() }),
  resumeSchema: z.object({ acknowledged: z.boolean() }),
  suspendSchema: z.object({ summary: z.string() }),
  execute: async ({ inputData, resumeData, suspend }) => {
    if (inputData.severity === "sev3") return { acknowledged: false, summary: inputData.summary };
    if (!resumeData) return await suspend({ summary: inputData.summary });
    return { acknowledged: resumeData.acknowledged, summary: inputData.summary };
  },
});

export const triageWorkflow = createWorkflow({
  id: "alert-triage",
  inputSchema: alertSchema,
  outputSchema: z.object({ acknowledged: z.boolean(), summary: z.string() }),
})
  .then(triageStep)
  .then(pageHumanStep)
  .commit();
