// case: a documents MCP server in TypeScript that verifies the bearer JWT itself with jose and
// checks the issuer but not the audience.
import express from "express";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

const ISSUER = "https://auth.example.com";
const RESOURCE = "https://docs.example.com/mcp";
const JWKS = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`));

async function verify(token: string) {
  const { payload } = await jwtVerify(token, JWKS, { issuer: ISSUER }); // expect: AIR309
  return payload;
}

const app = express();
app.use(express.json());

app.post("/mcp", async (req, res) => {
  const header = req.headers.authorization ?? "";
  try {
    await verify(header.replace("Bearer ", ""));
  } catch {
    res.status(401).set("WWW-Authenticate", `Bearer resource_metadata="${RESOURCE}"`).end();
    return;
  }
  const server = new McpServer({ name: "docs", version: "2.0.1" });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000, "127.0.0.1");
