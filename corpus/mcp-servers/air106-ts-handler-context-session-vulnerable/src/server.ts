// case: AIR106 (vulnerable) — the same hosted fastmcp server, but the tool lets the model name
// the host: `args.baseUrl` picks where the request, with the session's token, goes. The second
// parameter (`{ session, log }`) is still the server's request context; the first is the
// model's.
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
  parameters: z.object({ baseUrl: z.string(), reportId: z.string() }),
  execute: async (args, { session, log }) => {
    log.info("fetching report");
    const res = await fetch(`${args.baseUrl}/reports/${encodeURIComponent(args.reportId)}`, { // expect: AIR106
      headers: { authorization: session.token },
    });
    return await res.text();
  },
});

server.start({ transportType: "httpStream", httpStream: { port: 8080 } });
