/**
 * 公开01 and 公开04: an income block and an expense block side by side, rows found by their labels
 * (RULES.md §0.1: 行次 changes by year, labels do not), 类 lines by the 功能分类 class name.
 */
import { classByLabel, ColumnSpec, LineSpec } from "../layouts";
import { TableModel, TRow } from "../model";
import { normKey, normLabel } from "../text";
import { collectNotes, frame, makeCell, Region } from "./common";
import { firstNonEmpty, headerParts, headerTexts, isMetaRow, isNoteRow, isPageBreakRow, isSequenceRow } from "./header";
import { dict } from "../dict";

interface Block {
  side: "income" | "expense";
  label: number;
  amounts: { key: string; name: string; col: number }[];
}

function matchLine(lines: LineSpec[], side: string, label: string, seen: { [k: string]: boolean }): LineSpec | null {
  let plain: LineSpec | null = null;
  for (const l of lines) {
    if (l.side !== side || !l.match.test(label)) continue;
    if (l.after) {
      if (seen[l.after] && !seen[l.key]) return l;
    } else if (!plain && !seen[l.key]) plain = l;
  }
  return plain;
}

export function readSummary(reg: Region): TableModel | string {
  const { grid } = reg;
  const lines = reg.id === "公开01" ? reg.pack.t01Lines : reg.pack.t04Lines;
  // Data start: the first row with a recognised income line.
  let start = -1;
  for (let r = reg.r1; r <= reg.r2 && start < 0; r++) {
    // The income label is the row's first filled cell (header rows also name the funds, further right).
    const c = firstNonEmpty(grid, r, reg.c1, reg.c2);
    const l = c >= 0 ? normLabel(grid.text(r, c)) : "";
    if (l && matchLine(lines, "income", l, {})) start = r;
  }
  if (start < 0) return "找到标题但没有找到收入项目行";
  const headRows: number[] = [];
  for (let r = reg.r1; r < start; r++)
    if (!isSequenceRow(grid, r, reg.c1, reg.c2) && !isMetaRow(grid, r, reg.c1, reg.c2) && firstNonEmpty(grid, r, reg.c1, reg.c2) >= 0) headRows.push(r);
  const parts = headerParts(grid, headRows, reg.c1, reg.c2);
  const path = (c: number) => parts[c - reg.c1].join("");
  const leaf = (c: number) => {
    const p = parts[c - reg.c1];
    return p.length ? p[p.length - 1] : "";
  };
  // Blocks start at each 项目 column; without headers, at each column holding line labels.
  let starts: number[] = [];
  for (let c = reg.c1; c <= reg.c2; c++) if (/^项目$|项目$/.test(leaf(c)) && !/行次|金额/.test(leaf(c))) starts.push(c);
  if (starts.length < 2) {
    starts = [];
    for (let c = reg.c1; c <= reg.c2; c++) {
      let labels = 0;
      for (let r = start; r <= Math.min(reg.r2, start + 40); r++) if (/[\u4e00-\u9fa5]{2,}/.test(grid.text(r, c))) labels++;
      if (labels >= 3 && (starts.length === 0 || c > starts[starts.length - 1] + 1)) starts.push(c);
    }
  }
  if (starts.length < 2) return "找到标题但没有找到收入、支出两部分";
  const blocks: Block[] = [];
  for (let i = 0; i < 2; i++) {
    const s = starts[i];
    const e = i + 1 < starts.length ? starts[i + 1] - 1 : reg.c2;
    const side: "income" | "expense" = /支出/.test(path(s)) && !/收入/.test(path(s)) ? "expense" : i === 0 ? "income" : "expense";
    const amounts: { key: string; name: string; col: number }[] = [];
    const cand: number[] = [];
    for (let c = s + 1; c <= e; c++) {
      if (/行次/.test(path(c))) continue;
      let nums = 0;
      for (let r = start; r <= Math.min(reg.r2, start + 60); r++) {
        const t = normKey(grid.text(r, c));
        if (t && !/^\d{1,2}$/.test(t)) nums++;
      }
      // A column whose only header is the block's group header (收入/支出 over a deleted 行次) and that holds
      // nothing is not an amount column.
      const onlyGroup = parts[c - reg.c1].length <= 1 && parts[c - reg.c1][0] === (parts[s - reg.c1][0] || "");
      if ((path(c) !== "" && !onlyGroup) || nums > 0) {
        // A column of small integers only is an unlabelled 行次 column.
        let seqLike = true;
        for (let r = start; r <= Math.min(reg.r2, start + 8); r++) if (!/^\d{1,2}$/.test(normKey(grid.text(r, c)))) seqLike = false;
        if (!(seqLike && path(c) === "")) cand.push(c);
      }
    }
    if (side === "income" || reg.id === "公开01") {
      if (cand.length) amounts.push({ key: reg.pack.summaryAmounts[side].key, name: "金额", col: cand[0] });
    } else {
      const taken: { [c: number]: boolean } = {};
      const specs: ColumnSpec[] = reg.pack.t04ExpenseColumns;
      for (const cs of specs)
        for (const c of cand)
          if (!taken[c] && !amounts.some((a) => a.key === cs.key) && cs.match.test(path(c))) {
            amounts.push({ key: cs.key, name: cs.name, col: c });
            taken[c] = true;
          }
      // columns not named by their header take the remaining 栏 in order (栏2–5)
      const order = specs.map((cs) => cs.key).sort((a, b) => +a.slice(1) - +b.slice(1));
      for (const c of cand) if (!taken[c]) {
        const k = order.find((o) => !amounts.some((a) => a.key === o));
        if (k) amounts.push({ key: k, name: k, col: c });
      }
    }
    if (!amounts.length) return "找到标题但没有找到" + (side === "income" ? "收入" : "支出") + "金额栏";
    blocks.push({ side, label: s, amounts });
  }
  const rows: TRow[] = [];
  const problems: string[] = [];
  let last = start;
  // A page break may repeat the header and the title and leave a page footer between the rows (§8.1 item 6).
  const head = headerTexts(grid, headRows, reg.c1, reg.c2);
  for (const b of blocks) {
    const seen = dict<boolean>();
    for (let r = start; r <= reg.r2; r++) {
      if (isNoteRow(grid, r, reg.c1, reg.c2)) break;
      if (r > start && isPageBreakRow(grid, r, reg.c1, reg.c2, head, reg.title)) continue;
      const raw = String(grid.shown(r, b.label) || "").trim();
      const label = normLabel(raw);
      const make = (key: string, name: string) => {
        const row: TRow = { key, label: name, side: b.side, row: r, cells: {} };
        for (const a of b.amounts) row.cells[a.key] = makeCell(grid, r, a.col, 2);
        rows.push(row);
        seen[key] = true;
        if (r > last) last = r;
      };
      if (!label) {
        if (b.amounts.some((a) => !grid.isEmpty(r, a.col))) make("PAD" + r + b.side, "（空行）");
        continue;
      }
      const code = b.side === "expense" ? classByLabel(label, reg.pack) : null;
      if (code && !seen["C" + code]) {
        make("C" + code, raw);
        continue;
      }
      const l = matchLine(lines, b.side, label, seen);
      if (l) make(l.key, l.name);
      else if (b.amounts.some((a) => !grid.isEmpty(r, a.col))) problems.push("第 " + (r + 1) + " 行“" + raw + "”未能识别，未参与审核");
    }
  }
  const columns: { key: string; name: string }[] = [];
  for (const b of blocks) for (const a of b.amounts) columns.push({ key: a.key, name: (b.side === "income" ? "收入" : "支出") + a.name });
  return frame(reg, start - 1, last, rows, columns, collectNotes(grid, last + 1, reg.r2, reg.c1, reg.c2), problems);
}
