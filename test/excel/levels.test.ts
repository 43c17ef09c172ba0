/**
 * @jest-environment jsdom
 *
 * The adapter (ExcelHost → office-js) on fake Excel hosts that stop at ExcelApi 1.1, 1.6, 1.7 and 1.18, over the
 * bundled sample: round trips, no API above the host's level, grouped conditional formats (≤ 3 rules a sheet on
 * the sample), fills below 1.6, exact restore after clearing, every batch waiting for cell edit.
 */
import { auditWorkbook } from "../../src/engine";
import { REGISTRY_KEY } from "../../src/excel/registry";
import { FLAG_STYLE, RELATED_STYLE } from "../../src/present/flagPlan";
import { mountPane } from "../../src/taskpane/pane";
import { ExcelHost } from "../../src/excel/excelHost";
import { auditAndFlag, EXPECTED, flaggedByRules, levelOf, normalised, ourRules, PLAN, planned, setup, sheetOf, USER_CF, USER_CUSTOM_CF } from "./hostHarness";
import { deepCopy } from "./sampleBook";

/** Figures reported in docs/addin.md; the tests below pin them. */
const RULES_AT: { [v: string]: number } = {};

test("the sample gives the findings and flags the tests below rely on", () => {
  expect(EXPECTED.length).toBeGreaterThan(20);
  expect(EXPECTED.filter((f) => f.severity === "tail" && f.sheet === "公开03表").map((f) => f.cell)).toEqual(["C7", "C8", "C9", "C10"]);
  // Operands without a figure are not flagged: 公开03 C10's operands are D10 and E10, not F10:H10 (all 0).
  const ops = PLAN.filter((f) => f.sheet === "公开03表" && f.related).map((f) => f.cell);
  expect(ops).toContain("D10");
  expect(ops).not.toContain("F10");
  expect(ops).not.toContain("H10");
  expect(PLAN.length).toBe(79); // 145 flagged cells before, zero terms of sums included
});

describe.each(["1.1", "1.6", "1.7", "1.18"])("ExcelApi %s host", (version) => {
  const level = levelOf(version);

  test("read 3 syncs, flag 2; nothing above the level; every batch waits for cell edit", async () => {
    const { fake, host, book } = setup(version);
    const snap = await host.readSnapshot();
    expect(fake.log.syncs).toBe(3);
    const out = await host.applyFlags(auditWorkbook(snap).findings, {});
    expect(out.problem).toBeUndefined();
    expect(fake.log.syncs).toBe(3 + 2);
    expect(out.flagged).toBe(PLAN.length);
    expect(fake.maxLevelUsed()).toBeLessThanOrEqual(level);
    expect(fake.log.runs).toBe(2);
    expect(fake.log.runsWaitingForCellEdit).toBe(fake.log.runs);
    const used = fake.log.calls.map((c) => c.api);
    expect(used.indexOf("Range.conditionalFormats") >= 0).toBe(level >= 6);
    expect(used.indexOf("Worksheet.getRanges") >= 0).toBe(level >= 9);
    expect(used.indexOf("Runtime.enableEvents") >= 0).toBe(level >= 8);
    if (level >= 8) expect(fake.log.writesWithEventsOn).toBe(0);

    const s03 = sheetOf(book, "公开03表");
    if (level >= 6) {
      expect(flaggedByRules(book)).toEqual(planned());
      ourRules(book).forEach((r) => expect(r.fill).toBe(r.group === "related" ? RELATED_STYLE.fill : FLAG_STYLE[r.group as "tail"].fill));
      expect(s03.cells.C10.fill).toBe("#DDEBF7"); // conditional formats never touch the user's fill
      expect(s03.cfs).toContainEqual(USER_CF);
      expect(s03.cfs).toContainEqual(USER_CUSTOM_CF);
      const perSheet: { [s: string]: number } = {};
      ourRules(book).forEach((r) => (perSheet[r.sheet] = (perSheet[r.sheet] || 0) + 1));
      const max = Math.max(...Object.keys(perSheet).map((k) => perSheet[k]));
      RULES_AT[version] = ourRules(book).length;
      if (level >= 9) {
        expect(max).toBeLessThanOrEqual(3); // one rule per severity and one for operands, over many areas
        expect(ourRules(book).length).toBe(15);
      } else {
        // One rectangle per rule below 1.9 (no RangeAreas): still far from one rule per cell.
        expect(ourRules(book).length).toBe(46);
      }
    } else {
      expect(ourRules(book)).toEqual([]);
      PLAN.forEach((f) => {
        const cell = sheetOf(book, f.sheet).cells[f.cell];
        expect(cell && cell.fill).toBe(f.related ? RELATED_STYLE.fill : FLAG_STYLE[f.kind].fill);
      });
    }
  });

  test("clear: 2 syncs and the workbook is exactly as before", async () => {
    const { fake, host, book, original } = setup(version);
    await auditAndFlag(host);
    const before = fake.log.syncs;
    const r = await host.clearFlagsReport();
    expect(fake.log.syncs - before).toBe(2);
    expect(r).toEqual({ cleared: level >= 6 ? ourRulesCount(version) : PLAN.length, notCleared: [] });
    const expected = deepCopy(original);
    // The one documented loss below 1.9: a white fill reads like No Fill and comes back as No Fill.
    if (level < 6) sheetOf(expected, "公开03表").cells.C7.fill = null;
    expect(normalised(book, original)).toEqual(expected);
    expect(fake.log.runsWaitingForCellEdit).toBe(fake.log.runs);
  });

  test("re-audit replaces the flags instead of stacking them", async () => {
    const { host, book } = setup(version);
    await auditAndFlag(host);
    await auditAndFlag(host);
    if (level >= 6) expect(flaggedByRules(book)).toEqual(planned());
    else expect(sheetOf(book, "公开03表").cells.C10.fill).toBe(FLAG_STYLE.tail.fill);
  });

  test("a protected 公开03表: no flags there, one sentence naming it, every other sheet flagged", async () => {
    const { host, book } = setup(version, (b) => {
      sheetOf(b, "公开03表").protected = true;
    });
    const { out } = await auditAndFlag(host);
    // At 1.1 protection cannot be read: the refused batch is retried sheet by sheet and names the sheet all the same.
    expect(out.skippedSheets).toEqual(["公开03表"]);
    expect(out.problem).toContain("以下工作表受保护，未作标记：公开03表");
    expect(out.flagged).toBe(PLAN.filter((f) => f.sheet !== "公开03表").length);
    if (level >= 6) expect(flaggedByRules(book)).toEqual(planned(PLAN, (f) => f.sheet === "公开03表"));
    else expect(sheetOf(book, "公开05表").cells.C10.fill).toBe(FLAG_STYLE.tail.fill);
    expect(sheetOf(book, "公开03表").cells.C10.fill).toBe("#DDEBF7");
  });
});

