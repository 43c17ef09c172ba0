/**
 * The layering of src/ on the whole import graph (issue 9 §6): no import loop, no import across layers that
 * layers.json does not allow, the engine entered only through src/engine/index.ts, packages only where allowed.
 * ESLint checks the same table file by file (eslint.config.mjs); this test also sees require(), loops and folders.
 */
import * as path from "path";
import { builtinModules } from "module";
import { cycles, Edge, importGraph } from "./importGraph";

type Layers = { [layer: string]: { may: string[]; packages: string[] } };

const SRC = path.join(__dirname, "../../src");
const LAYERS: Layers = require("../../layers.json");
delete (LAYERS as { [k: string]: unknown })["//"];

const layerOf = (file: string): string => file.split("/")[0];

function packageName(spec: string): string {
  const s = spec.replace(/^node:/, "");
  const parts = s.split("/");
  return s.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Every edge of the graph that layers.json does not allow, as "from → spec (why)". */
function breaches(edges: Edge[], layers: Layers): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const from = layerOf(e.from);
    const rule = layers[from];
    if (!rule) {
      out.push(e.from + ": folder src/" + from + " is not in layers.json");
      continue;
    }
    if (!e.relative) {
      const pkg = packageName(e.spec);
      const builtin = builtinModules.includes(pkg) || e.spec.startsWith("node:");
      if (!rule.packages.includes("*") && !rule.packages.includes(pkg)) out.push(e.from + " → " + e.spec + " (" + (builtin ? "Node module" : "package") + " not allowed in src/" + from + ")");
      continue;
    }
    const to = layerOf(e.to);
    if (to === from) continue;
    if (rule.may.indexOf(to) < 0) out.push(e.from + " → " + e.to + " (src/" + from + " may not import src/" + to + ")");
    else if (to === "engine" && e.to !== "engine/index.ts") out.push(e.from + " → " + e.to + " (the engine only through engine/index.ts)");
  }
  return out;
}

const graph = importGraph(SRC);

test("the graph is read: every layer's files and their imports are found", () => {
  const layers = new Set(graph.files.map(layerOf));
  for (const l of ["engine", "present", "io", "cli", "excel", "taskpane", "preview"]) expect(layers.has(l)).toBe(true);
  expect(graph.edges.some((e) => e.from === "engine/audit.ts" && e.to === "engine/recognize/index.ts")).toBe(true);
  expect(graph.edges.some((e) => e.from === "io/readWorkbookFile.ts" && e.spec === "fs")).toBe(true);
});

test("src has no import loop", () => {
  expect(cycles(graph.edges).map((c) => c.join(" → "))).toEqual([]);
});

test("every import keeps to the layers of layers.json", () => {
  expect(breaches(graph.edges, LAYERS)).toEqual([]);
});

test("the layers themselves form no loop, so no two folders can import each other", () => {
  const edges: Edge[] = [];
  for (const l of Object.keys(LAYERS)) for (const m of LAYERS[l].may) edges.push({ from: l, to: m, spec: m, relative: true });
  expect(cycles(edges)).toEqual([]);
});

test("the checks can fail: a loop, a layer breach, a bypassed engine entry and a Node module in the engine are caught", () => {
  const e = (from: string, to: string, spec = to): Edge => ({ from, to, spec, relative: !/^[a-z@]/.test(spec) || spec.startsWith(".") });
  expect(cycles([e("engine/a.ts", "engine/b.ts", "./b"), e("engine/b.ts", "engine/a.ts", "./a")])).toEqual([["engine/a.ts", "engine/b.ts", "engine/a.ts"]]);
  const bad = [
    e("excel/flags.ts", "taskpane/pane.ts", "../taskpane/pane"),
    e("taskpane/pane.ts", "engine/types.ts", "../engine/types"),
    e("engine/audit.ts", "fs", "fs"),
    e("engine/audit.ts", "decimal.js", "decimal.js"),
    e("cli/main.ts", "engine/index.ts", "../engine"),
  ];
  expect(breaches(bad, LAYERS)).toEqual([
    "excel/flags.ts → taskpane/pane.ts (src/excel may not import src/taskpane)",
    "taskpane/pane.ts → engine/types.ts (the engine only through engine/index.ts)",
    "engine/audit.ts → fs (Node module not allowed in src/engine)",
  ]);
});
