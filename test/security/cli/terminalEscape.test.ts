/**
 * Issue 13 item 11: texts from a workbook never reach the terminal raw. A sheet named with ESC, BEL and a C1 CSI
 * (written `_x001B_` in the XML) used to be printed as is; now every control character a terminal acts on is shown
 * as an escape, the report's own line breaks are the only ones, and the findings are those of the sample.
 */
import * as fs from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { formatTextReport } from "../../../src/cli/textReport";
import { FileReport, failedReport } from "../../../src/cli/report";
import { escapeControls, escapeJsonControls } from "../../../src/cli/terminal";
import { SAMPLE, tempDir } from "../../io/fixtures";
import { run } from "../../cli/helpers";

/** What a terminal acts on: C0 but tab and line feed, DEL, C1, and the bidi overrides. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = "公开03\u001b(0\u0007表\u009b2J";

let dir: string;
let book: string;
beforeAll(() => {
  dir = tempDir("juesuan-esc-");
  book = path.join(dir, "esc.xlsx");
  const wb = XLSX.read(fs.readFileSync(SAMPLE), { type: "buffer", cellNF: true, cellStyles: true });
  const i = wb.SheetNames.indexOf("公开03表");
  wb.SheetNames[i] = HOSTILE;
  wb.Sheets[HOSTILE] = wb.Sheets["公开03表"];
  delete wb.Sheets["公开03表"];
  XLSX.writeFile(wb, book, { bookType: "xlsx", compression: true });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a sheet name with ESC, BEL and CSI is printed escaped in the text report", async () => {
  const r = await run([book]);
  expect(r.code).toBe(1);
  expect(r.stdout).not.toMatch(RAW);
  expect(r.stdout).toContain("公开03\\x1B(0\\x07表\\x9B2J!C10");
  // The findings are the sample's: same lines once the escaped name is read back as 公开03表.
  const sample = await run([SAMPLE]);
  const norm = (s: string) => s.split("\n").slice(1).join("\n").split("公开03\\x1B(0\\x07表\\x9B2J").join("公开03表");
  expect(norm(r.stdout)).toBe(norm(sample.stdout));
});

test("the JSON report keeps the exact name, with every control written as a \\u escape", async () => {
  const r = await run(["--format", "json", book]);
  expect(r.stdout).not.toMatch(RAW);
  const doc = JSON.parse(r.stdout);
  expect(doc.reports[0].tables.map((t: { sheet: string }) => t.sheet)).toContain(HOSTILE);
  expect(r.stdout).toContain("公开03\\u001b(0\\u0007表\\u009b2J");
  expect(escapeJsonControls(JSON.stringify({ a: "\u009b\u202e" }))).toBe('{"a":"\\u009b\\u202e"}');
});

test("every text field of a report is escaped; a line break inside a field cannot forge a report line", () => {
  const evil = "A\u001b]0;title\u0007B\r\n  小结：伪造\u202eC\td";
  const report: FileReport = {
    ...failedReport("f.xlsx", "x"),
    ok: true,
    error: undefined,
    file: evil,
    unit: evil,
    tables: [{ id: "公开01", title: evil, sheet: evil, range: "A1:B2" }],
    missing: [evil],
    findings: [
      { rule: "T01.1", severity: "error", table: "公开01", sheet: evil, cell: "B2", related: [evil], expected: "1", actual: "2", difference: "1", tolerance: "0", message: evil, excerpt: evil },
    ],
    notChecked: [{ rule: "T01.2", table: "公开01", reason: "缺行", detail: evil, cells: [evil] }],
    tableStats: [{ table: "公开01", checks: 1, passed: 0, withFindings: 1, notChecked: 1 }],
  };
  delete (report as { error?: string }).error;
  const text = formatTextReport([report, failedReport(evil, evil)]);
  expect(text).not.toMatch(RAW);
  // Lines: only the report's own. No line starts with the forged summary.
  expect(text.split("\n").filter((l) => /^\s*小结：伪造/.test(l))).toEqual([]);
  expect(text).toContain("A\\x1B]0;title\\x07B   小结：伪造\\u202EC\td");
});

test("escapeControls leaves clean text untouched and escapes C0, DEL and C1", () => {
  expect(escapeControls("公开03表 2,481.93\t万元")).toBe("公开03表 2,481.93\t万元");
  expect(escapeControls("\u0000\u001f\u007f\u0080\u009f")).toBe("\\x00\\x1F\\x7F\\x80\\x9F");
  expect(escapeControls("a\nb\rc")).toBe("a b c");
});
