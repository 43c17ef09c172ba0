/**
 * 未审核 (RULES.md §0.3): an absent operand is never 0. Every total row and every total column of every table of the
 * sample is deleted in turn: no new error may appear, and the checks that needed it are listed as 未审核 with
 * their reason. Then the certainty ladder: an inferred row caps a 不符 at 疑点.
 */
import { auditWorkbook } from "../../src/engine";
import { runAudit } from "../../src/engine/audit";
import { TableModel } from "../../src/engine/model";
import { isTotalRow } from "../../src/engine/rules/gaps";
import { templateFor } from "../../src/engine/templates";
import { Finding, NotChecked, SheetSnapshot, TableId, WorkbookSnapshot } from "../../src/engine/types";
import { recognize } from "../../src/engine/recognize";
import { CATALOGUE } from "../../src/engine/rules/catalogue";
import { Context } from "../../src/engine/rules/context";
import { evaluate } from "../../src/engine/rules/evaluate";
import { sampleSnapshot } from "../fixtures/sample";

const sample = sampleSnapshot();
const base = runAudit(sample);
const tables = base.recognition.tables;

/** A1 range → 0-based [r1, c1, r2, c2]. */
function decode(range: string): number[] | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
  if (!m) return null;
  const col = (s: string) => s.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = +m[2] - 1;
  const c1 = col(m[1]);
  return [r1, c1, m[4] ? +m[4] - 1 : r1, m[3] ? col(m[3]) : c1];
}

function encode(r: number, c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s + (r + 1);
}

/**
 * The sample with one sheet row (absolute index) or column removed, merges shrunk or moved as Excel does: a merged
 * area that loses its first row or column keeps its value in its new top-left cell.
 */
function without(sheetName: string, what: "row" | "col", at: number): WorkbookSnapshot {
  const sheets = sample.sheets.map((s): SheetSnapshot => {
    if (s.name !== sheetName) return s;
    const copy = <T>(grid: T[][] | undefined) => (grid ? grid.map((row) => row.slice()) : grid);
    const grids = { values: copy(s.values) as unknown[][], text: copy(s.text) as unknown[][], formats: copy(s.formats) as unknown[][] | undefined, formulas: copy(s.formulas) as unknown[][] | undefined };
    const merges: string[] = [];
    for (const m of s.merges) {
      const d = decode(m);
      if (!d) continue;
      let [r1, c1, r2, c2] = d;
      const [lo, hi] = what === "row" ? [r1, r2] : [c1, c2];
      if (lo <= at && at <= hi) {
        if (lo === hi) continue;
        if (at === lo) {
          // The value moves to the cell that becomes the area's top-left.
          const [fr, fc, tr, tc] = what === "row" ? [r1, c1, r1 + 1, c1] : [r1, c1, r1, c1 + 1];
          for (const g of [grids.values, grids.text, grids.formats, grids.formulas]) if (g && g[fr - s.top]) g[tr - s.top][tc - s.left] = g[fr - s.top][fc - s.left];
        }
        if (what === "row") r2--;
        else c2--;
      } else if (lo > at) {
        if (what === "row") (r1--, r2--);
        else (c1--, c2--);
      }
      if (r1 !== r2 || c1 !== c2) merges.push(encode(r1, c1) + ":" + encode(r2, c2));
    }
    const cut = <T>(grid: T[][] | undefined): T[][] | undefined => {
      if (!grid) return grid;
      if (what === "row") return grid.filter((_, i) => i + s.top !== at);
      return grid.map((row) => row.filter((_, j) => j + s.left !== at));
    };
    return {
      ...s,
      values: cut(grids.values) as SheetSnapshot["values"],
      text: cut(grids.text) as string[][],
      formats: cut(grids.formats) as string[][] | undefined,
      formulas: cut(grids.formulas) as SheetSnapshot["formulas"],
      merges,
    };
  });
  return { ...sample, sheets };
}

/** Total columns: the 合计/小计 栏 of each table (公开09: the budget and actual totals and their 公务用车 subtotals). */
const TOTAL_COLUMNS: { [t: string]: string[] } = {
  公开02: ["c1"],
  公开03: ["c1"],
  公开04: ["c2"],
  公开05: ["c1"],
  公开07: ["c3"],
  公开08: ["c1"],
  公开09: ["c1", "c3", "c7", "c9"],
};

interface Cut {
  name: string;
  table: TableId;
  snapshot: WorkbookSnapshot;
}

