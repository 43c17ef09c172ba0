/**
 * A RuleTester in the spirit of ESLint's (issue 9 §2): for one rule id, cases where it passes and cases where it
 * fires, each an edit of the sample workbook (or of its narrative) built in the test. Cells are named by table,
 * row key and column key (as in catalogue.ts: "公开01 L27 c1", "公开03 2010301 c3", "公开06 301 amt"), resolved
 * on the sample, so a case reads like the rule.
 *
 * - passes: the rule reports nothing and leaves nothing 未审核.
 * - fires: the rule's findings are exactly the listed ones ("error 公开01 L27 c1" = severity, then the cell), in
 *   any order; each listed cell must be the finding's checked cell.
 */
import * as fs from "fs";
import { auditWithPrevious, auditWorkbook, DEFAULT_TEMPLATES, runAudit, Severity, withYear, WorkbookSnapshot } from "../../src/engine";
import { TemplatePatch } from "../../src/engine/templates/types";
import { Decimal } from "../../src/engine/decimal";
import { money } from "../../src/engine/messages";
import { sampleSnapshot, SAMPLE_TEXT } from "../fixtures/sample";

/** "公开01 L27 c1": a cell of the sample's recognised tables. */
export type CellName = string;

export interface Case {
  name: string;
  /** New displayed text for a cell, or "+1" / "-0.01" to change its amount. A cell outside the nine tables is "sheet!A1". */
  set?: { [cell: CellName]: string };
  /** Audit with the sample's narrative text, after these replacements (each must occur in the text). */
  narrative?: [from: string, to: string][];
  /** New stored value of a cell, its displayed text kept (hidden decimals, S.4). */
  store?: { [cell: CellName]: number };
  /** Sheets removed from the workbook. */
  drop?: string[];
  /** Sheets hidden. */
  hide?: string[];
  /** Sheets copied to the end of the workbook under the name "<name> (2)". */
  copy?: string[];
  /** Table notes (lines under a table) removed: every cell whose text contains this. */
  eraseText?: string[];
  /** Text replaced inside the cells of one sheet (titles, headers). */
  replace?: { sheet: string; from: string; to: string }[];
  /** Last year's document given with the audit (issue 12, --previous): built in the test, named "2023.xlsx". */
  previous?: () => WorkbookSnapshot;
  /**
   * Cells written as displayed text ("公开07表!D9": "10.00"); a figure is stored as a number, unless written with a
   * leading apostrophe as in Excel ("'229": a code typed as text); the sheet grows as needed.
   */
  write?: { [sheetCell: string]: string };
  /** Sheets appended to the workbook, each row the displayed texts of its cells (绩效 tables of a report …). */
  add?: { name: string; rows: string[][] }[];
  /** Amount columns of a sheet moved `by` rows (down when positive) from row `from` (1-based) on, as a misaligned paste does. */
  shift?: { sheet: string; cols: string[]; from: number; by: number };
  /** A template pack given to the audit as the 2024 pack with these differences (a malformed fact, for S.9). */
  patch?: TemplatePatch;
}

export interface RuleTests {
  rule: string;
  passes: Case[];
  fires: (Case & { findings: string[] })[];
}

const base = sampleSnapshot();
const rec = runAudit(base).recognition;
const text = fs.readFileSync(SAMPLE_TEXT, "utf8");

/** "公开01 L27 c1" → { sheet, addr } on the sample. */
export function resolve(name: CellName): { sheet: string; addr: string } {
  const [t, row, col] = name.split(" ");
  const table = (rec.tables as { [k: string]: { sheet: string; rows: { key: string; cells: { [c: string]: { addr: string } } }[] } | undefined })[t];
  if (!table) throw new Error("no table " + t);
  const r = table.rows.find((x) => x.key === row);
  if (!r || !r.cells[col]) throw new Error("no cell " + name);
  return { sheet: table.sheet, addr: r.cells[col].addr };
}

