/**
 * A 情况说明 checked on its own, with no workbook (issue 8 §3; RULES.md §8.2.2): the checks inside the text give
 * exact findings, a corrected text gives none, and `audit --narrative 说明.txt` reports it like a workbook
 * (schema-valid JSON, exit code 1 on 不符, 0 when clean). Figures are made up.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { auditText, auditWorkbook } from "../../src/engine";
import { Finding } from "../../src/engine/types";
import { validate } from "../cli/schemaValidator";
import { run } from "../cli/helpers";
import { loadSample, ROOT, sampleText } from "./helpers";

const WRONG = [
  "一、收入支出决算总体情况说明",
  "2024年度收、支总计各是1500.00、1520.00万元。与2023年相比，收、支总计各增加300.00、320.00万元，各增长25.00%、26.67%。主要原因是新增信息化项目。",
  "二、收入决算情况说明",
  "2024年度收入总计1500.00万元，其中：本年收入合计1200.00万元，使用非财政拨款结余50.00万元，年初结转和结余200.00万元。",
  "2024年度本年收入合计1200.00万元，其中：财政拨款收入1000.00万元，占83.33%；事业收入150.00万元，占12.50%；其他收入50.00万元，占5.17%。",
  "三、支出决算情况说明",
  "2024年度本年支出合计1180.00万元，其中：基本支出400.00万元，占33.90%；项目支出780.00万元，占66.10%。与上年相比，本年支出合计增加80.00万元，下降7.27%，主要原因是项目增加。",
  "五、一般公共预算财政拨款支出决算情况说明",
  "（三）具体情况",
  "1.教育支出（类）普通教育（款）小学教育（项）。年初预算为0万元，支出决算为12.00万元，完成年初预算的100.00%。主要原因是年中追加。",
  "2.科学技术支出（类）技术研究与开发（款）其他技术研究与开发支出（项）。年初预算为80.00万元，支出决算为60.00万元，完成年初预算的80.00%。",
  "九、一般公共预算财政拨款“三公”经费支出决算情况说明",
  "公务用车购置支出为25.00万元。2024年末公务用车保有量5辆，其中：轿车2辆、越野车1辆、载客汽车1辆。",
  "国内公务接待支出3.60万元，主要用于上级检查工作。",
  "十、机关运行经费支出情况说明",
  "2024年度机关运行经费支出60.00万元，比2023年减少10.00万元，下降14.29%。",
  "十一、政府采购支出情况说明",
  "2024年度政府采购支出总额90.00万元，其中：政府采购货物支出30.00万元、政府采购工程支出0.00万元、政府采购服务支出50.00万元。授予中小企业合同金额70.00万元，占政府采购支出总额的77.78%。",
  "十三、预算绩效情况说明",
  "组织对2个项目开展绩效自评，共涉及资金100.00万元，占一般公共预算项目支出总额的125.00%。",
].join("\n");

/** The same text with every misstatement put right. */
const RIGHT = WRONG.replace("各是1500.00、1520.00万元", "各是1500.00、1500.00万元")
  .replace("各增加300.00、320.00万元，各增长25.00%、26.67%", "各增加300.00、300.00万元，各增长25.00%、25.00%")
  .replace("年初结转和结余200.00万元", "年初结转和结余250.00万元")
  .replace("占5.17%", "占4.17%")
  .replace("增加80.00万元，下降7.27%", "增加80.00万元，增长7.27%")
  .replace("年初预算为0万元，支出决算为12.00万元，完成年初预算的100.00%。", "年初未安排预算，支出决算为12.00万元。")
  .replace("完成年初预算的80.00%。", "完成年初预算的75.00%。主要原因是部分采购延后。")
  .replace("公务用车购置支出为25.00万元。", "公务用车购置支出为25.00万元，购置车辆1辆。")
  .replace("载客汽车1辆", "载客汽车2辆")
  .replace("主要用于上级检查工作。", "共接待12批次、96人次，主要用于上级检查工作。")
  .replace("下降14.29%。", "下降14.29%，主要原因是压减会议费。")
  .replace("政府采购工程支出0.00万元", "政府采购工程支出10.00万元")
  .replace("125.00%", "62.50%");

