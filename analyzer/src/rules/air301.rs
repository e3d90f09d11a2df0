//! AIR301 mcp-hardcoded-secret: a credential written literally into an MCP client
//! configuration (a server's env, headers, arguments or URL, or a settings file's env).
//!
//! The secret itself is never in the finding: the message names its kind and where it is, and
//! the pipeline has already masked it in the text code frames are cut from (`mcp::redact`).

use super::context::Ctx;
use super::RuleMeta;
use crate::facts::Site;
use crate::model::{Confidence, Finding, Severity};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR301",
    name: "mcp-hardcoded-secret",
    summary: "a secret literal sits in an MCP client config",
    default_severity: Severity::High,
    implemented: true,
    docs: doc!("AIR301"),
};

/// What AIR301 reports: a hard-coded secret of `kind` in `place` (`env KEY`, `an argument`,
/// ...) of `owner` (an MCP server, or the client's settings). The secret itself is never here.
pub struct McpHardcodedSecret {
    pub kind: String,
    pub place: String,
    pub owner: String,
    /// How to keep it out of the file, for this client and place.
    pub how: &'static str,
    /// The client's spelling of a reference to an environment variable.
    pub reference: String,
}

impl super::Violation for McpHardcodedSecret {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        format!(
            "hard-coded {} in {} of {}",
            self.kind, self.place, self.owner
        )
    }

    fn help(&self) -> String {
        format!(
            "{}: {}; rotate it, since the file's history keeps it",
            self.how, self.reference
        )
    }
}

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for s in &cx.mcp.secrets {
        let known_shape = !matches!(s.kind.as_str(), "secret" | "URL password")
            && !s.kind.ends_with("query parameter");
        let severity = if s.local {
            Severity::Medium
        } else {
            META.default_severity
        };
        let confidence = if known_shape {
            Confidence::High
        } else {
            Confidence::Medium
        };
        let owner = match &s.server {
            Some(name) => format!("MCP server `{name}`"),
            None => format!("the {} settings", s.client.name()),
        };
        let kind = if s.kind == "secret" {
            "secret"
        } else {
            s.kind.as_str()
        };
        // The variable to suggest: the env entry's own name, else one named after the server.
        let var = match s.key.as_deref() {
            Some(k)
                if s.place.starts_with("env ")
                    && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                k.to_string()
            }
            _ => {
                let server: String = s
                    .server
                    .as_deref()
                    .unwrap_or("mcp")
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() {
                            c.to_ascii_uppercase()
                        } else {
                            '_'
                        }
                    })
                    .collect();
                format!("{server}_TOKEN")
            }
        };
        let how = if s.client == crate::mcp::Client::ClaudeDesktop {
            "keep the value out of the file"
        } else if s.place == "an argument" {
            "pass it through the server's `env` instead of the command line, and reference it"
        } else {
            "keep the value out of the file and reference it instead"
        };
        let violation = McpHardcodedSecret {
            kind: kind.to_string(),
            place: s.place.clone(),
            owner,
            how,
            reference: s.client.reference_hint(&var),
        };
        let key = format!(
            "{}|{}|{}",
            s.server.as_deref().unwrap_or(""),
            s.place,
            s.kind
        );
        out.push(cx.report(
            &violation,
            severity,
            confidence,
            Site {
                file: s.file,
                span: s.at,
            },
            vec![],
            &[&key],
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const CONFIG: &str = r#"{
  "mcpServers": {
    "warehouse": {
      "url": "https://mcp.warehouse.example.com/mcp",
      "headers": { "X-Api-Key": "whk_3b8e1f6a9c2d5e7f0a4b8c1d6e9f2a5b" }
    }
  }
}
"#;

    #[test]
    fn a_literal_api_key_in_a_header_fires_without_showing_it() {
        assert_eq!(
            lines(
                "AIR301",
                &[(".cursor/mcp.json", CONFIG)],
                ".cursor/mcp.json"
            ),
            [5]
        );
        let f = findings("AIR301", &[(".cursor/mcp.json", CONFIG)]);
        assert!(!f[0].2.contains("whk_3b8e"), "{f:?}");
    }

    #[test]
    fn a_reference_to_an_environment_variable_is_not_a_secret() {
        let fixed = CONFIG.replace(
            "whk_3b8e1f6a9c2d5e7f0a4b8c1d6e9f2a5b",
            "${env:WAREHOUSE_KEY}",
        );
        assert!(findings("AIR301", &[(".cursor/mcp.json", &fixed)]).is_empty());
    }
}