function cuts(): Cut[] {
  const out: Cut[] = [];
  for (const id of Object.keys(tables) as TableId[]) {
    const t = tables[id] as TableModel;
    const rows: { [r: number]: string[] } = {};
    for (const r of t.rows) if (isTotalRow(templateFor(), id, r.key)) (rows[r.row] = rows[r.row] || []).push(r.key);
    for (const r in rows) out.push({ name: id + " 行 " + rows[r].join("/"), table: id, snapshot: without(t.sheet, "row", +r) });
    for (const key of TOTAL_COLUMNS[id] || []) {
      const cell = t.rows.map((r) => r.cells[key]).filter((c) => c)[0];
      out.push({ name: id + " 栏 " + key, table: id, snapshot: without(t.sheet, "col", cell.col) });
    }
  }
  return out;
}

/** Errors of the tables and the workbook (the narrative's own findings are the narrative helpers' part). */
const tableErrors = (fs: Finding[]) => fs.filter((f) => f.severity === "error" && f.table !== "情况说明" && f.table !== "绩效").map((f) => f.rule + " " + f.table + " " + f.message);

test("the sample has nothing 未审核", () => {
  expect(base.notChecked).toEqual([]);
  expect(base.summary.notChecked).toBe(0);
});

describe("deleting a total row or a total column never creates an error; it creates 未审核", () => {
  const all = cuts();
  const before = tableErrors(base.findings);

  test("the cuts cover every table's totals", () => {
    // 公开01: 本年收入合计/本年支出合计 and the two 总计 rows (side by side), 公开04 likewise, 公开06 its two lane
    // totals on one row, every coded table its 合计 row; plus the total columns.
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((c) => c.table)).size).toBe(9);
  });

  test.each(all.map((c) => [c.name, c] as [string, Cut]))("%s", (_name, cut) => {
    const r = runAudit(cut.snapshot);
    expect(r.missing).toEqual([]);
    expect(tableErrors(r.findings).filter((e) => before.indexOf(e) < 0)).toEqual([]);
    // The sample's 公开07/08 are empty and say so under the table (「…故本表无数据」): without their 合计 row they
    // are tables printed without an amount row (RULES.md §8.1 item 4), whose figures are 0 by that statement.
    // Every other cut leaves checks that cannot be made.
    const t = r.recognition.tables[cut.table] as TableModel;
    if (t.emptyStatement && !t.rows.length) expect(r.notChecked).toEqual([]);
    else expect(r.notChecked.length).toBeGreaterThan(0);
    expect(r.summary.notChecked).toBe(r.notChecked.length);
    for (const n of r.notChecked) {
      expect(n.reason).toMatch(/^(缺表|缺合计行|缺栏|缺行|取数不足|无法确定对应科目|无文本|其他)$/);
      expect(n.detail.length).toBeGreaterThan(5);
    }
    // The absence is named: the table it was cut from.
    if (r.notChecked.length) expect(r.notChecked.some((n) => n.detail.indexOf(cut.table) >= 0)).toBe(true);
  });
});

/** Detail lines of the 未审核 entries, for exact expectations. */
const lines = (ns: NotChecked[]) => ns.map((n) => n.rule + " " + n.table + " " + n.reason);

