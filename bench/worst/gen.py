#!/usr/bin/env python3
"""Generates the small inputs that once made airlock explode (issue 19), one project folder each.

Every input is a valid project someone could commit. None of it is third-party code.

Usage: bench/worst/gen.py OUT_DIR [CASE ...] [--scale F]
  CASE: mutual, air104, nested, mcp-servers, sink-glob, agents-tools (default: all)
  --scale F multiplies each case's size (default 1.0: the sizes of issue 19)

  mutual        N functions (100) each calling K (12) others with a model-controlled argument
                that also reaches a shell: per-function injection hits grew as K^depth.
  air104        a LangGraph graph of N (60) LLM nodes, each writing `approved` and routing
                with add_conditional_edges to every node: AIR104 grew about as N^4.
  nested        N (400,000) lines `x = [x]`: the interpreter's nested list was dropped
                recursively (stack overflow abort).
  mcp-servers   a `.mcp.json` client config with N (100,000) servers.
  sink-glob     an airlock.toml `[[sink]]` whose callee has G (200) `**` segments, and a file
                importing and calling one dotted name of L (4,000) segments.
  agents-tools  A (2,000) agents, each given the same T (100) tools (a web reader and shell
                tools): findings x path steps.
"""
import json
import os
import sys


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def mutual(out, scale):
    n, k = max(2, int(100 * scale)), 12
    lines = ["import subprocess", "", "from langchain_core.tools import tool", ""]
    for i in range(n):
        lines.append(f"def step_{i}(cmd: str, depth: int) -> None:")
        lines.append("    if depth <= 0:")
        lines.append("        subprocess.run(cmd, shell=True)")
        lines.append("        return")
        for j in range(1, k + 1):
            lines.append(f"    step_{(i * 7 + j * 13) % n}(cmd, depth - 1)")
        lines.append("")
    for i in range(n):
        lines.append("@tool")
        lines.append(f"def run_{i}(cmd: str) -> str:")
        lines.append(f'    """Runs step {i}."""')
        lines.append(f"    step_{i}(cmd, 10)")
        lines.append('    return "done"')
        lines.append("")
    write(os.path.join(out, "mutual", "steps.py"), "\n".join(lines))


def air104(out, scale):
    n = max(2, int(60 * scale))
    names = [f"review_{i}" for i in range(n)] + ["pay"]
    lines = [
        "from typing import TypedDict",
        "",
        "import stripe",
        "from langchain.chat_models import init_chat_model",
        "from langgraph.graph import START, StateGraph",
        "",
        "",
        "class S(TypedDict):",
        "    approved: bool",
        "    amount: int",
        "",
        "",
        'llm = init_chat_model("openai:gpt-4o")',
        "",
    ]
    for i in range(n):
        lines += [
            f"def review_{i}(state: S) -> dict:",
            f'    return {{"approved": llm.invoke("check {i}").content == "yes"}}',
            "",
            f"def route_{i}(state: S) -> str:",
            f'    return "pay" if state["approved"] else "review_{(i + 1) % n}"',
            "",
        ]
    lines += [
        "def pay(state: S) -> dict:",
        '    stripe.Transfer.create(amount=state["amount"], currency="usd", destination="x")',
        "    return {}",
        "",
        "builder = StateGraph(S)",
    ]
    for name in names:
        lines.append(f'builder.add_node("{name}", {name})')
    lines.append('builder.add_edge(START, "review_0")')
    targets = "{" + ", ".join(f'"{t}": "{t}"' for t in names) + "}"
    for i in range(n):
        lines.append(f'builder.add_conditional_edges("review_{i}", route_{i}, {targets})')
    lines.append("graph = builder.compile()")
    write(os.path.join(out, "air104", "graph.py"), "\n".join(lines) + "\n")


def nested(out, scale):
    n = max(1, int(400_000 * scale))
    write(
        os.path.join(out, "nested", "deep.py"),
        "x = []\n" + "x = [x]\n" * n,
    )


def mcp_servers(out, scale):
    n = max(1, int(100_000 * scale))
    servers = {
        f"server-{i}": {"command": "npx", "args": ["-y", f"@acme/mcp-tool-{i}@1.0.{i}"]}
        for i in range(n)
    }
    write(os.path.join(out, "mcp-servers", ".mcp.json"), json.dumps({"mcpServers": servers}, separators=(",", ":")))


def sink_glob(out, scale):
    g, length = max(1, int(200 * scale)), max(2, int(4000 * scale))
    glob = ".".join(["**"] * g + ["never"])
    write(
        os.path.join(out, "sink-glob", "airlock.toml"),
        f'[[sink]]\ncallee = "acme.{glob}"\nkind = "payment"\n',
    )
    name = ".".join(["acme"] + ["a"] * length)
    write(
        os.path.join(out, "sink-glob", "app.py"),
        f"import {name}\nfrom {name} import run\n\nrun()\n",
    )


def agents_tools(out, scale):
    agents, tools = max(1, int(2000 * scale)), max(2, int(100 * scale) if scale < 1 else 100)
    lines = [
        "import subprocess",
        "",
        "import requests",
        "from langchain_core.tools import tool",
        "",
        "",
        "@tool",
        "def read_page(url: str) -> str:",
        '    """Reads a web page."""',
        "    return requests.get(url).text",
        "",
    ]
    for t in range(1, tools):
        lines += [
            "@tool",
            f"def shell_{t}(cmd: str) -> str:",
            f'    """Runs shell command number {t}."""',
            "    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout",
            "",
        ]
    write(os.path.join(out, "agents-tools", "tools.py"), "\n".join(lines))
    per_file = 100
    for f in range(0, agents, per_file):
        body = [
            "from langgraph.prebuilt import create_react_agent",
            "",
            "from tools import *",
            "from tools import read_page",
            "",
        ]
        for a in range(f, min(agents, f + per_file)):
            names = ", ".join(["read_page"] + [f"shell_{t}" for t in range(1, tools)])
            body.append(f'agent_{a} = create_react_agent("openai:gpt-4o", tools=[{names}])')
        write(os.path.join(out, "agents-tools", f"agents_{f // per_file}.py"), "\n".join(body) + "\n")


CASES = {
    "mutual": mutual,
    "air104": air104,
    "nested": nested,
    "mcp-servers": mcp_servers,
    "sink-glob": sink_glob,
    "agents-tools": agents_tools,
}


def main():
    args = sys.argv[1:]
    scale = 1.0
    if "--scale" in args:
        i = args.index("--scale")
        scale = float(args[i + 1])
        del args[i : i + 2]
    if not args:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    out, cases = args[0], args[1:] or list(CASES)
    for c in cases:
        if c not in CASES:
            print(f"gen: unknown case {c}", file=sys.stderr)
            sys.exit(2)
        CASES[c](out, scale)
        print(f"gen: {c} -> {os.path.join(out, c)}", file=sys.stderr)


if __name__ == "__main__":
    main()
