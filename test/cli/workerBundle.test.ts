/**
 * The worker's bundle and V8 code cache (src/cli/workerBoot.ts): made by the build, accepted by V8 in a worker
 * started like the pool's, and never a change in what runs: a worker loaded through the bundle, with its cache, with
 * a corrupt cache, or from lib/ module by module, returns the same report as auditing in the calling thread.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO } from "../io/fixtures";

const CLI = path.join(REPO, "scripts", "cli.js");
const LIB = path.join(REPO, "lib", "cli");

/** Runs a script in a fresh node process (not under jest's module system), returns its stdout as JSON. */
function child(script: string): unknown {
  const p = spawnSync(process.execPath, ["-e", script], { cwd: REPO, encoding: "utf8", timeout: 120000 });
  if (p.status !== 0) throw new Error("child failed: " + p.stderr);
  return JSON.parse(p.stdout);
}

/** A script that audits the sample on one worker (BOOT from lib/, the pool's limits) and in its own thread. */
function viaWorker(bundle: string | null): string {
  return `
const { Worker } = require("worker_threads");
const lib = ${JSON.stringify(LIB)};
require(lib + "/jit.js").tuneJitForBatch();
const { BOOT } = require(lib + "/workerBoot.js");
const { auditFile } = require(lib + "/audit.js");
const sample = ${JSON.stringify(path.join(REPO, "examples", "2024-sanmenxia-xzsp.xlsx"))};
const strip = (r) => JSON.stringify(r, (k, v) => (k === "elapsedMs" ? 0 : v));
const w = new Worker(BOOT, { eval: true, workerData: { entry: lib + "/worker.js", tsx: null, bundle: ${JSON.stringify(bundle)}, strict: true },
  resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 96 } });
w.on("message", (m) => {
  if (m.ready) return w.postMessage({ index: 0, file: sample });
  process.stdout.write(JSON.stringify({ same: strip(m.report) === strip(auditFile(sample, undefined, true)), findings: m.report.findings.length }));
  w.terminate();
});`;
}

beforeAll(() => {
  // builds lib/ (with the bundle) when a source is newer than the last build
  const p = spawnSync(process.execPath, [CLI, "--version"], { cwd: REPO, encoding: "utf8" });
  expect(p.status).toBe(0);
}, 180000);

test("the build makes the bundle and its code cache (esbuild is a dev dependency)", () => {
  expect(fs.statSync(path.join(LIB, "worker.bundle.js")).size).toBeGreaterThan(100000);
  expect(fs.statSync(path.join(LIB, "worker.bundle.cache")).size).toBeGreaterThan(100000);
});

test("V8 accepts the cache in a worker started with the batch's flags and limits", () => {
  const rejected = child(`
const { Worker } = require("worker_threads");
require(${JSON.stringify(LIB)} + "/jit.js").tuneJitForBatch();
const code = 'const { workerData, parentPort } = require("worker_threads"); const fs = require("fs"), vm = require("vm"), Module = require("module");' +
  'const s = new vm.Script(Module.wrap(fs.readFileSync(workerData.b, "utf8")), { filename: workerData.b, cachedData: fs.readFileSync(workerData.c) });' +
  'parentPort.postMessage(s.cachedDataRejected);';
const w = new Worker(code, { eval: true, workerData: { b: ${JSON.stringify(path.join(LIB, "worker.bundle.js"))}, c: ${JSON.stringify(path.join(LIB, "worker.bundle.cache"))} },
  resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 96 } });
w.on("message", (m) => { process.stdout.write(JSON.stringify(m)); w.terminate(); });`);
  expect(rejected).toBe(false);
});

test("a worker loaded through the bundle and cache reports exactly what the calling thread does (14 不符 sample)", () => {
  const r = child(viaWorker(path.join(LIB, "worker.bundle.js"))) as { same: boolean; findings: number };
  expect(r.same).toBe(true);
  expect(r.findings).toBeGreaterThan(14);
});

test("a corrupt cache is ignored by V8: same report; and without a bundle the worker loads lib/ as before", () => {
  {
    // the bundle next to a cache of garbage bytes; its requires resolve from lib/cli's node_modules path as well
    const b = path.join(LIB, "worker.bundle.corrupt-test.js");
    fs.copyFileSync(path.join(LIB, "worker.bundle.js"), b);
    fs.writeFileSync(b.replace(/\.js$/, ".cache"), Buffer.alloc(4096, 7));
    try {
      expect(child(viaWorker(b))).toEqual(expect.objectContaining({ same: true }));
    } finally {
      fs.unlinkSync(b);
      fs.unlinkSync(b.replace(/\.js$/, ".cache"));
    }
    expect(child(viaWorker(null))).toEqual(expect.objectContaining({ same: true }));
  }
});
