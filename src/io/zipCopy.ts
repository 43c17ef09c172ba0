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
 *
 * Written for speed (every byte of every entry passes here): the loop looks only for the byte "c" and its two
 * neighbours, which rules out almost every position with one comparison; the rarer prefixed form is checked by
 * looking back (prefixedCellAt). test/security/zipViews.test.ts holds it equal to the regular expression.
 */
export function countCells(xml: Uint8Array): number {
  let n = 0;
  const last = xml.length - 1;
  for (let i = 1; i < last; i++) {
    if (xml[i] !== 0x63) continue;
    const before = xml[i - 1];
    if (before === 0x3c) {
      const after = xml[i + 1];
      if (after === 0x20 || after === 0x2f || after === 0x3e) n++;
    } else if (before === 0x3a) n += prefixedCellAt(xml, i);
  }
  return n;
}

/** 1 when the "c" at i (after a colon) ends "<prefix:c" followed by " ", "/" or ">", else 0. */
function prefixedCellAt(xml: Uint8Array, i: number): number {
  const after = xml[i + 1];
  if (!(after === 0x20 || after === 0x2f || after === 0x3e)) return 0;
  let k = i - 2;
  while (k >= 0 && isWord(xml[k])) k--;
  return k < i - 2 && k >= 0 && xml[k] === 0x3c ? 1 : 0;
}

function isWord(ch: number): boolean {
  return (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a) || ch === 0x5f;
}

/** The guard's verdict with the inflated entries, in directory order; the stored copy is written on demand. */
export type GuardedParts =
  | { ok: true; entries: ZipEntry[]; data: Buffer[]; cells: number; plain: boolean }
  | { ok: false; problem: ZipProblem | { kind: "size-mismatch" } | { kind: "cells"; cells: number; limit: number } };

/**
 * Runs the whole guard: the directory (inspectZip), then each entry inflated with a cap, its cells counted (every
 * entry: a sheet may live at any path the workbook's relationships name), the parts kept for the fast reader when
 * `parts` is given; stops at the first entry that takes the count past `maxCells`. Never throws.
 */
export function guardZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS, parts: PartMap | null = null, maxCells = Infinity): GuardedZip {
  const g = inflateGuarded(buf, limits, parts, maxCells);
  if (!g.ok) return g;
  return { ok: true, entries: g.entries, copy: storedCopy(buf, g.entries, g.data), cells: g.cells, plain: g.plain };
}

/** Bytes of the stored copy of these entries (local headers, data, directory, end record). */
function copySize(entries: ZipEntry[]): number {
  let total = 22;
  for (let i = 0; i < entries.length; i++) total += 30 + 46 + 2 * entries[i].nameLength + entries[i].uncompressedSize;
  return total;
}

/**
 * guardZip without writing the copy: the fast .xlsx reader never needs it (issue 9, speed: the copy was a fresh
 * buffer of the whole inflated size on every read); readWorkbookFile writes it with storedCopy only when SheetJS
 * reads the file. Same checks in the same order, so the same verdict on every input.
 */
export function inflateGuarded(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS, parts: PartMap | null = null, maxCells = Infinity): GuardedParts {
  const z = inspectZip(buf, limits);
  if (!z.ok) return z;
  const entries = z.entries;
  // Only past limits far above the defaults (200 MB, 10,000 entries): a copy a plain ZIP cannot hold.
  const total = copySize(entries);
  if (entries.length >= 0xffff || total >= 0xffffffff) return { ok: false, problem: { kind: "too-large", total: total, limit: limits.maxTotalUncompressed } };
  const out: Buffer[] = [];
  let cells = 0;
  let plain = !z.zip64;
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
    out.push(data);
  }
  return { ok: true, entries: entries, data: out, cells: cells, plain: plain };
}

/**
 * The stored copy SheetJS (and mammoth) read: every entry the guard checked, stored, under the directory's names.
 * Local header: stored, no data descriptor, no extra field, the directory's name, flags, date and CRC.
 */
export function storedCopy(buf: Buffer, entries: ZipEntry[], data: Buffer[]): Buffer {
  const total = copySize(entries);
  const out = Buffer.allocUnsafe(total);
  const localAt: number[] = [];
  let p = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const d = data[i];
    const flags = e.flags & ~0x0009;
    localAt.push(p);
    out.writeUInt32LE(0x04034b50, p);
    out.writeUInt16LE(u16(buf, e.localOffset + 4), p + 4);
    out.writeUInt16LE(flags, p + 6);
    out.writeUInt16LE(0, p + 8);
    out.writeUInt32LE(buf.readUInt32LE(e.localOffset + 10), p + 10); // time, date
    out.writeUInt32LE(e.crc32, p + 14);
    out.writeUInt32LE(d.length, p + 18);
    out.writeUInt32LE(d.length, p + 22);
    out.writeUInt16LE(e.nameLength, p + 26);
    out.writeUInt16LE(0, p + 28);
    buf.copy(out, p + 30, e.nameAt, e.nameAt + e.nameLength);
    d.copy(out, p + 30 + e.nameLength);
    p += 30 + e.nameLength + d.length;
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
  return p === out.length ? out : out.subarray(0, p);
}
