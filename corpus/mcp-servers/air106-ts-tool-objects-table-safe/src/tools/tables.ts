import { pool } from "../db.js";

const TABLES = new Set(["orders", "customers", "shipments"]);

export const describeTableTool = {
  name: "describe_table",
  description: "List the columns of a table",
  inputSchema: { type: "object", properties: { table: { type: "string" } }, required: ["table"] },
  execute: async (args: { table: string }) => {
    const result = await pool.query(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1",
      [args.table],
    );
    return result.rows;
  },
};

export const countRowsTool = {
  name: "count_rows",
  description: "Count the rows of a table",
  inputSchema: { type: "object", properties: { table: { type: "string" } }, required: ["table"] },
  execute: async (args: { table: string }) => {
    const { table } = args;
    if (!TABLES.has(table)) {
      throw new Error(`unknown table ${table}`);
    }
    const result = await pool.query(`SELECT count(*) AS n FROM ${table}`);
    return result.rows[0].n;
  },
};
