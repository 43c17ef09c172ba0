/**
 * Sum identities on the tables of real published PDFs (issue 11): reads every PDF of a folder (default
 * ../shared/corpus/pdf/, which is NOT ours: never commit it or anything taken from it) with the PDF reader and, on every
 * table that has 功能分类 or 经济分类 codes, checks the document's own identities:
 *   - per amount column: 合计 = Σ类, 类 = Σ款 (its own), 款 = Σ项 (its own);
 *   - per row: the first amount column (合计/小计) = the sum of the others, where its header says 合计 or 小计.
 * An identity holds when the difference is within what rounding the displayed figures can explain (尾差: half a unit of
 * the last decimal per figure involved), fails otherwise, and cannot be formed when an operand is absent or not a
 * figure (a 类 without 款 rows, text where a figure should be). A blank amount cell counts as 0 (these tables leave
 * zeros blank). Prints the counts per file and in total.
 *
 *   npx tsx scripts/pdf-identities.ts [DIR] [--only yusuan] [--verbose]
 */
import * as fs from "fs";
import * as path from "path";
import Decimal from "decimal.js";
import { readPdfBuffer } from "../src/io/readPdfFile";
import type { SheetSnapshot } from "../src/engine";

interface Count {
  held: number;
  tail: number;
  failed: number;
  unformable: number;
}

const args = process.argv.slice(2);
const verbose = args.indexOf("--verbose") >= 0;
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args[onlyAt + 1] : "yusuan";
/** ../shared seen from the project root (a worktree under /work/wt sees it one level further up). */
const DEFAULT_DIRS = [path.join(__dirname, "..", "..", "shared", "corpus", "pdf"), path.join(__dirname, "..", "..", "..", "shared", "corpus", "pdf")];
const dir = args.filter((a, i) => !a.startsWith("--") && (onlyAt < 0 || i !== onlyAt + 1))[0] || DEFAULT_DIRS.filter((d) => fs.existsSync(d))[0] || DEFAULT_DIRS[0];

