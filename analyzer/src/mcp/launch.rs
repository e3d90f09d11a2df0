//! How a stdio server is started: the launcher (`npx`, `uvx`, `pipx run`, `docker run` ...),
//! the package or image it fetches and whether that is pinned to one version, local programs
//! that fetch nothing, download-and-run bootstraps (`curl … | sh`), and stdio bridges to a
//! remote server (`mcp-remote https://…`). Launchers and their flags are data (`mcp.toml`).

use super::knowledge::{Launcher, McpKnowledge};
use super::Str;
use crate::model::Span;

/// How far a fetched package is fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pin {
    /// An exact version (`1.2.3`, `==1.2.3`) or a git commit.
    Exact,
    /// A container image by digest (`@sha256:…`).
    Digest,
    /// A container image by a version tag (`:1.2.3`): accepted, though tags can move.
    Tag,
    /// No version at all.
    None,
    /// A moving tag or a range: `latest`, `next`, `^1.2`, `>=1`, `:main`.
    Floating(String),
    /// Written with a variable (`${VERSION}`): cannot tell.
    Unknown,
}

/// A package fetched from a registry by a launcher.
#[derive(Debug, Clone)]
pub struct Package {
    /// Name without version (`@scope/name`, `name`, `ghcr.io/org/image`).
    pub name: String,
    /// The version, tag or range as written, if any.
    pub version: Option<String>,
    pub pin: Pin,
    /// The argument that names it.
    pub span: Span,
    /// `npm`, `pypi`, `container`, or `git` for a git URL.
    pub registry: String,
}

/// What a server's command line does.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// The launcher as configured (`npx`, `uvx`, `pipx run`, `docker run`), if any.
    pub launcher: Option<String>,
    pub package: Option<Package>,
    /// A local program or script: nothing is fetched.
    pub local: bool,
    /// A shell command that downloads and runs a script: its span.
    pub pipe_to_shell: Option<Span>,
    /// The remote URL a stdio bridge (`mcp-remote`) connects to.
    pub bridge_url: Option<Str>,
    /// A bridge passes a header (`--header Authorization:…`): authentication is configured.
    pub bridge_header: bool,
    /// Container launches: `--privileged` or a mount of `/`.
    pub container_broad: Option<Span>,
}

/// One word of the command line, with the span of the string it came from.
#[derive(Debug, Clone)]
struct Tok {
    text: String,
    span: Span,
}

