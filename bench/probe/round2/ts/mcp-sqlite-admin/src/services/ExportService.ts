import * as fs from "fs";
import * as path from "path";
import type { QueryService, Row } from "./QueryService";

function toCsv(rows: Row[]): string {
  if (rows.length === 0) return "";
  const cols = Object.keys(rows[0]);
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(","), ...rows.map((r) => cols.map((c) => esc(r[c])).join(","))].join("\n");
}

export class ExportService {
  constructor(
    private readonly queries: QueryService,
    private readonly defaultDir: string,
  ) {}

  exportTable(table: string, outFile?: string): { file: string; rows: number } {
    const rows = this.queries.dumpTable(table);
    const file = outFile ?? path.join(this.defaultDir, `${table}-${Date.now()}.csv`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, toCsv(rows), "utf8");
    return { file, rows: rows.length };
  }
}
