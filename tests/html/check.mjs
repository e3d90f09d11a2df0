// Opens airlock's HTML report in headless Chromium (Debian's package, driven by playwright-core)
// and checks it the way a reader uses it: it loads with no console error and no request leaving
// the file, it shows the expected nodes, clicking a finding highlights its path, the wheel
// zooms; at two window sizes, node colours equal the legend's, no label is clipped, and each
// finding lights exactly its path's nodes. Writes a screenshot per size
// (NAME-WxH.png). With LINKS_RESOLVE=1, every node's link, resolved against the report's own
// URL, must name a file that exists (the report was written to a folder other than the
// project's). Usage: node check.mjs REPORT.html SCREENSHOT.png LABEL...
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const [report, screenshot, ...expected] = process.argv.slice(2);
const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const sizes = [{ width: 1500, height: 900 }, { width: 1024, height: 700 }];
let summary = {};
try {
  for (const size of sizes) {
  const tag = `${size.width}x${size.height}`;
  const page = await browser.newPage({ viewport: size });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${tag} console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${tag} page error: ${e}`));
  // A dialog means script ran that the report did not write (a hostile project's string).
  page.on("dialog", async (d) => {
    problems.push(`${tag} dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on("request", (r) => {
    if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.push(`request to ${r.url()}`);
  });
  await page.goto("file://" + report, { waitUntil: "load" });
  const labels = await page.$$eval("g.node title", (ns) => ns.map((n) => n.textContent));
  for (const want of expected) {
    if (!labels.some((l) => l.includes(want))) problems.push(`${tag}: no node shows "${want}"`);
  }
  // Colours: every node's computed fill equals its legend swatch's; the legend's
  // entries are pairwise distinct.
  const colours = await page.evaluate(() => {
    const style = (el) => getComputedStyle(el).fill; // the kind is the fill; a red stroke marks a path
    const legend = {};
    for (const g of document.querySelectorAll("#legend g[data-legend]")) legend[g.dataset.legend] = style(g.querySelector("rect"));
    const nodes = [...document.querySelectorAll("#graph g.node")].map((g) => {
      const kind = [...g.classList].find((c) => c.startsWith("k-"));
      const key = kind === "k-tool" && g.classList.contains("privileged") ? "k-tool privileged" : kind;
      return { id: g.dataset.id, key, got: style(g.querySelector("rect")) };
    });
    return { legend, nodes };
  });
  const seen = new Set(Object.values(colours.legend));
  if (seen.size !== Object.keys(colours.legend).length) problems.push(`${tag}: legend colours not distinct ${JSON.stringify(colours.legend)}`);
  for (const n of colours.nodes) {
    if (colours.legend[n.key] !== n.got) problems.push(`${tag}: node ${n.id} is ${n.got}, its legend (${n.key}) says ${colours.legend[n.key]}`);
  }
  // Labels: each text lies inside its box, and each box inside the visible canvas.
  const clipped = await page.evaluate(() => {
    const out = [];
    const canvas = document.getElementById("graph").getBoundingClientRect();
    for (const g of document.querySelectorAll("#graph g.node")) {
      const box = g.querySelector("rect").getBoundingClientRect();
      for (const t of g.querySelectorAll("text")) {
        const r = t.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5) out.push(`${g.dataset.id}: text "${t.textContent}" overflows its box`);
      }
      if (box.left < canvas.left - 0.5 || box.right > canvas.right + 0.5 || box.top < canvas.top - 0.5 || box.bottom > canvas.bottom + 0.5) out.push(`${g.dataset.id}: box outside the canvas`);
    }
    return out;
  });
  for (const c of clipped) problems.push(`${tag}: ${c}`);
  // Edges: no edge runs through a box other than its two ends (sampled along the path).
  const crossings = await page.evaluate(() => {
    const out = [];
    const boxes = [...document.querySelectorAll("#graph g.node")].map((g) => {
      const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute("transform"));
      const r = g.querySelector("rect");
      return { id: g.dataset.id, x: +m[1], y: +m[2], w: +r.getAttribute("width"), h: +r.getAttribute("height") };
    });
    for (const p of document.querySelectorAll("#graph path.edge")) {
      const len = p.getTotalLength();
      for (let s = 0; s <= len; s += 4) {
        const pt = p.getPointAtLength(s);
        const hit = boxes.find((b) => b.id !== p.dataset.from && b.id !== p.dataset.to && pt.x > b.x + 2 && pt.x < b.x + b.w - 2 && pt.y > b.y + 2 && pt.y < b.y + b.h - 2);
        if (hit) { out.push(`edge ${p.dataset.from} -> ${p.dataset.to} runs through ${hit.id}`); break; }
      }
    }
    return out;
  });
  for (const c of crossings) problems.push(`${tag}: ${c}`);
  // Gates: each gated target has a badge on an edge into it.
  const gates = await page.evaluate(() => {
    const g = JSON.parse(document.getElementById("data").textContent).graph;
    const targets = [...new Set(g.edges.filter((e) => e.kind === "gate").map((e) => e.to))];
    const intoTarget = (t) => g.edges.some((e) => e.to === t && e.kind !== "gate");
    const badged = new Set([...document.querySelectorAll("g.gate-badge")].map((b) => b.dataset.to));
    return targets.filter((t) => intoTarget(t) && !badged.has(t));
  });
  // Containers: each holds its members' boxes.
  const outside = await page.evaluate(() => {
    const out = [];
    const containers = document.querySelectorAll("g.container");
    for (const c of containers) {
      const r = c.querySelector("rect").getBoundingClientRect();
      for (const n of document.querySelectorAll("#graph g.node")) {
        const b = n.querySelector("rect").getBoundingClientRect();
        const inside = b.left >= r.left && b.right <= r.right && b.top >= r.top && b.bottom <= r.bottom;
        const overlaps = b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top;
        if (overlaps && !inside) out.push(`${n.dataset.id} straddles the container of ${c.dataset.owner}`);
      }
    }
    return { out, n: containers.length };
  });
  if (outside.n === 0) problems.push(`${tag}: no agent or graph drawn as a container`);
  for (const o of outside.out) problems.push(`${tag}: ${o}`);
  for (const t of gates) problems.push(`${tag}: no gate badge on an edge into ${t}`);
  const paths = await page.evaluate(() => JSON.parse(document.getElementById("data").textContent).graph.findings.map((f) => f.nodes));
  const findings = await page.$$eval("li.finding", (ls) => ls.length);
  if (findings === 0) problems.push("no findings listed");
  // Every finding highlights exactly its path's nodes, and something.
  let highlighted = 0;
  for (let i = 0; i < findings; i++) {
    await page.click(`li.finding >> nth=${i}`);
    const lit = await page.$$eval("g.node.hl", (ns) => ns.map((n) => n.dataset.id).sort());
    const want = [...new Set(paths[i])].sort();
    if (lit.length === 0) problems.push(`${tag}: clicking finding ${i} highlighted nothing`);
    if (JSON.stringify(lit) !== JSON.stringify(want)) problems.push(`${tag}: finding ${i} lit ${JSON.stringify(lit)}, its path is ${JSON.stringify(want)}`);
    const focused = await page.$eval("svg#graph", (s) => s.classList.contains("focus"));
    if (!focused) problems.push(`${tag}: finding ${i}: the graph did not dim the rest`);
    highlighted = Math.max(highlighted, lit.length);
  }
  if (highlighted < 3) problems.push(`${tag}: no finding highlighted a path (max ${highlighted} nodes)`);
  // Leave the most telling path highlighted for the screenshot: the first critical one, else the first.
  const crit = await page.$$eval("li.finding:has(.sev.critical)", (ls) => ls.length);
  await page.click(crit ? "li.finding:has(.sev.critical) >> nth=0" : "li.finding >> nth=0");
  const before = await page.getAttribute("svg#graph", "viewBox");
  await page.mouse.move(size.width / 3, size.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(100);
  const after = await page.getAttribute("svg#graph", "viewBox");
  if (before === after) problems.push(`${tag}: the wheel did not zoom`);
  await page.click("#fit");
  await page.screenshot({ path: screenshot.replace(/\.png$/, `-${tag}.png`) });
  // Every node links to its file as a relative URL: no scheme a project path could smuggle in.
  const links = await page.$$eval("g.node", (gs) => gs.map((g) => g.parentElement.getAttribute("href")));
  for (const l of links) {
    if (!l || !l.startsWith("./") || /^[a-z][a-z0-9+.-]*:/i.test(l)) problems.push(`${tag}: node link ${l} is not a relative file link`);
  }
  if (process.env.LINKS_RESOLVE === "1") {
    const base = page.url();
    for (const l of links) {
      const file = fileURLToPath(new URL(l.replace(/#.*$/, ""), base));
      if (!existsSync(file)) problems.push(`${tag}: node link ${l} resolves to ${file}, which does not exist`);
    }
    if (links.length === 0) problems.push(`${tag}: no node links`);
  }
  const link = links[0];
  if (!link || !/#L\d+$/.test(link)) problems.push(`node link ${link} does not name a line`);
  summary = { nodes: labels.length, findings, highlighted };
  await page.close();
  }
  console.log(JSON.stringify({ ...summary, problems }));
} finally {
  await browser.close();
}
process.exit(problems.length ? 1 : 0);
