// case: a billing MCP server in TypeScript that proxies OAuth to the company's identity provider
// (the SDK's ProxyOAuthServerProvider and auth router) and checks tokens against its key set ; the key
// set and the authorization endpoint are plain HTTP on hosts that are not loopback.
import express from "express";
import { createRemoteJWKSet } from "jose";
import { ProxyOAuthServerProvider } from "@modelcontextprotocol/sdk/server/auth/providers/proxyProvider.js";
import { mcpAuthRouter } from "@modelcontextprotocol/sdk/server/auth/router.js";

export const JWKS = createRemoteJWKSet(new URL("http://idp.example.com/oauth2/keys")); // expect: AIR310

const provider = new ProxyOAuthServerProvider({
  endpoints: {
    authorizationUrl: "http://idp.example.com/oauth2/authorize", // expect: AIR310
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
