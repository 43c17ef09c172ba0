/**
 * One root cause, not a flood (issue 8 §2): a misprinted cell, copied into its mirror table or not, and a shifted
 * amount column each give ONE root error; every other finding that follows from it is linked via `cause`.
 * Built from the sample (real .xlsx written and read back), each test able to fail.
 */
import * as XLSX from "@e965/xlsx";
import { auditWorkbook } from "../../src/engine";
import { Finding } from "../../src/engine/types";
import * as F from "../fixtures/sample";
import { shiftAmounts } from "../fixtures/shift";

const base = auditWorkbook(F.sampleSnapshot()).findings;
const baseKeys = new Set(base.map((f) => f.rule + "|" + f.sheet + "!" + f.cell + "|" + f.difference));
const isTable = (f: Finding) => /^公开/.test(f.table || "");
/** Errors and warnings of the tables that the sample does not have. */
const fresh = (fs: Finding[]) => fs.filter((f) => isTable(f) && (f.severity === "error" || f.severity === "warning") && !baseKeys.has(f.rule + "|" + f.sheet + "!" + f.cell + "|" + f.difference));
const at = (f: Finding) => f.rule + " " + f.sheet + "!" + f.cell;

function setAmount(wb: XLSX.WorkBook, sheet: string, addr: string, v: number): void {
  const c = wb.Sheets[sheet][addr] as XLSX.CellObject;
  c.v = v;
  delete c.w;
}

function audit(edit: (wb: XLSX.WorkBook) => void) {
  const wb = F.loadSample();
  edit(wb);
  return auditWorkbook(F.snapshotOf(wb)).findings;
}

test("a misprinted 项 in 公开03 copied into 公开05: one root error, the other three linked to it", () => {
  const fs = fresh(
    audit((wb) => {
      setAmount(wb, "公开03表", "D10", 528.56);
      setAmount(wb, "公开05表", "D10", 528.56);
    }),
  );
  const roots = fs.filter((f) => !f.cause);
  expect(roots.map(at)).toEqual(["T03.1 公开03表!C10"]);
  expect(roots[0].severity).toBe("error");
  expect(fs.filter((f) => f.cause).map((f) => at(f) + " <- " + f.cause)).toEqual([
    "T03.4 公开03表!D9 <- T03.1 '公开03表'!C10",
    "T05.1 公开05表!C10 <- T03.1 '公开03表'!C10",
    "T05.4 公开05表!D9 <- T03.1 '公开03表'!C10",
  ]);
  // The root names the cell, the figure that makes the identities hold, the copy and how many follow.
  expect(roots[0].message).toContain("'公开03表'!D10）印为 528.56，按勾稽关系推算应为 518.56（差 10.00）");
  expect(roots[0].message).toContain("'公开05表'!D10 同此");
  expect(roots[0].message).toContain("另有 3 项结果由此引起");
});

test("the same misprint in 公开03 alone: the 公开05 ≠ 公开03 difference is a consequence too", () => {
  const fs = fresh(audit((wb) => setAmount(wb, "公开03表", "D10", 519.56)));
  expect(fs.filter((f) => !f.cause).map(at)).toEqual(["T03.1 公开03表!C10"]);
  expect(fs.filter((f) => f.cause).map(at)).toEqual(["T03.4 公开03表!D9", "X.11 公开05表!D10"]);
});

test("a dropped digit in a 款 of 公开03 and 公开05 (772.22 printed 77.22): the 款 cell whose Σ项 is right is the root", () => {
  const fs = fresh(
    audit((wb) => {
      setAmount(wb, "公开03表", "E9", 77.22);
      setAmount(wb, "公开05表", "E9", 77.22);
    }),
  );
  const roots = fs.filter((f) => !f.cause);
  expect(roots.map(at)).toEqual(["T03.4 公开03表!E9"]);
  expect(roots[0].message).toContain("（'公开03表'!E9）印为 77.22，按勾稽关系推算应为 772.22（差 695.00）");
  expect(fs.filter((f) => f.cause).map(at).sort()).toEqual(["T03.1 公开03表!C9", "T03.3 公开03表!E8", "T05.1 公开05表!C9", "T05.3 公开05表!E8", "T05.4 公开05表!E9"]);
  expect(fs.every((f) => !f.cause || f.cause === "T03.4 '公开03表'!E9")).toBe(true);
});

test("the dropped digit carried up into the 类 (款 and 类 both 77.22, 合计 right): one root on the 款, the 类 named with it", () => {
  const fs = fresh(
    audit((wb) => {
      for (const sheet of ["公开03表", "公开05表"]) for (const cell of ["E8", "E9"]) setAmount(wb, sheet, cell, 77.22);
    }),
  );
  const roots = fs.filter((f) => !f.cause);
  expect(roots.map(at)).toEqual(["T03.4 公开03表!E9"]);
  expect(roots[0].message).toContain("（'公开03表'!E9）印为 77.22，按勾稽关系推算应为 772.22（差 695.00），同栏上级 '公开03表'!E8 同差");
  expect(fs.length).toBeGreaterThan(4);
  expect(fs.every((f) => f === roots[0] || f.cause === "T03.4 '公开03表'!E9")).toBe(true);
});

