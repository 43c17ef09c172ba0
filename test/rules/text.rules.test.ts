/**
 * Rule tests of the checks inside a 情况说明 audited on its own (auditText, RULES.md §8.2.2), RuleTester style:
 * each case is a short text (figures made up), a rule passes when it reports nothing and leaves nothing 未审核,
 * and fires with exactly the listed severities (a text has no cells). N-TABLES is never a finding: it is the
 * 未审核 entry of a text audited without its tables, so its firing case asserts that entry instead.
 */
import { auditText, auditWorkbook } from "../../src/engine";
import { sampleSnapshot } from "../fixtures/sample";

interface TextCase {
  name: string;
  text: string;
  /** Audit the text together with the sample workbook instead of alone. */
  workbook?: boolean;
}
interface TextRuleTests {
  rule: string;
  passes: TextCase[];
  fires: (TextCase & { findings: string[]; unchecked?: number })[];
}

function outcome(rule: string, k: TextCase): { findings: string[]; unchecked: number } {
  const r = k.workbook ? auditWorkbook(sampleSnapshot(), { narrative: k.text }) : auditText(k.text);
  return { findings: r.findings.filter((f) => f.rule === rule).map((f) => f.severity).sort(), unchecked: (r.notChecked || []).filter((n) => n.rule === rule).length };
}

function textRuleTests(suite: TextRuleTests[]): void {
  for (const t of suite)
    describe(t.rule + " (text alone)", () => {
      for (const k of t.passes) test("passes: " + k.name, () => expect(outcome(t.rule, k)).toEqual({ findings: [], unchecked: 0 }));
      for (const k of t.fires) test("fires: " + k.name, () => expect(outcome(t.rule, k)).toEqual({ findings: k.findings.slice().sort(), unchecked: k.unchecked || 0 }));
    });
}

const H1 = "一、收入支出决算总体情况说明\n";
const H2 = "二、收入决算情况说明\n";
const H9 = "九、一般公共预算财政拨款“三公”经费支出决算情况说明\n";
const income = (a: string, b: string) => H2 + "2024年度本年收入合计1200.00万元，其中：财政拨款收入1000.00万元" + a + "；事业收入" + b + "。";
const totals = (change: string, reason: string) => H1 + "2024年度收、支总计各是1500.00、1500.00万元。与2023年相比，收、支总计各增加300.00、300.00万元，各" + change + "25.00%、25.00%。" + reason;
const reception = (budget: string, rate: string, rest: string) => H9 + "2024年度国内公务接待费支出" + budget + "，支出决算为3.60万元，" + rate + rest;
const REASON = "决算数小于预算数的主要原因是厉行节约。国内公务接待5批次，共计40人次。";

textRuleTests([
  { rule: "NT.1", passes: [{ name: "1000 + 200 = 1200", text: income("", "200.00万元") }], fires: [{ name: "1000 + 250 > 1200", text: income("", "250.00万元"), findings: ["error"] }] },
  {
    rule: "NT.2",
    passes: [{ name: "83.33 % and 16.67 %", text: income("，占83.33%", "200.00万元，占16.67%") }],
    fires: [{ name: "事业收入 占 17.67 % (its share, and the shares make 101 %)", text: income("，占83.33%", "200.00万元，占17.67%"), findings: ["error", "error"] }],
  },
  {
    rule: "NT.3",
    passes: [{ name: "3.60 / 4.00 = 90.00 %", text: reception("预算为4.00万元", "完成预算的90.00%。", REASON) }],
    fires: [{ name: "完成预算的 95.00 %", text: reception("预算为4.00万元", "完成预算的95.00%。", REASON), findings: ["error"] }],
  },
  { rule: "NT.4", passes: [{ name: "增加 … 增长", text: totals("增长", "主要原因是新增项目。") }], fires: [{ name: "增加 … 下降 (both 收 and 支)", text: totals("下降", "主要原因是新增项目。"), findings: ["error", "error"] }] },
  {
    rule: "NT.5",
    passes: [{ name: "4 cars = 2 + 1 + 1", text: H9 + "2024年末公务用车保有量4辆，其中：轿车2辆、越野车1辆、载客汽车1辆。" }],
    fires: [{ name: "5 cars ≠ 2 + 1 + 1", text: H9 + "2024年末公务用车保有量5辆，其中：轿车2辆、越野车1辆、载客汽车1辆。", findings: ["error"] }],
  },
  {
    rule: "NT.6",
    passes: [{ name: "未安排预算, no rate", text: reception("未安排预算", "主要原因是新增接待任务。", "国内公务接待5批次，共计40人次。") }],
    fires: [{ name: "完成预算的 100.00 % over a budget of 0", text: reception("预算为0.00万元", "完成预算的100.00%。", "主要原因是新增接待任务。国内公务接待5批次，共计40人次。"), findings: ["error"] }],
  },
  {
    rule: "NT.7",
    passes: [{ name: "占 83.33 %", text: income("，占83.33%", "200.00万元，占16.67%") }],
    fires: [{ name: "占 120.00 %", text: H2 + "2024年度本年收入合计1200.00万元，其中：财政拨款收入1000.00万元，占120.00%。", findings: ["error"] }],
  },
  {
    rule: "NT.8",
    passes: [{ name: "the difference explained, 批次 and 人次 given", text: reception("预算为4.00万元", "完成预算的90.00%。", REASON) }, { name: "a change with its reason", text: totals("增长", "主要原因是新增项目。") }],
    fires: [
      { name: "决算 below 预算 with no reason", text: reception("预算为4.00万元", "完成预算的90.00%。", ""), findings: ["warning"] },
      { name: "an increase with no reason", text: totals("增长", ""), findings: ["warning"] },
    ],
  },
  {
    rule: "N-TABLES",
    passes: [{ name: "the text with the sample workbook", text: income("", "200.00万元"), workbook: true }],
    fires: [{ name: "the text alone: its comparison with the tables is 未审核", text: income("", "200.00万元"), findings: [], unchecked: 1 }],
  },
]);
