/**
 * Issue 13 item 3: every regular expression of the engine runs in time linear in its input. The engine runs on
 * files received from others and in the pane's paste box, so a cell or a pasted text of a few hundred KB must not
 * keep the CPU busy for minutes (a run of digits before 个, 200 KB of spaces, 占 + digits + %, …).
 *
 * Each pattern (every regex literal under src/engine, and every pattern the engine builds with `new RegExp` while it
 * audits the sample) is attacked with the candidates of test/support/redos.ts, and its worst candidate is timed at
 * 1 MB. A linear scan of 1 MB takes a few ms to a few hundred ms; a quadratic one takes minutes (it is not run that
 * long: its time is extrapolated from the sizes measured).
 */
import * as path from "path";
import { Pattern, recordRegExps, regexLiterals, worstCase, WorstCase } from "../support/redos";

const ROOT = path.join(__dirname, "..", "..");
const ENGINE = path.join(ROOT, "src", "engine");
const MB = 1 << 20;
/**
 * What a pattern may take at 1 MB: at most 10 s (linear ones take 0.01–1.6 s on an idle 2-core machine, up to 4 times
 * that when the machine is busy), and a pattern slower than 0.4 s must grow linearly from 64 KB to 1 MB (time × 16
 * for 16 times the text; a quadratic one is × 256): at most n^1.4, i.e. × 48.
 */
const BUDGET_MS = 10_000;
const MAX_EXPONENT = 1.4;

jest.setTimeout(600_000);

function runtimePatterns(): { patterns: Pattern[]; sites: Set<string> } {
  const sites = new Set<string>();
  const patterns = recordRegExps(() => {
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const engine = require("../../src/engine") as typeof import("../../src/engine");
      const F = require("../fixtures/sample") as typeof import("../fixtures/sample");
      const fs = require("fs") as typeof import("fs");
      /* eslint-enable @typescript-eslint/no-require-imports */
      const text = fs.readFileSync(F.SAMPLE_TEXT, "utf8");
      const snap = F.sampleSnapshot();
      engine.auditWorkbook(snap);
      engine.auditWorkbook(snap, { narrative: text });
      engine.auditText(text);
      // last year's document (issue 12, engine/prior/): the sample paired with itself reaches every pattern there
      engine.auditWithPrevious(snap, { narrative: text, previous: { snapshot: snap, name: "上年.xlsx" } });
    });
  }, sites, ENGINE);
  return { patterns, sites };
}

const { literals, constructed } = regexLiterals(ENGINE);
const runtime = runtimePatterns();

test("the engine's `new RegExp` call sites are all reached while it audits the sample (so their patterns are timed below)", () => {
  const missed = constructed.filter((s) => !runtime.sites.has(s));
  expect(missed).toEqual([]);
  expect(runtime.sites.size).toBeGreaterThanOrEqual(constructed.length / 2);
  if (process.env.REDOS_REPORT) console.log(Array.from(runtime.sites).sort().join("\n") + "\n--\n" + constructed.join("\n"));
});

test("every regular expression of src/engine: its worst case at 1 MB within " + BUDGET_MS / 1000 + " s, and linear", () => {
  const all = new Map<string, Pattern>();
  for (const p of literals.concat(runtime.patterns)) {
    const k = p.flags.replace(/[gy]/g, "") + "/" + p.source;
    if (!all.has(k)) all.set(k, p);
  }
  expect(all.size).toBeGreaterThan(300);
  const slow: string[] = [];
  const rows: WorstCase[] = [];
  for (const p of Array.from(all.values())) {
    const w = worstCase(p, MB);
    rows.push(w);
    if (w.ms > BUDGET_MS || (w.ms > 400 && w.exponent > MAX_EXPONENT)) slow.push(p.where + " /" + p.source + "/ " + w.attack + ": " + Math.round(w.ms) + " ms" + (w.measured ? "" : " (extrapolated)") + ", growth ~n^" + w.exponent.toFixed(2));
  }
  if (process.env.REDOS_REPORT) {
    rows.sort((a, b) => b.ms - a.ms);
    // eslint-disable-next-line no-console
    console.log(rows.slice(0, 30).map((w) => Math.round(w.ms) + " ms n^" + w.exponent.toFixed(2) + "  " + w.pattern.where + "  /" + w.pattern.source.slice(0, 80) + "/  " + w.attack).join("\n"));
  }
  expect(slow).toEqual([]);
});
