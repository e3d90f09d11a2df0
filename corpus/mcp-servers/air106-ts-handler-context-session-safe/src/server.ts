// case: AIR106 (safe) — a hosted fastmcp server: each session authenticates with its own API
// base URL, and the tool calls that base. The second parameter of `execute` is fastmcp's
// request context (`{ session, log }`), filled by the server from the authenticated session,
// not by the model; the model only chooses the report id, encoded into the path.
import { FastMCP } from "fastmcp";
import { z } from "zod";

interface Session {
  apiBase: string;
  token: string;
  [key: string]: unknown;
}

const server = new FastMCP<Session>({
  name: "reports",
  version: "2.1.0",
  authenticate: async (request) => ({
    apiBase: String(request.headers["x-tenant-base"] ?? "https://api.example.com"),
    token: String(request.headers.authorization ?? ""),
  }),
});

server.addTool({
  name: "getReport",
  description: "Fetch one report by id.",
  parameters: z.object({ reportId: z.string() }),
  execute: async (args, { session, log }) => {
    log.info("fetching report");
    const res = await fetch(`${session.apiBase}/reports/${encodeURIComponent(args.reportId)}`, {
      headers: { authorization: session.token },
    });
    return await res.text();
  },
});

server.start({ transportType: "httpStream", httpStream: { port: 8080 } });
