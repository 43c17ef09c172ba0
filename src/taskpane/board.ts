/**
 * The status board (issue 10): one cell per table, 公开01–09 then 情况说明 and 绩效, showing how each stands —
 * 通过 / 不符 n / 疑点 n / 尾差 n / 未审核 n / 缺表 — from the findings still open (reviewed ones left out). Each cell
 * is `[data-table-status="公开03"]` with data-errors, data-warnings, data-tails, data-unchecked; clicking it (or
 * Enter/Space) filters the list to that table. One tab stop: the arrow keys move between cells (roving tabindex).
 *
 * The classification (boardCells, cellParts) is host-neutral, in src/present/board.ts, shared with the CLI's HTML.
 */
import { BoardCell, cellParts } from "../present/board";
import { clear, el } from "./render";

export { boardCells, cellParts } from "../present/board";
export type { BoardCell } from "../present/board";

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
