/**
 * Tables whose rows are 功能分类 codes (公开02, 03, 05, 07, 08): 合计 first or last or on the last header row,
 * codes in one column (2010301), three (201 | 03 | 01) or in front of the name (2010301 行政运行), headers merged
 * or not, 栏次 row present or not, continued over pages, or (公开07/08) no amount row at all (RULES.md §8.1).
 */
import { readAmount } from "../amount";
import { ColumnSpec, tableSpec } from "../layouts";
import { TableModel, TRow } from "../model";
import { normKey } from "../text";
import { collectNotes, frame, makeCell, Region } from "./common";
import { codeOf, emptyTable, splitCode } from "./codes";
import { firstNonEmpty, headerParts, headerTexts, isMetaRow, isNoteRow, isPageBreakRow, isSequenceRow, sequenceNumbers } from "./header";

const CODE = /^\d{3}(?:\d{2}){0,2}$/;
const TOTAL = /^(?:合计|总计)$/;
const TOTAL_IN = /合计|总计/;
const CJK = /[\u4e00-\u9fa5]/;
const CODE_THEN_NAME = /^\d{3,7}[^\d]/;
/** Header words that may stand left of 合计 on a 合计 row that is also the last header row (RULES.md §8.1 item 1). */
const HEAD_WORD = /^(?:类|款|项|项目|科目|(?:功能分类)?科目(?:编码|代码)|编码|代码|科目名称|名称)$/;

function isAmountText(reg: Region, r: number, c: number): boolean {
  const a = readAmount(reg.grid.value(r, c), reg.grid.text(r, c), reg.grid.format(r, c));
  return a.state === "number" || a.state === "dash";
}

/**
 * The column of the 合计 label when row r is a 合计 row, else -1. 合计 is the row's first text, or follows header
 * words only (类 | 款 | 项 | 合计 | 2,946.25 …); in the latter case a figure must follow, else the row is a header
 * row whose columns happen to include one called 合计.
 */
function totalLabelCol(reg: Region, r: number): number {
  const { grid } = reg;
  let first = true;
  // Only code headers left of 合计 (类 | 款 | 项, 科目编码): 合计 stands in the name column, even with blank figures.
  let codeOnly = false;
  for (let c = reg.c1; c <= Math.min(reg.c2, reg.c1 + 5); c++) {
    const t = normKey(grid.text(r, c));
    if (t === "" || grid.mergeOf(r, c)) continue;
    if (TOTAL.test(t)) {
      if (first) return c;
      let amounts = 0;
      for (let k = c + 1; k <= reg.c2; k++) {
        if (normKey(grid.text(r, k)) === "") continue;
        if (!isAmountText(reg, r, k)) return -1;
        amounts++;
      }
      return amounts > 0 || codeOnly ? c : -1;
    }
    if (!HEAD_WORD.test(t)) return -1;
    codeOnly = !/名称|项目/.test(t) || /^项$/.test(t);
    first = false;
  }
  return -1;
}

function isDataStart(reg: Region, r: number): boolean {
  const c = firstNonEmpty(reg.grid, r, reg.c1, reg.c2);
  if (c < 0) return false;
  const t = normKey(reg.grid.text(r, c));
  return totalLabelCol(reg, r) >= 0 || (CODE.test(t) && CJK.test(reg.grid.text(r, c + 1) + reg.grid.text(r, c + 2) + reg.grid.text(r, c + 3))) || CODE_THEN_NAME.test(t);
}

