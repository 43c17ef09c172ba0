/**
 * The building blocks: normalisation with a map back to the text as written, sections, number tokens (years,
 * codes and counts are never amounts), interval ratios, the marked view, and ES5 safety of the sources.
 */
import * as fs from "fs";
import * as path from "path";
import { Decimal } from "../../src/engine/decimal";
import { analyseNarrative, markNarrative } from "../../src/engine/narrative";
import { normaliseSpan, original, paragraphs } from "../../src/engine/narrative/normalise";
import { judgeRatio } from "../../src/engine/narrative/ratio";
import { headingKind, outline, sentences } from "../../src/engine/narrative/sections";
import { locate, sameAsTable } from "../../src/engine/narrative/tokens";
import { recognize } from "../../src/engine/recognize";
import { loadSample, ROOT } from "./helpers";

const d = (s: string) => new Decimal(s);
const op = (v: string, h = "0.005") => ({ value: d(v), half: d(h) });

test("normalise: full-width, spaces between digits and units, soft line breaks; offsets map back", () => {
  const doc = "支出合计 2，481.93 万元，占 ２５．４０％；科学\n技术";
  const n = normaliseSpan(doc, 0, doc.length);
  expect(n.text).toBe("支出合计2,481.93万元,占25.40%;科学技术");
  const i = n.text.indexOf("25.40%");
  const p = { text: n.text, map: n.map, cell: null, table: false };
  expect(original(doc, p, i, i + 6)).toBe("２５．４０％");
  expect(normaliseSpan("项目 15 个，12345 政务", 0, 16).text).toBe("项目15个,12345政务");
  expect(normaliseSpan("**因公出国（境）费**预算", 0, 15).text).toBe("因公出国(境)费预算");
});

test("paragraphs: PDF soft breaks are joined, headings and table lines stay apart", () => {
  const doc = "一、收入支出决算总体情况说明\n\n2024 年度收、支总计均为 2481.93 万元，\n\n下降 36.06%。\n\n二、收入决算情况说明\n合计\t2,481.93\t1";
  const ps = paragraphs(doc, 0, doc.length, null);
  expect(ps.map((p) => p.text)).toEqual(["一、收入支出决算总体情况说明", "2024年度收、支总计均为2481.93万元,下降36.06%。", "二、收入决算情况说明", "合计2,481.93 1"]);
  expect(ps[3].table).toBe(true);
});

test("sections by heading words, 目录 entries and table titles kept apart", () => {
  expect(headingKind("一、收入支出决算总体情况说明")).toBe("S1");
  expect(headingKind("四、财政拨款收入支出决算总体情况说明")).toBe("S4");
  expect(headingKind("十、机构运行经费支出情况说明")).toBe("S10");
  expect(headingKind("七、政府性基金预算财政拨款收入支出决算表")).toBeNull();
  expect(headingKind("一、财政拨款收入:单位从同级政府财政部门取得的财政预算资金。")).toBeNull();
  const doc = "一、收入支出决算总体情况说明\n二、收入决算情况说明\n三、支出决算情况说明\n一、收入支出决算总体情况说明\n正文一。\n二、收入决算情况说明\n正文二。\n三、支出决算情况说明\n正文三。\n第四部分 名词解释\n一、财政拨款收入：……";
  const o = outline(paragraphs(doc, 0, doc.length, null));
  expect(o.sections.map((s) => s.kind + ":" + s.body.map((p) => p.text).join(""))).toEqual(["S1:正文一。", "S2:正文二。", "S3:正文三。"]);
  expect(o.toc.length).toBe(3);
  expect(sentences("甲。乙”。丙").map((s) => s.end)).toEqual([2, 5, 6]);
});

test("tokens: a number counts only with its unit; years, codes and counts are not amounts", () => {
  const t = "比2023年增加0.69万元,增长1.40%,2010301行政运行,项目15个";
  expect(locate(t, "2023", "万元", 0)).toBeNull();
  expect(locate(t, "0.69", "万元", 0)!.value.toString()).toBe("0.69");
  expect(locate(t, "1.40", "%", 0)!.dp).toBe(2);
  expect(locate("共12345元", "12345", "元", 0)!.value.toString()).toBe("1.2345");
  // the text rounded like the table when it shows fewer decimals
  const f = locate("发放5.4万元", "5.4", "万元", 0)!;
  expect(sameAsTable(f, d("5.40"), 2).equal).toBe(true);
  expect(sameAsTable(f, d("5.41"), 2).equal).toBe(true);
  expect(sameAsTable(f, d("5.46"), 2).equal).toBe(false);
});

