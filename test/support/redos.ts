/**
 * Worst-case timing of regular expressions (issue 13 item 3): every pattern of src/engine must run in time
 * linear in its input.
 *
 * Collecting the patterns: the regex literals are read from the sources with the TypeScript parser (all of them,
 * whether a test reaches them or not); the patterns built at run time (`new RegExp(…)`) are recorded by a proxy
 * of the RegExp constructor while the engine is loaded and run (`recordRegExps`).
 *
 * Finding a pattern's worst case: the super-linear cases of backtracking engines come from a prefix that lets a
 * match start, followed by a long run that the pattern scans and then fails on (RULES of thumb of ReDoS
 * checkers such as recheck and scslre). So the candidates are, for every way to cut one sample match of each
 * alternative: the prefix repeated, and the prefix followed by a run of one character (taken from the pattern or
 * from the narrative's own alphabet) and a suffix. Each candidate is timed at a small size; the slowest is timed
 * again at 16 KB and at the size the test asks for.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { AST, RegExpParser } from "@eslint-community/regexpp";

export interface Pattern {
  source: string;
  flags: string;
  /** Where it was found: file:line for literals, "runtime" for constructed patterns. */
  where: string;
}

function walkFiles(dir: string, out: string[]): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walkFiles(p, out);
    else if (/\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Every regex literal of the .ts files under `dir`, and the number of `new RegExp(…)` call sites. */
export function regexLiterals(dir: string): { literals: Pattern[]; constructed: string[] } {
  const literals: Pattern[] = [];
  const constructed: string[] = [];
  for (const file of walkFiles(dir, [])) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
    const visit = (n: ts.Node): void => {
      const where = path.relative(dir, file) + ":" + (sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1);
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = (n as ts.RegularExpressionLiteral).text;
        const cut = text.lastIndexOf("/");
        literals.push({ source: text.slice(1, cut), flags: text.slice(cut + 1), where });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === "RegExp") {
        constructed.push(where);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { literals, constructed };
}

/**
 * Replace the global RegExp constructor by a recording proxy while `fn` runs (the engine's modules must be loaded
 * inside `fn`, e.g. with jest.isolateModules, so that their module-level `new RegExp` calls are seen).
 */
export function recordRegExps(fn: () => void, sites?: Set<string>, root?: string): Pattern[] {
  const seen: Pattern[] = [];
  const keys = new Set<string>();
  const Original = RegExp;
  const Recording = new Proxy(Original, {
    construct(target, args: unknown[]) {
      const r = Reflect.construct(target, args) as RegExp;
      if (sites) {
        // the caller's frame: "at … (/…/src/engine/narrative/x.ts:12:34)" → "narrative/x.ts:12"
        const frames = (new Error().stack || "").split("\n").slice(2);
        for (const f of frames) {
          const m = /\(?([^()\s]+\.ts):(\d+):\d+\)?\s*$/.exec(f);
          if (m && root && m[1].indexOf(root) === 0) {
            sites.add(path.relative(root, m[1]) + ":" + m[2]);
            break;
          }
        }
      }
      const k = r.flags + "/" + r.source;
      if (!keys.has(k)) {
        keys.add(k);
        seen.push({ source: r.source, flags: r.flags, where: "runtime" });
      }
      return r;
    },
    apply(target, _this, args: unknown[]) {
      // RegExp("…") without new: record it the same way
      return new (Recording as unknown as new (...a: unknown[]) => RegExp)(...args);
    },
  });
  (globalThis as { RegExp: RegExpConstructor }).RegExp = Recording;
  try {
    fn();
  } finally {
    (globalThis as { RegExp: RegExpConstructor }).RegExp = Original;
  }
  return seen;
}

/** Runs tried after every prefix besides those made of what the pattern's repeated parts match. */
const ALPHABET = ["1", " ", "\t", "a", "中", ",000", "1,", ".1", "1、", "1%"];
const SUFFIXES = ["", "%", "\u0000", "\n", "\u0000\n"];
/** Prefixes that no pattern needs, so that a run is not eaten by a match at its start. */
const LEADS = ["a", "中", "\u0000"];

const parser = new RegExpParser({ ecmaVersion: 2022 });

/** A character that `node` matches (one of them). */
function sampleChar(n: AST.CharacterClassElement | AST.CharacterSet): string {
  switch (n.type) {
    case "Character":
      return String.fromCharCode(n.value);
    case "CharacterClassRange":
      return String.fromCharCode(n.min.value);
    case "CharacterSet":
      if (n.kind === "digit") return n.negate ? "a" : "1";
      if (n.kind === "space") return n.negate ? "a" : " ";
      if (n.kind === "word") return n.negate ? "、" : "a";
      return "a";
    default:
      return "a";
  }
}

function matchesClass(cls: AST.CharacterClass, ch: string): boolean {
  const re = new RegExp(cls.raw);
  return re.test(ch);
}

/** One string the element matches; the characters of its repeated parts go into `runs`. */
function sample(n: AST.Node, runs: Set<string>, repeated = false): string {
  const chars = repeated ? runs : new Set<string>();
  switch (n.type) {
    case "Character":
    case "CharacterSet": {
      const c = sampleChar(n as AST.Character);
      chars.add(c);
      if (n.type === "CharacterSet" && "negate" in n && n.negate) chars.add("中");
      return c;
    }
    case "CharacterClass": {
      for (const e of n.elements) if (e.type !== "ClassStringDisjunction" && e.type !== "CharacterClass" && e.type !== "ExpressionCharacterClass") chars.add(sampleChar(e as AST.Character));
      if (!n.negate) return n.elements.length ? sampleChar(n.elements[0] as AST.Character) : "";
      chars.add("中");
      for (const c of ["a", "中", "1", " ", "、"]) if (matchesClass(n, c)) return c;
      return "a";
    }
    case "Group":
    case "CapturingGroup": {
      let first = "";
      n.alternatives.forEach((a, i) => {
        const s = a.elements.map((e) => sample(e, runs, repeated)).join("");
        if (i === 0) first = s;
      });
      return first;
    }
    case "Quantifier": {
      // the characters a repeated part matches are the runs to try
      const s = sample(n.element, runs, repeated || n.max > 1);
      return s.repeat(Math.min(Math.max(n.min, 1), 3));
    }
    default:
      return "";
  }
}

/** Strings that start a match of the sequence: the samples of its first elements, cut anywhere (inside groups too). */
function prefixesOf(elements: AST.Element[]): string[] {
  const out: string[] = [];
  let base = "";
  for (const e of elements) {
    for (const p of innerPrefixes(e)) out.push(base + p);
    base += sample(e, new Set<string>());
    out.push(base);
  }
  return out;
}

function innerPrefixes(e: AST.Element): string[] {
  if (e.type === "Group" || e.type === "CapturingGroup") {
    const out: string[] = [];
    for (const a of e.alternatives) for (const p of prefixesOf(a.elements)) out.push(p);
    return out;
  }
  if (e.type === "Quantifier") {
    const one = sample(e.element, new Set<string>());
    return innerPrefixes(e.element as AST.Element).concat([one]);
  }
  return [];
}

/** Candidate attack strings of a pattern, as (prefix, run, suffix): the run is repeated to the size asked. */
export function candidates(source: string, flags: string): { prefix: string; run: string; suffix: string }[] {
  const pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.indexOf("u") >= 0 });
  const out: { prefix: string; run: string; suffix: string }[] = [];
  const keys = new Set<string>();
  const add = (prefix: string, run: string, suffix: string) => {
    const k = prefix + "\u0001" + run + "\u0001" + suffix;
    if (run && !keys.has(k)) {
      keys.add(k);
      out.push({ prefix, run, suffix });
    }
  };
  const chars = new Set<string>(ALPHABET);
  for (const a of pattern.alternatives) for (const e of a.elements) sample(e, chars);
  const prefixes = new Set<string>([""].concat(LEADS));
  for (const a of pattern.alternatives) for (const p of prefixesOf(a.elements)) prefixes.add(p);
  // (no for..of over a Set: the project compiles to ES5 without downlevelIteration)
  const runs = Array.from(chars);
  for (const p of Array.from(prefixes)) {
    if (p) add("", p, "");
    if (p) add("", p, "\u0000");
    for (const c of runs) for (const s of SUFFIXES) add(p, c, s);
  }
  return out;
}