/// Reads a command and its arguments.
pub fn parse(k: &McpKnowledge, command: Option<&Str>, args: &[Str]) -> Launch {
    let mut toks: Vec<Tok> = vec![];
    if let Some((cmd, span)) = command {
        if args.is_empty() && cmd.trim().contains(char::is_whitespace) {
            toks.extend(split(cmd, *span));
        } else {
            toks.push(Tok {
                text: cmd.clone(),
                span: *span,
            });
        }
    }
    toks.extend(args.iter().map(|(t, s)| Tok {
        text: t.clone(),
        span: *s,
    }));
    let mut out = Launch::default();
    // Unwrap `cmd /c`, `sh -c "…"`, `env K=V` (a few levels at most).
    for _ in 0..4 {
        let Some(first) = toks.first() else {
            return out;
        };
        let base = basename(&first.text);
        match base.as_str() {
            "cmd"
                if toks
                    .get(1)
                    .is_some_and(|t| t.text.eq_ignore_ascii_case("/c")) =>
            {
                toks.drain(..2);
            }
            "sh" | "bash" | "zsh" | "dash" | "pwsh" | "powershell" => {
                let Some(i) = toks.iter().position(|t| {
                    matches!(
                        t.text.as_str(),
                        "-c" | "-lc" | "-ic" | "-Command" | "-command" | "-c-"
                    )
                }) else {
                    out.local = true;
                    return out;
                };
                let Some(script) = toks.get(i + 1).cloned() else {
                    return out;
                };
                if pipes_download_to_shell(&script.text) {
                    out.pipe_to_shell = Some(script.span);
                    return out;
                }
                toks = split(&script.text, script.span);
            }
            "env" => {
                toks.remove(0);
                while toks
                    .first()
                    .is_some_and(|t| t.text.contains('=') || t.text.starts_with('-'))
                {
                    toks.remove(0);
                }
            }
            _ => break,
        }
    }
    let Some(first) = toks.first() else {
        return out;
    };
    let base = basename(&first.text);
    // The longest launcher whose words start the command line.
    let mut best: Option<(&Launcher, usize, String)> = None;
    for l in &k.launchers {
        for c in &l.command {
            let words: Vec<&str> = c.split_whitespace().collect();
            let Some((head, rest)) = words.split_first() else {
                continue;
            };
            if *head != base {
                continue;
            }
            if !rest
                .iter()
                .enumerate()
                .all(|(i, w)| toks.get(i + 1).is_some_and(|t| t.text == *w))
            {
                continue;
            }
            if best.as_ref().is_none_or(|(_, n, _)| words.len() > *n) {
                best = Some((l, words.len(), c.clone()));
            }
        }
    }
    let Some((launcher, used, name)) = best else {
        out.local = is_local_runner(&base) || looks_like_path(&first.text);
        return out;
    };
    out.launcher = Some(name);
    let rest = &toks[used..];
    let mut explicit: Option<(String, Span)> = None;
    let mut first_positional: Option<(String, Span, usize)> = None;
    let mut i = 0;
    while i < rest.len() {
        let t = &rest[i];
        if t.text == "--" {
            if let Some(n) = rest.get(i + 1) {
                first_positional = Some((n.text.clone(), n.span, i + 1));
            }
            break;
        }
        if t.text.starts_with('-') && t.text.len() > 1 {
            if launcher.registry == "container"
                && (t.text == "--privileged"
                    || ((t.text == "-v" || t.text == "--volume")
                        && rest.get(i + 1).is_some_and(|v| v.text.starts_with("/:"))))
            {
                out.container_broad.get_or_insert(t.span);
            }
            let (flag, inline) = match t.text.split_once('=') {
                Some((f, v)) => (f.to_string(), Some(v.to_string())),
                None => (t.text.clone(), None),
            };
            let takes = launcher.flags_with_value.contains(&flag);
            let names_package = launcher.package_flags.contains(&flag);
            match inline {
                Some(v) if names_package && explicit.is_none() => {
                    explicit = Some((v, t.span));
                }
                Some(_) => {}
                None if takes => {
                    if let Some(v) = rest.get(i + 1) {
                        if names_package && explicit.is_none() {
                            explicit = Some((v.text.clone(), v.span));
                        }
                    }
                    i += 1;
                }
                None => {}
            }
            i += 1;
            continue;
        }
        first_positional = Some((t.text.clone(), t.span, i));
        break;
    }
    let spec = explicit
        .clone()
        .or_else(|| first_positional.as_ref().map(|(t, s, _)| (t.clone(), *s)));
    let Some((spec, span)) = spec else {
        return out;
    };
    match read_spec(&launcher.registry, &spec) {
        Spec::Local => out.local = true,
        Spec::Package { name, version, pin } => {
            let registry = if is_git(&name) {
                "git".to_string()
            } else {
                launcher.registry.clone()
            };
            if k.is_bridge(&name) {
                let after = first_positional.map(|(_, _, at)| at + 1).unwrap_or(0);
                let tail = rest.get(after..).unwrap_or(&[]);
                out.bridge_url = tail
                    .iter()
                    .find(|t| t.text.starts_with("http://") || t.text.starts_with("https://"))
                    .map(|t| (t.text.clone(), t.span));
                out.bridge_header = tail
                    .iter()
                    .any(|t| t.text == "--header" || t.text.starts_with("--header="));
            }
            out.package = Some(Package {
                name,
                version,
                pin,
                span,
                registry,
            });
        }
    }
    out
}

/// The program name of a command: `/usr/local/bin/npx`, `C:\…\npx.cmd` → `npx`.
fn basename(cmd: &str) -> String {
    let last = cmd.rsplit(['/', '\\']).next().unwrap_or(cmd);
    let lower = last.to_ascii_lowercase();
    for ext in [".cmd", ".exe", ".bat", ".ps1"] {
        if let Some(s) = lower.strip_suffix(ext) {
            return s.to_string();
        }
    }
    lower
}

/// Splits a command string at whitespace; every word keeps the string's span.
fn split(s: &str, span: Span) -> Vec<Tok> {
    s.split_whitespace()
        .map(|w| Tok {
            text: w.trim_matches(['"', '\'']).to_string(),
            span,
        })
        .collect()
}

