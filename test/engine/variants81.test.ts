/**
 * The layouts of RULES.md §8.1 (items 1–7, 9), each built from the sample: the same findings as the sample
 * (rules, severities, figures; cells may move), and a broken figure in that layout is still caught.
 */
import { auditWorkbook, runAudit } from "../../src/engine";
import { economicCodeByName } from "../../src/engine/layouts";
import { templateFor } from "../../src/engine/templates";
import { recognize } from "../../src/engine/recognize";
import { Finding } from "../../src/engine/types";
import * as F from "../fixtures/sample";
import * as V from "../fixtures/variants81";

type WB = ReturnType<typeof F.loadSample>;
const tables = (fs: Finding[]) => fs.filter((f) => /^公开/.test(f.table || ""));
const base = tables(auditWorkbook(F.sampleSnapshot()).findings);
const audit = (wb: WB) => auditWorkbook(F.snapshotOf(wb));
const sigs = (fs: Finding[]) => fs.map(F.signature).sort();
/** The one presentation note tied to how the empty 公开07 prints its 合计 row (blank where others print 0.00). */
const blankTotalNote = (f: Finding) => f.rule === "T07.4" && f.severity === "info";
const errorsAt = (fs: Finding[]) => fs.filter((f) => f.severity === "error").map((f) => f.rule + " " + f.cell);

describe("§8.1 item 1: 合计 on the header row", () => {
  test.each([
    ["科目编码 over 类 | 款 | 项, 合计 in the 科目名称 column", true],
    ["功能分类科目编码 | 合计", false],
  ])("%s: identical findings", (_name, split) => {
    const r = audit(V.totalOnHeaderRow(F.loadSample(), split as boolean));
    expect(r.missing).toEqual([]);
    expect(sigs(tables(r.findings))).toEqual(sigs(base));
    // The 合计 row is read on the header row itself (row 5), not skipped.
    expect(tables(r.findings).find((f) => f.rule === "T05.1" && f.actual === "2481.93")!.cell).toBe(split ? "E5" : "C5");
  });

  test("a broken 合计 on the header row is caught", () => {
    const wb = V.totalOnHeaderRow(F.loadSample(), true);
    wb.Sheets["公开05表"]["F5"] = { t: "n", v: 640.5, z: "#,##0.00" }; // 基本支出 合计 630.50 → 640.50
    const errors = errorsAt(audit(wb).findings);
    expect(errors).toEqual(expect.arrayContaining(["T05.1 E5", "T05.2 F5"]));
  });

  test("政府性基金/国有资本经营 tables with 基本支出/项目支出 standing on the 合计 row: identical findings, the header cells absent", () => {
    const wb = V.fundSubheadersOnTotal(F.loadSample(), "公开07表", "政府性基金预算财政拨款收入支出决算表");
    V.fundSubheadersOnTotal(wb, "公开08表", "国有资本经营预算财政拨款收入支出决算表", [0, 0, 0]);
    const r = runAudit(F.snapshotOf(wb));
    expect(r.missing).toEqual([]);
    expect(sigs(tables(r.findings))).toEqual(sigs(base));
    expect(r.findings.filter((f) => f.rule === "S.3" || f.rule === "S.7")).toEqual([]);
    const t8 = r.recognition.tables["公开08"]!;
    expect(t8.variant).toBe("fund");
    expect(t8.columns.map((c) => c.key).sort()).toEqual(["c1", "c2", "c3", "c4", "c5", "c6"]);
    const total = t8.rows.find((x) => x.key === "合计")!;
    expect(Object.keys(total.cells).sort()).toEqual(["c1", "c2", "c6"]);
    expect(total.absent).toEqual({ c3: expect.stringContaining("“合计”"), c4: expect.stringContaining("“基本支出”"), c5: expect.stringContaining("“项目支出”") });
  });

  test("a broken figure under such a header is caught (本年支出 ≠ 基本支出 + 项目支出 on a class row)", () => {
    const wb = V.fundSubheadersOnTotal(F.loadSample(), "公开07表", "政府性基金预算财政拨款收入支出决算表", [0, 5, 0], [
      ["212", "城乡社区支出", 0, 5, 5, 0, 4, 0],
      ["21208", "国有土地使用权出让收入安排的支出", 0, 5, 5, 0, 4, 0],
      ["2120899", "其他国有土地使用权出让收入安排的支出", 0, 5, 5, 0, 4, 0],
    ]);
    const r = audit(wb);
    expect(errorsAt(r.findings)).toEqual(expect.arrayContaining(["T07.1 E7", "T07.1 E8", "T07.1 E9"]));
    expect(r.findings.filter((f) => f.rule === "S.3")).toEqual([]);
  });
});

