/**
 * The --narrative file read under the per-file budgets (issue 9 note): a .docx goes through mammoth, which builds a
 * large object tree, so it is read on a worker thread of its own with the same time and memory budgets as a
 * workbook (budgets.ts), not on the main thread. Over a budget, the narrative fails alone with the budget's Chinese
 * reason (a content failure: the workbooks are still audited, as for an unreadable narrative, narrative.ts).
 *
 * Decision: the command uses this whenever it runs files on workers (always, in the real process); in-process
 * callers (tests, threads 0) read directly, as the workbooks are then audited directly too. A worker that ends
 * without an answer and not for a budget (its module failed to load) is no fault of the file: the narrative is
 * then read here, as before.
 */
import * as path from "path";
import { Worker } from "worker_threads";
import { Budgets, YOUNG_GENERATION_MB, budgetMessage } from "./budgets";
import { NarrativeResult, readNarrative } from "./narrative";
import { BOOT, workerSource } from "./pool";

/** `entry`: the worker module (tests point it at a slow one). */
export function readNarrativeUnderBudget(file: string, budgets: Budgets, entry?: string): Promise<NarrativeResult> {
  const src = workerSource(entry || path.join(__dirname, "narrativeWorker" + (path.extname(__filename) === ".ts" ? ".ts" : ".js")));
  if (!src) return readNarrative(file);
  return new Promise<NarrativeResult>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(BOOT, {
        eval: true,
        workerData: { entry: src.entry, tsx: src.tsx, file: file },
        resourceLimits: { maxOldGenerationSizeMb: budgets.memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
    } catch (_e) {
      resolve(readNarrative(file));
      return;
    }
    let done = false;
    let stoppedForTime = false;
    let errorCode: string | null = null;
    const timer = setTimeout(() => {
      stoppedForTime = true;
      void worker.terminate();
    }, budgets.timeMs);
    const fail = (kind: "time" | "memory") => resolve({ ok: false, error: "情况说明文件“" + file + "”：" + budgetMessage(kind, budgets), content: true });
    worker.on("message", (m: { result?: NarrativeResult }) => {
      if (done || !m.result) return;
      done = true;
      clearTimeout(timer);
      resolve(m.result);
      void worker.terminate();
    });
    worker.on("error", (e: Error & { code?: string }) => {
      errorCode = e && e.code ? e.code : errorCode;
    });
    worker.on("exit", () => {
      clearTimeout(timer);
      if (done) return;
      done = true;
      if (stoppedForTime) fail("time");
      else if (errorCode === "ERR_WORKER_OUT_OF_MEMORY") fail("memory");
      // The worker ended without an answer and not for a budget (its module failed to load, say): read it here.
      else resolve(readNarrative(file));
    });
  });
}
