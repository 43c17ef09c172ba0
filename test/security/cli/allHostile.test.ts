/**
 * Issue 13, "what must be shown": one batch of every hostile file plus the sample, through the real command with its
 * default budgets, on this 2-core machine: finishes within 30 s, peak RSS under 1.5 GB, stdout one valid JSON document
 * with the reports in command-line order, the sample's report exactly as when it is audited alone, and each hostile
 * file `ok: false` with one Chinese sentence (the harmless-when-read ones `ok: true`).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { auditFile } from "../../../src/cli/audit";
import { REPO, SAMPLE, tempDir } from "../../io/fixtures";
import { validate } from "../../cli/schemaValidator";
import { allHostile, allReadableHostile } from "../hostile";
import { budgetHostile } from "../hostile/budgetFiles";

const schema = JSON.parse(fs.readFileSync(path.join(REPO, "contracts", "audit-report.schema.json"), "utf8"));
const CLI = path.join(REPO, "scripts", "cli.js");

let dir: string;
beforeAll(() => {
  dir = tempDir("juesuan-hostile-batch-");
  // lib/ built if stale, before the timed run.
  expect(spawnSync(process.execPath, [CLI, "--version"], { cwd: REPO, encoding: "utf8" }).status).toBe(0);
}, 300000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("every hostile file and the sample in one batch: ≤ 30 s, < 1.5 GB, valid JSON, sample intact, each hostile one fails alone", () => {
  const refused = allHostile().concat(budgetHostile());
  const readable = allReadableHostile();
  const put = (name: string, bytes: Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  };
  const sample = put("sample.xlsx", fs.readFileSync(SAMPLE));
  const refusedFiles = refused.map((h) => put(h.name, h.bytes));
  const readableFiles = readable.map((h) => put(h.name, h.bytes));
  // The sample first, in the middle and last: no neighbour may change it.
  const half = Math.floor(refusedFiles.length / 2);
  const files = [sample].concat(refusedFiles.slice(0, half), [sample], readableFiles, refusedFiles.slice(half), [sample]);

  const preload = path.join(dir, "rss.cjs");
  const rssOut = path.join(dir, "rss.txt");
  fs.writeFileSync(preload, "process.on('exit', function () { require('fs').writeFileSync(" + JSON.stringify(rssOut) + ", String(process.resourceUsage().maxRSS)); });\n");
  const t0 = Date.now();
  const p = spawnSync(process.execPath, [CLI, "--format", "json"].concat(files), {
    cwd: REPO,
    encoding: "utf8",
    maxBuffer: 256 << 20,
    env: { ...process.env, NODE_OPTIONS: ((process.env.NODE_OPTIONS || "") + " --require " + preload).trim() },
  });
  const ms = Date.now() - t0;
  const peakMB = Number(fs.readFileSync(rssOut, "utf8")) / 1024;
  process.stderr.write("all-hostile batch: " + files.length + " files, " + ms + " ms, peak RSS " + Math.round(peakMB) + " MB\n");

  expect(p.status).toBe(2);
  expect(ms).toBeLessThan(30000);
  expect(peakMB).toBeLessThan(1536);
  const doc = JSON.parse(p.stdout);
  expect(validate(schema, doc)).toEqual([]);
  expect(doc.reports.map((r: { file: string }) => r.file)).toEqual(files);

  const alone = JSON.parse(JSON.stringify({ ...auditFile(SAMPLE, undefined, true), file: sample }));
  expect(alone.summary).toEqual({ checks: 1185, passed: 1151, errors: 14, warnings: 3, tails: 15, infos: 11, notChecked: 0 });
  doc.reports.forEach((r: { file: string; ok: boolean; error?: string }) => {
    if (r.file === sample) expect(r).toEqual(alone);
    else if (readableFiles.includes(r.file)) expect([r.file, r.ok]).toEqual([r.file, true]);
    else {
      // One Chinese sentence (or two short ones): Chinese text, ending with 。, no English error text.
      expect([r.file, r.ok]).toEqual([r.file, false]);
      expect(r.error).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff][\s\S]*。$/);
      expect(r.error).not.toMatch(/Error|undefined|is not|cannot/);
    }
  });
  for (const f of refusedFiles) expect(p.stderr).toContain("无法读取 " + f + "：");
}, 120000);
