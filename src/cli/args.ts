/** Command-line arguments of `audit`. Pure: argv in, options or one Chinese error out. */
import { Budgets, DEFAULT_BUDGETS, parseBudget } from "./budgets";

export type OutputFormat = "text" | "json" | "html";

export interface CliOptions {
  format: OutputFormat;
  narrative?: string;
  output?: string;
  files: string[];
  help: boolean;
  version: boolean;
  /** --rules: print the rule registry as JSON instead of auditing. */
  rules?: boolean;
  /** --time-limit, --max-memory, --max-cells: the per-file budgets given (budgets.ts has the defaults). */
  budgets?: Partial<Budgets>;
  /** --summary 汇总.xlsx: the bureau's batch workbook (summary.ts). */
  summary?: string;
  /** --letter DIR: one 审核意见书 .docx per document (letter.ts). */
  letter?: string;
  /** --date YYYY-MM-DD: the date printed on the summary and the letters (default today). */
  date?: string;
  /** --previous FILE: last year's document of the one workbook audited (issue 12). */
  previous?: string;
  /** --previous-dir DIR: last year's documents, paired with each workbook by unit and year (issue 12). */
  previousDir?: string;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; error: string };

export const USAGE = [
  "用法：juesuan-audit [--format text|json] [--narrative 文件] [--output 文件] 工作簿文件...",
  "      juesuan-audit [--format text|json] --narrative 文件      （不给工作簿：只做情况说明的文内勾稽）",
  "",
  "审核部门决算公开表（公开01–公开09）的勾稽关系与尾差。",
  "",
  "  --format text|json|html  输出格式：text 为中文文字报告（默认），json 为机读报告（contracts/audit-report.schema.json），",
  "                       html 为单个网页文件（总览可排序筛选、逐份展开，离线打开）",
  "  --narrative 文件      情况说明文本（.txt 或 .docx），与表内数据核对；对本次审核的每个工作簿都适用；",
  "                       不给工作簿时只审核这份文本（各项之和、占比、增减率、零基数比率等文内勾稽）",
  "  --output 文件         把报告写入该文件，而不是输出到屏幕",
  "  --time-limit 秒       每个文件的审核时间上限（默认 " + DEFAULT_BUDGETS.timeMs / 1000 + " 秒），超过的文件单独报错，其余照常审核",
  "  --max-memory MB       每个文件的内存上限（默认 " + DEFAULT_BUDGETS.memoryMb + " MB），超过的文件单独报错",
  "  --max-cells 个数      每个工作簿的单元格上限（默认 " + DEFAULT_BUDGETS.cells + "），超过的文件单独报错",
  "  --summary 文件.xlsx   另写一个汇总工作簿：首表每份文件一行（单位、年度、状态、各类结果数），每份文件一张明细表",
  "  --letter 目录         另为每份文件写一份审核意见书（.docx）到该目录",
  "  --date 年-月-日       汇总与意见书上的日期（默认今天）",
  "  --previous 文件       上年的决算文件（.xlsx/.xls），核对本年情况说明中的上年数并比较与上年相同的文字；只审核一个工作簿时使用",
  "  --previous-dir 目录   上年决算文件所在的目录：按标题中的单位名称和相邻年度为每个工作簿配对上年文件，未配对的文件逐一说明",
  "  -h, --help           显示本说明",
  "  --version            显示版本号",
  "  --rules              以 JSON 列出全部审核规则（编号、类别、名称、种类、涉及的表）",
  "",
  "可一次审核多个文件（.xlsx 或 .xls）。退出码：0 无不符项；1 有不符项；2 有文件无法读取或参数有误。",
].join("\n");

function takeValue(argv: string[], i: number, name: string): { value: string; next: number } | { error: string } {
  const arg = argv[i];
  const eq = arg.indexOf("=");
  if (eq > 0) {
    const v = arg.slice(eq + 1);
    return v ? { value: v, next: i + 1 } : { error: "参数 " + name + " 缺少取值。" };
  }
  if (i + 1 >= argv.length || argv[i + 1] === "") return { error: "参数 " + name + " 缺少取值。" };
  return { value: argv[i + 1], next: i + 2 };
}

