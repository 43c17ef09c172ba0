/**
 * The zip guard for the browser preview (issue 9 note): a workbook picked in the preview passes the checks the CLI's
 * reader makes (readWorkbookFile.ts → zipCopy.ts) before SheetJS inflates it.
 *  1. inspectZip (zipGuard.ts, the same code and DEFAULT_ZIP_LIMITS): total declared size, compression ratio,
 *     entry count, encryption, methods, and archives that read differently to SheetJS (views-disagree).
 *  2. Every deflated entry inflated with the browser's DecompressionStream("deflate-raw") and stopped as soon as it
 *     passes its declared size: a directory that lies about sizes is refused, as zipCopy.ts refuses it, and memory
 *     stays bounded by what step 1 checked.
 * Decision: the preview then lets SheetJS read the original bytes (the CLI hands it a stored copy, which needs Node's
 * Buffer and zlib); step 1 already refuses any archive whose local headers tell SheetJS something the directory
 * does not. Where the browser has no DecompressionStream the file is refused: without step 2 the guard is not whole.
 * Pure apart from DecompressionStream; the messages are the reader's own (readMessages.ts).
 */
import { MESSAGES, zipProblemMessage } from "./readMessages";
import { DEFAULT_ZIP_LIMITS, ZipLimits, inspectZip, looksLikeZip } from "./zipGuard";

type Inflater = new (format: "deflate-raw") => { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };

/** Inflated size of one raw-deflate stream, or -1 once it passes `cap` (the stream is cancelled there). */
async function inflatedSize(data: Uint8Array, cap: number, Stream: Inflater): Promise<number> {
  const ds = new Stream("deflate-raw");
  const writer = ds.writable.getWriter();
  // Errors surface on the reading side; a rejected write must not become an unhandled rejection.
  writer.write(data).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = ds.readable.getReader();
  let n = 0;
  for (;;) {
    const r = await reader.read();
    if (r.done) return n;
    n += r.value.length;
    if (n > cap) {
      reader.cancel().catch(() => undefined);
      return -1;
    }
  }
}

/** Null when the bytes may go to SheetJS (not a ZIP at all: .xls and the like are SheetJS's), else one Chinese sentence. */
export async function guardZipInBrowser(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<string | null> {
  if (!looksLikeZip(bytes)) return null;
  const z = inspectZip(bytes, limits);
  if (!z.ok) return zipProblemMessage(z.problem);
  const Stream = (globalThis as { DecompressionStream?: Inflater }).DecompressionStream;
  if (!Stream) return "此浏览器无法先行检查压缩包（缺少 DecompressionStream），为安全起见未打开该文件；请用新版浏览器或命令行审核。";
  for (const e of z.entries) {
    if (e.method !== 8) continue;
    let size: number;
    try {
      size = await inflatedSize(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize), e.uncompressedSize, Stream);
    } catch (_e) {
      return MESSAGES.corruptZip;
    }
    if (size !== e.uncompressedSize) return MESSAGES.sizeMismatch;
  }
  return null;
}
