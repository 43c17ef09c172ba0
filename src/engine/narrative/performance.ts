/**
 * 绩效 tables, found by their header text wherever they are (RULES.md §3.4):
 *  - 项目单位自评汇总表 / 项目支出绩效自评表: a header row with 项目名称, 全年预算数, 全年执行数;
 *  - 部门整体支出绩效自评表: a row with 年初预算数, 全年预算数, 全年执行数 (and 分值/执行率/得分);
 *  - 一级指标 table (指标分值/自评得分/得分率) and the 三级指标 table (一级指标/二级指标/三级指标/分值/得分)
 *    of the 整体绩效自评报告 (usually only in the published document, i.e. a --narrative text).
 */
import { a1 } from "../address";
import { Amount, readAmount } from "../amount";
import { Grid } from "../grid";
import { normKey } from "../text";
import { dict } from "../dict";

export interface PCell extends Amount {
  sheet: string;
  addr: string;
}

export interface ProjectRow {
  name: string;
  nameCell: { sheet: string; addr: string };
  budget: PCell | null;
  exec: PCell | null;
  sys: PCell | null;
  rate: PCell | null;
  score: PCell | null;
  /** Other 得分率 columns by header (资金管理情况得分率, 成本指标得分率 …). */
  rates: { [name: string]: PCell };
}

export interface ProjectTable {
  sheet: string;
  headerRow: number;
  rows: ProjectRow[];
}

export interface WholeTable {
  sheet: string;
  /** 部门预算总额 line. */
  initial: PCell | null;
  budget: PCell | null;
  exec: PCell | null;
  weight: PCell | null;
  rate: PCell | null;
  score: PCell | null;
  rowText: string;
}

export interface LevelRow {
  name: string;
  weight: PCell | null;
  score: PCell | null;
  rate: PCell | null;
  addr: string;
}

export interface IndicatorRow {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: PCell | null;
  actualText: string;
  weight: PCell | null;
  score: PCell | null;
  deviation: PCell | null;
  addr: string;
}

export interface Performance {
  projects: ProjectTable | null;
  whole: WholeTable | null;
  levels: { sheet: string; rows: LevelRow[]; total: LevelRow | null } | null;
  indicators: { sheet: string; rows: IndicatorRow[]; total: LevelRow | null } | null;
}

function cellOf(g: Grid, r: number, c: number): PCell {
  const cell = readAmount(g.value(r, c), g.text(r, c), g.format(r, c), 2, g.formula(r, c)) as PCell;
  cell.sheet = g.name;
  cell.addr = a1(r, c);
  return cell;
}

const HEADER_WORD = /名称|指标|预算/;

/**
 * Cheap pre-test before a row's header map is built: one of the words every 绩效 header row has. It runs on every
 * row of every sheet: the row's values are read directly (as Grid.value reads them), not cell by cell through it.
 */
export function mayBeHeader(g: Grid, r: number): boolean {
  const row = g.sheet.values[r - g.top];
  if (!row) return false;
  const n = Math.min(row.length, 200);
  for (let i = 0; i < n; i++) {
    const v = row[i];
    if (typeof v === "string" && HEADER_WORD.test(v)) return true;
  }
  return false;
}

function headerCols(g: Grid, r: number): { [k: string]: number } {
  const out = dict<number>();
  for (let c = g.left; c < g.right; c++) {
    const k = normKey(g.text(r, c));
    if (k && out[k] === undefined) out[k] = c;
  }
  return out;
}

function find(cols: { [k: string]: number }, re: RegExp): number {
  for (const k in cols) if (re.test(k)) return cols[k];
  return -1;
}

function readProjects(g: Grid, r: number, cols: { [k: string]: number }): ProjectTable {
  const cName = cols["项目名称"];
  const cBudget = find(cols, /^全年预算数?$/);
  const cExec = find(cols, /^全年执行数$/);
  const cSys = find(cols, /系统查询.{0,30}执行数/);
  const cRate = find(cols, /^预算执行率/);
  const cScore = find(cols, /^自评得分|^得分$/);
  const rateCols = dict<number>();
  for (const k in cols) if (/得分率$/.test(k)) rateCols[k] = cols[k];
  const rows: ProjectRow[] = [];
  for (let rr = r + 1; rr < g.bottom; rr++) {
    const name = String(g.text(rr, cName)).trim();
    if (!name) {
      if (rows.length) break;
      continue;
    }
    if (/^(合计|总计|小计)$/.test(normKey(name))) break;
    const pick = (c: number) => (c >= 0 ? cellOf(g, rr, c) : null);
    const rates = dict<PCell>();
    for (const k in rateCols) rates[k] = cellOf(g, rr, rateCols[k]);
    rows.push({ name, nameCell: { sheet: g.name, addr: a1(rr, cName) }, budget: pick(cBudget), exec: pick(cExec), sys: pick(cSys), rate: pick(cRate), score: pick(cScore), rates });
  }
  return { sheet: g.name, headerRow: r, rows };
}

