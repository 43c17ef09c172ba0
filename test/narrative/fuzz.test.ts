/**
 * Issue 13, fuzzing over narrative text: random runs of digits, 个, 占, spaces, full-width forms, %, 万元, 。 and the
 * words the sentence patterns look for. The engine never throws, every sentence it writes is Chinese (no
 * "undefined", "NaN"), and each text is audited within a time budget, with and without a workbook.
 */
import fc from "fast-check";
import { auditText, auditWorkbook } from "../../src/engine";
import { AuditResult } from "../../src/engine/types";
import { sampleSnapshot } from "../fixtures/sample";

jest.setTimeout(120_000);

const TOKENS = ["1", "0", "9", "12", "3.5", "1,234", "-", ".", "个", "占", "占比", " ", "\u3000", "\t", "\n", "１２", "．", "％", "%", "万元", "元", "亿元", "。", "，", ",", "、", "(", ")", "（", "）", "类", "款", "项", "“", "”",
  "一、", "（一）", "收入", "支出", "合计", "总计", "比上年", "增加", "减少", "持平", "增长", "下降", "完成", "预算", "决算", "年初预算为", "的", "批次", "人次", "辆", "三公", "经费", "项目", "共涉及资金", "政府性基金预算", "没有", "系统查询", "执行数", "指标由", "二级指标", "收入支出决算总体情况说明", "**"];

/** A text: pieces that are either one token or a run of one token repeated up to `maxRun` times. */
function text(maxRun: number): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TOKENS), fc.integer({ min: 2, max: maxRun })).map(([t, n]) => t.repeat(n)) },
  );
  return fc.array(piece, { minLength: 1, maxLength: 120 }).map((ps) => ps.join(""));
}

const LEAK = /undefined|NaN|null|function|\[object|is not|Cannot/;

function wellFormed(r: AuditResult): void {
  for (const f of r.findings) expect(f.message).not.toMatch(LEAK);
  for (const n of r.notChecked) expect(n.detail).not.toMatch(LEAK);
}

function within(ms: number, fn: () => AuditResult): void {
  const t0 = Date.now();
  const r = fn();
  const took = Date.now() - t0;
  wellFormed(r);
  expect(took).toBeLessThan(ms);
}

test("random narrative text on its own (auditText): no throw, Chinese sentences, < 2 s each", () => {
  fc.assert(
    fc.property(text(50000), (t) => within(2000, () => auditText(t))),
    { numRuns: 100, seed: 13 },
  );
});

test("random narrative text pasted against the sample workbook: no throw, < 3 s each", () => {
  const snap = sampleSnapshot();
  fc.assert(
    fc.property(text(5000), (t) => within(3000, () => auditWorkbook(snap, { narrative: "一、收入支出决算总体情况说明\n" + t + "\n二、收入决算情况说明\n" + t }))),
    { numRuns: 25, seed: 31 },
  );
});
