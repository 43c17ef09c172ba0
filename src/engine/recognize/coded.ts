/**
 * Tables whose rows are 功能分类 codes (公开02, 03, 05, 07, 08): 合计 first or last, codes in one column
 * (2010301) or three (201 | 03 | 01), headers merged or not, 栏次 row present or not.
 */
import { ColumnSpec, tableSpec } from "../layouts";
import { TableModel, TRow } from "../model";
import { normKey } from "../text";
import { codeText, collectNotes, frame, makeCell, Region } from "./common";
import { firstNonEmpty, headerParts, isMetaRow, isNoteRow, isSequenceRow, sequenceNumbers } from "./header";

const CODE = /^\d{3}(?:\d{2}){0,2}$/;
const TOTAL = /^(?:合计|总计)$/;

function isDataStart(reg: Region, r: number): boolean {
  const c = firstNonEmpty(reg.grid, r, reg.c1, reg.c2);
  if (c < 0) return false;
  const t = normKey(reg.grid.text(r, c));
  return TOTAL.test(t) || (CODE.test(t) && /[\u4e00-\u9fa5]/.test(reg.grid.text(r, c + 1) + reg.grid.text(r, c + 2) + reg.grid.text(r, c + 3))) || /^\d{3,7}[^\d]/.test(t);
}

export function readCoded(reg: Region): TableModel | string {
  const { grid } = reg;
  const spec = tableSpec(reg.id);
  let start = -1;
  for (let r = reg.r1; r <= reg.r2; r++)
    if (isDataStart(reg, r)) {
      start = r;
      break;
    }
  if (start < 0) return "找到标题但没有找到数据行（合计行或科目编码）";
  const headRows: number[] = [];
  let seqRow = -1;
  for (let r = reg.r1; r < start; r++) {
    if (isSequenceRow(grid, r, reg.c1, reg.c2)) seqRow = r;
    else if (!isMetaRow(grid, r, reg.c1, reg.c2) && firstNonEmpty(grid, r, reg.c1, reg.c2) >= 0) headRows.push(r);
  }
  if (headRows.length === 0) return "找到标题但没有找到表头";
  const parts = headerParts(grid, headRows, reg.c1, reg.c2);
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
  const firstAmountCol = Math.max(nameCol, split ? split[2] : codeCol) + 1;
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

  // Rows.
  const rows: TRow[] = [];
  let lei = "";
  let kuan = "";
  let last = start;
  for (let r = start; r <= reg.r2; r++) {
    if (isNoteRow(grid, r, reg.c1, reg.c2)) break;
    if (firstNonEmpty(grid, r, reg.c1, reg.c2) < 0) continue;
    let code = "";
    let label = normKey(grid.shown(r, nameCol)) === "" ? "" : String(grid.shown(r, nameCol)).trim();
    if (split) {
      const a = codeText(grid, r, split[0]);
      const b = codeText(grid, r, split[1]);
      const c = codeText(grid, r, split[2]);
      if (a.length === 3) lei = a;
      if (b.length === 2) kuan = b;
      if (a && !b && !c) code = a;
      else if (b && !c) code = (a || lei) + b;
      else if (c) code = (a || lei) + (b || kuan) + c;
    } else {
      code = codeText(grid, r, codeCol);
      if (!code) {
        const m = /^(\d{3,7})\s*(.*)$/.exec(String(grid.text(r, codeCol)).trim());
        if (m) {
          code = m[1];
          if (!label) label = m[2];
        }
      }
    }
    const firstText = normKey(grid.shown(r, split ? split[0] : codeCol)) + normKey(grid.shown(r, nameCol));
    let key: string;
    let level: number;
    if (!code && /合计|总计/.test(firstText)) {
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
    for (const k in colOf) row.cells[k] = makeCell(grid, r, colOf[k], 2);
    rows.push(row);
    last = r;
  }
  const cols = columns.filter((cs) => colOf[cs.key] !== undefined).map((cs) => ({ key: cs.key, name: cs.name }));
  for (const k in colOf) if (!cols.some((x) => x.key === k)) cols.push({ key: k, name: "栏" + k.slice(1) });
  const t = frame(reg, start - 1, last, rows, cols, collectNotes(grid, last + 1, reg.r2, reg.c1, reg.c2), problems);
  t.variant = variant;
  return t;
}
