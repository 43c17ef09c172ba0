/** Smoke test: `npm run bench` in quick mode still runs end to end and prints one JSON document of this shape. */
import { spawnSync } from "child_process";
import * as path from "path";

const REPO = path.join(__dirname, "..", "..");

test("BENCH_QUICK=1 tsx scripts/bench.ts prints the bench JSON", () => {
  const p = spawnSync(path.join(REPO, "node_modules", ".bin", "tsx"), ["scripts/bench.ts"], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, BENCH_QUICK: "1" },
    timeout: 110000,
  });
  expect(p.status).toBe(0);
  const doc = JSON.parse(p.stdout);
  expect(p.stdout.trim()).toBe(JSON.stringify(doc, null, 2));
  const num = expect.any(Number);
  expect(doc).toMatchObject({
    bench: "juesuan-audit",
    quick: true,
    cpus: num,
    baselinePeakRssMB: num,
    sample: { engineMs: { median: num, min: num, max: num, warmup: num, runs: num }, readMs: num, findings: num },
    batch: {
      files: 5,
      compared: expect.any(String),
      threads: num,
      workers: num,
      filesOnWorkers: num,
      cliInProcessMs: num,
      exceljsReadMs: num,
      ratio: num,
      goal: 1.0,
      npmAuditMs: num,
      exceljsProcessMs: num,
      npmAuditRatio: num,
      npmAuditRunsMs: [num],
      exceljsProcessRunsMs: [num],
      npmAuditMedianRatio: num,
      pairRatioMedian: num,
      npmAuditWithinGoal: expect.any(Boolean),
      npmAuditBestRunWithinGoal: expect.any(Boolean),
      readOnlyMs: num,
      readOnlyRatio: num,
      withinGoal: expect.any(Boolean),
      cliChildProcessMs: num,
      cliChildProcessRatio: num,
      peakRssMB: { cliInProcess: num, cliChildProcess: num, readOnly: num, exceljsRead: num },
    },
    large: {
      tables: ["公开02表", "公开03表", "公开05表"],
      itemRowsPerTable: 500,
      rowsPerTable: num,
      fileBytes: num,
      cliMs: num,
      exceljsReadMs: num,
      ratio: num,
      readOnlyMs: num,
      readOnlyRatio: num,
      peakRssMB: { cli: num, readOnly: num, exceljsRead: num, engineRuns: num },
    },
    linearity: { engineMs: { "50": num, "500": num }, engineUsPerRow: { "50": num, "500": num } },
    totalMs: num,
  });
  // The batch runs on as many worker threads as the command would use (the main thread only schedules).
  expect(doc.batch.workers).toBe(doc.batch.threads);
  // The goal is judged by the median of the pairs' ratios; the best-run test is kept beside it; one pair when quick.
  expect(doc.batch.npmAuditRunsMs.length).toBe(doc.batch.exceljsProcessRunsMs.length);
  expect(doc.batch.pairRatioMedian).toBeCloseTo(doc.batch.npmAuditRunsMs[0] / doc.batch.exceljsProcessRunsMs[0], 2);
  expect(doc.batch.npmAuditWithinGoal).toBe(doc.batch.pairRatioMedian <= 1.0);
  expect(doc.batch.npmAuditBestRunWithinGoal).toBe(doc.batch.npmAuditRatio <= 1.0);
  // Every figure measured, none negative; memory figures are real peaks, above an idle node.
  expect(doc.batch.peakRssMB.cliInProcess).toBeGreaterThan(doc.baselinePeakRssMB * 0.5);
  for (const v of [doc.batch.cliInProcessMs, doc.batch.exceljsReadMs, doc.large.cliMs, doc.large.exceljsReadMs]) expect(v).toBeGreaterThan(0);
}, 120000);

test("the generated large workbook is consistent: a correct audit reports no error", () => {
  const { generateWorkbook } = require("../../scripts/bench");
  const XLSX = require("@e965/xlsx");
  const { snapshotFromSheetJS } = require("../../src/io/sheetjsSnapshot");
  const { auditWorkbook } = require("../../src/engine");
  const file = require("path").join(require("os").tmpdir(), "juesuan-generated-" + process.pid + ".xlsx");
  generateWorkbook(file, 800);
  const r = auditWorkbook(snapshotFromSheetJS(XLSX.read(require("fs").readFileSync(file), { cellNF: true }), file));
  require("fs").unlinkSync(file);
  expect(r.missing).toEqual([]);
  expect(r.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
  expect(r.summary.checks).toBeGreaterThan(10000);
});
