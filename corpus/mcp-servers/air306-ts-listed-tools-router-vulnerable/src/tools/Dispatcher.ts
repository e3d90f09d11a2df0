import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import type { OrderService } from "../services/OrderService.js";
import { TOOLS } from "./catalog.js";

export class Dispatcher {
  constructor(
    private readonly server: Server,
    private readonly orders: OrderService,
  ) {}

  attach(): void {
    this.server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: TOOLS }));
    this.server.setRequestHandler(CallToolRequestSchema, async (request) =>
      this.route(request.params.name, request.params.arguments ?? {}),
    );
  }

  private async route(name: string, args: Record<string, unknown>) {
    switch (name) {
      case "count_orders": {
        const n = this.orders.countSince(String(args.since));
        return { content: [{ type: "text", text: `${n} orders` }] };
      }
      case "archive_orders": {
        const n = this.orders.archiveBefore(String(args.before));
        return { content: [{ type: "text", text: `archived ${n} orders` }] };
      }
      default:
        throw new Error(`unknown tool ${name}`);
    }
  }
}
