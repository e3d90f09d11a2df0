import { createStep, createWorkflow } from "@mastra/core/workflows";
import Stripe from "stripe";
import { z } from "zod";
import { ApprovalResume, PayoutWorkflowInput } from "../schemas";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");

const approval = createStep({
  id: "controller-approval",
  inputSchema: PayoutWorkflowInput,
  outputSchema: PayoutWorkflowInput.extend({ approver: z.string() }),
  resumeSchema: ApprovalResume,
  suspendSchema: z.object({ message: z.string() }),
  execute: async ({ inputData, resumeData, suspend }) => {
    if (!resumeData) {
      return suspend({ message: `Approve $${(inputData.amountCents / 100).toFixed(2)} for ${inputData.invoiceNumber}?` });
    }
    if (!resumeData.approved) throw new Error(`payout rejected by ${resumeData.approver}`);
    return { ...inputData, approver: resumeData.approver };
  },
});

const pay = createStep({
  id: "pay",
  inputSchema: PayoutWorkflowInput.extend({ approver: z.string() }),
  outputSchema: z.object({ transferId: z.string() }),
  execute: async ({ inputData }) => {
    const t = await stripe.transfers.create({
      amount: inputData.amountCents,
      currency: "usd",
      destination: inputData.vendorAccountId,
      metadata: { invoiceNumber: inputData.invoiceNumber, approver: inputData.approver },
    });
    return { transferId: t.id };
  },
});

export const payoutWorkflow = createWorkflow({
  id: "vendor-payout",
  inputSchema: PayoutWorkflowInput,
  outputSchema: z.object({ transferId: z.string() }),
})
  .then(approval)
  .then(pay)
  .commit();
