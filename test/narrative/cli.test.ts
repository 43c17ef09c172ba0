/**
 * The same narrative checks through the command line: the sheet route (no --narrative) and --narrative with the
 * published document as .txt, in the JSON report.
 */
import { main } from "../../src/cli/main";
import { auditWorkbook } from "../../src/engine";
import { Finding } from "../../src/engine/types";
import { isNarrative, loadSample, sampleText, SAMPLE, SAMPLE_TXT, sig } from "./helpers";

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await main(argv, { stdout: (s) => (out += s), stderr: () => undefined });
  return { code, out };
}

function findingsOf(json: string): Finding[] {
  const rep = JSON.parse(json) as { reports: { findings: Finding[] }[] };
  return rep.reports[0].findings;
}

test("sheet route: the CLI reports the engine's narrative findings", async () => {
  const r = await run(["--format", "json", SAMPLE]);
  const cli = findingsOf(r.out).filter(isNarrative).map(sig);
  expect(cli).toEqual(auditWorkbook(loadSample()).findings.filter(isNarrative).map(sig));
  expect(cli).toContain("N13c | error | 情况说明!A60 | 98.83 | 98.31");
});

test("--narrative FILE (.txt): the text replaces the sheet and gives the same findings as the engine with options.narrative", async () => {
  const r = await run(["--format", "json", "--narrative", SAMPLE_TXT, SAMPLE]);
  const cli = findingsOf(r.out).filter(isNarrative).map(sig);
  expect(cli).toEqual(auditWorkbook(loadSample(), { narrative: sampleText() }).findings.filter(isNarrative).map(sig));
  expect(cli).toContain("N13c | error | 情况说明（外部文本）!null | 98.83 | 98.31");
  expect(cli).toContain("P.6 | error | 情况说明（外部文本）!null | 5 | 4");
});
