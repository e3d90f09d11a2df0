// case: a reporting MCP client in TypeScript that signs in to the reporting server with the
// OAuth authorization-code grant (simple-oauth2), reading the client secret from the environment.
import { AuthorizationCode } from "simple-oauth2";

export const oauth = new AuthorizationCode({
  client: {
    id: "reports-mcp-client",
    secret: process.env.REPORTS_CLIENT_SECRET ?? "",
  },
  auth: {
    tokenHost: "https://idp.example.com",
    authorizePath: "/oauth2/authorize",
    tokenPath: "/oauth2/token",
  },
});
