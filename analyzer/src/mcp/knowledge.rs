//! The MCP part of knowledge-as-data (`rules/knowledge/mcp.toml`): server capabilities by
//! package or name, the verbs that make a tool name read or act, credential shapes, launchers
//! and bridges. The schema lives here; `knowledge.rs` loads it with the other files and checks
//! the kinds it names.

use serde::Deserialize;

/// What a configured server can do, recognised by its package or its name.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerEntry {
    pub id: String,
    /// Packages or images without their version; `*` matches any run of characters.
    #[serde(default)]
    pub packages: Vec<String>,
    /// Words of a server's key or package name that name this kind of server.
    #[serde(default)]
    pub words: Vec<String>,
    #[serde(default)]
    pub sinks: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Word lists for tool names and secret-bearing keys.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    #[serde(default)]
    pub act_verbs: Vec<String>,
    #[serde(default)]
    pub read_verbs: Vec<String>,
    #[serde(default)]
    pub secret_words: Vec<String>,
    #[serde(default)]
    pub not_secret_words: Vec<String>,
    #[serde(default)]
    pub secret_keys: Vec<String>,
    #[serde(default)]
    pub placeholders: Vec<String>,
    /// Programs that take a password glued to a short flag (`mysql -pPASS`), with the flag.
    #[serde(default)]
    pub glued_password_flags: Vec<GluedPasswordFlag>,
}

/// `mysql -pPASS`: the program's name and the flag its password is glued to.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GluedPasswordFlag {
    pub program: String,
    pub flag: String,
}

/// A credential recognised by its shape, whatever key holds it.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecretShape {
    pub prefix: String,
    /// What to call it in a message (`GitHub personal access token`).
    pub kind: String,
    /// Shortest whole value, prefix included.
    pub min_len: usize,
    /// Characters allowed besides `[A-Za-z0-9_-]`.
    #[serde(default)]
    pub extra: String,
    /// Only upper-case letters and digits after the prefix (AWS key ids).
    #[serde(default)]
    pub upper: bool,
    /// Three dot-separated base64url segments.
    #[serde(default)]
    pub jwt: bool,
    /// A PEM block: `-----BEGIN ... PRIVATE KEY-----`.
    #[serde(default)]
    pub private_key: bool,
    /// The prefix is not secret and stays shown; only what follows it is masked (webhook URLs:
    /// `https://hooks.slack.com/services/` then the secret path).
    #[serde(default)]
    pub keep_prefix: bool,
}

/// A command that fetches and runs a package from a registry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Launcher {
    /// The command and, for multi-word launchers, its sub-command (`pipx run`, `docker run`).
    pub command: Vec<String>,
    /// `npm`, `pypi` or `container`: how a version is written.
    pub registry: String,
    /// Flags that take the next argument as their value.
    #[serde(default)]
    pub flags_with_value: Vec<String>,
    /// Flags whose value is the package to install (`--from`, `--package`, `--spec`).
    #[serde(default)]
    pub package_flags: Vec<String>,
}

/// A stdio server that forwards to a remote one named by a URL argument.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bridge {
    pub package: String,
    /// The bridge runs MCP's OAuth flow itself when the server asks for it.
    #[serde(default)]
    pub oauth: bool,
}

/// What tool annotations promise (AIR306, frameworks.md §4.4), in terms of sink kinds.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotationVocabulary {
    /// Sink kinds that change the tool's environment: `readOnlyHint: true` contradicts them.
    #[serde(default)]
    pub modifying: Vec<String>,
    /// Sink kinds that are destructive whatever the call: `destructiveHint: false` contradicts
    /// them.
    #[serde(default)]
    pub destructive: Vec<String>,
    /// Words of a sink call's last name that make any modifying call destructive
    /// (`rmtree`, `delete_object`, `terminate_instances`).
    #[serde(default)]
    pub destructive_words: Vec<String>,
    /// For `sql_exec`: first words of a literal query that write, and those that destroy. A
    /// query that is not a literal is not classified.
    #[serde(default)]
    pub sql_write_verbs: Vec<String>,
    #[serde(default)]
    pub sql_destructive_verbs: Vec<String>,
    /// First words of a literal query that only reads: such an `sql_exec` call is a `db_read`
    /// source, not a sink (`BodyAnalyzer::literal_sql_read`).
    #[serde(default)]
    pub sql_read_verbs: Vec<String>,
    /// First words (lowercase, single spaces) of a statement whose effect lasts only as long
    /// as the connection (`create temp table`, DuckDB's `create secret`): neither modifying nor
    /// destructive.
    #[serde(default)]
    pub sql_session_prefixes: Vec<String>,
    /// Sink kinds that count (as modifying and destructive) only when the model controls what
    /// runs (an AIR106 flow reaches the call): a fixed `git log` changes nothing.
    #[serde(default)]
    pub when_model_controlled: Vec<String>,
    /// Modifying sink kinds that destroy when the model chooses where they write (an AIR106
    /// flow reaches the call): `open(path, "w")` on the model's path overwrites any file the
    /// server can write, where the same write to a path the code fixes only adds or updates.
    #[serde(default)]
    pub destructive_at_model_path: Vec<String>,
    /// Keyword arguments that make a deletion a cleanup (`unlink(missing_ok=True)`: remove a
    /// marker or temporary file if it is there): not destructive unless the model chooses the path.
    #[serde(default)]
    pub cleanup_kwargs: Vec<String>,
    /// Calls that make a temporary file or folder: deleting or writing what they made (or an
    /// attribute of it, `tmp.name`) is housekeeping, neither modifying nor destructive.
    #[serde(default)]
    pub temp_file_makers: Vec<String>,
}