describe("§8.1 item 2: 公开06 with 经济分类 codes split, apart from the name, or absent", () => {
  test.each([
    ["301 | 01 under one merged 经济分类科目编码 header", () => V.basicSplitCodes(F.loadSample(), false)],
    ["类 | 款 headers, the 类 only on class rows and 款 rows showing 01 alone", () => V.basicSplitCodes(F.loadSample(), true)],
    ["the name two columns right of the code", () => V.basicNameGap(F.loadSample())],
  ])("%s: identical findings", (_name, build) => {
    const r = runAudit(F.snapshotOf((build as () => WB)()));
    expect(sigs(tables(r.findings))).toEqual(sigs(base));
    const t6 = r.recognition.tables["公开06"]!;
    expect(t6.rows.filter((x) => x.code).length).toBe(81);
    expect(t6.rows.find((x) => x.key === "30101")!.label).toBe("基本工资");
    expect(t6.rows.some((x) => x.inferred)).toBe(false);
  });

  test("names only: codes inferred from the standard names, rows marked, one warning; otherwise identical findings", () => {
    const r = runAudit(F.snapshotOf(V.basicNamesOnly(F.loadSample())));
    const t6 = r.recognition.tables["公开06"]!;
    const coded = t6.rows.filter((x) => x.code);
    expect(coded.length).toBe(81);
    expect(coded.every((x) => x.inferred === "科目编码由名称推断")).toBe(true);
    // Names that repeat across 类 follow the 类 above them: 其他支出 is 399 after 310, then 39999 under 399.
    expect(coded.filter((x) => x.label === "其他支出").map((x) => x.code)).toEqual(["399", "39999"]);
    expect(coded.find((x) => x.label === "房屋建筑物购建")!.code).toBe("31001");
    const notice = tables(r.findings).filter((f) => f.rule === "S.7");
    expect(notice.map((f) => f.severity + " " + f.message)).toEqual(["warning 公开06：未列经济分类科目编码，81 行的科目编码由科目名称推断，涉及这些行的勾稽结果至多为疑点"]);
    expect(sigs(tables(r.findings).filter((f) => f.rule !== "S.7"))).toEqual(sigs(base));
  });

  test("names are read with the document's year: before 2018 住房公积金 is 30311 under 303 and 社会保障缴费 30104", () => {
    expect(economicCodeByName("住房公积金", "303", templateFor("2017"))).toBe("30311");
    expect(economicCodeByName("住房公积金", "301", templateFor("2024"))).toBe("30113");
    expect(economicCodeByName("社会保障缴费", "301", templateFor("2017"))).toBe("30104");
    expect(economicCodeByName("社会保障缴费", "301", templateFor("2024"))).toBeNull();
    expect(economicCodeByName("维修(护)费", "302", templateFor("2024"))).toBe("30213");
  });

  test("a broken 款 is caught in the split layout (error) and in the names-only layout (at most 疑点)", () => {
    const split = V.basicSplitCodes(F.loadSample(), true);
    split.Sheets["公开06表"]["D7"] = { t: "n", v: 295.49, z: "#,##0.00" }; // 30101 基本工资 294.49 → 295.49
    expect(errorsAt(audit(split).findings)).toEqual(expect.arrayContaining(["T06.1 D6"]));
    const names = V.basicNamesOnly(F.loadSample());
    names.Sheets["公开06表"]["B7"] = { t: "n", v: 295.49, z: "#,##0.00" };
    const t6 = audit(names).findings.filter((f) => f.rule === "T06.1" && f.cell === "B6");
    expect(t6.length).toBe(1);
    expect(t6[0].severity).toBe("warning"); // inferred rows cap the finding at 疑点 (RULES.md §0.3)
    expect(t6[0].difference).toBe("-0.99");
  });
});

