/**
 * The PDF part of `npm run bench` (issue 11), called from scripts/bench.ts: `copies` copies of the sample as PDF
 * (test/fixtures/pdf/sample.pdf) audited in one call of the command line, as `npm run audit -- *.pdf` runs it (worker
 * threads, budgets), in a child process whose peak memory is measured; and the reader alone, in this process, per page.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { readPdfBuffer } from "../src/io/readPdfFile";

const REPO = path.join(__dirname, "..");
const SAMPLE_PDF = path.join(REPO, "test", "fixtures", "pdf", "sample.pdf");

function round(n: number, d = 1): number {
  const k = Math.pow(10, d);
  return Math.round(n * k) / k;
}

export interface PdfBench {
  file: string;
  files: number;
  pagesPerFile: number;
  pages: number;
  cliMs: number;
  cliMsPerFile: number;
  cliMsPerPage: number;
  cliExitCode: number | null;
  cliPeakRssMB: number;
  readerMsPerPage: number;
  readerRuns: number;
  errorsPerFile: number[];
}

export async function benchPdf(tmp: string, copies: number): Promise<PdfBench> {
  const dir = path.join(tmp, "pdf-copies");
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < copies; i++) {
    const p = path.join(dir, "部门决算 " + String(i + 1).padStart(3, "0") + ".pdf");
    fs.copyFileSync(SAMPLE_PDF, p);
    files.push(p);
  }
  // The reader alone, in this process: pages per second after one warm-up read.
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE_PDF));
  const warm = await readPdfBuffer(bytes);
  const pagesPerFile = warm.ok ? warm.pages : 0;
  const runs = 5;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await readPdfBuffer(bytes);
  const readerMs = performance.now() - t0;

  // The command as a user runs it, in a child process (its peak RSS includes its worker threads).
  const rssOut = path.join(tmp, "pdf-rss.txt");
  const preload = path.join(tmp, "pdf-rss.js");
  fs.writeFileSync(preload, "process.on('exit', function () { require('fs').appendFileSync(" + JSON.stringify(rssOut) + ", process.resourceUsage().maxRSS + '\\n'); });\n");
  const t1 = performance.now();
  const child = spawnSync(process.execPath, ["-r", preload, path.join(REPO, "scripts", "cli.js"), "--format", "json"].concat(files), { cwd: REPO, maxBuffer: 1 << 30, encoding: "utf8" });
  const cliMs = performance.now() - t1;
  const rss = fs.existsSync(rssOut) ? Math.max(...fs.readFileSync(rssOut, "utf8").trim().split("\n").map(Number)) : 0;
  let errorsPerFile: number[] = [];
  try {
    const doc = JSON.parse(child.stdout) as { reports: { summary: { errors: number } }[] };
    errorsPerFile = Array.from(new Set(doc.reports.map((r) => r.summary.errors)));
  } catch (_e) {
    errorsPerFile = [];
  }
  return {
    file: path.relative(REPO, SAMPLE_PDF),
    files: copies,
    pagesPerFile: pagesPerFile,
    pages: pagesPerFile * copies,
    cliMs: round(cliMs),
    cliMsPerFile: round(cliMs / copies, 2),
    cliMsPerPage: round(cliMs / Math.max(1, pagesPerFile * copies), 2),
    cliExitCode: child.status,
    cliPeakRssMB: round(rss / 1024),
    readerMsPerPage: round(readerMs / runs / Math.max(1, pagesPerFile), 2),
    readerRuns: runs,
    errorsPerFile: errorsPerFile,
  };
}

if (require.main === module) {
  // Alone: npx tsx scripts/benchPdf.ts [copies]
  const tmp = fs.mkdtempSync(path.join(require("os").tmpdir(), "juesuan-bench-pdf-"));
  benchPdf(tmp, Number(process.argv[2]) || 100)
    .then((r) => process.stdout.write(JSON.stringify(r, null, 2) + "\n"))
    .finally(() => fs.rmSync(tmp, { recursive: true, force: true }));
}