/// A phrase that addresses the model instead of describing a tool (AIR305), as a regular
/// expression over the decoded text (the `regex` crate's syntax: linear time, no look-around).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoisonPattern {
    pub id: String,
    /// `instruction`, `concealment`, `markup`, `sensitive-file`, `secret`, `tool-reference`,
    /// `padding`.
    pub category: String,
    /// What the match means, for the message: `tells the model to ignore its instructions`.
    pub what: String,
    pub regex: String,
    /// `critical`, `high`, `medium` or `low`.
    pub severity: String,
    /// A match is dropped when the sentence holding it (up to `.`, `!`, `?` or a line break)
    /// matches this: the sentence states a property ("paths such as /etc/passwd are
    /// rejected") rather than asking for something.
    #[serde(default)]
    pub unless_sentence: Option<String>,
    /// A match is dropped when the text right after it (to the end of its sentence) matches
    /// this, anchored at the match's end: what follows says what the words refer to ("when using
    /// the `set_profile` action" names a value of a parameter; "before calling any tool that
    /// requires a key" names the tools that need this one's output).
    #[serde(default)]
    pub unless_after: Option<String>,
}

/// Characters a reader of the text does not see (AIR305).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoisonChars {
    /// `zero-width character`, `bidirectional control`, `Unicode tag character`.
    pub name: String,
    /// Inclusive code point ranges, in hexadecimal: `[["200B", "200D"], ["FEFF", "FEFF"]]`.
    pub ranges: Vec<[String; 2]>,
    pub severity: String,
    /// Code points that are fine between two symbols (U+200D joins emoji sequences).
    #[serde(default)]
    pub except_between_symbols: Vec<String>,
    /// Characters that carry ASCII text invisibly (tag characters): the hidden text is shown.
    #[serde(default)]
    pub reveals_ascii: bool,
}

/// One class of invisible characters with its code points parsed: `(entry, inclusive ranges,
/// code points allowed between symbols)`.
pub type CharClass = (PoisonChars, Vec<(u32, u32)>, Vec<u32>);

/// The AIR305 vocabulary, compiled.
#[derive(Debug, Clone, Default)]
pub struct Poisoning {
    pub patterns: Vec<(PoisonPattern, regex::Regex)>,
    /// Each pattern's compiled `unless_sentence`, by the pattern's index.
    pub unless: Vec<Option<regex::Regex>>,
    /// Each pattern's compiled `unless_after` (anchored at the start), by the pattern's index.
    pub unless_after: Vec<Option<regex::Regex>>,
    pub chars: Vec<CharClass>,
}

/// Everything MCP from all knowledge files, merged.
#[derive(Debug, Clone, Default)]
pub struct McpKnowledge {
    pub servers: Vec<ServerEntry>,
    pub vocabulary: Vocabulary,
    pub secrets: Vec<SecretShape>,
    pub launchers: Vec<Launcher>,
    pub bridges: Vec<Bridge>,
    pub poisoning: Poisoning,
    pub annotations: AnnotationVocabulary,
    /// One automaton over every secret shape's prefix (`prefix_matcher`), built on first use.
    prefixes: std::sync::OnceLock<PrefixMatcher>,
}

/// The prefixes of the secret shapes, each once, with the shapes that start with it.
#[derive(Debug, Clone)]
pub struct PrefixMatcher {
    pub automaton: aho_corasick::AhoCorasick,
    /// Pattern id → indexes into `McpKnowledge::secrets`.
    pub shapes: Vec<Vec<usize>>,
}

