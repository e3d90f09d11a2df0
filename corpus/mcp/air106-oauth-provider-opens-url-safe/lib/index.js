// case: the same OAuth client provider; before opening the authorization URL it parses it and
// refuses any scheme but `https:` and `http:`, and opens the parsed URL's own text, so the remote
// server can only send the user's browser to a web page.
import open from "open";

function webAddress(raw) {
  const refuse = () => {
    throw new Error(`refusing to open ${raw}`);
  };
  let url;
  try {
    url = new URL(raw);
  } catch (_) {
    refuse();
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") refuse();
  url.hash = url.hash.slice(0, 1) + encodeURIComponent(url.hash.slice(1));
  return url.href;
}

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
    const target = webAddress(authorizationUrl.toString());
    process.stderr.write(`Sign in at: ${target}\n`);
    try {
      await open(target);
    } catch {
      process.stderr.write("Open the address above in a browser.\n");
    }
  }
}