/** rule | severity | actual | expected, in report order. */
function sig(f: Finding): string {
  return [f.rule, f.severity, String(f.actual), String(f.expected)].join(" | ");
}

test("text alone: every misstatement is caught, with exact figures", () => {
  const r = auditText(WRONG);
  expect(r.tables).toEqual([]);
  expect(r.missing).toEqual([]);
  expect(r.findings.filter((f) => f.rule !== "N-SOURCE").map(sig)).toEqual([
    // 五(三), by the per-item check that reads the text when 公开05 is absent: 年初预算 0 → no rate;
    // 60 / 80 = 75 %, not 80 %; no reason for the shortfall
    "N5d | error | 100 | null",
    "N5d | error | 80 | 75.00",
    "N5d | warning | null | null",
    // 十: a change without its reason (the section check reads the text's own amount)
    "N10 | warning | null | null",
    // 十一: 30 + 0 + 50 = 80 ≠ 90
    "N11 | error | 90 | 80",
    // 一: 收入总计 1500 ≠ 支出总计 1520
    "NT.3 | error | 1520 | 1500",
    // 二: 1200 + 50 + 200 = 1450 ≠ 1500
    "NT.1 | error | 1500 | 1450",
    // 二: 50 / 1200 = 4.17 %, not 5.17 %; the shares then make 101 %
    "NT.2 | error | 5.17 | 4.17",
    "NT.2 | error | 101 | 100",
    // 三: 增加 with 下降
    "NT.4 | error | null | null",
    // 九: 2 + 1 + 1 = 4 cars of 5
    "NT.5 | error | 4 | 5",
    // 十三: a share above 100 %
    "NT.7 | error | 125 | null",
    // 九: the required disclosures, read over the whole 三公 section: cars bought, 接待批次/人次
    "NT.8 | warning | 25 | null",
    "NT.8 | warning | 3.6 | null",
  ]);
  const msgs = r.findings.map((f) => f.message);
  expect(msgs).toContain("说明九：有国内公务接待费 3.60万元，但未说明接待批次和人次");
  expect(msgs).toContain("说明九：有公务用车购置费 25.00万元，但未说明购置车辆数");
  expect(r.summary.errors).toBe(10);
  // every comparison with the tables is 未审核, with its reason
  expect(r.notChecked.map((n) => n.rule + " " + n.reason)).toEqual(["N5d 缺表", "N5d 缺表", "N-TABLES 缺表"]);
  expect(r.summary.notChecked).toBe(3);
});

test("text alone: the corrected text passes every check inside it", () => {
  const r = auditText(RIGHT);
  expect(r.findings.map((f) => f.rule)).toEqual(["N-SOURCE"]);
  expect(r.summary.checks).toBeGreaterThan(30);
  expect(r.summary.passed).toBe(r.summary.checks);
});

test("text alone on the published sample: its undefined rates and the 尾差 its text repeats", () => {
  const r = auditText(sampleText());
  const nt = r.findings.filter((f) => /^NT\./.test(f.rule)).map((f) => sig(f) + " | " + (f.excerpt || "").replace(/\s+/g, "").replace(/，/g, ",").replace(/：/g, ":").slice(0, 22));
  expect(nt).toEqual([
    // 说明三 repeats 公开03's own 尾差 (630.50 + 1851.44 = 2481.94 vs 2481.93): a 尾差, not an error
    "NT.1 | tail | 2481.93 | 2481.94 | 2481.93万元,其中:基本支出630.5",
    // 说明九(二): 0.00 / 0.00 (RULES.md §6.2 E4, E5)
    "NT.6 | error | 0 | null | 预算为0.00万元,支出决算为0.00万元,",
    "NT.6 | error | 0 | null | 预算为0.00万元,支出决算为0.00万元,",
  ]);
  // 说明五(三) items 3, 7, 9 (年初预算 0, RULES.md §6.2 E1–E3) and the ratio 尾差 of items 4, 5, 8 are the per-item
  // check's (N5d reads the text when 公开05 is absent); the in-text checks do not repeat them
  expect(r.findings.filter((f) => f.rule === "N5d").map((f) => f.severity + " " + f.actual)).toEqual(["error 100", "tail 46.11", "tail 82.79", "error 100", "tail 73.98", "error 100"]);
  expect(r.notChecked.filter((n) => n.rule === "N-TABLES").length).toBe(1);
  // the comparisons with tables that need a workbook are not made, and no table is blamed
  expect(r.findings.filter((f) => /公开05 没有|与公开05 的科目名称不一致/.test(f.message))).toEqual([]);
});

