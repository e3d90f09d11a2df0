import type { Database } from "better-sqlite3";

export type Row = Record<string, unknown>;

const ALLOWED_TABLES = new Set(["customers", "orders", "order_items", "products", "audit_log"]);

export class QueryService {
  constructor(
    private readonly db: Database,
    private readonly maxRows: number = 200,
  ) {}

  private assertTable(table: string): string {
    if (!ALLOWED_TABLES.has(table)) {
      throw new Error(`unknown table "${table}"`);
    }
    return table;
  }

  listTables(): string[] {
    const rows = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    return rows.map((r) => r.name);
  }

  tableStats(table: string): { table: string; rows: number } {
    const t = this.assertTable(table);
    const { n } = this.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number };
    return { table: t, rows: n };
  }

  getCustomer(id: number): Row | undefined {
    return this.db
      .prepare("SELECT id, name, email, created_at FROM customers WHERE id = ?")
      .get(id) as Row | undefined;
  }

  /** Free-form filter for power users, e.g. `status = 'open' AND total > 100`. */
  searchRows(table: string, where: string, limit = 50): Row[] {
    const sql = `SELECT * FROM ${table} WHERE ${where} LIMIT ${Math.min(limit, this.maxRows)}`;
    return this.db.prepare(sql).all() as Row[];
  }

  dumpTable(table: string): Row[] {
    const t = this.assertTable(table);
    return this.db.prepare(`SELECT * FROM ${t} LIMIT ?`).all(this.maxRows) as Row[];
  }

  purgeOlderThan(table: string, isoDate: string): number {
    const t = this.assertTable(table);
    const info = this.db.prepare(`DELETE FROM ${t} WHERE created_at < ?`).run(isoDate);
    return info.changes;
  }
}
