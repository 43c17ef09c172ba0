/**
 * 十 机关运行经费, 十一 政府采购, 十二 国有资产 (N10–N12), run from their statement tables (statements/others.ts).
 */
import { Section } from "./sections";
import { Ctx } from "./scan";
import { S10, S11, S12 } from "./statements/others";
import { runTable } from "./statements/interpret";

export function checkS10(c: Ctx, sec: Section): void {
  runTable(c, sec, S10);
}

export function checkS11(c: Ctx, sec: Section): void {
  runTable(c, sec, S11);
}

export function checkS12(c: Ctx, sec: Section): void {
  runTable(c, sec, S12);
}
