/**
 * V8's tiering for the audit command's worker threads (issue 9, speed).
 *
 * Measured on 100 copies of the sample (2 cores): with V8's defaults, TurboFan compiled the engine's large functions
 * (rule evaluation, table readers, the narrative checks) on V8's background threads for about as much CPU as the
 * audits themselves took on the worker thread (≈ 2.3 s against 2.5 s), and every worker isolate compiles them again.
 * That is why two workers were hardly faster than one on two cores: the second core was already busy compiling.
 * A larger interrupt budget (the bytecode a function runs before V8 considers optimising it) leaves lukewarm
 * functions to the baseline tiers and optimises only the really hot ones: about 25 % less CPU for the whole run at
 * the same result (flags change how fast code runs, never what it computes).
 *
 * Decision: 500 KB of bytecode (the default of Node 20's V8 is 66 KB); 0.5, 1 and 2 MB measured alike, 0.5 MB is the smallest
 * step that gave the whole gain. Process-wide and set before the first worker starts, so every worker isolate
 * starts with it; the main thread only schedules.
 *
 * Second round (same day): `--always-sparkplug` compiles each function to Sparkplug's baseline code at its first call
 * instead of after some runs in the interpreter. Sparkplug translates bytecode one to one (no optimisation, no
 * speculation), the tier V8 runs by default anyway; here it only comes sooner, which is what a worker that audits a
 * few dozen files needs. On 100 copies, six alternating idle runs each: median wall 2.63 → 2.48 s, CPU 4.99 → 4.64 s.
 * The worker bundle's code cache is made under the same flags (scripts/cli.js calls this first), so V8 accepts it.
 *
 * Fourth round (same day): the young generation of each worker starts at two 16 MB semi-spaces instead of growing
 * from 1 MB. An audit keeps its workbook's snapshot and tables alive while it allocates ~4 MB of short-lived
 * objects; every scavenge copies that live set, and a small young generation scavenges once or twice per file. With
 * 16 MB it does so about every four files. Measured: 20 files through the command under valgrind 5.41 → 5.20 G
 * instructions (−3.5 %; 32 MB −4.1 %), 16 alternating idle pairs on 100 copies median wall −4.4 %, peak RSS of the
 * process +17 MB (221 → 238 MB). 16 rather than 32: half the extra memory for most of the gain. resourceLimits'
 * maxYoungGenerationSizeMb (budgets.ts) still caps it.
 */
import * as v8 from "v8";

export const INTERRUPT_BUDGET = 500 * 1024;

/** The fourth-round note above: the young generation of a worker starts at 2 × 16 MB instead of growing from 1 MB. */
export const MIN_SEMI_SPACE_MB = 16;

let tuned = false;

/** Sets the flags once per process (they are process-wide); later calls do nothing. */
export function tuneJitForBatch(): void {
  if (tuned) return;
  tuned = true;
  v8.setFlagsFromString("--interrupt-budget=" + INTERRUPT_BUDGET);
  v8.setFlagsFromString("--always-sparkplug");
  v8.setFlagsFromString("--min-semi-space-size=" + MIN_SEMI_SPACE_MB);
}