describe("§8.1 item 3: 功能分类 codes as printed", () => {
  test("类 | 款 | 项 in three narrow columns, each part only where it changes: identical findings", () => {
    const r = audit(V.sparseSplitCodes(F.loadSample()));
    expect(sigs(tables(r.findings))).toEqual(sigs(base));
  });

  test("the code in front of the name (2010301 行政运行): identical findings, names without the code", () => {
    const r = runAudit(F.snapshotOf(V.codeInName(F.loadSample())));
    expect(sigs(tables(r.findings))).toEqual(sigs(base));
    const t5 = r.recognition.tables["公开05"]!;
    expect(t5.rows.find((x) => x.key === "2010301")!.label).toBe("行政运行");
  });

  test("a broken 项 in either layout is caught", () => {
    for (const wb of [V.sparseSplitCodes(F.loadSample()), V.codeInName(F.loadSample())]) {
      const ws = wb.Sheets["公开05表"];
      const addr = Object.keys(ws).find((k) => ws[k] && ws[k].v === 36.91 && /^[A-Z]27$/.test(k))!; // 2210201 小计
      ws[addr] = { t: "n", v: 37.91, z: "#,##0.00" };
      const errors = audit(wb).findings.filter((f) => f.severity === "error" && f.table === "公开05").map((f) => f.rule);
      expect(errors).toEqual(expect.arrayContaining(["T05.1", "T05.4"]));
    }
  });
});

describe("§8.1 item 4: empty tables with no amount row", () => {
  test("公开07/08 as title, headers and a sentence: present and empty, no finding but the presentation note", () => {
    const r = runAudit(F.snapshotOf(V.emptyWithoutAmountRow(F.loadSample())));
    expect(r.missing).toEqual([]);
    expect(sigs(tables(r.findings))).toEqual(sigs(base.filter((f) => !blankTotalNote(f))));
    const t7 = r.recognition.tables["公开07"]!;
    expect(t7.rows).toEqual([]);
    expect(t7.emptyStatement).toContain("本表无数据");
    expect(r.recognition.tables["公开08"]!.emptyStatement).toContain("空表");
  });

  test("template instruction text left in is an info (TEXT) finding", () => {
    const r = audit(V.emptyWithoutAmountRow(F.loadSample(), true));
    const extra = tables(r.findings).filter((f) => f.rule === "S.7");
    expect(extra.map((f) => f.table + " " + f.severity)).toEqual(["公开07 info", "公开08 info"]);
    expect(extra[0].message).toContain("仍保留该表格式");
    expect(sigs(tables(r.findings).filter((f) => f.rule !== "S.7"))).toEqual(sigs(base.filter((f) => !blankTotalNote(f))));
  });

  test("without the sentence the empty table is an error (T07.4), still present", () => {
    const wb = V.emptyWithoutAmountRow(F.loadSample());
    const ws = wb.Sheets["公开07表"];
    for (const k of Object.keys(ws)) if (!k.startsWith("!") && /本表无数据/.test(String(ws[k].v))) delete ws[k];
    const r = audit(wb);
    expect(r.missing).toEqual([]);
    expect(errorsAt(tables(r.findings))).toEqual(["T07.4 null"]);
  });

  test("公开09 with headers and a sentence only: present and empty, no 三公 finding", () => {
    const r = runAudit(F.snapshotOf(V.emptySangong(F.loadSample())));
    expect(r.missing).toEqual([]);
    const t9 = r.recognition.tables["公开09"]!;
    expect(t9.rows).toEqual([]);
    expect(t9.columns.length).toBe(12);
    expect(t9.emptyStatement).toContain("空表");
    expect(r.findings.filter((f) => f.table === "公开09")).toEqual([]);
  });
});

describe("§8.1 item 5: Shanghai numbering and titles", () => {
  test("一…九 without 公开NN, 七 = 三公, 八/九 as 收入支出 tables: identical findings", () => {
    const wb = V.shanghai(F.loadSample());
    const r = audit(wb);
    expect(r.missing).toEqual([]);
    expect(sigs(tables(r.findings))).toEqual(sigs(base));
    const sheetOf = (id: string) => r.tables.find((t) => t.id === id)!.sheet;
    expect([sheetOf("公开09"), sheetOf("公开07"), sheetOf("公开08"), sheetOf("公开06")]).toEqual([
      "七 财政拨款“三公”经费支出决算表",
      "八 政府性基金预算财政拨款收入支出决算表",
      "九 国有资本经营预算财政拨款收入支出决算表",
      "六 一般公共预算财政拨款基本支出决算表",
    ]);
  });

  test("a broken figure in the Shanghai 七 (三公) is caught", () => {
    const wb = V.shanghai(F.loadSample());
    wb.Sheets["七 财政拨款“三公”经费支出决算表"]["L8"] = { t: "n", v: 1.12, z: "#,##0.00" };
    expect(errorsAt(audit(wb).findings)).toEqual(expect.arrayContaining(["T09.3 G8"]));
  });
});

