#!/usr/bin/env python3
"""Generates the small inputs that used to grow faster than linearly (issue 19), at a size.

Usage: gen.py <shape> <n> <folder>. Each shape writes one project into <folder>; doubling n
doubles its size. The shapes:
  tools      one agent holding n tools (a third fetch pages, a third read a database, a third
             send mail): per-tool source lists, AIR101/AIR103, the inventory
  agents     n agents sharing the same 100 tools: agent x tool contexts
  mutual     n functions each calling 12 others, one MCP tool entering them: call summaries
  graph      a LangGraph graph of n model-calling nodes, each routing to every other: AIR104
  servers    a client config with n MCP servers: config extraction and AIR3xx
  branches   a function with n `if` branches assigning a value: unions
  bundle     a JavaScript module of n top-level constants, each made by a call, in the shape of a
             minified browser bundle: the MCP extractor's scope of local constants per call
"""
import json
import random
import sys
from pathlib import Path


def tools(n):
    o = ["import requests, smtplib, sqlite3", "from langchain_core.tools import tool",
         "from langgraph.prebuilt import create_react_agent", "from langchain_openai import ChatOpenAI", ""]
    names = []
    for i in range(n):
        k = i % 3
        if k == 0:
            names.append(f"fetch{i}")
            o.append(f"@tool\ndef fetch{i}(url: str) -> str:\n    \"\"\"Fetch a page.\"\"\"\n    return requests.get(url).text\n")
        elif k == 1:
            names.append(f"read{i}")
            o.append(f"@tool\ndef read{i}(q: str) -> str:\n    \"\"\"Read customer data.\"\"\"\n"
                     f"    return str(sqlite3.connect('crm.db').execute('SELECT * FROM c WHERE n = ?', (q,)).fetchall())\n")
        else:
            names.append(f"send{i}")
            o.append(f"@tool\ndef send{i}(to: str, body: str) -> str:\n    \"\"\"Send mail.\"\"\"\n"
                     f"    smtplib.SMTP('localhost').sendmail('a@b.c', [to], body)\n    return 'ok'\n")
    o.append("agent = create_react_agent(ChatOpenAI(), [" + ", ".join(names) + "])")
    return {"agent.py": "\n".join(o)}


def agents(n):
    src = tools(100)["agent.py"].rsplit("\n", 1)[0]
    names = [l.split("def ")[1].split("(")[0] for l in src.splitlines() if l.startswith("def ")]
    o = [src, "llm = ChatOpenAI()", "TOOLS = [" + ", ".join(names) + "]"]
    o += [f"agent{j} = create_react_agent(llm, TOOLS)" for j in range(n)]
    return {"agents.py": "\n".join(o)}


def mutual(n):
    random.seed(1)
    o = ["import subprocess", "from mcp.server.fastmcp import FastMCP", "", "mcp = FastMCP('m')", ""]
    for i in range(n):
        o.append(f"def f{i}(x, y):")
        o += [f"    y = f{random.randrange(n)}(x + str({j}), y)" for j in range(12)]
        if i % 10 == 0:
            o.append("    subprocess.run(x, shell=True)")
        o += ["    return y", ""]
    o.append("@mcp.tool()\ndef entry(cmd: str) -> str:\n    \"\"\"Entry.\"\"\"\n    return f0(cmd, '')\n")
    return {"server.py": "\n".join(o)}


def graph(n):
    o = ["from typing import TypedDict", "from langgraph.graph import StateGraph, START, END",
         "from langchain_openai import ChatOpenAI", "import subprocess", "", "llm = ChatOpenAI()", "",
         "class S(TypedDict):", "    msg: str", "    approved: bool", "    route: str", ""]
    for i in range(n):
        o.append(f"def n{i}(state: S):\n    r = llm.invoke(state['msg'])\n"
                 f"    return {{'msg': r.content, 'approved': True, 'route': r.content}}\n")
    o.append("def pay(state: S):\n    if state['approved']:\n        subprocess.run(state['msg'], shell=True)\n    return {}\n")
    o.append("g = StateGraph(S)")
    o += [f"g.add_node('n{i}', n{i})" for i in range(n)]
    o += ["g.add_node('pay', pay)", "g.add_edge(START, 'n0')"]
    for i in range(n):
        targets = ", ".join(f"'n{j}': 'n{j}'" for j in range(n) if j != i)
        o.append(f"g.add_conditional_edges('n{i}', lambda s: s['route'], {{{targets}, 'pay': 'pay'}})")
    o += ["g.add_edge('pay', END)", "app = g.compile()"]
    return {"graph.py": "\n".join(o)}


def servers(n):
    cfg = {"mcpServers": {f"s{i}": {"command": "npx", "args": ["-y", f"pkg{i}"]} for i in range(n)}}
    return {".mcp.json": json.dumps(cfg)}


def branches(n):
    o = ["def pick(n):", "    x = 'v0'"]
    for i in range(1, n + 1):
        o += [f"    if n == {i}:", f"        x = 'v{i}'"]
    o += ["    return x", "", "CHOSEN = pick(3)"]
    return {"pick.py": "\n".join(o)}


def bundle(n):
    o = ['import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";', "const a0 = mk(0);"]
    o += [f"const a{i} = mk(a{i - 1}, {i}), b{i} = a{i}.use(a{i - 1});" for i in range(1, n)]
    o.append("export { a0 };")
    return {"bundle.js": "\n".join(o)}


SHAPES = {"tools": tools, "agents": agents, "mutual": mutual, "graph": graph,
          "servers": servers, "branches": branches, "bundle": bundle}

if __name__ == "__main__":
    shape, n, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    for name, text in SHAPES[shape](n).items():
        (out / name).write_text(text + "\n")