/// `curl … | sh`, `wget -O- … | bash`, `iwr … | iex`.
fn pipes_download_to_shell(script: &str) -> bool {
    let s = script.to_ascii_lowercase();
    let fetches = [
        "curl",
        "wget",
        "iwr",
        "invoke-webrequest",
        "irm",
        "invoke-restmethod",
    ]
    .iter()
    .any(|w| s.contains(w));
    let runs = s.split('|').skip(1).any(|part| {
        let p = part.trim_start();
        [
            "sh",
            "bash",
            "zsh",
            "sudo",
            "iex",
            "python",
            "node",
            "invoke-expression",
        ]
        .iter()
        .any(|w| p == *w || p.starts_with(&format!("{w} ")))
    });
    fetches && runs
}

/// Interpreters and runtimes that run a local file (`node server.js`, `python -m pkg`).
fn is_local_runner(base: &str) -> bool {
    matches!(
        base,
        "node"
            | "python"
            | "python3"
            | "py"
            | "bun"
            | "ruby"
            | "java"
            | "go"
            | "dotnet"
            | "php"
            | "perl"
            | "cargo"
            | "uv"
            | "poetry"
            | "npm"
            | "pnpm"
            | "yarn"
            | "tsx"
            | "ts-node"
    )
}

fn looks_like_path(s: &str) -> bool {
    s.starts_with('.')
        || s.starts_with('/')
        || s.starts_with('~')
        || s.starts_with("${")
        || s.get(1..3) == Some(":\\")
        || s.get(1..3) == Some(":/")
}

enum Spec {
    Local,
    Package {
        name: String,
        version: Option<String>,
        pin: Pin,
    },
}

/// Reads `pkg@1.2.3`, `@scope/pkg@^1`, `pkg==1.0`, `image:tag@sha256:…`.
fn read_spec(registry: &str, spec: &str) -> Spec {
    let spec = spec.trim();
    if looks_like_path(spec) && !spec.starts_with("${") {
        return Spec::Local;
    }
    if spec.contains("${") || spec.starts_with('$') {
        return Spec::Package {
            name: spec.to_string(),
            version: None,
            pin: Pin::Unknown,
        };
    }
    match registry {
        "pypi" => read_pypi(spec),
        "container" => read_image(spec),
        _ => read_npm(spec),
    }
}

fn read_npm(spec: &str) -> Spec {
    let spec = spec
        .strip_prefix("npm:")
        .or_else(|| spec.strip_prefix("jsr:"))
        .unwrap_or(spec);
    if spec.ends_with(".js") || spec.ends_with(".ts") || spec.ends_with(".mjs") {
        return Spec::Local;
    }
    if let Some(pin) = git_pin(spec) {
        return Spec::Package {
            name: spec.to_string(),
            version: None,
            pin,
        };
    }
    if spec.starts_with("file:") || spec.ends_with(".tgz") {
        return Spec::Local;
    }
    // The version is after the last `@` that is not the scope's.
    let at = spec
        .char_indices()
        .filter(|(i, c)| *c == '@' && *i > 0)
        .map(|(i, _)| i)
        .next_back();
    let (name, version) = match at {
        Some(i) => (&spec[..i], Some(&spec[i + 1..])),
        None => (spec, None),
    };
    let pin = match version {
        None | Some("") => Pin::None,
        Some(v) if is_exact_semver(v.trim_start_matches(['=', 'v'])) => Pin::Exact,
        Some(v) => Pin::Floating(v.to_string()),
    };
    Spec::Package {
        name: name.to_string(),
        version: version.map(String::from),
        pin,
    }
}