function ourRulesCount(version: string): number {
  return levelOf(version) >= 9 ? 15 : 46;
}

test("ExcelApi 1.18: notes on flagged cells when asked, the user's own note kept, ours removed on clear", async () => {
  const { host, book } = setup("1.18", (b) => {
    sheetOf(b, "公开05表").notes.C7 = "财务科：已与总账核对";
  });
  await auditAndFlag(host, true);
  const s03 = sheetOf(book, "公开03表");
  const s05 = sheetOf(book, "公开05表");
  expect(s03.notes.C10.indexOf("【决算审核】")).toBe(0);
  expect(s03.notes.C10).toContain("T03.1");
  expect(s05.notes.C7).toBe("财务科：已与总账核对");
  const mainCells = PLAN.filter((f) => !f.related).length;
  const noteCount = book.sheets.reduce((n, s) => n + Object.keys(s.notes).filter((k) => s.notes[k].indexOf("【决算审核】") === 0).length, 0);
  expect(noteCount).toBe(mainCells - 1);
  await host.clearFlags();
  expect(s03.notes).toEqual({});
  expect(s05.notes).toEqual({ C7: "财务科：已与总账核对" });
});

test.each(["1.1", "1.6", "1.7"])("ExcelApi %s: the pane offers the notes option disabled", (version) => {
  setup(version);
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById("app") as HTMLElement;
  mountPane(root, new ExcelHost(), { audit: (s, o) => auditWorkbook(s, o) });
  const box = root.querySelector('[data-option="notes"]') as HTMLInputElement;
  expect(box.disabled).toBe(true);
});

test("ExcelApi 1.7: a selection handler per sheet, one sync, reporting the sheet and the cell", async () => {
  const { host, fake } = setup("1.7");
  await host.readSnapshot();
  const seen: string[] = [];
  const before = fake.log.syncs;
  await host.onSelectionChanged((s, c) => seen.push(s + "!" + c));
  expect(fake.log.syncs - before).toBe(1);
  const h = fake.log.selectionHandlers.filter((x) => x.sheetId === "{sheet-2}")[0];
  await h.handler({ address: "'公开03表'!C10:D11", worksheetId: "{sheet-2}" });
  expect(seen).toEqual(["公开03表!C10"]);
  expect(fake.log.runsWaitingForCellEdit).toBe(fake.log.runs);
});

test("ExcelApi 1.1 and 1.6 register no selection events", async () => {
  for (const v of ["1.1", "1.6"]) {
    const { host, fake } = setup(v);
    await host.readSnapshot();
    await host.onSelectionChanged(() => undefined);
    expect(fake.log.selectionHandlers).toEqual([]);
  }
});

test("going to a finding activates its sheet and selects its cell in one sync", async () => {
  const { host, fake, book } = setup("1.1");
  await host.readSnapshot();
  const before = fake.log.syncs;
  await host.select("公开06表", "I34");
  expect(fake.log.syncs - before).toBe(1);
  expect(book.active).toBe("公开06表");
  expect(book.selected).toBe("I34");
});

test("the registry of flags lives in the document settings and is removed on clear", async () => {
  const { host, settings } = setup("1.6");
  await auditAndFlag(host);
  const reg = JSON.parse(settings[REGISTRY_KEY] as string);
  expect(reg.v).toBe(2);
  expect(reg.mode).toBe("conditionalFormat");
  expect(reg.sheets).toEqual(expect.arrayContaining(["公开03表", "公开05表", "公开06表", "情况说明"]));
  expect(await host.flagsPresent()).toBe(true);
  await host.clearFlags();
  expect(settings[REGISTRY_KEY]).toBeUndefined();
  expect(await host.flagsPresent()).toBe(false);
});
