/**
 * @jest-environment jsdom
 *
 * The ribbon's 清除标记 runs in its own runtime: it knows nothing but the document, finds the flags through the
 * registry in the settings, removes exactly ours, and always completes the event.
 */
import { applyFlags } from "../../src/excel/flags";
import { REGISTRY_KEY } from "../../src/excel/registry";
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
  const office = officeGlobal(version, settings) as { actions?: unknown; context: { ui?: unknown }; EventType?: unknown };
  office.actions = { associate: (name: string, fn: unknown) => (associated[name] = fn) };
  const dialogs: { url: string; handlers: { [k: string]: () => void }; closed: boolean }[] = [];
  office.EventType = { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" };
  office.context.ui = {
    displayDialogAsync: (url: string, _opts: unknown, cb: (r: unknown) => void) => {
      const d = { url, handlers: {} as { [k: string]: () => void }, closed: false };
      dialogs.push(d);
      cb({ status: "succeeded", value: { addEventHandler: (k: string, h: () => void) => (d.handlers[k] = h), close: () => (d.closed = true) } });
    },
    messageParent: () => undefined,
  };
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
  return { fake, book, associated, mod: mod!, settings, dialogs };
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

test("a clear that did everything shows nothing", async () => {
  const { mod, dialogs } = await setup("1.6");
  await new Promise<void>((done) => mod.clearFlagsCommand({ completed: () => done() } as unknown as Office.AddinCommands.Event));
  expect(dialogs).toEqual([]);
});

test.each(["1.1", "1.6"])("ExcelApi %s: a protected sheet is named in a dialog; the event completes when it closes", async (version) => {
  const { mod, book, dialogs, settings } = await setup(version);
  book.sheets[0].protected = true;
  let completed = false;
  const p = new Promise<void>((done) =>
    mod.clearFlagsCommand({
      completed: () => {
        completed = true;
        done();
      },
    } as unknown as Office.AddinCommands.Event)
  );
  await new Promise((r) => setTimeout(r, 10));
  expect(dialogs.length).toBe(1);
  const msg = decodeURIComponent(dialogs[0].url.split("?message=")[1]);
  expect(msg).toBe("没有可清除的标记；以下工作表的标记未能清除：公开03表（工作表受保护）。请撤销工作表保护后再点「清除标记」。");
  expect(completed).toBe(false);
  dialogs[0].handlers.dialogMessageReceived();
  await p;
  expect(dialogs[0].closed).toBe(true);
  expect(JSON.parse(settings[REGISTRY_KEY] as string).sheets).toEqual(["公开03表"]); // kept for a later clear
});

test("the dialog page shows the sentence as text, never as markup", async () => {
  const { mod } = await setup("1.6");
  document.body.innerHTML = "";
  expect(mod.renderMessagePage(document, "?message=" + encodeURIComponent('<img src=x onerror="alert(1)">已清除'))).toBe(true);
  expect(document.querySelector("img")).toBeNull();
  expect(document.querySelector("p")!.textContent).toBe('<img src=x onerror="alert(1)">已清除');
  expect(mod.renderMessagePage(document, "")).toBe(false);
});