/** A real calendar date written YYYY-MM-DD. */
function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function parseArgs(argv: string[]): ParsedArgs {
  const o: CliOptions = { format: "text", files: [], help: false, version: false };
  let i = 0;
  let onlyFiles = false;
  while (i < argv.length) {
    const arg = argv[i];
    if (onlyFiles || arg === "-" || arg.charAt(0) !== "-") {
      o.files.push(arg);
      i++;
      continue;
    }
    if (arg === "--") {
      onlyFiles = true;
      i++;
      continue;
    }
    const name = arg.indexOf("=") > 0 ? arg.slice(0, arg.indexOf("=")) : arg;
    if (name === "-h" || name === "--help") {
      o.help = true;
      i++;
    } else if (name === "--version" || name === "-v") {
      o.version = true;
      i++;
    } else if (name === "--rules") {
      o.rules = true;
      i++;
    } else if (name === "--format" || name === "-f") {
      const v = takeValue(argv, i, "--format");
      if ("error" in v) return { ok: false, error: v.error };
      if (v.value !== "text" && v.value !== "json" && v.value !== "html") return { ok: false, error: "参数 --format 只能是 text、json 或 html，收到“" + v.value + "”。" };
      o.format = v.value;
      i = v.next;
    } else if (name === "--narrative" || name === "-n") {
      const v = takeValue(argv, i, "--narrative");
      if ("error" in v) return { ok: false, error: v.error };
      if (o.narrative !== undefined) return { ok: false, error: "参数 --narrative 只能给一次。" };
      o.narrative = v.value;
      i = v.next;
    } else if (name === "--output" || name === "-o") {
      const v = takeValue(argv, i, "--output");
      if ("error" in v) return { ok: false, error: v.error };
      if (o.output !== undefined) return { ok: false, error: "参数 --output 只能给一次。" };
      o.output = v.value;
      i = v.next;
    } else if (name === "--time-limit" || name === "--max-memory" || name === "--max-cells") {
      const v = takeValue(argv, i, name);
      if ("error" in v) return { ok: false, error: v.error };
      const b = o.budgets || (o.budgets = {});
      const parsed =
        name === "--time-limit" ? parseBudget(name, v.value, 1000, 1) : name === "--max-memory" ? parseBudget(name, v.value, 1, 16) : parseBudget(name, v.value, 1, 1);
      if ("error" in parsed) return { ok: false, error: parsed.error };
      if (name === "--time-limit") b.timeMs = parsed.value;
      else if (name === "--max-memory") b.memoryMb = parsed.value;
      else b.cells = parsed.value;
      i = v.next;
    } else if (name === "--summary" || name === "--letter" || name === "--date") {
      // bureau outputs (issue 12 items 3, 4): --summary 汇总.xlsx, --letter DIR, --date YYYY-MM-DD
      const v = takeValue(argv, i, name);
      if ("error" in v) return { ok: false, error: v.error };
      const key = name === "--summary" ? "summary" : name === "--letter" ? "letter" : "date";
      if (o[key] !== undefined) return { ok: false, error: "参数 " + name + " 只能给一次。" };
      if (key === "date" && !validDate(v.value)) return { ok: false, error: "参数 --date 应为 年-月-日（如 2026-11-30），收到“" + v.value + "”。" };
      o[key] = v.value;
      i = v.next;
    } else if (name === "--previous" || name === "--previous-dir") {
      // issue 12: last year's document(s); one of the two, once
      const v = takeValue(argv, i, name);
      if ("error" in v) return { ok: false, error: v.error };
      if (o.previous !== undefined || o.previousDir !== undefined) return { ok: false, error: "参数 --previous 与 --previous-dir 只能给一个，且只能给一次。" };
      if (name === "--previous") o.previous = v.value;
      else o.previousDir = v.value;
      i = v.next;
    } else {
      return { ok: false, error: "不认识的参数“" + arg + "”。" };
    }
  }
  // --narrative alone checks the text on its own (its checks inside the text; comparisons with tables are 未审核)
  if (!o.help && !o.version && !o.rules && o.files.length === 0 && o.narrative === undefined) return { ok: false, error: "没有指定要审核的工作簿文件。" };
  if (o.previous !== undefined && o.files.length > 1) return { ok: false, error: "参数 --previous 只对应一个工作簿；审核多个工作簿时请用 --previous-dir 目录。" };
  if ((o.previous !== undefined || o.previousDir !== undefined) && o.files.length === 0 && !o.help && !o.version && !o.rules) return { ok: false, error: "与上年文件对比需要本年的工作簿文件。" };
  return { ok: true, options: o };
}
