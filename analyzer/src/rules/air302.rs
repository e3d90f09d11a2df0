//! AIR302 mcp-unpinned-server-package: a configured MCP server is fetched from a registry at
//! each start without an exact version (`npx -y pkg`, `uvx pkg`, `pipx run pkg`, `docker run
//! image:latest`), or its command downloads a script and pipes it to a shell.

use super::context::Ctx;
use super::RuleMeta;
use crate::facts::Site;
use crate::mcp::launch::Pin;
use crate::model::{Confidence, Finding, Severity};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR302",
    name: "mcp-unpinned-server-package",
    summary: "an MCP server is launched from a registry package without a pinned version",
    default_severity: Severity::Medium,
    implemented: true,
    docs: doc!("AIR302"),
};

/// What AIR302 reports about MCP server `server`.
pub enum McpUnpinnedServerPackage {
    /// Its launch command pipes a download into a shell.
    PipeToShell { server: String },
    /// It runs a package, image or git source (`package`, from `registry`) through `launcher`
    /// without a fixed version.
    Unpinned {
        server: String,
        launcher: String,
        registry: String,
        package: String,
        /// `None`: no version at all; otherwise the moving version or tag.
        floating: Option<String>,
    },
}

impl super::Violation for McpUnpinnedServerPackage {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        match self {
            Self::PipeToShell { server } => format!(
                "MCP server `{server}` downloads a script and runs it with a shell at every start"
            ),
            Self::Unpinned {
                server,
                launcher,
                registry,
                package,
                floating,
            } => match (registry.as_str(), floating) {
                ("git", _) => format!(
                    "MCP server `{server}` runs `{}` from a git branch, not a commit: `{launcher}` fetches whatever the branch holds at each start",
                    crate::mcp::secrets::display_url(package)
                ),
                ("container", None) => format!(
                    "MCP server `{server}` runs image `{package}` with no tag or digest: `{launcher}` starts whatever `latest` points to"
                ),
                (_, None) => format!(
                    "MCP server `{server}` runs {} package `{package}` with no version: `{launcher}` fetches whatever is newest at each start",
                    registry_name(registry),
                ),
                ("container", Some(v)) => format!(
                    "MCP server `{server}` runs image `{package}:{v}`, a tag that moves: `{launcher}` starts whatever it points to"
                ),
                (_, Some(v)) => format!(
                    "MCP server `{server}` runs package `{package}` at the moving version `{v}`: `{launcher}` fetches whatever it points to at each start"
                ),
            },
        }
    }

    fn help(&self) -> String {
        match self {
            Self::PipeToShell { .. } => "install the server once from a pinned release and start the installed program; never pipe a download into a shell".into(),
            Self::Unpinned { registry, package, .. } => match registry.as_str() {
                "git" => "pin a full commit hash (`…@<40-character commit>`), or a released version from the registry".to_string(),
                "container" => format!(
                    "pin the image by digest, `{package}@sha256:<digest>`, with the digest of the image you reviewed"
                ),
                "pypi" => format!(
                    "pin an exact version, `{package}==<version>` (with `uvx`, `--from {package}==<version>` or `{package}@<version>`)"
                ),
                _ => format!(
                    "pin an exact version, `{package}@<version>`; published npm versions never change"
                ),
            },
        }
    }
}

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for s in cx.mcp.servers.iter().filter(|s| !s.disabled) {
        if let Some(span) = s.launch.pipe_to_shell {
            let violation = McpUnpinnedServerPackage::PipeToShell {
                server: s.name.clone(),
            };
            out.push(cx.report(
                &violation,
                Severity::High,
                Confidence::High,
                Site { file: s.file, span },
                vec![],
                &[&s.name, "pipe"],
            ));
        }
        let Some(p) = &s.launch.package else {
            continue;
        };
        let launcher = s.launch.launcher.as_deref().unwrap_or("the launcher");
        let floating = match &p.pin {
            Pin::None => None,
            Pin::Floating(v) => Some(v.clone()),
            Pin::Exact | Pin::Digest | Pin::Tag | Pin::Unknown => continue,
        };
        let violation = McpUnpinnedServerPackage::Unpinned {
            server: s.name.clone(),
            launcher: launcher.to_string(),
            registry: p.registry.clone(),
            package: p.name.clone(),
            floating,
        };
        out.push(cx.report(
            &violation,
            META.default_severity,
            Confidence::High,
            Site {
                file: s.file,
                span: p.span,
            },
            vec![],
            &[&s.name, &crate::mcp::secrets::display_url(&p.name)],
        ));
    }
}

fn registry_name(registry: &str) -> &'static str {
    match registry {
        "pypi" => "PyPI",
        "container" => "container",
        _ => "npm",
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const CONFIG: &str = r#"{
  "mcpServers": {
    "figma": {
      "command": "npx",
      "args": ["-y", "figma-developer-mcp", "--stdio"]
    }
  }
}
"#;

    #[test]
    fn npx_without_a_version_fires_on_the_package_argument() {
        assert_eq!(
            lines(
                "AIR302",
                &[(".cursor/mcp.json", CONFIG)],
                ".cursor/mcp.json"
            ),
            [5]
        );
    }

    #[test]
    fn an_exact_version_pins_it() {
        let fixed = CONFIG.replace("\"figma-developer-mcp\"", "\"figma-developer-mcp@0.6.4\"");
        assert!(lines(
            "AIR302",
            &[(".cursor/mcp.json", &fixed)],
            ".cursor/mcp.json"
        )
        .is_empty());
    }
}
