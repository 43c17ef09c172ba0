/**
 * Refreshes test/rules/rules-md-ids.json: the rule ids RULES.md defines (the first cell of its rule tables), so the
 * registry test does not need ../shared at test time. Ranges are expanded: "T03.2–T03.5", "T05.2–5", "N7/N8".
 *   npx tsx scripts/rulesMdIds.ts [path/to/RULES.md]      (default ../shared/domain/RULES.md)
 */
import * as fs from "fs";
import * as path from "path";

const ID = /^(T\d\d\.\d+|X\.\d+|P\.\d+|N\d+[a-z]?|N-[A-Z]+(?:-[A-Z]+)*)$/;

export function rulesMdIds(text: string): string[] {
  const ids: string[] = [];
  for (const line of text.split("\n")) {
    const m = /^\|\s*([^|]+?)\s*\|/.exec(line);
    if (!m) continue;
    for (const part of m[1].split("/")) {
      const range = /^(T\d\d\.)(\d+)[–-](?:T\d\d\.)?(\d+)$/.exec(part);
      if (range) for (let i = Number(range[2]); i <= Number(range[3]); i++) ids.push(range[1] + i);
      else if (ID.test(part)) ids.push(part);
    }
  }
  return ids.filter((id, i) => ids.indexOf(id) === i);
}

if (require.main === module) {
  const src = process.argv[2] || path.join(__dirname, "..", "..", "shared", "domain", "RULES.md");
  const out = path.join(__dirname, "..", "test", "rules", "rules-md-ids.json");
  const ids = rulesMdIds(fs.readFileSync(src, "utf8"));
  fs.writeFileSync(out, JSON.stringify({ source: "../shared/domain/RULES.md", refresh: "npx tsx scripts/rulesMdIds.ts", ids }, null, 1) + "\n");
  console.log(ids.length + " ids → " + path.relative(process.cwd(), out));
}
