/**
 * `npm run corpus -- DIR [--verbose]` (issue 8 §5): audits every workbook (.xlsx/.xls) under DIR, recursively, and
 * compares each with its hand-verified expectation test/corpus/<name>.expected.json (scripts/corpusCompare.ts).
 * Prints per document: tables found (of 9), expected findings reported (k of n), unexpected errors and warnings
 * (listed), findings linked to an expected root, unchecked counts; then the totals.
 *
 * Exit code: 0 all as expected; 1 a required finding is missing, a false error appears, a table is not found, a
 * forbidden finding appears, an expectation is missing or a workbook cannot be read; 2 usage error or no workbook.
 *
 * Decision where the issue is silent: each document is audited from its workbook alone. The corpus workbooks
 * hold the 情况说明 as a sheet, which the engine finds by its headings; a `<name>.narrative.txt` beside it holds the
 * same text and is not passed (passing it would replace the sheet and only add an N-SOURCE note).
 * Not part of jest: `npm test` must not need ../shared.
 */
import * as fs from "fs";
import * as path from "path";
import { auditWorkbook } from "../src/engine";
import type { Finding } from "../src/engine/types";
import { readWorkbookFile } from "../src/io/readWorkbookFile";
import { Comparison, compare, Expectation, validateExpectation } from "./corpusCompare";

const REPO = path.join(__dirname, "..");
const EXPECTATIONS = path.join(REPO, "test", "corpus");

function workbooks(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    const names = fs.readdirSync(d).sort();
    for (const n of names) {
      const p = path.join(d, n);
      const st = fs.statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.xlsx?$/i.test(n) && n.charAt(0) !== "~") out.push(p);
    }
  };
  walk(dir);
  return out;
}

const SEV: { [s: string]: string } = { error: "不符", warning: "疑点", tail: "尾差", info: "说明" };

function line(f: Finding): string {
  const where = f.cell ? f.sheet + "!" + f.cell : f.sheet;
  const figures = f.actual !== null || f.expected !== null ? "  实际 " + f.actual + " / 应为 " + f.expected + (f.difference ? "，差额 " + f.difference : "") : "";
  const msg = f.message.length > 160 ? f.message.slice(0, 160) + "…" : f.message;
  return "[" + (SEV[f.severity] || f.severity) + "] " + f.rule + " " + (f.table || "—") + " " + where + figures + "  " + msg;
}

interface Totals {
  documents: number;
  tablesFound: number;
  tablesExpected: number;
  required: number;
  reported: number;
  falseErrors: number;
  unexpectedWarnings: number;
  unexpectedOther: number;
  linked: number;
  violations: number;
  notChecked: number;
  failures: number;
}

function printComparison(c: Comparison, verbose: boolean): void {
  const found = c.required.filter((r) => r.found).length;
  const p = (s: string) => process.stdout.write(s + "\n");
  p("  表：找到 " + c.tablesFound + "/" + c.tablesExpected + (c.missingTables.length ? "（缺：" + c.missingTables.join("、") + "）" : ""));
  p("  预期结果：已报告 " + found + "/" + c.required.length + "，与其一致的结果共 " + c.expected.length + " 条");
  for (const r of c.required) if (!r.found) p("    缺少 " + r.entry.id + "：" + describe(r.entry) + (r.entry.note ? "（" + r.entry.note + "）" : ""));
  const roots = c.falseErrors.filter((f) => !f.cause).length;
  p("  意外不符（误报）：" + c.falseErrors.length + (c.falseErrors.length > roots ? "（其中根源 " + roots + " 条，其余 " + (c.falseErrors.length - roots) + " 条经 cause 归于某个根源）" : ""));
  for (const f of c.falseErrors) p("    " + line(f));
  p("  意外疑点：" + c.unexpectedWarnings.length);
  for (const f of c.unexpectedWarnings) p("    " + line(f));
  const other = c.unexpected.filter((f) => f.severity === "tail" || f.severity === "info");
  p("  意外尾差/说明：" + other.filter((f) => f.severity === "tail").length + "/" + other.filter((f) => f.severity === "info").length);
  if (verbose) for (const f of other) p("    " + line(f));
  p("  归于预期根源的结果：" + c.linked.length);
  if (verbose) for (const f of c.linked) p("    " + line(f) + "  ← " + f.cause);
  if (c.violations.length) {
    p("  不应出现却出现：" + c.violations.length);
    for (const v of c.violations) p("    " + v.entry.id + (v.entry.note ? "（" + v.entry.note + "）" : "") + "：" + line(v.finding));
  }
  const reasons = Object.keys(c.notCheckedByReason).map((k) => k + " " + c.notCheckedByReason[k]);
  p("  未审核：" + c.notChecked + (reasons.length ? "（" + reasons.join("，") + "）" : ""));
  p("  结论：" + (c.ok ? "符合预期" : "不符合预期"));
}

