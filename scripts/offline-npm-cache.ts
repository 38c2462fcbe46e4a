/**
 * Fills Observable Framework's npm cache from node_modules so the site builds with no CDN.
 *
 * Framework resolves every `npm:` import (explicit, or implied by Plot, d3, Inputs, html, sql,
 * FileAttachment.arrow) by fetching https://cdn.jsdelivr.net/npm/<name>@<version>/+esm unless
 * `<root>/.observablehq/cache/_npm/<name>@<version>/_esm.js` already exists (see
 * ../shared/OFFLINE-BUILD.md). This step bundles each such package from node_modules into one
 * browser ES module with esbuild and writes it there, with the package's package.json beside it.
 * Imports between the packages listed here stay external and point at each other's cached
 * bundle, so d3 and apache-arrow are shipped once per site, not once per dependent.
 * It also copies the DuckDB-WASM engine files Framework serves for `sql` pages.
 *
 * Runs by itself before `npm run build` and `npm run dev`; idempotent and quick when nothing changed.
 */
import {build} from "esbuild";
import {createHash} from "node:crypto";
import {copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, join, posix, relative} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cacheRoot = join(root, "src", ".observablehq", "cache", "_npm");

/** Every package a page may reach through `npm:` (explicitly or through Framework's implicit imports). */
export const BROWSER_PACKAGES = [
  "@observablehq/plot",
  "@observablehq/inputs",
  "@duckdb/duckdb-wasm",
  "apache-arrow",
  "d3",
  "d3-dsv",
  "htl",
  "isoformat",
  "topojson-client"
] as const;

/** The engine files Framework copies for any page with a `sql` block or DuckDBClient. */
const DUCKDB_FILES = ["duckdb-mvp.wasm", "duckdb-browser-mvp.worker.js", "duckdb-eh.wasm", "duckdb-browser-eh.worker.js"];
const DUCKDB_WASM_VERSION = "1.29.0"; // pinned by @observablehq/framework 1.13 (dist/duckdb.js)

function packageJsonPath(name: string): string {
  const path = join(root, "node_modules", name, "package.json");
  if (!existsSync(path)) throw new Error(`offline-npm-cache: ${name} is not installed in node_modules (run npm install)`);
  return path;
}

function installedVersion(name: string): string {
  return JSON.parse(readFileSync(packageJsonPath(name), "utf8")).version;
}

function cacheDir(name: string, version: string): string {
  return join(cacheRoot, `${name}@${version}`);
}

async function bundle(name: string, versions: Map<string, string>): Promise<void> {
  const version = versions.get(name)!;
  const dir = cacheDir(name, version);
  const output = join(dir, "_esm.js");
  const pkgPath = packageJsonPath(name);
  const stamp = createHash("sha256")
    .update(readFileSync(pkgPath))
    .update(JSON.stringify([...versions]))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest("hex");
  const stampPath = join(dir, ".bundle-stamp");
  if (existsSync(output) && existsSync(stampPath) && readFileSync(stampPath, "utf8") === stamp) return;
  mkdirSync(dir, {recursive: true});
  const others = [...versions.keys()].filter((other) => other !== name);
  await build({
    entryPoints: [name],
    absWorkingDir: root,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    outfile: output,
    logLevel: "error",
    conditions: ["browser", "import", "module"],
    mainFields: ["browser", "module", "main"],
    plugins: [
      {
        name: "sibling-packages",
        setup(b) {
          b.onResolve({filter: /^[^./]/}, (args) => {
            const target = others.find((other) => args.path === other);
            if (!target) return undefined;
            const from = posix.join("_npm", `${name}@${version}`);
            const to = posix.join("_npm", `${target}@${versions.get(target)}`, "_esm.js");
            let path = posix.relative(from, to);
            if (!path.startsWith(".")) path = `./${path}`;
            return {path, external: true};
          });
        }
      }
    ]
  });
  copyFileSync(pkgPath, join(dir, "package.json"));
  writeFileSync(stampPath, stamp);
  console.error(`offline-npm-cache: bundled ${name}@${version} → ${relative(root, output)}`);
}

function copyDuckDbEngine(): void {
  const installed = installedVersion("@duckdb/duckdb-wasm");
  if (installed !== DUCKDB_WASM_VERSION) {
    throw new Error(`offline-npm-cache: Framework pins @duckdb/duckdb-wasm ${DUCKDB_WASM_VERSION}, node_modules has ${installed}`);
  }
  const source = join(dirname(packageJsonPath("@duckdb/duckdb-wasm")), "dist");
  const target = join(cacheDir("@duckdb/duckdb-wasm", DUCKDB_WASM_VERSION), "dist");
  mkdirSync(target, {recursive: true});
  for (const file of DUCKDB_FILES) {
    const to = join(target, file);
    if (!existsSync(to)) copyFileSync(join(source, file), to);
  }
}

export async function fillNpmCache(): Promise<void> {
  const versions = new Map(BROWSER_PACKAGES.map((name) => [name as string, installedVersion(name)]));
  for (const name of BROWSER_PACKAGES) await bundle(name, versions);
  copyDuckDbEngine();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  fillNpmCache().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
