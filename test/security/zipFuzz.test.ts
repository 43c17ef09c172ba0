/**
 * Fuzzing over raw ZIP structures (issue 13): end records (extra ones, in comments, cut short), local headers that
 * disagree with the directory (method, flags, sizes, names, ZIP64 extras), data descriptors, hidden archives and
 * bombs. Whatever the structure, the reader never throws, answers within the time budget with the innocent
 * workbook or one Chinese sentence, and never shows content the guard did not check.
 */
import fc from "fast-check";
import { inspectZip } from "../../src/io/zipGuard";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readNarrative } from "../../src/cli/narrative";
import { readWorkbookBuffer } from "../../src/io/readWorkbookFile";
import { docxOf } from "./hostile/docx";
import { Entry, HeaderFields, eocdRecord, repeatedDeflate, smallWorkbook, writeZip } from "./hostile/zip";
import { innocentRows } from "./hostile/zipViews";

const SENTENCE = /^[^\n]*[\u4e00-\u9fa5][^\n]*。$/;
const u32 = fc.oneof(fc.constant(0), fc.constant(0xffffffff), fc.nat(), fc.integer({ min: 0, max: 4096 }));

const fields: fc.Arbitrary<HeaderFields> = fc.record(
  {
    method: fc.oneof(fc.constant(0), fc.constant(8), fc.integer({ min: 0, max: 99 })),
    flags: fc.oneof(fc.constant(0x0800), fc.constant(0x0808), fc.constant(0x0008), fc.integer({ min: 0, max: 0xffff })),
    compressedSize: u32,
    uncompressedSize: u32,
    name: fc.constantFrom("xl/worksheets/sheet1.xml", "xl/media/a.bin", "../x.xml", ""),
    extra: fc.oneof(
      fc.uint8Array({ maxLength: 24 }).map((a) => Buffer.from(a)),
      fc.tuple(u32, u32).map(([a, b]) => {
        const x = Buffer.alloc(20);
        x.writeUInt16LE(1, 0);
        x.writeUInt16LE(16, 2);
        x.writeUInt32LE(a >>> 0, 4);
        x.writeUInt32LE(b >>> 0, 12);
        return x;
      }),
    ),
  },
  { requiredKeys: [] },
);

interface Plan {
  tamper: { entry: number; local: HeaderFields; central: HeaderFields; descriptor: boolean }[];
  bomb: { declared: number | null; storedCentral: boolean } | null;
  hidden: boolean;
  comment: Uint8Array;
  commentLength: number | null;
  extraEnd: "none" | "comment" | "cut" | "after";
  prefix: Uint8Array;
}

const plan: fc.Arbitrary<Plan> = fc.record({
  tamper: fc.array(fc.record({ entry: fc.nat(5), local: fields, central: fields, descriptor: fc.boolean() }), { maxLength: 3 }),
  bomb: fc.option(fc.record({ declared: fc.option(u32), storedCentral: fc.boolean() })),
  hidden: fc.boolean(),
  comment: fc.uint8Array({ maxLength: 40 }),
  commentLength: fc.option(fc.integer({ min: 0, max: 0xffff })),
  extraEnd: fc.constantFrom<"none" | "comment" | "cut" | "after">("none", "comment", "cut", "after"),
  prefix: fc.uint8Array({ maxLength: 16 }),
});

/** 64 MB of zeros from 64 KB: enough to show an unchecked inflate in the memory figure, quick to build. */
const ZEROS = repeatedDeflate("", "\0".repeat(1024), 64 * 1024, "", 1024);

