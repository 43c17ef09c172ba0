/**
 * Issue 13 item 4: the .docx given with --narrative passes the workbooks' zip guard before mammoth, mammoth reads the
 * guard's copy, the XML it may parse is capped, and a narrative that cannot be read fails alone: the workbooks are
 * still audited and reported.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MAX_DOCX_XML_BYTES, readNarrative } from "../../src/cli/narrative";
import { run } from "../cli/helpers";
import { SAMPLE } from "../fixtures/sample";
import { docxBomb, docxHiddenDirectory } from "./hostile";
import { docxOf } from "./hostile/docx";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secio-docx-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
function put(name: string, bytes: Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

test("a valid .docx still reads", async () => {
  const r = await readNarrative(put("ok.docx", docxOf(["一、部门决算情况说明", "收入总计 100.00 万元。"])));
  expect(r).toEqual({ ok: true, text: "一、部门决算情况说明\n\n收入总计 100.00 万元。\n\n" });
});

test("a .docx whose comment hides another archive's end record is refused (mammoth would read the hidden one)", async () => {
  const p = put("hidden.docx", docxHiddenDirectory(0.0001));
  const r = await readNarrative(p);
  expect(r).toEqual({ ok: false, content: true, error: "情况说明文件“" + p + "”无法读取：文件的压缩结构前后矛盾（目录与各部件的记录不一致），可能被恶意构造，已拒绝读取。" });
});

test("the review's 1.5 GB docx bomb is refused from its directory, at once", async () => {
  const p = put("bomb.docx", docxBomb());
  const t = Date.now();
  const r = await readNarrative(p);
  expect(Date.now() - t).toBeLessThan(5000);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toMatch(/^情况说明文件“.+”无法读取：文件解压后过大（约 \d+ MB，上限 200 MB），可能是恶意构造的压缩包，已拒绝读取。$/);
});

test("a docx within the zip limits but with more XML than mammoth can take (7 MB; 15 MB took 34 s and 2.4 GB): refused fast", async () => {
  expect(MAX_DOCX_XML_BYTES).toBe(4 * 1024 * 1024);
  const p = put("big.docx", docxBomb(0.004));
  const t = Date.now();
  const r = await readNarrative(p);
  expect(Date.now() - t).toBeLessThan(5000);
  expect(r).toEqual({ ok: false, content: true, error: "情况说明文件“" + p + "”无法读取：文档的文字部分过大（约 6.9 MB，上限 4.0 MB），请另存为 .txt 后再试。" });
});

test("a bad narrative fails alone: the workbook is still audited and reported, the narrative listed as unreadable", async () => {
  const bad = put("bad.docx", docxHiddenDirectory(0.0001));
  const r = await run(["--format", "json", "--narrative", bad, SAMPLE]);
  expect(r.code).toBe(2);
  const doc = JSON.parse(r.stdout);
  expect(doc.reports.map((x: { file: string; ok: boolean }) => [x.file, x.ok])).toEqual([
    [SAMPLE, true],
    [bad, false],
  ]);
  expect(doc.reports[0].summary.errors).toBeGreaterThan(0);
  expect(doc.reports[1].error).toContain("可能被恶意构造");
  expect(r.stderr).toContain("无法读取 " + bad + "：");
  // without a workbook: the one failed report
  const only = await run(["--format", "json", "--narrative", bad]);
  expect(only.code).toBe(2);
  expect(JSON.parse(only.stdout).reports).toHaveLength(1);
  // text format: the sample's report is printed, the narrative's reason too
  const text = await run(["--narrative", bad, SAMPLE]);
  expect(text.code).toBe(2);
  expect(text.stdout).toContain("可能被恶意构造");
  expect(text.stdout).toContain("公开01");
});
