/**
 * Reads a ZIP's central directory without inflating anything, so that an .xlsx that would inflate to gigabytes
 * (a zip bomb) is refused before SheetJS inflates every entry into memory. Pure: works on bytes only.
 *
 * The directory can lie about sizes; verifyInflatedSizes (readWorkbookFile.ts, Node's zlib) then inflates each
 * entry with an output cap equal to its declared size, so memory stays bounded by what was checked here.
 */

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's data (after the local header), checked to lie inside the file. */
  dataOffset: number;
  /** Offset of the local header, and its flags. */
  localOffset: number;
  localFlags: number;
  crc32: number;
  /** Where the name's bytes are in the central directory (the rebuilt copy uses these, not the local header's). */
  nameAt: number;
  nameLength: number;
  /**
   * The local header agrees with the central directory (method and sizes), has no data descriptor, and neither uses
   * ZIP64: a reader that trusts the local header (SheetJS does) sees what the directory says.
   */
  plain: boolean;
}

export interface ZipLimits {
  /** Sum of declared uncompressed sizes. */
  maxTotalUncompressed: number;
  /** Largest uncompressed/compressed ratio allowed for an entry bigger than ratioFloor bytes. */
  maxRatio: number;
  /** Small entries may compress as well as they like: they cannot exhaust memory. */
  ratioFloor: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxRatio: 500,
  ratioFloor: 1024 * 1024,
  maxEntries: 10000,
};

export type ZipProblem =
  | { kind: "corrupt"; detail: string }
  | { kind: "too-large"; total: number; limit: number }
  | { kind: "ratio"; entry: string; ratio: number; limit: number }
  | { kind: "too-many-entries"; count: number; limit: number }
  | { kind: "encrypted" }
  | { kind: "unsupported-method"; entry: string; method: number }
  /**
   * The archive reads differently to a reader that trusts the local headers or takes the last end record in the
   * file (SheetJS, JSZip) than to this guard: a second end record, or a local header whose name or method differs
   * from the directory, or whose sizes differ without a data descriptor. No writer of Office files does that.
   */
  | { kind: "views-disagree"; detail: string };

/** `eocd`: offset of the end-of-central-directory record used; `zip64` when its ZIP64 twin was needed. */
export type ZipInspection = { ok: true; entries: ZipEntry[]; eocd: number; zip64: boolean } | { ok: false; problem: ZipProblem };

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOC64 = 0x07064b50;
const SIG_CD = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}

function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

function utf8(b: Uint8Array, start: number, end: number): string {
  // Entry names are ASCII in Office files; decode simply and keep going on anything else.
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  try {
    return decodeURIComponent(escape(s));
  } catch (_e) {
    return s;
  }
}

function disagree(detail: string): ZipInspection {
  return { ok: false, problem: { kind: "views-disagree", detail: detail } };
}

function corrupt(detail: string): ZipInspection {
  return { ok: false, problem: { kind: "corrupt", detail: detail } };
}

/** True when the bytes start like a ZIP (local header, or the end record of an empty archive). */
export function looksLikeZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

