/**
 * Which of last year's documents goes with each workbook (issue 12 item 1): `--previous FILE` for the one workbook,
 * or `--previous-dir DIR`, where every document is read once to learn its unit and year (engine/prior/identity.ts)
 * and each workbook is paired with the document of its unit and the year before.
 *
 * Decisions (the issue is silent): DIR is read one level deep, every regular file not starting with "." (content
 * decides what is a workbook, as for the inputs); files there that cannot be read are named on stderr and ignored.
 * Identification reads the documents on the main thread under the cell budget and the readers' guards, but without
 * the per-file time and memory budgets of the audit itself (each paired document is read again on its workbook's
 * worker, under that workbook's budgets).
 */
import * as fs from "fs";
import * as path from "path";
import { DocIdentity, identityOf, pairDocuments, recognize } from "../engine";
import { readWorkbookFile } from "../io/readWorkbookFile";

export interface PreviousPlan {
  /** Last year's document of each workbook, by index (undefined: none). */
  previous: (string | undefined)[];
  /** Why a workbook has none, by index (null when it has one). */
  notes: (string | null)[];
  /** Lines for stderr: unreadable files of DIR, workbooks without a partner. */
  messages: string[];
}

async function identify(file: string, maxCells: number): Promise<DocIdentity | null> {
  // a PDF (recognised by content) through the PDF reader, loaded only then; anything else through the workbook reader
  const pdf = require("./auditPdf") as typeof import("./auditPdf");
  const r = pdf.isPdfFile(file) ? await pdf.readPdfSnapshot(file) : readWorkbookFile(file, { maxCells: maxCells });
  if (!r.ok) return null;
  try {
    return identityOf(r.snapshot, recognize(r.snapshot));
  } catch (_e) {
    return null;
  }
}

export async function planPrevious(files: string[], opts: { previous?: string; previousDir?: string }, maxCells: number): Promise<PreviousPlan> {
  if (opts.previous !== undefined) return { previous: files.map(() => opts.previous), notes: files.map(() => null), messages: [] };
  const dir = opts.previousDir as string;
  const messages: string[] = [];
  let names: string[] = [];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => n.charAt(0) !== ".")
      .sort();
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === "ENOENT" ? "上年文件目录“" + dir + "”不存在" : code === "ENOTDIR" ? "“" + dir + "”不是目录" : "无法读取上年文件目录“" + dir + "”（" + (code || "未知错误") + "）";
    return { previous: files.map(() => undefined), notes: files.map(() => why), messages: [why + "，所有文件均未与上年文件对比。"] };
  }
  const candidates: { doc: string; id: DocIdentity }[] = [];
  for (const n of names) {
    const full = path.join(dir, n);
    let isFile = false;
    try {
      isFile = fs.statSync(full).isFile();
    } catch (_e) {
      isFile = false;
    }
    if (!isFile) continue;
    const id = await identify(full, maxCells);
    if (!id) messages.push("上年目录中的“" + n + "”无法读取，未参与配对。");
    else candidates.push({ doc: full, id });
  }
  const previous: (string | undefined)[] = files.map(() => undefined);
  const notes: (string | null)[] = files.map(() => null);
  const current: { doc: string; id: DocIdentity }[] = [];
  for (let i = 0; i < files.length; i++) {
    const id = await identify(files[i], maxCells);
    // an unreadable workbook fails in its own report; it has no partner to look for
    if (id) current.push({ doc: String(i), id });
    else notes[i] = "本年文件无法读取，未配对上年文件";
  }
  const pairing = pairDocuments(current, candidates);
  for (const p of pairing.pairs) previous[Number(p.current)] = p.previous;
  for (const a of pairing.alone) {
    const i = Number(a.doc);
    notes[i] = a.reason;
    messages.push("未配对上年文件：" + files[i] + "——" + a.reason + "。");
  }
  return { previous, notes, messages };
}
