import { PostgresAdapter } from "./postgres.js";

// The active adapter: set once when the server starts, read by every query helper.
let adapter: PostgresAdapter | null = null;

function createAdapter(kind: string, url: string): PostgresAdapter {
  switch (kind) {
    case "postgres":
      return new PostgresAdapter(url);
    default:
      throw new Error(`unsupported database ${kind}`);
  }
}

export async function initDatabase(kind: string, url: string): Promise<void> {
  adapter = createAdapter(kind, url);
}

export async function queryAll(sql: string, params: unknown[] = []): Promise<unknown[]> {
  if (!adapter) {
    throw new Error("database not initialised");
  }
  return adapter.all(sql, params);
}
