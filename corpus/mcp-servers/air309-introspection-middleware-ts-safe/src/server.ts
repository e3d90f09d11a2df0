// case: a payroll MCP server in TypeScript whose own Express middleware checks bearer tokens by
// introspection at the authorization server and
// requires the token's audience to be this server.
import express from "express";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

const INTROSPECTION_URL = "https://auth.example.com/oauth2/introspect";
const RESOURCE = "https://payroll.example.com/mcp";

async function tokenIsValid(token: string): Promise<boolean> {
  const r = await fetch(INTROSPECTION_URL, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token }),
  });
  const info = await r.json();
  return info.active === true && [info.aud].flat().includes(RESOURCE);
}

const app = express();
app.use(express.json());

app.post("/mcp", async (req, res) => {
  const header = req.headers.authorization ?? "";
  if (!(await tokenIsValid(header.replace("Bearer ", "")))) {
    res.status(401).set("WWW-Authenticate", `Bearer resource_metadata="${RESOURCE}"`).end();
    return;
  }
  const server = new McpServer({ name: "payroll", version: "1.0.0" });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000, "127.0.0.1");