fn read_pypi(spec: &str) -> Spec {
    if spec.ends_with(".whl") || spec.ends_with(".tar.gz") || spec.ends_with(".py") {
        return Spec::Local;
    }
    if let Some(pin) = git_pin(spec) {
        return Spec::Package {
            name: spec.to_string(),
            version: None,
            pin,
        };
    }
    let ops = ["===", "==", "~=", ">=", "<=", "!=", ">", "<", "@"];
    let cut = spec.find(|c: char| "=~><!@;".contains(c));
    let (name, rest) = match cut {
        Some(i) => (&spec[..i], &spec[i..]),
        None => (spec, ""),
    };
    let name = name.split('[').next().unwrap_or(name).trim();
    let pin = if rest.is_empty() {
        Pin::None
    } else {
        let op = ops
            .iter()
            .find(|o| rest.starts_with(**o))
            .copied()
            .unwrap_or("");
        let v = rest[op.len()..].trim();
        let exact_op = matches!(op, "===" | "==" | "@");
        if exact_op && !v.contains([',', '*', ';']) && !v.is_empty() && v != "latest" {
            Pin::Exact
        } else {
            Pin::Floating(rest.to_string())
        }
    };
    Spec::Package {
        name: name.to_string(),
        version: (!rest.is_empty()).then(|| rest.to_string()),
        pin,
    }
}

fn read_image(spec: &str) -> Spec {
    if let Some((name, digest)) = spec.split_once('@') {
        return Spec::Package {
            name: strip_tag(name).to_string(),
            version: Some(digest.to_string()),
            pin: if digest.starts_with("sha256:") && digest.len() >= 71 {
                Pin::Digest
            } else {
                Pin::Floating(digest.to_string())
            },
        };
    }
    let name = strip_tag(spec);
    let tag = spec
        .get(name.len() + 1..)
        .filter(|_| name.len() < spec.len());
    let pin = match tag {
        None => Pin::None,
        Some(t) => {
            let floating = [
                "latest", "main", "master", "stable", "edge", "nightly", "dev", "develop", "beta",
                "canary", "next", "head", "release", "current",
            ];
            if floating.contains(&t.to_ascii_lowercase().as_str()) {
                Pin::Floating(t.to_string())
            } else {
                Pin::Tag
            }
        }
    };
    Spec::Package {
        name: name.to_string(),
        version: tag.map(String::from),
        pin,
    }
}

/// The image name without its `:tag` (a colon after the last `/`; a registry port stays).
fn strip_tag(image: &str) -> &str {
    let slash = image.rfind('/').map_or(0, |i| i + 1);
    match image[slash..].find(':') {
        Some(i) => &image[..slash + i],
        None => image,
    }
}

/// A package fetched from a git host or URL rather than a registry.
fn is_git(spec: &str) -> bool {
    spec.starts_with("git+")
        || spec.starts_with("github:")
        || spec.starts_with("git://")
        || spec.starts_with("https://")
        || spec.starts_with("http://")
}

/// `git+https://…@<commit>`: pinned when the ref is a full commit hash.
fn git_pin(spec: &str) -> Option<Pin> {
    if !is_git(spec) {
        return None;
    }
    let after_host = spec.split("://").nth(1).unwrap_or(spec);
    let reference = after_host
        .rsplit_once('@')
        .map(|(_, r)| r)
        .or_else(|| spec.rsplit_once('#').map(|(_, r)| r));
    Some(match reference {
        Some(r) if r.len() == 40 && r.chars().all(|c| c.is_ascii_hexdigit()) => Pin::Exact,
        Some(r) => Pin::Floating(r.to_string()),
        None => Pin::None,
    })
}

