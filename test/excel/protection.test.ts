/**
 * Protection (issue 10): 清除标记 clears what it can and names the protected sheets; fill-mode restore survives
 * protection (the saved fills wait until the sheet can be written); one protected sheet never aborts the rest.
 */
import { REGISTRY_KEY } from "../../src/excel/registry";
import { auditAndFlag, flaggedByRules, levelOf, normalised, PLAN, planned, setup, sheetOf } from "./hostHarness";
import { deepCopy } from "./sampleBook";
import { FakeBook } from "./fakeExcel";

function expectedAfterRestore(original: FakeBook, version: string): FakeBook {
  const expected = deepCopy(original);
  // Below 1.9 a white fill reads like No Fill and comes back as No Fill (documented in flagsFill.ts).
  if (levelOf(version) < 6) sheetOf(expected, "公开03表").cells.C7.fill = null;
  return expected;
}

describe.each(["1.1", "1.6", "1.7", "1.18"])("ExcelApi %s", (version) => {
  const level = levelOf(version);

  test("清除标记 with a sheet protected after the audit: the others are cleared, that one is named and kept for later", async () => {
    const { host, book, original, settings } = setup(version);
    await auditAndFlag(host);
    sheetOf(book, "公开05表").protected = true;
    const r = await host.clearFlagsReport();
    expect(r.notCleared).toEqual([{ sheet: "公开05表", reason: "工作表受保护" }]);
    expect(r.problem).toContain("以下工作表的标记未能清除：公开05表（工作表受保护）");
    expect(r.problem).toContain("请撤销工作表保护后再点「清除标记」");
    expect(r.cleared).toBeGreaterThan(0);
    if (level >= 6) expect(flaggedByRules(book)).toEqual(planned(PLAN, (f) => f.sheet !== "公开05表"));
    else expect(sheetOf(book, "公开03表").cells.C10.fill).toBe("#DDEBF7");
    expect(JSON.parse(settings[REGISTRY_KEY] as string).sheets).toEqual(["公开05表"]);
    // The old API still reports it, as an error with the same sentence.
    await expect(host.clearFlags()).rejects.toThrow("公开05表（工作表受保护）");

    sheetOf(book, "公开05表").protected = false;
    const again = await host.clearFlagsReport();
    expect(again.notCleared).toEqual([]);
    expect(settings[REGISTRY_KEY]).toBeUndefined();
    expect(normalised(book, original)).toEqual(expectedAfterRestore(original, version));
  });

  test("a protection the last read already saw: nothing is tried on that sheet, and it is named", async () => {
    const { host, book, original } = setup(version);
    await auditAndFlag(host);
    sheetOf(book, "公开05表").protected = true;
    await host.readSnapshot(); // the pane's 重新审核 learns about the protection (from 1.2)
    const r = await host.clearFlagsReport();
    expect(r.notCleared).toEqual([{ sheet: "公开05表", reason: "工作表受保护" }]);
    sheetOf(book, "公开05表").protected = false;
    await host.readSnapshot();
    await host.clearFlagsReport();
    expect(normalised(book, original)).toEqual(expectedAfterRestore(original, version));
  });

  test("re-audit while a flagged sheet is protected keeps what is needed to restore it exactly later", async () => {
    const { host, book, original } = setup(version);
    await auditAndFlag(host);
    sheetOf(book, "公开03表").protected = true;
    const { out } = await auditAndFlag(host);
    expect(out.skippedSheets).toEqual(["公开03表"]);
    sheetOf(book, "公开03表").protected = false;
    await host.readSnapshot();
    const r = await host.clearFlagsReport();
    expect(r.notCleared).toEqual([]);
    // Exact: the user's blue on C10 and everything else as before the first audit.
    expect(sheetOf(book, "公开03表").cells.C10.fill).toBe("#DDEBF7");
    expect(normalised(book, original)).toEqual(expectedAfterRestore(original, version));
  });
});
