/**
 * N1–N13 (RULES.md §3.3): every amount, share, completion rate and growth rate of the 情况说明 recomputed
 * from the tables. Each function takes one section; numbers are bound within their sentence.
 */
export { checkS1S4, checkS2, checkS3 } from "./sectionIncome";
export { checkS5 } from "./sectionGeneral";
export { checkS6, checkS7S8 } from "./sectionBasic";
export { checkS9 } from "./sectionSangong";
export { checkS10, checkS11, checkS12 } from "./sectionOthers";
export { checkS13 } from "./sectionPerformance";
export { changeConsistency } from "./sectionConsistency";
export type { Shared } from "./scan";
