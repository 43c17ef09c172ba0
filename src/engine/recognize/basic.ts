/**
 * 公开06: lanes of (经济分类科目编码, 科目名称, 决算数), two or three side by side or one long lane, and the
 * closing 人员经费合计 / 公用经费合计. Rows are keyed by code; the lane is read from the group header
 * (人员经费 / 公用经费) where there is one, else from the code (301/303 are 人员经费, RULES.md §4.2).
 */
import { PERSONNEL_CLASSES } from "../layouts";
import { TableModel, TRow } from "../model";
import { normKey } from "../text";
import { codeText, collectNotes, frame, makeCell, Region } from "./common";
import { firstNonEmpty, headerParts, headerTexts, isMetaRow, isNoteRow, isPageBreakRow } from "./header";

const ECON = /^3\d{2}(?:\d{2})?$/;

interface Lane {
  code: number;
  name: number;
  amount: number;
  kind?: "personnel" | "public";
}

export function readBasic(reg: Region): TableModel | string {
  const { grid } = reg;
  let start = -1;
  for (let r = reg.r1; r <= reg.r2 && start < 0; r++)
    for (let c = reg.c1; c <= reg.c2; c++)
      if (ECON.test(codeText(grid, r, c)) && /[\u4e00-\u9fa5]/.test(grid.text(r, c + 1))) {
        start = r;
        break;
      }
  if (start < 0) return "找到标题但没有找到经济分类科目编码行";
  const headRows: number[] = [];
  for (let r = reg.r1; r < start; r++) if (!isMetaRow(grid, r, reg.c1, reg.c2) && firstNonEmpty(grid, r, reg.c1, reg.c2) >= 0) headRows.push(r);
  const parts = headerParts(grid, headRows, reg.c1, reg.c2);
  const leaf = (c: number) => {
    const p = parts[c - reg.c1];
    return p ? p[p.length - 1] || "" : "";
  };
  const path = (c: number) => (parts[c - reg.c1] || []).join("");
  // Lanes: a code column (by header, or by the codes found below it), then name, then amount.
  const lanes: Lane[] = [];
  for (let c = reg.c1; c <= reg.c2; c++) {
    let isCode = /编码|代码/.test(leaf(c));
    if (!isCode && headRows.length === 0) isCode = ECON.test(codeText(grid, start, c));
    if (!isCode) {
      let codes = 0;
      for (let r = start; r <= Math.min(reg.r2, start + 10); r++) if (ECON.test(codeText(grid, r, c))) codes++;
      isCode = codes >= 3 && !/数|金额/.test(leaf(c));
    }
    if (!isCode) continue;
    let amount = c + 2;
    for (let k = c + 1; k <= Math.min(reg.c2, c + 3); k++)
      if (/决算数|金额|合计|数$/.test(leaf(k)) && !/名称/.test(leaf(k))) {
        amount = k;
        break;
      }
    const head = path(c);
    const kind = /人员经费/.test(head) ? "personnel" : /公用经费/.test(head) ? "public" : undefined;
    lanes.push({ code: c, name: c + 1, amount, kind });
    c = amount;
  }
  if (!lanes.length) return "找到标题但没有找到“经济分类科目编码”栏";
  const rows: TRow[] = [];
  const problems: string[] = [];
  let last = start;
  let totalsRow = -1;
  const head = headerTexts(grid, headRows, reg.c1, reg.c2);
  for (let r = start; r <= reg.r2; r++) {
    if (isNoteRow(grid, r, reg.c1, reg.c2)) break;
    // A page break may repeat the header and the title and leave a page footer between the rows (§8.1 item 6).
    if (r > start && isPageBreakRow(grid, r, reg.c1, reg.c2, head, reg.title)) continue;
    let any = false;
    for (let c = reg.c1; c <= reg.c2; c++) {
      const t = normKey(grid.text(r, c));
      if (t === "人员经费合计" || t === "公用经费合计" || t === "人员经费" || t === "公用经费") {
        if (grid.mergeOf(r, c)) continue;
        // The amount is the first filled cell to the right before the next label.
        const key = t.indexOf("人员") === 0 ? "P.total" : "G.total";
        let amountCol = -1;
        let lastCandidate = -1;
        for (let k = c + 1; k <= reg.c2; k++) {
          const kt = normKey(grid.text(k === k ? r : r, k));
          if (/经费/.test(kt)) break;
          if (grid.mergeOf(r, k)) continue;
          lastCandidate = k;
          if (kt !== "") {
            amountCol = k;
            break;
          }
        }
        if (amountCol < 0) amountCol = lastCandidate;
        if (amountCol < 0) continue;
        const row: TRow = { key, label: key === "P.total" ? "人员经费合计" : "公用经费合计", row: r, cells: { amt: makeCell(grid, r, amountCol, 2) } };
        rows.push(row);
        totalsRow = r;
        any = true;
        if (r > last) last = r;
      }
    }
    if (any) continue;
    lanes.forEach((lane) => {
      const code = codeText(grid, r, lane.code);
      if (!ECON.test(code)) {
        if (!grid.isEmpty(r, lane.amount) && !grid.isEmpty(r, lane.name)) problems.push("第 " + (r + 1) + " 行“" + grid.text(r, lane.name) + "”没有经济分类科目编码，未参与审核");
        return;
      }
      const byCode = PERSONNEL_CLASSES.indexOf(code.slice(0, 3)) >= 0 ? "personnel" : "public";
      const row: TRow = { key: code, code, label: String(grid.text(r, lane.name)).trim(), level: code.length === 3 ? 1 : 2, lane: lane.kind || byCode, row: r, cells: { amt: makeCell(grid, r, lane.amount, 2) } };
      if (rows.some((x) => x.key === code)) problems.push("经济分类科目 " + code + " 出现两次，审核时取第一次");
      else rows.push(row);
      if (r > last) last = r;
    });
  }
  if (totalsRow < 0) problems.push("未找到“人员经费合计”“公用经费合计”行");
  return frame(reg, start - 1, last, rows, [{ key: "amt", name: "决算数" }], collectNotes(grid, last + 1, reg.r2, reg.c1, reg.c2), problems);
}
