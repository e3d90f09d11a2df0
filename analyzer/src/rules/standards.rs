//! The security taxonomies each rule falls under (OWASP Top 10 for LLM Applications 2025 and
//! 2026, OWASP Top 10 for Agentic Applications 2026, OWASP MCP Top 10, MITRE ATLAS, CSA
//! MAESTRO), read from `rules/standards.toml`: the data names each framework's items,
//! their titles and the source they were checked against. Rule documentation, `airlock rules
//! --format json` and SARIF rule tags are all rendered from here.

use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../../rules/standards.toml");

/// One published taxonomy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// `owasp-llm-2025`, `mitre-atlas` ...: the key rules use, and the SARIF tag segment.
    pub key: String,
    pub name: String,
    pub edition: String,
    pub url: String,
    /// A link to one item, `{id}` replaced by its identifier.
    #[serde(default)]
    pub item_url: Option<String>,
    /// `verified` or `unverified` (see the data file's header).
    pub status: String,
    /// What the identifiers and titles were checked against.
    pub checked_against: String,
    #[serde(default)]
    pub unverified_items: Vec<String>,
    /// Identifier → title.
    pub items: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    framework: Vec<Framework>,
    rule: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

/// Every framework, and per rule code the ids it maps to in each.
#[derive(Debug)]
pub struct Standards {
    pub frameworks: Vec<Framework>,
    rules: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

/// One item a rule maps to.
#[derive(Debug, Clone, Copy)]
pub struct Ref<'a> {
    pub framework: &'a Framework,
    pub id: &'a str,
    pub title: &'a str,
}

impl Ref<'_> {
    /// `external/owasp-llm-2025/llm01`: GitHub code scanning's tag shape for external taxonomies.
    pub fn tag(&self) -> String {
        format!(
            "external/{}/{}",
            self.framework.key,
            self.id.to_ascii_lowercase()
        )
    }

    pub fn url(&self) -> Option<String> {
        self.framework
            .item_url
            .as_ref()
            .map(|u| u.replace("{id}", self.id))
    }

    pub fn verified(&self) -> bool {
        self.framework.status == "verified"
            && !self.framework.unverified_items.iter().any(|i| i == self.id)
    }
}

/// Parses the embedded data; `Err` names what is wrong (the unit tests keep it right).
fn parse(text: &str) -> Result<Standards, String> {
    let data: Data = toml::from_str(text).map_err(|e| e.to_string())?;
    for (code, refs) in &data.rule {
        for (key, ids) in refs {
            let Some(f) = data.framework.iter().find(|f| &f.key == key) else {
                return Err(format!("{code}: unknown framework `{key}`"));
            };
            if let Some(id) = ids.iter().find(|id| !f.items.contains_key(*id)) {
                return Err(format!("{code}: `{id}` is not an item of `{key}`"));
            }
        }
    }
    Ok(Standards {
        frameworks: data.framework,
        rules: data.rule,
    })
}

/// The standards table, parsed once.
pub fn standards() -> &'static Standards {
    static CELL: OnceLock<Standards> = OnceLock::new();
    CELL.get_or_init(|| parse(DATA).unwrap_or_else(|e| panic!("rules/standards.toml: {e}")))
}

