/** The audit command in-process with the real engine: JSON contract, exit codes, bad inputs, --output. */
import * as fs from "fs";
import * as path from "path";
import { auditWorkbook } from "../../src/engine";
import { finding } from "../../src/cli/report";
import { readWorkbookFile } from "../../src/io/readWorkbookFile";
import { Fixtures, REPO, makeFixtures, removeFixtures } from "../io/fixtures";
import { validate } from "./schemaValidator";
import { run } from "./helpers";

const schema = JSON.parse(fs.readFileSync(path.join(REPO, "contracts", "audit-report.schema.json"), "utf8"));
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));

let f: Fixtures;
beforeAll(() => {
  f = makeFixtures();
});
afterAll(() => removeFixtures(f));

/** What the engine says about a file when called directly, projected as the CLI projects it. */
function direct(file: string, narrative?: string) {
  const r = readWorkbookFile(file);
  if (!r.ok) throw new Error(r.error);
  return auditWorkbook(r.snapshot, narrative !== undefined ? { narrative: narrative } : {});
}

/**
 * Where `v2` extends `v1` additively: every v1 key is still there with the same value, except descriptions (may
 * grow), `required` (may grow) and the version const itself. Returns the paths that break that.
 */
function notAdditive(v1: unknown, v2: unknown, at = "#"): string[] {
  if (Array.isArray(v1)) {
    if (!Array.isArray(v2)) return [at];
    return v1.every((x) => v2.some((y) => JSON.stringify(y) === JSON.stringify(x))) ? [] : [at];
  }
  if (v1 && typeof v1 === "object") {
    if (!v2 || typeof v2 !== "object") return [at];
    const out: string[] = [];
    for (const k of Object.keys(v1 as object)) {
      if (k === "description" || at + "/" + k === "#/properties/schemaVersion/const") continue;
      if (!(k in (v2 as object))) out.push(at + "/" + k);
      else out.push(...notAdditive((v1 as { [k: string]: unknown })[k], (v2 as { [k: string]: unknown })[k], at + "/" + k));
    }
    return out;
  }
  return v1 === v2 ? [] : [at];
}

test("the repo's schema (version 2) is an additive extension of the shared contract (version 1)", () => {
  expect(schema.properties.schemaVersion.const).toBe(2);
  const shared = path.join(REPO, "..", "shared", "contracts", "audit-report.schema.json");
  if (fs.existsSync(shared)) {
    const v1 = JSON.parse(fs.readFileSync(shared, "utf8"));
    if (v1.properties.schemaVersion.const === 2) expect(v1).toEqual(schema);
    else expect(notAdditive(v1, schema)).toEqual([]);
  }
  // The check itself can fail: dropping a v1 field is caught.
  const cut = JSON.parse(JSON.stringify(schema));
  delete cut.definitions.finding.properties.cause;
  expect(notAdditive(schema, cut)).toEqual(["#/definitions/finding/properties/cause"]);
});

test("--format json on the sample: one schema-valid document, findings equal a direct engine call", async () => {
  const r = await run(["--format", "json", f.sample]);
  const doc = JSON.parse(r.stdout);
  expect(validate(schema, doc)).toEqual([]);
  expect(doc.schemaVersion).toBe(2);
  expect(doc.tool).toEqual({ name: pkg.name, version: pkg.version });
  expect(doc.reports.length).toBe(1);
  const rep = doc.reports[0];
  const d = direct(f.sample);
  expect(rep.file).toBe(f.sample);
  expect(rep.ok).toBe(true);
  expect(rep.error).toBeUndefined();
  expect(rep.findings).toEqual(JSON.parse(JSON.stringify(d.findings.map((x) => finding(x)))));
  expect(rep.summary).toEqual(d.summary);
  expect(rep.summary.notChecked).toBe(0);
  expect(rep.notChecked).toEqual([]);
  expect(rep.tableStats).toEqual(JSON.parse(JSON.stringify(d.tableStats)));
  expect(rep.tableStats.map((t: { table: string }) => t.table)).toEqual(["公开01", "公开02", "公开03", "公开04", "公开05", "公开06", "公开07", "公开08", "公开09", "情况说明"]);
  expect(rep.tables).toEqual(JSON.parse(JSON.stringify(d.tables)));
  expect(rep.missing).toEqual(d.missing);
  expect(rep.unit).toBe(d.unit);
  const hasError = d.findings.some((x) => x.severity === "error");
  expect(r.code).toBe(hasError ? 1 : 0);
  expect(r.stderr).toBe("");
});