function rc(addr: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]) - 1, c: c - 1 };
}

export function build(k: Case): { snapshot: WorkbookSnapshot; narrative?: string; previous?: WorkbookSnapshot } {
  let sheets = base.sheets.map((s) => ({
    ...s,
    values: s.values.map((row) => row.slice()),
    text: s.text.map((row) => row.slice()),
    formats: s.formats && s.formats.map((row) => row.slice()),
    formulas: s.formulas && s.formulas.map((row) => row.slice()),
  }));
  for (const name of Object.keys(k.set || {})) {
    const bang = name.lastIndexOf("!");
    const { sheet, addr } = bang > 0 ? { sheet: name.slice(0, bang), addr: name.slice(bang + 1) } : resolve(name);
    const s = sheets.find((x) => x.name === sheet);
    if (!s) throw new Error("no sheet " + sheet);
    const { r, c } = rc(addr);
    const spec = k.set![name];
    const old = s.text[r][c].replace(/,/g, "") || "0";
    const v = /^[+-]/.test(spec) ? new Decimal(old).plus(spec) : new Decimal(spec.replace(/,/g, ""));
    s.values[r][c] = v.toNumber();
    s.text[r][c] = money(v, 2);
  }
  for (const name of Object.keys(k.store || {})) {
    const { sheet, addr } = resolve(name);
    const s = sheets.find((x) => x.name === sheet)!;
    const { r, c } = rc(addr);
    s.values[r][c] = k.store![name];
  }
  for (const needle of k.eraseText || []) {
    let hit = false;
    for (const s of sheets)
      s.text.forEach((row, r) =>
        row.forEach((t, c) => {
          if (t.indexOf(needle) >= 0) {
            s.text[r][c] = "";
            s.values[r][c] = null;
            hit = true;
          }
        }),
      );
    if (!hit) throw new Error("text not found: " + needle);
  }
  for (const rp of k.replace || []) {
    const s = sheets.find((x) => x.name === rp.sheet);
    let hit = false;
    if (s)
      s.text.forEach((row, r) =>
        row.forEach((t, c) => {
          if (t.indexOf(rp.from) < 0) return;
          s.text[r][c] = t.split(rp.from).join(rp.to);
          if (typeof s.values[r][c] === "string") s.values[r][c] = s.text[r][c];
          hit = true;
        }),
      );
    if (!hit) throw new Error("text not found on " + rp.sheet + ": " + rp.from);
  }
  for (const name of Object.keys(k.write || {})) {
    const bang = name.lastIndexOf("!");
    const s = sheets.find((x) => x.name === name.slice(0, bang));
    if (!s) throw new Error("no sheet " + name);
    const { r, c } = rc(name.slice(bang + 1));
    grow(s, r - s.top, c - s.left);
    // a merged area over the cell (a note row written over) is unmerged, as typing into it after Unmerge would be
    s.merges = s.merges.filter((m) => {
      const [a, b] = m.split(":").map(rc);
      return !(a.r <= r && r <= (b || a).r && a.c <= c && c <= (b || a).c);
    });
    const spec = k.write![name];
    const t = spec.replace(/^'/, "");
    s.text[r - s.top][c - s.left] = t;
    s.values[r - s.top][c - s.left] = t === "" ? null : t === spec && FIGURE.test(t) ? Number(t.replace(/,/g, "")) : t;
  }
  if (k.shift) {
    const sh = k.shift;
    const s = sheets.find((x) => x.name === sh.sheet)!;
    for (const col of sh.cols) {
      const c = rc(col + "1").c - s.left;
      const from = sh.from - 1 - s.top;
      const old = s.text.map((row, i) => ({ t: row[c], v: s.values[i][c] }));
      for (let i = from; i < s.text.length; i++) {
        const src = old[i - sh.by];
        s.text[i][c] = src && i - sh.by >= from ? src.t : "";
        s.values[i][c] = src && i - sh.by >= from ? src.v : null;
      }
    }
  }
  for (const a of k.add || []) {
    const width = Math.max(...a.rows.map((r) => r.length));
    const text = a.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] || ""));
    sheets.push({ name: a.name, visibility: "visible", top: 0, left: 0, merges: [], formats: undefined, formulas: undefined, text, values: text.map((r) => r.map((t) => (t === "" ? null : FIGURE.test(t) ? Number(t.replace(/,/g, "")) : t))) });
  }
  for (const name of k.hide || []) sheets.find((x) => x.name === name)!.visibility = "hidden";
  for (const name of k.copy || []) {
    const s = sheets.find((x) => x.name === name)!;
    sheets.push({ ...s, name: name + " (2)", values: s.values.map((row) => row.slice()), text: s.text.map((row) => row.slice()) });
  }
  if (k.drop) sheets = sheets.filter((s) => k.drop!.indexOf(s.name) < 0);
  let narrative: string | undefined;
  if (k.narrative) {
    narrative = text;
    for (const [from, to] of k.narrative) {
      if (narrative.indexOf(from) < 0) throw new Error("narrative text not found: " + from);
      narrative = narrative.split(from).join(to);
    }
  }
  return { snapshot: { ...base, sheets }, narrative, previous: k.previous ? k.previous() : undefined };
}

