/**
 * Audits many files, each on a worker thread under its budgets (budgets.ts), with reports in command-line order.
 *
 * Isolation (issue 13): the main thread only schedules; every file is read and audited on a worker, so
 *  - a file that runs past its time budget is stopped (worker.terminate()) and fails alone;
 *  - a file that exceeds the heap limit of its worker (resourceLimits) ends only that worker (ERR_WORKER_OUT_OF_MEMORY);
 *  - memory outside the heap (buffers) is bounded by a watchdog on the process's RSS: over the ceiling
 *    (RSS at the start + running files × (memory budget + WORKER_OVERHEAD_MB)), the running files are stopped and
 *    audited again one at a time,
 *    so the file that really needs the memory is the one that fails, never its neighbour;
 * and a fresh worker takes the next file. A report from a worker is the same object auditFile makes in-process
 * (structured clone keeps key order), so the JSON and text reports are byte-identical to a serial run.
 *
 * A worker that cannot even start (its module fails to load) is no file's fault: its files go to the next worker, and
 * when no worker can start at all they are audited on the main thread, as before isolation existed.
 */
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { Budgets, BudgetKind, DEFAULT_BUDGETS, WORKER_OVERHEAD_MB, YOUNG_GENERATION_MB, budgetMessage } from "./budgets";
import { tuneJitForBatch } from "./jit";
import { BOOT, bundleFor } from "./workerBoot";
import { FileReport, failedReport } from "./report";
import { JsonPiece, jsonPiece } from "./jsonReport";

/** In this thread (serial, or no worker could start): loaded only then, so the scheduling thread stays light. */
function auditHere(file: string, narrative: string | undefined, strict: boolean, cells: number, previous?: string): Promise<FileReport> {
  // auditAnyFile: a PDF is read asynchronously (issue 11); a workbook's report is resolved at once.
  return (require("./auditAny") as typeof import("./auditAny")).auditAnyFile(file, narrative, strict, cells, previous);
}

/** Most workers by default: more would multiply the memory ceiling for little gain on ordinary machines. */
export const MAX_DEFAULT_WORKERS = 4;

/**
 * Worker threads for `files` files: one per core (the main thread only schedules), at most MAX_DEFAULT_WORKERS, at
 * most one per file. JUESUAN_WORKERS=n sets the count (still at most one per file).
 */
export function threadsFor(files: number, env: { [k: string]: string | undefined } = process.env, cores: number = coreCount()): number {
  const forced = env.JUESUAN_WORKERS;
  if (forced !== undefined && forced !== "") {
    const k = Math.floor(Number(forced));
    if (k >= 1) return Math.max(1, Math.min(k, files));
  }
  return Math.max(1, Math.min(cores, MAX_DEFAULT_WORKERS, files));
}

