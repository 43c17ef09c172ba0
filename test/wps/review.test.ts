/** Review marks and settings in the WPS document (custom properties in pieces), across a re-audit; navigation. */
import { auditWorkbook } from "../../src/engine";
import { applyReview, findingKey, makeMark } from "../../src/present/review";
import { parseCell, parseRange } from "../../src/present/address";
import { EtApplication } from "../../src/wps/et";
import { WpsHost } from "../../src/wps/wpsHost";
import { fakeEt } from "./fakeEt";
import { cliSnapshot, etBookFromSnapshot } from "./sampleEt";

const NOW = new Date("2026-11-30T04:00:00Z");

test("review marks survive a re-audit in a new pane, are never flagged, and are stored in pieces of ≤ 255 characters", async () => {
  const book = etBookFromSnapshot(cliSnapshot());
  const first = new WpsHost(fakeEt(book).Application as EtApplication);
  const snap1 = await first.readSnapshot();
  const found1 = auditWorkbook(snap1).findings;
  const tails = found1.filter((f) => f.severity === "tail" && f.cell);
  const f = tails[0];
  const marks = tails.map((t, i) => makeMark(t, i ? "忽略" : "已核实", i ? "口径差异，已与财政核对" : "已与总账核对", snap1, NOW));
  await first.saveReviewMarks(marks);
  const pieces = book.props.filter((p) => p.name.indexOf("juesuanAudit.review#") === 0);
  expect(pieces.length).toBeGreaterThan(1);
  expect(Math.max(...pieces.map((p) => p.value.length))).toBeLessThanOrEqual(255);
  await first.applyFlags(found1, {});
  const covers = (cell: string, sheet = f.sheet) =>
    book.sheets
      .filter((s) => s.name === sheet)[0]
      .cfs.some((cf) => cf.areas.join(",").split(",").some((a) => {
        const r = parseRange(a)!;
        const p = parseCell(cell)!;
        return p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right;
      }));
  expect(covers(f.cell!)).toBe(false);
  const open = found1.filter((x) => x.severity === "error" && x.cell)[0];
  expect(covers(open.cell!, open.sheet)).toBe(true);

  // The file reopened: a new host, a new read; only the document carries the marks.
  const second = new WpsHost(fakeEt(book).Application as EtApplication);
  const loaded = await second.loadReviewMarks();
  expect(loaded).toEqual(marks);
  expect(loaded[0]).toMatchObject({ key: findingKey(f, snap1), status: "已核实", note: "已与总账核对", when: NOW.toISOString() });
  const snap2 = await second.readSnapshot();
  const split = applyReview(auditWorkbook(snap2).findings, loaded, snap2);
  expect(split.reviewed.map((r) => r.finding.cell).sort()).toEqual(tails.map((t) => t.cell).sort());
  expect(split.unmatched).toEqual([]);

  // A tampered piece drops the marks that no longer validate, never the document.
  book.props.filter((p) => p.name === "juesuanAudit.review#0")[0].value = "{junk";
  expect(await new WpsHost(fakeEt(book).Application as EtApplication).loadReviewMarks()).toEqual([]);
  await second.saveReviewMarks([]);
  expect(book.props.filter((p) => p.name.indexOf("juesuanAudit.review") === 0)).toEqual([]);
});

test("settings: 审核后自动标记 off by default, kept in the document", async () => {
  const book = etBookFromSnapshot(cliSnapshot());
  const host = new WpsHost(fakeEt(book).Application as EtApplication);
  expect(await host.loadSettings()).toEqual({ autoFlag: false });
  await host.saveSettings({ autoFlag: true });
  expect(await new WpsHost(fakeEt(book).Application as EtApplication).loadSettings()).toEqual({ autoFlag: true });
});

test("navigation activates the sheet and selects the cell; a hidden sheet is named, never unhidden", async () => {
  const book = etBookFromSnapshot(cliSnapshot());
  book.sheets[4].visible = 0;
  const fake = fakeEt(book);
  const host = new WpsHost(fake.Application as EtApplication);
  fake.log.calls = 0;
  await host.select("公开03表", "C10");
  expect([book.active, book.selected, fake.log.calls]).toEqual(["公开03表", "C10", 7]);
  await expect(host.select(book.sheets[4].name, "C7")).rejects.toThrow("工作表「" + book.sheets[4].name + "」已隐藏，无法定位");
  expect(book.sheets[4].visible).toBe(0);
  await expect(host.select("没有这张表", "A1")).rejects.toThrow(/^WPS 在定位到该单元格时出错/);
});
