// Checks the packaged .vsix: exactly the expected files (the bundle, the manifest, README,
// LICENSE; no node_modules, sources or source maps), a manifest that matches package.json, and a
// bundle that requires nothing but `vscode` and Node's built-in modules. It reads the zip with
// Node alone, so CI needs no `unzip`.

import { builtinModules } from "node:module";
import * as fs from "node:fs";
import * as zlib from "node:zlib";

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Lists a zip's entries from its central directory. */
function listZip(buf: Buffer): Entry[] {
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file: no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readEntry(buf: Buffer, e: Entry): Buffer {
  const at = e.localOffset;
  if (buf.readUInt32LE(at) !== 0x04034b50) throw new Error(`bad local header for ${e.name}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  if (e.method === 8) return zlib.inflateRawSync(data);
  throw new Error(`${e.name}: unsupported compression method ${e.method}`);
}

interface Manifest {
  name: string;
  version: string;
  main: string;
}

function main(): void {
  const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as Manifest;
  const file = process.argv[2] ?? `${pkg.name}-${pkg.version}.vsix`;
  const buf = fs.readFileSync(file);
  const entries = listZip(buf);
  const names = entries.map((e) => e.name).sort();
  const problems: string[] = [];

  const main = `extension/${pkg.main.replace(/^\.\//, "")}`;
  const required = ["extension.vsixmanifest", "[Content_Types].xml", "extension/package.json", main];
  const allowed = new Set([...required, "extension/readme.md", "extension/LICENSE.txt", "extension/changelog.md"]);
  for (const r of required) if (!names.includes(r)) problems.push(`missing ${r}`);
  for (const n of names) if (!allowed.has(n)) problems.push(`unexpected file ${n}`);
  if (!names.includes("extension/LICENSE.txt")) problems.push("missing the LICENSE");

  const byName = new Map(entries.map((e) => [e.name, e]));
  const packed = byName.get("extension/package.json");
  if (packed) {
    const inner = JSON.parse(readEntry(buf, packed).toString("utf8")) as Manifest;
    for (const key of ["name", "version", "main"] as const) {
      if (inner[key] !== pkg[key]) problems.push(`packaged package.json has ${key} ${inner[key]}, expected ${pkg[key]}`);
    }
  }
  const bundle = byName.get(main);
  if (bundle) {
    const code = readEntry(buf, bundle).toString("utf8");
    if (code.length !== bundle.size) problems.push(`${main}: inflated size differs from the directory`);
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? "");
    const foreign = [...new Set(required.filter((r) => r !== "vscode" && !builtins.has(r)))];
    if (foreign.length > 0) problems.push(`${main} requires modules that are not bundled: ${foreign.join(", ")}`);
    if (!required.includes("vscode")) problems.push(`${main} never requires vscode: is it the extension?`);
  }

  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${file}: ${kb(buf.length)}, ${entries.length} files`);
  for (const e of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
    console.log(`  ${e.name.padEnd(32)} ${kb(e.size).padStart(10)}`);
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`error: ${p}`);
    process.exit(1);
  }
  console.log("vsix contents ok");
}

main();
