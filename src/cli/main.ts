#!/usr/bin/env node
/**
 * `audit` command: reads workbooks, runs the engine, prints a Chinese text report or the JSON report.
 * Exit codes: 0 no 不符; 1 some finding has severity error; 2 a file could not be read or the arguments are wrong.
 *
 * main() takes its streams as arguments so tests can call it in-process; the bottom of the file wires it to the
 * real process. It writes nowhere but stdout/stderr, and to --output when given (never beside the inputs).
 */
import * as fs from "fs";
import * as path from "path";
import { CliOptions, USAGE, parseArgs } from "./args";
import { clashingInput } from "./outputClash";
import { auditFiles, budgetsOf, threadsFor } from "./pool";
import { FileReport, SCHEMA_VERSION, ToolInfo, failedReport } from "./report";
import { escapeControls } from "./terminal";
import { JsonPiece, documentOf, jsonDocument, jsonPiece } from "./jsonReport";

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Progress is shown only on a terminal: a redirected stderr should stay a clean log. */
  stderrIsTTY?: boolean;
  /**
   * Worker threads, each file on one under its budgets (pool.ts); absent or 0 = serial in-process, without time or
   * memory isolation. The real process passes threadsFor(files) (one per core, or JUESUAN_WORKERS); tests in-process
   * keep the default.
   */
  threads?: (files: number) => number;
}

export const PROGRESS_THRESHOLD = 20;

/** Name and version from package.json, found from both src/cli (tsx) and lib/cli (built). */
export function toolInfo(): ToolInfo {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { name?: string; version?: string };
    return { name: pkg.name || "juesuan-audit", version: pkg.version || "0.0.0" };
  } catch (_e) {
    return { name: "juesuan-audit", version: "0.0.0" };
  }
}

/**
 * The engine and the readers are loaded only where this thread needs them (a narrative alone, --rules, the serial
 * path): with workers the main thread only schedules, and starts them without loading the engine first.
 */
function audit(): typeof import("./audit") {
  return require("./audit") as typeof import("./audit");
}

export function auditFile(file: string, narrative: string | undefined, strict = true): FileReport {
  return audit().auditFile(file, narrative, strict);
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr("错误：" + parsed.error + "\n\n" + USAGE + "\n");
    return 2;
  }
  const opts = parsed.options;
  if (opts.help) {
    io.stdout(USAGE + "\n");
    return 0;
  }
  const tool = toolInfo();
  if (opts.version) {
    io.stdout(tool.name + " " + tool.version + "\n");
    return 0;
  }
  if (opts.rules) {
    io.stdout(JSON.stringify((require("./rules") as typeof import("./rules")).rulesDocument(), null, 2) + "\n");
    return 0;
  }
  if (opts.output !== undefined) {
    // `--output book.xlsx book.xlsx` would replace the workbook being audited with its own report.
    // Same file by identity or real path, so links and `..` cannot hide it (outputClash.ts).
    const clash = clashingInput(opts.output, opts.files.concat(opts.narrative !== undefined ? [opts.narrative] : []));
    if (clash !== undefined) {
      io.stderr("错误：报告文件“" + opts.output + "”与输入文件相同，会覆盖输入，请换一个文件名。\n\n" + USAGE + "\n");
      return 2;
    }
  }
  // --summary and --letter (issue 12): never over an input, nor over --output (summaryOutputs.ts checks each letter).
  const extras = opts.summary !== undefined || opts.letter !== undefined;
  const clashOfExtras = extras ? (require("./summaryOutputs") as typeof import("./summaryOutputs")).extraOutputClash(opts) : undefined;
  if (clashOfExtras !== undefined) {
    io.stderr("错误：" + clashOfExtras + "\n\n" + USAGE + "\n");
    return 2;
  }
  let narrative: string | undefined;
  // A narrative whose content cannot be read fails alone, after the workbooks' reports (issue 13 item 4, narrative.ts).
  let narrativeFailed: FileReport | undefined;
  if (opts.narrative !== undefined) {
    // On a worker under the per-file budgets when the command uses workers (narrativeBudget.ts).
    const n = io.threads
      ? await (require("./narrativeBudget") as typeof import("./narrativeBudget")).readNarrativeUnderBudget(opts.narrative, budgetsOf(opts.budgets))
      : await (require("./narrative") as typeof import("./narrative")).readNarrative(opts.narrative);
    if (!n.ok && !n.content) {
      io.stderr("错误：" + n.error + "\n");
      return 2;
    }
    if (!n.ok) {
      narrativeFailed = failedReport(opts.narrative, n.error);
      if (opts.format !== "text") io.stderr("无法读取 " + escapeControls(opts.narrative) + "：" + escapeControls(n.error) + "\n");
      if (opts.files.length === 0) return finish(opts, io, tool, [narrativeFailed]);
    } else narrative = n.text;
  }

  if (opts.files.length === 0 && narrative !== undefined && opts.narrative !== undefined) {
    // no workbook: the narrative checked on its own, reported under its own file name
    return finish(opts, io, tool, [audit().auditTextFile(opts.narrative, narrative, opts.format === "json")]);
  }

  const progress = !!io.stderrIsTTY && opts.files.length > PROGRESS_THRESHOLD;
  const files = opts.files;
  // issue 12: last year's document of each workbook (--previous, or paired from --previous-dir); the unpaired named
  const plan = opts.previous !== undefined || opts.previousDir !== undefined ? await (require("./previous") as typeof import("./previous")).planPrevious(files, opts, budgetsOf(opts.budgets).cells) : null;
  if (plan) for (const m of plan.messages) io.stderr(escapeControls(m) + "\n");
  const onStart = (i: number) => {
    if (progress) io.stderr("\r正在审核 " + (i + 1) + "/" + files.length + "：" + escapeControls(shorten(files[i])) + "\u001b[K");
  };
  const unreadable = (r: { ok: boolean; file: string; error?: string }) => {
    if (!r.ok && opts.format !== "text") io.stderr((progress ? "\r\u001b[K" : "") + "无法读取 " + escapeControls(r.file) + "：" + escapeControls(r.error || "") + "\n");
  };
  const common = { narrative: narrative, strict: opts.format === "json", threads: io.threads ? io.threads(files.length) : 0, budgets: opts.budgets, onStart: onStart };
  if (opts.format === "json" && !plan && !extras) {
    // --format json alone: every report arrives as its piece of the document, written on its worker (jsonReport.ts)
    const got = await auditFiles(files, Object.assign({ pieces: true as const, onReport: (_i: number, r: JsonPiece) => unreadable(r) }, common));
    if (progress) io.stderr("\r\u001b[K");
    if (narrativeFailed) got.push(jsonPiece(narrativeFailed));
    const body = documentOf({ schemaVersion: SCHEMA_VERSION, tool: tool, reports: [] }, got.map((g) => g.piece));
    return deliver(opts, io, body) ? exitCode(got) : 2;
  }
  // Progress and the unreadable-file lines come in command-line order, as in a serial run, whatever thread is done first.
  const reports: FileReport[] = await auditFiles(files, Object.assign({ previous: plan ? plan.previous : undefined, onReport: (_i: number, r: FileReport) => unreadable(r) }, common));
  if (progress) io.stderr("\r\u001b[K");
  if (plan) reports.forEach((r, i) => {
    if (r.ok && plan.notes[i] !== null && !r.previous) r.previous = { file: null, note: plan.notes[i] };
  });
  if (narrativeFailed) reports.push(narrativeFailed);
  return finish(opts, io, tool, reports);
}

