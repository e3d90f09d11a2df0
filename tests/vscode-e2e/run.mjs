// The extension in a real VS Code: code-server (from npm, prepared by setup.sh) with the packaged
// .vsix installed, driven in headless Chromium through playwright-core the way a new user works.
// It opens a vulnerable file and waits for the squiggle, the Problems entry and the hover; then
// applies the quick fix and waits for the diagnostics to go. It prints one JSON line with the
// measured seconds and the problems found, and exits 1 if there are any. Everything binds to
// 127.0.0.1; every request from the page to anywhere else is refused and counted; every process
// started here (code-server, its extension host, the airlock server) carries a marker in its
// environment and is stopped on the way out, on success, failure or signal.
//
// Usage: node run.mjs --airlock BIN --vsix FILE --project DIR --file REL --code AIRxxx
//                     --hover TEXT [--limit SECONDS] [--screenshot FILE]
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
for (const k of ["airlock", "vsix", "project", "file", "code", "hover"]) {
  if (!args[k]) {
    console.error(`run.mjs: --${k} is required`);
    process.exit(2);
  }
}
const limit = Number(args.limit || 2);
const entry = path.join(here, "node_modules/code-server/out/node/entry.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "airlock-vscode-e2e-"));
// The caller (tests/vscode_e2e.rs) may name the marker, to sweep up after this script too.
const runId = process.env.AIRLOCK_E2E_RUN || tmp;
const marker = `AIRLOCK_E2E_RUN=${runId}`;
const problems = [];
const figures = {};
const log = [];

// ---- processes ---------------------------------------------------------------------------

const env = {
  ...process.env,
  AIRLOCK_E2E_RUN: runId,
  HOME: path.join(tmp, "home"),
  XDG_CONFIG_HOME: path.join(tmp, "home/.config"),
  XDG_DATA_HOME: path.join(tmp, "home/.local/share"),
  XDG_CACHE_HOME: path.join(tmp, "home/.cache"),
  // No extension gallery: an address on loopback where nothing listens.
  EXTENSIONS_GALLERY: JSON.stringify({
    serviceUrl: "http://127.0.0.1:9/gallery",
    itemUrl: "http://127.0.0.1:9/item",
    resourceUrlTemplate: "http://127.0.0.1:9/resource",
  }),
  VSCODE_PROXY_URI: "",
};
delete env.CI; // code-server's own behaviour must not depend on the CI variable.
fs.mkdirSync(env.XDG_CONFIG_HOME, { recursive: true });
const userData = path.join(tmp, "user-data");
const extensions = path.join(tmp, "extensions");
fs.mkdirSync(path.join(userData, "User"), { recursive: true });
fs.writeFileSync(
  path.join(userData, "User/settings.json"),
  JSON.stringify(
    {
      "airlock.path": path.resolve(args.airlock),
      "telemetry.telemetryLevel": "off",
      "update.mode": "none",
      "extensions.autoCheckUpdates": false,
      "extensions.autoUpdate": false,
      "extensions.ignoreRecommendations": true,
      "workbench.enableExperiments": false,
      "workbench.startupEditor": "none",
      "workbench.tips.enabled": false,
      "workbench.welcomePage.walkthroughs.openOnInstall": false,
      "security.workspace.trust.enabled": false,
      "chat.disableAIFeatures": true,
      "git.enabled": false,
      "npm.autoDetect": "off",
      "typescript.tsserver.enable": false,
      "editor.hover.delay": 100,
      "files.autoSave": "off",
      ...(process.env.KEEP ? { "airlock.trace.server": "verbose" } : {}),
    },
    null,
    2,
  ),
);
const config = path.join(tmp, "code-server.yaml");
fs.writeFileSync(config, "auth: none\ncert: false\n");
const common = [
  "--config", config, "--user-data-dir", userData, "--extensions-dir", extensions,
  "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust",
  "--disable-getting-started-override", "--disable-proxy", "--disable-file-downloads",
];

const children = [];
let browser;
function start(argv, what) {
  const child = spawn(process.execPath, [entry, ...argv], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.push(child);
  let out = "";
  const take = (d) => {
    out += d;
    log.push(`[${what}] ${d}`.trimEnd());
  };
  child.stdout.on("data", take);
  child.stderr.on("data", take);
  return { child, output: () => out };
}

/** The processes that carry this run's marker (every descendant of what we started). */
function marked() {
  const pids = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      const e = fs.readFileSync(`/proc/${d}/environ`, "latin1");
      if (e.split("\0").includes(marker)) pids.push(Number(d));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return pids;
}

/** Whether the extension host says its eager extensions are activated. */
function extensionHostReady() {
  const logs = path.join(userData, "logs");
  const walk = (d) =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)],
    );
  try {
    return walk(logs).some(
      (f) => f.endsWith("exthost.log") && fs.readFileSync(f, "utf8").includes("Eager extensions activated"),
    );
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let stopped = false;
async function stopAll() {
  if (stopped) return;
  stopped = true;
  for (const signal of ["SIGTERM", "SIGKILL"]) {
    for (const c of children) {
      try {
        process.kill(-c.pid, signal);
      } catch {
        // Already gone.
      }
    }
    for (const pid of marked()) {
      try {
        process.kill(pid, signal);
      } catch {
        // Already gone.
      }
    }
    for (let i = 0; i < 30 && marked().length; i++) await sleep(100);
    if (!marked().length) break;
  }
  const left = marked();
  if (left.length) problems.push(`processes still running after the test: ${left.join(", ")}`);
  figures.leftover_processes = left.length;
  if (!process.env.KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}
// The whole run is bounded; past it everything is stopped and the run fails.
const overall = setTimeout(async () => {
  problems.push("the run took more than 240 s");
  if (browser) await browser.close().catch(() => {});
  await stopAll();
  console.log(JSON.stringify({ ...figures, problems }));
  process.exit(1);
}, 240_000);
for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(s, async () => {
    await stopAll();
    process.exit(1);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitExit(child, ms, what) {
  const t = Date.now();
  while (child.exitCode === null && child.signalCode === null) {
    if (Date.now() - t > ms) throw new Error(`${what} did not finish in ${ms} ms`);
    await sleep(50);
  }
  return child.exitCode;
}

// ---- the test ----------------------------------------------------------------------------

try {
  // Install the packaged extension the way a user does.
  const install = start([...common, "--install-extension", path.resolve(args.vsix), "--force"], "install");
  const code = await waitExit(install.child, 60_000, "--install-extension");
  if (code !== 0) throw new Error(`--install-extension exited ${code}: ${install.output()}`);
  if (!fs.readdirSync(extensions).some((d) => d.startsWith("airlock.airlock-"))) {
    throw new Error(`the extension is not in ${extensions}: ${install.output()}`);
  }

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = start([...common, "--bind-addr", `127.0.0.1:${port}`, "--ignore-last-opened"], "code-server");
  const t0 = Date.now();
  while (!server.output().includes("HTTP server listening")) {
    if (server.child.exitCode !== null) throw new Error(`code-server exited: ${server.output()}`);
    if (Date.now() - t0 > 60_000) throw new Error(`code-server did not start: ${server.output()}`);
    await sleep(100);
  }

  const profile = path.join(tmp, "chromium");
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const refused = [];
  await browser.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    refused.push(url);
    return route.abort();
  });
  const page = browser.pages()[0] || (await browser.newPage());
  page.on("pageerror", (e) => log.push(`[page error] ${e}`));

  await page.goto(`${origin}/?folder=${encodeURIComponent(path.resolve(args.project))}`);
  await page.waitForSelector(".monaco-workbench .part.editor", { timeout: 60_000 });
  await page.waitForSelector(".explorer-folders-view .monaco-list-row", { timeout: 60_000 });
  // Let the window finish starting (as a person would before clicking a file): the extension
  // host has activated its eager extensions.
  const settled = Date.now();
  while (!extensionHostReady()) {
    if (Date.now() - settled > 60_000) throw new Error("the extension host did not start");
    await sleep(100);
  }

  // Open the file with Quick Open; the clock starts when it is chosen.
  await page.click(".part.editor");
  await page.keyboard.press("Control+P");
  await page.waitForSelector(".quick-input-widget input", { state: "visible" });
  await page.keyboard.type(args.file);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${path.basename(args.file)}"]`);
  const opened = Date.now();
  await page.keyboard.press("Enter");
  figures.opened_at = opened / 1000;
  await page.waitForSelector(`.tabs-container .tab.active[aria-label*="${path.basename(args.file)}"]`, { timeout: 60_000 });
  // The file is open once its tab shows: the clock for the diagnostics starts there (the time
  // VS Code takes to show the tab, reported as open_to_tab_s, is not the extension's).
  const shown = Date.now();
  figures.open_to_tab_s = (shown - opened) / 1000;
  const squiggle = ".monaco-editor .view-overlays .squiggly-error";
  await page.waitForSelector(squiggle, { timeout: 60_000 });
  figures.open_to_squiggle_s = (Date.now() - shown) / 1000;
  figures.quick_open_to_squiggle_s = (Date.now() - opened) / 1000;
  if (figures.open_to_squiggle_s > limit) {
    problems.push(`the squiggle took ${figures.open_to_squiggle_s} s after opening (limit ${limit} s)`);
  }

  // The Problems panel lists the finding.
  await page.keyboard.press("Control+Shift+M");
  const row = `.markers-panel .monaco-list-row:has-text("${args.code}")`;
  await page.waitForSelector(row, { timeout: 10_000 });
  figures.problems_entry = (await page.textContent(row)).trim().slice(0, 200);
  figures.open_to_problems_s = (Date.now() - opened) / 1000;

  // Hovering the squiggle shows the finding.
  const box = await page.locator(squiggle).first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator(".monaco-hover:visible").first();
  await hover.waitFor({ timeout: 10_000 });
  await page.waitForFunction(
    (want) => [...document.querySelectorAll(".monaco-hover")].some((h) => h.textContent.includes(want)),
    args.hover,
    { timeout: 10_000 },
  );
  figures.hover = (await hover.textContent()).trim().slice(0, 300);
  if (args.screenshot) await page.screenshot({ path: args.screenshot });

  // Fix it: put the cursor on the finding and apply the preferred quick fix (the gate).
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Shift+Alt+.");
  const fixed = Date.now();
  await page.waitForFunction(
    (sel) => document.querySelectorAll(sel).length === 0,
    squiggle,
    { timeout: 60_000, polling: 50 },
  );
  figures.fix_to_clear_s = (Date.now() - fixed) / 1000;
  if (figures.fix_to_clear_s > limit) {
    problems.push(`the diagnostics took ${figures.fix_to_clear_s} s to clear after the fix (limit ${limit} s)`);
  }
  await page.waitForFunction(
    (code) => ![...document.querySelectorAll(".markers-panel .monaco-list-row")].some((r) => r.textContent.includes(code)),
    args.code,
    { timeout: 10_000 },
  );
  figures.fix_to_problems_clear_s = (Date.now() - fixed) / 1000;
  if (args.screenshot) await page.screenshot({ path: args.screenshot.replace(/\.png$/, "-fixed.png") });
  // Save, and read what the quick fix wrote.
  await page.keyboard.press("Control+S");
  const file = path.join(path.resolve(args.project), args.file);
  const t = Date.now();
  while (!/interrupt_on/.test(fs.readFileSync(file, "utf8"))) {
    if (Date.now() - t > 10_000) {
      problems.push("the quick fix did not insert the gate");
      break;
    }
    await sleep(100);
  }
  figures.refused_requests = refused.length;
  if (refused.length) problems.push(`requests left 127.0.0.1: ${[...new Set(refused)].slice(0, 5).join(", ")}`);
} catch (e) {
  problems.push(String(e && e.stack ? e.stack : e));
} finally {
  if (browser) await browser.close().catch(() => {});
  await stopAll();
}
clearTimeout(overall);
if (problems.length) console.error(log.slice(-60).join("\n"));
console.log(JSON.stringify({ ...figures, problems }));
process.exit(problems.length ? 1 : 0);
