/** Property: whatever the bytes, the reader returns a snapshot or one sentence, never throws, never hangs. */
import * as fs from "fs";
import fc from "fast-check";
import { readWorkbookBuffer } from "../../src/io/readWorkbookFile";
import { inspectZip } from "../../src/io/zipGuard";
import { SAMPLE, xlsxParts, writeZip } from "./fixtures";

const sample = fs.readFileSync(SAMPLE);

function outcome(b: Buffer): void {
  const r = readWorkbookBuffer(b, "fuzz");
  if (r.ok) expect(r.snapshot.sheets.length).toBeGreaterThan(0);
  else expect(r.error).toMatch(/^[^\n]+。$/);
}

test("random damage to the sample (bytes flipped anywhere, or the file cut short)", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(sample.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 40 }), fc.nat(sample.length), (flips, cut) => {
      const b = Buffer.from(sample);
      for (const [at, x] of flips) b[at] ^= x;
      outcome(b);
      outcome(sample.subarray(0, cut));
    }),
    { numRuns: 60, seed: 20241 },
  );
});

test("random damage to the central directory only (the part the zip guard trusts least)", () => {
  const z = inspectZip(sample);
  if (!z.ok) throw new Error("sample should be a valid zip");
  const cdStart = sample.length - 22 - 46 * z.entries.length - z.entries.reduce((n, e) => n + Buffer.byteLength(e.name), 0);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: Math.max(0, cdStart), max: sample.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), (flips) => {
      const b = Buffer.from(sample);
      for (const [at, x] of flips) b[at] ^= x;
      outcome(b);
    }),
    { numRuns: 80, seed: 7 },
  );
});

test("random bytes and random zips never throw", () => {
  const parts = xlsxParts(sample);
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 4096 }), fc.subarray(parts.map((p) => p.name)), (bytes, keep) => {
      outcome(Buffer.from(bytes));
      outcome(Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.from(bytes)]));
      outcome(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from(bytes)]));
      outcome(writeZip(parts.filter((p) => keep.indexOf(p.name) >= 0)));
    }),
    { numRuns: 40, seed: 3 },
  );
});

test("the stored copy SheetJS reads gives what reading the original gives, whatever the damage (local headers included)", () => {
  const same = (b: Buffer) => {
    const a = readWorkbookBuffer(b, "fuzz");
    const o = readWorkbookBuffer(b, "fuzz", { storedCopy: false });
    expect(a).toEqual(o);
  };
  same(sample);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(sample.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }), (flips) => {
      const b = Buffer.from(sample);
      for (const [at, x] of flips) b[at] ^= x;
      same(b);
    }),
    { numRuns: 60, seed: 99 },
  );
  // Damage aimed at the local headers' fields SheetJS trusts: flags, method, sizes, name, extra length.
  const z = inspectZip(sample);
  if (!z.ok) throw new Error("sample should be a valid zip");
  expect(z.entries.every((e) => e.plain)).toBe(true);
  for (const e of z.entries.slice(0, 6)) {
    for (const off of [6, 7, 8, 18, 22, 26, 28, 30]) {
      const b = Buffer.from(sample);
      b[e.localOffset + off] ^= off === 6 ? 0x08 : 0x01;
      same(b);
    }
  }
});
