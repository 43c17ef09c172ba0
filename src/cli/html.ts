/**
 * `--format html` (issue 12 item 3): one self-contained HTML file for the bureau's reviewer — the overview of the
 * batch (one row per document, sortable and filterable), the status of every table at a glance (the pane's board,
 * present/board.ts) and a drill-down per document with its findings and its 未审核 items.
 *
 * Everything is rendered here as escaped HTML, so the page reads without JavaScript; the small inline script
 * (htmlAssets.ts) only sorts, filters and opens a document. No external request: a CSP meta allows nothing but the
 * inline style and that one script, by its hash.
 */
import { createHash } from "crypto";
import type { AuditResult, Finding } from "../engine";
import { boardCells, cellParts } from "../present/board";
import { groupFindings } from "../present/groups";
import { figureWords, SEVERITY_LABEL, SEVERITY_ORDER } from "../present/labels";
import { qualify } from "../present/address";
import { previousLine } from "../present/letter";
import { groupUnchecked, uncheckedText } from "../present/unchecked";
import { HTML_SCRIPT, HTML_STYLE } from "./htmlAssets";
import { FileReport, ToolInfo } from "./report";
import { DocumentLine, TABLE_COUNT, documentLines, documentTitle } from "./summaryRows";

/** Text for HTML content and attribute values: & < > " ' escaped. */
export function esc(s: string | null | undefined): string {
  return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
}

function board(r: FileReport): string {
  if (!r.ok) return '<span class="cell cell-missing">无法读取</span>';
  const cells = boardCells(r as AuditResult, r.findings, r.findings, false);
  return cells
    .map((c) => {
      const parts = cellParts(c);
      const label = c.table + "：" + parts.map((p) => p.text).join("，");
      return (
        '<span class="cell cell-' + esc(parts[0].kind) + '" data-table-status="' + esc(c.table) + '" title="' + esc(label) + '">' +
        '<b>' + esc(c.table.replace("公开", "")) + "</b>" +
        parts.map((p) => '<i class="part-' + esc(p.kind) + '">' + esc(p.text) + "</i>").join("") +
        "</span>"
      );
    })
    .join("");
}

const STATUS_RANK: { [s: string]: number } = { 无法读取: 0, 需整改: 1, 通过: 2 };

function num(n: number, unread: boolean): string {
  return unread ? "<td class=\"n\" data-v=\"-1\"></td>" : '<td class="n" data-v="' + n + '">' + n + "</td>";
}

function overviewRow(d: DocumentLine, r: FileReport): string {
  const unread = d.status === "无法读取";
  const search = [d.department, d.name, d.file, d.year, d.status].join(" ");
  return (
    '<tr data-status="' + esc(d.status) + '" data-search="' + esc(search.toLowerCase()) + '" data-doc="' + d.no + '">' +
    '<td class="n" data-v="' + d.no + '">' + d.no + "</td>" +
    '<td data-v="' + esc(d.department || d.name) + '"><a href="#doc-' + d.no + '">' + esc(d.department || d.name) + "</a></td>" +
    '<td data-v="' + esc(d.year) + '">' + esc(d.year) + "</td>" +
    '<td class="file" data-v="' + esc(d.file) + '">' + esc(d.file) + "</td>" +
    (unread ? num(0, true) : '<td class="n" data-v="' + d.tablesFound + '">' + d.tablesFound + "/" + TABLE_COUNT + "</td>") +
    num(d.errors, unread) + num(d.warnings, unread) + num(d.tails, unread) + num(d.notChecked, unread) +
    '<td data-v="' + STATUS_RANK[d.status] + '"><span class="status status-' + esc(d.status) + '">' + esc(d.status) + "</span></td>" +
    '<td class="board">' + board(r) + "</td>" +
    "</tr>"
  );
}

