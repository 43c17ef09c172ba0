/** Reads the 情况说明 text given with --narrative: .docx through mammoth, otherwise plain text (UTF-8 or GBK). */
import * as fs from "fs";
import { MESSAGES, zipProblemMessage } from "../io/readMessages";
import { guardZip } from "../io/zipCopy";

/**
 * The XML of a .docx (every .xml/.rels part) read at most, in bytes. mammoth builds a large object tree per byte:
 * 15 MB of document.xml took 34 s and 2.4 GB on this machine (issue 13 item 4). A 情况说明 of a hundred pages with
 * tables is about 1–2 MB; past this the file is refused with the advice to save it as .txt.
 */
export const MAX_DOCX_XML_BYTES = 4 * 1024 * 1024;

/**
 * The zip guard of the workbooks (zipGuard.ts, zipCopy.ts) before mammoth, which inflates without a cap: the same
 * limits, the same refusal of archives that read two ways, and mammoth reads the copy the guard wrote.
 */
function guardDocx(buf: Buffer, path: string): { ok: true; copy: Buffer } | { ok: false; error: string; content: true } {
  const g = guardZip(buf);
  const head = "情况说明文件“" + path + "”无法读取：";
  if (!g.ok) {
    const p = g.problem;
    const why = p.kind === "size-mismatch" ? MESSAGES.sizeMismatch : p.kind === "cells" ? MESSAGES.corruptZip : zipProblemMessage(p);
    return { ok: false, error: head + why, content: true };
  }
  let xml = 0;
  for (const e of g.entries) if (/\.(xml|rels)$/i.test(e.name)) xml += e.uncompressedSize;
  if (xml > MAX_DOCX_XML_BYTES) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    return { ok: false, error: head + "文档的文字部分过大（约 " + mb(xml) + " MB，上限 " + mb(MAX_DOCX_XML_BYTES) + " MB），请另存为 .txt 后再试。", content: true };
  }
  if (!g.entries.some((e) => e.name === "word/document.xml")) return { ok: false, error: "情况说明文件“" + path + "”不是有效的 .docx 文档，无法读取。", content: true };
  return { ok: true, copy: g.copy };
}

/**
 * `content`: the file was found but its content cannot be read (a bad or hostile .docx, a .doc). Decision: such a
 * narrative fails alone, reported like an unreadable workbook while the workbooks are audited (issue 13 item 4); a
 * path that cannot be opened at all stays an argument error, as a mistyped path should.
 */
export type NarrativeResult = { ok: true; text: string } | { ok: false; error: string; content?: true };

function decodeText(buf: Buffer): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString("utf8");
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString("utf16le");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch (_e) {
    // Text saved by Windows Notepad in a Chinese locale is GBK; Node's full ICU decodes it.
    try {
      return new TextDecoder("gbk").decode(buf);
    } catch (_e2) {
      return buf.toString("utf8");
    }
  }
}

/** Content decides, as for workbooks: a ZIP is a .docx, an OLE file is a legacy .doc (not supported). */
export async function readNarrative(path: string): Promise<NarrativeResult> {
  let buf: Buffer;
  try {
    const st = fs.statSync(path);
    if (st.isDirectory()) return { ok: false, error: "情况说明文件“" + path + "”是一个文件夹。" };
    buf = fs.readFileSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return { ok: false, error: code === "ENOENT" ? "找不到情况说明文件“" + path + "”。" : "无法读取情况说明文件“" + path + "”（" + (code || "未知错误") + "）。" };
  }
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 3 && buf[3] === 4) {
    const guarded = guardDocx(buf, path);
    if (!guarded.ok) return guarded;
    try {
      // Loaded lazily: mammoth is sizeable and only needed for .docx.
      const mammoth = require("mammoth") as { extractRawText(input: { buffer: Buffer }): Promise<{ value: string }> };
      const r = await mammoth.extractRawText({ buffer: guarded.copy });
      return { ok: true, text: r.value };
    } catch (_e) {
      return { ok: false, error: "情况说明文件“" + path + "”不是有效的 .docx 文档，无法读取。", content: true };
    }
  }
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    return { ok: false, error: "情况说明文件“" + path + "”是旧版 .doc 格式，请另存为 .docx 或 .txt 后再试。", content: true };
  }
  return { ok: true, text: decodeText(buf) };
}
