/**
 * How a worker thread loads the audit (issue 9, speed).
 *
 * Every worker is a new V8 isolate: it loads and compiles the command's modules again. Measured on the sample
 * (one thread, idle machine): requiring lib/cli/auditAny.js and its ~150 modules took 130–180 ms, the same code as
 * one file bundled by esbuild 50–90 ms; with V8's code cache of that file (made after one audit, so it holds the
 * functions an audit compiles lazily) the load took about 20 ms and the first audit about 30 ms less. With two
 * workers that is about 0.25 s of CPU on every batch.
 *
 * `node scripts/cli.js --build` writes lib/cli/worker.bundle.js (esbuild, from lib/cli/worker.js) and
 * worker.bundle.cache. Both are optional: without esbuild, or when V8 rejects the cache (another Node version or
 * other V8 flags), the worker loads exactly the same code the plain way. A cache never changes what runs: V8 checks
 * it against the source and its own version and flags, and compiles from source when it does not match.
 */
import * as fs from "fs";
import * as path from "path";

/** The bundle next to the built worker entry, when the build made one. */
export function bundleFor(entry: string): string | null {
  if (path.extname(entry) !== ".js" || path.basename(entry) !== "worker.js") return null;
  const b = path.join(path.dirname(entry), "worker.bundle.js");
  return fs.existsSync(b) ? b : null;
}

/**
 * Runs in the new thread as a CommonJS script (Worker `eval`): registers tsx when the entry is TypeScript, loads
 * the bundle with its code cache when there is one, else the entry. Plain ES2019 in a string: it runs before
 * anything is loaded.
 */
export const BOOT = [
  'const { workerData } = require("worker_threads");',
  "if (workerData.tsx) require(workerData.tsx);",
  "if (workerData.bundle) {",
  '  const fs = require("fs"), vm = require("vm"), path = require("path"), Module = require("module");',
  "  const file = workerData.bundle;",
  "  let cachedData;",
  '  try { cachedData = fs.readFileSync(file.replace(/\\.js$/, ".cache")); } catch (_e) { cachedData = undefined; }',
  '  const script = new vm.Script(Module.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData: cachedData });',
  "  const m = { exports: {}, filename: file, id: file };",
  "  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));",
  "} else require(workerData.entry);",
].join("\n");