function figure(text: string): { v: Decimal; half: Decimal } | null {
  const t = (text || "").replace(/[,，\s]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const dec = (t.split(".")[1] || "").length;
  return { v: new Decimal(t), half: new Decimal(5).times(new Decimal(10).pow(-dec - 1)) };
}

interface Row {
  code: string;
  total: boolean;
  cells: string[];
}

/** Rows of a table sheet: the code (类|款|项 columns joined) or 合计, and the texts of the amount columns. */
function rowsOf(s: SheetSnapshot): { rows: Row[]; amountCols: number[]; firstIsTotal: boolean } {
  const width = s.text[0] ? s.text[0].length : 0;
  const amountCount: number[] = new Array(width).fill(0);
  const marked: boolean[] = new Array(width).fill(false);
  for (const r of s.text)
    r.forEach((t, c) => {
      if (!figure(t)) return;
      amountCount[c]++;
      if (/[.,，]/.test(t)) marked[c] = true;
    });
  const amountCols: number[] = [];
  for (let c = 0; c < width; c++) if (amountCount[c] >= 2 && marked[c]) amountCols.push(c);
  const rows: Row[] = [];
  let firstHeader = "";
  if (amountCols.length) {
    const first = amountCols[0];
    for (let r = 0; r < s.text.length; r++) {
      if (figure(s.text[r][first])) break;
      if (s.text[r][first]) firstHeader = s.text[r][first];
    }
  }
  for (const row of s.text) {
    let code = "";
    for (let c = 0; c < width && (amountCols.length === 0 || c < amountCols[0]); c++) {
      const t = (row[c] || "").replace(/\s+/g, "");
      if (/^\d{2,7}$/.test(t) && (code === "" || /^\d{2}$/.test(t))) code += t;
      else if (t && code) break;
    }
    const total = row.slice(0, amountCols[0] || width).some((t) => /^合\s*计$|^总\s*计$/.test((t || "").trim()));
    if (!code && !total) continue;
    rows.push({ code: /^\d{3}(\d{2}){0,2}$/.test(code) ? code : "", total: total && !code, cells: amountCols.map((c) => row[c] || "") });
  }
  return { rows: rows.filter((r) => r.code || r.total), amountCols, firstIsTotal: /合计|小计/.test(firstHeader) };
}

/** A blank amount cell in a row that has figures is a zero left blank (as these tables print zeros). */
function orZero(t: string): string {
  return (t || "").trim() === "" ? "0" : t;
}

function check(count: Count, whole: string, parts: string[], what: string): void {
  const w = figure(orZero(whole));
  const ps = parts.map((p) => figure(orZero(p)));
  if (!w || ps.some((p) => !p) || parts.length === 0) {
    count.unformable++;
    return;
  }
  let sum = new Decimal(0);
  let tol = w.half;
  for (const p of ps) {
    sum = sum.plus((p as { v: Decimal }).v);
    tol = tol.plus((p as { half: Decimal }).half);
  }
  const diff = w.v.minus(sum).abs();
  if (diff.isZero()) count.held++;
  else if (diff.lte(tol)) count.tail++;
  else {
    count.failed++;
    if (verbose) console.log("    不符 " + what + ": " + whole + " ≠ Σ " + parts.join(" + ") + " = " + sum.toFixed());
  }
}

function identities(s: SheetSnapshot, count: Count): void {
  const { rows, amountCols, firstIsTotal } = rowsOf(s);
  if (amountCols.length === 0 || !rows.some((r) => r.code)) return;
  for (let k = 0; k < amountCols.length; k++) {
    const col = (r: Row) => r.cells[k];
    const classes = rows.filter((r) => r.code.length === 3);
    const total = rows.find((r) => r.total);
    if (total) check(count, col(total), classes.map(col), s.name + " 合计 列" + (k + 1));
    for (const parentLen of [3, 5]) {
      // A level the table does not print at all (经济分类 stops at 款) is no identity.
      if (!rows.some((r) => r.code.length === parentLen + 2)) continue;
      for (const p of rows.filter((r) => r.code.length === parentLen)) {
        const kids = rows.filter((r) => r.code.length === parentLen + 2 && r.code.indexOf(p.code) === 0);
        if (kids.length === 0) count.unformable++;
        else check(count, col(p), kids.map(col), s.name + " " + p.code + " 列" + (k + 1));
      }
    }
  }
  if (firstIsTotal && amountCols.length >= 3) for (const r of rows) check(count, r.cells[0], r.cells.slice(1), s.name + " " + (r.code || "合计") + " 行");
}

async function main(): Promise<void> {
  if (!fs.existsSync(dir)) {
    console.error("没有找到语料文件夹：" + dir);
    process.exit(2);
  }
  const files = fs.readdirSync(dir).filter((f) => /\.pdf$/i.test(f) && f.indexOf(only) >= 0).sort();
  const all: Count = { held: 0, tail: 0, failed: 0, unformable: 0 };
  for (const f of files) {
    const r = await readPdfBuffer(new Uint8Array(fs.readFileSync(path.join(dir, f))), f);
    if (!r.ok) {
      console.log(f + ": " + r.error);
      continue;
    }
    const c: Count = { held: 0, tail: 0, failed: 0, unformable: 0 };
    let tables = 0;
    for (const s of r.snapshot.sheets) {
      const before = c.held + c.tail + c.failed + c.unformable;
      identities(s, c);
      if (c.held + c.tail + c.failed + c.unformable > before) tables++;
    }
    console.log(f + ": " + tables + " 张有编码的表，成立 " + c.held + "，尾差 " + c.tail + "，不符 " + c.failed + "，无法构成 " + c.unformable);
    all.held += c.held;
    all.tail += c.tail;
    all.failed += c.failed;
    all.unformable += c.unformable;
  }
  console.log("合计：成立 " + all.held + "，尾差 " + all.tail + "，不符 " + all.failed + "，无法构成 " + all.unformable);
}

void main();
