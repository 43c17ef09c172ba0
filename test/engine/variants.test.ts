/**
 * Variants of the sample that occur in published documents give the same findings (RULES.md §0.1, issue 2 §2):
 * recognition depends on titles and header text, never on sheet names, positions, merges or storage.
 */
import { auditWorkbook } from "../../src/engine";
import { Finding } from "../../src/engine/types";
import * as F from "../fixtures/sample";

const tables = (fs: Finding[]) => fs.filter((f) => /^公开/.test(f.table || ""));
const base = tables(auditWorkbook(F.sampleSnapshot()).findings);
const audit = (wb: ReturnType<typeof F.loadSample>) => auditWorkbook(F.snapshotOf(wb));

test("neutral, shuffled sheet names with a cover, a notes sheet and a hidden sheet", () => {
  const r = audit(F.shuffledNeutral(F.loadSample()));
  expect(r.missing).toEqual([]);
  expect(tables(r.findings).map(F.signature)).toEqual(base.map(F.signature));
  expect(r.tables.find((t) => t.id === "公开03")!.sheet).toBe("Sheet2");
});

test("amounts stored as text, with and without full-width digits", () => {
  for (const full of [false, true]) {
    const r = audit(F.textAmounts(F.loadSample(), full));
    expect(tables(r.findings).map(F.signatureAt)).toEqual(base.map(F.signatureAt));
  }
});

test("tables that do not start at A1", () => {
  const r = audit(F.offset(F.loadSample(), 3, 2));
  expect(tables(r.findings).map(F.signature)).toEqual(base.map(F.signature));
  expect(tables(r.findings).find((f) => f.rule === "T03.1" && !f.cause)!.cell).toBe("E13");
});

test("headers unmerged, as after a PDF-to-Excel conversion", () => {
  const r = audit(F.noMerges(F.loadSample()));
  expect(r.missing).toEqual([]);
  expect(tables(r.findings).map(F.signatureAt)).toEqual(base.map(F.signatureAt));
});

test("hidden decimals behind the displayed figures: same findings plus one notice per table", () => {
  const r = audit(F.hiddenDecimals(F.loadSample()));
  const notices = tables(r.findings).filter((f) => f.rule === "S.4");
  expect(notices.map((f) => f.table)).toEqual(["公开01", "公开02", "公开03", "公开04", "公开05", "公开06", "公开09"]);
  expect(notices[2].message).toContain("按显示值");
  expect(tables(r.findings).filter((f) => f.rule !== "S.4").map(F.signatureAt)).toEqual(base.map(F.signatureAt));
});

test("zeros left blank instead of 0.00", () => {
  const r = audit(F.blankZeros(F.loadSample()));
  // The one presentation note that depends on how zeros are printed (公开07 合计 blank while other tables print
  // 0.00) is gone when every table leaves zeros blank; every figure-based finding is identical.
  const presentation = (f: Finding) => f.rule === "T07.4" && f.severity === "info";
  expect(tables(r.findings).filter((f) => !presentation(f)).map(F.signatureAt)).toEqual(base.filter((f) => !presentation(f)).map(F.signatureAt));
  expect(tables(r.findings).filter(presentation)).toEqual([]);
});

test("codes in three columns 类 | 款 | 项", () => {
  const r = audit(F.splitCodes(F.loadSample()));
  expect(tables(r.findings).map(F.signature)).toEqual(base.map(F.signature));
});

test("合计 as the last row", () => {
  const r = audit(F.totalLast(F.loadSample()));
  expect(tables(r.findings).map(F.signature).sort()).toEqual(base.map(F.signature).sort());
});

test("in 元 (×10000, 单位：元) every 尾差 becomes an error", () => {
  const r = audit(F.inYuan(F.loadSample()));
  expect(r.unit).toBe("元");
  const t = tables(r.findings);
  expect(t.filter((f) => f.severity === "tail")).toEqual([]);
  const errors = t.filter((f) => f.severity === "error");
  expect(errors.map((f) => f.rule + " " + f.cell + " " + f.difference + " " + f.tolerance)).toEqual([
    "T03.1 C7 -100 0",
    "T03.1 C8 -100 0",
    "T03.1 C9 -100 0",
    "T03.1 C10 -100 0",
    "T05.1 C7 -100 0",
    "T05.1 C8 -100 0",
    "T05.1 C9 -100 0",
    "T05.1 C10 -100 0",
    "T06.1 C6 100 0",
    "T06.1 F6 100 0",
    "T06.4 C34 100 0",
    "T06.4 I34 100 0",
  ]);
  expect(errors[3].message).toContain("未经舍入");
});

