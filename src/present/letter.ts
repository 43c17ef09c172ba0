/**
 * The 审核意见书 (issue 12 item 4) as host-neutral blocks of text: a finance bureau's review letter to one unit —
 * the unit, the year, the date; a summary; the 不符 (须整改) and 疑点 (请核实) each with its location, both figures,
 * the rule in plain words (the registry's title) and the suggested correction where the engine knows it; the 尾差
 * in brief as rounding; the checks that could not be made. src/cli/letter.ts lays the blocks out as .docx.
 *
 * Decisions (the issue is silent):
 *  - The correction is never invented here: it is the engine's own suggestion in the message (「建议改为“…”」,
 *    「应改为」, the root-cause search's 「按勾稽关系推算应为」, 「执行率应为」), else, for a figure with a computed
 *    counterpart, that figure (应为数 for the text, 计算数 for a table, with the advice to check the parts), else a
 *    request to verify. A consequence of another finding says it goes away with that one's correction.
 *  - 提示 (info) are left out of the letter: they ask for nothing.
 *  - No deadline and no bureau name are invented: the letter says 「在规定时间内」 and leaves the seal line blank.
 */
import { Finding, NotChecked, ruleMeta, Summary } from "../engine";
import { figureWords } from "./labels";
import { groupUnchecked, uncheckedText } from "./unchecked";

export type LetterBlock =
  | { kind: "title" | "heading" | "para" | "bullet" | "sign" | "note"; text: string }
  | { kind: "item"; text: string; lines: [string, string][] };

export interface LetterInput {
  /** Department from the tables' heads; "" when none. */
  department: string;
  /** YYYY, or "". */
  year: string;
  /** The file's name (without folders). */
  fileName: string;
  /** YYYY-MM-DD. */
  date: string;
  ok: boolean;
  error?: string;
  tablesFound: number;
  missing: string[];
  summary: Summary;
  findings: Finding[];
  notChecked: NotChecked[];
  tool: string;
  /** Last year's document compared with, or why none was (src/cli/summaryRows.ts previousText); "" when not asked. */
  previous?: string;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 2026-11-30 → 2026年11月30日. */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? m[1] + "年" + Number(m[2]) + "月" + Number(m[3]) + "日" : date;
}

/** "2481.94" → "2,481.94"; anything else as it is. */
export function amount(s: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(s);
  if (!m) return s;
  return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (m[3] || "");
}

/**
 * Where the finding is: 「工作表“公开05表” C10 单元格」; for a document read from a PDF (issue 11) the reader's own
 * words for the place on paper (「第 12 页 · 支出决算表 · 行 201 · 列 基本支出」), else the page.
 */
export function location(f: Finding): string {
  if (f.location) return f.location;
  const at = f.sheet ? "工作表“" + f.sheet + "”" + (f.cell ? " " + f.cell.replace(/\$/g, "") + " 单元格" : "") : "整个文件";
  return typeof f.page === "number" && f.page > 0 ? "第 " + f.page + " 页（" + at + "）" : at;
}

/** Whether the finding's figure is a percentage (the quoted text writes it with %). */
function percent(f: Finding): boolean {
  if (!f.actual || !NUMBER.test(f.actual)) return false;
  // "100" is written 「100.00%」 in the text: the figure, then optional zero decimals, then %.
  const shown = new RegExp("(^|[^\\d.])" + f.actual.replace(".", "\\.") + (f.actual.indexOf(".") < 0 ? "(\\.0+)?" : "0*") + "\\s*%");
  return shown.test(f.excerpt || "") || shown.test(f.message);
}

/** Last year's figure a finding compared with (issue 12 item 1): its document, place and value. */
export function previousLine(f: Finding): string {
  const p = f.previous;
  if (!p) return "";
  const at = "“" + p.file + "”工作表“" + p.sheet + "”" + (p.cell ? " " + p.cell + " 单元格" : "");
  return at + (p.value !== null && p.value !== undefined ? "：" + amount(p.value) : "");
}

export function figuresLine(f: Finding): string {
  const w = figureWords(f);
  const pc = percent(f) ? "%" : "";
  const parts: string[] = [];
  if (f.actual !== null && f.actual !== undefined) parts.push(w.actual + " " + amount(f.actual) + pc);
  if (f.expected !== null && f.expected !== undefined) parts.push(w.expected + " " + amount(f.expected) + pc);
  if (f.difference !== null && f.difference !== undefined) parts.push("差额 " + amount(f.difference) + pc);
  if (f.tolerance !== null && f.tolerance !== undefined) parts.push("允许误差 ±" + amount(f.tolerance) + pc);
  return parts.join("；");
}

