/**
 * Many files on worker threads (src/cli/pool.ts): the reports, the JSON, stderr and the exit code are exactly those
 * of a serial run, in command-line order, unreadable files included.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { auditFile } from "../../src/cli/audit";
import { main } from "../../src/cli/main";
import { MAX_DEFAULT_WORKERS, auditFiles, threadsFor } from "../../src/cli/pool";
import { reportJson } from "../../src/cli/jsonReport";
import { Fixtures, REPO, makeFixtures, removeFixtures } from "../io/fixtures";

/** The command as `npm run audit` runs it: the compiled lib/ (rebuilt by scripts/cli.js when a source is newer). */
const CLI = path.join(REPO, "scripts", "cli.js");

let f: Fixtures;
beforeAll(() => {
  f = makeFixtures();
});
afterAll(() => removeFixtures(f));

function mixed(): string[] {
  return [f.sample, f.missing, f.spaced, f.encrypted, f.realXls, f.xlsxAsXls, f.corruptTruncated, f.sample, f.html, f.xlsAsXlsx, f.empty, f.spaced];
}

test("threadsFor: one worker per core (the main thread only schedules), at most one per file, JUESUAN_WORKERS wins", () => {
  expect(threadsFor(1, {}, 8)).toBe(1);
  expect(threadsFor(3, {}, 8)).toBe(3);
  expect(threadsFor(100, {}, 8)).toBe(MAX_DEFAULT_WORKERS);
  expect(threadsFor(100, {}, 2)).toBe(2);
  expect(threadsFor(100, {}, 1)).toBe(1);
  expect(threadsFor(100, { JUESUAN_WORKERS: "1" }, 8)).toBe(1);
  expect(threadsFor(100, { JUESUAN_WORKERS: "6" }, 2)).toBe(6);
  expect(threadsFor(100, { JUESUAN_WORKERS: "" }, 4)).toBe(4);
  expect(threadsFor(100, { JUESUAN_WORKERS: "x" }, 3)).toBe(3);
  expect(threadsFor(2, { JUESUAN_WORKERS: "64" }, 8)).toBe(2);
});

test("auditFiles on 2 workers gives the serial reports, in order, and calls back in order", async () => {
  const files = mixed();
  const serial = files.map((x) => auditFile(x, "收、支总计均为 2481.93 万元。", true));
  const order: number[] = [];
  const started: number[] = [];
  const stats = { workers: 0, filesOnWorkers: 0 };
  const parallel = await auditFiles(files, {
    stats: stats,
    narrative: "收、支总计均为 2481.93 万元。",
    strict: true,
    threads: 2,
    onReport: (i) => order.push(i),
    onStart: (i) => started.push(i),
  });
  expect(JSON.stringify(parallel, null, 2)).toBe(JSON.stringify(serial, null, 2));
  expect(order).toEqual(files.map((_x, i) => i));
  expect(started).toEqual(files.map((_x, i) => i));
  // Every file ran on a worker: the main thread only schedules.
  expect(stats).toEqual({ workers: 2, filesOnWorkers: files.length });
  // strict: false reaches the workers too (text comparisons kept for the text report).
  const loose = await auditFiles(files.slice(0, 5), { strict: false, threads: 1 });
  expect(JSON.stringify(loose)).toBe(JSON.stringify(files.slice(0, 5).map((x) => auditFile(x, undefined, false))));
});

test("pieces: each report written on its worker is the serial report's JSON piece, with its counts, in order", async () => {
  const files = mixed();
  const serial = files.map((x) => auditFile(x, undefined, true));
  const order: number[] = [];
  const stats = { workers: 0, filesOnWorkers: 0 };
  const got = await auditFiles(files, { pieces: true, threads: 2, stats: stats, onReport: (i, p) => order.push(i + (p.ok ? 0 : 1000)) });
  expect(stats.filesOnWorkers).toBe(files.length);
  expect(got.map((p) => p.piece)).toEqual(serial.map(reportJson));
  expect(got.map((p) => [p.file, p.ok, p.error, p.findings, p.errors])).toEqual(
    serial.map((r) => [r.file, r.ok, r.error, r.findings.length, r.findings.filter((x) => x.severity === "error").length]),
  );
  expect(order).toEqual(serial.map((r, i) => i + (r.ok ? 0 : 1000)));
  // the sample has 不符 and some file of the mix cannot be read: both counts really vary
  expect(got.some((p) => p.errors > 0) && got.some((p) => !p.ok)).toBe(true);
  // serial (no worker) gives the same pieces
  const here = await auditFiles(files, { pieces: true });
  expect(here).toEqual(got);
});

test("workers that cannot start (their module throws on load) lose no file: the main thread audits them, same reports", async () => {
  const broken = path.join(f.dir, "broken-worker.js");
  require("fs").writeFileSync(broken, "throw new Error('worker failed to load');\n");
  const files = mixed();
  const stats = { workers: 0, filesOnWorkers: 0 };
  const reports = await auditFiles(files, { threads: 2, stats: stats, workerEntry: broken });
  expect(stats).toEqual({ workers: 2, filesOnWorkers: 0 });
  expect(JSON.stringify(reports)).toBe(JSON.stringify(files.map((x) => auditFile(x, undefined, true))));
});

test("main() with threads: progress and unreadable-file lines on stderr in command-line order, as serial", async () => {
  const files: string[] = [];
  for (let i = 0; i < 22; i++) files.push(i % 5 === 3 ? f.missing : i % 2 ? f.spaced : f.sample);
  const go = async (threads: number) => {
    let stdout = "";
    let stderr = "";
    const code = await main(["--format", "json"].concat(files), {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      stderrIsTTY: true,
      threads: () => threads,
    });
    return { code: code, stdout: stdout, stderr: stderr };
  };
  const serial = await go(0);
  const parallel = await go(2);
  expect(parallel).toEqual(serial);
  expect(serial.stderr).toContain("正在审核 22/22");
  expect(serial.stderr).toContain("无法读取 " + f.missing);
});

test("the real command: parallel and JUESUAN_WORKERS=1 print the same JSON and stderr, same exit code", () => {
  const files = mixed();
  const runCli = (env: { [k: string]: string }) =>
    spawnSync(process.execPath, [CLI, "--format", "json"].concat(files), { cwd: REPO, encoding: "utf8", env: { ...process.env, ...env } });
  const serial = runCli({ JUESUAN_WORKERS: "1" });
  const parallel = runCli({ JUESUAN_WORKERS: "4" });
  expect(serial.status).toBe(2);
  expect(parallel.status).toBe(serial.status);
  expect(parallel.stdout).toBe(serial.stdout);
  expect(parallel.stderr).toBe(serial.stderr);
  expect(JSON.parse(parallel.stdout).reports.map((r: { file: string }) => r.file)).toEqual(files);
  const text = (env: { [k: string]: string }) =>
    spawnSync(process.execPath, [CLI].concat(files), { cwd: REPO, encoding: "utf8", env: { ...process.env, ...env } });
  const ts = text({ JUESUAN_WORKERS: "1" });
  const tp = text({ JUESUAN_WORKERS: "4" });
  expect([tp.status, tp.stdout, tp.stderr]).toEqual([ts.status, ts.stdout, ts.stderr]);
});
