/**
 * 公开06: lanes of (经济分类科目编码, 科目名称, 决算数), two or three side by side or one long lane, and the
 * closing 人员经费合计 / 公用经费合计. Rows are keyed by code; the lane is read from the group header
 * (人员经费 / 公用经费) where there is one, else from the code (301/303 are 人员经费, RULES.md §4.2). Lane
 * shapes (类 | 款 split, names only) are in lanes.ts.
 */
import { TableModel, TRow } from "../model";
import { normKey } from "../text";
import { collectNotes, frame, makeCell, Region } from "./common";
import { findLanes, firstDataRow, laneCode } from "./lanes";
import { dict } from "../dict";
import { firstNonEmpty, headerParts, headerTexts, isMetaRow, isNoteRow, isPageBreakRow, readHead } from "./header";

export function readBasic(reg: Region): TableModel | string {
  const { grid } = reg;
  const start = firstDataRow(reg);
  if (start < 0) return "找到标题但没有找到经济分类科目编码行";
  const headRows: number[] = [];
  for (let r = reg.r1; r < start; r++) if (!isMetaRow(grid, r, reg.c1, reg.c2) && firstNonEmpty(grid, r, reg.c1, reg.c2) >= 0) headRows.push(r);
  const parts = headerParts(grid, headRows, reg.c1, reg.c2);
  const leaf = (c: number) => {
    const p = parts[c - reg.c1];
    return p ? p[p.length - 1] || "" : "";
  };
  const path = (c: number) => (parts[c - reg.c1] || []).join("");
  const lanes = findLanes(reg, start, leaf, path, headRows.length === 0, readHead(grid, reg.titleRow, start - 1, reg.c1, reg.c2).year);
  if (!lanes.length) return "找到标题但没有找到“经济分类科目编码”栏（也没有可识别的经济分类科目名称）";
  const rows: TRow[] = [];
  const problems: string[] = [];
  let last = start;
  let totalsRow = -1;
  let inferredRows = 0;
  const head = headerTexts(grid, headRows, reg.c1, reg.c2);
  /** Keys of the rows taken so far (a code read twice is said once, the first kept). */
  const keys = dict<boolean>();
  // The lane totals (人员经费合计 / 公用经费合计) and their group headers (人员经费 / 公用经费), from the pack.
  // Asked of every cell of the table: the names without 合计 are worked out once here, not per cell.
  const totals = reg.pack.basicTotals.map((b) => ({ total: b, bare: b.name.replace(/合计$/, "") }));
  const totalOf = (t: string) => {
    for (let i = 0; i < totals.length; i++) if (t === totals[i].total.name || t === totals[i].bare) return totals[i].total;
    return undefined;
  };
  for (let r = start; r <= reg.r2; r++) {
    if (isNoteRow(grid, r, reg.c1, reg.c2)) break;
    // A page break may repeat the header and the title and leave a page footer between the rows (§8.1 item 6).
    if (r > start && isPageBreakRow(grid, r, reg.c1, reg.c2, head, reg.title)) continue;
    let any = false;
    for (let c = reg.c1; c <= reg.c2; c++) {
      const t = normKey(grid.text(r, c));
      const tot = totalOf(t);
      if (tot) {
        if (grid.mergeOf(r, c)) continue;
        // The amount is the first filled cell to the right before the next label.
        const key = tot.key;
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
        const row: TRow = { key, label: tot.name, row: r, cells: { amt: makeCell(grid, r, amountCol, 2) } };
        rows.push(row);
        keys[key] = true;
        totalsRow = r;
        any = true;
        if (r > last) last = r;
      }
    }
    if (any) continue;
    lanes.forEach((lane) => {
      const { code, inferred } = laneCode(grid, r, lane);
      if (!code) {
        if (!grid.isEmpty(r, lane.amount) && !grid.isEmpty(r, lane.name)) problems.push("第 " + (r + 1) + " 行“" + grid.text(r, lane.name) + "”" + (lane.code < 0 ? "不是标准的经济分类科目名称" : "没有经济分类科目编码") + "，未参与审核");
        return;
      }
      const byCode = reg.pack.personnelClasses.indexOf(code.slice(0, 3)) >= 0 ? "personnel" : "public";
      const row: TRow = { key: code, code, label: String(grid.text(r, lane.name)).trim(), level: code.length === 3 ? 1 : 2, lane: lane.kind || byCode, row: r, cells: { amt: makeCell(grid, r, lane.amount, 2) } };
      if (inferred) {
        row.inferred = "科目编码由名称推断";
        inferredRows++;
      }
      if (keys[code]) problems.push("经济分类科目 " + code + " 出现两次，审核时取第一次");
      else {
        rows.push(row);
        keys[code] = true;
      }
      if (r > last) last = r;
    });
  }
  // RULES.md §8.1 item 2: codes inferred from names are said once; findings on those rows are at most 疑点.
  if (inferredRows) problems.push("未列经济分类科目编码，" + inferredRows + " 行的科目编码由科目名称推断，涉及这些行的勾稽结果至多为疑点");
  if (totalsRow < 0) problems.push("未找到“" + reg.pack.basicTotals.map((b) => b.name).join("”“") + "”行");
  return frame(reg, start - 1, last, rows, [{ key: "amt", name: "决算数" }], collectNotes(grid, last + 1, reg.r2, reg.c1, reg.c2), problems);
}
