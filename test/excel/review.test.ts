/**
 * @jest-environment jsdom
 *
 * Review marks (issue 10): a key that survives a re-audit and edits elsewhere, marks stored in the document and
 * read back by a fresh runtime on fake hosts at ExcelApi 1.1/1.6/1.7/1.18, reviewed findings never flagged.
 */
import { auditWorkbook, Finding, WorkbookSnapshot } from "../../src/engine";
import { ExcelHost } from "../../src/excel/excelHost";
import { REVIEW_KEY } from "../../src/excel/reviewStore";
import { PreviewHost } from "../../src/preview/previewHost";
import { Grid } from "../../src/preview/grid";
import { applyReview, findingKey, makeMark, setMark, validateMarks } from "../../src/present/review";
import { FakeBook, fakeExcel, officeGlobal } from "./fakeExcel";
import { bookFromSnapshot, deepCopy, sampleSnapshot } from "./sampleBook";

const SNAP = sampleSnapshot();
const FINDINGS = auditWorkbook(SNAP).findings;
const NOW = new Date("2026-11-30T01:00:00Z");

function tail03(fs: Finding[], cell = "C10"): Finding {
  return fs.filter((f) => f.severity === "tail" && f.sheet === "公开03表" && f.cell === cell)[0];
}

describe("findingKey", () => {
  test("names the rule, the table, the row's labels, the column header and both figures", () => {
    const f = tail03(FINDINGS);
    const k = findingKey(f, SNAP);
    expect(k.indexOf(f.rule + "|公开03|")).toBe(0);
    expect(k).toContain("|" + f.expected + "|" + f.actual);
    expect(k).not.toContain("C10"); // the address is not part of the key when the row has labels
  });

  test("survives rows inserted above every table: same keys, different cells", () => {
    const moved: WorkbookSnapshot = deepCopy(SNAP);
    moved.sheets.forEach((s) => {
      s.top += 2;
      s.merges = s.merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + 2)));
    });
    const again = auditWorkbook(moved).findings;
    expect(again.length).toBe(FINDINGS.length);
    expect(tail03(again, "C12")).toBeDefined();
    expect(again.map((f) => findingKey(f, moved)).sort()).toEqual(FINDINGS.map((f) => findingKey(f, SNAP)).sort());
  });

  test("keys are unique within the sample's result", () => {
    const keys = FINDINGS.map((f) => findingKey(f, SNAP));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("a changed figure is a new finding: the old mark no longer covers it", () => {
    const f = tail03(FINDINGS);
    const changed = { ...f, actual: "585.40", difference: "-0.05" };
    expect(findingKey(changed, SNAP)).not.toBe(findingKey(f, SNAP));
  });

  test("without the workbook the message stands in for the row, never the address", () => {
    const k = findingKey(tail03(FINDINGS));
    expect(k).not.toContain("C10");
    expect(k.indexOf(tail03(FINDINGS).rule + "|公开03|")).toBe(0);
  });
});

describe("applyReview", () => {
  test("reviewed findings leave the open list, stay listable with their marks; unmatched marks are kept", () => {
    const f = tail03(FINDINGS);
    let marks = setMark([], makeMark(f, "忽略", "  报表按元取整，差额可接受 ", SNAP, NOW));
    const ghost = { key: "T99|公开09|x|y|1|2", status: "已核实" as const, note: "", when: NOW.toISOString() };
    marks = setMark(marks, ghost);
    const split = applyReview(FINDINGS, marks, SNAP);
    expect(split.open.length).toBe(FINDINGS.length - 1);
    expect(split.open).not.toContain(f);
    expect(split.reviewed.map((r) => r.finding)).toEqual([f]);
    expect(split.reviewed[0].mark).toMatchObject({ status: "忽略", note: "报表按元取整，差额可接受", when: "2026-11-30T01:00:00.000Z", rule: f.rule, at: "公开03表!C10" });
    expect(split.byIndex[FINDINGS.indexOf(f)]).toBe(split.reviewed[0].mark);
    expect(split.unmatched).toEqual([ghost]);
    expect(setMark(marks, { key: ghost.key, status: null })).toHaveLength(1);
  });

  test("stored marks are validated: malformed entries dropped, notes capped", () => {
    const raw = { v: 1, marks: [{ key: "a", status: "已核实", note: "x".repeat(900), when: "2026" }, { key: "b", status: "通过", when: "2026" }, null, "junk", { key: "c", status: "忽略" }] };
    const out = validateMarks(raw);
    expect(out.dropped).toBe(4);
    expect(out.marks).toEqual([{ key: "a", status: "已核实", note: "x".repeat(500), when: "2026" }]);
  });
});

