/**
 * Flags under WPS on the fake ET: conditional formats where ET has them, fills otherwise; applied then cleared,
 * every cell's format is exactly as before, with a protected sheet among them; forged registries are ignored.
 */
import { auditWorkbook, Finding } from "../../src/engine";
import { planFlags } from "../../src/present/flagPlan";
import { EtApplication } from "../../src/wps/et";
import { WpsHost } from "../../src/wps/wpsHost";
import { markerFormula } from "../../src/wps/flags";
import { FakeBook, fakeEt } from "./fakeEt";
import { cliSnapshot, etBookFromSnapshot } from "./sampleEt";

const SNAP = cliSnapshot();
const FINDINGS: Finding[] = auditWorkbook(SNAP).findings;

/** Every cell's content and format and every rule; a cell record left empty is the same as no record. */
function formats(book: FakeBook): string {
  return JSON.stringify(
    book.sheets.map((s) => ({
      cells: Object.keys(s.cells)
        .sort()
        .filter((a) => Object.keys(s.cells[a]).length)
        .map((a) => [a, s.cells[a]]),
      cfs: s.cfs,
    }))
  );
}

function ours(book: FakeBook, sheet: string) {
  return book.sheets.filter((s) => s.name === sheet)[0].cfs.filter((cf) => cf.formula1.indexOf("JSAUDIT") >= 0);
}

function setUp(noCf = false) {
  const book = etBookFromSnapshot(SNAP);
  book.noConditionalFormats = noCf;
  book.sheets[2].protected = true; // 公开03表, which has 尾差 to flag
  // The user's own formatting on flagged cells and elsewhere: a rule, a yellow fill, an explicit white fill.
  if (!noCf) book.sheets[1].cfs.push({ type: 2, formula1: "=A1>0", areas: ["B7:B9"], fill: 255, font: null });
  const plan = planFlags(FINDINGS, SNAP);
  const sheets = Array.from(new Set(plan.map((f) => f.sheet))).filter((n) => n !== "公开03表");
  const cellOf = (sheet: string) => {
    const s = book.sheets.filter((x) => x.name === sheet)[0];
    const a = plan.filter((f) => f.sheet === sheet)[0].cell;
    return (s.cells[a] = s.cells[a] || {});
  };
  cellOf(sheets[0]).fill = 65535;
  cellOf(sheets[1]).fill = 16777215;
  const fake = fakeEt(book);
  const host = new WpsHost(fake.Application as EtApplication);
  return { book, fake, host, plan };
}

