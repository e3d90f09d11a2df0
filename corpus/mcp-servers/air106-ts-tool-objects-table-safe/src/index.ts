// case: the same warehouse server; the tools bind the table name as a query parameter or check it
// against a fixed set of tables before it is interpolated. Each tool is an object kept in a tools
// module, indexed by name with `reduce` and called from the `CallToolRequestSchema` handler.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { countRowsTool, describeTableTool } from "./tools/tables.js";

interface ToolObject {
  name: string;
  description: string;
  inputSchema: object;
  execute: (args: any) => Promise<unknown>;
}

class WarehouseServer {
  private server: Server;
  private tools: ToolObject[];
  private byName: Record<string, ToolObject>;

  constructor(tools: ToolObject[] = []) {
    this.tools = [...tools];
    this.byName = this.tools.reduce((acc, tool) => {
      acc[tool.name] = tool;
      return acc;
    }, {} as Record<string, ToolObject>);
    this.server = new Server({ name: "warehouse", version: "0.4.0" }, { capabilities: { tools: {} } });
    this.registerHandlers();
  }

  private registerHandlers() {
    this.server.setRequestHandler(ListToolsRequestSchema, async () => ({
      tools: this.tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })),
    }));
    this.server.setRequestHandler(CallToolRequestSchema, async (request) => {
      const tool = this.byName[request.params.name];
      if (!tool) {
        throw new Error(`unknown tool ${request.params.name}`);
      }
      const result = await tool.execute(request.params.arguments ?? {});
      return { content: [{ type: "text", text: JSON.stringify(result) }] };
    });
  }

  async start() {
    await this.server.connect(new StdioServerTransport());
  }
}

const server = new WarehouseServer([describeTableTool, countRowsTool]);
server.start().catch((err) => {
  console.error(err);
  process.exit(1);
});