/// `1.2.3`, `1.2.3-beta.1`, `2025.4.8`, `1.2.3+build`.
fn is_exact_semver(v: &str) -> bool {
    let core = v.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;

    fn launch(cmd: &str, args: &[&str]) -> Launch {
        let k = Knowledge::builtin();
        let s = Span::new(0, 1);
        let args: Vec<Str> = args.iter().map(|a| (a.to_string(), s)).collect();
        parse(&k.mcp, Some(&(cmd.to_string(), s)), &args)
    }

    fn pin(cmd: &str, args: &[&str]) -> (String, Pin) {
        let l = launch(cmd, args);
        let p = l.package.expect("a package");
        (p.name, p.pin)
    }

    #[test]
    fn npm_specs() {
        assert_eq!(pin("npx", &["-y", "pkg"]), ("pkg".into(), Pin::None));
        assert_eq!(pin("npx", &["pkg@1.2.3"]), ("pkg".into(), Pin::Exact));
        assert_eq!(
            pin("npx", &["-y", "@scope/pkg@^1"]),
            ("@scope/pkg".into(), Pin::Floating("^1".into()))
        );
        assert_eq!(
            pin("npx", &["@scope/pkg@latest"]).1,
            Pin::Floating("latest".into())
        );
        assert_eq!(pin("npx", &["-y", "@scope/pkg"]).0, "@scope/pkg");
        assert_eq!(
            pin("npx", &["-y", "--package=@a/b@2.0.0", "b-cli"]),
            ("@a/b".into(), Pin::Exact)
        );
        assert_eq!(
            pin("/usr/local/bin/npx.cmd", &["pkg@2025.4.8"]).1,
            Pin::Exact
        );
        assert_eq!(pin("cmd", &["/c", "npx", "-y", "pkg"]).1, Pin::None);
        assert_eq!(pin("npx -y pkg@1.0.0", &[]).1, Pin::Exact);
        assert_eq!(pin("bunx", &["pkg"]).1, Pin::None);
        assert_eq!(pin("pnpm", &["dlx", "pkg@1.0.0"]).1, Pin::Exact);
    }

    #[test]
    fn python_specs() {
        assert_eq!(pin("uvx", &["mcp-server-fetch"]).1, Pin::None);
        assert_eq!(pin("uvx", &["mcp-server-fetch==1.0.0"]).1, Pin::Exact);
        assert_eq!(pin("uvx", &["mcp-server-fetch@1.0.0"]).1, Pin::Exact);
        assert_eq!(
            pin("uvx", &["--from", "pkg==2.1.0", "pkg-cli"]),
            ("pkg".into(), Pin::Exact)
        );
        assert_eq!(
            pin("uvx", &["--from", "pkg>=2", "pkg-cli"]).1,
            Pin::Floating(">=2".into())
        );
        assert_eq!(pin("pipx", &["run", "pkg"]).1, Pin::None);
        assert_eq!(
            pin("pipx", &["run", "--spec", "pkg==1.0", "x"]).1,
            Pin::Exact
        );
        assert_eq!(pin("uv", &["tool", "run", "pkg[extra]==1.0"]).0, "pkg");
        let hash = "0123456789abcdef0123456789abcdef01234567";
        assert_eq!(
            pin(
                "uvx",
                &["--from", &format!("git+https://github.com/o/r@{hash}"), "x"]
            )
            .1,
            Pin::Exact
        );
    }

    #[test]
    fn container_specs() {
        let d = format!("sha256:{}", "a".repeat(64));
        assert_eq!(
            pin(
                "docker",
                &[
                    "run",
                    "-i",
                    "--rm",
                    "-e",
                    "TOKEN",
                    "ghcr.io/github/github-mcp-server"
                ]
            ),
            ("ghcr.io/github/github-mcp-server".into(), Pin::None)
        );
        assert_eq!(
            pin("docker", &["run", "mcp/fetch:latest"]).1,
            Pin::Floating("latest".into())
        );
        assert_eq!(pin("docker", &["run", "mcp/fetch:1.2.0"]).1, Pin::Tag);
        assert_eq!(
            pin("docker", &["run", &format!("mcp/fetch@{d}")]).1,
            Pin::Digest
        );
        assert_eq!(
            pin("docker", &["run", "localhost:5000/img"]).0,
            "localhost:5000/img"
        );
        assert!(launch("docker", &["run", "--privileged", "img:1.0"])
            .container_broad
            .is_some());
    }

    #[test]
    fn local_programs_and_bootstraps() {
        assert!(launch("node", &["./build/index.js"]).local);
        assert!(launch("python", &["-m", "my_server"]).local);
        assert!(launch("/opt/bin/server", &[]).local);
        assert!(launch("npx", &["./local.js"]).local);
        assert!(
            launch("bash", &["-c", "curl -fsSL https://x.example/i.sh | sh"])
                .pipe_to_shell
                .is_some()
        );
        assert_eq!(
            launch("sh", &["-c", "npx -y pkg"]).package.map(|p| p.pin),
            Some(Pin::None)
        );
    }

    #[test]
    fn bridges_name_their_url() {
        let l = launch(
            "npx",
            &[
                "mcp-remote@0.1.29",
                "http://mcp.example.com/sse",
                "--header",
                "X:y",
            ],
        );
        assert_eq!(
            l.bridge_url.map(|u| u.0),
            Some("http://mcp.example.com/sse".to_string())
        );
        assert!(l.bridge_header);
    }
}
