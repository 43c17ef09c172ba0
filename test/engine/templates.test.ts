/**
 * Template packs by year and region (issue 9 §3, RULES.md §4.6, §8.1 items 5 and 9): a year or a region is data
 * given to the audit (AuditOptions.templates), never an engine change; the year printed with the titles selects it.
 * The packs are inputs, not module state: audits with different packs in one process do not interfere.
 */
import * as XLSX from "@e965/xlsx";
import { analyseNarrative, AuditOptions, auditWorkbook, DEFAULT_TEMPLATES, recognize, templateFor, TemplateSet, withYear } from "../../src/engine";
import { Finding } from "../../src/engine/types";
import * as F from "../fixtures/sample";

const tables = (fs: Finding[]) => fs.filter((f) => /^公开/.test(f.table || ""));
const base = auditWorkbook(F.sampleSnapshot());
const audit = (wb: XLSX.WorkBook, options: AuditOptions = {}) => auditWorkbook(F.snapshotOf(wb), options);
const tableGaps = (r: ReturnType<typeof audit>) => r.notChecked.filter((n) => /^公开/.test(n.table || "")).map((n) => n.rule + "|" + n.table);

/** Every table cell whose whole text is `from` becomes `to` (titles, head lines, row labels). */
function rewrite(wb: XLSX.WorkBook, pairs: [string | RegExp, string][]): XLSX.WorkBook {
  for (const n of F.TABLE_SHEETS)
    F.eachCell(wb.Sheets[n], (addr, cell) => {
      if (cell.t !== "s") return;
      let t = String(cell.v);
      for (const [from, to] of pairs) t = typeof from === "string" ? (t === from ? to : t) : t.replace(from, to);
      if (t !== cell.v) wb.Sheets[n][addr] = { t: "s", v: t };
    });
  return wb;
}

/** The sample as a fake 2026 template would print it: 208 renamed, 公开02 retitled, the year 2026. */
function sample2026(year: string): XLSX.WorkBook {
  return rewrite(F.loadSample(), [
    ["2024年度", year + "年度"],
    ["收入决算表", "收入情况决算表"],
    ["社会保障和就业支出", "社会保障和就业服务支出"],
    ["八、社会保障和就业支出", "八、社会保障和就业服务支出"],
  ]);
}

/** A fake 2026 pack, declared in the test as data: 公开02 retitled, 208 renamed. */
const SET_2026: TemplateSet = withYear(DEFAULT_TEMPLATES, "2026", {
  replaceTitles: { 公开02: ["收入情况决算表"] },
  names: { 公开02: "收入情况决算表" },
  classes: { "208": { name: "社会保障和就业服务支出" } },
});

describe("a fake 2026 pack declared in the test", () => {
  const audit26 = (wb: XLSX.WorkBook) => audit(wb, { templates: SET_2026 });

  test("selects itself by the year of the titles and gives the sample's findings", () => {
    const r = audit26(sample2026("2026"));
    expect(r.missing).toEqual([]);
    expect(r.tables.find((t) => t.id === "公开02")!.title).toBe("收入情况决算表");
    expect(tables(r.findings).map(F.signatureAt)).toEqual(tables(base.findings).map(F.signatureAt));
    expect(tableGaps(r)).toEqual(tableGaps(base));
  });

  test("the same workbook dated 2024 is read with the 2024 pack: the renamed title is no table, 208 no class", () => {
    const r = audit26(sample2026("2024"));
    expect(r.missing).toEqual(["公开02"]);
    expect(tableGaps(r)).not.toEqual(tableGaps(base));
  });

  test("a deliberately broken figure is still caught under the 2026 pack", () => {
    const wb = sample2026("2026");
    const ws = wb.Sheets["公开02表"];
    let hit = "";
    F.eachCell(ws, (addr, cell) => {
      if (!hit && F.isAmountCell(cell) && Number(cell.v) > 100) hit = addr;
    });
    ws[hit] = { t: "n", v: Number(ws[hit].v) + 1 };
    const r = audit26(wb);
    expect(tables(r.findings).filter((f) => f.severity === "error").length).toBeGreaterThan(tables(base.findings).filter((f) => f.severity === "error").length);
  });

  test("the 2026 pack holds for later years; the 2024 pack keeps its names", () => {
    expect(templateFor("2027", undefined, SET_2026).classes.find((c) => c.code === "208")!.name).toBe("社会保障和就业服务支出");
    expect(templateFor("2024", undefined, SET_2026).classes.find((c) => c.code === "208")!.name).toBe("社会保障和就业支出");
    expect(templateFor(undefined, undefined, SET_2026).tables.find((t) => t.id === "公开02")!.titles).toEqual(["收入决算表"]);
  });

  test("declaring it changes no other audit: without the option, the 2026 workbook has no 公开02 and 2027 keeps 208's name", () => {
    expect(audit(sample2026("2026")).missing).toEqual(["公开02"]);
    expect(templateFor("2027").classes.find((c) => c.code === "208")!.name).toBe("社会保障和就业支出");
  });
});

