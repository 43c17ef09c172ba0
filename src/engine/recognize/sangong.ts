/**
 * 公开09 “三公”经费: one data row of twelve amounts, 预算数 栏1–6 and 决算数 栏7–12, as two blocks or as
 * interleaved 预算数/决算数 pairs. Columns are named from the header path: the item from the lowest header
 * text that names one, 预算/决算 from any level. The items, header words and blocks are the pack's
 * (sangongItems, sangongHead; keys by templates `sangongKey`).
 */
import { sangongKey } from "../templates";
import { TableModel, TRow } from "../model";
import { normKey } from "../text";
import { collectNotes, frame, makeCell, Region } from "./common";
import { firstNonEmpty, headerParts, isMetaRow, isNoteRow, isSequenceRow } from "./header";
import { readAmount } from "../amount";
import { isEmptyStatement } from "./codes";

function isAmountRow(reg: Region, r: number): boolean {
  let numbers = 0;
  for (let c = reg.c1; c <= reg.c2; c++) {
    if (reg.grid.mergeOf(r, c)) continue;
    const t = reg.grid.text(r, c);
    if (normKey(t) === "") continue;
    const a = readAmount(reg.grid.value(r, c), t, reg.grid.format(r, c));
    if (a.state === "number") numbers++;
    else if (a.state !== "dash") return false;
  }
  return numbers > 0;
}

export function readSangong(reg: Region): TableModel | string {
  const { grid } = reg;
  const items = reg.pack.sangongItems;
  const head = reg.pack.sangongHead;
  let headStart = -1;
  for (let r = reg.r1; r <= reg.r2 && headStart < 0; r++)
    for (let c = reg.c1; c <= reg.c2; c++)
      if (head.start.test(normKey(grid.text(r, c))) && !isMetaRow(grid, r, reg.c1, reg.c2)) {
        headStart = r;
        break;
      }
  if (headStart < 0) return "找到标题但没有找到表头（预算数、决算数）";
  let data = -1;
  let end = reg.r2 + 1;
  const headRows: number[] = [];
  for (let r = headStart; r <= reg.r2; r++) {
    if (isSequenceRow(grid, r, reg.c1, reg.c2)) continue;
    if (isAmountRow(reg, r)) {
      data = r;
      break;
    }
    const c = firstNonEmpty(grid, r, reg.c1, reg.c2);
    if (c < 0) continue;
    // Without an amount row the table ends at its note or at the sentence that it has no data (§8.1 item 4).
    if (isNoteRow(grid, r, reg.c1, reg.c2) || isEmptyStatement(normKey(grid.text(r, c)))) {
      end = Math.min(end, r);
      continue;
    }
    if (r < end) headRows.push(r);
  }
  if (data < 0 && !headRows.length) return "找到标题但没有找到金额行";
  const parts = headerParts(grid, headRows, reg.c1, reg.c2);
  const cells: { [k: string]: number } = {};
  const problems: string[] = [];
  const seenItem: { [o: number]: number } = {};
  for (let c = reg.c1; c <= reg.c2; c++) {
    const p = parts[c - reg.c1];
    if (!p.length) continue;
    let offset = 0;
    for (let i = p.length - 1; i >= 0 && !offset; i--) for (const it of items) if (it.match.test(p[i])) { offset = it.offset; break; }
    if (!offset) continue;
    const whole = p.join("");
    // 决算数 when the path says so; 预算数 when it says that; otherwise the second column of an item is its 决算数
    const actual = head.actual.test(whole) ? true : head.budget.test(whole) ? false : !!seenItem[offset];
    seenItem[offset] = (seenItem[offset] || 0) + 1;
    const key = sangongKey(reg.pack, offset, actual);
    if (cells[key] === undefined) cells[key] = c;
  }
  const row: TRow = { key: "row", label: head.rowName, row: data, cells: {} };
  const empty = data < 0;
  const columns: { key: string; name: string }[] = [];
  for (const actual of [false, true])
    for (const it of items) {
      const k = sangongKey(reg.pack, it.offset, actual);
      const name = (actual ? head.actualName : head.budgetName) + it.name;
      if (cells[k] === undefined) {
        problems.push("未找到“" + name + "”栏");
        continue;
      }
      if (!empty) row.cells[k] = makeCell(grid, data, cells[k], 2);
      columns.push({ key: k, name });
    }
  if (!columns.length) return "找到标题但无法识别“三公”经费各栏";
  if (empty) {
    // Present and empty: no amount row at all, only the headers and (it should) a sentence saying so.
    const lastHead = headRows[headRows.length - 1];
    const notes = collectNotes(grid, lastHead + 1, reg.r2, reg.c1, reg.c2);
    const t = frame(reg, lastHead, lastHead, [], columns, notes, []);
    t.emptyStatement = notes.filter((n) => isEmptyStatement(normKey(n)))[0] || "";
    return t;
  }
  return frame(reg, data - 1, data, [row], columns, collectNotes(grid, data + 1, reg.r2, reg.c1, reg.c2), problems);
}
