/**
 * @jest-environment jsdom
 *
 * The whole add-in flow (pane → ExcelHost → office-js) on fake Excel hosts that stop at ExcelApi 1.1, 1.6, 1.7 and
 * 1.18, over the bundled sample workbook: sync counts, no API above the host's level, how flags fall back, exact
 * restore after clearing, and the pane listing every finding whatever the host can draw.
 */
import { auditWorkbook } from "../../src/engine";
import { Finding } from "../../src/engine/types";
import { ExcelHost } from "../../src/excel/excelHost";
import { FLAG_STYLE, planFlags } from "../../src/present/flagPlan";
import { REGISTRY_KEY } from "../../src/excel/registry";
import { mountPane } from "../../src/taskpane/pane";
import { FakeBook, FakeCf, fakeExcel, officeGlobal } from "./fakeExcel";
import { bookFromSnapshot, deepCopy, sampleSnapshot } from "./sampleBook";

const SNAP = sampleSnapshot();
const EXPECTED: Finding[] = auditWorkbook(SNAP).findings;
const PLAN = planFlags(EXPECTED);

const USER_CF: FakeCf = { appliesTo: { top: 6, left: 3, bottom: 9, right: 7 }, type: "ColorScale" };
const USER_CUSTOM_CF: FakeCf = { appliesTo: { top: 6, left: 2, bottom: 9, right: 2 }, type: "Custom", formula: "=C7>1000", fill: "#C6EFCE" };

function decorate(book: FakeBook, version: string): void {
  const s03 = book.sheets.filter((s) => s.name === "公开03表")[0];
  s03.cells.C10.fill = "#DDEBF7"; // the user's own blue fill on a flagged cell
  s03.cells.C7.fill = "#FFFFFF"; // white, which ExcelApi < 1.9 cannot tell from No Fill
  if (Number(version.split(".")[1]) >= 6) s03.cfs.push(deepCopy(USER_CF), deepCopy(USER_CUSTOM_CF));
  s03.notes = {};
}

function setup(version: string, mutate?: (b: FakeBook) => void) {
  const book = bookFromSnapshot(SNAP);
  decorate(book, version);
  if (mutate) mutate(book);
  const original = deepCopy(book);
  const fake = fakeExcel(version, book);
  const settings: { [k: string]: unknown } = {};
  (global as unknown as { Excel: unknown }).Excel = fake.Excel;
  (global as unknown as { Office: unknown }).Office = officeGlobal(version, settings);
  const host = new ExcelHost();
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById("app") as HTMLElement;
  const pane = mountPane(root, host, { audit: (s, o) => auditWorkbook(s, o) });
  return { book, original, fake, settings, host, pane, root };
}

function ours(book: FakeBook): { sheet: string; cell: string; formula: string; fill: string }[] {
  const out: { sheet: string; cell: string; formula: string; fill: string }[] = [];
  book.sheets.forEach((s) =>
    s.cfs.forEach((cf) => {
      if (cf.formula && cf.formula.indexOf("JSAUDIT") >= 0) {
        const a = cf.appliesTo;
        expect(a.top === a.bottom && a.left === a.right).toBe(true);
        out.push({ sheet: s.name, cell: String.fromCharCode(65 + a.left) + (a.top + 1), formula: cf.formula, fill: cf.fill as string });
      }
    })
  );
  return out;
}

function expectedCfs() {
  return PLAN.map((f) => ({
    sheet: f.sheet,
    cell: f.cell,
    formula: '=ISTEXT("JSAUDIT:' + f.kind + (f.related ? "-related" : "") + '")',
    fill: f.related ? FLAG_STYLE[f.kind].relatedFill : FLAG_STYLE[f.kind].fill,
  }));
}

const byKey = (a: { sheet: string; cell: string }, b: { sheet: string; cell: string }) => (a.sheet + a.cell < b.sheet + b.cell ? -1 : 1);

test("the sample gives the findings the pane must list (guards the fixtures below)", () => {
  expect(EXPECTED.length).toBeGreaterThan(20);
  expect(EXPECTED.filter((f) => f.severity === "tail" && f.sheet === "公开03表").map((f) => f.cell)).toEqual(["C7", "C8", "C9", "C10"]);
  expect(PLAN.length).toBeGreaterThan(EXPECTED.length);
});

