/**
 * Issue 13 item 6: text of the file used as a dictionary key. A label reading "constructor" (or "__proto__",
 * "toString" …) made 公开01 go missing with the English reason "k.replace is not a function": the caches and
 * dictionaries keyed by file content were plain {} (now Map or null-prototype objects, src/engine/dict.ts), and
 * internal errors reached the reader in English (now one Chinese sentence).
 */
import { auditWorkbook } from "../../src/engine";
import { AuditResult } from "../../src/engine/types";
import * as F from "../fixtures/sample";

const KEYS = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "__defineGetter__"];

/** Every sentence the reader sees: findings, 未审核 reasons and details. */
function sentences(r: AuditResult): string[] {
  return r.findings.map((f) => f.message).concat(r.notChecked.map((n) => n.reason + " " + n.detail));
}

/** Words of the program, not of the accountants, that must never reach the reader. */
const LEAK = /is not|undefined|function|Cannot|TypeError|NaN|\[object|内部错误/;

const base = F.sampleSnapshot();
const baseFindings = auditWorkbook(base).findings.map(F.signatureAt);

test.each(KEYS)("公开01 with a row label, the header 项目 and the department line reading %s: still found, no English", (k) => {
  for (const addr of ["A8", "A5", "A3"]) {
    const wb = F.loadSample();
    wb.Sheets["公开01表"][addr] = { t: "s", v: k };
    const r = auditWorkbook(F.snapshotOf(wb));
    expect(r.missing).toEqual([]);
    expect(sentences(r).filter((s) => LEAK.test(s))).toEqual([]);
    if (addr === "A8") expect(r.findings.filter((f) => f.rule === "S.7").map((f) => f.message)).toEqual(["公开01：第 8 行“" + k + "”未能识别，未参与审核"]);
  }
});

test.each(KEYS)("a table on a sheet named %s: the sample's findings", (k) => {
  const wb = F.loadSample();
  // rename a table's sheet (the report names it, nothing else changes)
  const i = wb.SheetNames.indexOf("公开09表");
  wb.SheetNames[i] = k;
  wb.Sheets[k] = wb.Sheets["公开09表"];
  delete wb.Sheets["公开09表"];
  const r = auditWorkbook(F.snapshotOf(wb));
  expect(r.missing).toEqual([]);
  expect(r.tables.find((t) => t.id === "公开09")!.sheet).toBe(k);
  expect(sentences(r).filter((s) => LEAK.test(s))).toEqual([]);
  expect(r.findings.map((f) => F.signature(f))).toEqual(auditWorkbook(base).findings.map((f) => F.signature(f)));
});

test("an amount cell whose number format is valueOf is read as an amount, not as a date", () => {
  const snap = F.sampleSnapshot();
  const s = snap.sheets.find((x) => x.name === "公开02表")!;
  const formats = s.formats as string[][];
  for (const row of formats) for (let c = 0; c < row.length; c++) if (/0\.00/.test(row[c] || "")) row[c] = "valueOf";
  const r = auditWorkbook(snap);
  expect(r.findings.filter((f) => f.rule === "S.3")).toEqual([]);
  expect(r.findings.map(F.signatureAt)).toEqual(baseFindings);
});

test("a 公开06 name and the 情况说明 lines reading constructor / __proto__: no crash, no English", () => {
  const wb = F.loadSample();
  const ws = wb.Sheets["公开06表"];
  F.eachCell(ws, (addr, cell, r, c) => {
    if (c === 1 && r > 8 && r < 14 && cell.t === "s") ws[addr] = { t: "s", v: KEYS[r % KEYS.length] };
  });
  const text = KEYS.map((k) => "一、" + k + "\n" + k + "收入合计" + k + "万元，占" + k + "的" + k + "%。").join("\n");
  const r = auditWorkbook(F.snapshotOf(wb), { narrative: text });
  expect(r.missing).toEqual([]);
  expect(sentences(r).filter((s) => LEAK.test(s))).toEqual([]);
});
