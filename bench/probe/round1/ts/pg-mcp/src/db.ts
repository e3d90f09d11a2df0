import pg from "pg";

export type Row = Record<string, unknown>;

export class PostgresClient {
  constructor(private readonly pool: pg.Pool) {}

  async listTables(schema: string): Promise<string[]> {
    const { rows } = await this.pool.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
      [schema],
    );
    return rows.map((r) => r.table_name as string);
  }

  async describeTable(table: string, schema = "public"): Promise<Row[]> {
    const { rows } = await this.pool.query(`
      SELECT column_name, data_type, is_nullable, column_default
        FROM information_schema.columns
       WHERE table_schema = '${schema}' AND table_name = '${table}'
       ORDER BY ordinal_position`);
    return rows;
  }

  /** Run arbitrary SQL inside a read-only transaction. */
  async readOnlyQuery(sql: string): Promise<Row[]> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN TRANSACTION READ ONLY");
      const result = await client.query(sql);
      return result.rows;
    } finally {
      await client.query("ROLLBACK").catch(() => undefined);
      client.release();
    }
  }

  async countRows(table: string): Promise<number> {
    const { rows } = await this.pool.query(`SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(table)}`);
    return rows[0].n;
  }

  private async columnsOf(table: string): Promise<Set<string>> {
    const { rows } = await this.pool.query(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
      [table],
    );
    return new Set(rows.map((r) => r.column_name as string));
  }

  async insertRow(table: string, values: Row): Promise<Row> {
    const known = await this.columnsOf(table);
    if (known.size === 0) throw new Error(`Unknown table: ${table}`);
    const cols = Object.keys(values);
    for (const c of cols) {
      if (!known.has(c)) throw new Error(`Unknown column "${c}" on ${table}`);
    }
    const placeholders = cols.map((_, i) => `$${i + 1}`).join(", ");
    const columnList = cols.map((c) => `"${c}"`).join(", ");
    const { rows } = await this.pool.query(
      `INSERT INTO "${table}" (${columnList}) VALUES (${placeholders}) RETURNING *`,
      cols.map((c) => values[c]),
    );
    return rows[0];
  }

  async purgeSessions(olderThanDays: number): Promise<number> {
    const result = await this.pool.query(
      "DELETE FROM sessions WHERE last_seen_at < now() - make_interval(days => $1)",
      [olderThanDays],
    );
    return result.rowCount ?? 0;
  }
}