describe.each(["1.1", "1.6", "1.7", "1.18"])("ExcelApi %s host", (version) => {
  const level = Number(version.split(".")[1]);

  test("audit: 3 syncs to read, 2 to flag; every finding listed; nothing above the level called", async () => {
    const { fake, pane, root, book } = setup(version);
    await pane.audit();
    expect(root.querySelector(".jp-status")!.textContent).toContain("审核完成");
    // read 3 + flag 2, and from 1.7 one more, once per pane, to register the selection handlers
    expect(fake.log.syncs).toBe(3 + 2 + (level >= 7 ? 1 : 0));
    const afterFirst = fake.log.syncs;
    await pane.audit();
    expect(fake.log.syncs - afterFirst).toBe(3 + 2);
    expect(fake.maxLevelUsed()).toBeLessThanOrEqual(level);
    expect(root.querySelectorAll("[data-severity]").length).toBe(EXPECTED.length);
    expect(pane.result()!.findings).toEqual(EXPECTED);
    expect(fake.log.runOptions).toContainEqual({ delayForCellEdit: true });
    const used = fake.log.calls.map((c) => c.api);
    expect(used.indexOf("Range.conditionalFormats") >= 0).toBe(level >= 6);
    expect(used.indexOf("Range.getMergedAreasOrNullObject") >= 0).toBe(level >= 13);
    expect(used.indexOf("Worksheet.getUsedRange(valuesOnly)") >= 0).toBe(level >= 2);
    expect(used.indexOf("Runtime.enableEvents") >= 0).toBe(level >= 8);
    if (level >= 8) expect(fake.log.writesWithEventsOn).toBe(0);

    const s03 = book.sheets.filter((s) => s.name === "公开03表")[0];
    if (level >= 6) {
      expect(ours(book).sort(byKey)).toEqual(expectedCfs().sort(byKey));
      expect(s03.cells.C10.fill).toBe("#DDEBF7"); // conditional formats never touch the user's fill
      expect(s03.cfs).toContainEqual(USER_CF);
      expect(s03.cfs).toContainEqual(USER_CUSTOM_CF);
    } else {
      expect(ours(book)).toEqual([]);
      PLAN.forEach((f) => {
        const cell = book.sheets.filter((s) => s.name === f.sheet)[0].cells[f.cell];
        expect(cell && cell.fill).toBe(f.related ? FLAG_STYLE[f.kind].relatedFill : FLAG_STYLE[f.kind].fill);
      });
    }
  });

  test("clear: at most 2 syncs and the workbook is exactly as before", async () => {
    const { fake, pane, book, original } = setup(version);
    await pane.audit();
    const before = fake.log.syncs;
    await pane.clearFlags();
    expect(fake.log.syncs - before).toBe(level >= 6 ? 2 : 1);
    expect(fake.maxLevelUsed()).toBeLessThanOrEqual(level);
    const expected = deepCopy(original);
    if (level < 6) {
      // The one documented loss below 1.9: a white fill reads like No Fill and comes back as No Fill.
      expected.sheets.filter((s) => s.name === "公开03表")[0].cells.C7.fill = null;
    }
    const clean = deepCopy(book);
    // Cells that had no fill record before and were painted then cleared now carry fill: null — same thing.
    clean.sheets.forEach((s, i) =>
      Object.keys(s.cells).forEach((a) => {
        if (s.cells[a].fill === null && !(original.sheets[i].cells[a] && "fill" in original.sheets[i].cells[a]) && !(expected.sheets[i].cells[a] && "fill" in expected.sheets[i].cells[a])) delete s.cells[a].fill;
        if (!original.sheets[i].cells[a] && Object.keys(s.cells[a]).length === 0) delete s.cells[a];
      })
    );
    expect(clean).toEqual(expected);
  });

  test("re-audit replaces the flags instead of stacking them, and restores fills it no longer needs", async () => {
    const { pane, book } = setup(version);
    await pane.audit();
    await pane.audit();
    if (level >= 6) expect(ours(book).length).toBe(PLAN.length);
    else expect(book.sheets.filter((s) => s.name === "公开03表")[0].cells.C10.fill).toBe(FLAG_STYLE.tail.fill);
  });

  test("a protected 公开03表: no flags there, a clear message, every finding still listed", async () => {
    const { pane, root, book } = setup(version, (b) => {
      b.sheets.filter((s) => s.name === "公开03表")[0].protected = true;
    });
    await pane.audit();
    const status = root.querySelector(".jp-status")!;
    expect(root.querySelectorAll("[data-severity]").length).toBe(EXPECTED.length);
    if (level >= 2) {
      expect(status.textContent).toContain("以下工作表受保护，未作标记：公开03表");
      const s03 = book.sheets.filter((s) => s.name === "公开03表")[0];
      expect(s03.cfs.filter((cf) => (cf.formula || "").indexOf("JSAUDIT") >= 0)).toEqual([]);
      if (level >= 6) expect(ours(book).length).toBe(PLAN.filter((f) => f.sheet !== "公开03表").length);
    } else {
      // ExcelApi 1.1 cannot see protection: the write fails and says so.
      expect(status.textContent).toContain("未能在单元格中写入标记（工作表受保护或文件为只读）");
      expect(status.className).toContain("jp-status-warning");
    }
  });
});