test("all variants at once", () => {
  const wb = F.shuffledNeutral(F.offset(F.noMerges(F.textAmounts(F.hiddenDecimals(F.loadSample()))), 2, 1));
  const r = audit(wb);
  expect(r.missing).toEqual([]);
  expect(tables(r.findings).map(F.signature)).toEqual(base.map(F.signature));
});

test("公开06 in two lanes instead of three", () => {
  const r = audit(F.basicTwoLanes(F.loadSample()));
  expect(tables(r.findings).map(F.signature)).toEqual(base.map(F.signature));
});

test("公开09 with interleaved 预算数/决算数 pairs and unmerged three-row headers", () => {
  const r = audit(F.sangongInterleaved(F.loadSample()));
  expect(tables(r.findings).map(F.signatureAt)).toEqual(base.map(F.signatureAt));
  const t9 = r.tables.find((t) => t.id === "公开09")!;
  expect(t9.range).toBe("A1:L7");
});

test("a broken figure in the interleaved 公开09 is still caught by T09.3", () => {
  const wb = F.sangongInterleaved(F.loadSample());
  wb.Sheets["公开09表"]["L7"] = { t: "n", v: 1.12, z: "#,##0.00" };
  const r = audit(wb);
  expect(r.findings.filter((f) => f.severity === "error").map((f) => f.rule + " " + f.cell)).toEqual(expect.arrayContaining(["T09.3 B7"]));
});

test("no 栏次 rows and no 行次 columns", () => {
  const r = audit(F.noSequence(F.loadSample()));
  expect(r.missing).toEqual([]);
  expect(tables(r.findings).map(F.signatureAt)).toEqual(base.map(F.signatureAt));
});

test("2016–2018 wording of 公开01: old class names, 用事业基金弥补收支差额, 24 expense lines", () => {
  const r = audit(F.oldTemplate(F.loadSample()));
  expect(tables(r.findings).map(F.signatureAt)).toEqual(base.map(F.signatureAt));
});

test("header text split over two rows, unmerged", () => {
  const r = audit(F.splitHeaders(F.loadSample()));
  expect(tables(r.findings).map(F.signatureAt)).toEqual(base.map(F.signatureAt));
});

test("a table that cannot be found is reported missing with the reason; the others are still audited", () => {
  const wb = F.loadSample();
  delete wb.Sheets["公开05表"]["A1"];
  wb.Sheets["公开02表"]["A7"] = { t: "s", v: "共计" };
  const r = audit(wb);
  expect(r.missing).toEqual(["公开05"]);
  const s1 = r.findings.find((f) => f.rule === "S.1")!;
  expect(s1.message).toContain("没有找到标题为“一般公共预算财政拨款支出决算表”的表");
  expect(r.findings.filter((f) => f.rule === "T03.1").length).toBe(4);
});

test("公开08 as a 收入支出 table follows the 公开07 rules", () => {
  const r = audit(F.stateCapitalIncomeExpense(F.loadSample()));
  expect(tables(r.findings).map(F.signatureAt)).toEqual(base.map(F.signatureAt));
  // 年末 = 年初 + 收入 − 支出 is broken: 0 + 5 − 0 ≠ 0 (T07.2 applies to it as a warning).
  const broken = audit(F.stateCapitalIncomeExpense(F.loadSample(), [0, 5, 0, 0, 0, 0]));
  expect(broken.findings.filter((f) => f.table === "公开08" && f.severity !== "info").map((f) => f.rule + " " + f.severity)).toEqual(expect.arrayContaining(["T07.2 warning"]));
});

test("a 万元 table without the 尾差 note gets an info (S.8); a 元 table does not need one", () => {
  const wb = F.loadSample();
  delete wb.Sheets["公开03表"]["A31"];
  const r = audit(wb);
  expect(r.findings.filter((f) => f.rule === "S.8").map((f) => f.table)).toEqual(["公开03", "公开09"]);
  expect(audit(F.inYuan(F.loadSample())).findings.filter((f) => f.rule === "S.8")).toEqual([]);
});

test("S.8 says 「（其他表有）」 only when another table really carries the 尾差 note (issue 8 §2)", () => {
  const s8 = (wb: ReturnType<typeof F.loadSample>) => audit(wb).findings.filter((f) => f.rule === "S.8").map((f) => f.table + " " + /（其他表有）/.test(f.message));
  expect(s8(F.loadSample())).toEqual(["公开09 true"]);
  // Without any note in the workbook every table lacks it, and none may claim the others have it.
  const wb = F.loadSample();
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    for (const k of Object.keys(ws)) if (k.charAt(0) !== "!" && /尾差/.test(String((ws[k] as { v?: unknown }).v))) delete ws[k];
  }
  const claims = s8(wb);
  expect(claims.length).toBeGreaterThan(5);
  expect(claims.filter((c) => /true$/.test(c))).toEqual([]);
});