test("ratios by interval (RULES.md §5.3)", () => {
  expect(judgeRatio(op("870"), op("885"), d("98.83"), 2).state).toBe("error");
  expect(judgeRatio(op("870"), op("885"), d("98.31"), 2).state).toBe("exact");
  expect(judgeRatio(op("1.56"), op("3.38"), d("46.11"), 2).state).toBe("tail");
  expect(judgeRatio(op("1.56"), op("3.38"), d("46.45"), 2).state).toBe("error");
  expect(judgeRatio(op("1399.91"), op("3881.84", "0.01"), d("36.06"), 2).state).toBe("exact");
  expect(judgeRatio(op("1070"), op("0"), d("100"), 2).state).toBe("undefined");
  expect(judgeRatio(op("0"), op("0"), d("0"), 2).state).toBe("undefined");
  const r = judgeRatio(op("1.56"), op("3.38"), d("46.11"), 2);
  expect(r.lo!.toFixed(4)).toBe("45.9380");
  expect(r.hi!.toFixed(4)).toBe("46.3704");
});

test("pasted text with full-width figures: every figure marked, offsets into the text as pasted", () => {
  const snapshot = loadSample();
  const rec = recognize(snapshot);
  const pasted = "三、支出决算情况说明\n２０２４年度支出合计２４８１．９３万元，其中：基本支出６３０．５０万元，占２５．４０％；项目支出１８５１．４４万元，占７１．７３％。";
  const r = analyseNarrative(rec, snapshot, { narrative: pasted });
  const spans = markNarrative(r);
  const shown = spans.map((s) => pasted.slice(s.start, s.end) + ":" + s.status);
  expect(shown).toEqual(["２４８１．９３万元:ok", "６３０．５０万元:ok", "２５．４０％:ok", "１８５１．４４万元:ok", "７１．７３％:error"]);
  const err = r.findings.filter((f) => f.severity === "error" && f.table === "情况说明");
  expect(err.map((f) => [f.rule, f.actual, f.expected])).toEqual([
    ["N3", "71.73", "74.60"],
    ["N3", "97.13", "100"],
  ]);
  expect(spans[4].related).toEqual(["'公开03表'!E7", "'公开03表'!C7"]);
  expect(err[0].excerpt).toBe("项目支出１８５１．４４万元，占７１．７３％");
});

test("template residue, a share without %, a zero-base growth rate, 增加 with 下降", () => {
  const snapshot = loadSample();
  const rec = recognize(snapshot);
  const pasted =
    "一、收入支出决算总体情况说明\n2024年度收、支总计均为2481.93万元。与上年度相比，收、支总计各增加2481.93万元，增长100.00%，主要原因是XX。\n" +
    "四、财政拨款收入支出决算总体情况说明\n2024年度财政拨款收、支总计均为2481.93万元。与上年度相比，财政拨款收、支总计各减少1399.91万元，增长36.06%，主要原因是下降（增长）。\n" +
    "二、收入决算情况说明\n2024年度收入合计2481.93万元，其中：财政拨款收入2481.93万元，占100.00。";
  const r = analyseNarrative(rec, snapshot, { narrative: pasted });
  const got = r.findings.filter((f) => f.rule !== "N-SOURCE").map((f) => f.rule + " " + f.severity);
  expect(got).toContain("N1 error"); // zero base: prior 0, 增长100.00% must not be stated
  expect(got).toContain("N4 error"); // 减少 … 增长
  expect(got.filter((x) => x === "N-TEMPLATE warning").length).toBe(2);
  expect(got).toContain("N-PCT-UNIT error");
  const zero = r.findings.filter((f) => f.rule === "N1" && f.severity === "error")[0];
  expect(zero.message).toContain("本年新增");
});

