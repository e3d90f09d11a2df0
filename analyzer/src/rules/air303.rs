//! AIR303 mcp-insecure-transport: a remote MCP server reached over plain `http://` to a host
//! other than the local machine, a token carried in the URL's query string, or (low severity,
//! low confidence) a remote server with no authentication configured in the file.

use super::context::Ctx;
use super::RuleMeta;
use crate::facts::Site;
use crate::mcp::secrets::{host_only, is_loopback_host, is_reference, query_names_secret};
use crate::model::{Confidence, Finding, Severity};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR303",
    name: "mcp-insecure-transport",
    summary: "a remote MCP server is reached over plain http or without authentication",
    default_severity: Severity::Medium,
    implemented: true,
    docs: doc!("AIR303"),
};

/// What AIR303 reports about remote MCP server `server` at `host`.
pub enum McpInsecureTransport {
    /// Reached over plain `scheme` (http, ws), with credentials when `credentials`.
    Cleartext {
        server: String,
        host: String,
        scheme: String,
        credentials: bool,
    },
    /// Its token travels in URL query parameter `param`.
    QueryToken { server: String, param: String },
    /// No authentication configured, and `client` does not sign in with OAuth by itself.
    NoAuth {
        server: String,
        host: String,
        client: String,
    },
}

impl super::Violation for McpInsecureTransport {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        match self {
            Self::Cleartext {
                server,
                host,
                scheme,
                credentials,
            } => format!(
                "MCP server `{server}` is reached over plain {scheme} at `{host}`: anyone on the network path can read and change its tool calls{}",
                if *credentials { ", credentials included" } else { "" }
            ),
            Self::QueryToken { server, param } => format!(
                "MCP server `{server}` gets its token in the URL query (`{param}=`), which servers, proxies and logs record"
            ),
            Self::NoAuth {
                server,
                host,
                client,
            } => format!(
                "remote MCP server `{server}` at `{host}` has no authentication configured, and {client} does not sign in with OAuth on its own: either the server takes calls from anyone who can reach it, or this entry cannot connect"
            ),
        }
    }

    fn help(&self) -> String {
        match self {
            Self::Cleartext { scheme, .. } => format!(
                "use `{scheme}s://` (TLS); keep plain http for servers on `localhost` only"
            ),
            Self::QueryToken { .. } => "send the token in an `Authorization` header (from an environment variable or the client's secret input), or let the client sign in with OAuth".into(),
            Self::NoAuth { .. } => "send a credential header whose value comes from the environment, or configure the client's `oauth`/`auth` settings".into(),
        }
    }
}

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for s in cx.mcp.servers.iter().filter(|s| !s.disabled) {
        let Some((url, span)) = &s.url else {
            continue;
        };
        let Some((scheme, rest)) = url.trim().split_once("://") else {
            continue;
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host_only(authority.rsplit('@').next().unwrap_or(authority));
        if host.is_empty() || is_reference(host) || host.contains('$') {
            continue;
        }
        let site = Site {
            file: s.file,
            span: *span,
        };
        let local = is_loopback_host(host);
        let scheme = scheme.to_ascii_lowercase();
        if (scheme == "http" || scheme == "ws") && !local {
            let severity = if s.auth {
                Severity::High
            } else {
                META.default_severity
            };
            // A single-label host (`jenkins`) is often a container on the same machine.
            let confidence = if host.contains('.') || host.contains(':') {
                Confidence::High
            } else {
                Confidence::Medium
            };
            let violation = McpInsecureTransport::Cleartext {
                server: s.name.clone(),
                host: host.to_string(),
                scheme: scheme.clone(),
                credentials: s.auth,
            };
            out.push(cx.report(
                &violation,
                severity,
                confidence,
                site,
                vec![],
                &[&s.name, "cleartext"],
            ));
        }
        let query = rest.split_once('?').map_or("", |(_, q)| q);
        let query = query.split('#').next().unwrap_or(query);
        let token_param = query.split('&').find_map(|p| {
            let (n, v) = p.split_once('=')?;
            (!v.is_empty() && query_names_secret(&cx.k.mcp, n)).then_some(n)
        });
        if let Some(param) = token_param {
            if !local {
                let violation = McpInsecureTransport::QueryToken {
                    server: s.name.clone(),
                    param: param.to_string(),
                };
                out.push(cx.report(
                    &violation,
                    META.default_severity,
                    Confidence::High,
                    site,
                    vec![],
                    &[&s.name, "query-token"],
                ));
            }
            continue;
        }
        // A server known only to read public content (documentation, search) needs no sign-in.
        let public_reader = s.caps.entry.is_some()
            && !s
                .caps
                .sinks
                .iter()
                .any(|k| cx.k.sink_kind(k).is_some_and(|d| d.privileged || d.exfil));
        // Most clients sign in with OAuth when the server demands it: there, a file without
        // credentials is normal and says nothing about the server.
        let excused = s.auth
            || s.oauth_capable
            || local
            || public_reader
            || scheme == "http"
            || scheme == "ws";
        if !excused {
            let violation = McpInsecureTransport::NoAuth {
                server: s.name.clone(),
                host: host.to_string(),
                client: s.client.name().to_string(),
            };
            out.push(cx.report(
                &violation,
                Severity::Low,
                Confidence::Low,
                site,
                vec![],
                &[&s.name, "no-auth"],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const CONFIG: &str = r#"{
  "mcpServers": {
    "build-farm": {
      "url": "http://build-farm.corp.example.com/sse",
      "headers": { "Authorization": "Bearer ${env:FARM_TOKEN}" }
    }
  }
}
"#;

    #[test]
    fn a_remote_server_over_plain_http_fires_on_the_url() {
        assert_eq!(
            lines(
                "AIR303",
                &[(".cursor/mcp.json", CONFIG)],
                ".cursor/mcp.json"
            ),
            [4]
        );
    }

    #[test]
    fn https_with_authentication_is_fine() {
        let fixed = CONFIG.replace("http://build-farm", "https://build-farm");
        assert!(lines(
            "AIR303",
            &[(".cursor/mcp.json", &fixed)],
            ".cursor/mcp.json"
        )
        .is_empty());
    }
}
