import { Pool } from "pg";

export const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function ordersFor(email: string, status: string) {
  const sql = "SELECT id, total, status FROM orders WHERE email = $1 AND status = $2";
  const { rows } = await pool.query(sql, [email, status]);
  return rows;
}
