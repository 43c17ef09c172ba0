/** One real child process: what a user or another tool sees (stdout only the JSON, logs on stderr, exit code). */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Fixtures, REPO, makeFixtures, removeFixtures } from "../io/fixtures";
import { validate } from "./schemaValidator";

const TSX = path.join(REPO, "node_modules", ".bin", "tsx");
const schema = JSON.parse(fs.readFileSync(path.join(REPO, "contracts", "audit-report.schema.json"), "utf8"));

let f: Fixtures;
beforeAll(() => {
  f = makeFixtures();
});
afterAll(() => removeFixtures(f));

test("tsx src/cli/main.ts --format json: stdout is exactly one JSON document; exit 2 for an unreadable file", () => {
  const p = spawnSync(TSX, ["src/cli/main.ts", "--format", "json", f.spaced, f.encrypted], { cwd: REPO, encoding: "utf8" });
  expect(p.status).toBe(2);
  const doc = JSON.parse(p.stdout);
  expect(p.stdout).toBe(JSON.stringify(doc, null, 2) + "\n");
  expect(validate(schema, doc)).toEqual([]);
  expect(doc.reports.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);
  expect(p.stderr).toContain("文件已加密（设置了打开密码）");
});

test("wrong arguments: exit 2, usage on stderr, empty stdout", () => {
  const p = spawnSync(TSX, ["src/cli/main.ts", "--format", "yaml", f.sample], { cwd: REPO, encoding: "utf8" });
  expect(p.status).toBe(2);
  expect(p.stdout).toBe("");
  expect(p.stderr).toContain("用法：");
});
