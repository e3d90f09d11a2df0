import { FastMCP } from "fastmcp";
import { register as registerPlain } from "./tools/plain.js";
import { register as registerRich } from "./tools/rich.js";

const server = new FastMCP({ name: "notes-docs", version: "1.0.0" });
registerPlain(server);
registerRich(server);
server.start({ transportType: "stdio" });
