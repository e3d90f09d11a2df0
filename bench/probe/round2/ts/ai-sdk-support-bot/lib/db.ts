import { Pool, type QueryResultRow } from "pg";

declare global {
  // eslint-disable-next-line no-var
  var __pgPool: Pool | undefined;
}

// reuse the pool across hot reloads in dev
const pool = globalThis.__pgPool ?? new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
if (process.env.NODE_ENV !== "production") globalThis.__pgPool = pool;

export async function query<T extends QueryResultRow = QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const started = Date.now();
  const res = await pool.query<T>(text, params);
  if (Date.now() - started > 500) console.warn("[db] slow query", text.slice(0, 80));
  return res.rows;
}
