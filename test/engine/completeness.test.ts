/**
 * Issue 12 item 5: which 情况说明 sections are required is data of the template pack (TemplatePack.document); the
 * same text is complete under one pack and not under another. Sections written as 「(一)…」 sub-headings of another
 * section (Shanghai's 「其他重要事项的情况说明」) count as present.
 */
import * as fs from "fs";
import { auditWorkbook, DEFAULT_TEMPLATES, templateFor, withYear } from "../../src/engine";
import { sampleSnapshot, SAMPLE_TEXT } from "../fixtures/sample";

const text = fs.readFileSync(SAMPLE_TEXT, "utf8");
const S12 = "十二、国有资产占用情况说明\n\n2024 年期末，我单位共有车辆 0 辆；单位价值 100 万元（含）以上设备 0 台（套）。";
const without12 = text.replace(S12, "");
const cp = (narrative: string, templates = DEFAULT_TEMPLATES) =>
  auditWorkbook(sampleSnapshot(), { narrative, templates })
    .findings.filter((f) => /^CP\./.test(f.rule))
    .map((f) => f.rule + " " + f.message);

test("a section the 2024 pack requires is missing: CP.2 names it", () => {
  expect(text.indexOf(S12)).toBeGreaterThan(0);
  expect(cp(text)).toEqual([]);
  // the 目录 still lists 十二: that is the same gap, reported once (CP.2)
  expect(cp(without12)).toEqual(["CP.2 情况说明缺少“国有资产占用情况说明”一节；模板要求情况说明包括该节"]);
});

test("a pack that does not require the section: the same text is complete", () => {
  const base = templateFor("2024").document!;
  const set = withYear(DEFAULT_TEMPLATES, "2024", { layout: { document: { sections: base.sections.filter((s) => s.kind !== "S12"), glossary: true } } });
  expect(cp(without12, set)).toEqual(["CP.3 目录列有“十二、国有资产占用情况说明”，正文中没有这一节"]);
});

test("机关运行经费, 政府采购 and 国有资产 as sub-headings of 其他重要事项: present", () => {
  const other = text
    .replace("十、机构运行经费支出情况说明\n\n2024", "十、其他重要事项的情况说明\n\n（一）机关运行经费支出情况\n\n2024")
    .replace("十一、政府采购支出情况说明\n\n2024", "（二）政府采购支出情况\n\n2024")
    .replace("十二、国有资产占用情况说明\n\n2024", "（三）国有资产占用情况\n\n2024");
  expect(other).not.toEqual(text);
  // the 目录 still lists 十、十一、十二 under their old titles; the body has them as sub-headings
  expect(cp(other).filter((s) => /^CP\.2/.test(s))).toEqual([]);
});
