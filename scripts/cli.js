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
const CONFIGS = ["tsconfig.json", "tsconfig.cli.json", "package.json"];

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

/** Compiles src/ into lib/; returns false when nothing usable was emitted. */
function build() {
  const started = new Date();
  const tsc = require.resolve("typescript/bin/tsc", { paths: [REPO] });
  const p = spawnSync(process.execPath, [tsc, "-p", path.join(REPO, "tsconfig.cli.json")], { cwd: REPO, encoding: "utf8" });
  if (p.status !== 0) {
    process.stderr.write("编译命令行程序时出错：\n" + (p.stdout || "") + (p.stderr || ""));
    if (!fs.existsSync(path.join(LIB, "cli", "main.js"))) return false;
  } else {
    fs.writeFileSync(STAMP, started.toISOString() + "\n");
    fs.utimesSync(STAMP, started, started);
  }
  return true;
}

if (process.argv[2] === "--build") {
  process.exitCode = build() ? 0 : 2;
} else {
  if (isStale() && !build()) {
    process.exitCode = 2;
  } else {
    require(path.join(LIB, "cli", "main.js")).runCli(process.argv.slice(2));
  }
}
