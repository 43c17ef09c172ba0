/**
 * A small JSON Schema (draft-07) checker covering exactly the keywords contracts/audit-report.schema.json uses:
 * type (one or several), const, enum, pattern, required, properties, items, $ref to #/definitions/…
 * Unknown keywords make it throw, so a schema change cannot pass silently unchecked.
 */
type Schema = { [k: string]: unknown };

const KNOWN = ["$schema", "$id", "title", "description", "type", "const", "enum", "pattern", "required", "properties", "items", "$ref", "definitions"];

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function matchesType(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === "number" && actual === "integer");
}

export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const walk = (schema: Schema, v: unknown, at: string): void => {
    for (const k of Object.keys(schema)) if (KNOWN.indexOf(k) < 0) throw new Error("unsupported schema keyword " + k + " at " + at);
    if (typeof schema.$ref === "string") {
      const m = /^#\/definitions\/(.+)$/.exec(schema.$ref);
      if (!m) throw new Error("unsupported $ref " + schema.$ref);
      const target = (root.definitions as { [k: string]: Schema })[m[1]];
      if (!target) throw new Error("missing definition " + m[1]);
      walk(target, v, at);
    }
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => matchesType(v, t))) {
        errors.push(at + ": expected " + types.join("|") + ", got " + typeOf(v));
        return;
      }
    }
    if ("const" in schema && v !== schema.const) errors.push(at + ": expected const " + JSON.stringify(schema.const));
    if (Array.isArray(schema.enum) && (schema.enum as unknown[]).indexOf(v) < 0) errors.push(at + ": " + JSON.stringify(v) + " not in enum");
    if (typeof schema.pattern === "string" && typeof v === "string" && !new RegExp(schema.pattern).test(v)) {
      errors.push(at + ": " + JSON.stringify(v) + " does not match " + schema.pattern);
    }
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const o = v as { [k: string]: unknown };
      for (const r of (schema.required as string[]) || []) if (!(r in o)) errors.push(at + ": missing required " + r);
      const props = (schema.properties as { [k: string]: Schema }) || {};
      for (const k of Object.keys(props)) if (k in o) walk(props[k], o[k], at + "." + k);
    }
    if (Array.isArray(v) && schema.items) (v as unknown[]).forEach((x, i) => walk(schema.items as Schema, x, at + "[" + i + "]"));
  };
  walk(root, value, "$");
  return errors;
}
