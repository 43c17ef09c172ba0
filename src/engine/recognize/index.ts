/**
 * Table recognition: every cell whose text is a table title starts a region that runs to the next title on
 * the same sheet; the region is read by the reader of its kind. Sheet names and order play no part.
 */
import { a1 } from "../address";
import { Grid } from "../grid";
import { tableSpec } from "../layouts";
import { TableModel, Tables } from "../model";
import { anyYearTemplate, DEFAULT_TEMPLATES, TableSpec, TemplatePack, templateFor, TemplateSet, yearOfTitles } from "../templates";
import { TableId, TABLE_IDS, WorkbookSnapshot } from "../types";
import { readBasic } from "./basic";
import { readCoded } from "./coded";
import { Region } from "./common";
import { readSangong } from "./sangong";
import { readSummary } from "./summary";
import { matchTitle, mayBeTitle } from "./titles";

export interface Candidate {
  id: TableId;
  sheet: string;
  cell: string;
  table?: TableModel;
  reason?: string;
}

export interface Recognition {
  tables: Tables;
  grids: Grid[];
  /** Every title found, read or not, in workbook order. */
  candidates: Candidate[];
  missing: { id: TableId; reason: string }[];
  /** The template pack the tables were read with (the fiscal year of the titles, templates/index.ts). */
  template?: TemplatePack;
}

interface TitleCell {
  grid: Grid;
  r: number;
  c: number;
  text: string;
}

/** Cells scanned for titles per sheet at most; beyond, the sheet is skimmed (bounded time on huge sheets). */
const SCAN_LIMIT = 2000000;

function readRegion(reg: Region): TableModel | string {
  switch (tableSpec(reg.id, reg.pack).kind) {
    case "summary":
      return readSummary(reg);
    case "coded":
      return readCoded(reg);
    case "basic":
      return readBasic(reg);
    default:
      return readSangong(reg);
  }
}

export function safeGrids(snapshot: WorkbookSnapshot): Grid[] {
  const out: Grid[] = [];
  const sheets = snapshot && Array.isArray(snapshot.sheets) ? snapshot.sheets : [];
  for (const s of sheets) {
    if (!s || !Array.isArray(s.values)) continue;
    try {
      out.push(new Grid(s));
    } catch (_e) {
      /* a sheet that cannot be read is skipped; recognition reports what is missing */
    }
  }
  return out;
}

/** `templates`: the declared packs to choose from (default: the project's); the one selected is `template`. */
export function recognize(snapshot: WorkbookSnapshot, templates: TemplateSet = DEFAULT_TEMPLATES): Recognition {
  const grids = safeGrids(snapshot);
  // Title cells by the titles of any declared year; their year selects the pack; the titles are then matched again
  // against that pack alone (templates/index.ts).
  const found = titleCells(grids, anyYearTemplate(templates).tables);
  const template = templateFor(yearOfTitles(found.map((f) => headText(f.grid, f.r, f.c))), undefined, templates);
  return readAll(grids, found, template, templates);
}

/**
 * Every cell whose text is a title of `tables`. A function of its own: this loop visits every cell of every sheet, so
 * V8 optimises it in each worker, and compiling this small loop costs far less than compiling recognize() whole.
 */
function titleCells(grids: Grid[], tables: TableSpec[]): TitleCell[] {
  const found: TitleCell[] = [];
  for (const grid of grids) {
    let scanned = 0;
    const values = grid.sheet.values;
    for (let r = grid.top; r < grid.bottom && scanned < SCAN_LIMIT; r++) {
      // the row's values read directly (grid.value per cell was a call per cell of every sheet); same cells, same order
      const row = values[r - grid.top];
      scanned += grid.right - grid.left;
      if (!row) continue;
      for (let c = grid.left; c < grid.right; c++) {
        const v = row[c - grid.left];
        if (typeof v !== "string" || !mayBeTitle(v)) continue;
        if (matchTitle(v, tables)) found.push({ grid, r, c, text: v });
      }
    }
  }
  return found;
}

/** The title's text with the head lines around it (the line above, the three below): where the 「YYYY 年度」 is printed. */
function headText(grid: Grid, r: number, c: number): string {
  const parts = [String(grid.value(r, c))];
  const right = Math.min(grid.right, c + 30);
  for (let rr = Math.max(grid.top, r - 1); rr <= Math.min(grid.bottom - 1, r + 3); rr++)
    for (let cc = grid.left; cc < right; cc++) {
      const v = grid.value(rr, cc);
      if (typeof v === "string" && v.indexOf("年") >= 0 && v.length <= 60 && !(rr === r && cc === c)) parts.push(v);
    }
  return parts.join(" ");
}

function readAll(grids: Grid[], found: TitleCell[], template: TemplatePack, templates: TemplateSet): Recognition {
  const candidates: Candidate[] = [];
  for (const grid of grids) {
    const titles: { r: number; c: number; id: TableId; title: string }[] = [];
    for (const f of found) {
      if (f.grid !== grid) continue;
      const m = matchTitle(f.text, template.tables);
      if (m) titles.push({ r: f.r, c: f.c, id: m.id, title: m.title });
    }
    for (let i = 0; i < titles.length; i++) {
      const t = titles[i];
      let r2 = grid.bottom - 1;
      for (let j = i + 1; j < titles.length; j++) if (titles[j].r > t.r) { r2 = titles[j].r - 1; break; }
      // Two titles on one row: tables side by side; each gets the columns up to the next title.
      let c2 = grid.right - 1;
      for (const o of titles) if (o.r === t.r && o.c > t.c && o.c - 1 < c2) c2 = o.c - 1;
      const sameRowLeft = titles.filter((o) => o.r === t.r && o.c < t.c).length > 0;
      const c1 = sameRowLeft ? t.c : grid.left;
      const reg: Region = { grid, id: t.id, title: t.title, titleRow: t.r, r1: t.r + 1, r2, c1, c2, pack: template, templates };
      let res: TableModel | string;
      try {
        res = readRegion(reg);
      } catch {
        // a Chinese reason, never the program's own (English) error text (issue 13 item 6)
        res = "读取表格时出现内部错误，未能读取此表；请将此文件反馈给开发者";
      }
      const cand: Candidate = { id: t.id, sheet: grid.name, cell: a1(t.r, t.c) };
      if (typeof res === "string") cand.reason = res;
      else cand.table = res;
      candidates.push(cand);
    }
  }
  const tables: Tables = {};
  const missing: { id: TableId; reason: string }[] = [];
  for (const id of TABLE_IDS) {
    const mine = candidates.filter((c) => c.id === id);
    // A visible copy is preferred to one on a hidden sheet; otherwise the first in workbook order.
    const ok = mine.filter((c) => c.table);
    const chosen = ok.filter((c) => !c.table!.sheetHidden)[0] || ok[0];
    if (chosen) tables[id] = chosen.table;
    else if (mine.length) missing.push({ id, reason: "在“" + mine[0].sheet + "”" + mine[0].cell + " 找到标题“" + tableSpec(id, template).name + "”，但" + mine[0].reason });
    else missing.push({ id, reason: "工作簿中没有找到标题为“" + tableSpec(id, template).name + "”的表" });
  }
  return { tables, grids, candidates, missing, template };
}