function readWhole(g: Grid, r: number, cols: { [k: string]: number }): WholeTable | null {
  const cInit = find(cols, /^年初预算数?$/);
  const cBudget = find(cols, /^全年预算数?$/);
  const cExec = find(cols, /^全年执行数$/);
  const cWeight = find(cols, /^分值$/);
  const cRate = find(cols, /^执行率$/);
  const cScore = find(cols, /^得分$/);
  for (let rr = r + 1; rr < Math.min(g.bottom, r + 6); rr++) {
    let line = "";
    for (let c = g.left; c < g.right; c++) line += normKey(g.text(rr, c));
    if (!/预算总额|合计|总计/.test(line)) continue;
    const pick = (c: number) => (c >= 0 ? cellOf(g, rr, c) : null);
    return { sheet: g.name, initial: pick(cInit), budget: pick(cBudget), exec: pick(cExec), weight: pick(cWeight), rate: pick(cRate), score: pick(cScore), rowText: line };
  }
  return null;
}

function readLevels(g: Grid, r: number, cols: { [k: string]: number }): { sheet: string; rows: LevelRow[]; total: LevelRow | null } {
  const cName = cols["一级指标"];
  const cWeight = find(cols, /^(指标)?分值$/);
  const cScore = find(cols, /^(自评)?得分$/);
  const cRate = find(cols, /^得分率$/);
  const rows: LevelRow[] = [];
  let total: LevelRow | null = null;
  for (let rr = r + 1; rr < g.bottom; rr++) {
    const name = normKey(g.text(rr, cName));
    if (!name) break;
    const row: LevelRow = { name, weight: cWeight >= 0 ? cellOf(g, rr, cWeight) : null, score: cScore >= 0 ? cellOf(g, rr, cScore) : null, rate: cRate >= 0 ? cellOf(g, rr, cRate) : null, addr: a1(rr, cName) };
    if (/^(合计|总计|总分)$/.test(name)) {
      total = row;
      break;
    }
    if (!row.weight || row.weight.state !== "number") break;
    rows.push(row);
  }
  return { sheet: g.name, rows, total };
}

function readIndicators(g: Grid, r: number, cols: { [k: string]: number }): { sheet: string; rows: IndicatorRow[]; total: LevelRow | null } {
  const c1 = cols["一级指标"];
  const c2 = cols["二级指标"];
  const c3 = cols["三级指标"];
  const cTarget = find(cols, /^年度指标值|^指标值/);
  const cActual = find(cols, /^实际完成值/);
  const cWeight = find(cols, /^分值$/);
  const cScore = find(cols, /^得分$/);
  const cDev = find(cols, /^偏差度/);
  const rows: IndicatorRow[] = [];
  let l1 = "";
  let l2 = "";
  let total: LevelRow | null = null;
  for (let rr = r + 1; rr < g.bottom; rr++) {
    const first = normKey(g.text(rr, g.left));
    const name = normKey(g.text(rr, c3));
    if (/^(总分|合计|总计)$/.test(first)) {
      total = { name: first, weight: cWeight >= 0 ? cellOf(g, rr, cWeight) : null, score: cScore >= 0 ? cellOf(g, rr, cScore) : null, rate: null, addr: a1(rr, g.left) };
      break;
    }
    if (!name) {
      if (rows.length) break;
      continue;
    }
    const t1 = normKey(g.text(rr, c1));
    const t2 = normKey(g.text(rr, c2));
    if (t1) l1 = t1;
    if (t2) l2 = t2;
    rows.push({
      level1: l1,
      level2: l2,
      name,
      target: cTarget >= 0 ? normKey(g.text(rr, cTarget)) : "",
      actual: cActual >= 0 ? cellOf(g, rr, cActual) : null,
      actualText: cActual >= 0 ? normKey(g.text(rr, cActual)) : "",
      weight: cWeight >= 0 ? cellOf(g, rr, cWeight) : null,
      score: cScore >= 0 ? cellOf(g, rr, cScore) : null,
      deviation: cDev >= 0 ? cellOf(g, rr, cDev) : null,
      addr: a1(rr, c3),
    });
  }
  return { sheet: g.name, rows, total };
}

/** Scan grids for the 绩效 tables (first of each kind wins). */
export function findPerformance(grids: Grid[]): Performance {
  const out: Performance = { projects: null, whole: null, levels: null, indicators: null };
  for (const g of grids) {
    const limit = Math.min(g.bottom, g.top + 2000);
    for (let r = g.top; r < limit; r++) {
      if (!mayBeHeader(g, r)) continue;
      const cols = headerCols(g, r);
      if (!out.projects && cols["项目名称"] !== undefined && find(cols, /^全年预算数?$/) >= 0 && find(cols, /^全年执行数$/) >= 0) out.projects = readProjects(g, r, cols);
      else if (!out.whole && find(cols, /^年初预算数?$/) >= 0 && find(cols, /^全年预算数?$/) >= 0 && find(cols, /^全年执行数$/) >= 0) out.whole = readWhole(g, r, cols);
      else if (!out.indicators && cols["三级指标"] !== undefined && cols["一级指标"] !== undefined) out.indicators = readIndicators(g, r, cols);
      else if (!out.levels && cols["一级指标"] !== undefined && cols["三级指标"] === undefined && find(cols, /^(指标)?分值$/) >= 0) out.levels = readLevels(g, r, cols);
    }
  }
  return out;
}