export function readCoded(reg: Region): TableModel | string {
  const { grid } = reg;
  const spec = tableSpec(reg.id, reg.pack);
  let start = -1;
  for (let r = reg.r1; r <= reg.r2; r++)
    if (isDataStart(reg, r)) {
      start = r;
      break;
    }
  if (start < 0) return spec.mayBeEmpty ? emptyTable(reg, spec.columns || [], spec.variant) : "找到标题但没有找到数据行（合计行或科目编码）";
  const headRows: number[] = [];
  let seqRow = -1;
  for (let r = reg.r1; r < start; r++) {
    if (isSequenceRow(grid, r, reg.c1, reg.c2)) seqRow = r;
    else if (!isMetaRow(grid, r, reg.c1, reg.c2) && firstNonEmpty(grid, r, reg.c1, reg.c2) >= 0) headRows.push(r);
  }
  // A 合计 row that is also the last header row: its header words (类 | 款 | 项) and sub-headers (基本支出 |
  // 项目支出 standing where the 合计 figures would be) belong to the header; its label and figures do not.
  const totalCol = totalLabelCol(reg, start);
  let mixed = false;
  for (let c = reg.c1; c <= reg.c2 && totalCol >= 0; c++) if (c !== totalCol && normKey(grid.text(start, c)) !== "" && !grid.mergeOf(start, c) && !isAmountText(reg, start, c)) mixed = true;
  const skip = (r: number, c: number) => r === start && (c === totalCol || isAmountText(reg, r, c) || grid.mergeOf(r, c) !== null);
  const partRows = mixed ? headRows.concat([start]) : headRows;
  if (partRows.length === 0) return "找到标题但没有找到表头";
  const parts = headerParts(grid, partRows, reg.c1, reg.c2, skip);
  const path = (c: number) => parts[c - reg.c1].join("");
  const leaf = (c: number) => {
    const p = parts[c - reg.c1];
    return p.length ? p[p.length - 1] : "";
  };

  // Code columns: one 编码 column, or 类 | 款 | 项.
  let codeCol = -1;
  let split: number[] | null = null;
  let nameCol = -1;
  for (let c = reg.c1; c <= reg.c2; c++) {
    if (leaf(c) === "类" && leaf(c + 1) === "款" && leaf(c + 2) === "项") {
      split = [c, c + 1, c + 2];
      c += 2;
      continue;
    }
    if (codeCol < 0 && !split && /编码|代码|科目编号/.test(leaf(c))) codeCol = c;
    if (nameCol < 0 && /名称/.test(leaf(c))) nameCol = c;
  }
  if (codeCol < 0 && !split) codeCol = firstNonEmpty(grid, start, reg.c1, reg.c2);
  const firstAmountCol = Math.max(nameCol, split ? split[2] : codeCol, totalCol) + 1;
  if (nameCol < 0) nameCol = split ? split[2] + 1 : codeCol + 1;

  // Amount columns by header text; a 栏次 number names any column the text does not.
  const seq = seqRow >= 0 ? sequenceNumbers(grid, seqRow, reg.c1, reg.c2) : new Map<number, number>();
  let columns: ColumnSpec[] = spec.columns || [];
  let variant: "fund" | undefined;
  const allHead = parts.map((p) => p.join("")).join("|");
  if (spec.variant && spec.variant.when.test(allHead)) {
    columns = spec.variant.columns;
    variant = "fund";
  }
  const colOf: { [key: string]: number } = {};
  const taken: { [c: number]: boolean } = {};
  const amountCols: number[] = [];
  for (let c = Math.max(firstAmountCol, nameCol + 1); c <= reg.c2; c++) if (path(c) !== "" || seq.has(c)) amountCols.push(c);
  for (const cs of columns)
    for (const c of amountCols)
      if (!taken[c] && colOf[cs.key] === undefined && cs.match.test(path(c))) {
        colOf[cs.key] = c;
        taken[c] = true;
      }
  for (const c of amountCols) {
    const n = seq.get(c);
    if (!taken[c] && n !== undefined && colOf["c" + n] === undefined) {
      colOf["c" + n] = c;
      taken[c] = true;
    }
  }
  const problems: string[] = [];
  const found = columns.filter((cs) => colOf[cs.key] !== undefined);
  if (found.length === 0) return "找到标题但无法识别金额栏";
  for (const cs of columns) if (colOf[cs.key] === undefined) problems.push("未找到“" + cs.name + "”栏");

  // Rows. A page break may repeat the header, the title (续表) and leave a page number between them.
  const head = headerTexts(grid, headRows, reg.c1, reg.c2);
  const rows: TRow[] = [];
  const carry = { lei: "", kuan: "" };
  let last = start;
  for (let r = start; r <= reg.r2; r++) {
    if (isNoteRow(grid, r, reg.c1, reg.c2)) break;
    if (firstNonEmpty(grid, r, reg.c1, reg.c2) < 0) continue;
    if (r !== start && isPageBreakRow(grid, r, reg.c1, reg.c2, head, reg.title)) continue;
    let label = normKey(grid.shown(r, nameCol)) === "" ? "" : String(grid.shown(r, nameCol)).trim();
    let code = "";
    if (split) code = splitCode(grid, r, split, carry);
    else {
      const c = codeOf(grid, r, codeCol, nameCol);
      code = c.code;
      if (c.label !== undefined) label = c.label;
    }
    const firstText = normKey(grid.shown(r, split ? split[0] : codeCol)) + normKey(grid.shown(r, nameCol));
    let key: string;
    let level: number;
    if (!code && (TOTAL_IN.test(firstText) || (r === start && totalCol >= 0))) {
      key = "合计";
      level = 0;
      label = "合计";
    } else if (CODE.test(code)) {
      key = code;
      level = (code.length - 1) / 2;
    } else {
      let hasAmount = false;
      for (const k in colOf) if (!grid.isEmpty(r, colOf[k])) hasAmount = true;
      if (hasAmount) problems.push("第 " + (r + 1) + " 行有金额但没有可识别的科目编码，未参与审核");
      continue;
    }
    const row: TRow = { key, label, code: code || undefined, level, row: r, cells: {} };
    for (const k in colOf) {
      const why = level === 0 ? absentReason(reg, r, colOf[k], r === start && mixed) : "";
      if (why) (row.absent = row.absent || {})[k] = why;
      else row.cells[k] = makeCell(grid, r, colOf[k], 2);
    }
    rows.push(row);
    last = r;
  }
  const cols = columns.filter((cs) => colOf[cs.key] !== undefined).map((cs) => ({ key: cs.key, name: cs.name }));
  for (const k in colOf) if (!cols.some((x) => x.key === k)) cols.push({ key: k, name: "栏" + k.slice(1) });
  const t = frame(reg, start - 1, last, rows, cols, collectNotes(grid, last + 1, reg.r2, reg.c1, reg.c2), problems);
  t.variant = variant;
  return t;
}

/**
 * Why a cell of a 合计 row holds no figure at all (RULES.md §8.1 items 1 and 7), or "": a header cell merged down
 * over the 合计 row, or a sub-header text standing on a 合计 row that is also a header row. Such a cell is NOT
 * CHECKED, never read as 0 or as text.
 */
function absentReason(reg: Region, r: number, c: number, headerRow: boolean): string {
  const { grid } = reg;
  const m = grid.mergeOf(r, c);
  if (m && m.r1 < r) return "合计行该栏被表头合并单元格“" + normKey(grid.text(m.r1, m.c1)) + "”占据，未列合计数";
  const t = normKey(grid.text(r, c));
  if (headerRow && t !== "" && !isAmountText(reg, r, c)) return "合计行该栏为表头文字“" + t + "”，未列合计数";
  return "";
}
