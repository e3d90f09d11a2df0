import type Database from "better-sqlite3";

export class OrderService {
  constructor(private readonly db: Database.Database) {}

  countSince(since: string): number {
    const row = this.db.prepare("SELECT count(*) AS n FROM orders WHERE placed_at >= ?").get(since) as { n: number };
    return row.n;
  }

  archiveBefore(before: string): number {
    const table = "orders";
    const info = this.db.prepare(`DELETE FROM ${table} WHERE placed_at < ?`).run(before);
    return info.changes;
  }
}
