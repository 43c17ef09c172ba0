/**
 * Worker-thread entry: one file at a time, under the budgets of pool.ts. Loaded as JavaScript from lib/cli, or as
 * TypeScript through tsx's require hook when the CLI runs from src/ (tests, the bench).
 *
 * Protocol: once loaded, the worker posts { ready: true }; then the parent posts { index, file } and the worker answers
 * { index, report } with exactly what auditFile returns in-process, so the reports are the same whichever thread
 * made them, or with its JSON piece (jsonReport.ts) when the pool asks for pieces. The parent ends the worker
 * (terminate) when a file exceeds its time or memory budget.
 */
import { parentPort, workerData } from "worker_threads";
import { auditAnyFile } from "./auditAny";
import { jsonPiece } from "./jsonReport";

interface Task {
  index: number;
  file: string;
  /** Last year's document (issue 12), when paired. */
  previous?: string;
}

const data = (workerData || {}) as { narrative?: string; strict?: boolean; cells?: number; pieces?: boolean };

if (parentPort) {
  const port = parentPort;
  port.on("message", (task: Task) => {
    // A PDF is read asynchronously (PDF.js); a workbook's report comes back resolved at once.
    void auditAnyFile(task.file, data.narrative, data.strict !== false, data.cells, task.previous).then((report) => port.postMessage({ index: task.index, report: data.pieces ? jsonPiece(report) : report }));
  });
  port.postMessage({ ready: true });
}

/** For `node scripts/cli.js --build`, which audits the sample once through the bundle to make its code cache. */
export { auditAnyFile };
