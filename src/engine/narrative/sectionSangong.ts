/** 九 三公经费 (N9), run from its statement table (statements/sangong.ts). */
import { Section } from "./sections";
import { Ctx } from "./scan";
import { S9 } from "./statements/sangong";
import { runTable } from "./statements/interpret";

export function checkS9(c: Ctx, sec: Section): void {
  runTable(c, sec, S9);
}
