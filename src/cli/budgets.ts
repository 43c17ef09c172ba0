/**
 * Per-file budgets of the audit command (issue 13): every file is audited on a worker thread of its own budget, so a
 * file that is too slow, too big or hostile fails alone, with a Chinese reason, and never takes the batch down.
 *
 * Defaults (decisions; the issue names the budgets but not their size), each overridable on the command line:
 *  - time    `--time-limit 秒`   20 s of wall-clock time from the moment a worker takes the file. A real 部门决算 takes
 *            0.05–0.3 s; the 6.5 MB generated 60,000-row workbook of the bench about 2 s, but over 10 s on this 2-core
 *            machine while other jobs loaded it 8-fold; 20 s leaves room for that and still lets a batch of hostile
 *            files finish within 30 s.
 *  - memory  `--max-memory MB`  512 MB: the V8 heap limit of the worker (resourceLimits.maxOldGenerationSizeMb), and
 *            the share of each running file in the process-wide ceiling (RSS when the batch starts + running files ×
 *            (budget + WORKER_OVERHEAD_MB)) that also bounds memory outside the heap (buffers). The bench's
 *            60,000-row workbook peaks at about 390 MB RSS.
 *  - cells   `--max-cells 个数`  5,000,000 cells over all sheets (src/io's DEFAULT_MAX_CELLS): refused before the
 *            sheets are parsed when the sheet XML already has more, or when the sheets' areas exceed it.
 * Peak memory of a run is then at most about 50 MB + workers × (memory budget + WORKER_OVERHEAD_MB) (2 workers: 1.3 GB).
 */
export interface Budgets {
  /** Wall-clock milliseconds per file. */
  timeMs: number;
  /** Megabytes per file: the worker's heap limit and its share of the process-wide ceiling. */
  memoryMb: number;
  /** Cells over all sheets of one workbook. */
  cells: number;
}

/** cells: the reader's own DEFAULT_MAX_CELLS (not imported, so parsing arguments loads no reader; a test holds them equal). */
export const DEFAULT_BUDGETS: Budgets = { timeMs: 20000, memoryMb: 512, cells: 5000000 };

/**
 * The young generation of a worker (resourceLimits.maxYoungGenerationSizeMb). Larger than V8's default (16 MB
 * semi-spaces) because an audit allocates many short-lived objects: on 100 copies of the sample 96 MB took about
 * 20 % less CPU than the default (fewer scavenges), for about 30 MB more RSS per worker.
 */
export const YOUNG_GENERATION_MB = 96;

/** A worker's own memory outside its file's old generation: its young generation, code and stack. */
export const WORKER_OVERHEAD_MB = YOUNG_GENERATION_MB + 32;

/** Which budget a file exceeded, or that its worker ended otherwise. */
export type BudgetKind = "time" | "memory" | "crash";

function seconds(ms: number): string {
  const s = ms / 1000;
  return s === Math.floor(s) ? String(s) : s.toFixed(1);
}

/** One Chinese sentence: what happened, that the other files are not affected, what to do. */
export function budgetMessage(kind: BudgetKind, budgets: Budgets, detail?: string): string {
  const rest = "已停止审核此文件，其余文件照常审核。";
  if (kind === "time") {
    return "审核超时：该文件在 " + seconds(budgets.timeMs) + " 秒内未能审核完（每个文件的时间预算），" + rest + "文件可能异常庞大或被恶意构造；确需审核可用 --time-limit 放宽。";
  }
  if (kind === "memory") {
    return "审核该文件所需内存超过预算（" + budgets.memoryMb + " MB），" + rest + "文件可能异常庞大或被恶意构造；确需审核可用 --max-memory 放宽。";
  }
  return "审核该文件时处理线程意外终止" + (detail ? "（" + detail + "）" : "") + "，" + rest + "请将此文件反馈给开发者。";
}

/** A budget from the command line: a positive number, or one Chinese error. */
export function parseBudget(name: string, value: string, scale: number, min: number): { value: number } | { error: string } {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !isFinite(n) || n * scale < min) {
    return { error: "参数 " + name + " 须为正数，收到“" + value + "”。" };
  }
  return { value: Math.round(n * scale) };
}