test("many files, bad ones included: each bad file gets its sentence, the good ones are still audited, exit 2", async () => {
  const files = [
    f.sample, f.empty, f.encrypted, f.corruptTruncated, f.declaredBomb, f.xlsxAsXls, f.realXls, f.xlsAsXlsx,
    f.zeroBytes, f.directory, f.missing, f.spaced, f.lyingBomb, f.html,
  ];
  const t0 = Date.now();
  const r = await run(["--format", "json", ...files]);
  expect(Date.now() - t0).toBeLessThan(20000);
  const doc = JSON.parse(r.stdout);
  expect(validate(schema, doc)).toEqual([]);
  expect(doc.reports.map((x: { file: string }) => x.file)).toEqual(files);
  const byFile: { [k: string]: { ok: boolean; error?: string; findings: unknown[]; tables: unknown[]; summary: { checks: number } } } = {};
  for (const rep of doc.reports) byFile[rep.file] = rep;
  for (const good of [f.sample, f.xlsxAsXls, f.realXls, f.xlsAsXlsx, f.spaced]) {
    expect(byFile[good].ok).toBe(true);
    expect(byFile[good].error).toBeUndefined();
  }
  const expectations: [string, RegExp][] = [
    [f.empty, /^工作簿中没有任何数据/],
    [f.encrypted, /^文件已加密（设置了打开密码），无法读取；请去除密码后再审核。$/],
    [f.corruptTruncated, /^文件已损坏/],
    [f.declaredBomb, /^文件解压后过大/],
    [f.zeroBytes, /^文件是空的（0 字节）/],
    [f.directory, /^这是一个文件夹/],
    [f.missing, /^找不到该文件/],
    [f.lyingBomb, /与其目录声明不符/],
    [f.html, /网页（HTML）/],
  ];
  for (const [file, re] of expectations) {
    const rep = byFile[file];
    expect(rep.ok).toBe(false);
    expect(rep.error).toMatch(re);
    expect(rep.findings).toEqual([]);
    expect(rep.tables).toEqual([]);
    expect(rep.summary.checks).toBe(0);
    // The same sentence as the reader gives, and it names the file on stderr (a log, not the report).
    const read = readWorkbookFile(file);
    expect(read.ok === false && read.error).toBe(rep.error);
    expect(r.stderr).toContain(file + "：" + rep.error);
  }
  expect(r.code).toBe(2);
  // Same engine answer whatever the file is called.
  expect(byFile[f.spaced].findings).toEqual(byFile[f.sample].findings);
  expect(byFile[f.xlsxAsXls].findings).toEqual(byFile[f.sample].findings);
  expect(byFile[f.xlsAsXlsx].findings).toEqual(byFile[f.realXls].findings);
});

test("text report: per-file block, unreadable reason, overall line", async () => {
  const r = await run([f.sample, f.missing]);
  expect(r.code).toBe(2);
  expect(r.stdout).toContain("文件：" + f.sample);
  expect(r.stdout).toContain("文件：" + f.missing + "\n  无法读取：找不到该文件，请检查路径是否正确。");
  const d = direct(f.sample).summary;
  expect(r.stdout).toContain(
    "\n共审核 2 个文件：不符 " + d.errors + " 项，疑点 " + d.warnings + " 项，尾差 " + d.tails + " 项，提示 " + d.infos + " 项；无法读取 1 个文件\n",
  );
  expect(r.stdout.endsWith("个文件\n")).toBe(true);
});

test("argument errors: usage in Chinese on stderr, nothing on stdout, exit 2", async () => {
  for (const argv of [[], ["--format", "xml", f.sample], ["--bogus", f.sample], ["--output"], ["--format"]]) {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^错误：.+。\n\n用法：/);
  }
  const help = await run(["--help"]);
  expect([help.code, help.stderr]).toEqual([0, ""]);
  expect(help.stdout).toMatch(/^用法：/);
  const v = await run(["--version"]);
  expect(v.stdout).toBe(pkg.name + " " + pkg.version + "\n");
  expect((await run(["--format=json", "--", f.sample])).code).toBeLessThan(2);
});

test("--output writes the report there and nothing beside the inputs", async () => {
  const before = fs.readdirSync(f.dir).sort();
  const out = path.join(f.dir, "..", path.basename(f.dir) + "-report.json");
  try {
    const r = await run(["--format", "json", "--output", out, f.sample]);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("报告已写入 " + out + "\n");
    expect(validate(schema, JSON.parse(fs.readFileSync(out, "utf8")))).toEqual([]);
    expect(fs.readdirSync(f.dir).sort()).toEqual(before);
    const bad = await run(["--output", path.join(f.missing, "x.txt"), f.sample]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^错误：无法写入报告文件/);
  } finally {
    fs.rmSync(out, { force: true });
  }
  // Text runs too: the temp dir is unchanged.
  await run([f.sample, f.xlsxAsXls]);
  expect(fs.readdirSync(f.dir).sort()).toEqual(before);
});

test("--output naming an input file is refused before anything is written", async () => {
  const before = fs.readFileSync(f.sample);
  const r = await run(["--output", f.sample, f.sample]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^错误：报告文件“.+”与输入文件相同，会覆盖输入，请换一个文件名。\n\n用法：/);
  expect(fs.readFileSync(f.sample).equals(before)).toBe(true);
});

test("--narrative with a missing or unsupported file is an argument error", async () => {
  const r = await run(["--narrative", f.missing, f.sample]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toContain("找不到情况说明文件");
});