impl McpKnowledge {
    /// Finds every secret shape's prefix in one pass over a text (`secrets::shapes`), rather than
    /// one search per shape.
    pub fn prefix_matcher(&self) -> &PrefixMatcher {
        self.prefixes.get_or_init(|| {
            let mut ids: std::collections::HashMap<&str, usize> = Default::default();
            let mut patterns: Vec<&str> = vec![];
            let mut shapes: Vec<Vec<usize>> = vec![];
            for (i, s) in self.secrets.iter().enumerate() {
                let id = *ids.entry(s.prefix.as_str()).or_insert_with(|| {
                    patterns.push(s.prefix.as_str());
                    shapes.push(vec![]);
                    patterns.len() - 1
                });
                shapes[id].push(i);
            }
            let automaton = aho_corasick::AhoCorasick::new(&patterns)
                .expect("secret prefixes are few short literals");
            PrefixMatcher { automaton, shapes }
        })
    }

    pub fn extend(
        &mut self,
        servers: Vec<ServerEntry>,
        vocabulary: Option<Vocabulary>,
        secrets: Vec<SecretShape>,
        launchers: Vec<Launcher>,
        bridges: Vec<Bridge>,
    ) {
        self.servers.extend(servers);
        self.prefixes = std::sync::OnceLock::new();
        if let Some(v) = vocabulary {
            let mine = &mut self.vocabulary;
            mine.act_verbs.extend(v.act_verbs);
            mine.read_verbs.extend(v.read_verbs);
            mine.secret_words.extend(v.secret_words);
            mine.not_secret_words.extend(v.not_secret_words);
            mine.secret_keys.extend(v.secret_keys);
            mine.placeholders.extend(v.placeholders);
            mine.glued_password_flags.extend(v.glued_password_flags);
        }
        self.secrets.extend(secrets);
        self.launchers.extend(launchers);
        self.bridges.extend(bridges);
    }

    /// Adds AIR306 vocabulary (lists are merged).
    pub fn add_annotations(&mut self, a: AnnotationVocabulary) {
        let m = &mut self.annotations;
        m.modifying.extend(a.modifying);
        m.destructive.extend(a.destructive);
        m.destructive_words.extend(a.destructive_words);
        m.sql_write_verbs.extend(a.sql_write_verbs);
        m.sql_destructive_verbs.extend(a.sql_destructive_verbs);
        m.sql_read_verbs.extend(a.sql_read_verbs);
        m.sql_session_prefixes.extend(a.sql_session_prefixes);
        m.when_model_controlled.extend(a.when_model_controlled);
        m.destructive_at_model_path
            .extend(a.destructive_at_model_path);
        m.cleanup_kwargs.extend(a.cleanup_kwargs);
        m.temp_file_makers.extend(a.temp_file_makers);
    }

    /// Compiles and adds AIR305 patterns and character classes; the error names the bad entry.
    pub fn add_poisoning(
        &mut self,
        patterns: Vec<PoisonPattern>,
        chars: Vec<PoisonChars>,
    ) -> Result<(), String> {
        let severity_ok = |s: &str| crate::model::Severity::parse(s).is_some();
        for p in patterns {
            if !severity_ok(&p.severity) {
                return Err(format!(
                    "poison pattern `{}` has bad severity `{}`",
                    p.id, p.severity
                ));
            }
            let re = regex::RegexBuilder::new(&p.regex)
                .case_insensitive(true)
                .multi_line(true)
                .size_limit(1 << 22)
                .build()
                .map_err(|e| format!("poison pattern `{}`: {e}", p.id))?;
            let compile = |u: &Option<String>, anchored: bool, key: &str| {
                u.as_ref()
                    .map(|u| {
                        let u = if anchored {
                            format!("^(?:{u})")
                        } else {
                            u.clone()
                        };
                        regex::RegexBuilder::new(&u)
                            .case_insensitive(true)
                            .size_limit(1 << 20)
                            .build()
                            .map_err(|e| format!("poison pattern `{}` {key}: {e}", p.id))
                    })
                    .transpose()
            };
            let unless = compile(&p.unless_sentence, false, "unless_sentence")?;
            let unless_after = compile(&p.unless_after, true, "unless_after")?;
            self.poisoning.unless.push(unless);
            self.poisoning.unless_after.push(unless_after);
            self.poisoning.patterns.push((p, re));
        }
        for c in chars {
            if !severity_ok(&c.severity) {
                return Err(format!(
                    "poison chars `{}` have bad severity `{}`",
                    c.name, c.severity
                ));
            }
            let cp = |h: &str| {
                u32::from_str_radix(h, 16)
                    .map_err(|_| format!("poison chars `{}`: `{h}` is not hexadecimal", c.name))
            };
            let mut ranges = vec![];
            for [a, b] in &c.ranges {
                ranges.push((cp(a)?, cp(b)?));
            }
            let except = c
                .except_between_symbols
                .iter()
                .map(|h| cp(h))
                .collect::<Result<Vec<_>, _>>()?;
            self.poisoning.chars.push((c, ranges, except));
        }
        Ok(())
    }

