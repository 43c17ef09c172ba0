/**
 * A narrative figure is never blamed for a table's error (issue 8 §2). When a stated figure differs from a cell
 * that the table rules already found wrong (an identity of its own table, or a cross-table equality, fails on
 * it), the difference is a consequence of that error: the narrative finding is linked to it (`cause`) and kept
 * as a 疑点 at most, never an error of its own. It takes the table error's root (`cause` when the table error
 * is itself a consequence), so it folds under the same root cause.
 *
 * A comparison with a cell that S.10 found displaced (金额列与科目编码错行) says nothing about the text: the
 * cell does not hold its row's amount. Such a narrative finding is withdrawn and the statement is 未审核
 * (reason 其他, naming the S.10 finding). Decision where the issue is silent: comparisons that agreed with a
 * displaced cell keep their ok mark (agreement is not blame); realigned amounts are not used (shift.ts keeps no
 * realigned grid).
 */
import { qualified } from "../address";
import { causeOf, linkRef, rootRefOf } from "../cause";
import { DISPLACED } from "../rules/shift";
import { Finding } from "../types";
import { TEXT_ONLY } from "./checker";
import { NarrativeResult } from "./result";


export function linkToTableErrors(tableFindings: Finding[], narrative: Finding[]): void {
  // every cell that takes part in a failing table identity, with the first finding about it
  const wrong: { [cell: string]: Finding } = {};
  for (const f of tableFindings) {
    // a hint (warning) does not say the cell is wrong; only an error does
    if (f.severity !== "error") continue;
    if (f.table === "情况说明" || f.table === "绩效") continue;
    const cells = (f.cell ? [qualified(f.sheet, f.cell)] : []).concat(f.related || []);
    for (const c of cells) if (!wrong[c]) wrong[c] = f;
  }
  for (const n of narrative) {
    if (n.severity !== "error" || n.cause || TEXT_ONLY.has(n)) continue;
    for (const c of n.related || []) {
      const t = wrong[c];
      if (!t) continue;
      linkRef(n, rootRefOf(t));
      n.severity = "warning";
      n.message += "；所核对的 " + c + " 在表内勾稽中本身有误（" + t.rule + "），此处差异随之产生，先更正表格";
      break;
    }
  }
}

/** Withdraw the narrative findings that compare with a displaced cell (S.10) and record them as 未审核. */
export function uncheckDisplaced(tableFindings: Finding[], r: NarrativeResult): void {
  const shifted: { cells: Set<string>; f: Finding }[] = [];
  for (const f of tableFindings) {
    const cells = f.rule === "S.10" ? DISPLACED.get(f) : undefined;
    if (cells) shifted.push({ cells, f });
  }
  if (!shifted.length) return;
  const keep: Finding[] = [];
  const index: number[] = [];
  r.findings.forEach((n, i) => {
    const hit = TEXT_ONLY.has(n) || n.severity === "info" ? null : shifted.find((s) => (n.related || []).some((c) => s.cells.has(c)));
    if (!hit) {
      index[i] = keep.length;
      keep.push(n);
      return;
    }
    index[i] = -1;
    r.checks = Math.max(r.passed, r.checks - 1);
    const c = (n.related || []).find((x) => hit.cells.has(x)) as string;
    r.notChecked.push({
      rule: n.rule,
      table: n.table,
      reason: "其他",
      detail: n.message.split("：")[0] + "：所核对的 " + c + " 位于 " + hit.f.table + " 金额列错行的范围内（见 " + causeOf(hit.f) + "），文中数字未与表核对",
      cells: n.related || [],
    });
  });
  r.findings = keep;
  r.figures = r.figures.filter((m) => m.findingIndex === undefined || index[m.findingIndex] >= 0);
  for (const m of r.figures) if (m.findingIndex !== undefined) m.findingIndex = index[m.findingIndex];
}