describe("§8.1 item 6: a table continued over pages", () => {
  const all = (mark: V.Mark) => ["公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表"].reduce((wb, n) => V.continued(wb, n, 9, mark), F.loadSample());

  test.each([["（续）"], ["续表"], ["续表："]])("header repeated after a page footer and the title with %s: identical findings", (mark) => {
    const r = audit(all(mark as V.Mark));
    expect(r.missing).toEqual([]);
    expect(sigs(tables(r.findings))).toEqual(sigs(base));
  });

  test("a broken figure after the page break is caught", () => {
    const wb = all("（续）");
    const ws = wb.Sheets["公开05表"];
    const row = Object.keys(ws).find((k) => /^A\d+$/.test(k) && ws[k].v === "2210201")!.slice(1); // below the break
    expect(+row).toBeGreaterThan(20);
    ws["C" + row] = { t: "n", v: 37.91, z: "#,##0.00" };
    const errors = audit(wb).findings.filter((f) => f.severity === "error" && f.table === "公开05");
    expect(errors.map((f) => f.rule + " " + f.cell)).toEqual(expect.arrayContaining(["T05.1 C" + row, "T05.4 C" + (+row - 1)]));
  });
});

describe("§8.1 item 7: a 合计 cell without a figure", () => {
  test("a blank 合计 with non-zero parts: the row is kept, the cell is blank (not absent), and it is reported, never passed", () => {
    const r = runAudit(F.snapshotOf(V.blankTotal(F.loadSample())));
    const total = r.recognition.tables["公开05"]!.rows.find((x) => x.key === "合计")!;
    expect(total.cells.c1.state).toBe("blank");
    expect(total.absent).toBeUndefined();
    const at = r.findings.filter((f) => f.table === "公开05" && f.cell === "C7").map((f) => f.rule);
    expect(at).toEqual(expect.arrayContaining(["T05.1", "T05.2"]));
    // 合计未填 is a 疑点, not an error: the blank is not a 0 that anyone can be sure of.
    expect(r.findings.filter((f) => f.table === "公开05" && f.cell === "C7").map((f) => f.severity)).not.toContain("error");
  });

  test("a header cell merged down over the 合计 row: that 合计 is absent (NOT CHECKED), the findings are the sample's", () => {
    const r = runAudit(F.snapshotOf(V.mergedHeaderOverTotal(F.loadSample())));
    expect(sigs(tables(r.findings))).toEqual(sigs(base));
    const total = r.recognition.tables["公开02"]!.rows.find((x) => x.key === "合计")!;
    expect(total.cells.c1).toBeUndefined();
    expect(total.absent).toEqual({ c1: "合计行该栏被表头合并单元格“本年收入合计”占据，未列合计数" });
    expect(Object.keys(total.cells).sort()).toEqual(["c2", "c3", "c4", "c5", "c6", "c7"]);
    const unchecked = r.notChecked.filter((n) => n.table === "公开02").map((n) => n.rule + " " + n.reason);
    expect(unchecked).toEqual(expect.arrayContaining(["T02.1 缺合计行", "T02.2 缺合计行", "X.1 缺合计行"]));
  });

  test("with the merged header, a broken figure in another 栏 of that 合计 row is still caught", () => {
    const wb = V.mergedHeaderOverTotal(F.loadSample());
    wb.Sheets["公开02表"]["D6"] = { t: "n", v: 2491.93, z: "#,##0.00" }; // 财政拨款收入 合计 2,481.93 → 2,491.93
    expect(errorsAt(audit(wb).findings)).toEqual(expect.arrayContaining(["T02.2 D6"]));
  });
});

