/**
 * Issue 4 §4: every stated percentage of the sample's 情况说明 changed by ±0.05 and every stated amount
 * changed by ±0.01 is reported (tail, warning or error, as its interval decides). The text is mutated in
 * memory, one figure at a time, and the narrative re-checked against the unchanged tables.
 */
import { analyseNarrative } from "../../src/engine/narrative";
import { recognize } from "../../src/engine/recognize";
import { Finding } from "../../src/engine/types";
import { loadSample } from "./helpers";

const snapshot = loadSample();
const rec = recognize(snapshot);
const sheet = snapshot.sheets.filter((s) => s.name === "情况说明")[0];

const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.actual, f.expected, f.message].join(" | ");
const baseline: { [k: string]: boolean } = {};
for (const f of analyseNarrative(rec, snapshot).findings) baseline[full(f)] = true;

interface Mutation {
  name: string;
  row: number;
  text: string;
}

const mutations: Mutation[] = [];
const FIG = /(\d+(?:\.\d+)?)(\s*)(万元|%)/g;
sheet.text.forEach((r, row) => {
  const t = r[0];
  if (!t) return;
  let m: RegExpExecArray | null;
  FIG.lastIndex = 0;
  while ((m = FIG.exec(t))) {
    // 说明十二 “单位价值 100 万元（含）以上设备” is the reporting threshold, not an amount of the accounts
    if (/单位价值\s*$/.test(t.slice(0, m.index))) continue;
    // a digit before it belongs to another number ("2024 年 7 月份" is not a figure)
    if (m.index > 0 && /[\d.]/.test(t.charAt(m.index - 1))) continue;
    const pct = m[3] === "%";
    const dot = m[1].indexOf(".");
    const dp = Math.max(dot < 0 ? 0 : m[1].length - dot - 1, 2);
    const step = pct ? 0.05 : 0.01;
    for (const sign of [1, -1]) {
      const v = Math.round((parseFloat(m[1]) + sign * step) * 10000) / 10000;
      if (v < 0) continue;
      const repl = v.toFixed(dp);
      mutations.push({
        name: "A" + (row + 1) + " “" + t.slice(Math.max(0, m.index - 12), m.index + m[0].length) + "” → " + repl + m[3],
        row,
        text: t.slice(0, m.index) + repl + m[2] + m[3] + t.slice(m.index + m[0].length),
      });
    }
  }
});

test("the sample's text has the figures the issue speaks of", () => {
  const pcts = mutations.filter((m) => / → [\d.]+%$/.test(m.name)).length;
  const amts = mutations.length - pcts;
  expect(pcts).toBeGreaterThan(60);
  expect(amts).toBeGreaterThan(120);
});

test.each(mutations.map((m) => [m.name, m] as [string, Mutation]))("%s is reported", (_name, m) => {
  const oldText = sheet.text[m.row][0];
  const oldValue = sheet.values[m.row][0];
  sheet.text[m.row][0] = m.text;
  sheet.values[m.row][0] = m.text;
  try {
    const found = analyseNarrative(rec, snapshot).findings.filter((f) => !baseline[full(f)] && f.severity !== "info");
    expect(found.length).toBeGreaterThan(0);
  } finally {
    sheet.text[m.row][0] = oldText;
    sheet.values[m.row][0] = oldValue;
  }
});
