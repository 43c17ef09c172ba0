/**
 * Every amount cell of the nine tables of the sample, changed by +1.00, yields a new error; changed by +0.01,
 * a new 尾差, warning or error (issue 2 §6). All cells are tried, not a sample of them.
 */
import { auditWorkbook } from "../../src/engine";
import { money } from "../../src/engine/messages";
import { Decimal } from "../../src/engine/decimal";
import { WorkbookSnapshot } from "../../src/engine/types";
import { sampleSnapshot, signatureAt } from "../fixtures/sample";

const snapshot = sampleSnapshot();
const baseline = new Set(auditWorkbook(snapshot).findings.map(signatureAt));

/** Amount cells: numbers shown with two decimals on the nine table sheets. */
const cells: { sheet: number; r: number; c: number; name: string }[] = [];
snapshot.sheets.forEach((s, i) => {
  if (!/^公开0\d表$/.test(s.name)) return;
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "number" && s.formats && /0\.00/.test(s.formats[r][c])) cells.push({ sheet: i, r, c, name: s.name + "!" + String.fromCharCode(65 + c) + (r + 1) });
    }),
  );
});

function mutated(cell: (typeof cells)[0], delta: string): WorkbookSnapshot {
  const s = snapshot.sheets[cell.sheet];
  const v = new Decimal(s.text[cell.r][cell.c].replace(/,/g, "")).plus(delta);
  const values = s.values.map((row) => row.slice());
  const text = s.text.map((row) => row.slice());
  values[cell.r][cell.c] = v.toNumber();
  text[cell.r][cell.c] = money(v, 2);
  const sheets = snapshot.sheets.slice();
  sheets[cell.sheet] = { ...s, values, text };
  return { sheets };
}

function newFindings(snap: WorkbookSnapshot) {
  return auditWorkbook(snap).findings.filter((f) => !baseline.has(signatureAt(f)));
}

test("the sample has about 650 amount cells", () => {
  expect(cells.length).toBeGreaterThan(600);
});

test("+1.00 in any amount cell yields a new error", () => {
  const missed = cells.filter((cell) => !newFindings(mutated(cell, "1")).some((f) => f.severity === "error"));
  expect(missed.map((c) => c.name)).toEqual([]);
});

const flagged = (snap: WorkbookSnapshot) => newFindings(snap).some((f) => f.severity === "tail" || f.severity === "warning" || f.severity === "error");

/**
 * +0.01 in a 公开06 款 under 301 or 302 cancels the +0.01 尾差 that class already carries: the displayed figures
 * then tie exactly, as after 舍位平衡, and no identity can tell. There the change shows as that 尾差 vanishing,
 * and -0.01 is caught as a new one. Every other cell must give a new finding for +0.01 itself.
 */
test("+0.01 in any amount cell yields a new 尾差, warning or error", () => {
  const before = auditWorkbook(snapshot).findings.length;
  const missed = cells.filter((cell) => {
    const up = mutated(cell, "0.01");
    if (flagged(up)) return false;
    const cancelsTail = auditWorkbook(up).findings.length < before;
    return !(cancelsTail && flagged(mutated(cell, "-0.01")));
  });
  expect(missed.map((c) => c.name)).toEqual([]);
});

test("a deliberately broken figure is caught where it is: 公开03 D10 基本支出 +1.00", () => {
  const cell = cells.find((c) => c.name === "公开03表!D10")!;
  const found = newFindings(mutated(cell, "1")).filter((f) => f.severity === "error");
  expect(found.map((f) => f.rule + " " + f.sheet + "!" + f.cell + " " + f.difference)).toEqual(
    expect.arrayContaining(["T03.1 公开03表!C10 -1.01", "T03.4 公开03表!D9 -1", "X.11 公开05表!D10 -1"]),
  );
});
