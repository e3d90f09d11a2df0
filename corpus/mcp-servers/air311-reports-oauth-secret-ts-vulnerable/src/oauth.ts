// case: a reporting MCP client in TypeScript that signs in to the reporting server with the
// OAuth authorization-code grant (simple-oauth2); the client secret is in the source.
import { AuthorizationCode } from "simple-oauth2";

export const oauth = new AuthorizationCode({
  client: {
    id: "reports-mcp-client",
    secret: "Qm4xT8zR2vN7kLpW9sYb", // expect: AIR311
  },
  auth: {
    tokenHost: "https://idp.example.com",
    authorizePath: "/oauth2/authorize",
    tokenPath: "/oauth2/token",
  },
});
