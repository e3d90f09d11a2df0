// The token verifier the bearer middleware uses.
export const verifier = {
  async verifyAccessToken(token: string) {
    return { token, clientId: "warehouse", scopes: ["inventory:read"] };
  },
};
