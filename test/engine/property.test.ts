/**
 * Property tests (fast-check): the engine never throws, whatever the snapshot; sheet order and names never
 * change the findings; a change of 1.00 in any amount cell of the sample is always an error.
 */
import fc from "fast-check";
import { auditWorkbook } from "../../src/engine";
import { money } from "../../src/engine/messages";
import { Decimal } from "../../src/engine/decimal";
import { CellValue, Finding, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/types";
import { sampleSnapshot, signature, signatureAt } from "../fixtures/sample";

const sample = sampleSnapshot();

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.boolean(),
  fc.string(),
  fc.constantFrom("合计", "收入支出决算总表", "支出决算表", "栏次", "201", "2010301", "人员经费合计", "#REF!", "—", "(1.00)", "1.2E3", "１２３.４５", "12.345.6", "单位：元", "预算数", "决算数", "经济分类科目编码", "科目名称", "本年支出合计"),
);

const sheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({ name: fc.string({ maxLength: 12 }), rows: fc.integer({ min: 0, max: 12 }), cols: fc.integer({ min: 0, max: 10 }), top: fc.integer({ min: 0, max: 5 }), left: fc.integer({ min: 0, max: 5 }), seed: fc.array(cellValue, { minLength: 1, maxLength: 120 }), merges: fc.array(fc.constantFrom("A1:C1", "B2:B4", "A1", "Z9:A1", "bogus", "C3:D20"), { maxLength: 4 }) })
  .map(({ name, rows, cols, top, left, seed, merges }) => {
    const values: CellValue[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < cols; c++) row.push(seed[(r * cols + c) % seed.length]);
      values.push(row);
    }
    return { name, visibility: "visible" as const, top, left, values, text: values.map((row) => row.map((v) => (v === null ? "" : String(v)))), merges };
  });

test("the engine never throws on random snapshots", () => {
  fc.assert(
    fc.property(fc.array(sheet, { maxLength: 4 }), (sheets) => {
      const r = auditWorkbook({ sheets });
      expect(Array.isArray(r.findings)).toBe(true);
    }),
    { numRuns: 300 },
  );
});

test("the engine never throws on random edits of the sample (tables cut, cells replaced)", () => {
  const edit = fc.record({ sheet: fc.nat(sample.sheets.length - 1), r: fc.nat(40), c: fc.nat(12), v: cellValue, cut: fc.nat(40) });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
      const sheets = sample.sheets.map((s) => ({ ...s, values: s.values.map((r) => r.slice()), text: s.text.map((r) => r.slice()) }));
      for (const e of edits) {
        const s = sheets[e.sheet];
        if (e.cut % 7 === 0) {
          s.values = s.values.slice(0, e.cut);
          s.text = s.text.slice(0, e.cut);
        } else if (s.values[e.r] && e.c < s.values[e.r].length) {
          s.values[e.r][e.c] = e.v;
          s.text[e.r][e.c] = e.v === null ? "" : String(e.v);
        }
      }
      auditWorkbook({ sheets });
    }),
    { numRuns: 200 },
  );
});

test("shuffling sheet order or renaming sheets never changes the findings", () => {
  const where = (f: Finding) => signature(f) + "|" + f.cell;
  const base = auditWorkbook(sample).findings.map(where);
  fc.assert(
    fc.property(fc.shuffledSubarray(sample.sheets.map((_, i) => i), { minLength: sample.sheets.length }), fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: sample.sheets.length, maxLength: sample.sheets.length }), (order, names) => {
      const sheets = order.map((i, k) => ({ ...sample.sheets[i], name: "S" + k + "_" + names[k] }));
      const got = auditWorkbook({ sheets }).findings.map(where);
      expect(got.sort()).toEqual(base.slice().sort());
    }),
    { numRuns: 25 },
  );
});

test("a random change of 1.00 in any amount cell of the sample is always an error", () => {
  const amounts: [number, number, number][] = [];
  sample.sheets.forEach((s, i) => s.values.forEach((row, r) => row.forEach((v, c) => typeof v === "number" && /^公开/.test(s.name) && s.formats && /0\.00/.test(s.formats[r][c]) && amounts.push([i, r, c]))));
  const baseline = new Set(auditWorkbook(sample).findings.map(signatureAt));
  fc.assert(
    fc.property(fc.constantFrom(...amounts), fc.constantFrom("1", "-1"), ([i, r, c], delta) => {
      const sheets = sample.sheets.slice();
      const s = sheets[i];
      const v = new Decimal(s.text[r][c].replace(/,/g, "")).plus(delta);
      const values = s.values.map((row) => row.slice());
      const text = s.text.map((row) => row.slice());
      values[r][c] = v.toNumber();
      text[r][c] = money(v, 2);
      sheets[i] = { ...s, values, text };
      const fresh = auditWorkbook({ sheets } as WorkbookSnapshot).findings.filter((f) => !baseline.has(signatureAt(f)));
      expect(fresh.some((f) => f.severity === "error")).toBe(true);
    }),
    { numRuns: 60 },
  );
});
