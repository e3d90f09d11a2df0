//! AIR302 mcp-unpinned-server-package: a configured MCP server is fetched from a registry at
//! each start without an exact version (`npx -y pkg`, `uvx pkg`, `pipx run pkg`, `docker run
//! image:latest`), or its command downloads a script and pipes it to a shell.

use super::context::Ctx;
use crate::facts::Site;
use crate::mcp::launch::Pin;
use crate::model::{Confidence, Finding, Severity};

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let rule = super::lookup("AIR302").expect("AIR302 is in the catalog");
    for s in cx.mcp.servers.iter().filter(|s| !s.disabled) {
        if let Some(span) = s.launch.pipe_to_shell {
            out.push(cx.finding(
                rule,
                Severity::High,
                Confidence::High,
                Site { file: s.file, span },
                format!(
                    "MCP server `{}` downloads a script and runs it with a shell at every start",
                    s.name
                ),
                "install the server once from a pinned release and start the installed program; never pipe a download into a shell".into(),
                vec![],
                &[&s.name, "pipe"],
            ));
        }
        let Some(p) = &s.launch.package else {
            continue;
        };
        let launcher = s.launch.launcher.as_deref().unwrap_or("the launcher");
        let container = p.registry == "container";
        let what = if container { "image" } else { "package" };
        let git = p.registry == "git";
        let message = match &p.pin {
            Pin::None | Pin::Floating(_) if git => format!(
                "MCP server `{}` runs `{}` from a git branch, not a commit: `{launcher}` fetches whatever the branch holds at each start",
                s.name,
                crate::mcp::secrets::display_url(&p.name)
            ),
            Pin::None if container => format!(
                "MCP server `{}` runs image `{}` with no tag or digest: `{launcher}` starts whatever `latest` points to",
                s.name, p.name
            ),
            Pin::None => format!(
                "MCP server `{}` runs {} package `{}` with no version: `{launcher}` fetches whatever is newest at each start",
                s.name,
                registry_name(&p.registry),
                p.name
            ),
            Pin::Floating(v) if container => format!(
                "MCP server `{}` runs image `{}:{v}`, a tag that moves: `{launcher}` starts whatever it points to",
                s.name, p.name
            ),
            Pin::Floating(v) => format!(
                "MCP server `{}` runs {what} `{}` at the moving version `{v}`: `{launcher}` fetches whatever it points to at each start",
                s.name, p.name
            ),
            Pin::Exact | Pin::Digest | Pin::Tag | Pin::Unknown => continue,
        };
        let help = match p.registry.as_str() {
            "git" => "pin a full commit hash (`…@<40-character commit>`), or a released version from the registry".to_string(),
            "container" => format!(
                "pin the image by digest, `{}@sha256:<digest>`, with the digest of the image you reviewed",
                p.name
            ),
            "pypi" => format!(
                "pin an exact version, `{}==<version>` (with `uvx`, `--from {}==<version>` or `{}@<version>`)",
                p.name, p.name, p.name
            ),
            _ => format!(
                "pin an exact version, `{}@<version>`; published npm versions never change",
                p.name
            ),
        };
        out.push(cx.finding(
            rule,
            rule.default_severity,
            Confidence::High,
            Site {
                file: s.file,
                span: p.span,
            },
            message,
            help,
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
