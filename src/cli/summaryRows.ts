/**
 * One line per document for the bureau's outputs (issue 12 item 3): the 汇总 workbook's first sheet, the HTML
 * overview and the letters all read the same DocumentLine, so their counts and statuses cannot drift apart.
 *
 * Decisions (the issue is silent):
 *  - status 需整改 when the document has at least one 不符 or 疑点 (a 疑点 asks the unit to verify and explain, so it is
 *    in the letter's 整改清单); 尾差, 提示 and 未审核 alone leave it 通过 (未审核 is counted in its own column beside);
 *    a file that could not be read is 无法读取.
 *  - 单位 and 年度 come from the tables' heads (most tables agree); when no head names them, 单位 is the file name
 *    and 年度 is empty.
 *  - the counts are the engine's summary (the same as the JSON report's `summary`), not recounted here.
 */
import * as path from "path";
import { TABLE_IDS } from "../engine";
import { FileReport } from "./report";

export type DocumentStatus = "通过" | "需整改" | "无法读取";

export interface DocumentLine {
  /** 1-based position on the command line. */
  no: number;
  file: string;
  /** The file's name without folders. */
  name: string;
  /** Department named in the tables' heads, else "". */
  department: string;
  /** YYYY from the tables' heads, else "". */
  year: string;
  /** Tables found of the nine. */
  tablesFound: number;
  errors: number;
  warnings: number;
  tails: number;
  infos: number;
  notChecked: number;
  status: DocumentStatus;
  /** Why the file could not be read (status 无法读取). */
  error: string;
  /** The name of the document's own sheet in the 汇总 workbook (unique, valid). */
  sheet: string;
  /** Last year's document compared with (--previous, --previous-dir), or why none was: "" when not asked. */
  previous: string;
}

/** 「上年.xlsx」, 「上年.xlsx（无法读取：…）」 or 「未配对：…」; "" when no comparison was asked for. */
export function previousText(r: FileReport): string {
  const p = r.previous;
  if (!p) return "";
  if (p.file === null) return "未配对" + (p.note ? "：" + p.note : "");
  return path.basename(p.file) + (p.note ? "（" + p.note + "）" : "");
}

export const TABLE_COUNT = TABLE_IDS.length;

export function statusOf(r: FileReport): DocumentStatus {
  if (!r.ok) return "无法读取";
  return r.summary.errors > 0 || r.summary.warnings > 0 ? "需整改" : "通过";
}

/** What a document is called for people: its department (and year), else its file name. */
export function documentTitle(d: DocumentLine): string {
  if (!d.department) return d.name;
  return d.department + (d.year ? " " + d.year + "年度" : "");
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not starting or ending with ', unique
 * (case-insensitively) among `taken`, and never the overview's name.
 */
export function sheetNameFor(base: string, taken: { [lower: string]: boolean }): string {
  let clean = base.replace(/[\u0000-\u001f\u007f[\]:*?/\\]/g, "").replace(/^'+|'+$/g, "").trim();
  if (!clean) clean = "文件";
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : "(" + i + ")";
    const name = clean.slice(0, 31 - suffix.length).replace(/'+$/, "") + suffix;
    if (!taken[name.toLowerCase()]) {
      taken[name.toLowerCase()] = true;
      return name;
    }
  }
}

export const OVERVIEW_SHEET = "汇总";

export function documentLines(reports: FileReport[]): DocumentLine[] {
  const taken: { [k: string]: boolean } = {};
  taken[OVERVIEW_SHEET.toLowerCase()] = true;
  return reports.map(function (r, i): DocumentLine {
    const name = path.basename(r.file);
    const department = r.department || "";
    const year = r.year || "";
    // "01 单位" keeps the sheets in command-line order and tells two copies of one unit apart.
    const no = i + 1;
    const prefix = (no < 10 ? "0" : "") + no + " ";
    return {
      no: no,
      file: r.file,
      name: name,
      department: department,
      year: year,
      tablesFound: r.tables.length,
      errors: r.summary.errors,
      warnings: r.summary.warnings,
      tails: r.summary.tails,
      infos: r.summary.infos,
      notChecked: r.summary.notChecked || 0,
      status: statusOf(r),
      error: r.ok ? "" : r.error || "",
      previous: previousText(r),
      sheet: sheetNameFor(prefix + (department || name.replace(/\.[^.]*$/, "")), taken),
    };
  });
}
