/**
 * Audits many files, in parallel on worker threads when that pays, with reports in command-line order.
 *
 * The main thread audits files too (it has the engine loaded and warm), and `threads - 1` workers take the rest
 * from the same queue; each worker keeps two tasks in hand so it does not wait while the main thread is busy with a
 * file. A report from a worker is the same object auditFile makes in-process (structured clone keeps key order),
 * so the JSON and text reports are byte-identical to a serial run. A worker that dies (out of memory on a huge file,
 * say) is not fatal: its unfinished files are audited on the main thread.
 */
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { auditFile } from "./audit";
import type { FileReport } from "./report";

/** Below this many files a serial run is faster than starting workers (a worker needs ~0.3–0.6 s to load and warm up). */
export const PARALLEL_MIN_FILES = 4;

/**
 * Threads for `files` files, the main thread included. By default one per core but one: a single audit already
 * keeps about 1.5 cores busy (V8's garbage collector and compiler run on helper threads), so on a 2-core machine a
 * worker measured no faster than serial (100 files: 2.8 s vs 2.7 s) and the default stays serial there.
 * JUESUAN_WORKERS=n sets the thread count (1 = serial in-process), still at most one per file.
 */
export function threadsFor(files: number, env: { [k: string]: string | undefined } = process.env, cores: number = coreCount()): number {
  if (files < PARALLEL_MIN_FILES) return 1;
  const forced = env.JUESUAN_WORKERS;
  if (forced !== undefined && forced !== "") {
    const k = Math.floor(Number(forced));
    if (k >= 1) return Math.min(k, files);
  }
  return Math.max(1, Math.min(cores - 1, files));
}

function coreCount(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

export interface AuditFilesOptions {
  narrative?: string;
  strict?: boolean;
  /** Threads to use, the main thread included; 1 = serial in-process (the default). */
  threads?: number;
  /** Called once per file, in command-line order, when its report and all before it are done. */
  onReport?: (index: number, report: FileReport) => void;
  /** Called, in order, before the file at `index` is audited or awaited (progress display). */
  onStart?: (index: number) => void;
  /** Filled in: workers started, and files whose report came from a worker (the rest ran on the main thread). */
  stats?: { workers: number; filesOnWorkers: number };
  /** The module a worker loads (tests point it at a broken one: a worker that dies must not lose files). */
  workerEntry?: string;
}

/** The worker entry: worker.js next to this file when built, worker.ts (loaded through tsx) from src/. */
function workerSource(override?: string): { entry: string; tsx: string | null } | null {
  const ext = path.extname(__filename) === ".ts" ? ".ts" : ".js";
  const entry = override || path.join(__dirname, "worker" + ext);
  if (path.extname(entry) !== ".ts") return { entry: entry, tsx: null };
  try {
    return { entry: entry, tsx: require.resolve("tsx/cjs") };
  } catch (_e) {
    return null;
  }
}

/** Runs in the new thread as a CommonJS script: register tsx when the entry is TypeScript, then load it. */
const BOOT = [
  'const { workerData } = require("worker_threads");',
  "if (workerData.tsx) require(workerData.tsx);",
  "require(workerData.entry);",
].join("\n");

function threadsOk(threads: number | undefined, files: number): boolean {
  return threads !== undefined && threads > 1 && files > 1;
}

export async function auditFiles(files: string[], options: AuditFilesOptions = {}): Promise<FileReport[]> {
  const strict = options.strict !== false;
  const narrative = options.narrative;
  const reports: (FileReport | undefined)[] = new Array(files.length);
  let emitted = 0;
  const flush = () => {
    while (emitted < files.length && reports[emitted] !== undefined) {
      if (options.onReport) options.onReport(emitted, reports[emitted] as FileReport);
      emitted++;
      if (emitted < files.length && options.onStart) options.onStart(emitted);
    }
  };
  if (files.length > 0 && options.onStart) options.onStart(0);

  const src = threadsOk(options.threads, files.length) ? workerSource(options.workerEntry) : null;
  if (!src) {
    for (let i = 0; i < files.length; i++) {
      reports[i] = auditFile(files[i], narrative, strict);
      flush();
    }
    return reports as FileReport[];
  }

  let next = 0;
  const take = (): number => (next < files.length ? next++ : -1);
  const threads = Math.min(options.threads as number, files.length);
  const workers: Worker[] = [];
  /** Files a worker holds and has not answered: audited here if it dies. */
  const orphaned: number[] = [];
  let wake: (() => void) | null = null;
  const poke = () => {
    if (wake) {
      const w = wake;
      wake = null;
      w();
    }
  };
  let alive = 0;

  for (let k = 0; k < threads - 1; k++) {
    const inHand = new Set<number>();
    let w: Worker;
    try {
      w = new Worker(BOOT, { eval: true, workerData: { entry: src.entry, tsx: src.tsx, narrative: narrative, strict: strict } });
    } catch (_e) {
      break;
    }
    alive++;
    if (options.stats) options.stats.workers++;
    const give = () => {
      const i = take();
      if (i < 0) return;
      inHand.add(i);
      w.postMessage({ index: i, file: files[i] });
    };
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      alive--;
      inHand.forEach((i) => orphaned.push(i));
      inHand.clear();
      poke();
    };
    w.on("message", (m: { index: number; report: FileReport }) => {
      if (options.stats) options.stats.filesOnWorkers++;
      inHand.delete(m.index);
      reports[m.index] = m.report;
      give();
      if (inHand.size === 0) {
        done = true;
        alive--;
        w.terminate();
      }
      flush();
      poke();
    });
    w.on("error", finish);
    w.on("exit", finish);
    give();
    give();
    if (inHand.size === 0) {
      done = true;
      alive--;
      w.terminate();
    }
    workers.push(w);
  }

  try {
    // The main thread takes files from the same queue, yielding between files so worker answers are handled.
    for (;;) {
      const i = orphaned.length ? (orphaned.shift() as number) : take();
      if (i >= 0) {
        reports[i] = auditFile(files[i], narrative, strict);
        flush();
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      if (alive <= 0 && orphaned.length === 0) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    for (const w of workers) w.terminate();
  }
  flush();
  return reports as FileReport[];
}
