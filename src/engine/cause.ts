/**
 * Links between findings: an echo or consequence points to its root finding (`cause` as text for people,
 * `causeRef` as a structured reference for programs). Every link in the engine is made here, and every reader
 * (text report, pane, report sheet) finds the root with `rootIndexes`, never by parsing `cause`.
 *
 * Decision (issue 9 item 5): the reference is the root's own identity `{rule, table, sheet, cell}` rather than an
 * index into the findings array, because the array is re-sorted and filtered after linking and by its readers; a
 * finding is found by equality of these fields. `table` is carried for readers that group by table; `sheet` and
 * `cell` locate it. The text `cause` keeps its v1 form ("T03.1 '公开03表'!C10") and is always derived from the ref.
 */
import { qualified } from "./address";
import { CauseRef, Finding } from "./types";

/** The reference to `root` as a cause. */
export function refTo(root: Finding): CauseRef {
  return { rule: root.rule, table: root.table === undefined ? null : root.table, sheet: root.sheet, cell: root.cell === undefined ? null : root.cell };
}

/** "T03.1 '公开03表'!C10" (or "S.1 公开05表" without a cell): the text form of a reference. */
export function causeText(ref: CauseRef): string {
  return ref.rule + " " + (ref.cell ? qualified(ref.sheet, ref.cell) : ref.sheet);
}

/** The text form naming `f` itself as a cause. */
export function causeOf(f: Finding): string {
  return causeText(refTo(f));
}

/** Make `f` a consequence of `root` (both fields). */
export function linkCause(f: Finding, root: Finding): void {
  linkRef(f, refTo(root));
}

/** Make `f` a consequence of the finding `ref` names. */
export function linkRef(f: Finding, ref: CauseRef): void {
  f.causeRef = { rule: ref.rule, table: ref.table, sheet: ref.sheet, cell: ref.cell };
  f.cause = causeText(ref);
}

/** `f`'s root when it has one, else `f` itself: what a finding caused by `f` should point to. */
export function rootRefOf(f: Finding): CauseRef {
  return f.causeRef || refTo(f);
}

/** True when `ref` names finding `f`. */
export function refersTo(ref: CauseRef | null | undefined, f: Finding): boolean {
  return !!ref && ref.rule === f.rule && ref.sheet === f.sheet && (ref.cell || null) === (f.cell || null);
}

/** True when both findings are linked to the same root. */
export function sameRoot(a: Finding, b: Finding): boolean {
  return !!a.causeRef && refersToRef(a.causeRef, b.causeRef);
}

function refersToRef(a: CauseRef, b: CauseRef | null | undefined): boolean {
  return !!b && a.rule === b.rule && a.sheet === b.sheet && (a.cell || null) === (b.cell || null);
}

function key(rule: string, sheet: string, cell: string | null | undefined): string {
  return rule + "\u0000" + sheet + "\u0000" + (cell || "");
}

/**
 * For each finding, the index of its root among `findings`, or -1 (no cause, or its root is not in the list).
 * The root is the first finding without a cause of its own that the reference names (the engine flattens chains,
 * so a root never has a cause). Linear in the number of findings.
 */
export function rootIndexes(findings: Finding[]): number[] {
  const at: { [k: string]: number } = {};
  findings.forEach(function (f, i) {
    const k = key(f.rule, f.sheet, f.cell);
    if (!f.causeRef && !Object.prototype.hasOwnProperty.call(at, k)) at[k] = i;
  });
  return findings.map(function (f, i) {
    const r = f.causeRef;
    if (!r) return -1;
    const k = key(r.rule, r.sheet, r.cell);
    const j = Object.prototype.hasOwnProperty.call(at, k) ? at[k] : -1;
    return j === i ? -1 : j;
  });
}
