/**
 * The status board (issue 10): one cell per table, 公开01–09 then 情况说明 and 绩效, showing how each stands —
 * 通过 / 不符 n / 疑点 n / 尾差 n / 未审核 n / 缺表 — from the findings still open (reviewed ones left out). Each cell
 * is `[data-table-status="公开03"]` with data-errors, data-warnings, data-tails, data-unchecked; clicking it (or
 * Enter/Space) filters the list to that table. One tab stop: the arrow keys move between cells (roving tabindex).
 *
 * Decision: 绩效 has no line of its own in tableStats (its checks are counted under 情况说明), so its cell says 未见
 * only when nothing at all was reported about it; 提示 (info) is not shown on the board, it asks for no action.
 */
import { AuditResult, Finding, TABLE_IDS } from "../engine";
import { tableKey } from "../present/groups";
import { S } from "./labels";
import { clear, el } from "./render";

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
  if (c.unchecked) parts.push({ text: S.notChecked + " " + c.unchecked, kind: "unchecked" });
  return parts.length ? parts : [{ text: "通过", kind: "ok" }];
}

/**
 * Draws the board into `box`; `selected` is the table the list is filtered to ("" = none). `onPick` gets the
 * table clicked (the same table again means "show all").
 */
export function renderBoard(box: HTMLElement, cells: BoardCell[], selected: string, onPick: (table: string) => void): void {
  clear(box);
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", "各表审核状态（点击筛选）");
  const buttons: HTMLElement[] = [];
  cells.forEach(function (c) {
    const parts = cellParts(c);
    const b = el("button", "jp-cell jp-cell-" + parts[0].kind);
    b.setAttribute("type", "button");
    b.setAttribute("data-table-status", c.table);
    b.setAttribute("data-errors", String(c.errors));
    b.setAttribute("data-warnings", String(c.warnings));
    b.setAttribute("data-tails", String(c.tails));
    b.setAttribute("data-unchecked", String(c.unchecked));
    b.setAttribute("data-missing", c.missing ? "true" : "false");
    b.setAttribute("aria-pressed", selected === c.table ? "true" : "false");
    b.setAttribute("tabindex", "-1");
    const texts = parts.map(function (p) {
      return p.text;
    });
    b.setAttribute("aria-label", c.table + "：" + texts.join("，"));
    b.setAttribute("title", c.table + (c.sheet ? "（工作表「" + c.sheet + "」）" : "") + "：" + texts.join("，") + (c.infos ? "；提示 " + c.infos : ""));
    b.appendChild(el("span", "jp-cell-name", c.table));
    parts.forEach(function (p) {
      b.appendChild(el("span", "jp-cell-part jp-part-" + p.kind, p.text));
    });
    b.onclick = function () {
      onPick(selected === c.table ? "" : c.table);
    };
    buttons.push(b);
    box.appendChild(b);
  });
  // Roving tabindex: the selected cell (or the first) is the board's one tab stop.
  const at = Math.max(
    0,
    cells.map(function (c) {
      return c.table;
    }).indexOf(selected),
  );
  if (buttons[at]) buttons[at].setAttribute("tabindex", "0");
  box.onkeydown = function (e: KeyboardEvent) {
    const i = buttons.indexOf(e.target as HTMLElement);
    if (i < 0) return;
    const key = e.key || "";
    const step: { [k: string]: number } = { ArrowRight: 1, Right: 1, ArrowLeft: -1, Left: -1, ArrowDown: 4, Down: 4, ArrowUp: -4, Up: -4, /* four cells a row at 350 px */ Home: -99, End: 99 };
    if (!(key in step)) return;
    e.preventDefault();
    const to = Math.max(0, Math.min(buttons.length - 1, i + step[key]));
    buttons[i].setAttribute("tabindex", "-1");
    buttons[to].setAttribute("tabindex", "0");
    buttons[to].focus();
  };
}