/** Another 2026 pack, incompatible with SET_2026: 公开02 under yet another title, 208 under yet another name. */
const OTHER_2026: TemplateSet = withYear(DEFAULT_TEMPLATES, "2026", {
  replaceTitles: { 公开02: ["收入决算明细情况表"] },
  names: { 公开02: "收入决算明细情况表" },
  classes: { "208": { name: "社会保障与就业支出" } },
});

function otherSample(): XLSX.WorkBook {
  return rewrite(F.loadSample(), [
    ["2024年度", "2026年度"],
    ["收入决算表", "收入决算明细情况表"],
    ["社会保障和就业支出", "社会保障与就业支出"],
    ["八、社会保障和就业支出", "八、社会保障与就业支出"],
  ]);
}

describe("two packs for the same year in one process, interleaved", () => {
  test("audits alternate between the packs and each reads its own workbook like the sample", () => {
    const a = F.snapshotOf(sample2026("2026"));
    const b = F.snapshotOf(otherSample());
    const sigs = tables(base.findings).map(F.signatureAt);
    for (let round = 0; round < 2; round++) {
      for (const [snap, set] of [[a, SET_2026], [b, OTHER_2026]] as [typeof a, TemplateSet][]) {
        const r = auditWorkbook(snap, { templates: set });
        expect(r.missing).toEqual([]);
        expect(tables(r.findings).map(F.signatureAt)).toEqual(sigs);
      }
      // Each workbook under the other's pack: its 公开02 is not found (the packs do not leak into each other).
      expect(auditWorkbook(a, { templates: OTHER_2026 }).missing).toEqual(["公开02"]);
      expect(auditWorkbook(b, { templates: SET_2026 }).missing).toEqual(["公开02"]);
    }
  });

  test("work started with one pack and finished after an audit with the other still uses its own pack", () => {
    const recA = recognize(F.snapshotOf(sample2026("2026")), SET_2026);
    const recB = recognize(F.snapshotOf(otherSample()), OTHER_2026);
    expect(auditWorkbook(F.snapshotOf(otherSample()), { templates: OTHER_2026 }).missing).toEqual([]);
    expect(recA.template!.classes.find((c) => c.code === "208")!.name).toBe("社会保障和就业服务支出");
    expect(recB.template!.classes.find((c) => c.code === "208")!.name).toBe("社会保障与就业支出");
    expect(recA.tables["公开02"]!.pack).toBe(recA.template);
    // The narrative analysed later (as the pane does) reads with the pack of its own recognition: as in A's audit.
    const narrA = analyseNarrative(recA, F.snapshotOf(sample2026("2026")));
    const inAudit = auditWorkbook(F.snapshotOf(sample2026("2026")), { templates: SET_2026 }).findings.filter((f) => f.table === "情况说明" || f.table === "绩效");
    expect(narrA.findings.map((f) => f.rule + " " + f.cell + " " + f.message).sort()).toEqual(inAudit.map((f) => f.rule + " " + f.cell + " " + f.message).sort());
  });
});