function build(c: { prefix: string; run: string; suffix: string }, size: number): string {
  const n = Math.max(1, Math.floor((size - c.prefix.length - c.suffix.length) / c.run.length));
  return c.prefix + c.run.repeat(n) + c.suffix;
}

/** Milliseconds to scan `text` with the pattern as the engine does (every match, as a global regex). */
export function scanTime(source: string, flags: string, text: string): number {
  const g = new RegExp(source, flags.replace(/[gy]/g, "") + "g");
  const t0 = process.hrtime.bigint();
  // test(), not exec(): the same search without a match array each time (a run of a million matches would time
  // the collector, not the pattern); a match that ends where the last one did was empty: step over it
  let prev = -1;
  while (g.test(text)) {
    if (g.lastIndex === prev) g.lastIndex++;
    prev = g.lastIndex;
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export interface WorstCase {
  pattern: Pattern;
  /** The attack, described: prefix + run × n + suffix. */
  attack: string;
  /** Time at `size` (measured), or extrapolated from the largest size measured when it would take too long. */
  ms: number;
  measured: boolean;
  /** Growth exponent (≈1 linear, ≈2 quadratic): from 4 KB to 64 KB, or from 64 KB to `size` when measured there. */
  exponent: number;
}

/** The least of a few timings (a pause of the collector or a busy machine only ever adds time). */
function steadyTime(source: string, flags: string, text: string, hardMs: number): number {
  let t = scanTime(source, flags, text);
  if (t > hardMs * 4) return t;
  for (let i = 0; i < 2 && t > 5; i++) t = Math.min(t, scanTime(source, flags, text));
  return t;
}

/** One run at full size, repeated once when slow (a busy machine only ever adds time). */
function atSize(p: Pattern, text: string): number {
  const t = scanTime(p.source, p.flags, text);
  return t > 300 ? Math.min(t, scanTime(p.source, p.flags, text)) : t;
}

const GROW = [256, 1024, 4096, 16384, 65536];
/** A candidate slower than this on the way up is not grown further (a cubic pattern would run for hours at 1 MB). */
const HARD_MS = 500;

/**
 * The slowest candidate of a pattern. All candidates are timed at 256 characters; the slowest three are grown
 * fourfold up to 64 KB. A candidate that takes more than 500 ms on the way, or more than 20 ms at 64 KB and grows
 * faster than n^1.8 from 4 KB to 64 KB, is not run at `size`: its time there is extrapolated (at least quadratically). Otherwise the
 * slowest candidate is timed at `size`.
 */
export function worstCase(p: Pattern, size: number): WorstCase {
  const cands = candidates(p.source, p.flags);
  const screen = cands.map((c) => ({ c, t: scanTime(p.source, p.flags, build(c, 256)) }));
  screen.sort((a, b) => b.t - a.t);
  let worst: WorstCase | null = null;
  let slowest: { c: (typeof screen)[0]["c"]; t: number; n: number } | null = null;
  for (const s of screen.slice(0, 3)) {
    const times: { n: number; t: number }[] = [];
    for (const n of GROW) {
      times.push({ n, t: steadyTime(p.source, p.flags, build(s.c, n), HARD_MS) });
      if (times[times.length - 1].t > HARD_MS) break;
    }
    const last = times[times.length - 1];
    // growth over a factor of 16 in size (one doubling is noisy: collector pauses, tier-up)
    const base = times[Math.max(0, times.length - 3)];
    const exponent = base.t > 0 && last.n > base.n ? Math.log(last.t / base.t) / Math.log(last.n / base.n) : 1;
    const describe = JSON.stringify(s.c.prefix) + " + " + JSON.stringify(s.c.run) + "×n + " + JSON.stringify(s.c.suffix);
    // under 20 ms at 64 KB even a quadratic pattern takes at most seconds at 1 MB: it is simply run there
    if (last.t > HARD_MS || (last.t > 20 && exponent > 1.8)) {
      const ms = last.t * Math.pow(size / last.n, Math.min(Math.max(exponent, 2), 3));
      if (!worst || ms > worst.ms) worst = { pattern: p, attack: describe, ms, measured: false, exponent };
    } else if (!slowest || last.t > slowest.t) slowest = { c: s.c, t: last.t, n: last.n };
  }
  if (worst) return worst;
  const best = slowest as { c: (typeof screen)[0]["c"]; t: number; n: number };
  const describe = JSON.stringify(best.c.prefix) + " + " + JSON.stringify(best.c.run) + "×n + " + JSON.stringify(best.c.suffix);
  const ms = atSize(p, build(best.c, size));
  // the growth from 64 KB to `size` (a busy machine slows both alike; under a few ms the ratio is noise)
  const exponent = best.t > 2 ? Math.log(ms / best.t) / Math.log(size / best.n) : 1;
  return { pattern: p, attack: describe, ms, measured: true, exponent };
}
