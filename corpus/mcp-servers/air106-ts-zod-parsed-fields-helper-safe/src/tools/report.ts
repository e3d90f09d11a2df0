import { z } from "zod";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.LEDGER_URL });

const ReportArgs = z.object({
  kind: z.enum(["top_accounts", "recent"]).describe("which report"),
  account: z.string().optional().describe("account id to filter on"),
  sortBy: z.enum(["balance", "opened_at", "entries"]).optional().default("balance"),
  minRows: z.number().int().optional().describe("smallest entry count to list"),
});

type Report = z.infer<typeof ReportArgs>;

async function topAccounts(input: Report) {
  const { account, sortBy, minRows } = input;
  const having = minRows ? `HAVING COUNT(*) >= ${minRows}` : "";
  const sql = `SELECT account, SUM(amount) AS balance, COUNT(*) AS entries
    FROM ledger WHERE ($1::text IS NULL OR account = $1)
    GROUP BY account ${having} ORDER BY ${sortBy} DESC LIMIT 20`;
  const res = await pool.query(sql, [account ?? null]);
  return res.rows;
}

async function runReport(input: Report) {
  switch (input.kind) {
    case "top_accounts":
      return topAccounts(input);
    default:
      return [];
  }
}

export const reportTool = {
  name: "ledger_report",
  description: "Summarise the ledger: the largest accounts, or the latest entries.",
  inputSchema: ReportArgs,
  async execute(params: unknown) {
    const parsed = ReportArgs.safeParse(params);
    if (!parsed.success) {
      return { content: [{ type: "text", text: `invalid arguments: ${parsed.error.message}` }], isError: true };
    }
    const rows = await runReport(parsed.data);
    return { content: [{ type: "text", text: JSON.stringify(rows) }] };
  },
};