describe("declared differences", () => {
  const cls = (year: string | undefined, code: string) => templateFor(year).classes.find((c) => c.code === code)!;

  test("2018 and before: 207 and 210 under their old names, the 2024 names still read", () => {
    for (const y of ["2015", "2016", "2018"]) {
      expect(cls(y, "207").name).toBe("文化体育与传媒支出");
      expect(cls(y, "210").name).toBe("医疗卫生与计划生育支出");
      expect(cls(y, "207").aliases).toContain("文化旅游体育与传媒支出");
    }
    expect(cls("2019", "207").name).toBe("文化旅游体育与传媒支出");
    expect(cls(undefined, "210").name).toBe("卫生健康支出");
  });

  test("before 2018: the old 经济分类 names; from 2018 none", () => {
    expect(templateFor("2017").economicOld["社会保障缴费"]).toBe("30104");
    expect(templateFor("2018").economicOld).toEqual({});
    expect(templateFor("2024").economicOld).toEqual({});
  });

  test("a 2016 workbook with the old class names and wording gives the sample's findings", () => {
    const r = audit(rewrite(F.oldTemplate(F.loadSample()), [["2024年度", "2016年度"]]));
    expect(r.missing).toEqual([]);
    expect(tables(r.findings).map(F.signatureAt)).toEqual(tables(base.findings).map(F.signatureAt));
  });

  test("2025: the 2024 template, class 234 included", () => {
    expect(templateFor("2025").classes.map((c) => c.code)).toEqual(templateFor("2024").classes.map((c) => c.code));
    expect(cls("2025", "234").name).toBe("抗疫特别国债安排的支出");
  });

  test("Shanghai: numbering 一…九 (七 三公, 八 基金, 九 国资) and its 公开06 title, as a regional alias set", () => {
    const sh = templateFor("2024", "上海");
    expect([sh.numbering!["七"], sh.numbering!["八"], sh.numbering!["九"]]).toEqual(["公开09", "公开07", "公开08"]);
    const t06 = (p: ReturnType<typeof templateFor>) => p.tables.find((t) => t.id === "公开06")!.titles;
    expect(t06(sh)).toContain("一般公共预算财政拨款基本支出决算表");
    expect(t06(templateFor("2024", null))).not.toContain("一般公共预算财政拨款基本支出决算表");
    expect(t06(templateFor("2024"))).toContain("一般公共预算财政拨款基本支出决算表");
  });

  test("a workbook with the Shanghai titles and numbering gives the sample's findings", () => {
    const r = audit(
      rewrite(F.loadSample(), [
        ["收入支出决算总表", "一、收入支出决算总表"],
        ["收入决算表", "二、收入决算表"],
        ["支出决算表", "三、支出决算表"],
        ["财政拨款收入支出决算总表", "四、财政拨款收入支出决算总表"],
        ["一般公共预算财政拨款支出决算表", "五、一般公共预算财政拨款支出决算表"],
        ["一般公共预算财政拨款基本支出决算明细表", "六、一般公共预算财政拨款基本支出决算表"],
        ["一般公共预算财政拨款“三公”经费支出决算表", "七、一般公共预算财政拨款“三公”经费支出决算表"],
        ["政府性基金预算财政拨款收入支出决算表", "八、政府性基金预算财政拨款收入支出决算表"],
        ["国有资本经营预算财政拨款支出决算表", "九、国有资本经营预算财政拨款支出决算表"],
      ]),
    );
    expect(r.missing).toEqual([]);
    expect(r.tables.find((t) => t.id === "公开06")!.title).toBe("六、一般公共预算财政拨款基本支出决算表");
    expect(tables(r.findings).map(F.signatureAt)).toEqual(tables(base.findings).map(F.signatureAt));
  });
});
