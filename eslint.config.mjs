/**
 * ESLint (flat config): the layers of src/ and no unused code (issue 9 §6). Deliberately small: type checking is
 * tsc's job (tsconfig.json, tsconfig.engine.json), style is not checked.
 *
 * Layers come from layers.json, the one place that says who may import whom; test/architecture/layers.test.ts
 * checks the same table on the whole import graph (including require() and loops, which ESLint does not see).
 * no-restricted-imports matches the specifier as written, so each rule is made per folder depth: from
 * src/excel/x.ts "../taskpane/…" leaves the layer, from src/engine/rules/x.ts it takes "../../" to leave it.
 */
import { createRequire } from "node:module";
import tseslint from "typescript-eslint";

const require = createRequire(import.meta.url);
const LAYERS = Object.fromEntries(Object.entries(require("./layers.json")).filter(([k]) => k !== "//"));
const MAX_DEPTH = 4;

const up = (n) => "^(\\.\\./){" + n + "}";
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The no-restricted-imports patterns for a file of `layer` that sits `depth` folders below src/<layer>/. */
function patterns(layer, depth) {
  const { may, packages } = LAYERS[layer];
  const out = [];
  const n = depth + 1; // "../" needed to reach src/
  const others = Object.keys(LAYERS).filter((l) => l !== layer && !may.includes(l));
  if (others.length)
    out.push({ regex: up(n) + "(" + others.join("|") + ")(/|$)", message: "src/" + layer + " may import only " + (may.join(", ") || "itself") + " (layers.json)." });
  if (layer !== "engine" && may.includes("engine"))
    out.push({ regex: up(n) + "engine/", message: "Import the engine through its entry: \"…/engine\" (src/engine/index.ts)." });
  // Deeper than src/ (../../../x from src/a/b.ts) is outside the sources.
  out.push({ regex: up(n + 1), message: "Imports outside src/ are not allowed." });
  if (!packages.includes("*")) {
    const allowed = packages.map((p) => escape(p) + "(/|$)").join("|");
    out.push({ regex: "^(?!\\.|" + (allowed || "$^") + ")", message: "src/" + layer + " may import the packages: " + (packages.join(", ") || "none") + " (layers.json)." });
  }
  return out;
}

const layerConfigs = [];
for (const layer of Object.keys(LAYERS))
  for (let depth = 0; depth <= MAX_DEPTH; depth++)
    layerConfigs.push({
      files: ["src/" + layer + "/" + "*/".repeat(depth) + "*.ts"],
      rules: { "no-restricted-imports": ["error", { patterns: patterns(layer, depth) }] },
    });

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "dist-wps/**", "lib/**", "coverage/**", "test-results/**", "**/*.js", "**/*.mjs"] },
  {
    files: ["src/**/*.ts", "test/**/*.ts", "scripts/**/*.ts"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "@typescript-eslint": tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: "off" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { args: "after-used", argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "no-unreachable": "error",
      "no-unused-labels": "error",
    },
  },
  ...layerConfigs,
);
