/**
 * Worker-thread entry that reads the --narrative file (narrative.ts: mammoth for .docx) under the budgets of
 * narrativeBudget.ts. Loads no engine. Protocol: the parent sends nothing; the worker reads workerData.file and
 * posts { result } with exactly what readNarrative returns in-process.
 */
import { parentPort, workerData } from "worker_threads";
import { readNarrative } from "./narrative";

if (parentPort) {
  const port = parentPort;
  const file = (workerData || {}).file as string;
  readNarrative(file).then(
    (result) => port.postMessage({ result: result }),
    (e) => port.postMessage({ result: { ok: false, error: "情况说明文件“" + file + "”无法读取（" + String(e && (e as Error).message ? (e as Error).message : e) + "）。", content: true } }),
  );
}
