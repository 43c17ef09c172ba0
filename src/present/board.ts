/**
 * The status board's classification (issue 10), host-neutral: one cell per table, 公开01–09 then 情况说明 and 绩效,
 * showing how each stands — 通过 / 不符 n / 疑点 n / 尾差 n / 未审核 n / 缺表 — from the findings still open. Drawn by
 * the pane (src/taskpane/board.ts) and by the CLI's HTML report (src/cli/html.ts), so both say the same.
 *
 * Decision: 绩效 has no line of its own in tableStats (its checks are counted under 情况说明), so its cell says 未见
 * only when nothing at all was reported about it; 提示 (info) is not shown on the board, it asks for no action.
 */
import { AuditResult, Finding, TABLE_IDS } from "../engine";
import { tableKey } from "./groups";

const NOT_CHECKED = "未审核";

export interface BoardCell {
  table: string;
  errors: number;
  warnings: number;
  tails: number;
  infos: number;
  unchecked: number;
  missing: boolean;
  /** Sheet the table was read from, for the tooltip. */
  sheet: string;
}

const TABLES: string[] = (TABLE_IDS as string[]).concat(["情况说明", "绩效"]);

/** `open`: the findings not reviewed; `all`: every finding (to tell a 绩效 table from none); `narrative`: whether a 情况说明 was found. */
export function boardCells(result: AuditResult, open: Finding[], all: Finding[], narrative: boolean): BoardCell[] {
  const cells: { [t: string]: BoardCell } = {};
  TABLES.forEach(function (t) {
    cells[t] = { table: t, errors: 0, warnings: 0, tails: 0, infos: 0, unchecked: 0, missing: false, sheet: "" };
  });
  open.forEach(function (f) {
    const c = cells[tableKey(f)];
    if (!c) return;
    if (f.severity === "error") c.errors++;
    else if (f.severity === "warning") c.warnings++;
    else if (f.severity === "tail") c.tails++;
    else c.infos++;
  });
  (result.notChecked || []).forEach(function (n) {
    if (n.table && cells[n.table]) cells[n.table].unchecked++;
  });
  result.tables.forEach(function (t) {
    cells[t.id].sheet = t.sheet;
  });
  result.missing.forEach(function (id) {
    if (cells[id]) cells[id].missing = true;
  });
  // 情况说明 and 绩效 are "found" when the text was, or anything was reported about them.
  const seen = function (t: string): boolean {
    return (
      cells[t].unchecked > 0 ||
      all.some(function (f) {
        return f.table === t;
      }) ||
      (result.tableStats || []).some(function (s) {
        return s.table === t;
      })
    );
  };
  cells["情况说明"].missing = !narrative && !seen("情况说明");
  cells["绩效"].missing = !seen("绩效");
  return TABLES.map(function (t) {
    return cells[t];
  });
}

/** "不符 2" "疑点 1" … in order of severity; "通过" when nothing needs a look; "缺表" when the table was not found. */
export function cellParts(c: BoardCell): { text: string; kind: string }[] {
  if (c.missing) return [{ text: c.table === "绩效" ? "未见" : "缺表", kind: "missing" }];
  const parts: { text: string; kind: string }[] = [];
  if (c.errors) parts.push({ text: "不符 " + c.errors, kind: "error" });
  if (c.warnings) parts.push({ text: "疑点 " + c.warnings, kind: "warning" });
  if (c.tails) parts.push({ text: "尾差 " + c.tails, kind: "tail" });
  if (c.unchecked) parts.push({ text: NOT_CHECKED + " " + c.unchecked, kind: "unchecked" });
  return parts.length ? parts : [{ text: "通过", kind: "ok" }];
}
