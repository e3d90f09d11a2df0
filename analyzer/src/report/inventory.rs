//! `airlock inventory`: the inventory as a terminal table, as versioned JSON and as a CycloneDX
//! 1.6 BOM. Pure functions of the inventory; deterministic.

use crate::inventory::{Inventory, INVENTORY_VERSION};
use serde_json::{json, Value};

/// Columns padded to their widest cell, two spaces apart.
fn table(out: &mut String, title: &str, header: &[&str], rows: Vec<Vec<String>>) {
    // Every cell holds project strings: controls, line breaks and bidi characters made visible.
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|c| crate::escape::terminal_line(&c).into_owned())
                .collect()
        })
        .collect();
    out.push_str(&format!("{title} ({})\n", rows.len()));
    if rows.is_empty() {
        out.push_str("  none\n\n");
        return;
    }
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::from("  ");
        for (i, c) in cells.iter().enumerate() {
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(widths[i] - c.chars().count() + 2));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    out.push_str(&line(header.to_vec()));
    for r in &rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    out.push('\n');
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "-".to_string()
    } else {
        v.join(", ")
    }
}

/// The inventory as tables: agents, tools, MCP servers, gates, routes.
pub fn render_table(inv: &Inventory) -> String {
    let mut out = String::new();
    let tool_name = |id: &str| {
        inv.tools
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    table(
        &mut out,
        "Agents",
        &[
            "AGENT",
            "FRAMEWORK",
            "PLACE",
            "TOOLS",
            "CAPABILITIES",
            "EXPOSURE",
            "AUTONOMY",
            "RISK",
        ],
        inv.agents
            .iter()
            .map(|a| {
                vec![
                    a.label.clone(),
                    a.framework.clone(),
                    format!("{}:{}", a.place.path, a.place.line),
                    list(&a.tools.iter().map(|t| tool_name(t)).collect::<Vec<_>>()),
                    list(&a.capabilities),
                    list(&a.exposure),
                    a.autonomy.clone(),
                    a.risk.clone(),
                ]
            })
            .collect(),
    );
    table(
        &mut out,
        "Tools",
        &["TOOL", "PLACE", "CAPABILITIES", "RETURNS", "GATE"],
        inv.tools
            .iter()
            .map(|t| {
                let gates: Vec<String> = t.contexts.iter().map(|c| c.gate.clone()).collect();
                vec![
                    t.name.clone(),
                    format!("{}:{}", t.place.path, t.place.line),
                    list(&t.sinks),
                    list(&t.sources),
                    list(&gates),
                ]
            })
            .collect(),
    );
    table(
        &mut out,
        "MCP servers",
        &[
            "SERVER",
            "CLIENT",
            "PLACE",
            "TRANSPORT",
            "PACKAGE",
            "PINNED",
            "CAPABILITIES",
            "AUTO-APPROVED",
        ],
        inv.mcp_servers
            .iter()
            .map(|s| {
                vec![
                    s.name.clone(),
                    s.client.clone(),
                    format!("{}:{}", s.place.path, s.place.line),
                    s.transport.clone(),
                    match (&s.package, &s.version) {
                        (Some(p), Some(v)) => format!("{p}@{v}"),
                        (Some(p), None) => p.clone(),
                        _ => s.url.clone().unwrap_or_else(|| "-".into()),
                    },
                    if s.pinned { "yes" } else { "no" }.to_string(),
                    list(&s.capabilities),
                    list(&s.auto_approved),
                ]
            })
            .collect(),
    );
    table(
        &mut out,
        "MCP server tools (in code)",
        &["SERVER", "TOOL", "PLACE", "CAPABILITIES", "ANNOTATIONS"],
        inv.mcp_server_code
            .iter()
            .flat_map(|s| {
                let server = s.name.clone().unwrap_or_else(|| "-".into());
                s.tools.iter().map(move |t| {
                    let annotations = t.annotations.as_ref().map(|a| {
                        [
                            ("readOnly", a.read_only_hint),
                            ("destructive", a.destructive_hint),
                            ("idempotent", a.idempotent_hint),
                            ("openWorld", a.open_world_hint),
                        ]
                        .iter()
                        .filter_map(|(k, v)| v.map(|v| format!("{k}={v}")))
                        .collect::<Vec<_>>()
                    });
                    vec![
                        server.clone(),
                        t.name.clone(),
                        format!("{}:{}", t.place.path, t.place.line),
                        list(&t.sinks),
                        match annotations {
                            Some(a) if !a.is_empty() => a.join(", "),
                            Some(_) => "(not literal)".to_string(),
                            None => "-".to_string(),
                        },
                    ]
                })
            })
            .collect(),
    );
    table(
        &mut out,
        "Gates",
        &["GATE", "STOPS", "STRENGTH", "PLACE"],
        inv.gates
            .iter()
            .map(|g| {
                vec![
                    g.kind.clone(),
                    g.target.clone(),
                    g.strength.clone(),
                    format!("{}:{}", g.place.path, g.place.line),
                ]
            })
            .collect(),
    );
    table(
        &mut out,
        "Routes",
        &["FROM", "TO", "KIND", "PLACE"],
        inv.routes
            .iter()
            .map(|r| {
                vec![
                    r.from.clone(),
                    r.to.clone(),
                    r.kind.clone(),
                    format!("{}:{}", r.place.path, r.place.line),
                ]
            })
            .collect(),
    );
    out
}

/// The inventory as JSON (`rules/inventory.schema.json`).
pub fn render_json(inv: &Inventory, tool_version: &str) -> String {
    let mut v = serde_json::to_value(inv).unwrap_or_else(|_| json!({}));
    if let Value::Object(m) = &mut v {
        let mut out = serde_json::Map::new();
        out.insert("version".into(), json!(INVENTORY_VERSION));
        out.insert(
            "tool".into(),
            json!({ "name": "airlock", "version": tool_version }),
        );
        out.extend(std::mem::take(m));
        v = Value::Object(out);
    }
    crate::diagnostics::to_pretty_json(&v)
}

/// The JSON Schema of [`render_json`]'s output.
pub fn json_schema() -> String {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(Inventory)).unwrap_or_else(|_| json!({}));
    schema["title"] = json!("airlock inventory");
    schema["description"] = json!(format!(
        "The output of `airlock inventory --format json`, version {INVENTORY_VERSION}."
    ));
    if let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) {
        props.insert(
            "version".into(),
            json!({ "description": "The format version.", "const": INVENTORY_VERSION }),
        );
        props.insert(
            "tool".into(),
            json!({
                "type": "object",
                "properties": { "name": { "const": "airlock" }, "version": { "type": "string" } },
                "required": ["name", "version"],
            }),
        );
    }
    if let Some(req) = schema.get_mut("required").and_then(Value::as_array_mut) {
        req.push(json!("version"));
        req.push(json!("tool"));
    }
    crate::diagnostics::to_pretty_json(&schema)
}

