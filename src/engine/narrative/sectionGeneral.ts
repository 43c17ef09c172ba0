/**
 * 五 一般公共预算财政拨款支出 (N5), run from its statement table (statements/general.ts).
 */
import { Section } from "./sections";
import { Ctx } from "./scan";
import { S5 } from "./statements/general";
import { runTable } from "./statements/interpret";

export function checkS5(c: Ctx, sec: Section): void {
  runTable(c, sec, S5);
}
