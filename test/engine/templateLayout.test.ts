/**
 * Layout facts are pack data (issue 9 item 3): the 基本支出-only items, the X.13 pairs, 公开06's lane totals and
 * 公开09's header words are read from the template pack, so a year that changes them is a patch (`layout`) and a
 * test, with no engine change. Each case: the patched pack changes the result; the base pack does not.
 */
import * as XLSX from "@e965/xlsx";
import { AuditOptions, auditWorkbook, DEFAULT_TEMPLATES, recognize, templateFor, TemplateSet, withYear } from "../../src/engine";
import { Finding } from "../../src/engine/types";
import * as F from "../fixtures/sample";

const tables = (fs: Finding[]) => fs.filter((f) => /^公开/.test(f.table || ""));
const base = auditWorkbook(F.sampleSnapshot());
const audit = (wb: XLSX.WorkBook, options: AuditOptions = {}) => auditWorkbook(F.snapshotOf(wb), options);

/** Every string cell of `sheets` whose whole text is a key of `map` is rewritten. */
function rewrite(wb: XLSX.WorkBook, sheets: string[], map: { [from: string]: string }): XLSX.WorkBook {
  for (const n of sheets)
    F.eachCell(wb.Sheets[n], (addr, cell) => {
      if (cell.t !== "s") return;
      const t = String(cell.v);
      const to = Object.prototype.hasOwnProperty.call(map, t) ? map[t] : t.replace("2024年度", "2026年度");
      if (to !== t) wb.Sheets[n][addr] = { t: "s", v: to };
    });
  return wb;
}

const dated2026 = () => rewrite(F.loadSample(), F.TABLE_SHEETS, {});
const set2026 = (layout: NonNullable<Parameters<typeof withYear>[2]["layout"]>): TemplateSet => withYear(DEFAULT_TEMPLATES, "2026", { layout });

test("基本支出-only items: a 2026 pack adding 其他科学技术支出 flags its 项目支出 in 公开03 and 公开05", () => {
  const set = set2026({ basicOnlyItems: templateFor().basicOnlyItems.concat(["其他科学技术支出"]) });
  const hints = (fs: Finding[]) => fs.filter((f) => f.rule === "T03.6" || f.rule === "T05.6").map((f) => f.rule + " " + f.cell + " " + f.actual);
  const r = audit(dated2026(), { templates: set });
  expect(hints(r.findings)).toEqual(expect.arrayContaining(["T03.6 E10 66.89", "T05.6 E10 66.89"]));
  expect(hints(r.findings).length).toBeGreaterThan(hints(base.findings).length);
  expect(r.findings.filter((f) => f.rule === "T03.6" && /其他科学技术支出/.test(f.message)).length).toBe(1);
  // the same workbook under the project's packs: the sample's two hints only
  expect(hints(audit(dated2026()).findings)).toEqual(hints(base.findings));
});

test("X.13 pairs: a pack without the retirement pair and with no function/economic pairs has no X.13 hint", () => {
  const set = set2026({ functionEconomicPairs: [], retirementPair: { functions: [], functionsName: "", economic: [], economicName: "" } });
  expect(base.findings.filter((f) => f.rule === "X.13").length).toBe(1);
  expect(audit(dated2026(), { templates: set }).findings.filter((f) => f.rule === "X.13")).toEqual([]);
});

test("公开06's lane totals under other names: read with a pack naming them, missing under the base pack", () => {
  const names = { 人员经费: "人员类支出", 公用经费: "公用类支出", 人员经费合计: "人员类支出合计", 公用经费合计: "公用类支出合计" };
  const wb = () => rewrite(dated2026(), ["公开06表"], names);
  const set = set2026({
    basicTotals: [
      { key: "P.total", name: "人员类支出合计", lane: "personnel" },
      { key: "G.total", name: "公用类支出合计", lane: "public" },
    ],
  });
  const r = audit(wb(), { templates: set });
  expect(tables(r.findings).map(F.signatureAt)).toEqual(tables(base.findings).map(F.signatureAt));
  expect(r.notChecked).toEqual(base.notChecked);
  // Under the project's packs the totals are not found: their checks are 未审核, never passed.
  const plain = audit(wb());
  expect(plain.notChecked.filter((n) => n.table === "公开06" && n.reason === "缺合计行").length).toBeGreaterThan(0);
  // A deliberately broken lane total is still caught under the patched pack.
  const broken = wb();
  const ws = broken.Sheets["公开06表"];
  const cell = ws["C34"] as XLSX.CellObject;
  ws["C34"] = { t: "n", v: Number(cell.v) + 1 };
  expect(audit(broken, { templates: set }).findings.filter((f) => f.rule === "T06.2" && f.severity === "error").length).toBe(1);
});

test("公开09's header words: a pack reading 执行数 as the 决算数 block names its columns so", () => {
  const set = set2026({ sangongHead: { ...templateFor().sangongHead, actual: /执行/, actualName: "执行数" } });
  const wb = dated2026();
  F.eachCell(wb.Sheets["公开09表"], (addr, cell) => {
    if (cell.t === "s" && /决算数/.test(String(cell.v))) wb.Sheets["公开09表"][addr] = { t: "s", v: String(cell.v).replace("决算数", "执行数") };
  });
  const r = audit(wb, { templates: set });
  expect(r.missing).toEqual([]);
  expect(tables(r.findings).map(F.signatureAt)).toEqual(tables(base.findings).map(F.signatureAt));
  const names = (s?: TemplateSet) => recognize(F.snapshotOf(wb), s).tables["公开09"]!.columns.map((c) => c.key + " " + c.name);
  expect(names(set)).toContain("c7 执行数合计");
  expect(names(set)).toContain("c12 执行数公务接待费");
  // the base pack, not knowing 执行数, falls back on the order of the columns and names them 决算数
  expect(names()).toContain("c7 决算数合计");
});