test("two independent misprints stay two roots", () => {
  const fs = fresh(
    audit((wb) => {
      setAmount(wb, "公开03表", "E9", 77.22);
      setAmount(wb, "公开05表", "E9", 77.22);
      setAmount(wb, "公开03表", "D27", 46.91);
    }),
  );
  expect(fs.filter((f) => !f.cause).map(at).sort()).toEqual(["T03.1 公开03表!C27", "T03.4 公开03表!E9"]);
});

describe("amount columns of 公开05 shifted against the codes (RULES.md §8.1 item 8): one S.10", () => {
  const cases: [string, number, number, string, string][] = [
    ["down by 2 from row 15", 15, 2, "公开05表!C15", "自第 15 行（208 社会保障和就业支出）起，本年支出小计、基本支出、项目支出栏的金额比科目编码低 2 行"],
    ["up by 2 from row 12", 12, -2, "公开05表!C12", "自第 12 行（206 科学技术支出）起，本年支出小计、基本支出、项目支出栏的金额比科目编码高 2 行"],
  ];
  for (const [name, from, k, cell, says] of cases)
    test(name, () => {
      const all = audit((wb) => shiftAmounts(wb, "公开05表", ["C", "D", "E"], from, 30, k));
      const fs = fresh(all);
      const roots = fs.filter((f) => !f.cause);
      expect(roots.map((f) => f.rule + " " + f.sheet + "!" + f.cell + " " + f.severity)).toEqual(["S.10 " + cell + " error"]);
      expect(roots[0].message).toContain(says);
      // Dozens of differences, every one linked to the S.10 finding; no unlinked error is left in the tables.
      const linked = fs.filter((f) => f.cause === "S.10 '" + cell.replace("!", "'!"));
      expect(linked.length).toBeGreaterThan(40);
      expect(linked.length).toBe(fs.length - 1);
      expect(all.filter((f) => isTable(f) && f.severity === "error" && !f.cause).map(at)).toEqual(["S.10 " + cell]);
      // the count is of the tables' results; a narrative 疑点 folded under the same root (narrative/blame.ts) comes later
      expect(roots[0].message).toContain("另有 " + all.filter((f) => isTable(f) && f.cause === "S.10 '" + cell.replace("!", "'!")).length + " 项结果由此引起");
    });

  test("one column alone shifted by 1", () => {
    const fs = fresh(audit((wb) => shiftAmounts(wb, "公开05表", ["E"], 12, 30, 1)));
    const roots = fs.filter((f) => !f.cause);
    expect(roots.map((f) => f.rule + " " + f.cell)).toEqual(["S.10 E12"]);
    expect(roots[0].message).toContain("项目支出栏的金额比科目编码低 1 行");
  });
});

/**
 * 公开05's code column lists two codes that have no amount (as when the 政府性基金 codes are printed in the
 * 一般公共预算 table), while the amounts run on without them: from the first extra code on the amounts stand one
 * row above their codes, from the second on two rows.
 */
function extraCodes(wb: XLSX.WorkBook): void {
  const ws = wb.Sheets["公开05表"];
  const rows: [XLSX.CellObject, XLSX.CellObject][] = [];
  for (let r = 8; r <= 30; r++) {
    rows.push([ws["A" + r], ws["B" + r]]);
    const code = String(ws["A" + r].v);
    if (code === "2010399") rows.push([{ t: "s", v: "2010350" }, { t: "s", v: "事业运行" }]);
    if (code === "2080505") rows.push([{ t: "s", v: "2080506" }, { t: "s", v: "机关事业单位职业年金缴费支出" }]);
  }
  const note = ws.A31;
  delete ws.A31;
  rows.forEach(([a, b], i) => {
    ws["A" + (8 + i)] = a;
    ws["B" + (8 + i)] = b;
  });
  ws.A33 = note;
  ws["!ref"] = "A1:E33";
  ws["!merges"] = (ws["!merges"] || []).filter((m) => m.s.r < 30).concat([{ s: { r: 32, c: 0 }, e: { r: 32, c: 4 } }]);
}

test("codes listed without an amount push the amounts one and then two rows away: one S.10 naming both stretches", () => {
  const all = audit(extraCodes);
  const fs = fresh(all);
  const roots = fs.filter((f) => !f.cause);
  expect(roots.map((f) => f.rule + " " + f.sheet + "!" + f.cell)).toEqual(["S.10 公开05表!C13"]);
  expect(roots[0].message).toContain("自第 13 行（206 科学技术支出）起，本年支出小计、基本支出、项目支出栏的金额比科目编码高 1 行，自第 21 行（210 卫生健康支出）起比科目编码高 2 行");
  expect(roots[0].message).toContain("科目 2010350、2080506 在本表没有对应的金额（按 0 计）");
  expect(fs.length).toBeGreaterThan(20);
  expect(all.filter((f) => isTable(f) && f.severity === "error" && !f.cause).map(at)).toEqual(["S.10 公开05表!C13"]);
});

test("the sample itself has no S.10 and no error linked to a cause", () => {
  expect(base.filter((f) => f.rule === "S.10")).toEqual([]);
  expect(base.filter((f) => isTable(f) && f.severity === "error")).toEqual([]);
});
