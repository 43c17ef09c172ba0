/**
 * 功能分类 codes as printed (RULES.md §0.1, §8.1 item 3) and the empty 公开07/08 table (§8.1 item 4).
 */
import { ColumnSpec } from "../layouts";
import { Grid } from "../grid";
import { TableModel } from "../model";
import { normKey } from "../text";
import { codeText, collectNotes, frame, Region } from "./common";
import { firstNonEmpty, headerParts, isMetaRow, isNoteRow, isSequenceRow } from "./header";

/**
 * A code in front of the name: "2010301 行政运行", "2010301-行政运行", "[2010301]行政运行". The separators are taken
 * whole ((?=(…))\2 is an atomic group in ES5): when the separators could also be the first character of the name,
 * a long run of them before a line break took quadratic time (issue 13). Captures: code, separators, name.
 */
const PREFIXED = /^[[【(（]?(\d{3}(?:\d{2}){0,2})[\]】)）]?(?=([\s\-—.．、:：]*))\2(\D.*)?$/;

/**
 * The code of row r from one code column; when that column holds no bare code, a code in front of the text of the
 * code column or of the name column. The label comes back without the code when it was taken from the name.
 */
export function codeOf(grid: Grid, r: number, codeCol: number, nameCol: number): { code: string; label?: string } {
  const bare = codeText(grid, r, codeCol);
  if (bare) return { code: bare };
  for (const c of codeCol === nameCol ? [codeCol] : [codeCol, nameCol]) {
    if (c < 0) continue;
    const m = PREFIXED.exec(String(grid.text(r, c)).trim());
    // In the name column only a 功能分类 code (2xx) counts: a name may start with other figures.
    if (m && (c !== nameCol || c === codeCol || m[1].charAt(0) === "2")) return { code: m[1], label: (m[3] || "").trim() || (c === nameCol ? "" : undefined) };
  }
  return { code: "" };
}

/**
 * The code of row r from 类 | 款 | 项 columns. 款 and 项 are two digits ("03"; a bare 3 is read as 03); a part left
 * blank is carried from the rows above (the 类 printed only on class rows, the 款 only on 款 rows).
 */
export function splitCode(grid: Grid, r: number, split: number[], carry: { lei: string; kuan: string }): string {
  const pad = (s: string) => (s.length === 1 ? "0" + s : s);
  const a = codeText(grid, r, split[0]);
  const b = pad(codeText(grid, r, split[1]));
  const c = pad(codeText(grid, r, split[2]));
  if (a.length === 3) carry.lei = a;
  if (b.length === 2) carry.kuan = b;
  if (a && !b && !c) return a;
  if (b && !c) return (a || carry.lei) + b;
  if (c) return (a || carry.lei) + (b || carry.kuan) + c;
  return "";
}

/** A statement that the table has no data: 「本单位本年度没有…，故本表无数据」「…本表为空表」. */
const EMPTY_WORDS = /无数据|为空表|空表|未发生|无此类|不涉及/;
const NO_SUBJECT = /收入|支出|经费|预算/;

/**
 * Also 「没有…收入/支出/经费/预算」 within one clause. Written without /没有[^，,。]*(?:收入|…)/, which rescans the
 * clause from every 没有 in it (quadratic, issue 13): each clause is searched once from its first 没有.
 */
export function isEmptyStatement(s: string): boolean {
  if (EMPTY_WORDS.test(s)) return true;
  for (const clause of s.split(/[，,。]/)) {
    const at = clause.indexOf("没有");
    if (at >= 0 && NO_SUBJECT.test(clause.slice(at + 2))) return true;
  }
  return false;
}

/**
 * 公开07/08 (and 09) printed with title, headers and a sentence only, no amount row (RULES.md §8.1 item 4): the
 * table is present and empty. Its columns are named from the headers so that the report can show them.
 */
export function emptyTable(reg: Region, columns: ColumnSpec[], variant?: { when: RegExp; columns: ColumnSpec[] }): TableModel | string {
  const { grid } = reg;
  const headRows: number[] = [];
  let end = reg.r2 + 1;
  for (let r = reg.r1; r <= reg.r2; r++) {
    const c = firstNonEmpty(grid, r, reg.c1, reg.c2);
    if (c < 0) continue;
    if (isNoteRow(grid, r, reg.c1, reg.c2) || isEmptyStatement(normKey(grid.text(r, c)))) {
      end = r;
      break;
    }
    if (isSequenceRow(grid, r, reg.c1, reg.c2) || isMetaRow(grid, r, reg.c1, reg.c2)) continue;
    headRows.push(r);
  }
  if (!headRows.length) return "找到标题但没有找到表头";
  const parts = headerParts(grid, headRows, reg.c1, reg.c2);
  const path = (c: number) => parts[c - reg.c1].join("");
  let specs = columns;
  let fund = false;
  if (variant && variant.when.test(parts.map((p) => p.join("")).join("|"))) {
    specs = variant.columns;
    fund = true;
  }
  const taken: { [c: number]: boolean } = {};
  const cols: { key: string; name: string }[] = [];
  for (const cs of specs)
    for (let c = reg.c1; c <= reg.c2; c++) {
      const p = path(c);
      if (taken[c] || p === "" || /编码|代码|名称/.test(p) || !cs.match.test(p)) continue;
      taken[c] = true;
      cols.push({ key: cs.key, name: cs.name });
      break;
    }
  if (!cols.length) return "找到标题但无法识别金额栏";
  const notes = collectNotes(grid, end, reg.r2, reg.c1, reg.c2);
  const t = frame(reg, headRows[headRows.length - 1], headRows[headRows.length - 1], [], cols, notes, []);
  t.emptyStatement = notes.filter((n) => isEmptyStatement(normKey(n)))[0] || "";
  if (fund) t.variant = "fund";
  return t;
}
