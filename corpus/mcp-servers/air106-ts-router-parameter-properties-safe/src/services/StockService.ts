import type { Database } from "better-sqlite3";

const COLUMNS = new Set(["sku", "bin", "supplier"]);

export class StockService {
  constructor(private readonly db: Database) {}

  lowStock(threshold: number): unknown[] {
    return this.db.prepare("SELECT sku, qty FROM stock WHERE qty < ?").all(threshold);
  }

  filter(column: string, value: string): unknown[] {
    if (!COLUMNS.has(column)) {
      throw new Error(`unknown column: ${column}`);
    }
    const sql = `SELECT sku, qty, bin FROM stock WHERE ${column} = ?`;
    return this.db.prepare(sql).all(value);
  }
}