const SUGGESTION = /建议改为|应改为|推算应为|执行率应为|应为“/;

/** The engine's own suggestion inside the message: the clause holding it, up to the next 「；」 outside quotes. */
function suggestionInMessage(message: string): string | null {
  const at = suggestionSpan(message);
  return at ? message.slice(at.start, at.end).replace(/^【根源】/, "").trim() : null;
}

/** The message without the suggestion (the letter gives that on its own line). */
export function problemText(message: string): string {
  const at = suggestionSpan(message);
  if (!at || at.start === 0) return message;
  return (message.slice(0, at.start - 1) + message.slice(at.end)).trim();
}

function suggestionSpan(message: string): { start: number; end: number } | null {
  const m = SUGGESTION.exec(message);
  if (!m) return null;
  const start = message.lastIndexOf("；", m.index) + 1;
  let depth = 0;
  let end = message.length;
  for (let i = m.index; i < message.length; i++) {
    const ch = message.charAt(i);
    if (ch === "“") depth++;
    else if (ch === "”") depth = Math.max(0, depth - 1);
    else if (ch === "；" && depth === 0) {
      end = i;
      break;
    }
  }
  return { start: start, end: end };
}

export function suggestedCorrection(f: Finding): string | null {
  const own = suggestionInMessage(f.message);
  const numeric = f.severity === "error" && !!f.expected && !!f.actual && NUMBER.test(f.expected) && NUMBER.test(f.actual);
  const pc = percent(f) ? "%" : "";
  // 「执行率应为」 follows from the corrected figure: name the figure first.
  if (own && numeric && f.table === "绩效" && /执行率应为/.test(own)) return "表中数 " + amount(f.actual as string) + pc + " 应为 " + amount(f.expected as string) + pc + "；" + own;
  if (own) return own;
  if (f.cause) return "系 " + f.cause + " 的连带差异，该项更正后随之消除";
  // Only a 不符 has a figure it should be: a 疑点's counterpart is a hint, not an identity.
  if (!numeric) return null;
  const actual = amount(f.actual as string) + pc;
  const expected = amount(f.expected as string) + pc;
  if (f.table === "情况说明") return "文中数 " + actual + " 应改为 " + expected;
  if (f.table === "绩效") return "表中数 " + actual + " 应为 " + expected;
  return "按勾稽关系应为 " + expected + "（现为 " + actual + "）；如该数无误，请逐项核对参与计算的单元格";
}

function ruleWords(f: Finding): string {
  const meta = ruleMeta(f.rule);
  return (meta ? meta.title : "") + "（规则 " + f.rule + "）";
}

function item(f: Finding, n: number, verify: boolean): LetterBlock {
  const lines: [string, string][] = [["问题", problemText(f.message)]];
  if (f.excerpt) lines.push(["原文", "“" + f.excerpt + "”"]);
  const figs = figuresLine(f);
  if (figs) lines.push(["数字", figs]);
  const prev = previousLine(f);
  if (prev) lines.push(["上年文件", prev]);
  lines.push(["审核依据", ruleWords(f)]);
  const fix = suggestedCorrection(f);
  lines.push([verify ? "处理意见" : "整改建议", fix || (verify ? "请核实；如无误，请在报送时书面说明理由" : "请核实后更正")]);
  return { kind: "item", text: n + ". " + location(f) + (f.table ? "（" + f.table + "）" : ""), lines: lines };
}

function title(input: LetterInput): string {
  const who = input.department || "“" + input.fileName + "”";
  return "关于" + who + (input.year ? input.year + "年度" : "") + "部门决算公开材料的审核意见";
}