impl Standards {
    /// What rule `code` maps to, framework by framework in the data's order, ids in order.
    pub fn refs(&self, code: &str) -> Vec<Ref<'_>> {
        let Some(map) = self.rules.get(code) else {
            return vec![];
        };
        let mut out = vec![];
        for f in &self.frameworks {
            for id in map.get(&f.key).into_iter().flatten() {
                if let Some((id, title)) = f.items.get_key_value(id) {
                    out.push(Ref {
                        framework: f,
                        id,
                        title,
                    });
                }
            }
        }
        out
    }

    /// Whether the table has an entry for rule `code` (possibly empty).
    pub fn has_rule(&self, code: &str) -> bool {
        self.rules.contains_key(code)
    }

    /// The SARIF tags of rule `code`.
    pub fn tags(&self, code: &str) -> Vec<String> {
        self.refs(code).iter().map(Ref::tag).collect()
    }

    /// `{ "owasp-llm-2025": [{ "id": "LLM01", "title": "Prompt Injection" }], ... }` for rule
    /// `code`: SARIF `properties.standards` and `airlock rules --format json`.
    pub fn json(&self, code: &str) -> Value {
        let mut out = serde_json::Map::new();
        for r in self.refs(code) {
            let entry = out
                .entry(r.framework.key.clone())
                .or_insert_with(|| json!([]));
            if let Value::Array(items) = entry {
                let mut item = json!({ "id": r.id, "title": r.title });
                if let Some(u) = r.url() {
                    item["url"] = json!(u);
                }
                if !r.verified() {
                    item["verified"] = json!(false);
                }
                items.push(item);
            }
        }
        Value::Object(out)
    }

    /// The frameworks themselves, for `airlock rules --format json`.
    pub fn frameworks_json(&self) -> Value {
        Value::Array(
            self.frameworks
                .iter()
                .map(|f| {
                    json!({
                        "key": f.key,
                        "name": f.name,
                        "edition": f.edition,
                        "url": f.url,
                        "status": f.status,
                        "checked_against": f.checked_against,
                        "unverified_items": f.unverified_items,
                    })
                })
                .collect(),
        )
    }

    /// The `## Standards` section of rule `code`'s documentation (generated; a test keeps the
    /// Markdown files in step).
    pub fn markdown(&self, code: &str) -> String {
        let mut out = String::from("## Standards\n");
        let refs = self.refs(code);
        if refs.is_empty() {
            out.push_str("No security taxonomy applies: this rule is about airlock's own use.\n");
            return out;
        }
        for f in &self.frameworks {
            let items: Vec<String> = refs
                .iter()
                .filter(|r| std::ptr::eq(r.framework, f))
                .map(|r| {
                    let text = format!("{} {}", r.id, r.title);
                    let text = match r.url() {
                        Some(u) => format!("[{text}]({u})"),
                        None => text,
                    };
                    if f.unverified_items.iter().any(|i| i == r.id) {
                        format!("{text} (unverified)")
                    } else {
                        text
                    }
                })
                .collect();
            if items.is_empty() {
                continue;
            }
            let unverified = if f.status == "verified" {
                ""
            } else {
                " (identifiers not checked against the publisher's own document)"
            };
            out.push_str(&format!(
                "- [{} {}]({}){unverified}: {}\n",
                f.name,
                f.edition,
                f.url,
                items.join(", ")
            ));
        }
        out.push_str(
            "\nThe mapping and the sources each identifier was checked against are in \
             `rules/standards.toml`.\n",
        );
        out
    }
}

