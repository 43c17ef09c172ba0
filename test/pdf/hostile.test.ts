/**
 * PDFs that cannot be audited (issue 11): a scanned page gives 未审核 with one sentence and no finding; encrypted,
 * corrupt, truncated and deeply nested PDFs give one Chinese sentence each, within bounded time, while the other
 * files of the same call are audited as usual.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { auditAnyFile } from "../../src/cli/auditAny";
import { auditFiles } from "../../src/cli/pool";
import { readPdfBuffer } from "../../src/io/readPdfFile";
import { encryptedPdf, nestedPdf, scannedPdf } from "./handmade";
import { budgetMessage } from "../../src/cli/budgets";

const SAMPLE_PDF = path.join(__dirname, "..", "fixtures", "pdf", "sample.pdf");
const SAMPLE_XLSX = path.join(__dirname, "..", "..", "examples", "2024-sanmenxia-xzsp.xlsx");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pdf-hostile-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, data: Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
}

test("a scanned PDF: every check 未审核 with the sentence, no finding, no missing-table finding", async () => {
  const file = write("扫描件.pdf", scannedPdf(3));
  const read = await readPdfBuffer(new Uint8Array(fs.readFileSync(file)));
  expect(read.ok && read.textless).toEqual([1, 2, 3]);
  const r = await auditAnyFile(file, undefined, true);
  expect(r.ok).toBe(true);
  expect(r.findings).toEqual([]);
  expect(r.summary.errors + r.summary.warnings + r.summary.tails).toBe(0);
  expect(r.notChecked.length).toBeGreaterThanOrEqual(9);
  const s1 = r.notChecked.filter((n) => n.rule === "S.1");
  expect(s1.map((n) => n.table)).toEqual(["公开01", "公开02", "公开03", "公开04", "公开05", "公开06", "公开07", "公开08", "公开09"]);
  for (const n of s1) expect(n.detail).toContain("第 1、2、3 页没有文字层（可能是扫描件），其上的表格和文字无法取数，相关检查未审核；需要先做文字识别（OCR）或提供原始的 Excel 文件。");
});

const HOSTILE: [string, () => Buffer, RegExp][] = [
  ["加密.pdf", encryptedPdf, /^PDF 文件已加密（设置了打开密码），无法读取；请去除密码后再审核。$/],
  ["损坏.pdf", () => Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF garbage \x00\x01\x02"), /^PDF 文件/],
  ["截断.pdf", () => fs.readFileSync(SAMPLE_PDF).subarray(0, 4000), /^PDF 文件/],
];

for (const [name, make, message] of HOSTILE) {
  test("hostile PDF " + name + ": one Chinese sentence or no table, never a throw, bounded time", async () => {
    const file = write(name, make());
    const t0 = Date.now();
    const r = await auditAnyFile(file, undefined, true);
    expect(Date.now() - t0).toBeLessThan(30000);
    if (r.ok) {
      // Read but nothing on it: no finding may come from it.
      expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    } else expect(r.error).toMatch(message);
  });
}

test("hostile PDFs beside the sample workbook and PDF on workers: the good files are audited as alone", async () => {
  const bad = [write("a-加密.pdf", encryptedPdf()), write("b-截断.pdf", fs.readFileSync(SAMPLE_PDF).subarray(0, 4000))];
  const files = [bad[0], SAMPLE_XLSX, bad[1], SAMPLE_PDF];
  const reports = await auditFiles(files, { threads: 2, budgets: { timeMs: 60000 } });
  expect(reports.map((r) => r.ok)).toEqual([false, true, false, true]);
  expect(reports[0].error).toBe("PDF 文件已加密（设置了打开密码），无法读取；请去除密码后再审核。");
  const alone = await auditAnyFile(SAMPLE_PDF, undefined, true);
  expect(JSON.stringify(reports[3])).toBe(JSON.stringify(alone));
  expect(reports[1].summary.errors).toBe(14);
  expect(reports[3].summary.errors).toBe(14);
});

test("a deeply nested PDF (PDF.js takes minutes on it) is stopped by its time budget; the other files are audited", async () => {
  const nested = write("嵌套.pdf", nestedPdf(200000));
  const t0 = Date.now();
  const reports = await auditFiles([nested, SAMPLE_XLSX], { threads: 1, budgets: { timeMs: 5000 } });
  expect(Date.now() - t0).toBeLessThan(60000);
  expect(reports[0].ok).toBe(false);
  expect(reports[0].error).toBe(budgetMessage("time", { timeMs: 5000 } as never));
  expect(reports[1].ok).toBe(true);
  expect(reports[1].summary.errors).toBe(14);
});
