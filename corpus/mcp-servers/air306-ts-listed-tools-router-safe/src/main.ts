import Database from "better-sqlite3";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { OrderService } from "./services/OrderService.js";
import { Dispatcher } from "./tools/Dispatcher.js";

const db = new Database(process.env.ORDERS_DB ?? "orders.db");
const server = new Server({ name: "orders-admin", version: "0.3.0" }, { capabilities: { tools: {} } });
new Dispatcher(server, new OrderService(db)).attach();
await server.connect(new StdioServerTransport());
