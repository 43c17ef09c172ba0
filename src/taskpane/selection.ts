/**
 * 所选单元格: when the user selects a cell in the grid, the findings on it (as the checked value or an operand),
 * with their review mark when they have one. Returns the indexes of those findings (the pane marks their cards).
 */
import { Finding } from "../engine";
import { qualify } from "../present/address";
import { SEVERITY_LABEL } from "../present/labels";
import { ReviewMark } from "../present/review";
import { S } from "./labels";
import { clear, el } from "./render";

export function renderSelected(box: HTMLElement, findings: Finding[], markOf: (i: number) => ReviewMark | null, sheet: string, cell: string): number[] {
  const hits: number[] = [];
  const qualified = [sheet + "!" + cell, qualify(sheet, cell)];
  findings.forEach(function (f, i) {
    const main = f.sheet === sheet && f.cell !== null && f.cell.replace(/\$/g, "") === cell;
    const rel = (f.related || []).some(function (r) {
      return qualified.indexOf(r.replace(/\$/g, "")) >= 0;
    });
    if (main || rel) hits.push(i);
  });
  clear(box);
  box.style.display = hits.length ? "" : "none";
  if (!hits.length) return hits;
  box.appendChild(el("div", "jp-selected-title", S.selectedCell + " " + sheet + "!" + cell + "："));
  hits.forEach(function (i) {
    const f = findings[i];
    const m = markOf(i);
    box.appendChild(el("div", "jp-selected-line jp-sev-" + f.severity, SEVERITY_LABEL[f.severity] + (m ? "（" + m.status + "）" : "") + " " + f.rule + "：" + f.message));
  });
  return hits;
}
