import { writeFileSync } from "node:fs";
import * as path from "node:path";
import type { StockService } from "./StockService";

export class ReportService {
  constructor(
    private readonly stock: StockService,
    private readonly dir: string,
  ) {}

  save(name: string, threshold: number): string {
    const root = path.resolve(this.dir);
    const target = path.resolve(root, name);
    if (!target.startsWith(root + path.sep)) {
      throw new Error("report name must stay inside the report directory");
    }
    writeFileSync(target, JSON.stringify(this.stock.lowStock(threshold)));
    return target;
  }
}
