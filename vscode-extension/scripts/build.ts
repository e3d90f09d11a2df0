// Bundles the extension and its dependencies (vscode-languageclient) into dist/extension.js with
// esbuild, so the .vsix needs no node_modules. `--production` minifies and drops source maps;
// `--watch` rebuilds on change.

import * as esbuild from "esbuild";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

const options: esbuild.BuildOptions = {
  entryPoints: ["src/extension.ts"],
  outfile: "dist/extension.js",
  bundle: true,
  platform: "node",
  format: "cjs",
  // VS Code 1.82, the oldest the manifest accepts, runs extensions on Node 18.
  target: "node18",
  // Provided by VS Code at run time.
  external: ["vscode"],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: "info",
  metafile: true,
};

async function main(): Promise<void> {
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
    return;
  }
  const result = await esbuild.build(options);
  if (result.errors.length > 0) process.exit(1);
  const imports = Object.values(result.metafile?.outputs ?? {}).flatMap((o) => o.imports);
  const external = [...new Set(imports.filter((i) => i.external).map((i) => i.path))].sort();
  console.log(`external imports: ${external.join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