describe("no silent pass", () => {
  test("a missing table: each rule that needs it is 未审核 (缺表), once per rule", () => {
    const snapshot = { ...sample, sheets: sample.sheets.filter((s) => s.name !== (tables["公开05"] as TableModel).sheet) };
    const r = auditWorkbook(snapshot);
    expect(r.missing).toEqual(["公开05"]);
    expect(lines(r.notChecked.filter((n) => n.table !== "情况说明" && n.table !== "绩效"))).toEqual([
      "T05.1 公开05 缺表",
      "T05.2 公开05 缺表",
      "T05.3 公开05 缺表",
      "T05.4 公开05 缺表",
      "X.9 公开05 缺表",
      "X.10 公开05 缺表",
      "X.11 公开05 缺表",
      "X.12 公开05 缺表",
      "X.20 公开09 缺表",
      "T05.5 公开05 缺表",
      "X.13 公开05 缺表",
    ]);
    expect(r.notChecked.find((n) => n.rule === "X.20")!.detail).toBe("未找到公开05，未能核对：公开09 “三公”经费决算数 ≤ 公开05 本年支出合计");
    expect(r.notChecked.find((n) => n.rule === "X.20")!.cells).toEqual(["'公开09表'!G8"]);
  });

  test("a missing 合计 row: 未审核 (缺合计行), never read as 0", () => {
    const t3 = tables["公开03"] as TableModel;
    const total = t3.rows.find((r) => r.key === "合计")!;
    const r = auditWorkbook(without(t3.sheet, "row", total.row));
    // the statements of 说明三 bound to the 合计 row are 未审核 too (they were skipped silently before issue 9)
    expect(lines(r.notChecked)).toEqual(["T03.2 公开03 缺合计行", "X.4 公开03 缺合计行", "X.11 公开05 缺合计行", "X.22 公开02 缺合计行", ...Array(6).fill("N3 情况说明 缺合计行"), "N5a 情况说明 缺合计行"]);
    expect(r.notChecked.filter((n) => n.table === "情况说明").map((n) => n.detail)).toEqual([
      "说明三：公开03 中没有合计行，文中支出合计 2481.93万元 未与表核对",
      "说明三：公开03 中没有合计行，文中基本支出 630.50万元 未与表核对",
      "说明三：公开03 中没有合计行，文中基本支出占 25.40% 未与表核对",
      "说明三：公开03 中没有合计行，文中项目支出 1851.44万元 未与表核对",
      "说明三：公开03 中没有合计行，文中项目支出占 74.60% 未与表核对",
      "说明三：公开03 中没有合计行，各项是否都已说明未与表核对",
      // 五(一)'s share of 公开03 本年支出合计 (五 is a statement table since issue 9)
      "说明五(一)：公开03 中没有合计行，文中占支出合计的 100.00% 未与表核对",
    ]);
    expect(r.notChecked[1].detail).toBe("公开03 未找到“合计”行，未能核对：公开03 本年支出合计 = 公开01 本年支出合计");
    expect(r.notChecked[1].cells).toEqual(["'公开01表'!F33"]);
  });

  test("a narrative item whose 项 row is missing from the table: 未审核 (无法确定对应科目), never compared with another row", () => {
    const t5 = tables["公开05"] as TableModel;
    const r = auditWorkbook(without(t5.sheet, "row", t5.rows.find((x) => x.key === "2080505")!.row));
    const narrative = r.notChecked.filter((n) => n.table === "情况说明");
    expect(lines(narrative)).toEqual(["N5d 情况说明 无法确定对应科目"]);
    expect(narrative[0].detail).toMatch(/机关事业单位基本养老保险缴费支出（项）.*找不到.*46\.55万元 未与表核对$/);
    expect(r.summary.notChecked).toBe(r.notChecked.length);
  });

  test("a cell that is not an amount: the checks that need it are 未审核 (取数不足), besides the S.3 notice", () => {
    const t5 = tables["公开05"] as TableModel;
    const cell = t5.rows.find((r) => r.key === "2080505")!.cells.c2;
    const sheets = sample.sheets.map((s) => {
      if (s.name !== cell.sheet) return s;
      const values = s.values.map((row) => row.slice());
      const text = s.text.map((row) => row.slice());
      values[cell.row - s.top][cell.col - s.left] = "见附表";
      text[cell.row - s.top][cell.col - s.left] = "见附表";
      return { ...s, values, text };
    });
    const r = auditWorkbook({ ...sample, sheets });
    expect(r.findings.filter((f) => f.rule === "S.3").map((f) => f.cell)).toEqual([cell.addr]);
    expect(lines(r.notChecked.filter((n) => n.table !== "情况说明"))).toEqual(["T05.1 公开05 取数不足", "T05.4 公开05 取数不足", "X.11 公开05 取数不足"]);
    expect(r.notChecked[0].detail).toBe("公开05 '公开05表'!" + cell.addr + "“见附表”不是金额，未能核对：公开05 2080505 机关事业单位基本养老保险缴费支出：本年支出小计 = 基本支出 + 项目支出");
  });
});

/** The sample with one cell's displayed text (and value) replaced. */
function edited(t: TableId, rowKey: string, col: string, text: string, value: number | null): WorkbookSnapshot {
  const cell = (tables[t] as TableModel).rows.find((r) => r.key === rowKey)!.cells[col];
  const sheets = sample.sheets.map((s) => {
    if (s.name !== cell.sheet) return s;
    const values = s.values.map((row) => row.slice());
    const texts = s.text.map((row) => row.slice());
    values[cell.row - s.top][cell.col - s.left] = value;
    texts[cell.row - s.top][cell.col - s.left] = text;
    return { ...s, values, text: texts };
  });
  return { ...sample, sheets };
}

/** The catalogue on a snapshot, after `flag` marked rows or columns as inferred (the recogniser's part). */
function catalogueFindings(snapshot: WorkbookSnapshot, flag: (tables: { [id: string]: TableModel }) => void): Finding[] {
  const rec = recognize(snapshot);
  flag(rec.tables as { [id: string]: TableModel });
  const ctx = new Context(rec.tables);
  for (const spec of CATALOGUE) evaluate(ctx, spec);
  return ctx.findings;
}