fn prop(name: &str, value: &str) -> Value {
    json!({ "name": name, "value": value })
}

/// The inventory as a CycloneDX 1.6 BOM: agents and tools as components, MCP servers as
/// services, what each agent holds as dependencies. `project` names the BOM's subject.
pub fn render_cyclonedx(inv: &Inventory, project: &str, tool_version: &str) -> String {
    let mut components = vec![];
    for a in &inv.agents {
        let mut props = vec![
            prop("airlock:kind", "agent"),
            prop("airlock:agent-kind", &a.kind),
            prop("airlock:framework", &a.framework),
            prop(
                "airlock:location",
                &format!("{}:{}", a.place.path, a.place.line),
            ),
            prop("airlock:autonomy", &a.autonomy),
            prop("airlock:risk", &a.risk),
        ];
        props.extend(a.capabilities.iter().map(|c| prop("airlock:capability", c)));
        props.extend(a.exposure.iter().map(|c| prop("airlock:exposure", c)));
        components.push(json!({
            "type": "application",
            "bom-ref": a.id,
            "name": a.name,
            "description": a.label,
            "group": a.framework,
            "properties": props,
        }));
    }
    for t in &inv.tools {
        let mut props = vec![
            prop("airlock:kind", "tool"),
            prop(
                "airlock:location",
                &format!("{}:{}", t.place.path, t.place.line),
            ),
            prop(
                "airlock:privileged",
                if t.privileged { "true" } else { "false" },
            ),
        ];
        props.extend(t.sinks.iter().map(|c| prop("airlock:capability", c)));
        props.extend(t.sources.iter().map(|c| prop("airlock:source", c)));
        components.push(json!({
            "type": "library",
            "bom-ref": t.id,
            "name": t.name,
            "properties": props,
        }));
    }
    let services: Vec<Value> = inv
        .mcp_servers
        .iter()
        .map(|s| {
            let mut props = vec![
                prop("airlock:kind", "mcp-server"),
                prop("airlock:client", &s.client),
                prop(
                    "airlock:location",
                    &format!("{}:{}", s.place.path, s.place.line),
                ),
                prop("airlock:transport", &s.transport),
                prop("airlock:pinned", if s.pinned { "true" } else { "false" }),
            ];
            if let Some(p) = &s.package {
                props.push(prop("airlock:package", p));
            }
            if let Some(v) = &s.version {
                props.push(prop("airlock:package-version", v));
            }
            props.extend(s.capabilities.iter().map(|c| prop("airlock:capability", c)));
            props.extend(
                s.auto_approved
                    .iter()
                    .map(|c| prop("airlock:auto-approved", c)),
            );
            let mut svc = json!({
                "bom-ref": s.id,
                "name": s.name,
                "x-trust-boundary": true,
                "properties": props,
            });
            if let Some(u) = &s.url {
                svc["endpoints"] = json!([u]);
            }
            svc
        })
        .collect();
    // MCP servers defined in the project's code: services, and their tools components.
    let mut services = services;
    let mut server_deps = vec![];
    for s in &inv.mcp_server_code {
        let mut props = vec![
            prop("airlock:kind", "mcp-server-code"),
            prop("airlock:sdk", &s.sdk),
            prop(
                "airlock:location",
                &format!("{}:{}", s.place.path, s.place.line),
            ),
        ];
        props.extend(s.capabilities.iter().map(|c| prop("airlock:capability", c)));
        props.extend(s.resources.iter().map(|r| prop("airlock:resource", r)));
        props.extend(s.prompts.iter().map(|r| prop("airlock:prompt", r)));
        services.push(json!({
            "bom-ref": s.id,
            "name": s.name.clone().unwrap_or_else(|| "unnamed MCP server".to_string()),
            "x-trust-boundary": true,
            "properties": props,
        }));
        for t in &s.tools {
            let mut props = vec![
                prop("airlock:kind", "mcp-tool"),
                prop(
                    "airlock:location",
                    &format!("{}:{}", t.place.path, t.place.line),
                ),
                prop(
                    "airlock:privileged",
                    if t.privileged { "true" } else { "false" },
                ),
            ];
            props.extend(t.sinks.iter().map(|c| prop("airlock:capability", c)));
            props.extend(t.sources.iter().map(|c| prop("airlock:source", c)));
            if let Some(a) = &t.annotations {
                for (key, v) in [
                    ("readOnlyHint", a.read_only_hint),
                    ("destructiveHint", a.destructive_hint),
                    ("idempotentHint", a.idempotent_hint),
                    ("openWorldHint", a.open_world_hint),
                ] {
                    if let Some(v) = v {
                        props.push(prop(
                            &format!("airlock:annotation:{key}"),
                            if v { "true" } else { "false" },
                        ));
                    }
                }
            }
            components.push(json!({
                "type": "library",
                "bom-ref": t.id,
                "name": t.name,
                "properties": props,
            }));
        }
        server_deps.push(json!({
            "ref": s.id,
            "dependsOn": s.tools.iter().map(|t| t.id.clone()).collect::<Vec<_>>(),
        }));
    }
    let mut dependencies: Vec<Value> = inv
        .agents
        .iter()
        .map(|a| json!({ "ref": a.id, "dependsOn": a.tools }))
        .collect();
    dependencies.extend(
        inv.tools
            .iter()
            .map(|t| json!({ "ref": t.id, "dependsOn": [] })),
    );
    dependencies.extend(server_deps);
    let mut bom = json!({
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "version": 1,
        "metadata": {
            "tools": { "components": [{ "type": "application", "name": "airlock", "version": tool_version }] },
            "component": { "type": "application", "bom-ref": "project", "name": project },
        },
        "components": components,
        "services": services,
        "dependencies": dependencies,
    });
    // A serial number derived from the content, so the same code gives the same bytes.
    let body = bom.to_string();
    let h1 = crate::diagnostics::fingerprint("bom", project, &[&body]);
    let h2 = crate::diagnostics::fingerprint("bom2", project, &[&body]);
    let hex = format!("{h1}{h2}");
    bom["serialNumber"] = json!(format!(
        "urn:uuid:{}-{}-5{}-a{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    ));
    crate::diagnostics::to_pretty_json(&bom)
}

#[cfg(test)]
mod tests {
    #[test]
    fn checked_in_schema_is_current() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../rules/inventory.schema.json"
        );
        let generated = super::json_schema();
        if std::env::var_os("AIRLOCK_UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).expect("write schema");
        }
        let checked_in = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            checked_in == generated,
            "rules/inventory.schema.json is stale; regenerate it with \
             `AIRLOCK_UPDATE_SCHEMA=1 cargo test -p airlock-analyzer checked_in_schema_is_current`"
        );
    }
}