function build(p: Plan): Buffer {
  const entries: Entry[] = smallWorkbook(innocentRows());
  for (const t of p.tamper) {
    const i = t.entry % entries.length;
    const e: Entry = { ...entries[i], local: t.local, central: t.central };
    if (t.descriptor) {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      e.descriptor = d;
    }
    entries[i] = e;
  }
  if (p.bomb) {
    const b: Entry = { name: "xl/media/b.bin", stored: ZEROS.stored, method: 8, size: p.bomb.declared === null ? ZEROS.size : p.bomb.declared, crc: 0 };
    if (p.bomb.storedCentral) b.central = { method: 0, compressedSize: ZEROS.stored.length, uncompressedSize: ZEROS.stored.length };
    entries.push(b);
  }
  let prefix: Buffer = Buffer.from(p.prefix);
  let hiddenEnd: Buffer = Buffer.alloc(0);
  if (p.hidden) {
    const h = writeZip([{ ...smallWorkbook([["隐藏", 9]])[4] }].concat(smallWorkbook([["隐藏", 9]]).slice(0, 4)));
    prefix = Buffer.concat([h.bytes.subarray(0, h.eocdAt), prefix]);
    hiddenEnd = eocdRecord(5, h.eocdAt - h.cdAt, h.cdAt);
  }
  let comment: Buffer = Buffer.from(p.comment);
  if (p.extraEnd === "comment") comment = Buffer.concat([comment, hiddenEnd.length ? hiddenEnd : eocdRecord(1, 46, 0)]);
  if (p.extraEnd === "cut") comment = Buffer.concat([comment, (hiddenEnd.length ? hiddenEnd : eocdRecord(1, 46, 0)).subarray(0, 20)]);
  // A real writer's archive starts with a local header: keep that so the bytes are taken for a ZIP at all.
  const pre = prefix.length && !p.hidden ? Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), prefix]) : prefix;
  const z = writeZip(entries, { prefix: pre, comment: comment, commentLength: p.commentLength === null ? undefined : p.commentLength }).bytes;
  return p.extraEnd === "after" ? Buffer.concat([z, hiddenEnd.length ? hiddenEnd : eocdRecord(1, 46, 0)]) : z;
}

function textsOf(rows: (string | number)[][]): string[][][] {
  const r = readWorkbookBuffer(writeZip(smallWorkbook(rows)).bytes, "t");
  if (!r.ok) throw new Error(r.error);
  return r.snapshot.sheets.map((s) => s.text);
}
const innocent = textsOf(innocentRows());
// A complete end record as the last 22 bytes is the one every reader takes: the guard then checks that archive.
const hiddenTexts = textsOf([["隐藏", 9]]);

/**
 * What SheetJS is handed: it must only ever read the guard's copy, every entry stored and every local header agreeing
 * with the directory, so that it has nothing to inflate and nothing the guard did not see.
 */
jest.mock("@e965/xlsx", () => {
  const actual = jest.requireActual("@e965/xlsx");
  return {
    ...actual,
    read: (data: unknown, opts: unknown) => {
      (globalThis as unknown as { __xlsxHanded: (d: unknown) => void }).__xlsxHanded(data);
      return actual.read(data, opts);
    },
  };
});
let handedUnchecked = 0;
let sheetjsReads = 0;
(globalThis as unknown as { __xlsxHanded: (d: unknown) => void }).__xlsxHanded = (data) => {
  sheetjsReads++;
  const z = inspectZip(data as Buffer);
  if (!z.ok || !z.entries.every((e) => e.method === 0 && e.plain)) handedUnchecked++;
};

test("raw zip structures: never a throw, a Chinese sentence or the innocent workbook, within the budgets", () => {
  const rss0 = process.memoryUsage().rss;
  let refused = 0;
  let read = 0;
  fc.assert(
    fc.property(plan, (p) => {
      const bytes = build(p);
      const t = Date.now();
      // fast: false, so that SheetJS reads every archive the guard accepts (the fast reader takes most otherwise).
      const r = readWorkbookBuffer(bytes, "fuzz.xlsx", { fast: false });
      expect(Date.now() - t).toBeLessThan(5000);
      expect(handedUnchecked).toBe(0);
      if (r.ok) {
        read++;
        const texts = r.snapshot.sheets.map((s) => s.text);
        expect([innocent, hiddenTexts]).toContainEqual(texts);
      } else {
        refused++;
        expect(r.error).toMatch(SENTENCE);
      }
      // Nothing of the 64 MB bomb or of the hidden archive was inflated unchecked and kept.
      expect(process.memoryUsage().rss - rss0).toBeLessThan(600 * 1024 * 1024);
    }),
    { numRuns: 400, seed: 1313 },
  );
  // Both outcomes happen: the fuzzing reaches the reader, not only the guard's first check.
  expect(read).toBeGreaterThan(5);
  expect(refused).toBeGreaterThan(5);
  expect(sheetjsReads).toBeGreaterThan(0);
});

test("the same structures as a --narrative .docx: never a throw, the innocent text or a Chinese sentence", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secio-fuzz-"));
  const file = path.join(dir, "n.docx");
  const good = docxOf(["一、部门决算情况说明"]);
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 })), { maxLength: 6 }), fc.uint8Array({ maxLength: 30 }), async (flips, tail) => {
        const b = Buffer.concat([good, Buffer.from(tail)]);
        for (const [at, x] of flips) b[at] ^= x;
        fs.writeFileSync(file, b);
        const r = await readNarrative(file);
        if (r.ok) expect(typeof r.text).toBe("string");
        else expect(r.error).toMatch(SENTENCE);
      }),
      { numRuns: 60, seed: 4 },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