const FIGURE = /^-?[\d,]+(\.\d+)?$/;

/** Make a sheet's grids (values, text, formats, formulas) reach row r and column c (0-based within the sheet). */
function grow(s: { values: unknown[][]; text: string[][]; formats?: string[][]; formulas?: (string | null)[][] }, r: number, c: number): void {
  const width = Math.max(c + 1, s.text.length ? s.text[0].length : 0);
  const fill = <T>(g: T[][] | undefined, blank: T) => {
    if (!g) return;
    while (g.length <= r) g.push([]);
    for (const row of g) while (row.length < width) row.push(blank);
  };
  fill(s.values, null);
  fill(s.text, "");
  fill(s.formats, "General");
  fill(s.formulas, null);
}

/** The rule's outcome on one case: its findings as "severity sheet!cell", and its 未审核 count. */
export function outcome(rule: string, k: Case): { findings: string[]; unchecked: number } {
  const { snapshot, narrative, previous } = build(k);
  const r = (previous ? auditWithPrevious : auditWorkbook)(snapshot, {
    ...(narrative !== undefined ? { narrative } : {}),
    ...(previous ? { previous: { snapshot: previous, name: "2023.xlsx" } } : {}),
    ...(k.patch ? { templates: withYear(DEFAULT_TEMPLATES, "2024", k.patch) } : {}),
  });
  return {
    findings: r.findings.filter((f) => f.rule === rule).map((f) => f.severity + " " + f.sheet + "!" + (f.cell || "")).sort(),
    unchecked: (r.notChecked || []).filter((n) => n.rule === rule).length,
  };
}

/** "error 公开01 L27 c1" → "error 公开01表!C33"; "info 情况说明 A12" style names are kept as written. */
export function expected(spec: string): string {
  const [sev, ...rest] = spec.split(" ");
  if (["error", "warning", "tail", "info"].indexOf(sev as Severity) < 0) throw new Error("bad severity in " + spec);
  if (rest.length === 3) {
    const c = resolve(rest.join(" "));
    return sev + " " + c.sheet + "!" + c.addr;
  }
  return sev + " " + rest.join(" ");
}

export function ruleTests(suite: RuleTests[]): void {
  for (const t of suite) {
    describe(t.rule, () => {
      for (const k of t.passes)
        test("passes: " + k.name, () => {
          expect(outcome(t.rule, k)).toEqual({ findings: [], unchecked: 0 });
        });
      for (const k of t.fires)
        test("fires: " + k.name, () => {
          expect(outcome(t.rule, k).findings).toEqual(k.findings.map(expected).sort());
        });
    });
  }
}
