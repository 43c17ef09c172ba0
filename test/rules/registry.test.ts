/**
 * The rule registry (issue 9 §1–2): every id registered once; every id the engine writes is registered; every
 * registered id is in RULES.md or is one of the project's own, with a reason; every RULES.md id is registered or
 * listed as not implemented, with a reason. RULES.md's ids come from a committed fixture
 * (test/rules/rules-md-ids.json, refreshed by scripts/rulesMdIds.ts) so the test does not need ../shared.
 */
import * as fs from "fs";
import * as path from "path";
import { auditWorkbook, NOT_IMPLEMENTED, RULE_REGISTRY, ruleMeta } from "../../src/engine";
import { CATALOGUE } from "../../src/engine/rules/catalogue";
import * as F from "../fixtures/sample";
import { rulesMdIds } from "../../scripts/rulesMdIds";

const RULES_MD: string[] = JSON.parse(fs.readFileSync(path.join(__dirname, "rules-md-ids.json"), "utf8")).ids;
const ENGINE = path.join(__dirname, "../../src/engine");
const ID_LITERAL = /["'](T\d\d\.\d+|X\.\d+|S\.\d+|P\.\d+|NT\.\d+|N\d+[a-z]?|N-[A-Z]+(?:-[A-Z]+)*)["']/g;

function engineFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? engineFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

/** Rule-id string literals written in the engine, outside the registry itself. */
function idsInSource(): { id: string; file: string }[] {
  const out: { id: string; file: string }[] = [];
  for (const f of engineFiles(ENGINE)) {
    if (f.endsWith(path.join("rules", "registry.ts"))) continue;
    const text = fs.readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    for (let m = ID_LITERAL.exec(text); m; m = ID_LITERAL.exec(text)) out.push({ id: m[1], file: path.relative(ENGINE, f) });
  }
  return out;
}

test("every id is registered exactly once, with a title, a severity, a section and a kind", () => {
  const ids = RULE_REGISTRY.map((m) => m.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  expect(RULE_REGISTRY.length).toBeGreaterThan(100);
  for (const m of RULE_REGISTRY) {
    expect([m.id, /[\u4e00-\u9fa5]/.test(m.title)]).toEqual([m.id, true]);
    expect(["error", "warning", "tail", "info"]).toContain(m.severity);
    expect(m.section).toMatch(/^(RULES\.md §\d|project$)/);
    expect(m.kind).toMatch(/^(check|(sum|rowSum|tree|classLines|itemLines|same|le|perClass|perCode)(\|(sum|rowSum|tree|classLines|itemLines|same|le|perClass|perCode))*)$/);
  }
});

test("repeated catalogue entries are the parameters of one registered rule, whose kind and tables they give", () => {
  const ids = Array.from(new Set(CATALOGUE.map((s) => s.id)));
  for (const id of ids) expect([id, ruleMeta(id) ? ruleMeta(id)!.kind : "unregistered"]).not.toEqual([id, "unregistered"]);
  expect(ruleMeta("T04.6")!.kind).toBe("sum");
  expect(CATALOGUE.filter((s) => s.id === "T04.6")).toHaveLength(4);
  expect(ruleMeta("X.14")!.kind).toBe("same|perClass");
  expect(ruleMeta("T07.1")!.tables).toEqual(["公开07", "公开08"]);
  expect(ruleMeta("X.12")!.tables).toEqual(["公开05", "公开06"]);
  // Hand-written checks are not in the catalogue.
  expect(ruleMeta("T06.1")!.kind).toBe("check");
});

test("every rule id written in the engine's source is registered, and no id is built by string operations", () => {
  const found = idsInSource();
  expect(found.length).toBeGreaterThan(100);
  expect(found.filter((x) => !ruleMeta(x.id)).map((x) => x.file + ": " + x.id)).toEqual([]);
  const built = engineFiles(ENGINE).filter((f) => /replace\(\s*"公开"\s*,\s*"T"\s*\)|"T0"\s*\+|"X\."\s*\+|"N"\s*\+\s*\w/.test(fs.readFileSync(f, "utf8")));
  expect(built.map((f) => path.relative(ENGINE, f))).toEqual([]);
});

test("every id the engine reports on the sample, its narrative and its variants is registered", () => {
  const text = fs.readFileSync(F.SAMPLE_TEXT, "utf8");
  const runs = [
    auditWorkbook(F.sampleSnapshot()),
    auditWorkbook(F.sampleSnapshot(), { narrative: text }),
    auditWorkbook(F.snapshotOf(F.inYuan(F.loadSample()))),
    auditWorkbook(F.snapshotOf(F.hiddenDecimals(F.loadSample()))),
    auditWorkbook(F.snapshotOf(F.stateCapitalIncomeExpense(F.loadSample(), [1, 2, 3, 4, 5, 6]))),
    auditWorkbook({ sheets: F.sampleSnapshot().sheets.filter((s) => !/公开0[36]/.test(s.name)) }),
  ];
  const seen = new Set<string>();
  for (const r of runs) {
    for (const f of r.findings) seen.add(f.rule);
    for (const n of r.notChecked || []) seen.add(n.rule);
  }
  expect(seen.size).toBeGreaterThan(30);
  expect(Array.from(seen).filter((id) => !ruleMeta(id)).sort()).toEqual([]);
});

test("every registered id is in RULES.md, or is the project's own and says why", () => {
  const stray = RULE_REGISTRY.filter((m) => RULES_MD.indexOf(m.id) < 0 && !(m.section === "project" && m.reason && m.reason.length > 10));
  expect(stray.map((m) => m.id)).toEqual([]);
  // A project id must not shadow a RULES.md id.
  expect(RULE_REGISTRY.filter((m) => m.section === "project" && RULES_MD.indexOf(m.id) >= 0).map((m) => m.id)).toEqual([]);
});

test("every RULES.md id is registered or listed once as not implemented, with the reason", () => {
  const notImpl = NOT_IMPLEMENTED.map((n) => n.id);
  expect(notImpl.filter((id, i) => notImpl.indexOf(id) !== i)).toEqual([]);
  expect(NOT_IMPLEMENTED.filter((n) => n.reason.length < 8).map((n) => n.id)).toEqual([]);
  expect(RULES_MD.filter((id) => !ruleMeta(id) && notImpl.indexOf(id) < 0)).toEqual([]);
  // Not both: a rule listed as not implemented must not be registered, and must exist in RULES.md.
  expect(notImpl.filter((id) => ruleMeta(id) || RULES_MD.indexOf(id) < 0)).toEqual([]);
});

test("the RULES.md id reader expands ranges and alternatives, and ignores sources and prose", () => {
  const md = ["| id | rule |", "|---|---|", "| T03.1 | c1 = Σ |", "| T03.2–T03.5 | as T02 |", "| T05.2–5 | hierarchy |", "| N7/N8 | none |", "| N-TOC | 目录 |", "| S2a | a source |", "| 公开01 | not an id |", "See X.99 in prose."].join("\n");
  expect(rulesMdIds(md)).toEqual(["T03.1", "T03.2", "T03.3", "T03.4", "T03.5", "T05.2", "T05.3", "T05.4", "T05.5", "N7", "N8", "N-TOC"]);
  expect(RULES_MD.length).toBeGreaterThan(100);
});

test("the committed RULES.md ids match ../shared/domain/RULES.md when it is there", () => {
  const shared = path.join(__dirname, "../../../shared/domain/RULES.md");
  const candidates = [shared, "/work/shared/domain/RULES.md"].filter((p) => fs.existsSync(p));
  if (!candidates.length) return; // CI without ../shared: the committed fixture is the reference.
  expect(rulesMdIds(fs.readFileSync(candidates[0], "utf8"))).toEqual(RULES_MD);
});
