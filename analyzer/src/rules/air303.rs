//! AIR303 mcp-insecure-transport: a remote MCP server reached over plain `http://` to a host
//! other than the local machine, a token carried in the URL's query string, or (low severity,
//! low confidence) a remote server with no authentication configured in the file.

use super::context::Ctx;
use crate::facts::Site;
use crate::mcp::secrets::{host_only, is_loopback_host, is_reference, query_names_secret};
use crate::model::{Confidence, Finding, Severity};

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let rule = super::lookup("AIR303").expect("AIR303 is in the catalog");
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
            let (severity, creds) = if s.auth {
                (Severity::High, ", credentials included")
            } else {
                (rule.default_severity, "")
            };
            // A single-label host (`jenkins`) is often a container on the same machine.
            let confidence = if host.contains('.') || host.contains(':') {
                Confidence::High
            } else {
                Confidence::Medium
            };
            out.push(cx.finding(
                rule,
                severity,
                confidence,
                site,
                format!(
                    "MCP server `{}` is reached over plain {scheme} at `{host}`: anyone on the network path can read and change its tool calls{creds}",
                    s.name
                ),
                format!("use `{}s://` (TLS); keep plain http for servers on `localhost` only", scheme),
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
                out.push(cx.finding(
                    rule,
                    rule.default_severity,
                    Confidence::High,
                    site,
                    format!(
                        "MCP server `{}` gets its token in the URL query (`{param}=`), which servers, proxies and logs record",
                        s.name
                    ),
                    "send the token in an `Authorization` header (from an environment variable or the client's secret input), or let the client sign in with OAuth".into(),
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
            out.push(cx.finding(
                rule,
                Severity::Low,
                Confidence::Low,
                site,
                format!(
                    "remote MCP server `{}` at `{host}` has no authentication configured, and {} does not sign in with OAuth on its own: either the server takes calls from anyone who can reach it, or this entry cannot connect",
                    s.name,
                    s.client.name()
                ),
                "send a credential header whose value comes from the environment, or configure the client's `oauth`/`auth` settings".into(),
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
