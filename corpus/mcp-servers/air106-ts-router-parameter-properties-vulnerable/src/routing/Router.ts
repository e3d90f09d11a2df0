import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { ReportService } from "../services/ReportService";
import type { StockService } from "../services/StockService";

const FilterArgs = z.object({ condition: z.string() });
const SaveArgs = z.object({ name: z.string(), threshold: z.number().int() });

export class Router {
  constructor(
    private readonly server: Server,
    private readonly stock: StockService,
    private readonly reports: ReportService,
  ) {}

  install(): void {
    this.server.setRequestHandler(CallToolRequestSchema, async (req) => {
      const out = await this.route(req.params.name, req.params.arguments ?? {});
      return { content: [{ type: "text", text: JSON.stringify(out) }] };
    });
  }

  private async route(tool: string, args: Record<string, unknown>): Promise<unknown> {
    if (tool === "filter_stock") {
      const { condition } = FilterArgs.parse(args);
      return this.stock.filter(condition);
    }
    if (tool === "save_low_stock_report") {
      const { name, threshold } = SaveArgs.parse(args);
      return this.reports.save(name, threshold);
    }
    throw new Error(`no such tool: ${tool}`);
  }
}