describe("certainty ladder: an inferred operand gives at most 疑点", () => {
  // 公开05 2080505 机关事业单位基本养老保险缴费支出, 基本支出 46.55 misprinted as 47.55: its row (T05.1, total C18),
  // its 款 20805 (T05.4, D16) and 公开03's same code (X.11, D18) no longer agree.
  const cell = (tables["公开05"] as TableModel).rows.find((r) => r.key === "2080505")!.cells.c2;
  const broken = edited("公开05", "2080505", "c2", "47.55", 47.55);
  const errorsOf = (fs: Finding[]) => fs.filter((f) => f.severity === "error").map((f) => f.rule + " " + f.cell);

  test("read with certainty, the wrong figure is 不符", () => {
    expect(cell.text).toBe("46.55");
    expect(errorsOf(catalogueFindings(broken, () => undefined))).toEqual(["T05.1 C18", "T05.4 D16", "X.11 D18"]);
  });

  test("the same row matched by inference: 疑点, and the message says why", () => {
    const fs = catalogueFindings(broken, (ts) => {
      ts["公开05"].rows.find((r) => r.key === "2080505")!.inferred = "编码由科目名称推断";
    });
    expect(errorsOf(fs)).toEqual([]);
    const doubted = fs.filter((f) => /科目系推断：编码由科目名称推断，按疑点处理/.test(f.message));
    expect(doubted.map((f) => f.rule + " " + f.severity + " " + f.cell)).toEqual(["T05.1 warning C18", "T05.4 warning D16", "X.11 warning D18"]);
    expect(doubted[0].message).toMatch(/请核实（科目系推断：编码由科目名称推断，按疑点处理）$/);
  });

  test("a column matched by inference: 疑点 as well", () => {
    const fs = catalogueFindings(broken, (ts) => {
      ts["公开05"].inferredColumns = { c2: "表头未写明，按栏次推断" };
    });
    expect(errorsOf(fs)).toEqual([]);
    expect(fs.filter((f) => /栏目系推断：表头未写明，按栏次推断/.test(f.message)).length).toBe(3);
  });
});

describe("a blank 合计 over non-zero parts is 合计未填 (RULES.md §8.1 item 7)", () => {
  test("a 疑点 that says 合计未填, never 不符 and never a silent pass", () => {
    const r = auditWorkbook(edited("公开05", "合计", "c2", "", null));
    const errors = tableErrors(r.findings).filter((e) => tableErrors(base.findings).indexOf(e) < 0);
    expect(errors).toEqual([]);
    const unfilled = r.findings.filter((f) => f.table === "公开05" && /合计未填/.test(f.message));
    // The blank D7 (合计 基本支出) is the total of the 类 (T05.2), a part of the row (T05.1), and compared with 公开03
    // (X.11, equal here: only 一般公共预算 income and no 结转) and 公开06 (X.12): each a 疑点.
    expect(unfilled.map((f) => f.rule + " " + f.severity + " " + f.cell)).toEqual(["T05.1 warning C7", "T05.2 warning D7", "X.11 warning D7", "X.12 warning D7"]);
    // One cause (issue 8 §2): the blank D7 is the root, the other three 疑点 are linked to it.
    expect(unfilled[1].message).toBe(
      "公开05 基本支出栏：合计 未填（空白），201 518.56 + 208 48.11 + 210 26.92 + 221 36.91（其余 3 项为 0） = 630.50，合计未填，请核实" +
        "；【根源】公开05 合计 基本支出（'公开05表'!D7）印为 空白，按勾稽关系推算应为 630.50（差 630.50）；改正这一数可使 4 项勾稽关系成立，另有 3 项结果由此引起，已归于本项之下",
    );
    expect(unfilled.map((f) => f.cause)).toEqual(["T05.2 '公开05表'!D7", null, "T05.2 '公开05表'!D7", "T05.2 '公开05表'!D7"]);
  });
});

test("a table printed without amount rows under 「…无数据」 is 0 by that statement: a non-zero counterpart is 疑点", () => {
  const t7 = tables["公开07"] as TableModel;
  const cut = without(t7.sheet, "row", t7.rows.find((r) => r.key === "合计")!.row);
  // 公开04 shows 5.00 of 政府性基金 income while 公开07 says it has none.
  const c = (tables["公开04"] as TableModel).rows.find((r) => r.key === "L2")!.cells.c1;
  const sheets = cut.sheets.map((s) => {
    if (s.name !== c.sheet) return s;
    const values = s.values.map((row) => row.slice());
    const text = s.text.map((row) => row.slice());
    values[c.row - s.top][c.col - s.left] = 5;
    text[c.row - s.top][c.col - s.left] = "5.00";
    return { ...s, values, text };
  });
  const r = runAudit({ ...cut, sheets });
  expect((r.recognition.tables["公开07"] as TableModel).rows).toEqual([]);
  const x14 = r.findings.filter((f) => f.rule === "X.14");
  expect(x14.map((f) => f.severity)).toEqual(["warning"]);
  // The 5.00 in 公开04 also breaks 公开04's own identities: it is the root (issue 8 §2), the 疑点 follows from it.
  expect(x14[0].message).toMatch(/公开07 未列金额行，表内注明“.+”，按疑点处理）；与 '公开04表'!C8 一格同源（见 T04.8 '公开04表'!C8），不另计原因$/);
  expect(x14[0].cause).toBe("T04.8 '公开04表'!C8");
});