/** The cell (or page, once a PDF is read), and last year's place when the finding compared with it. */
function where(f: Finding): string {
  const at = f.location || (typeof f.page === "number" && f.page > 0 ? "第 " + f.page + " 页 " : "") + (f.cell ? qualify(f.sheet, f.cell) : f.sheet);
  const prev = previousLine(f);
  return at + (prev ? "\n上年：" + prev : "");
}

function figures(f: Finding): string {
  const w = figureWords(f);
  const parts: string[] = [];
  if (f.actual !== null && f.actual !== undefined) parts.push(w.actual + " " + f.actual);
  if (f.expected !== null && f.expected !== undefined) parts.push(w.expected + " " + f.expected);
  if (f.difference !== null && f.difference !== undefined) parts.push("差额 " + f.difference);
  if (f.tolerance !== null && f.tolerance !== undefined) parts.push("允许误差 ±" + f.tolerance);
  return parts.join("\n");
}

function findingRows(r: FileReport): string {
  const all = { error: true, warning: true, tail: true, info: true };
  const out: string[] = [];
  groupFindings(r.findings, { severities: all, table: "" }).forEach((g) => {
    // 不符 first, as in the pane: blocks of a root and the echoes under it, ordered by the root's severity (stable).
    const blocks: (typeof g.rows)[] = [];
    g.rows.forEach((row) => (row.echo && blocks.length ? blocks[blocks.length - 1].push(row) : blocks.push([row])));
    const rank = (b: typeof g.rows) => SEVERITY_ORDER.indexOf(r.findings[b[0].index].severity);
    const ordered = blocks.map((b, i) => ({ b: b, i: i })).sort((x, y) => rank(x.b) - rank(y.b) || x.i - y.i);
    ([] as typeof g.rows).concat(...ordered.map((x) => x.b)).forEach((row) => {
      const f = r.findings[row.index];
      out.push(
        '<tr class="sev-' + esc(f.severity) + (row.echo ? " echo" : "") + '" data-table="' + esc(g.table) + '" data-severity="' + esc(f.severity) + '">' +
          "<td>" + esc(SEVERITY_LABEL[f.severity]) + "</td>" +
          "<td>" + esc(g.table) + "</td>" +
          '<td class="loc">' + esc(where(f)) + "</td>" +
          "<td>" + esc(f.rule) + "</td>" +
          '<td class="fig">' + esc(figures(f)) + "</td>" +
          '<td class="msg">' + (row.echo ? "↳ " : "") + esc(f.message) + (f.excerpt ? '<div class="excerpt">「' + esc(f.excerpt) + "」</div>" : "") + "</td>" +
          "</tr>",
      );
    });
  });
  return out.join("\n");
}

function documentSection(d: DocumentLine, r: FileReport): string {
  const head =
    '<section class="doc" id="doc-' + d.no + '" data-status="' + esc(d.status) + '"><details>' +
    "<summary><h2>" + d.no + ". " + esc(documentTitle(d)) + ' <span class="status status-' + esc(d.status) + '">' + esc(d.status) + "</span></h2></summary>" +
    '<p class="meta">文件：' + esc(d.file) + (r.unit ? "；金额单位：" + esc(r.unit) : "") + (d.previous ? "；上年文件：" + esc(d.previous) : "") + "</p>";
  if (!r.ok) return head + '<p class="unread">无法读取：' + esc(d.error) + "</p></details></section>";
  const counts = "不符 " + d.errors + "，疑点 " + d.warnings + "，尾差 " + d.tails + "，提示 " + d.infos + "，未审核 " + d.notChecked + "；检查 " + r.summary.checks + " 项，通过 " + r.summary.passed + " 项";
  const unchecked = groupUnchecked(r.notChecked);
  return (
    head +
    '<p class="meta">' + esc(counts) + "；表 " + d.tablesFound + "/" + TABLE_COUNT + (r.missing.length ? "，缺 " + esc(r.missing.join("、")) : "") + "</p>" +
    '<div class="board big" role="group" aria-label="各表审核状态（点击筛选）">' + board(r) + "</div>" +
    '<p class="hint">点击上面的表只看该表的结果；再点一次显示全部。</p>' +
    (r.findings.length
      ? '<table class="findings"><thead><tr><th>结果</th><th>表</th><th>位置</th><th>规则</th><th>数字</th><th>内容</th></tr></thead><tbody>' + findingRows(r) + "</tbody></table>"
      : "<p>未发现问题。</p>") +
    "<h3>未审核（" + r.summary.notChecked + " 项）</h3>" +
    (unchecked.length ? "<ul>" + unchecked.map((g) => "<li>" + esc(uncheckedText(g)) + "</li>").join("") + "</ul>" : "<p>无</p>") +
    "</details></section>"
  );
}

