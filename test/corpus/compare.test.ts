/**
 * The comparison behind `npm run corpus` (scripts/corpusCompare.ts) on a small made-up expectation and audit
 * result, so that it is tested without ../shared; and the committed expectations are well-formed.
 */
import * as fs from "fs";
import * as path from "path";
import { causeKey, compare, Expectation, matches, validateExpectation } from "../../scripts/corpusCompare";
import type { AuditResult, Finding, TableId } from "../../src/engine/types";

function finding(p: Partial<Finding>): Finding {
  return {
    rule: "T02.2", severity: "tail", table: "公开02", sheet: "二 收入决算表", cell: "C5", related: [], expected: null, actual: null,
    difference: null, tolerance: null, message: "", cause: null, ...p,
  };
}

function result(findings: Finding[], tables = 9): AuditResult {
  const ids: TableId[] = ["公开01", "公开02", "公开03", "公开04", "公开05", "公开06", "公开07", "公开08", "公开09"];
  return {
    tables: ids.slice(0, tables).map((id) => ({ id: id, title: id, sheet: id, range: "A1:B2" })),
    missing: ids.slice(tables),
    summary: { checks: 10, passed: 5, errors: 0, warnings: 0, tails: 0, infos: 0, notChecked: 2 },
    findings: findings,
    notChecked: [
      { rule: "X.14", table: "公开07", reason: "缺合计行", detail: "", cells: [] },
      { rule: "T07.1", table: "公开07", reason: "缺合计行", detail: "", cells: [] },
    ],
    tableStats: [],
  };
}

const EXPECTATION: Expectation = {
  document: "made-up",
  tables: 9,
  expected: [
    { id: "E1", rule: "T02.2", table: "公开02", cell: "C5", severity: "tail", actual: "1851.44", expected: "1851.43", difference: "0.01" },
    { id: "E2", rule: "X.16", table: "公开06", cell: "F15", severity: "error", actual: "13.24", expected: "0", difference: "13.24" },
    { id: "E3", rule: "N*", table: "情况说明", cell: "A13", severity: ["error", "warning"], actual: "4.35" },
    { id: "E4", rule: "T06.4", cell: "F42", severity: "tail", optional: true },
    { id: "R1", rule: "S.10", table: "公开05", severity: "error" },
    { id: "L1", rule: "T05.3", sheet: "五", cell: "C5", linkedTo: "R1" },
  ],
  mustNot: [{ id: "M1", rule: "X.14", severity: "error" }],
};

const root = finding({ rule: "S.10", severity: "error", table: "公开05", sheet: "五", cell: "C18" });
const good = [
  finding({ actual: "1,851.44", expected: "1851.43", difference: "0.010" }),
  finding({ rule: "X.16", severity: "error", table: "公开06", sheet: "六", cell: "F15", actual: "13.24", expected: "0.00", difference: "13.24" }),
  finding({ rule: "N5a", severity: "error", table: "情况说明", sheet: "情况说明", cell: "A13", actual: "4.35%" }),
  root,
  finding({ rule: "T05.3", severity: "error", table: "公开05", sheet: "五", cell: "C5", cause: causeKey(root) }),
];

test("all as expected: every required finding reported, a consequence linked to its root, the unchecked counted", () => {
  const c = compare(result(good), EXPECTATION);
  expect(c.required.map((r) => [r.entry.id, r.found])).toEqual([["E1", true], ["E2", true], ["E3", true], ["R1", true]]);
  expect(c.expected.length).toBe(4);
  expect(c.linked.length).toBe(1);
  expect(c.falseErrors).toEqual([]);
  expect(c.notChecked).toBe(2);
  expect(c.notCheckedByReason).toEqual({ 缺合计行: 2 });
  expect(c.ok).toBe(true);
});

