/**
 * 六 基本支出 (N6, its statement table statements/basic.ts), 七、八 政府性基金 / 国有资本经营 (N7/N8,
 * statements/funds.ts).
 */
import { Section } from "./sections";
import { fundTable } from "./statements/funds";
import { Ctx } from "./scan";
import { S6 } from "./statements/basic";
import { runTable } from "./statements/interpret";

export function checkS6(c: Ctx, sec: Section): void {
  runTable(c, sec, S6);
}

export function checkS7S8(c: Ctx, sec: Section): void {
  const fund = sec.kind === "S7";
  runTable(c, sec, fundTable(fund, c.ck.tables[fund ? "公开07" : "公开08"]));
}
