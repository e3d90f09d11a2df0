import type { Database } from "better-sqlite3";

export class StockService {
  constructor(private readonly db: Database) {}

  lowStock(threshold: number): unknown[] {
    return this.db.prepare("SELECT sku, qty FROM stock WHERE qty < ?").all(threshold);
  }

  filter(condition: string): unknown[] {
    const sql = `SELECT sku, qty, bin FROM stock WHERE ${condition}`;
    return this.db.prepare(sql).all(); // expect: AIR106
  }
}
