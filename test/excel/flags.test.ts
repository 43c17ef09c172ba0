/** Writing flags in requests small enough for Excel on the web. */
import { applyFlags } from "../../src/excel/flags";
import { detectCapabilities } from "../../src/excel/capabilities";
import { Finding } from "../../src/engine/types";
import { fakeExcel, officeGlobal, sheet } from "./fakeExcel";

const TAIL: Finding = { rule: "T03.1", severity: "tail", table: "公开03", sheet: "公开03表", cell: "C10", related: [], expected: "585.45", actual: "585.44", difference: "-0.01", tolerance: "0.03", message: "尾差" };

/** 2,500 flagged cells on every other row (areas that cannot merge into rectangles), flagged at an API level. */
async function flagEveryOtherRow(level: "1.6" | "1.9") {
  const cells: { [a: string]: number } = {};
  const many: Finding[] = [];
  for (let r = 1; r <= 2500; r++) {
    cells["C" + 2 * r] = r;
    many.push({ ...TAIL, cell: "C" + 2 * r, related: [] });
  }
  const book = { sheets: [sheet("公开03表", cells)], active: "公开03表", selected: "A1" };
  const fake = fakeExcel(level, book);
  (global as unknown as { Excel: unknown }).Excel = fake.Excel;
  (global as unknown as { Office: unknown }).Office = officeGlobal(level, {});
  const minor = Number(level.split(".")[1]);
  const caps = detectCapabilities((_n, v) => Number((v || "1.1").split(".")[1]) <= minor);
  const out = await applyFlags(many, {}, { caps, knownSheets: ["公开03表"], protectedSheets: {} });
  return { out, fake, cfs: book.sheets[0].cfs };
}

test("thousands of separate flagged areas are written in requests of FLAGS_PER_REQUEST rules", async () => {
  // 1.6 has one rule per rectangle.
  const { out, fake, cfs } = await flagEveryOtherRow("1.6");
  expect(out.flagged).toBe(2500);
  expect(fake.log.syncs).toBe(3); // read rules, 2,000 flags, the last 500
  expect(cfs.length).toBe(2500);
});

test("ExcelApi 1.9+: the same 2,500 areas make 7 rules of at most 400 areas (RangeAreas), in 2 syncs", async () => {
  const { out, fake, cfs } = await flagEveryOtherRow("1.9");
  expect(out.flagged).toBe(2500);
  expect(fake.log.syncs).toBe(2);
  expect(cfs.map((cf) => (cf.areas || []).length).sort((a, b) => a - b)).toEqual([100, 400, 400, 400, 400, 400, 400]);
});

test("ExcelApi 1.8+: a sheet protected after the read is skipped and named, events end up on again", async () => {
  const book = { sheets: [sheet("公开03表", { C10: 585.44 }, { protected: true })], active: "公开03表", selected: "A1" };
  const fake = fakeExcel("1.18", book);
  (global as unknown as { Excel: unknown }).Excel = fake.Excel;
  (global as unknown as { Office: unknown }).Office = officeGlobal("1.18", {});
  const caps = detectCapabilities((_n, v) => Number((v || "1.1").split(".")[1]) <= 18);
  // Protected after the read: the snapshot did not know, so the write is tried, refused, retried alone and named.
  await expect(applyFlags([TAIL], {}, { caps, knownSheets: [], protectedSheets: {} })).resolves.toEqual({ flagged: 0, skippedSheets: ["公开03表"] });
  expect(fake.log.eventsOn).toBe(true);
  expect(fake.log.calls.filter((c) => c.api === "Runtime.enableEvents").length).toBe(3); // off, on (queued behind the refused write, never run), on again
});