/** Print or write the report of every file (and --summary, --letter), and return the exit code. */
async function finish(opts: CliOptions, io: CliIO, tool: ToolInfo, reports: FileReport[]): Promise<number> {
  let body: string;
  if (opts.format === "json") {
    body = jsonDocument({ schemaVersion: SCHEMA_VERSION, tool: tool, reports: reports });
  } else if (opts.format === "html") {
    body = (require("./html") as typeof import("./html")).formatHtml(reports, { tool: tool, date: opts.date });
  } else {
    body = (require("./textReport") as typeof import("./textReport")).formatTextReport(reports);
  }
  if (!deliver(opts, io, body)) return 2;
  const extrasWritten =
    opts.summary === undefined && opts.letter === undefined ? true : await (require("./summaryOutputs") as typeof import("./summaryOutputs")).writeExtraOutputs(opts, reports, tool, io);
  const code = exitCode(reports.map((r) => ({ ok: r.ok, errors: r.findings.some((f) => f.severity === "error") ? 1 : 0 })));
  return extrasWritten ? code : 2;
}

/** The report to --output or stdout; false (said on stderr) when the file cannot be written. */
function deliver(opts: CliOptions, io: CliIO, body: string): boolean {
  if (opts.output === undefined) {
    io.stdout(body);
    return true;
  }
  try {
    fs.writeFileSync(opts.output, body, "utf8");
    io.stderr("报告已写入 " + opts.output + "\n");
    return true;
  } catch (e) {
    const code = (e as { code?: string }).code;
    io.stderr("错误：无法写入报告文件“" + opts.output + "”（" + (code || "未知错误") + "）。\n");
    return false;
  }
}

/** 2 when a file could not be read, else 1 when any finding is 不符 (error), else 0. */
function exitCode(outcomes: { ok: boolean; errors: number }[]): number {
  let code = 0;
  for (const r of outcomes) {
    if (!r.ok) return 2;
    if (r.errors > 0) code = 1;
  }
  return code;
}

function shorten(s: string): string {
  return s.length > 60 ? "…" + s.slice(s.length - 59) : s;
}

/** The real process: argv, the standard streams, worker threads under budgets (also called by scripts/cli.js). */
export function runCli(argv: string[] = process.argv.slice(2)): void {
  // A reader that stops early (`| head`) closes the pipe: stop quietly instead of a stack trace on stderr.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode === undefined ? 0 : Number(process.exitCode));
    throw e;
  });
  main(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stderrIsTTY: !!process.stderr.isTTY,
    threads: (files) => threadsFor(files),
  }).then(
    (code) => {
      // exitCode, not exit(): a large report piped to another program must be flushed completely.
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write("内部错误：" + String(e && (e as Error).stack ? (e as Error).stack : e) + "\n");
      process.exitCode = 2;
    },
  );
}

if (require.main === module) runCli();
