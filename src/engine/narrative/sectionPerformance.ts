/**
 * 十三 绩效 (N13), run from its statement table (statements/performance.ts).
 */
import { Section } from "./sections";
import { Ctx } from "./scan";
import { S13 } from "./statements/performance";
import { runTable } from "./statements/interpret";

export function checkS13(c: Ctx, sec: Section): void {
  runTable(c, sec, S13);
}