function hostOn(version: string, book: FakeBook, settings: { [k: string]: unknown }) {
  const fake = fakeExcel(version, book);
  (global as unknown as { Excel: unknown }).Excel = fake.Excel;
  (global as unknown as { Office: unknown }).Office = officeGlobal(version, settings);
  return { fake, host: new ExcelHost() };
}

function flaggedCells(book: FakeBook, sheetName: string): string[] {
  const s = book.sheets.filter((x) => x.name === sheetName)[0];
  const out: string[] = [];
  s.cfs.forEach((cf) => {
    if ((cf.formula || "").indexOf("JSAUDIT") < 0) return;
    for (let r = cf.appliesTo.top; r <= cf.appliesTo.bottom; r++) for (let c = cf.appliesTo.left; c <= cf.appliesTo.right; c++) out.push(String.fromCharCode(65 + c) + (r + 1));
  });
  Object.keys(s.cells).forEach((a) => {
    if (s.cells[a].fill && s.cells[a].fill !== "#DDEBF7") out.push(a);
  });
  return out;
}

describe.each(["1.1", "1.6", "1.7", "1.18"])("ExcelApi %s: review marks in the document", (version) => {
  test("a mark saved in one session is read back by the next, matches after a re-audit, and its cell is not flagged", async () => {
    const book = bookFromSnapshot(SNAP);
    const settings: { [k: string]: unknown } = {};
    const first = hostOn(version, book, settings);
    const snap1 = await first.host.readSnapshot();
    const found1 = auditWorkbook(snap1).findings;
    const f = tail03(found1);
    await first.host.saveReviewMarks([makeMark(f, "已核实", "已与总账核对", snap1, NOW)]);
    expect(typeof settings[REVIEW_KEY]).toBe("string");
    await first.host.applyFlags(found1, {});
    expect(flaggedCells(book, "公开03表")).not.toContain("C10");
    expect(flaggedCells(book, "公开03表")).toContain("C9");

    // A new runtime (the file reopened): only the document settings carry over.
    const second = hostOn(version, book, settings);
    const marks = await second.host.loadReviewMarks();
    expect(marks).toEqual([{ key: findingKey(f, snap1), status: "已核实", note: "已与总账核对", when: NOW.toISOString(), rule: f.rule, at: "公开03表!C10" }]);
    const snap2 = await second.host.readSnapshot();
    const split = applyReview(auditWorkbook(snap2).findings, marks, snap2);
    expect(split.reviewed.map((r) => r.finding.cell)).toEqual(["C10"]);
    expect(split.unmatched).toEqual([]);
    await second.host.saveReviewMarks([]);
    expect(settings[REVIEW_KEY]).toBeUndefined();
  });
});

test("forged marks in the settings are dropped on load, valid ones kept", async () => {
  const settings: { [k: string]: unknown } = { [REVIEW_KEY]: JSON.stringify({ v: 1, marks: [{ key: "k", status: "忽略", note: "n", when: "w" }, { key: 5, status: "忽略" }] }) };
  const { host } = hostOn("1.6", bookFromSnapshot(SNAP), settings);
  expect(await host.loadReviewMarks()).toEqual([{ key: "k", status: "忽略", note: "n", when: "w" }]);
});

test("per-document settings: flags are not written automatically unless the user turned it on", async () => {
  const settings: { [k: string]: unknown } = {};
  const { host } = hostOn("1.6", bookFromSnapshot(SNAP), settings);
  expect(await host.loadSettings()).toEqual({ autoFlag: false });
  await host.saveSettings({ autoFlag: true });
  expect(await hostOn("1.6", bookFromSnapshot(SNAP), settings).host.loadSettings()).toEqual({ autoFlag: true });
});

test("the preview host keeps marks for the page and never flags a reviewed finding", async () => {
  document.body.innerHTML = "<div id=t></div><table id=g></table><div id=s></div>";
  const grid = new Grid(document.getElementById("t")!, document.getElementById("g")!, document.getElementById("s")!);
  grid.load(deepCopy(SNAP));
  const host = new PreviewHost(grid);
  const f = tail03(FINDINGS);
  await host.saveReviewMarks([makeMark(f, "忽略", "取整", grid.snapshot(), NOW)]);
  const out = await host.applyFlags(FINDINGS, {});
  grid.select("公开03表", "A1"); // shows that sheet
  expect(document.querySelector('[data-cell="C10"][data-flag]')).toBeNull();
  expect(document.querySelector('[data-cell="C9"][data-flag]')).not.toBeNull();
  expect(out.flagged).toBeGreaterThan(0);
  expect(await host.loadReviewMarks()).toHaveLength(1);
  expect(await host.flagsPresent()).toBe(true);
});