test("conditional formats: ≤ 4 rules a sheet with our signature, the protected sheet named, cleared to exactly as before", async () => {
  const { book, fake, host, plan } = setUp();
  await host.readSnapshot();
  expect(host.capabilities().flagMode).toBe("conditionalFormat");
  const before = formats(book);
  const cellsBefore = JSON.stringify(book.sheets.map((s) => s.cells));
  fake.log.calls = 0;
  const out = await host.applyFlags(FINDINGS, {});
  const applyCalls = fake.log.calls;
  expect(out.skippedSheets).toEqual(["公开03表"]);
  expect(out.problem).toContain("以下工作表受保护，未作标记：公开03表");
  expect(out.flagged).toBe(plan.filter((f) => f.sheet !== "公开03表").length);
  // Cells themselves untouched; each flagged sheet has one rule per group (the sample's areas fit one address list).
  expect(JSON.stringify(book.sheets.map((s) => s.cells))).toBe(cellsBefore);
  expect(ours(book, "公开03表")).toEqual([]);
  const rules = book.sheets.map((s) => ours(book, s.name).length);
  expect(Math.max(...rules)).toBeLessThanOrEqual(4);
  expect(rules.reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
  const tailSheet = plan.filter((f) => f.kind === "tail" && !f.related && f.sheet !== "公开03表")[0].sheet;
  const tails = ours(book, tailSheet).filter((cf) => cf.formula1 === markerFormula("tail"))[0];
  expect(tails.fill).toBe(0x9cebff); // #FFEB9C as BGR
  expect(await host.flagsPresent()).toBe(true);

  fake.log.calls = 0;
  const cleared = await host.clearFlagsReport();
  console.log("WPS flags on the sample (conditional formats): apply " + applyCalls + " calls, clear " + fake.log.calls + " calls, " + rules.reduce((a, b) => a + b, 0) + " rules");
  expect(cleared.notCleared).toEqual([]);
  expect(formats(book)).toBe(before);
  expect(book.sheets[1].cfs).toHaveLength(1); // the user's own rule stays
  expect(await host.flagsPresent()).toBe(false);
});

test("fills (no conditional formats in this WPS): applied and cleared leave every cell's fill exactly as before", async () => {
  const { book, fake, host, plan } = setUp(true);
  await host.readSnapshot();
  expect(host.capabilities().flagMode).toBe("fill");
  const before = formats(book);
  fake.log.calls = 0;
  const out = await host.applyFlags(FINDINGS, {});
  const applyCalls = fake.log.calls;
  expect(out.skippedSheets).toEqual(["公开03表"]);
  const painted = plan.filter((f) => f.sheet !== "公开03表");
  expect(out.flagged).toBe(painted.length);
  const f0 = painted[0];
  const sheet0 = book.sheets.filter((s) => s.name === f0.sheet)[0];
  expect([0xcec7ff, 0x9cebff, 0xf4d2e4, 0xf0e4d6]).toContain(sheet0.cells[f0.cell].fill);
  expect(formats(book)).not.toBe(before);

  // Flag again (a re-audit): the originals are still the user's, not our colours.
  await host.applyFlags(FINDINGS, {});
  fake.log.calls = 0;
  const cleared = await host.clearFlagsReport();
  console.log("WPS flags on the sample (fills): apply " + applyCalls + " calls, clear " + fake.log.calls + " calls, " + painted.length + " cells");
  expect(cleared.cleared).toBe(painted.length);
  expect(formats(book)).toBe(before);
});

test("fills: a sheet protected after flagging keeps its flags and its record until it can be cleared, then comes back exactly", async () => {
  const { book, host } = setUp(true);
  const before = formats(book);
  await host.readSnapshot();
  await host.applyFlags(FINDINGS, {});
  const victim = FINDINGS.filter((f) => f.severity === "tail" && f.sheet !== "公开03表")[0].sheet;
  const s05 = book.sheets.filter((s) => s.name === victim)[0];
  s05.protected = true;
  const r = await host.clearFlagsReport();
  expect(r.notCleared).toEqual([{ sheet: victim, reason: "工作表受保护" }]);
  expect(r.problem).toContain("以下工作表的标记未能清除：" + victim + "（工作表受保护）");
  expect(await host.flagsPresent()).toBe(true);
  s05.protected = false;
  const again = await host.clearFlagsReport();
  expect(again.notCleared).toEqual([]);
  expect(again.cleared).toBeGreaterThan(0);
  expect(formats(book)).toBe(before);
});

test("a forged registry is ignored with a sentence, and cannot recolour a cell we did not paint", async () => {
  const { book, host } = setUp(true);
  await host.readSnapshot();
  const forged = JSON.stringify({ v: 2, doc: "abcdefgh1234", mode: "fill", sheets: ["公开01表"], notes: [], fills: [{ sheet: "公开01表", cell: "A1", color: "#000000" }] });
  book.props.push({ name: "juesuanAudit.doc#0", value: "zzzzzzzz9999" }, { name: "juesuanAudit.flags#0", value: forged });
  const before = formats(book);
  const r = await host.clearFlagsReport();
  expect(r.problem).toBe("文件中的标记记录未通过校验（不属于本工作簿），已忽略：只清除能从工作表上认出的本加载项标记。");
  expect(formats(book)).toBe(before);
  // Same document id, but the cell is not in our colours: nothing is recoloured.
  book.props.length = 0;
  book.props.push({ name: "juesuanAudit.doc#0", value: "abcdefgh1234" }, { name: "juesuanAudit.flags#0", value: forged });
  const r2 = await host.clearFlagsReport();
  expect(r2.cleared).toBe(0);
  expect(book.sheets[0].cells.A1 && book.sheets[0].cells.A1.fill).toBeUndefined();
});
