// Renders a Mermaid flowchart with Mermaid 11 (the pinned npm package, loaded from
// node_modules into a local page) in headless Chromium, and prints, for every node, the classes
// Mermaid put on it and the fill and stroke the browser computed for its shape, so
// tests/report_mermaid.rs can compare them with the `class` and `classDef` lines.
// Usage: node mermaid.mjs DIAGRAM.mmd WORKDIR
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [diagramPath, workdir] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const mermaidJs = join(here, "node_modules/mermaid/dist/mermaid.min.js");
const page = join(workdir, "mermaid.html");
writeFileSync(
  page,
  `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="${pathToFileURL(mermaidJs)}"></script></head><body><div id="out"></div></body></html>`,
);
const diagram = readFileSync(diagramPath, "utf8");
const version = JSON.parse(readFileSync(join(here, "node_modules/mermaid/package.json"), "utf8")).version;
const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  tab.on("pageerror", (e) => problems.push(`page error: ${e}`));
  tab.on("request", (r) => {
    if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.push(`request to ${r.url()}`);
  });
  await tab.goto(pathToFileURL(page).href, { waitUntil: "load" });
  const result = await tab.evaluate(async (text) => {
    const mermaid = window.mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    const out = { error: null, nodes: [] };
    try {
      const { svg } = await mermaid.render("diagram", text);
      document.getElementById("out").innerHTML = svg;
    } catch (e) {
      out.error = String(e);
      return out;
    }
    for (const g of document.querySelectorAll("#out g.node")) {
      const m = /^diagram-flowchart-(.+)-\d+$|^flowchart-(.+)-\d+$/.exec(g.id);
      const id = m ? (m[1] ?? m[2]) : g.id;
      const shape = g.querySelector("rect, polygon, path, circle, ellipse");
      const style = shape ? getComputedStyle(shape) : null;
      out.nodes.push({
        id,
        classes: [...g.classList],
        fill: style ? style.fill : null,
        stroke: style ? style.stroke : null,
      });
    }
    return out;
  }, diagram);
  console.log(JSON.stringify({ version, ...result, problems }));
} finally {
  await browser.close();
}
process.exit(problems.length ? 1 : 0);