describe("audit --narrative 说明.txt without a workbook", () => {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "narrtext-"));
    fs.writeFileSync(path.join(dir, "wrong.txt"), WRONG, "utf8");
    fs.writeFileSync(path.join(dir, "right.txt"), RIGHT, "utf8");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("JSON: one schema-valid report for the text, the engine's findings, exit 1", async () => {
    const file = path.join(dir, "wrong.txt");
    const r = await run(["--format", "json", "--narrative", file]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "contracts", "audit-report.schema.json"), "utf8"));
    expect(validate(schema, doc)).toEqual([]);
    expect(doc.reports.length).toBe(1);
    expect(doc.reports[0].file).toBe(file);
    expect(doc.reports[0].tables).toEqual([]);
    expect(doc.reports[0].findings.map(sig)).toEqual(auditText(WRONG).findings.map(sig));
  });

  test("text report: says no workbook was given; a clean text exits 0", async () => {
    const bad = await run(["--narrative", path.join(dir, "wrong.txt")]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("未提供工作簿：只审核情况说明文本");
    expect(bad.stdout).toContain("(NT.5)");
    const good = await run(["--narrative", path.join(dir, "right.txt")]);
    expect(good.code).toBe(0);
  });

  test("no workbook and no narrative is still an argument error", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
  });
});

describe("with the tables: no double report, and shares bounded by the tables' 收入总计", () => {
  test("a misstatement the section checks report is not reported again; an impossible share is", () => {
    let t = sampleText();
    const edits: [string, string][] = [
      ["收、支总计各减少 1399.91 万元，下降 36.06%", "收、支总计各减少 1399.91 万元，下降 36.16%"],
      ["项目支出 1851.44 万元，占", "项目支出 1861.44 万元，占"],
      ["比 2023 年增加 0.69 万元，增长 1.40%", "比 2023 年增加 0.69 万元，下降 1.40%"],
      ["年初预算为 626.81 万元", "年初预算为 0 万元"],
      // no denominator named: 30.00 at 0.50 % needs a whole of at least 29.995 / 0.505 % = 5,939.60, beyond 收入总计 2,481.93
      ["主要原因是当年大厅管理费增加。", "主要原因是当年大厅管理费增加。其中办公设备购置 30.00 万元，占 0.50%。"],
    ];
    for (const [a, b] of edits) {
      expect(t.indexOf(a)).toBeGreaterThanOrEqual(0);
      t = t.replace(a, b);
    }
    const base = auditWorkbook(loadSample(), { narrative: sampleText() }).findings.map((f) => f.rule + " " + f.message);
    const now = auditWorkbook(loadSample(), { narrative: t }).findings;
    const added = now.filter((f) => base.indexOf(f.rule + " " + f.message) < 0);
    // each edit is reported once, by the check that compares it with its table
    expect(added.map((f) => f.rule).sort()).toEqual(["N1", "N10", "N3", "N4", "N5c", "N5d", "NT.7"]);
    const nt = added.filter((f) => f.rule === "NT.7")[0];
    expect(nt.message).toContain("相应的整体至少为 5,939.60 万元，超过表中公开01 收入总计 2,481.93 万元");
  });
});