test("ExcelApi 1.18: notes on flagged cells when asked, the user's own note kept, ours removed on clear", async () => {
  const { pane, root, book } = setup("1.18", (b) => {
    b.sheets.filter((s) => s.name === "公开05表")[0].notes.C7 = "财务科：已与总账核对";
  });
  const box = root.querySelector('[data-option="notes"]') as HTMLInputElement;
  expect(box.disabled).toBe(false);
  box.checked = true;
  await pane.audit();
  const s03 = book.sheets.filter((s) => s.name === "公开03表")[0];
  const s05 = book.sheets.filter((s) => s.name === "公开05表")[0];
  expect(s03.notes.C10.indexOf("【决算审核】")).toBe(0);
  expect(s03.notes.C10).toContain("T03.1");
  expect(s05.notes.C7).toBe("财务科：已与总账核对");
  const mainCells = PLAN.filter((f) => !f.related).length;
  const noteCount = book.sheets.reduce((n, s) => n + Object.keys(s.notes).filter((k) => s.notes[k].indexOf("【决算审核】") === 0).length, 0);
  expect(noteCount).toBe(mainCells - 1);
  await pane.clearFlags();
  expect(s03.notes).toEqual({});
  expect(s05.notes).toEqual({ C7: "财务科：已与总账核对" });
});

test.each(["1.1", "1.6", "1.7"])("ExcelApi %s: the notes option is offered but disabled", (version) => {
  const { root } = setup(version);
  const box = root.querySelector('[data-option="notes"]') as HTMLInputElement;
  expect(box.disabled).toBe(true);
  expect(root.querySelector(".jp-option")!.textContent).toContain("在单元格备注中写入说明");
});

test("ExcelApi 1.7: selecting a flagged cell in the grid shows its finding in the pane", async () => {
  const { pane, root, fake } = setup("1.7");
  await pane.audit();
  const s03 = fake.log.selectionHandlers.filter((h) => h.sheetId === "{sheet-2}")[0];
  expect(s03).toBeDefined();
  await s03.handler({ address: "'公开03表'!C10", worksheetId: "{sheet-2}" });
  const sel = root.querySelector(".jp-selected") as HTMLElement;
  expect(sel.style.display).toBe("");
  expect(sel.textContent).toContain("公开03表!C10");
  expect(sel.textContent).toContain("T03.1");
  expect(root.querySelectorAll(".jp-hit").length).toBeGreaterThan(0);
});

test("ExcelApi 1.1 and 1.6 register no selection events", async () => {
  for (const v of ["1.1", "1.6"]) {
    const { pane, fake } = setup(v);
    await pane.audit();
    expect(fake.log.selectionHandlers).toEqual([]);
  }
});

test("clicking a finding activates its sheet and selects its cell in one sync", async () => {
  const { pane, root, fake, book } = setup("1.1");
  await pane.audit();
  const item = Array.prototype.filter.call(root.querySelectorAll("[data-severity]"), (li: HTMLElement) => {
    const f = EXPECTED[Number(li.getAttribute("data-index"))];
    return f.sheet === "公开06表" && f.cell === "I34";
  })[0] as HTMLElement;
  const before = fake.log.syncs;
  item.click();
  await new Promise((r) => setTimeout(r, 0));
  expect(fake.log.syncs - before).toBe(1);
  expect(book.active).toBe("公开06表");
  expect(book.selected).toBe("I34");
  expect(item.className).toContain("jp-current");
});

test("导出审核报告 writes a new sheet with a link per finding and never overwrites 审核报告", async () => {
  const { pane, book, root } = setup("1.1", (b) => {
    b.sheets.push({ name: "审核报告", id: "{old}", visibility: "Visible", protected: false, cells: { A1: { value: "旧报告" } }, merges: [], cfs: [], notes: {} });
  });
  await pane.audit();
  await pane.exportReport();
  expect(book.sheets.filter((s) => s.name === "审核报告")[0].cells).toEqual({ A1: { value: "旧报告" } });
  const rep = book.sheets.filter((s) => s.name === "审核报告(2)")[0];
  expect(rep).toBeDefined();
  expect(book.active).toBe("审核报告(2)");
  expect(rep.cells.A1.value).toBe("序号");
  const rows = Object.keys(rep.cells).filter((a) => /^A\d+$/.test(a)).length;
  expect(rows).toBe(EXPECTED.length + 1);
  expect(rep.cells.D2.formula).toBe('=HYPERLINK("#\'' + EXPECTED[0].sheet + "'!" + EXPECTED[0].cell + '","\'' + EXPECTED[0].sheet + "'!" + EXPECTED[0].cell + '")');
  expect(rep.cells.F2.format).toBe("@");
  expect(root.querySelector(".jp-status")!.textContent).toContain("审核报告(2)");
});

test("the registry of flags lives in the document settings and is removed on clear", async () => {
  const { pane, settings } = setup("1.6");
  await pane.audit();
  const reg = JSON.parse(settings[REGISTRY_KEY] as string);
  expect(reg.mode).toBe("conditionalFormat");
  expect(reg.sheets).toEqual(expect.arrayContaining(["公开03表", "公开05表", "公开06表", "情况说明"]));
  await pane.clearFlags();
  expect(settings[REGISTRY_KEY]).toBeUndefined();
});
