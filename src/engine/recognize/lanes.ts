/**
 * 公开06 lanes (RULES.md §8.1 item 2): each lane is a code column, optionally a 款 column (301 | 01), the name one or
 * two columns to the right, then the amount; or, where a document prints names only, a name column and an amount.
 * The 类 read last in a lane is carried down: it completes a 款 printed alone ("01") and decides between names
 * that repeat across 类 (其他支出 = 399 or 39999).
 */
import { economicCodeByName } from "../layouts";
import { TemplatePack, templateFor } from "../templates";
import { Grid } from "../grid";
import { codeText, Region } from "./common";

export const ECON = /^3\d{2}(?:\d{2})?$/;
const CJK = /[\u4e00-\u9fa5]/;
const AMOUNT_HEAD = /决算数|金额|合计|数$/;
/** A 款 printed alone ("01", "1"); made once: laneCode runs for every row of every lane. */
const KUAN = /^\d{1,2}$/;

export interface Lane {
  /** Code column, or -1 when the lane has names only (codes inferred). */
  code: number;
  /** 款 column when the code is split over 类 | 款, else -1. */
  kuan: number;
  name: number;
  amount: number;
  kind?: "personnel" | "public";
  /** The 类 read last in this lane. */
  klass: string;
  /** The pack of the table's own year, for the names of its 经济分类 list (RULES.md §4.2); set for names-only lanes. */
  pack?: TemplatePack;
}

/** The first data row: a 经济分类 code with a name beside it, or (names only) a 类 name such as 工资福利支出. */
export function firstDataRow(reg: Region): number {
  const { grid } = reg;
  for (let r = reg.r1; r <= reg.r2; r++)
    for (let c = reg.c1; c <= reg.c2; c++) {
      if (ECON.test(codeText(grid, r, c)) && CJK.test(grid.text(r, c + 1) + grid.text(r, c + 2) + grid.text(r, c + 3))) return r;
      const byName = economicCodeByName(String(grid.text(r, c)), "", templateFor(undefined, undefined, reg.templates));
      if (byName && byName.length === 3) return r;
    }
  return -1;
}

function count(grid: Grid, from: number, to: number, c: number, test: (t: string) => boolean): number {
  let n = 0;
  for (let r = from; r <= to; r++) if (test(String(grid.text(r, c)).trim())) n++;
  return n;
}

export function findLanes(reg: Region, start: number, leaf: (c: number) => string, path: (c: number) => string, headerless: boolean, year?: string): Lane[] {
  const { grid } = reg;
  const pack = templateFor(year, undefined, reg.templates);
  const end = Math.min(reg.r2, start + 12);
  // A lane under a group header (人员经费 / 公用经费: a lane total's name without 合计) belongs to that lane.
  const kindOf = (c: number) => {
    for (const b of reg.pack.basicTotals) if (path(c).indexOf(b.name.replace(/合计$/, "")) >= 0) return b.lane;
    return undefined;
  };
  const amountAfter = (name: number) => {
    for (let k = name + 1; k <= Math.min(reg.c2, name + 2); k++) if (AMOUNT_HEAD.test(leaf(k)) && !/名称/.test(leaf(k))) return k;
    return name + 1;
  };
  const lanes: Lane[] = [];
  for (let c = reg.c1; c <= reg.c2; c++) {
    let isCode = /编码|代码/.test(leaf(c)) || leaf(c) === "类";
    if (!isCode && headerless) isCode = ECON.test(codeText(grid, start, c));
    if (!isCode) isCode = count(grid, start, end, c, (t) => ECON.test(t)) >= 3 && !/数|金额/.test(leaf(c));
    if (!isCode) continue;
    let codeEnd = c;
    let kuan = -1;
    if (c + 1 <= reg.c2 && (leaf(c + 1) === "款" || count(grid, start, end, c + 1, (t) => /^\d{1,2}$/.test(t)) >= 3)) kuan = codeEnd = c + 1;
    let name = codeEnd + 1;
    for (let k = codeEnd + 1; k <= Math.min(reg.c2, codeEnd + 2); k++)
      if (count(grid, start, end, k, (t) => CJK.test(t)) >= 3) {
        name = k;
        break;
      }
    const amount = amountAfter(name);
    lanes.push({ code: c, kuan, name, amount, kind: kindOf(c), klass: "" });
    c = amount;
  }
  if (lanes.length) return lanes;
  // Names only: a column of standard 经济分类 names.
  for (let c = reg.c1; c <= reg.c2; c++) {
    let klass = "";
    const known = count(grid, start, end, c, (t) => {
      const code = economicCodeByName(t, klass, pack);
      if (code && code.length === 3) klass = code;
      return !!code;
    });
    if (known < 3) continue;
    const amount = amountAfter(c);
    lanes.push({ code: -1, kuan: -1, name: c, amount, kind: kindOf(c), klass: "", pack });
    c = amount;
  }
  return lanes;
}

/** The code of row r in a lane, and whether it was inferred from the name; "" when there is none. */
export function laneCode(grid: Grid, r: number, lane: Lane): { code: string; inferred: boolean } {
  if (lane.code < 0) {
    const code = (lane.pack && economicCodeByName(String(grid.text(r, lane.name)), lane.klass, lane.pack)) || "";
    if (code.length === 3) lane.klass = code;
    return { code, inferred: !!code };
  }
  const a = codeText(grid, r, lane.code);
  let code = a;
  if (lane.kuan >= 0) {
    const b = codeText(grid, r, lane.kuan);
    if (a.length === 3) lane.klass = a;
    if (KUAN.test(b) && a.length !== 5) code = (a.length === 3 ? a : lane.klass) + (b.length === 1 ? "0" + b : b);
  } else if (a.length === 3) lane.klass = a;
  return { code: ECON.test(code) ? code : "", inferred: false };
}
