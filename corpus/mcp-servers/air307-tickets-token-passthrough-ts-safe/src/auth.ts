// The token verifier the bearer middleware uses (introspection at the authorization server).
export const verifier = {
  async verifyAccessToken(token: string) {
    return { token, clientId: "desk", scopes: ["tickets:read"] };
  },
};