test("a missing finding, a wrong figure, a missing table, a false error, an unlinked consequence and a forbidden one each fail", () => {
  // E2 reported with another figure does not count.
  const wrongFigure = good.map((f) => (f.rule === "X.16" ? { ...f, difference: "13.25" } : f));
  let c = compare(result(wrongFigure), EXPECTATION);
  expect(c.required.filter((r) => !r.found).map((r) => r.entry.id)).toEqual(["E2"]);
  expect(c.falseErrors.map((f) => f.rule)).toEqual(["X.16"]);
  expect(c.ok).toBe(false);

  c = compare(result(good, 8), EXPECTATION);
  expect(c.missingTables).toEqual(["公开09"]);
  expect(c.ok).toBe(false);

  const stray = finding({ rule: "T03.2", severity: "error", table: "公开03", sheet: "三", cell: "D5" });
  c = compare(result(good.concat([stray])), EXPECTATION);
  expect(c.falseErrors).toEqual([stray]);
  expect(c.ok).toBe(false);

  // The consequence of the shifted column without its cause is an unrelated error.
  const unlinked = good.map((f) => (f.rule === "T05.3" ? { ...f, cause: null } : f));
  c = compare(result(unlinked), EXPECTATION);
  expect(c.linked).toEqual([]);
  expect(c.falseErrors.map((f) => f.rule)).toEqual(["T05.3"]);

  const forbidden = finding({ rule: "X.14", severity: "error", table: "公开07", sheet: "八", cell: "E5", cause: causeKey(root) });
  c = compare(result(good.concat([forbidden])), EXPECTATION);
  expect(c.violations.map((v) => v.entry.id)).toEqual(["M1"]);
  expect(c.ok).toBe(false);
});

test("an unexpected warning is listed but does not fail; an optional entry is neither required nor unexpected", () => {
  const warn = finding({ rule: "N6", severity: "warning", table: "情况说明", sheet: "情况说明", cell: "A54" });
  const echo = finding({ rule: "T06.4", severity: "tail", table: "公开06", sheet: "六", cell: "F42" });
  const c = compare(result(good.concat([warn, echo])), EXPECTATION);
  expect(c.unexpectedWarnings).toEqual([warn]);
  expect(c.expected).toContain(echo);
  expect(c.required.length).toBe(4);
  expect(c.ok).toBe(true);
});

test("patterns: rule prefixes and alternatives, figures as decimals", () => {
  const f = finding({ rule: "N5b", severity: "warning", actual: "6.08%" });
  expect(matches(f, { rule: "N*", actual: "6.08" })).toBe(true);
  expect(matches(f, { rule: ["N5a", "N5c"] })).toBe(false);
  expect(matches(f, { severity: ["error", "warning"] })).toBe(true);
  expect(matches(f, { actual: "6.09" })).toBe(false);
  expect(matches(f, { cell: ["C5", "D5"] })).toBe(true);
  expect(matches({ ...f, cell: null }, { cell: "C5" })).toBe(false);
  expect(matches({ ...f, message: "表下没有说明（其他表有）" }, { messageIncludes: "（其他表有）" })).toBe(true);
  expect(matches({ ...f, message: "表下没有说明" }, { messageIncludes: "（其他表有）" })).toBe(false);
});

test("expectation files are checked: duplicate ids, dangling roots, entries that name nothing", () => {
  expect(validateExpectation(EXPECTATION)).toEqual([]);
  const bad: Expectation = {
    document: "x",
    tables: 9,
    expected: [{ id: "A" , rule: "T01.1" }, { id: "A", rule: "T01.2" }, { id: "B", linkedTo: "Z", rule: "T05.1" }, { id: "C" }],
  };
  expect(validateExpectation(bad)).toEqual(["id 重复：A", "C：至少要给出 rule、table 或 cell 之一", "B：linkedTo 指向不存在的根源 Z"]);
});

test("the committed corpus expectations are well-formed (the documents themselves stay in ../shared)", () => {
  const dir = __dirname;
  const files = fs.readdirSync(dir).filter((n) => /\.expected\.json$/.test(n));
  expect(files.length).toBeGreaterThanOrEqual(3);
  for (const n of files) {
    const e = JSON.parse(fs.readFileSync(path.join(dir, n), "utf8")) as Expectation;
    expect([n, validateExpectation(e)]).toEqual([n, []]);
    expect(e.document + ".expected.json").toBe(n);
    expect(e.expected.filter((x) => !x.optional && !x.linkedTo).length).toBeGreaterThan(10);
  }
});
