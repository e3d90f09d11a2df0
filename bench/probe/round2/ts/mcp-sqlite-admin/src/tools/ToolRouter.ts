import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type CallToolResult,
} from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { ExportService } from "../services/ExportService";
import type { QueryService } from "../services/QueryService";
import { TOOL_DEFINITIONS } from "./definitions";

const TableArgs = z.object({ table: z.string() });
const CustomerArgs = z.object({ id: z.number().int().positive() });
const SearchArgs = z.object({ table: z.string(), where: z.string(), limit: z.number().int().optional() });
const PurgeArgs = z.object({ table: z.string(), before: z.string().date() });
const ExportArgs = z.object({ table: z.string(), outFile: z.string().optional() });

function json(value: unknown): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(value, null, 2) }] };
}

export class ToolRouter {
  constructor(
    private readonly server: Server,
    private readonly queries: QueryService,
    private readonly exporter: ExportService,
  ) {}

  register(): void {
    this.server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: TOOL_DEFINITIONS }));
    this.server.setRequestHandler(CallToolRequestSchema, async (request) => {
      try {
        return await this.dispatch(request.params.name, request.params.arguments ?? {});
      } catch (err) {
        return { isError: true, content: [{ type: "text", text: (err as Error).message }] };
      }
    });
  }

  private async dispatch(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    switch (name) {
      case "list_tables":
        return json(this.queries.listTables());
      case "table_stats": {
        const { table } = TableArgs.parse(args);
        return json(this.queries.tableStats(table));
      }
      case "get_customer": {
        const { id } = CustomerArgs.parse(args);
        return json(this.queries.getCustomer(id) ?? null);
      }
      case "search_rows": {
        const { table, where, limit } = SearchArgs.parse(args);
        return json(this.queries.searchRows(table, where, limit));
      }
      case "purge_rows": {
        const { table, before } = PurgeArgs.parse(args);
        return json({ deleted: this.queries.purgeOlderThan(table, before) });
      }
      case "export_csv": {
        const { table, outFile } = ExportArgs.parse(args);
        return json(this.exporter.exportTable(table, outFile));
      }
      default:
        throw new Error(`Unknown tool: ${name}`);
    }
  }
}
