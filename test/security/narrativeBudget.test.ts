/**
 * Issue 9 note: the --narrative file is read on a worker thread under the per-file budgets (src/cli/narrativeBudget.ts),
 * not on the main thread. The same text as in-process for a good .docx; a read past the time or memory budget fails
 * alone with the budget's reason (content failure: the workbooks are still audited, narrativeDocx.test.ts); a worker
 * whose module cannot load reads it on the main thread as before.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_BUDGETS } from "../../src/cli/budgets";
import { readNarrative } from "../../src/cli/narrative";
import { readNarrativeUnderBudget } from "../../src/cli/narrativeBudget";
import { docxOf } from "./hostile/docx";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speed-narr-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
function put(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

test("a .docx read on the worker gives exactly the in-process result; a bad one fails alike", async () => {
  const good = put("ok.docx", docxOf(["一、部门决算情况说明", "收入总计 100.00 万元。"]));
  expect(await readNarrativeUnderBudget(good, DEFAULT_BUDGETS)).toEqual(await readNarrative(good));
  const bad = put("bad.docx", Buffer.from("PK\u0003\u0004 not really a zip"));
  const r = await readNarrativeUnderBudget(bad, DEFAULT_BUDGETS);
  expect(r).toEqual(await readNarrative(bad));
  expect(r.ok).toBe(false);
}, 60000);

test("past the time budget the narrative fails alone with the budget's reason", async () => {
  const slow = put("slow-worker.js", "const end = Date.now() + 60000; while (Date.now() < end);\n");
  const file = put("n.docx", docxOf(["收入总计 100.00 万元。"]));
  const t = Date.now();
  const r = await readNarrativeUnderBudget(file, { ...DEFAULT_BUDGETS, timeMs: 800 }, slow);
  expect(Date.now() - t).toBeLessThan(15000);
  expect(r).toEqual({
    ok: false,
    content: true,
    error: "情况说明文件“" + file + "”：审核超时：该文件在 0.8 秒内未能审核完（每个文件的时间预算），已停止审核此文件，其余文件照常审核。文件可能异常庞大或被恶意构造；确需审核可用 --time-limit 放宽。",
  });
}, 60000);

test("past the memory budget the narrative fails alone with the budget's reason", async () => {
  const hog = put("hog-worker.js", "const keep = []; for (;;) keep.push(new Array(1 << 16).fill({ a: 1 }));\n");
  const file = put("m.docx", docxOf(["收入总计 100.00 万元。"]));
  const r = await readNarrativeUnderBudget(file, { ...DEFAULT_BUDGETS, memoryMb: 64 }, hog);
  expect(r).toEqual({
    ok: false,
    content: true,
    error: "情况说明文件“" + file + "”：审核该文件所需内存超过预算（64 MB），已停止审核此文件，其余文件照常审核。文件可能异常庞大或被恶意构造；确需审核可用 --max-memory 放宽。",
  });
}, 60000);

test("a worker whose module cannot load: the narrative is read on the main thread, as before", async () => {
  const broken = put("broken-worker.js", "throw new Error('worker failed to load');\n");
  const file = put("t.txt", "收入总计 100.00 万元。");
  expect(await readNarrativeUnderBudget(file, DEFAULT_BUDGETS, broken)).toEqual({ ok: true, text: "收入总计 100.00 万元。" });
}, 60000);
