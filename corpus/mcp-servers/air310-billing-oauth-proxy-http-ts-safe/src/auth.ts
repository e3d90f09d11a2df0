// case: a billing MCP server in TypeScript that proxies OAuth to the company's identity provider
// (the SDK's ProxyOAuthServerProvider and auth router) and checks tokens against its key set , all
// over HTTPS (the client's redirect URI on localhost is allowed).
import express from "express";
import { createRemoteJWKSet } from "jose";
import { ProxyOAuthServerProvider } from "@modelcontextprotocol/sdk/server/auth/providers/proxyProvider.js";
import { mcpAuthRouter } from "@modelcontextprotocol/sdk/server/auth/router.js";

export const JWKS = createRemoteJWKSet(new URL("https://idp.example.com/oauth2/keys"));

const provider = new ProxyOAuthServerProvider({
  endpoints: {
    authorizationUrl: "https://idp.example.com/oauth2/authorize",
    tokenUrl: "https://idp.example.com/oauth2/token",
    revocationUrl: "https://idp.example.com/oauth2/revoke",
  },
  verifyAccessToken: async (token) => ({ token, clientId: "billing", scopes: ["billing:read"] }),
  getClient: async (clientId) => ({ client_id: clientId, redirect_uris: ["http://localhost:6274/callback"] }),
});

const app = express();
app.use(
  mcpAuthRouter({
    provider,
    issuerUrl: new URL("https://billing.example.com"),
    baseUrl: new URL("https://billing.example.com"),
  }),
);

app.listen(3000, "127.0.0.1");
