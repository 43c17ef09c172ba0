/**
 * The import graph of src/: every relative `import … from`, `export … from`, bare `import "…"`, `require("…")`
 * and `import("…")` of every src/**\/*.ts file, resolved to a file. Type-only imports count too: a loop through
 * types is still a loop for the reader (issue 9 §6). Package imports ("fs", "decimal.js") are kept as such so the
 * layer rules can forbid them.
 */
import * as fs from "fs";
import * as path from "path";

export interface Edge {
  from: string;
  /** src-relative path ("engine/index.ts") for a relative import, else the package name ("fs", "@e965/xlsx"). */
  to: string;
  /** The specifier as written. */
  spec: string;
  relative: boolean;
}

const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Comments could name modules ("see ../excel/flags"): drop them before scanning. Strings are kept. */
function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'\\])\/\/.*$/gm, "$1");
}

function resolve(srcRoot: string, fromFile: string, spec: string): string {
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const cand of [base + ".ts", path.join(base, "index.ts"), base]) {
    if (fs.existsSync(cand) && fs.statSync(cand).isFile()) return path.relative(srcRoot, cand).split(path.sep).join("/");
  }
  throw new Error(path.relative(srcRoot, fromFile) + ": cannot resolve " + spec);
}

export function importGraph(srcRoot: string): { files: string[]; edges: Edge[] } {
  const list = files(srcRoot).sort();
  const edges: Edge[] = [];
  for (const f of list) {
    const text = stripComments(fs.readFileSync(f, "utf8"));
    const from = path.relative(srcRoot, f).split(path.sep).join("/");
    SPEC.lastIndex = 0;
    for (let m = SPEC.exec(text); m; m = SPEC.exec(text)) {
      const spec = m[1];
      const relative = spec.startsWith(".");
      edges.push({ from, spec, relative, to: relative ? resolve(srcRoot, f, spec) : spec });
    }
  }
  return { files: list.map((f) => path.relative(srcRoot, f).split(path.sep).join("/")), edges };
}

/** Every elementary loop found by a depth-first search, each as its list of files (first file repeated at the end). */
export function cycles(edges: Edge[]): string[][] {
  const next: { [f: string]: string[] } = {};
  for (const e of edges) if (e.relative) (next[e.from] = next[e.from] || []).push(e.to);
  const state: { [f: string]: 1 | 2 } = {};
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (f: string): void => {
    state[f] = 1;
    stack.push(f);
    for (const g of next[f] || []) {
      if (state[g] === 1) found.push(stack.slice(stack.indexOf(g)).concat([g]));
      else if (!state[g]) visit(g);
    }
    stack.pop();
    state[f] = 2;
  };
  for (const f of Object.keys(next).sort()) if (!state[f]) visit(f);
  return found;
}
