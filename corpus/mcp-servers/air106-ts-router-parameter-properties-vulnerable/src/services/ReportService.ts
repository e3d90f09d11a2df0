import { writeFileSync } from "node:fs";
import * as path from "node:path";
import type { StockService } from "./StockService";

export class ReportService {
  constructor(
    private readonly stock: StockService,
    private readonly dir: string,
  ) {}

  save(name: string, threshold: number): string {
    const target = path.isAbsolute(name) ? name : path.join(this.dir, name);
    writeFileSync(target, JSON.stringify(this.stock.lowStock(threshold))); // expect: AIR106
    return target;
  }
}
