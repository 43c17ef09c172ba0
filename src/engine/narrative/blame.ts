/**
 * A narrative figure is never blamed for a table's error (issue 8 §2). When a stated figure differs from a cell
 * that the table rules already found wrong (an identity of its own table, or a cross-table equality, fails on
 * it), the difference is a consequence of that error: the narrative finding is linked to it (`cause`) and kept
 * as a 疑点 at most, never an error of its own.
 */
import { qualified } from "../address";
import { Finding } from "../types";
import { TEXT_ONLY } from "./checker";

function causeOf(f: Finding): string {
  return f.rule + " " + (f.cell ? qualified(f.sheet, f.cell) : f.sheet);
}

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
      n.cause = causeOf(t);
      n.severity = "warning";
      n.message += "；所核对的 " + c + " 在表内勾稽中本身有误（" + t.rule + "），此处差异随之产生，先更正表格";
      break;
    }
  }
}