function coreCount(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

export interface AuditFilesOptions {
  narrative?: string;
  /** Last year's document of each file, by index (--previous, --previous-dir; issue 12); read on the file's thread. */
  previous?: (string | undefined)[];
  strict?: boolean;
  /** Worker threads; 0 or absent = serial in the calling thread, without time or memory isolation. */
  threads?: number;
  /** Per-file budgets (defaults: DEFAULT_BUDGETS); the cell budget applies in-process too. */
  budgets?: Partial<Budgets>;
  /**
   * Each report as its piece of the JSON document (jsonReport.ts), written on the worker that made it; the result
   * and onReport then hold JsonPiece. For `--format json` alone, where nothing else reads the reports.
   */
  pieces?: boolean;
  /** Called once per file, in command-line order, when its report and all before it are done. */
  onReport?: (index: number, report: FileReport) => void;
  /** Called, in order, before the file at `index` is audited or awaited (progress display). */
  onStart?: (index: number) => void;
  /** Filled in: workers started, files whose report came from a worker, files stopped by a budget. */
  stats?: { workers: number; filesOnWorkers: number; stopped?: number };
  /** The module a worker loads (tests point it at a broken or slow one). */
  workerEntry?: string;
  /** Milliseconds between two looks at the process's memory (tests shorten it). */
  watchMs?: number;
}

/** The worker entry: worker.js next to this file when built, worker.ts (loaded through tsx) from src/. */
export function workerSource(override?: string): { entry: string; tsx: string | null; bundle: string | null } | null {
  const ext = path.extname(__filename) === ".ts" ? ".ts" : ".js";
  const entry = override || path.join(__dirname, "worker" + ext);
  if (path.extname(entry) !== ".ts") return { entry: entry, tsx: null, bundle: bundleFor(entry) };
  try {
    return { entry: entry, tsx: require.resolve("tsx/cjs"), bundle: null };
  } catch (_e) {
    return null;
  }
}

export { BOOT } from "./workerBoot";

/** Consecutive workers that may fail to start before the rest of the files run on the main thread. */
const START_FAILURES = 3;

interface Slot {
  worker: Worker;
  ready: boolean;
  /** The file in hand, or -1. */
  index: number;
  /** The file in hand runs alone (after the memory watchdog stopped it among others). */
  solo: boolean;
  /** The process's RSS when the file in hand started (memory a stopped worker left behind is not its fault). */
  rssAtStart: number;
  timer: ReturnType<typeof setTimeout> | null;
  /** Why the parent ended it, when it did. */
  stoppedFor: "time" | "memory" | "rss-retry" | "done" | null;
  errorCode: string | null;
  errorText: string | null;
}

export function budgetsOf(partial?: Partial<Budgets>): Budgets {
  return {
    timeMs: partial && partial.timeMs !== undefined ? partial.timeMs : DEFAULT_BUDGETS.timeMs,
    memoryMb: partial && partial.memoryMb !== undefined ? partial.memoryMb : DEFAULT_BUDGETS.memoryMb,
    cells: partial && partial.cells !== undefined ? partial.cells : DEFAULT_BUDGETS.cells,
  };
}

/** A report, or its JSON piece when `pieces` is asked for. */
type Outcome = FileReport | JsonPiece;

export function auditFiles(files: string[], options: Omit<AuditFilesOptions, "onReport" | "pieces"> & { pieces: true; onReport?: (index: number, piece: JsonPiece) => void }): Promise<JsonPiece[]>;
export function auditFiles(files: string[], options?: AuditFilesOptions & { pieces?: false }): Promise<FileReport[]>;
export function auditFiles(files: string[], options: Omit<AuditFilesOptions, "onReport"> & { onReport?: (index: number, r: never) => void } = {}): Promise<Outcome[]> {
  return run(files, options as Omit<AuditFilesOptions, "onReport"> & { onReport?: (index: number, r: Outcome) => void });
}

async function run(files: string[], options: Omit<AuditFilesOptions, "onReport"> & { onReport?: (index: number, r: Outcome) => void }): Promise<Outcome[]> {
  const strict = options.strict !== false;
  const pieces = options.pieces === true;
  /** A report made on this thread (serial, fallback, or a file stopped by a budget) in the form asked for. */
  const outcome = (r: FileReport): Outcome => (pieces ? jsonPiece(r) : r);
  const narrative = options.narrative;
  const budgets = budgetsOf(options.budgets);
  const previousOf = (i: number): string | undefined => (options.previous ? options.previous[i] : undefined);
  const reports: (Outcome | undefined)[] = new Array(files.length);
  let emitted = 0;
  const flush = () => {
    while (emitted < files.length && reports[emitted] !== undefined) {
      if (options.onReport) options.onReport(emitted, reports[emitted] as Outcome);
      emitted++;
      if (emitted < files.length && options.onStart) options.onStart(emitted);
    }
  };
  if (files.length > 0 && options.onStart) options.onStart(0);

  const src = options.threads && options.threads >= 1 && files.length > 0 ? workerSource(options.workerEntry) : null;
  if (!src) {
    for (let i = 0; i < files.length; i++) {
      reports[i] = outcome(await auditHere(files[i], narrative, strict, budgets.cells, previousOf(i)));
      flush();
    }
    return reports as Outcome[];
  }
  const stats = options.stats;
  const count = Math.min(options.threads as number, files.length);
  tuneJitForBatch();

  return new Promise<Outcome[]>((resolve) => {
    let next = 0;
    /** Files stopped by the memory watchdog while others ran: audited again, one at a time. */
    const solo: number[] = [];
    const slots: Slot[] = [];
    let startFailures = 0;
    let everReady = false;
    let finished = false;

    const remaining = () => next < files.length || solo.length > 0;
    const busy = () => slots.filter((s) => s.index >= 0);

    const settle = (i: number, r: Outcome) => {
      reports[i] = r;
      flush();
    };

    /**
     * Resolved once every file has its report: workers told to end may still be shutting down (their isolates are
     * freed meanwhile, and the process waits for them before it exits), the report is written in the meantime.
     */
    const finish = () => {
      if (finished) return;
      if (remaining() || (slots.length > 0 && emitted < files.length)) return;
      finished = true;
      clearInterval(watch);
      resolve(reports as Outcome[]);
    };

    /** No worker can start: the rest runs here, without isolation (the old behaviour). */
    const fallback = () => {
      const rest = solo.splice(0).concat([]);
      while (next < files.length) rest.push(next++);
      rest.sort((a, b) => a - b);
      const one = (k: number): void => {
        if (k >= rest.length) {
          finish();
          return;
        }
        void auditHere(files[rest[k]], narrative, strict, budgets.cells, previousOf(rest[k])).then((r) => {
          settle(rest[k], outcome(r));
          one(k + 1);
        });
      };
      one(0);
    };

    /** Gives an idle worker its next file, or ends it when no file is left; waits while a suspect runs alone. */
    const dispatch = (slot: Slot) => {
      if (!slot.ready || slot.index >= 0 || slot.stoppedFor !== null) return;
      const running = busy();
      if (running.some((s) => s.solo)) return;
      let i = -1;
      let alone = false;
      if (solo.length > 0) {
        // A file under suspicion runs alone, so the memory it takes is its own.
        if (running.length > 0) return;
        i = solo.shift() as number;
        alone = true;
      } else if (next < files.length) {
        i = next++;
      }
      if (i < 0) {
        if (remaining()) return;
        slot.stoppedFor = "done";
        slot.worker.terminate();
        return;
      }
      slot.index = i;
      slot.solo = alone;
      slot.rssAtStart = process.memoryUsage.rss();
      slot.timer = setTimeout(() => {
        slot.stoppedFor = "time";
        slot.worker.terminate();
      }, budgets.timeMs);
      slot.worker.postMessage({ index: i, file: files[i], previous: previousOf(i) });
    };

    const pump = () => {
      for (const s of slots.slice()) dispatch(s);
    };

    const spawn = () => {
      let worker: Worker;
      try {
        worker = new Worker(BOOT, {
          eval: true,
          workerData: { entry: src.entry, tsx: src.tsx, bundle: src.bundle, narrative: narrative, strict: strict, cells: budgets.cells, pieces: pieces },
          resourceLimits: { maxOldGenerationSizeMb: budgets.memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
        });
      } catch (_e) {
        startFailures++;
        return;
      }
      if (stats) stats.workers++;
      const slot: Slot = { worker: worker, ready: false, index: -1, solo: false, rssAtStart: 0, timer: null, stoppedFor: null, errorCode: null, errorText: null };
      slots.push(slot);
      worker.on("message", (m: { ready?: true; index?: number; report?: Outcome }) => {
        if (m.ready) {
          slot.ready = true;
          everReady = true;
          startFailures = 0;
          pump();
          return;
        }
        if (slot.index !== m.index) return;
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
        slot.index = -1;
        slot.solo = false;
        if (stats) stats.filesOnWorkers++;
        // Answered just before being stopped: the report stands, the worker takes nothing more.
        settle(m.index as number, m.report as Outcome);
        pump();
        finish();
      });
      worker.on("error", (e: Error & { code?: string }) => {
        slot.errorCode = e && e.code ? e.code : null;
        slot.errorText = e && e.message ? e.message : String(e);
      });
      worker.on("exit", () => {
        if (slot.timer) clearTimeout(slot.timer);
        slots.splice(slots.indexOf(slot), 1);
        const i = slot.index;
        if (i >= 0) {
          if (slot.stoppedFor === "rss-retry") solo.push(i);
          else {
            const kind: BudgetKind =
              slot.stoppedFor === "time" ? "time" : slot.stoppedFor === "memory" || slot.errorCode === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crash";
            if (stats) stats.stopped = (stats.stopped || 0) + 1;
            settle(i, outcome(failedReport(files[i], budgetMessage(kind, budgets, kind === "crash" ? slot.errorText || undefined : undefined))));
          }
        } else if (!slot.ready) {
          startFailures++;
        }
        if (!everReady && startFailures >= count) return fallback();
        // Others are still starting for the first time: wait for them rather than start more that may fail alike.
        if (!everReady && slots.length > 0) return;
        if (startFailures >= START_FAILURES) return fallback();
        // As many workers as files still to run, up to the thread count.
        const want = Math.min(count, busy().length + (files.length - next) + solo.length);
        while (remaining() && slots.length < want) {
          const before = slots.length;
          spawn();
          if (slots.length === before) return startFailures >= START_FAILURES || !everReady ? fallback() : undefined;
        }
        pump();
        finish();
      });
    };

    // Memory outside the heap: the whole process's RSS against the ceiling of the files running now.
    const baseRss = process.memoryUsage.rss();
    const watch = setInterval(() => {
      const running = busy();
      if (running.length === 0) return;
      // From the lowest RSS at which a running file started: memory a stopped worker has not yet given back is
      // nobody's fault (an innocent file run alone after a hog must not be blamed for it).
      let from = Infinity;
      for (const s of running) from = Math.min(from, s.rssAtStart);
      const ceiling = Math.max(baseRss, from) + running.length * (budgets.memoryMb + WORKER_OVERHEAD_MB) * 1024 * 1024;
      if (process.memoryUsage.rss() <= ceiling) return;
      for (const s of running) {
        s.stoppedFor = running.length === 1 ? "memory" : "rss-retry";
        s.worker.terminate();
      }
    }, options.watchMs || 50);
    watch.unref();

    for (let k = 0; k < count; k++) spawn();
    if (slots.length === 0) fallback();
  });
}
