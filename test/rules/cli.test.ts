/** `audit --rules` prints the registry: every id once, with severity, title, kind and tables; exit code 0. */
import { RULE_REGISTRY } from "../../src/engine";
import { run } from "../cli/helpers";

test("--rules prints every registered id once as JSON, and audits nothing", async () => {
  const r = await run(["--rules"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe("");
  const doc = JSON.parse(r.stdout) as { rules: { id: string; severity: string; title: string; kind: string; tables: string[] }[]; notImplemented: { id: string; reason: string }[] };
  expect(doc.rules.map((x) => x.id)).toEqual(RULE_REGISTRY.map((m) => m.id));
  expect(new Set(doc.rules.map((x) => x.id)).size).toBe(doc.rules.length);
  expect(doc.rules.find((x) => x.id === "T04.6")).toEqual({ id: "T04.6", severity: "error", title: "支出总计 = 本年支出合计 + 年末结转和结余（每栏）", kind: "sum", tables: ["公开04"], section: "RULES.md §1 公开04" });
  expect(doc.rules.find((x) => x.id === "T07.2")!.severity).toBe("warning");
  expect(doc.notImplemented.map((x) => x.id)).toContain("X.21");
});

test("--rules is listed in the usage", async () => {
  const r = await run(["--help"]);
  expect(r.stdout).toContain("--rules");
});