export function letterBlocks(input: LetterInput): LetterBlock[] {
  const out: LetterBlock[] = [];
  out.push({ kind: "title", text: "审核意见书" });
  out.push({ kind: "title", text: title(input) });
  out.push({ kind: "para", text: (input.department || "报送单位") + "：" });
  const doc = (input.year ? input.year + "年度" : "") + "部门决算公开材料（文件“" + input.fileName + "”）";
  if (!input.ok) {
    out.push({ kind: "para", text: "你单位报送的" + doc + "已收悉。经审核，该文件无法读取：" + (input.error || "") + "。" });
    out.push({ kind: "para", text: "请核对文件后重新报送（.xlsx 或 .xls 格式的部门决算公开表，含公开01至公开09及情况说明）。" });
    sign(out, input);
    return out;
  }
  const s = input.summary;
  const errors = input.findings.filter((f) => f.severity === "error");
  const warnings = input.findings.filter((f) => f.severity === "warning");
  const tails = input.findings.filter((f) => f.severity === "tail");
  out.push({
    kind: "para",
    text: "你单位报送的" + doc + "已收悉。我局对公开01至公开09九张报表、部门决算情况说明及绩效自评材料的表内、表间勾稽关系和文表一致性进行了审核，现将审核意见函告如下。",
  });
  let sec = 0;
  const heading = (t: string) => out.push({ kind: "heading", text: CN_NUM[sec++] + "、" + t });
  heading("审核总体情况");
  out.push({
    kind: "para",
    text:
      "本次共核对 " + s.checks + " 项，通过 " + s.passed + " 项；发现不符 " + s.errors + " 处、疑点 " + s.warnings + " 处、尾差 " + s.tails + " 处，另有 " + s.notChecked + " 项因材料不全或无法取数未能审核。" +
      (input.tablesFound === 0 && !input.missing.length
        ? "本次只审核了情况说明文字，未报送报表，与报表的核对均未审核。"
        : input.missing.length
          ? "报送材料中未找到 " + input.missing.join("、") + "（九张报表找到 " + input.tablesFound + " 张）。"
          : "九张报表齐全。") +
      (input.previous ? (/^未配对|无法读取/.test(input.previous) ? "未能与上年文件对比（" + input.previous + "）。" : "已与上年文件“" + input.previous + "”对比上年数。") : "") +
      (s.errors || s.warnings
        ? "经审核，上述材料存在须整改或核实的问题，请按本意见逐项整改、核实后重新报送。"
        : "经审核，未发现须整改的问题" + (s.notChecked ? "，但有未能审核的事项，请一并补充" : "") + "。"),
  });
  heading("须整改的问题（不符，共 " + errors.length + " 处）");
  if (!errors.length) out.push({ kind: "para", text: "无。" });
  errors.forEach((f, i) => out.push(item(f, i + 1, false)));
  heading("请核实的事项（疑点，共 " + warnings.length + " 处）");
  if (!warnings.length) out.push({ kind: "para", text: "无。" });
  warnings.forEach((f, i) => out.push(item(f, i + 1, true)));
  heading("尾差（共 " + tails.length + " 处）");
  if (!tails.length) out.push({ kind: "para", text: "无。" });
  else {
    out.push({ kind: "para", text: "以下差额均在四舍五入允许范围内，系金额按显示位数舍入所致（尾差），不属于错误，无需整改；建议在相关表下注明“因四舍五入，合计数与分项之和可能存在尾差”。" });
    tails.forEach((f) => out.push({ kind: "bullet", text: location(f) + "：" + figuresLine(f) + "（" + f.rule + "）" }));
  }
  heading("未能审核的事项（共 " + s.notChecked + " 项）");
  const groups = groupUnchecked(input.notChecked);
  if (!groups.length) out.push({ kind: "para", text: "无。" });
  else {
    out.push({ kind: "para", text: "以下事项因缺表、缺合计行或无法取数未能审核，既未判为通过，也未判为错误；请补齐相关内容后重新报送：" });
    groups.forEach((g) => out.push({ kind: "bullet", text: uncheckedText(g) }));
  }
  heading("整改要求");
  out.push({
    kind: "para",
    text:
      s.errors || s.warnings
        ? "请你单位对上述不符逐项更正，对疑点逐项核实（如无误请书面说明理由），在规定时间内将更正后的公开材料及整改情况说明一并报送我局，经复核无误后再行公开。"
        : "请你单位按程序做好公开工作。",
  });
  sign(out, input);
  return out;
}

function sign(out: LetterBlock[], input: LetterInput): void {
  out.push({ kind: "sign", text: "财政局（盖章）" });
  out.push({ kind: "sign", text: chineseDate(input.date) });
  out.push({ kind: "note", text: "本意见书由" + input.tool + "按报送文件生成；位置按报送文件的工作表和单元格给出，数字为文件中显示的数字。" });
}
