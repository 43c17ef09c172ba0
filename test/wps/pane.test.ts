/**
 * @jest-environment jsdom
 *
 * The same pane in WPS: the WPS pane page (src/wpsaddin/pane.ts) mounted in jsdom on the fake ET audits the sample
 * at once, shows the board, flags on request, goes to a cell, and audits again when the ribbon asks.
 */
import { auditWithNarrative } from "../../src/engine";
import { fakeEt } from "./fakeEt";
import { cliSnapshot, etBookFromSnapshot } from "./sampleEt";

async function until(cond: () => boolean, ms = 30000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("the WPS pane page audits the sample through ET, flags when asked, and audits again on the ribbon's request", async () => {
  const snap = cliSnapshot();
  const book = etBookFromSnapshot(snap);
  const fake = fakeEt(book);
  const storage: { [k: string]: string } = {};
  const w = window as unknown as { [k: string]: unknown };
  w.Application = fake.Application;
  w.wps = { CreateTaskPane: () => null, GetTaskPane: () => null, PluginStorage: { getItem: (k: string) => storage[k] || null, setItem: (k: string, v: string) => (storage[k] = v) } };
  document.body.innerHTML = '<main id="app"></main>';
  require("../../src/wpsaddin/pane");
  const expected = auditWithNarrative(snap).summary;
  const board = (t: string) => document.querySelector('[data-table-status="' + t + '"]') as HTMLElement | null;
  await until(() => /审核完成/.test(document.body.textContent || ""));
  expect(board("公开01")).not.toBeNull();
  const errors = Array.from(document.querySelectorAll("[data-table-status]")).reduce((n, el) => n + Number(el.getAttribute("data-errors") || 0), 0);
  expect(errors).toBe(expected.errors);

  // 标记单元格: conditional formats on the fake sheets.
  const flagButton = Array.from(document.querySelectorAll("button")).filter((b) => b.textContent === "标记单元格")[0] as HTMLButtonElement;
  flagButton.click();
  await until(() => book.sheets.some((s) => s.cfs.length > 0));

  // The ribbon asks for a new audit: the pane reads the workbook again.
  const reads = fake.log.byMember["Range.Value2"];
  storage["juesuanAudit.auditRequest"] = "1";
  await until(() => fake.log.byMember["Range.Value2"] > reads, 5000);
});