describe("§8.1 item 9: a 2025 document", () => {
  test("the year is read from the heads (2025) and the findings are identical", () => {
    const r = runAudit(F.snapshotOf(V.year2025(F.loadSample())));
    expect(sigs(tables(r.findings))).toEqual(sigs(base));
    for (const id of ["公开01", "公开05", "公开09"] as const) expect(r.recognition.tables[id]!.year).toBe("2025");
  });

  test("the department and the year on a line above each title: read from there, identical findings", () => {
    const r = runAudit(F.snapshotOf(V.headAboveTitle(F.loadSample(), "三门峡市行政审批和政务信息管理局 2025 年度")));
    expect(sigs(tables(r.findings))).toEqual(sigs(base));
    for (const t of Object.values(r.recognition.tables)) {
      expect(t!.year).toBe("2025");
      expect(t!.department).toBe("三门峡市行政审批和政务信息管理局");
    }
  });

  test("one table of another year is reported (X.25), the year read above its title", () => {
    const wb = V.headAboveTitle(F.loadSample(), "三门峡市行政审批和政务信息管理局 2025 年度");
    wb.Sheets["公开05表"]["A1"] = { t: "s", v: "三门峡市行政审批和政务信息管理局 2024 年度" };
    const x25 = audit(wb).findings.filter((f) => f.rule === "X.25");
    expect(x25.length).toBe(1);
    expect(x25[0].message).toContain("2024");
  });
});

describe("tables not found and odd shapes", () => {
  test("every table that is not found is in `missing` with its reason", () => {
    const wb = F.loadSample();
    delete wb.Sheets["公开05表"]["A1"];
    for (const k of Object.keys(wb.Sheets["公开03表"])) if (!k.startsWith("!") && +k.replace(/^[A-Z]+/, "") >= 4) delete wb.Sheets["公开03表"][k];
    const r = runAudit(F.snapshotOf(wb));
    expect(r.recognition.missing.map((m) => m.id)).toEqual(["公开03", "公开05"]);
    expect(r.recognition.missing[0].reason).toContain("找到标题但没有找到数据行");
    expect(r.recognition.missing[1].reason).toContain("没有找到标题");
  });

  test("recognition never throws on the §8.1 shapes combined", () => {
    let wb = V.shanghai(F.loadSample());
    expect(() => audit(wb)).not.toThrow();
    wb = V.emptyWithoutAmountRow(V.totalOnHeaderRow(F.loadSample(), true), true);
    expect(() => audit(wb)).not.toThrow();
    wb = V.continued(V.codeInName(F.loadSample()), "公开05表", 3, "续表");
    const r = audit(wb);
    expect(sigs(tables(r.findings))).toEqual(sigs(base));
  });
});

describe("never throws, and every table is either found or missing with a reason", () => {
  const shapes: [string, () => WB][] = [
    ["合计 on the header row", () => V.totalOnHeaderRow(F.loadSample(), true)],
    ["Shanghai", () => V.shanghai(F.loadSample())],
    ["empty 07/08", () => V.emptyWithoutAmountRow(F.loadSample(), true)],
    ["empty 09", () => V.emptySangong(F.loadSample())],
    ["continued", () => V.continued(V.continued(F.loadSample(), "公开06表", 9), "公开05表", 7, "续表")],
    ["公开06 split codes", () => V.basicSplitCodes(F.loadSample(), true)],
    ["公开06 names only", () => V.basicNamesOnly(F.loadSample())],
    ["code in name", () => V.codeInName(F.loadSample())],
    ["merged header over 合计", () => V.mergedHeaderOverTotal(F.loadSample())],
  ];
  test.each(shapes)("%s, with one of its rows 1, 3 … 11 deleted in 公开05/06/07/09", (_name, build) => {
    for (const sheetName of ["公开05表", "公开06表", "公开07表", "公开09表"])
      for (let row = 1; row <= 12; row += 2) {
        const wb = build();
        const name = wb.SheetNames.find((n) => n === sheetName) || wb.SheetNames.find((n) => n.indexOf(sheetName.slice(0, 4)) >= 0);
        if (!name) continue;
        const ws = wb.Sheets[name];
        for (const k of Object.keys(ws)) if (!k.startsWith("!") && k.replace(/^[A-Z]+/, "") === String(row)) delete ws[k];
        const r = recognize(F.snapshotOf(wb));
        for (const m of r.missing) expect(m.reason.length).toBeGreaterThan(4);
        expect(Object.keys(r.tables).length + r.missing.length).toBe(9);
      }
  });
});
