/**
 * 一 to 四: totals, income and expenditure of the 情况说明 (N1–N4), run from their statement tables
 * (statements/income.ts).
 */
import { Section } from "./sections";
import { Ctx } from "./scan";
import { S1, S2, S3, S4 } from "./statements/income";
import { runTable } from "./statements/interpret";

export function checkS1S4(c: Ctx, sec: Section): void {
  runTable(c, sec, sec.kind === "S4" ? S4 : S1);
}

export function checkS2(c: Ctx, sec: Section): void {
  runTable(c, sec, S2);
}

export function checkS3(c: Ctx, sec: Section): void {
  runTable(c, sec, S3);
}
