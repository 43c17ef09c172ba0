/**
 * 项目单位自评汇总表 (sheet 项目支出绩效自评表): P.1–P.4 and the link to 说明十三(二). Every 全年预算数, 全年执行数,
 * 系统查询全年执行数 (±0.01), 预算执行率 (±0.05 pp) and 自评得分 (±0.01) of the sample changed in memory is reported.
 */
import { analyseNarrative } from "../../src/engine/narrative";
import { findPerformance } from "../../src/engine/narrative/performance";
import { recognize } from "../../src/engine/recognize";
import { Finding } from "../../src/engine/types";
import { loadSample } from "./helpers";

const snapshot = loadSample();
const rec = recognize(snapshot);
const sheet = snapshot.sheets.filter((s) => s.name === "项目支出绩效自评表")[0];
const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.actual, f.expected, f.message].join(" | ");
const baseline: { [k: string]: boolean } = {};
for (const f of analyseNarrative(rec, snapshot).findings) baseline[full(f)] = true;

test("the table is found by its header text, with its 15 projects and columns", () => {
  const p = findPerformance(rec.grids);
  expect(p.projects).not.toBeNull();
  const t = p.projects!;
  expect(t.sheet).toBe("项目支出绩效自评表");
  expect(t.rows.length).toBe(15);
  const r = t.rows.filter((x) => x.name === "部门经费支出")[0];
  expect([r.budget!.addr, r.exec!.addr, r.sys!.addr, r.rate!.addr, r.score!.addr]).toEqual(["H12", "I12", "J12", "K12", "Q12"]);
  expect(Object.keys(r.rates)).toContain("成本指标得分率");
});

interface Mut {
  name: string;
  r: number;
  c: number;
  text: string;
  value: number;
}
const muts: Mut[] = [];
// columns H 全年预算数, I 全年执行数, J 系统查询, K 预算执行率, Q 自评得分 (0-based 7, 8, 9, 10, 16)
for (let r = 3; r < sheet.text.length; r++) {
  for (const c of [7, 8, 9, 10, 16]) {
    const t = sheet.text[r][c];
    const pct = /%$/.test(t);
    const v = parseFloat(t);
    const dot = t.replace("%", "").indexOf(".");
    const dp = Math.max(dot < 0 ? 0 : t.replace("%", "").length - dot - 1, 2);
    const step = pct ? 0.05 : 0.01;
    for (const sign of [1, -1]) {
      const nv = Math.round((v + sign * step) * 10000) / 10000;
      if (nv < 0) continue;
      const text = nv.toFixed(dp) + (pct ? "%" : "");
      muts.push({ name: sheet.text[r][4] + " " + String.fromCharCode(65 + c) + (r + 1) + " " + t + " → " + text, r, c, text, value: pct ? nv / 100 : nv });
    }
  }
}

test("mutations cover every amount, rate and score cell", () => {
  expect(muts.length).toBeGreaterThan(130);
});

test.each(muts.map((m) => [m.name, m] as [string, Mut]))("%s is reported", (_n, m) => {
  const oldT = sheet.text[m.r][m.c];
  const oldV = sheet.values[m.r][m.c];
  const oldF = sheet.formats ? sheet.formats[m.r][m.c] : undefined;
  sheet.text[m.r][m.c] = m.text;
  sheet.values[m.r][m.c] = m.value;
  if (sheet.formats && /%$/.test(m.text)) sheet.formats[m.r][m.c] = "0.00%";
  try {
    const found = analyseNarrative(rec, snapshot).findings.filter((f) => !baseline[full(f)] && f.severity !== "info");
    expect(found.length).toBeGreaterThan(0);
  } finally {
    sheet.text[m.r][m.c] = oldT;
    sheet.values[m.r][m.c] = oldV;
    if (sheet.formats && oldF !== undefined) sheet.formats[m.r][m.c] = oldF;
  }
});

test("P.3: a score off the model is a hint (weights inferred: 预算执行率 10, 成本指标 10)", () => {
  const r = 6; // 智慧城市 row 7: 99.83 = 100 − 10 × (1 − 98.31 %)
  const old = [sheet.text[r][16], sheet.values[r][16]];
  sheet.text[r][16] = "99.93";
  sheet.values[r][16] = 99.93;
  try {
    const p3 = analyseNarrative(rec, snapshot).findings.filter((f) => f.rule === "P.3");
    expect(p3.map((f) => [f.severity, f.cell, f.actual, f.expected])).toEqual([["warning", "Q7", "99.93", "99.83"]]);
  } finally {
    sheet.text[r][16] = old[0] as string;
    sheet.values[r][16] = old[1];
  }
});
