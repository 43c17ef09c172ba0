/** Reads the 情况说明 text given with --narrative: .docx through mammoth, otherwise plain text (UTF-8 or GBK). */
import * as fs from "fs";

export type NarrativeResult = { ok: true; text: string } | { ok: false; error: string };

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
    try {
      // Loaded lazily: mammoth is sizeable and only needed for .docx.
      const mammoth = require("mammoth") as { extractRawText(input: { buffer: Buffer }): Promise<{ value: string }> };
      const r = await mammoth.extractRawText({ buffer: buf });
      return { ok: true, text: r.value };
    } catch (_e) {
      return { ok: false, error: "情况说明文件“" + path + "”不是有效的 .docx 文档，无法读取。" };
    }
  }
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    return { ok: false, error: "情况说明文件“" + path + "”是旧版 .doc 格式，请另存为 .docx 或 .txt 后再试。" };
  }
  return { ok: true, text: decodeText(buf) };
}
