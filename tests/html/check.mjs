// Opens airlock's HTML report in headless Chromium (Debian's package, driven by playwright-core)
// and checks it the way a reader uses it: it loads with no console error and no request leaving
// the file, it shows the expected nodes, clicking a finding highlights its path, the wheel
// zooms. Writes a screenshot. Usage: node check.mjs REPORT.html SCREENSHOT.png LABEL...
import { chromium } from "playwright-core";

const [report, screenshot, ...expected] = process.argv.slice(2);
const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  // A dialog means script ran that the report did not write (a hostile project's string).
  page.on("dialog", async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on("request", (r) => {
    if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.push(`request to ${r.url()}`);
  });
  await page.goto("file://" + report, { waitUntil: "load" });
  const labels = await page.$$eval("g.node title", (ns) => ns.map((n) => n.textContent));
  for (const want of expected) {
    if (!labels.some((l) => l.includes(want))) problems.push(`no node shows "${want}"`);
  }
  const findings = await page.$$eval("li.finding", (ls) => ls.length);
  if (findings === 0) problems.push("no findings listed");
  // Every finding highlights its place; at least one a path of several nodes.
  let highlighted = 0;
  for (let i = 0; i < findings; i++) {
    await page.click(`li.finding >> nth=${i}`);
    const n = await page.$$eval("g.node.hl", (ns) => ns.length);
    if (n === 0) problems.push(`clicking finding ${i} highlighted nothing`);
    const focused = await page.$eval("svg#graph", (s) => s.classList.contains("focus"));
    if (!focused) problems.push(`finding ${i}: the graph did not dim the rest`);
    highlighted = Math.max(highlighted, n);
  }
  if (highlighted < 3) problems.push(`no finding highlighted a path (max ${highlighted} nodes)`);
  // Leave the most telling path highlighted for the screenshot: the first critical one.
  await page.click("li.finding:has(.sev.critical) >> nth=0");
  const before = await page.getAttribute("svg#graph", "viewBox");
  await page.mouse.move(600, 400);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(100);
  const after = await page.getAttribute("svg#graph", "viewBox");
  if (before === after) problems.push("the wheel did not zoom");
  await page.click("#fit");
  await page.screenshot({ path: screenshot });
  // Every node links to its file as a relative URL: no scheme a project path could smuggle in.
  const links = await page.$$eval("g.node", (gs) => gs.map((g) => g.parentElement.getAttribute("href")));
  for (const l of links) {
    if (!l || !l.startsWith("./") || /^[a-z][a-z0-9+.-]*:/i.test(l)) problems.push(`node link ${l} is not a relative file link`);
  }
  const link = links[0];
  if (!link || !/#L\d+$/.test(link)) problems.push(`node link ${link} does not name a line`);
  console.log(JSON.stringify({ nodes: labels.length, findings, highlighted, problems }));
} finally {
  await browser.close();
}
process.exit(problems.length ? 1 : 0);
