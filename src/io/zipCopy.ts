/**
 * The second half of the zip guard (Node only): inflate each entry the guard accepted, with an output cap equal
 * to its declared size, and write what came out into a new archive with every entry stored. That copy is what
 * SheetJS (and mammoth, for a .docx narrative) read, never the original bytes: whatever a reader makes of local
 * headers, data descriptors, comments or extra end records, it sees only the entries the guard checked, under the
 * names the guard checked (issue 13 item 1). Reading the copy is also faster: SheetJS need not inflate again.
 */
import * as zlib from "zlib";
import { DEFAULT_ZIP_LIMITS, ZipEntry, ZipLimits, ZipProblem, inspectZip } from "./zipGuard";

/** Inflated parts by name, for the fast .xlsx reader. */
export type PartMap = Map<string, Uint8Array>;

export type GuardedZip =
  | { ok: true; entries: ZipEntry[]; copy: Buffer; cells: number; plain: boolean }
  | { ok: false; problem: ZipProblem | { kind: "size-mismatch" } | { kind: "cells"; cells: number; limit: number } };

function u16(b: Buffer, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

/**
 * How many cell elements SheetJS's sheet parser would find: it splits on /<(?:\w+:)?c[ \/>]/, so "<c ", "<c>",
 * "<c/>" and prefixed ones such as "<x:c>" (issue 13 item 7). "<col", "<cfRule", "<c:chart" are not cells.
 */
export function countCells(xml: Uint8Array): number {
  // One pass over the bytes: a million calls of Buffer.indexOf cost more than reading every byte once.
  let n = 0;
  const len = xml.length;
  for (let i = 0; i < len; i++) {
    if (xml[i] !== 0x3c) continue;
    let k = i + 1;
    while (k < len && isWord(xml[k])) k++;
    // "<c" + end, or "<prefix:c" + end
    if (k === i + 2 && xml[i + 1] === 0x63 && cellEnd(xml[k])) n++;
    else if (k > i + 1 && xml[k] === 0x3a && xml[k + 1] === 0x63 && cellEnd(xml[k + 2])) n++;
  }
  return n;
}

function cellEnd(ch: number): boolean {
  return ch === 0x20 || ch === 0x2f || ch === 0x3e;
}

function isWord(ch: number): boolean {
  return (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a) || ch === 0x5f;
}

/**
 * Runs the whole guard: the directory (inspectZip), then each entry inflated with a cap, its cells counted (every
 * entry: a sheet may live at any path the workbook's relationships name), the parts kept for the fast reader when
 * `parts` is given, and the stored copy written; stops at the first entry that takes the count past `maxCells`.
 * Never throws.
 */
export function guardZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS, parts: PartMap | null = null, maxCells = Infinity): GuardedZip {
  const z = inspectZip(buf, limits);
  if (!z.ok) return z;
  const entries = z.entries;
  let total = 22;
  for (let i = 0; i < entries.length; i++) total += 30 + 46 + 2 * entries[i].nameLength + entries[i].uncompressedSize;
  // Only past limits far above the defaults (200 MB, 10,000 entries): a copy a plain ZIP cannot hold.
  if (entries.length >= 0xffff || total >= 0xffffffff) return { ok: false, problem: { kind: "too-large", total: total, limit: limits.maxTotalUncompressed } };
  const out = Buffer.allocUnsafe(total);
  const localAt: number[] = [];
  let cells = 0;
  let plain = !z.zip64;
  let p = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!e.plain) plain = false;
    let data: Buffer;
    if (e.method === 8) {
      try {
        data = zlib.inflateRawSync(buf.subarray(e.dataOffset), { maxOutputLength: Math.max(1, e.uncompressedSize) });
      } catch (err) {
        const code = (err as { code?: string }).code;
        return { ok: false, problem: code === "ERR_BUFFER_TOO_LARGE" ? { kind: "size-mismatch" } : { kind: "corrupt", detail: "inflate " + e.name } };
      }
      if (data.length !== e.uncompressedSize) return { ok: false, problem: { kind: "size-mismatch" } };
    } else {
      data = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    }
    cells += countCells(data);
    if (cells > maxCells) return { ok: false, problem: { kind: "cells", cells: cells, limit: maxCells } };
    if (parts) parts.set(e.name, data);
    // Local header: stored, no data descriptor, no extra field, the directory's name, flags, date and CRC.
    const flags = e.flags & ~0x0009;
    localAt.push(p);
    out.writeUInt32LE(0x04034b50, p);
    out.writeUInt16LE(u16(buf, e.localOffset + 4), p + 4);
    out.writeUInt16LE(flags, p + 6);
    out.writeUInt16LE(0, p + 8);
    out.writeUInt32LE(buf.readUInt32LE(e.localOffset + 10), p + 10); // time, date
    out.writeUInt32LE(e.crc32, p + 14);
    out.writeUInt32LE(data.length, p + 18);
    out.writeUInt32LE(data.length, p + 22);
    out.writeUInt16LE(e.nameLength, p + 26);
    out.writeUInt16LE(0, p + 28);
    buf.copy(out, p + 30, e.nameAt, e.nameAt + e.nameLength);
    data.copy(out, p + 30 + e.nameLength);
    p += 30 + e.nameLength + data.length;
  }
  const cd = p;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    out.writeUInt32LE(0x02014b50, p);
    out.writeUInt16LE(20, p + 4);
    out.writeUInt16LE(u16(buf, e.localOffset + 4), p + 6);
    out.writeUInt16LE(e.flags & ~0x0009, p + 8);
    out.writeUInt16LE(0, p + 10);
    out.writeUInt32LE(buf.readUInt32LE(e.localOffset + 10), p + 12);
    out.writeUInt32LE(e.crc32, p + 16);
    out.writeUInt32LE(e.uncompressedSize, p + 20);
    out.writeUInt32LE(e.uncompressedSize, p + 24);
    out.writeUInt16LE(e.nameLength, p + 28);
    out.fill(0, p + 30, p + 42); // extra, comment, disk, internal and external attributes
    out.writeUInt32LE(localAt[i], p + 42);
    buf.copy(out, p + 46, e.nameAt, e.nameAt + e.nameLength);
    p += 46 + e.nameLength;
  }
  out.writeUInt32LE(0x06054b50, p);
  out.writeUInt32LE(0, p + 4);
  out.writeUInt16LE(entries.length, p + 8);
  out.writeUInt16LE(entries.length, p + 10);
  out.writeUInt32LE(p - cd, p + 12);
  out.writeUInt32LE(cd, p + 16);
  out.writeUInt16LE(0, p + 20);
  p += 22;
  return { ok: true, entries: entries, copy: p === out.length ? out : out.subarray(0, p), cells: cells, plain: plain };
}