export function inspectZip(b: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipInspection {
  const len = b.length;
  if (len < 22) return corrupt("shorter than an end record");
  let eocd = -1;
  const stop = Math.max(0, len - 22 - 65535);
  for (let i = len - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return corrupt("no end of central directory");
  // SheetJS and JSZip take the last signature anywhere, even one in the last bytes of the comment, cut short.
  for (let i = len - 4; i > eocd; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === SIG_EOCD) return disagree("a second end record at " + i);
  }
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  const zip64 = count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff;
  if (zip64) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== SIG_LOC64) return corrupt("zip64 locator missing");
    const e64 = u64(b, loc + 8);
    if (e64 + 56 > len || u32(b, e64) !== SIG_EOCD64) return corrupt("zip64 end record missing");
    count = u64(b, e64 + 32);
    cdSize = u64(b, e64 + 40);
    cdOffset = u64(b, e64 + 48);
  }
  if (count > limits.maxEntries) return { ok: false, problem: { kind: "too-many-entries", count: count, limit: limits.maxEntries } };
  if (cdOffset + cdSize > len) return corrupt("central directory outside the file");

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > len || u32(b, p) !== SIG_CD) return corrupt("bad central directory entry " + i);
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let csz = u32(b, p + 20);
    let usz = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const crc = u32(b, p + 16);
    let local = u32(b, p + 42);
    let hasZip64 = false;
    if (p + 46 + nameLen + extraLen + commentLen > len) return corrupt("central directory entry runs past the end");
    const name = utf8(b, p + 46, p + 46 + nameLen);
    const p0 = p;
    // ZIP64 extra field: the 64-bit values appear only for the fields set to 0xFFFFFFFF, in this order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const size = u16(b, x + 2);
      if (id === 0x0001) {
        hasZip64 = true;
        let q = x + 4;
        if (usz === 0xffffffff && q + 8 <= x + 4 + size) (usz = u64(b, q)), (q += 8);
        if (csz === 0xffffffff && q + 8 <= x + 4 + size) (csz = u64(b, q)), (q += 8);
        if (local === 0xffffffff && q + 8 <= x + 4 + size) (local = u64(b, q)), (q += 8);
      }
      x += 4 + size;
    }
    p += 46 + nameLen + extraLen + commentLen;

    if (flags & 0x0001) return { ok: false, problem: { kind: "encrypted" } };
    if (method !== 0 && method !== 8) return { ok: false, problem: { kind: "unsupported-method", entry: name, method: method } };
    if (local + 30 > len || u32(b, local) !== SIG_LOCAL) return corrupt("local header missing for " + name);
    const dataOffset = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (dataOffset + csz > len) return corrupt("entry data past the end for " + name);
    if (method === 0 && csz !== usz) return corrupt("stored entry with two sizes: " + name);

    total += usz;
    if (total > limits.maxTotalUncompressed) {
      // Keep summing so the message states the whole declared size, not the first entry past the limit.
      let all = total;
      for (let j = i + 1; j < count && p + 46 <= len && u32(b, p) === SIG_CD; j++) {
        all += u32(b, p + 24) === 0xffffffff ? 0 : u32(b, p + 24);
        p += 46 + u16(b, p + 28) + u16(b, p + 30) + u16(b, p + 32);
      }
      return { ok: false, problem: { kind: "too-large", total: all, limit: limits.maxTotalUncompressed } };
    }
    if (usz > limits.ratioFloor) {
      const ratio = usz / Math.max(1, csz);
      if (ratio > limits.maxRatio) return { ok: false, problem: { kind: "ratio", entry: name, ratio: ratio, limit: limits.maxRatio } };
    }
    const localFlags = u16(b, local + 6);
    const localNameLen = u16(b, local + 26);
    let sameName = localNameLen === nameLen;
    for (let k = 0; k < nameLen && sameName; k++) sameName = b[local + 30 + k] === b[p0 + 46 + k];
    if (!sameName) return disagree("local name differs for " + name);
    if (u16(b, local + 8) !== method) return disagree("local method differs for " + name);
    // With a data descriptor (bit 3) the local sizes may be 0 (written before the data was); otherwise they must agree.
    const lcsz = u32(b, local + 18);
    const lusz = u32(b, local + 22);
    const sizesAgree = (lcsz === csz || lcsz === 0xffffffff) && (lusz === usz || lusz === 0xffffffff);
    if (!sizesAgree && !((localFlags & 0x0008) !== 0 && lcsz === 0 && lusz === 0)) return disagree("local sizes differ for " + name);
    // SheetJS also takes ZIP64 sizes from the local header's extra field.
    let localZip64 = false;
    const lx = local + 30 + u16(b, local + 26);
    const lxEnd = Math.min(len, lx + u16(b, local + 28));
    for (let q = lx; q + 4 <= lxEnd; q += 4 + u16(b, q + 2)) if (u16(b, q) === 0x0001) localZip64 = true;
    const plain =
      !hasZip64 &&
      !localZip64 &&
      (localFlags & 0x0008) === 0 &&
      u16(b, local + 8) === method &&
      u32(b, local + 18) === csz &&
      u32(b, local + 22) === usz &&
      csz !== 0xffffffff &&
      usz !== 0xffffffff;
    entries.push({
      name: name,
      flags: flags,
      method: method,
      compressedSize: csz,
      uncompressedSize: usz,
      dataOffset: dataOffset,
      localOffset: local,
      localFlags: localFlags,
      crc32: crc,
      nameAt: p0 + 46,
      nameLength: nameLen,
      plain: plain,
    });
  }
  return { ok: true, entries: entries, eocd: eocd, zip64: zip64 };
}
