import { pool } from "../db.js";

export const describeTableTool = {
  name: "describe_table",
  description: "List the columns of a table",
  inputSchema: { type: "object", properties: { table: { type: "string" } }, required: ["table"] },
  execute: async (args: { table: string }) => {
    const result = await pool.query( // expect: AIR106
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${args.table}'`,
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
    const result = await pool.query(`SELECT count(*) AS n FROM ${table}`); // expect: AIR106
    return result.rows[0].n;
  },
};
