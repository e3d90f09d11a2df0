// case: a stdio-to-remote MCP bridge implements the SDK's OAuth client provider (the compiled
// class keeps no `implements`, only its methods). When the remote server asks for sign-in, the
// SDK calls `redirectToAuthorization` with a URL built on the authorization endpoint the remote
// server's metadata names; the bridge opens it with the desktop's opener, so a hostile server
// picks what is launched (`file:` paths, protocol handlers, shell characters on Windows).
import open from "open";

export class DesktopOAuthProvider {
  constructor(store, callbackPort) {
    this.store = store;
    this.callbackPort = callbackPort;
  }

  get redirectUrl() {
    return `http://127.0.0.1:${this.callbackPort}/oauth/callback`;
  }

  async tokens() {
    return this.store.read("tokens");
  }

  async saveTokens(tokens) {
    await this.store.write("tokens", tokens);
  }

  async saveCodeVerifier(verifier) {
    await this.store.write("verifier", verifier);
  }

  async codeVerifier() {
    return this.store.read("verifier");
  }

  async redirectToAuthorization(authorizationUrl) {
    const target = authorizationUrl.toString();
    process.stderr.write(`Sign in at: ${target}\n`);
    try {
      await open(target); // expect: AIR106
    } catch {
      process.stderr.write("Open the address above in a browser.\n");
    }
  }
}
