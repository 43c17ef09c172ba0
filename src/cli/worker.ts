/**
 * Worker-thread entry for auditing many files in parallel (see pool.ts). Loaded as JavaScript from lib/cli, or as
 * TypeScript through tsx's require hook when the CLI runs from src/ (`npm run audit`, tests, the bench).
 *
 * Protocol: the parent posts { index, file }; the worker answers { index, report } with exactly what auditFile
 * returns in-process, so the reports are the same whichever thread made them.
 */
import { parentPort, workerData } from "worker_threads";
import { auditFile } from "./audit";

interface Task {
  index: number;
  file: string;
}

const data = (workerData || {}) as { narrative?: string; strict?: boolean };

if (parentPort) {
  const port = parentPort;
  port.on("message", (task: Task) => {
    const report = auditFile(task.file, data.narrative, data.strict !== false);
    port.postMessage({ index: task.index, report: report });
  });
}
