/**
 * The blank 2024 决算 template of a Shanghai district (made with WPS), from ../shared/corpus/pdf/ — public data that is
 * not ours and never committed; CI has no ../shared, so this test says so and checks nothing there.
 * Read, every one of the nine tables is found, the 情况说明's headings are found, and nothing is an error.
 */
import * as fs from "fs";
import * as path from "path";
import { auditWorkbook, TABLE_IDS } from "../../src/engine";
import { readPdfBuffer } from "../../src/io/readPdfFile";

const CANDIDATES = [path.join(__dirname, "..", "..", "..", "shared", "corpus", "pdf"), path.join(__dirname, "..", "..", "..", "..", "shared", "corpus", "pdf")];
const DIR = CANDIDATES.filter((d) => fs.existsSync(d))[0];
const TEMPLATE = DIR ? path.join(DIR, "template-shanghai-2024-juesuan-blank.pdf") : "";

const present = TEMPLATE !== "" && fs.existsSync(TEMPLATE);
if (!present) {
  // eslint-disable-next-line no-console
  console.log("跳过：没有 ../shared/corpus/pdf/template-shanghai-2024-juesuan-blank.pdf（CI 没有语料），空白模板的测试未运行。");
}
const maybe = present ? test : test.skip;

maybe("the blank 2024 template: all nine tables and the 情况说明 headings found, no error", async () => {
  const read = await readPdfBuffer(new Uint8Array(fs.readFileSync(TEMPLATE)), "template.pdf");
  if (!read.ok) throw new Error(read.error);
  const r = auditWorkbook(read.snapshot);
  expect(r.missing).toEqual([]);
  expect(r.tables.map((t) => t.id).sort()).toEqual(TABLE_IDS.slice());
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  const text = read.snapshot.sheets.find((s) => s.name === "情况说明")!.text.map((row) => row[0]);
  for (const h of ["一、收入支出决算总体情况说明", "二、收入决算情况说明", "三、支出决算情况说明", "四、财政拨款收入支出决算总体情况说明", "五、一般公共预算财政拨款支出决算情况说明", "六、一般公共预算财政拨款基本支出决算情况说明"]) {
    // once in the 目录, once as the heading of its section
    expect(text.filter((t) => t.replace(/\s+/g, "") === h).length).toBe(2);
  }
  expect(r.notChecked.filter((n) => n.reason === "无文本")).toEqual([]);
});