test("ES5-safe sources: no regex u flag, no named groups, no lookbehind, no String.prototype.normalize", () => {
  const dir = path.join(ROOT, "src", "engine", "narrative");
  // the statement tables and the handwritten checks live in sub-folders: they are checked too
  const files: string[] = [];
  const list = (d: string, rel: string) => {
    for (const n of fs.readdirSync(d)) {
      if (fs.statSync(path.join(d, n)).isDirectory()) list(path.join(d, n), rel + n + "/");
      else files.push(rel + n);
    }
  };
  list(dir, "");
  expect(files.filter((f) => f.indexOf("/") > 0).length).toBeGreaterThan(0);
  for (const f of files) {
    const s = fs.readFileSync(path.join(dir, f), "utf8");
    expect([f, /\(\?<[=!a-zA-Z]/.test(s)]).toEqual([f, false]);
    expect([f, /\.normalize\(/.test(s)]).toEqual([f, false]);
    const code = s.replace(/^\s*(?:\/\/|\*|\/\*).*$/gm, "").replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
    expect([f, /[^\s/*]\/[gimy]*u[gimy]*[,;).\s]/.test(code)]).toEqual([f, false]);
    expect([f, /new RegExp\([^)]*,\s*"[gimy]*u/.test(s)]).toEqual([f, false]);
  }
});

test("a workbook without 情况说明: no table sheet is taken for it (公开01 labels are not headings)", () => {
  const snapshot = loadSample();
  const noText = { sheets: snapshot.sheets.filter((s) => s.name !== "情况说明") };
  const r = analyseNarrative(recognize(noText), noText);
  expect(r.source).toBe("none");
  expect(r.findings.filter((f) => f.table === "情况说明").map((f) => f.rule)).toEqual(["N-SOURCE"]);
  // the 绩效 sheet is still checked
  expect(r.findings.some((f) => f.rule === "P.2")).toBe(true);
});

test("wording variants: classes without “（类）”, 同比下降", () => {
  const snapshot = loadSample();
  const rec = recognize(snapshot);
  const pasted =
    "五、一般公共预算财政拨款支出决算情况说明\n（一）总体情况\n2024年度一般公共预算财政拨款支出2481.93万元，占支出合计的100.00%。与上年度相比，一般公共预算财政拨款支出减少1399.91万元，同比下降36.16%。\n" +
    "（二）结构情况\n2024年度一般公共预算财政拨款支出2481.93万元，主要用于以下方面：一般公共服务支出1290.77万元，占52.01%；科学技术支出1070.00万元，占43.11%；社会保障和就业支出48.11万元，占1.94%；卫生健康支出26.92万元，占1.08%；农林水支出3.82万元，占0.15%；住房保障支出36.91万元，占1.49%；其他支出5.40万元，占0.32%。";
  const r = analyseNarrative(rec, snapshot, { narrative: pasted });
  const errs = r.findings.filter((f) => f.severity === "error" && f.table === "情况说明").map((f) => [f.rule, f.actual, f.expected]);
  expect(errs).toEqual([
    ["N5a", "36.16", "36.06"],
    ["N5b", "0.32", "0.22"],
    ["N5b", "100.1", "100"],
  ]);
  expect(markNarrative(r).filter((s) => s.status === "ok").length).toBe(16);
});

test("bounded time on hostile text (long runs without punctuation, huge paste)", () => {
  const snapshot = loadSample();
  const rec = recognize(snapshot);
  const long = "五、一般公共预算财政拨款支出决算情况说明\n" + new Array(20001).join("一般公共服务支出") + "\n三、支出决算情况说明\n" + new Array(5001).join("支出合计1万元其中基本支出") ;
  const t0 = Date.now();
  const r = analyseNarrative(rec, snapshot, { narrative: long });
  expect(Date.now() - t0).toBeLessThan(5000);
  expect(r.source).toBe("external");
});

test("说明十: the term is noted only when heading and body differ; the comparison year is the prior year", () => {
  const snapshot = loadSample();
  const rec = recognize(snapshot);
  const same = "十、机关运行经费支出情况说明\n2024 年度机关运行经费支出 49.97 万元，比 2023 年增加 0.69 万元，增长 1.40%。主要原因是当年大厅管理费增加。";
  const r1 = analyseNarrative(rec, snapshot, { narrative: same }).findings.filter((f) => f.rule === "N10");
  expect(r1).toEqual([]);
  const other = same.replace("十、机关", "十、机构").replace("比 2023 年增加 0.69 万元，增长 1.40%", "比 2022 年增加 0.70 万元，增长 1.40%");
  const r2 = analyseNarrative(rec, snapshot, { narrative: other }).findings.filter((f) => f.rule === "N10");
  expect(r2.map((f) => [f.severity, f.actual, f.expected])).toEqual([
    ["info", null, null],
    ["error", "2022", "2023"],
    ["error", "1.4", "1.42"],
  ]);
});

test("wording variants: totals stated apart, 决算数为 without 支出", () => {
  const snapshot = loadSample();
  const rec = recognize(snapshot);
  const t =
    "一、收入支出决算总体情况说明\n2024年度收入总计2481.93万元，支出总计2481.94万元。\n" +
    "五、一般公共预算财政拨款支出决算情况说明\n（三）具体情况\n1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。年初预算数为626.81万元，决算数为585.44万元，完成年初预算数的93.41%。决算数小于预算数的主要原因是人员减少。";
  const r = analyseNarrative(rec, snapshot, { narrative: t });
  const got = r.findings.filter((f) => f.table === "情况说明" && f.severity !== "info").map((f) => [f.rule, f.severity, f.actual, f.expected]);
  expect(got).toEqual([
    ["N1", "error", "2481.94", "2481.93"],
    ["N5d", "error", "93.41", "93.40"],
    ["N5d", "error", null, null],
  ]);
});
