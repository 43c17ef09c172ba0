/**
 * `npm run corpus`: the comparison of one audit result with its hand-verified expectation
 * (test/corpus/<name>.expected.json, format in test/corpus/README.md). Pure: no files, no printing, so that
 * test/corpus/compare.test.ts can try it on a small made-up expectation without ../shared.
 *
 * Every finding of the result ends in exactly one bucket:
 * - `expected`   it matches an entry of `expected` (required or optional);
 * - `linked`     it matches an entry with `linkedTo` and its `cause` is the root that entry names (one root cause,
 *                issue 8 §2), or it matches nothing but its `cause` is a finding of the `expected` bucket;
 * - `unexpected` everything else. An unexpected error is a false error.
 * A finding that matches a `mustNot` entry is a violation whatever its bucket.
 *
 * Decisions where the issue is silent:
 * - A consequence that the engine links (cause) to a finding we expect is not a false error, only counted and
 *   listed: it follows from the same wrong cell. An entry with `linkedTo` is stricter: that finding must carry the
 *   root's cause, else it counts as unexpected (the "dozens of unrelated errors" of RULES.md §8.1 item 8).
 * - Figures compare as decimals ("105" = "105.00"); `difference` keeps its sign (actual − expected).
 * - Unexpected 尾差 and 说明 are counted, not failed: they are listed so that a person can verify them.
 */
import Decimal from "decimal.js";
import { qualified } from "../src/engine/address";
import type { AuditResult, Finding, Severity } from "../src/engine/types";

/** A description of findings: every field given must hold; a string field may be a list of alternatives. */
export interface FindingPattern {
  /** Rule id, or alternatives; "N*" matches every rule that starts with "N". */
  rule?: string | string[];
  table?: string | string[];
  /** Sheet name, when the cell alone would be ambiguous. */
  sheet?: string;
  /** A1 address on the finding's sheet (Finding.cell), or alternatives. */
  cell?: string | string[];
  severity?: Severity | Severity[];
  actual?: string;
  expected?: string;
  difference?: string;
  /** A phrase the message must contain (for claims about the document, e.g. 「（其他表有）」); use sparingly. */
  messageIncludes?: string;
}

export interface ExpectedFinding extends FindingPattern {
  id: string;
  /** Not required; a finding that matches it is expected all the same (an echo the engine may fold away). */
  optional?: boolean;
  /** The id of the root entry: a matching finding is fine only when linked to that root (cause); never required. */
  linkedTo?: string;
  /** Why we expect it; where it comes from (the .differences.md line, our recomputation); no quoted text. */
  note?: string;
}

export interface ForbiddenFinding extends FindingPattern {
  id: string;
  note?: string;
}

export interface Expectation {
  document: string;
  /** How many of the nine tables the document holds (all must be found). */
  tables: number;
  expected: ExpectedFinding[];
  mustNot?: ForbiddenFinding[];
  notes?: string[];
}

export interface Comparison {
  document: string;
  tablesFound: number;
  tablesExpected: number;
  missingTables: string[];
  /** Required entries and whether a finding reported each. */
  required: { entry: ExpectedFinding; found: boolean }[];
  expected: Finding[];
  linked: Finding[];
  unexpected: Finding[];
  /** Unexpected errors: the false errors. */
  falseErrors: Finding[];
  unexpectedWarnings: Finding[];
  violations: { entry: ForbiddenFinding; finding: Finding }[];
  notChecked: number;
  notCheckedByReason: { [reason: string]: number };
  /** Everything is as expected: all tables, every required finding, no false error, no violation. */
  ok: boolean;
}

function list<T>(x: T | T[] | undefined): T[] | null {
  return x === undefined ? null : Array.isArray(x) ? x : [x];
}

/** "1,851.44", "4.35%" and "4.35" are the same figure. */
function sameNumber(a: string | null, b: string): boolean {
  if (a === null) return false;
  const clean = (s: string) => s.replace(/[,，\s]/g, "").replace(/[%％]$/, "");
  try {
    return new Decimal(clean(a)).eq(new Decimal(clean(b)));
  } catch (_e) {
    return a === b;
  }
}

function ruleMatches(rule: string, pattern: string): boolean {
  return pattern.charAt(pattern.length - 1) === "*" ? rule.indexOf(pattern.slice(0, -1)) === 0 : rule === pattern;
}

