#!/usr/bin/env node
/**
 * `npm run audit`: runs the compiled command (lib/cli/main.js), not TypeScript through tsx (issue 9: tsx made every
 * run, and every worker thread, compile the sources again). A stale lib/ can never run: when any source of the
 * command (src/engine, src/io, src/present, src/cli, the tsconfigs) is newer than the last build, it is rebuilt
 * first (`tsc -p tsconfig.cli.json`, a few seconds, once). `node scripts/cli.js --build` only builds (`prepare`).
 *
 * Plain JavaScript on purpose: it must start without a compiler.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const REPO = path.join(__dirname, "..");
const LIB = path.join(REPO, "lib");
/** Written after each build, dated when the build started: an edit made during the build still counts as newer. */
const STAMP = path.join(LIB, ".build-stamp");
const SOURCES = ["src/engine", "src/io", "src/present", "src/cli"];
const CONFIGS = ["tsconfig.json", "tsconfig.cli.json", "package.json", "scripts/cli.js"];

function newestIn(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (_e) {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestIn(p));
    else if (e.name.endsWith(".ts") || e.name.endsWith(".json")) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function newestSource() {
  let newest = 0;
  for (const d of SOURCES) newest = Math.max(newest, newestIn(path.join(REPO, d)));
  for (const f of CONFIGS) {
    try {
      newest = Math.max(newest, fs.statSync(path.join(REPO, f)).mtimeMs);
    } catch (_e) {
      // absent config: nothing to compare
    }
  }
  return newest;
}

function isStale() {
  let built;
  try {
    built = fs.statSync(STAMP).mtimeMs;
  } catch (_e) {
    return true;
  }
  return !fs.existsSync(path.join(LIB, "cli", "main.js")) || newestSource() > built;
}

/**
 * The worker's bundle and code cache (src/cli/workerBoot.ts says why): lib/cli/worker.bundle.js by esbuild from
 * lib/cli/worker.js, then worker.bundle.cache made by a child process that loads the bundle the way a worker does and
 * audits the bundled sample once. Optional: any failure removes both and the workers load lib/ module by module.
 */
const BUNDLE = path.join(LIB, "cli", "worker.bundle.js");
const CACHE = path.join(LIB, "cli", "worker.bundle.cache");
/** Loaded at run time, never bundled: large, or found through Node's own loader (src/io/pdfjsLoad.ts, sheetjs.ts). */
const EXTERNAL = ["@e965/xlsx", "pdfjs-dist", "mammoth", "docx", "exceljs"];

function removeBundle() {
  for (const f of [BUNDLE, CACHE]) {
    try {
      fs.unlinkSync(f);
    } catch (_e) {
      // absent: nothing to remove
    }
  }
}

function bundleWorker() {
  removeBundle();
  let esbuild;
  try {
    esbuild = require(require.resolve("esbuild", { paths: [REPO] }));
    esbuild.buildSync({ entryPoints: [path.join(LIB, "cli", "worker.js")], bundle: true, platform: "node", format: "cjs", target: "es2019", outfile: BUNDLE, external: EXTERNAL, logLevel: "silent" });
  } catch (_e) {
    removeBundle();
    return;
  }
  const p = spawnSync(process.execPath, [__filename, "--make-cache"], { cwd: REPO, encoding: "utf8" });
  if (p.status !== 0) removeBundle();
}

/** In the child of bundleWorker: the same V8 flags as a batch (jit.ts), the bundle loaded as BOOT does, one audit. */
function makeCache() {
  require(path.join(LIB, "cli", "jit.js")).tuneJitForBatch();
  const vm = require("vm");
  const Module = require("module");
  const script = new vm.Script(Module.wrap(fs.readFileSync(BUNDLE, "utf8")), { filename: BUNDLE });
  const m = { exports: {}, filename: BUNDLE, id: BUNDLE };
  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(BUNDLE), m, BUNDLE, path.dirname(BUNDLE));
  const sample = path.join(REPO, "examples", "2024-sanmenxia-xzsp.xlsx");
  const run = fs.existsSync(sample) ? m.exports.auditAnyFile(sample, undefined, true, undefined, undefined) : Promise.resolve();
  return Promise.resolve(run).then(() => fs.writeFileSync(CACHE, script.createCachedData()));
}

/** Compiles src/ into lib/; returns false when nothing usable was emitted. */
function build() {
  const started = new Date();
  const tsc = require.resolve("typescript/bin/tsc", { paths: [REPO] });
  const p = spawnSync(process.execPath, [tsc, "-p", path.join(REPO, "tsconfig.cli.json")], { cwd: REPO, encoding: "utf8" });
  if (p.status !== 0) {
    process.stderr.write("编译命令行程序时出错：\n" + (p.stdout || "") + (p.stderr || ""));
    // a bundle of the previous build would run old code: the workers load lib/ module by module instead
    removeBundle();
    if (!fs.existsSync(path.join(LIB, "cli", "main.js"))) return false;
  } else {
    bundleWorker();
    fs.writeFileSync(STAMP, started.toISOString() + "\n");
    fs.utimesSync(STAMP, started, started);
  }
  return true;
}

if (process.argv[2] === "--make-cache") {
  makeCache().catch(() => {
    process.exitCode = 1;
  });
} else if (process.argv[2] === "--build") {
  process.exitCode = build() ? 0 : 2;
} else {
  if (isStale() && !build()) {
    process.exitCode = 2;
  } else {
    require(path.join(LIB, "cli", "main.js")).runCli(process.argv.slice(2));
  }
}
