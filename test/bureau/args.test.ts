/** The bureau's options in src/cli/args.ts: --summary, --letter, --date, --format html. */
import { parseArgs } from "../../src/cli/args";

test("--summary, --letter, --date and --format html take their values; the rest are files", () => {
  const p = parseArgs(["--summary", "汇总.xlsx", "--letter=意见书", "--date", "2026-11-30", "--format", "html", "a.xlsx", "b.xls"]);
  expect(p).toEqual({ ok: true, options: expect.objectContaining({ summary: "汇总.xlsx", letter: "意见书", date: "2026-11-30", format: "html", files: ["a.xlsx", "b.xls"] }) });
});

test("each once; --date a real calendar date", () => {
  expect(parseArgs(["--summary", "a.xlsx", "--summary", "b.xlsx", "x.xlsx"])).toEqual({ ok: false, error: "参数 --summary 只能给一次。" });
  expect(parseArgs(["--date", "2026-02-30", "x.xlsx"])).toEqual({ ok: false, error: "参数 --date 应为 年-月-日（如 2026-11-30），收到“2026-02-30”。" });
  expect(parseArgs(["--letter"])).toEqual({ ok: false, error: "参数 --letter 缺少取值。" });
  expect(parseArgs(["--format", "pdf", "x.xlsx"])).toEqual({ ok: false, error: "参数 --format 只能是 text、json 或 html，收到“pdf”。" });
});