/// Rule documentation with its `## Standards` section replaced by (or, when missing, followed
/// by) the generated one.
pub fn docs_with_standards(docs: &str, code: &str) -> String {
    let section = standards().markdown(code);
    let start = docs
        .find("\n## Standards\n")
        .map(|i| i + 1)
        .or_else(|| docs.starts_with("## Standards\n").then_some(0));
    match start {
        Some(s) => {
            let rest = &docs[s + "## Standards\n".len()..];
            let end = rest
                .find("\n## ")
                .map(|i| s + "## Standards\n".len() + i + 1);
            let mut out = docs[..s].to_string();
            out.push_str(&section);
            if let Some(e) = end {
                out.push('\n');
                out.push_str(&docs[e..]);
            }
            out
        }
        None => {
            let mut out = docs.trim_end().to_string();
            out.push_str("\n\n");
            out.push_str(&section);
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RULES;

    #[test]
    fn the_data_parses_and_every_id_exists() {
        let s = parse(DATA).expect("standards.toml");
        assert!(s.frameworks.len() >= 6);
        for f in &s.frameworks {
            assert!(
                matches!(f.status.as_str(), "verified" | "unverified"),
                "{}: status {}",
                f.key,
                f.status
            );
            assert!(!f.checked_against.is_empty(), "{}: no source", f.key);
            for i in &f.unverified_items {
                assert!(f.items.contains_key(i), "{}: unverified {i} unknown", f.key);
            }
        }
    }

    #[test]
    fn unknown_ids_and_frameworks_are_refused() {
        let base = "[[framework]]\nkey = \"x\"\nname = \"X\"\nedition = \"1\"\nurl = \"u\"\nstatus = \"verified\"\nchecked_against = \"c\"\n[framework.items]\nX1 = \"one\"\n";
        assert!(parse(&format!("{base}[rule.AIR101]\nx = [\"X1\"]\n")).is_ok());
        let e = parse(&format!("{base}[rule.AIR101]\nx = [\"X2\"]\n")).unwrap_err();
        assert!(e.contains("X2"), "{e}");
        let e = parse(&format!("{base}[rule.AIR101]\ny = [\"X1\"]\n")).unwrap_err();
        assert!(e.contains("unknown framework"), "{e}");
    }

    #[test]
    fn every_rule_has_an_entry_and_every_security_rule_maps_somewhere() {
        let s = standards();
        for r in RULES {
            assert!(
                s.has_rule(r.code),
                "{} has no [rule.{}] table",
                r.code,
                r.code
            );
            if r.code.starts_with("AIR1")
                || r.code.starts_with("AIR2")
                || r.code.starts_with("AIR3")
            {
                for key in ["owasp-llm-2025", "owasp-llm-2026", "owasp-asi-2026"] {
                    assert!(
                        s.refs(r.code).iter().any(|x| x.framework.key == key),
                        "{} maps to nothing in {key}",
                        r.code
                    );
                }
            }
        }
    }

    #[test]
    fn tags_are_lowercase_and_name_the_framework() {
        let tags = standards().tags("AIR106");
        assert!(
            tags.contains(&"external/owasp-llm-2025/llm05".to_string()),
            "{tags:?}"
        );
        assert!(
            tags.contains(&"external/mitre-atlas/aml.t0050".to_string()),
            "{tags:?}"
        );
        assert!(
            tags.contains(&"external/owasp-mcp-2025/mcp05".to_string()),
            "{tags:?}"
        );
    }

    #[test]
    fn unverified_frameworks_say_so() {
        let md = standards().markdown("AIR101");
        let maestro = md
            .lines()
            .find(|l| l.contains("MAESTRO"))
            .expect("a MAESTRO line");
        assert!(maestro.contains("not checked"), "{maestro}");
        let llm = md
            .lines()
            .find(|l| l.contains("LLM Applications 2025"))
            .unwrap();
        assert!(!llm.contains("not checked"), "{llm}");
        assert!(md.contains("[AML.T0053 AI Agent Tool Invocation](https://atlas.mitre.org/techniques/AML.T0053)"), "{md}");
    }

    /// The Markdown files carry the generated section; regenerate them with
    /// `AIRLOCK_UPDATE_DOCS=1 cargo test -p airlock-analyzer rule_docs_carry_their_standards`.
    #[test]
    fn rule_docs_carry_their_standards() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../rules/docs");
        let mut stale = vec![];
        for r in RULES {
            let path = format!("{dir}/{}.md", r.code);
            let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
            let want = docs_with_standards(&on_disk, r.code);
            if on_disk != want {
                if std::env::var_os("AIRLOCK_UPDATE_DOCS").is_some() {
                    std::fs::write(&path, &want).expect("write docs");
                } else {
                    stale.push(r.code);
                }
            }
        }
        assert!(
            stale.is_empty(),
            "the ## Standards section of {stale:?} is stale; regenerate with \
             `AIRLOCK_UPDATE_DOCS=1 cargo test -p airlock-analyzer rule_docs_carry_their_standards`"
        );
    }

    #[test]
    fn replacing_the_section_keeps_what_follows() {
        let docs = "# A\n\n## References\n- x\n\n## Standards\nold\n\n## After\ny\n";
        let out = docs_with_standards(docs, "AIR101");
        assert!(
            out.starts_with("# A\n\n## References\n- x\n\n## Standards\n"),
            "{out}"
        );
        assert!(out.ends_with("\n## After\ny\n"), "{out}");
        assert!(!out.contains("old"), "{out}");
        assert_eq!(docs_with_standards(&out, "AIR101"), out);
    }
}