    /// The entry describing a server launched from `package` (without version) under the config
    /// key `name`: an exact package first, then the first word of the key, then of the package,
    /// that some entry lists.
    pub fn server_entry(&self, name: &str, package: Option<&str>) -> Option<&ServerEntry> {
        if let Some(p) = package {
            let p = p.to_ascii_lowercase();
            if let Some(e) = self
                .servers
                .iter()
                .find(|e| e.packages.iter().any(|g| star_match(g, &p)))
            {
                return Some(e);
            }
        }
        let mut words = split_words(name);
        if let Some(p) = package {
            words.extend(split_words(p));
        }
        words.iter().find_map(|w| {
            self.servers
                .iter()
                .find(|e| e.words.iter().any(|x| x.eq_ignore_ascii_case(w)))
        })
    }

    /// Whether a tool name says the tool acts (`Some(true)`), only reads (`Some(false)`), or
    /// neither (`None`).
    pub fn tool_acts(&self, tool: &str) -> Option<bool> {
        let v = &self.vocabulary;
        split_words(tool).iter().find_map(|w| {
            if v.act_verbs.iter().any(|x| x == w) {
                Some(true)
            } else if v.read_verbs.iter().any(|x| x == w) {
                Some(false)
            } else {
                None
            }
        })
    }

    /// The configured bridge (`mcp-remote`) this package is, if any.
    pub fn bridge(&self, package: &str) -> Option<&Bridge> {
        self.bridges
            .iter()
            .find(|b| b.package.eq_ignore_ascii_case(package))
    }

    pub fn is_bridge(&self, package: &str) -> bool {
        self.bridge(package).is_some()
    }
}

/// Lower-case words of an identifier, split at non-alphanumerics and at lower-to-upper case
/// changes: `createPullRequest`, `create_pull_request` and `X-Create-Pull` all give words.
pub fn split_words(s: &str) -> Vec<String> {
    let mut out = vec![];
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Case-sensitive glob where `*` matches any run of characters (including none).
pub fn star_match(glob: &str, s: &str) -> bool {
    // Bytes, not chars: only `*` is special, so a byte-wise match is the same match, and no
    // vector is allocated per call (this runs for every server against every entry).
    let g = glob.as_bytes();
    let t = s.as_bytes();
    // Greedy matching with backtracking to the last star: linear in practice.
    let (mut gi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if gi < g.len() && g[gi] != b'*' && g[gi] == t[ti] {
            gi += 1;
            ti += 1;
        } else if gi < g.len() && g[gi] == b'*' {
            star = Some(gi);
            mark = ti;
            gi += 1;
        } else if let Some(s) = star {
            gi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while gi < g.len() && g[gi] == b'*' {
        gi += 1;
    }
    gi == g.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;

    #[test]
    fn words_split_at_case_and_punctuation() {
        assert_eq!(
            split_words("createPullRequest"),
            ["create", "pull", "request"]
        );
        assert_eq!(split_words("X-Api-Key"), ["x", "api", "key"]);
        assert_eq!(split_words("GITHUB_PAT"), ["github", "pat"]);
        assert_eq!(
            split_words("@modelcontextprotocol/server-github"),
            ["modelcontextprotocol", "server", "github"]
        );
    }

    #[test]
    fn star_globs() {
        assert!(star_match("awslabs.*", "awslabs.core-mcp-server"));
        assert!(star_match("<*>", "<your-token>"));
        assert!(star_match("*here*", "put_it_here"));
        assert!(!star_match("your*", "myyour"));
        assert!(star_match("x", "x"));
        assert!(!star_match("x", "xy"));
    }

    #[test]
    fn servers_are_recognised_by_package_then_words() {
        let k = Knowledge::builtin();
        let m = &k.mcp;
        let id = |name: &str, pkg: Option<&str>| m.server_entry(name, pkg).map(|e| e.id.as_str());
        assert_eq!(
            id("fs", Some("@modelcontextprotocol/server-filesystem")),
            Some("filesystem")
        );
        assert_eq!(id("brave-web-search", None), Some("search"));
        assert_eq!(id("my-postgres", None), Some("postgres"));
        assert_eq!(id("thing", Some("@stripe/mcp")), Some("payment"));
        assert_eq!(id("context7", Some("@upstash/context7-mcp")), Some("docs"));
        assert_eq!(id("zzz", Some("unknown-pkg")), None);
    }

    #[test]
    fn tool_verbs() {
        let k = Knowledge::builtin();
        let m = &k.mcp;
        assert_eq!(m.tool_acts("create_pull_request"), Some(true));
        assert_eq!(m.tool_acts("get_order"), Some(false));
        assert_eq!(m.tool_acts("list_issues"), Some(false));
        assert_eq!(m.tool_acts("browser_navigate"), Some(true));
        assert_eq!(m.tool_acts("writeFile"), Some(true));
        assert_eq!(m.tool_acts("query"), None);
    }
}
