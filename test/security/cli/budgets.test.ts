/**
 * Issue 13, "limits as budgets": each file has a budget of time, memory and cells; a file that exceeds one fails alone
 * with its Chinese reason (`ok: false`) and the other files' reports are exactly those of a run without it.
 * Through the real command (scripts/cli.js runs the compiled lib/, rebuilding it when stale), as a user runs it.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { auditFile } from "../../../src/cli/audit";
import { DEFAULT_BUDGETS } from "../../../src/cli/budgets";
import { auditFiles } from "../../../src/cli/pool";
import { DEFAULT_MAX_CELLS } from "../../../src/io/sheetjsSnapshot";
import { REPO, SAMPLE, tempDir } from "../../io/fixtures";
import { memoryHog } from "../hostile/budgetFiles";

let dir: string;
const files: { [name: string]: string } = {};

function cli(args: string[]): { code: number | null; stdout: string; stderr: string; ms: number } {
  const t0 = Date.now();
  const p = spawnSync(process.execPath, [path.join(REPO, "scripts", "cli.js")].concat(args), { cwd: REPO, encoding: "utf8", maxBuffer: 256 << 20 });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr, ms: Date.now() - t0 };
}

/** The sample's report as it is alone, in-process: what it must stay inside any batch. */
function sampleAlone(name: string): unknown {
  return JSON.parse(JSON.stringify({ ...auditFile(SAMPLE, undefined, true), file: name }));
}

beforeAll(() => {
  dir = tempDir("juesuan-budgets-");
  files.sample = path.join(dir, "sample.xlsx");
  fs.copyFileSync(SAMPLE, files.sample);
  files.hog = path.join(dir, "hog.xlsx");
  fs.writeFileSync(files.hog, memoryHog(40000));
  // Builds lib/ when it is older than the sources (once), so the timed runs below time the command only.
  expect(cli(["--version"]).code).toBe(0);
}, 300000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the cell budget default is the reader's", () => {
  expect(DEFAULT_BUDGETS.cells).toBe(DEFAULT_MAX_CELLS);
});

test("time: a file past --time-limit fails alone with its reason; the files around it are intact", () => {
  // About a million cells: several seconds to read on any machine, within a generous memory budget.
  const r = cli(["--format", "json", "--time-limit", "1.5", "--max-memory", "2048", files.sample, files.hog, files.sample]);
  expect(r.code).toBe(2);
  const doc = JSON.parse(r.stdout);
  expect(doc.reports.map((x: { ok: boolean }) => x.ok)).toEqual([true, false, true]);
  expect(doc.reports[1].error).toBe(
    "审核超时：该文件在 1.5 秒内未能审核完（每个文件的时间预算），已停止审核此文件，其余文件照常审核。文件可能异常庞大或被恶意构造；确需审核可用 --time-limit 放宽。",
  );
  expect(doc.reports[0]).toEqual(sampleAlone(files.sample));
  expect(doc.reports[2]).toEqual(sampleAlone(files.sample));
  expect(r.stderr).toContain("无法读取 " + files.hog + "：审核超时");
});

test("memory: a file past --max-memory fails alone with its reason; the files around it are intact", () => {
  const r = cli(["--format", "json", "--max-memory", "96", "--time-limit", "120", files.hog, files.sample]);
  expect(r.code).toBe(2);
  const doc = JSON.parse(r.stdout);
  expect(doc.reports[0]).toMatchObject({ file: files.hog, ok: false });
  expect(doc.reports[0].error).toBe(
    "审核该文件所需内存超过预算（96 MB），已停止审核此文件，其余文件照常审核。文件可能异常庞大或被恶意构造；确需审核可用 --max-memory 放宽。",
  );
  expect(doc.reports[1]).toEqual(sampleAlone(files.sample));
});

test("cells: a workbook over --max-cells is refused with its reason", () => {
  const r = cli(["--format", "json", "--max-cells", "1000", files.sample]);
  expect(r.code).toBe(2);
  expect(JSON.parse(r.stdout).reports[0].error).toMatch(/^工作簿单元格过多（至少 \d+ 个，上限 1000 个），无法审核。/);
});

test("budget arguments: a value that is not a positive number is an argument error", () => {
  for (const bad of [["--time-limit", "0"], ["--max-memory", "abc"], ["--max-cells", "-5"], ["--time-limit"]]) {
    const r = cli(bad.concat([files.sample]));
    expect([bad, r.code, r.stdout]).toEqual([bad, 2, ""]);
    expect(r.stderr).toMatch(/^错误：参数 --(time-limit|max-memory|max-cells) /);
  }
});

test("memory outside the heap: the watchdog stops the running files, runs them again one at a time, and only the file that needs the memory fails", async () => {
  // A worker module of the same protocol: "hog" files allocate buffers (not heap) without end, the others take a while.
  const entry = path.join(dir, "buffer-worker.js");
  fs.writeFileSync(
    entry,
    [
      'const { parentPort } = require("worker_threads");',
      "parentPort.on('message', (t) => {",
      "  if (/hog/.test(t.file)) { const keep = []; for (;;) keep.push(Buffer.allocUnsafe(8 << 20).fill(7)); }",
      "  const end = Date.now() + 300; while (Date.now() < end);",
      "  parentPort.postMessage({ index: t.index, report: { file: t.file, ok: true } });",
      "});",
      "parentPort.postMessage({ ready: true });",
    ].join("\n"),
  );
  const names = ["a", "b-hog", "c", "d", "e"];
  const stats = { workers: 0, filesOnWorkers: 0, stopped: 0 };
  const reports = await auditFiles(names, { threads: 2, workerEntry: entry, budgets: { memoryMb: 64, timeMs: 20000 }, stats: stats, watchMs: 20 });
  expect(reports.map((x) => [x.file, x.ok])).toEqual(names.map((n) => [n, n !== "b-hog"]));
  expect(reports[1].error).toBe("审核该文件所需内存超过预算（64 MB），已停止审核此文件，其余文件照常审核。文件可能异常庞大或被恶意构造；确需审核可用 --max-memory 放宽。");
  expect(stats.stopped).toBe(1);
}, 120000);
