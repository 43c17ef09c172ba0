/** The ratio judgement moved to the one rounding core (src/engine/rounding/); kept as an entry for old imports. */
export { judgeRatio, pct4 } from "../rounding";
export type { RatioResult, RatioState } from "../rounding";
export type { Rounded as Op } from "../rounding";
