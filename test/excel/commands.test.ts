/**
 * @jest-environment jsdom
 *
 * The ribbon's 清除标记 runs in its own runtime: it knows nothing but the document, finds the flags through the
 * registry in the settings, removes exactly ours, and always completes the event.
 */
import { applyFlags } from "../../src/excel/flags";
import { detectCapabilities } from "../../src/excel/capabilities";
import { Finding } from "../../src/engine/types";
import { fakeExcel, officeGlobal, sheet } from "./fakeExcel";

const TAIL: Finding = { rule: "T03.1", severity: "tail", table: "公开03", sheet: "公开03表", cell: "C10", related: ["'公开03表'!D10"], expected: "585.45", actual: "585.44", difference: "-0.01", tolerance: "0.03", message: "尾差" };

async function setup(version: string) {
  const book = { sheets: [sheet("公开03表", { C10: 585.44, D10: { value: 518.56, fill: "#DDEBF7" } })], active: "公开03表", selected: "A1" };
  book.sheets[0].cfs.push({ appliesTo: { top: 9, left: 2, bottom: 9, right: 2 }, type: "Custom", formula: "=C10>0", fill: "#C6EFCE" });
  const fake = fakeExcel(version, book);
  const settings: { [k: string]: unknown } = {};
  const associated: { [k: string]: unknown } = {};
  const office = officeGlobal(version, settings) as { actions?: unknown };
  office.actions = { associate: (name: string, fn: unknown) => (associated[name] = fn) };
  (global as unknown as { Excel: unknown }).Excel = fake.Excel;
  (global as unknown as { Office: unknown }).Office = office;
  const level = Number(version.split(".")[1]);
  const caps = detectCapabilities((_n, v) => Number((v || "1.1").split(".")[1]) <= level);
  await applyFlags([TAIL], {}, { caps, knownSheets: ["公开03表"], protectedSheets: {} });
  let mod: typeof import("../../src/commands/commands") | undefined;
  jest.isolateModules(() => {
    mod = require("../../src/commands/commands");
  });
  await new Promise((r) => setTimeout(r, 0)); // Office.onReady resolves
  return { fake, book, associated, mod: mod!, settings };
}

test.each(["1.1", "1.6"])("ExcelApi %s: clearFlags is associated, clears only ours, completes the event", async (version) => {
  const { fake, book, associated, mod } = await setup(version);
  expect(associated.clearFlags).toBe(mod.clearFlagsCommand);
  expect((window as unknown as { clearFlags: unknown }).clearFlags).toBe(mod.clearFlagsCommand);
  const before = fake.log.syncs;
  await new Promise<void>((done) => mod.clearFlagsCommand({ completed: () => done() } as unknown as Office.AddinCommands.Event));
  // 1.6: scan the rules, delete ours. 1.1: list the sheets (getItem fails on a deleted sheet below 1.4), read the
  // current fills (only cells still showing our colours are restored: issue 13 item 8), write them back.
  expect(fake.log.syncs - before).toBe(version === "1.6" ? 2 : 3);
  expect(book.sheets[0].cfs).toEqual([{ appliesTo: { top: 9, left: 2, bottom: 9, right: 2 }, type: "Custom", formula: "=C10>0", fill: "#C6EFCE" }]);
  expect(book.sheets[0].cells.D10.fill).toBe("#DDEBF7");
  expect(book.sheets[0].cells.C10.fill == null).toBe(true);
});

test("a failing clear still completes the event (Office would otherwise wait 5 minutes)", async () => {
  const { mod, book } = await setup("1.6");
  book.sheets[0].protected = true;
  await new Promise<void>((done) => mod.clearFlagsCommand({ completed: () => done() } as unknown as Office.AddinCommands.Event));
});
