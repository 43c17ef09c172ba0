/** Shared set-up of the adapter tests: the sample as a fake Excel book at an ExcelApi level, an ExcelHost over it. */
import { auditWorkbook, Finding } from "../../src/engine";
import { ExcelHost } from "../../src/excel/excelHost";
import { CellFlag, FlagGroup, groupOf, planFlags } from "../../src/present/flagPlan";
import { toA1 } from "../../src/present/address";
import { FakeBook, FakeCf, fakeExcel, officeGlobal } from "./fakeExcel";
import { bookFromSnapshot, deepCopy, sampleSnapshot } from "./sampleBook";

export const SNAP = sampleSnapshot();
export const EXPECTED: Finding[] = auditWorkbook(SNAP).findings;
/** The flags on the sample: operands without a figure left out. */
export const PLAN: CellFlag[] = planFlags(EXPECTED, SNAP);

export const USER_CF: FakeCf = { appliesTo: { top: 6, left: 3, bottom: 9, right: 7 }, type: "ColorScale" };
export const USER_CUSTOM_CF: FakeCf = { appliesTo: { top: 6, left: 2, bottom: 9, right: 2 }, type: "Custom", formula: "=C7>1000", fill: "#C6EFCE" };

export function levelOf(version: string): number {
  return Number(version.split(".")[1]);
}

export function sheetOf(book: FakeBook, name: string) {
  return book.sheets.filter((s) => s.name === name)[0];
}

/** The user's own formatting on 公开03表: a blue fill on a flagged cell, a white one, and two rules of their own. */
export function decorate(book: FakeBook, version: string): void {
  const s03 = sheetOf(book, "公开03表");
  s03.cells.C10.fill = "#DDEBF7";
  s03.cells.C7.fill = "#FFFFFF";
  if (levelOf(version) >= 6) s03.cfs.push(deepCopy(USER_CF), deepCopy(USER_CUSTOM_CF));
}

export function setup(version: string, mutate?: (b: FakeBook) => void, settings: { [k: string]: unknown } = {}) {
  const book = bookFromSnapshot(SNAP);
  decorate(book, version);
  if (mutate) mutate(book);
  const original = deepCopy(book);
  const fake = fakeExcel(version, book);
  (global as unknown as { Excel: unknown }).Excel = fake.Excel;
  (global as unknown as { Office: unknown }).Office = officeGlobal(version, settings);
  const host = new ExcelHost();
  return { book, original, fake, settings, host };
}

/** Read, audit, flag: what the pane does when the user asks for flags. */
export async function auditAndFlag(host: ExcelHost, notes = false) {
  const snap = await host.readSnapshot();
  const result = auditWorkbook(snap);
  const out = await host.applyFlags(result.findings, { notes });
  return { snap, result, out };
}

export interface OurRule {
  sheet: string;
  group: string;
  cells: string[];
  fill: string;
}

/** Our conditional formats, each with the cells it covers. */
export function ourRules(book: FakeBook): OurRule[] {
  const out: OurRule[] = [];
  book.sheets.forEach((s) =>
    s.cfs.forEach((cf) => {
      if (!cf.formula || cf.formula.indexOf("JSAUDIT") < 0) return;
      const cells: string[] = [];
      (cf.areas || [cf.appliesTo]).forEach((a) => {
        for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) cells.push(toA1(r, c));
      });
      out.push({ sheet: s.name, group: /JSAUDIT:([a-z]+)/.exec(cf.formula)![1], cells, fill: cf.fill as string });
    })
  );
  return out;
}

/** "sheet!cell group" for every flagged cell, sorted: from the rules, or as planned. */
export function flaggedByRules(book: FakeBook): string[] {
  const out: string[] = [];
  ourRules(book).forEach((r) => r.cells.forEach((c) => out.push(r.sheet + "!" + c + " " + r.group)));
  return out.sort();
}

export function planned(plan: CellFlag[] = PLAN, except?: (f: CellFlag) => boolean): string[] {
  return plan
    .filter((f) => !except || !except(f))
    .map((f) => f.sheet + "!" + f.cell + " " + (groupOf(f) as FlagGroup))
    .sort();
}

/** The book with fill records that are equivalent dropped (a cell painted then cleared carries fill: null). */
export function normalised(book: FakeBook, original: FakeBook): FakeBook {
  const clean = deepCopy(book);
  clean.sheets.forEach((s, i) =>
    Object.keys(s.cells).forEach((a) => {
      const o = original.sheets[i] && original.sheets[i].cells[a];
      if (s.cells[a].fill === null && !(o && "fill" in o)) delete s.cells[a].fill;
      if (!o && Object.keys(s.cells[a]).length === 0) delete s.cells[a];
    })
  );
  return clean;
}