function describe(x: { rule?: string | string[]; table?: string | string[]; cell?: string | string[]; severity?: string | string[]; actual?: string; expected?: string; difference?: string }): string {
  const j = (v: string | string[] | undefined) => (v === undefined ? "" : Array.isArray(v) ? v.join("|") : v);
  const parts = [j(x.rule), j(x.table), j(x.cell), j(x.severity)].filter((s) => s);
  if (x.actual !== undefined || x.expected !== undefined) parts.push((x.actual || "?") + " vs " + (x.expected || "?"));
  if (x.difference !== undefined) parts.push("差 " + x.difference);
  return parts.join(" ");
}

function main(argv: string[]): number {
  const args = argv.filter((a) => a.charAt(0) !== "-");
  const verbose = argv.indexOf("--verbose") >= 0 || argv.indexOf("-v") >= 0;
  if (args.length !== 1) {
    process.stderr.write("用法：npm run corpus -- 目录 [--verbose]\n");
    return 2;
  }
  const dir = args[0];
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    process.stderr.write("不是目录：" + dir + "\n");
    return 2;
  }
  const files = workbooks(dir);
  if (files.length === 0) {
    process.stderr.write("目录中没有 .xlsx/.xls 文件：" + dir + "\n");
    return 2;
  }
  const t: Totals = { documents: 0, tablesFound: 0, tablesExpected: 0, required: 0, reported: 0, falseErrors: 0, unexpectedWarnings: 0, unexpectedOther: 0, linked: 0, violations: 0, notChecked: 0, failures: 0 };
  const rows: string[] = [];
  for (const file of files) {
    const name = path.basename(file).replace(/\.xlsx?$/i, "");
    process.stdout.write(name + "  (" + path.relative(process.cwd(), file) + ")\n");
    t.documents++;
    const expPath = path.join(EXPECTATIONS, name + ".expected.json");
    let e: Expectation;
    if (!fs.existsSync(expPath)) {
      process.stdout.write("  没有预期文件 " + path.relative(process.cwd(), expPath) + "：每条不符都算误报\n");
      e = { document: name, tables: 9, expected: [] };
      t.failures++;
    } else {
      e = JSON.parse(fs.readFileSync(expPath, "utf8")) as Expectation;
      const problems = validateExpectation(e);
      if (e.document !== name) problems.push("document 应为 " + name);
      if (problems.length) {
        process.stdout.write("  预期文件有误：" + problems.join("；") + "\n");
        t.failures++;
        continue;
      }
    }
    const read = readWorkbookFile(file);
    if (!read.ok) {
      process.stdout.write("  无法读取：" + read.error + "\n");
      t.failures++;
      continue;
    }
    const c = compare(auditWorkbook(read.snapshot), e);
    printComparison(c, verbose);
    const reported = c.required.filter((r) => r.found).length;
    t.tablesFound += c.tablesFound;
    t.tablesExpected += c.tablesExpected;
    t.required += c.required.length;
    t.reported += reported;
    t.falseErrors += c.falseErrors.length;
    t.unexpectedWarnings += c.unexpectedWarnings.length;
    t.unexpectedOther += c.unexpected.length - c.falseErrors.length - c.unexpectedWarnings.length;
    t.linked += c.linked.length;
    t.violations += c.violations.length;
    t.notChecked += c.notChecked;
    if (!c.ok) t.failures++;
    rows.push("| " + name + " | " + c.tablesFound + "/" + c.tablesExpected + " | " + reported + "/" + c.required.length + " | " + c.falseErrors.length + " | " + c.unexpectedWarnings.length + " | " + c.linked.length + " | " + c.notChecked + " |");
    process.stdout.write("\n");
  }
  const p = (s: string) => process.stdout.write(s + "\n");
  p("合计 · Totals");
  p("| document | tables found | expected findings reported | false errors | unexpected warnings | linked to an expected root | 未审核 |");
  p("|---|---|---|---|---|---|---|");
  rows.forEach(p);
  p("| **total** (" + t.documents + ") | " + t.tablesFound + "/" + t.tablesExpected + " | " + t.reported + "/" + t.required + " | " + t.falseErrors + " | " + t.unexpectedWarnings + " | " + t.linked + " | " + t.notChecked + " |");
  if (t.violations) p("不应出现却出现的结果：" + t.violations);
  p(t.failures === 0 ? "全部符合预期。" : t.failures + " 个文件不符合预期。");
  return t.failures === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
