/**
 * Writes the bureau's extra outputs of one audit run (issue 12 items 3, 4): `--summary 汇总.xlsx` and `--letter DIR`.
 * Neither may overwrite an input (outputClash.ts, by file identity and real path) nor the `--output` report; a letter
 * that would land on an input is refused on its own. A write that fails says so in one Chinese sentence and makes the
 * exit code 2 (a file could not be written), as --output does.
 */
import * as fs from "fs";
import * as path from "path";
import { CliOptions } from "./args";
import { clashingInput } from "./outputClash";
import { FileReport, ToolInfo } from "./report";

export interface ExtraIO {
  stderr: (s: string) => void;
}

function inputsOf(opts: CliOptions): string[] {
  return opts.files.concat(opts.narrative !== undefined ? [opts.narrative] : []);
}

/** The date printed on the outputs: --date, else today's local date, YYYY-MM-DD. */
export function outputDate(opts: CliOptions, now: Date = new Date()): string {
  if (opts.date) return opts.date;
  const p = (n: number) => (n < 10 ? "0" : "") + n;
  return now.getFullYear() + "-" + p(now.getMonth() + 1) + "-" + p(now.getDate());
}

/** A sentence when --summary would overwrite an input or the --output report; undefined when it is safe. */
export function extraOutputClash(opts: CliOptions): string | undefined {
  if (opts.summary === undefined) return undefined;
  if (clashingInput(opts.summary, inputsOf(opts)) !== undefined) return "汇总文件“" + opts.summary + "”与输入文件相同，会覆盖输入，请换一个文件名。";
  if (opts.output !== undefined && clashingInput(opts.summary, [opts.output]) !== undefined) return "汇总文件“" + opts.summary + "”与 --output 的报告文件相同，请换一个文件名。";
  return undefined;
}

/** Writes --summary and --letter when asked; false when one of them could not be written. */
export async function writeExtraOutputs(opts: CliOptions, reports: FileReport[], tool: ToolInfo, io: ExtraIO): Promise<boolean> {
  let ok = true;
  const date = outputDate(opts);
  if (opts.summary !== undefined) {
    const bytes = (require("./summary") as typeof import("./summary")).summaryWorkbook(reports, { tool: tool, date: date });
    ok = write(opts.summary, bytes, "汇总文件", io) && ok;
  }
  if (opts.letter !== undefined) {
    const dir = opts.letter;
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
      io.stderr("错误：无法创建意见书目录“" + dir + "”（" + ((e as { code?: string }).code || "未知错误") + "）。\n");
      return false;
    }
    const letters = await (require("./letter") as typeof import("./letter")).letterFiles(reports, { tool: tool, date: date });
    const inputs = inputsOf(opts).concat(opts.output !== undefined ? [opts.output] : [], opts.summary !== undefined ? [opts.summary] : []);
    let written = 0;
    for (const l of letters) {
      const target = path.join(dir, l.name);
      if (clashingInput(target, inputs) !== undefined) {
        io.stderr("错误：意见书“" + target + "”与输入文件相同，未写入。\n");
        ok = false;
        continue;
      }
      if (write(target, l.bytes, "意见书", io, true)) written++;
      else ok = false;
    }
    io.stderr("审核意见书 " + written + " 份已写入 " + dir + "\n");
  }
  return ok;
}

function write(file: string, bytes: Buffer, what: string, io: ExtraIO, quiet = false): boolean {
  try {
    fs.writeFileSync(file, bytes);
    if (!quiet) io.stderr(what + "已写入 " + file + "\n");
    return true;
  } catch (e) {
    io.stderr("错误：无法写入" + what + "“" + file + "”（" + ((e as { code?: string }).code || "未知错误") + "）。\n");
    return false;
  }
}
