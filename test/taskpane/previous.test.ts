/**
 * @jest-environment jsdom
 *
 * 「上年决算文件」 in the pane (issue 12 item 1): last year's workbook picked from disk goes through the browser zip
 * guard and SheetJS (src/io/previousYear.ts, which the entries load with import()), and the audit re-runs with it. The "2023" workbook is
 * the one test/prior builds from the sample's own statements; one figure perturbed must show as a PY.1 不符 in the
 * list, with last year's figure; a file that cannot be read leaves this year's audit as it was.
 */
import { DecompressionStream } from "stream/web";
import * as XLSX from "@e965/xlsx";
import { auditWithNarrative, WorkbookSnapshot } from "../../src/engine";
import { AuditHost, HostCapabilities, FlagOutcome } from "../../src/present/host";
import { mountPane } from "../../src/taskpane/pane";
import { sampleSnapshot, toBytes } from "../fixtures/sample";
import { previousYearBook } from "../prior/fixture";

// jsdom's window lacks the DecompressionStream every current browser (and Node 20) has; the zip guard needs it.
(globalThis as { DecompressionStream?: unknown }).DecompressionStream = DecompressionStream;

const SAMPLE = sampleSnapshot();

class SampleHost implements AuditHost {
  capabilities(): HostCapabilities {
    return { flagMode: "preview", notes: false, selectionEvents: false, exportReport: false };
  }
  async readSnapshot(): Promise<WorkbookSnapshot> {
    return SAMPLE;
  }
  async applyFlags(): Promise<FlagOutcome> {
    return { flagged: 0, skippedSheets: [] };
  }
  async clearFlags(): Promise<number> {
    return 0;
  }
  async select(): Promise<void> {}
}

function mount() {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById("app") as HTMLElement;
  const pane = mountPane(root, new SampleHost(), { audit: (s, o) => auditWithNarrative(s, o), previous: () => import("../../src/io/previousYear") });
  const py = () =>
    (Array.prototype.slice.call(root.querySelectorAll(".jp-results [data-index]")) as HTMLElement[])
      .map((li) => pane.result()!.findings[Number(li.getAttribute("data-index"))])
      .filter((f) => /^PY\./.test(f.rule));
  const name = () => root.querySelector(".jp-previous-name")!.textContent;
  return { root, pane, py, name };
}

function bytesOf(buf: Buffer): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

const perturbed = () =>
  bytesOf(
    toBytes(
      previousYearBook((wb) => {
        (wb.Sheets["公开01表"]["C36"] as XLSX.CellObject).v = 3881.94;
      }),
    ),
  );

/** Resolves once the pane has re-audited (the audit after loading runs on its own). */
async function settled(root: HTMLElement): Promise<void> {
  for (let i = 0; i < 200 && root.getAttribute("data-state") !== "done"; i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 0));
  for (let i = 0; i < 200 && root.getAttribute("data-state") !== "done"; i++) await new Promise((r) => setTimeout(r, 20));
}

test("the button is there, in Chinese, and accepts .xlsx/.xls", () => {
  const { root, name } = mount();
  const input = root.querySelector('.jp-previous input[type="file"]') as HTMLInputElement;
  expect(input.accept).toBe(".xlsx,.xls");
  expect(input.parentElement!.textContent).toBe("上年决算文件");
  expect(name()).toBe("未选择：上年数只与本年文字核对");
});

test("2023 with 收入总计 perturbed: after picking it the list shows PY.1 不符 with last year's figure and place", async () => {
  const { root, pane, py, name } = mount();
  await pane.audit();
  expect(py()).toEqual([]);
  expect(await pane.loadPrevious(perturbed(), "2023.xlsx")).toBe(true);
  await settled(root);
  expect(name()).toBe("上年文件：2023.xlsx");
  // PY.3 (提示) is the share of text carried over from last year, listed with it
  expect(py().map((f) => [f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.difference])).toEqual([
    ["PY.1", "error", "情况说明", "A3", "3881.94", "3881.84", "-0.1"],
    ["PY.3", "info", "情况说明", null, null, null, null],
  ]);
  expect(py()[0].previous).toEqual({ file: "2023.xlsx", sheet: "公开01表", cell: "C36", value: "3881.94" });
  const card = root.querySelector('.jp-results [data-index="' + pane.result()!.findings.indexOf(py()[0]) + '"]') as HTMLElement;
  expect(card.textContent).toContain("3,881.84");
  // 重新审核 keeps comparing with the chosen file
  await pane.audit();
  expect(py().map((f) => f.rule)).toEqual(["PY.1", "PY.3"]);
});

test("the unperturbed 2023 document gives no PY finding", async () => {
  const { root, pane, py } = mount();
  await pane.audit();
  expect(await pane.loadPrevious(bytesOf(toBytes(previousYearBook())), "2023.xlsx")).toBe(true);
  await settled(root);
  expect(pane.result()!.findings.filter((f) => /^PY\./.test(f.rule) && f.severity !== "info")).toEqual([]);
  expect(py().filter((f) => f.severity !== "info")).toEqual([]);
});

test("a file that cannot be read: one Chinese sentence, this year's audit stays", async () => {
  const { root, pane, name } = mount();
  await pane.audit();
  const before = pane.result();
  const broken = new Uint8Array(toBytes(previousYearBook()).subarray(0, 3000)); // a cut-off zip
  expect(await pane.loadPrevious(broken.buffer as ArrayBuffer, "坏文件.xlsx")).toBe(false);
  expect(name()).toMatch(/^无法读取上年文件「坏文件\.xlsx」：.+。本年的审核结果不变。$/);
  expect(pane.result()).toBe(before);
  expect(root.querySelector(".jp-status")!.className).not.toContain("error");
});

test("without a loader (a host whose entry gives none) there is no button and the audit is the plain one", async () => {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById("app") as HTMLElement;
  const pane = mountPane(root, new SampleHost(), { audit: (s, o) => auditWithNarrative(s, o) });
  expect((root.querySelector(".jp-previous") as HTMLElement).style.display).toBe("none");
  expect(await pane.loadPrevious(perturbed(), "2023.xlsx")).toBe(false);
});

test("the file input reads the picked file and shows its name", async () => {
  const { root, name } = mount();
  const input = root.querySelector('.jp-previous input[type="file"]') as HTMLInputElement;
  const file = new File([new Uint8Array(perturbed())], "2023年决算.xlsx");
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  input.dispatchEvent(new Event("change"));
  for (let i = 0; i < 300 && name() !== "上年文件：2023年决算.xlsx"; i++) await new Promise((r) => setTimeout(r, 20));
  expect(name()).toBe("上年文件：2023年决算.xlsx");
});
