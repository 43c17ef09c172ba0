/**
 * Issue 9: one audit reads its 情况说明 once. narrativeRules keeps the read for completenessRules of the same audit
 * (by the audit's Context); another audit, or other options, read afresh.
 */
import { auditNarrative, keepRead, readNarrative } from "../../src/engine/narrative/source";
import { auditWorkbook } from "../../src/engine";
import { recognize } from "../../src/engine/recognize";
import { loadSample, sampleText } from "./helpers";

const snapshot = loadSample();
const rec = recognize(snapshot);

test("the read kept by an audit is handed out again to that audit only", () => {
  const audit = {};
  const read = readNarrative(rec, snapshot, {});
  expect(read.src.source).toBe("sheet");
  expect(read.src.paras.length).toBeGreaterThan(20);
  expect(read.out.sections.length).toBeGreaterThanOrEqual(10);
  keepRead(audit, read);
  expect(auditNarrative(audit, rec, snapshot, {})).toBe(read);
  const other = auditNarrative({}, rec, snapshot, {});
  expect(other).not.toBe(read);
  // a fresh read equals the kept one
  expect(other.src).toEqual(read.src);
  expect(other.out).toEqual(read.out);
});

test("other options or another recognition read afresh", () => {
  const audit = {};
  const read = readNarrative(rec, snapshot, {});
  keepRead(audit, read);
  const ext = auditNarrative(audit, rec, snapshot, { narrative: sampleText() });
  expect(ext.src.source).toBe("external");
  expect(auditNarrative(audit, recognize(snapshot), snapshot, {})).not.toBe(read);
});

test("a section taken out of the sheet is missed by completeness (CP.2) in the audit that shares the read", () => {
  const snap = loadSample();
  const sheet = snap.sheets.filter((s) => s.name === "情况说明")[0];
  const row = sheet.text.findIndex((r) => !!r[0] && /^[一二三四五六七八九十]+、.*政府采购/.test(String(r[0]).trim()));
  expect(row).toBeGreaterThan(0);
  // the heading and its text
  let end = row + 1;
  while (end < sheet.text.length && !/^[一二三四五六七八九十]+、/.test(String(sheet.text[end][0] || "").trim())) end++;
  for (let r = row; r < end; r++) {
    sheet.text[r][0] = "";
    sheet.values[r][0] = null;
  }
  const cp = auditWorkbook(snap, {}).findings.filter((f) => f.rule === "CP.2");
  expect(cp.map((f) => f.message)).toEqual(["情况说明缺少“政府采购支出情况说明”一节；模板要求情况说明包括该节"]);
});