export interface HtmlInput {
  tool: ToolInfo;
  /** YYYY-MM-DD; default today. */
  date?: string;
}

function today(): string {
  const d = new Date();
  const p = (n: number) => (n < 10 ? "0" : "") + n;
  return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
}

const HEADERS: [string, string][] = [["序号", "n"], ["单位", "t"], ["年度", "t"], ["文件", "t"], ["表", "n"], ["不符", "n"], ["疑点", "n"], ["尾差", "n"], ["未审核", "n"], ["状态", "n"], ["各表状态", ""]];

export function formatHtml(reports: FileReport[], input: HtmlInput): string {
  const lines = documentLines(reports);
  const count = (s: string) => lines.filter((d) => d.status === s).length;
  const scriptHash = createHash("sha256").update(HTML_SCRIPT, "utf8").digest("base64");
  const csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" + scriptHash + "'; img-src data:; base-uri 'none'; form-action 'none'";
  const ths = HEADERS.map((h, i) =>
    h[1] ? '<th aria-sort="none"><button type="button" data-col="' + i + '" data-kind="' + h[1] + '">' + esc(h[0]) + "</button></th>" : "<th>" + esc(h[0]) + "</th>",
  ).join("");
  return (
    "<!DOCTYPE html>\n" +
    '<html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta http-equiv="Content-Security-Policy" content="' + esc(csp) + '">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>决算审核汇总（" + lines.length + " 份）</title><style>" + HTML_STYLE + "</style></head><body>\n" +
    "<h1>决算审核汇总</h1>" +
    '<p class="meta" id="totals">共 ' + lines.length + " 份：需整改 " + count("需整改") + "，通过 " + count("通过") + "，无法读取 " + count("无法读取") +
    "；审核日期 " + esc(input.date || today()) + "；" + esc(input.tool.name + " " + input.tool.version) + "</p>\n" +
    '<div class="filters"><label>筛选 <input id="filter" type="search" placeholder="单位或文件名" autocomplete="off"></label> ' +
    '<label>状态 <select id="status"><option value="">全部</option><option>需整改</option><option>通过</option><option>无法读取</option></select></label> ' +
    '<span id="shown" aria-live="polite">显示 ' + lines.length + " / " + lines.length + " 份</span></div>\n" +
    '<table id="overview"><thead><tr>' + ths + "</tr></thead><tbody>\n" +
    lines.map((d, i) => overviewRow(d, reports[i])).join("\n") +
    "\n</tbody></table>\n" +
    '<p class="legend">状态：<span class="status status-需整改">需整改</span> 有不符或疑点；<span class="status status-通过">通过</span> 无不符、无疑点（尾差为四舍五入所致）；' +
    '<span class="status status-无法读取">无法读取</span> 文件打不开或不是决算表。各表状态同加载项窗格：通过 / 不符 / 疑点 / 尾差 / 未审核 / 缺表。</p>\n' +
    '<div id="docs">' + lines.map((d, i) => documentSection(d, reports[i])).join("\n") + "</div>\n" +
    "<script>" + HTML_SCRIPT + "</script>\n</body></html>\n"
  );
}