export function matches(f: Finding, p: FindingPattern): boolean {
  const rules = list(p.rule);
  if (rules && !rules.some((r) => ruleMatches(f.rule, r))) return false;
  const tables = list(p.table);
  if (tables && tables.indexOf(f.table === null ? "" : f.table) < 0) return false;
  if (p.sheet !== undefined && p.sheet !== f.sheet) return false;
  const cells = list(p.cell);
  if (cells && (f.cell === null || cells.indexOf(f.cell) < 0)) return false;
  const sev = list(p.severity);
  if (sev && sev.indexOf(f.severity) < 0) return false;
  if (p.actual !== undefined && !sameNumber(f.actual, p.actual)) return false;
  if (p.expected !== undefined && !sameNumber(f.expected, p.expected)) return false;
  if (p.difference !== undefined && !sameNumber(f.difference, p.difference)) return false;
  if (p.messageIncludes !== undefined && f.message.indexOf(p.messageIncludes) < 0) return false;
  return true;
}

/** The engine's cause key of a finding: "rule 'sheet'!cell" (rules/rootcause.ts causeOf). */
export function causeKey(f: Finding): string {
  return f.rule + " " + (f.cell ? qualified(f.sheet, f.cell) : f.sheet);
}

/** Checks an expectation file's shape; returns the problems (empty when it can be used). */
export function validateExpectation(e: Expectation): string[] {
  const problems: string[] = [];
  if (!e || typeof e.document !== "string") return ["document 缺失"];
  if (typeof e.tables !== "number") problems.push("tables 缺失");
  if (!Array.isArray(e.expected)) problems.push("expected 不是数组");
  const ids: { [id: string]: true } = {};
  for (const x of (e.expected || []).concat((e.mustNot || []) as ExpectedFinding[])) {
    if (!x.id) problems.push("有条目没有 id");
    else if (ids[x.id]) problems.push("id 重复：" + x.id);
    else ids[x.id] = true;
    if (!x.rule && !x.cell && !x.table) problems.push(x.id + "：至少要给出 rule、table 或 cell 之一");
  }
  for (const x of e.expected || []) {
    if (x.linkedTo && !(e.expected || []).some((y) => y.id === x.linkedTo && !y.linkedTo)) problems.push(x.id + "：linkedTo 指向不存在的根源 " + x.linkedTo);
  }
  return problems;
}

export function compare(result: AuditResult, e: Expectation): Comparison {
  const entries = e.expected || [];
  const plain = entries.filter((x) => !x.linkedTo);
  const linkedEntries = entries.filter((x) => !!x.linkedTo);
  const expected: Finding[] = [];
  const rest: Finding[] = [];
  for (const f of result.findings) (plain.some((x) => matches(f, x)) ? expected : rest).push(f);

  // The causes that stand for an expected root: every finding matched by the root entry (by id), and all expected.
  const rootCauses: { [id: string]: { [cause: string]: true } } = {};
  for (const x of plain) {
    const keys: { [cause: string]: true } = {};
    for (const f of expected) if (matches(f, x)) keys[causeKey(f)] = true;
    rootCauses[x.id] = keys;
  }
  const expectedCauses: { [cause: string]: true } = {};
  for (const f of expected) expectedCauses[causeKey(f)] = true;

  const linked: Finding[] = [];
  const unexpected: Finding[] = [];
  for (const f of rest) {
    const viaEntry = linkedEntries.filter((x) => matches(f, x));
    if (viaEntry.length > 0) {
      const ok = viaEntry.some((x) => !!f.cause && !!rootCauses[x.linkedTo as string] && rootCauses[x.linkedTo as string][f.cause] === true);
      (ok ? linked : unexpected).push(f);
    } else if (f.cause && expectedCauses[f.cause]) linked.push(f);
    else unexpected.push(f);
  }

  const required = plain.filter((x) => !x.optional).map((x) => ({ entry: x, found: expected.some((f) => matches(f, x)) }));
  const violations: { entry: ForbiddenFinding; finding: Finding }[] = [];
  for (const x of e.mustNot || []) for (const f of result.findings) if (matches(f, x)) violations.push({ entry: x, finding: f });

  const byReason: { [reason: string]: number } = {};
  const nc = result.notChecked || [];
  for (const n of nc) byReason[n.reason] = (byReason[n.reason] || 0) + 1;
  const falseErrors = unexpected.filter((f) => f.severity === "error");
  const missingTables = (result.missing || []).slice();
  const tablesFound = result.tables.length;
  return {
    document: e.document,
    tablesFound: tablesFound,
    tablesExpected: e.tables,
    missingTables: missingTables,
    required: required,
    expected: expected,
    linked: linked,
    unexpected: unexpected,
    falseErrors: falseErrors,
    unexpectedWarnings: unexpected.filter((f) => f.severity === "warning"),
    violations: violations,
    notChecked: nc.length,
    notCheckedByReason: byReason,
    ok: tablesFound >= e.tables && required.every((r) => r.found) && falseErrors.length === 0 && violations.length === 0,
  };
}
