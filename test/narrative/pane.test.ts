/**
 * @jest-environment jsdom
 *
 * The pane's 情况说明核对: every figure of the checked text marked by its result, a click selects the table cell
 * it was checked against, pasted text goes to the audit as options.narrative.
 */
import { auditWorkbook } from "../../src/engine";
import { AuditOptions } from "../../src/engine/audit";
import { WorkbookSnapshot } from "../../src/engine/types";
import { AuditHost } from "../../src/present/host";
import { mountNarrativeView, parseRef } from "../../src/taskpane/narrativeView";
import { mountPane } from "../../src/taskpane/pane";
import { loadSample, sampleText } from "./helpers";

const snapshot = loadSample();

function fakeHost(): AuditHost & { selected: string[] } {
  const selected: string[] = [];
  return {
    selected,
    capabilities: () => ({ flagMode: "preview", notes: false, selectionEvents: false, exportReport: false }),
    readSnapshot: () => Promise.resolve(snapshot),
    applyFlags: () => Promise.resolve({ flagged: 0, skippedSheets: [] }),
    clearFlags: () => Promise.resolve(0),
    select: (sheet: string, cell: string) => {
      selected.push(sheet + "!" + cell);
      return Promise.resolve();
    },
  };
}

function figure(box: HTMLElement, text: string): HTMLElement {
  const all = box.querySelectorAll("[data-narrative-status][data-span]");
  for (let i = 0; i < all.length; i++) if (all[i].textContent === text) return all[i] as HTMLElement;
  throw new Error("no figure " + text);
}

test("parseRef reads sheet-qualified addresses", () => {
  expect(parseRef("'公开05表'!C17")).toEqual({ sheet: "公开05表", cell: "C17" });
  expect(parseRef("'It''s'!$B$2")).toEqual({ sheet: "It's", cell: "B2" });
  expect(parseRef("C17")).toBeNull();
});

test("the workbook's 情况说明 shown with every figure marked; a click shows the recomputation and selects the cell", () => {
  const box = document.createElement("div");
  document.body.appendChild(box);
  const host = fakeHost();
  const view = mountNarrativeView(box, host);
  const r = view.update(snapshot)!;
  expect(r.source).toBe("sheet");
  const marked = box.querySelectorAll("[data-narrative-status][data-span]");
  expect(marked.length).toBe(view.spans().length);
  expect(marked.length).toBeGreaterThan(150);
  expect(figure(box, "98.83%").getAttribute("data-narrative-status")).toBe("error");
  expect(figure(box, "46.11%").getAttribute("data-narrative-status")).toBe("tail");
  expect(figure(box, "25.40%").getAttribute("data-narrative-status")).toBe("ok");
  // the whole text is shown as written
  expect((box.querySelector("[data-narrative-view]") as HTMLElement).textContent).toBe(r.text);
  figure(box, "1.56 万元").click();
  expect(host.selected).toEqual(["公开05表!C17"]);
  const detail = box.querySelector("[data-narrative-detail]") as HTMLElement;
  expect(detail.style.display).toBe("");
  expect(detail.textContent).toContain("1.56");
  figure(box, "98.83%").click();
  expect(detail.getAttribute("data-narrative-status")).toBe("error");
  expect(detail.textContent).toContain("98.31%");
  expect(host.selected[1]).toBe("项目支出绩效自评表!I7");
});

test("in the pane: pasted text is audited as options.narrative and shown marked; findings list includes them", async () => {
  const root = document.createElement("div");
  document.body.appendChild(root);
  const host = fakeHost();
  const calls: AuditOptions[] = [];
  const pane = mountPane(root, host, {
    audit: (s: WorkbookSnapshot, o?: AuditOptions) => {
      calls.push(o || {});
      return auditWorkbook(s, o);
    },
  });
  await pane.audit();
  expect(calls[0]).toEqual({});
  expect(root.querySelectorAll("[data-narrative-status='error'][data-span]").length).toBeGreaterThan(5);
  const input = root.querySelector("[data-narrative-input]") as HTMLTextAreaElement;
  input.value = sampleText();
  (root.querySelector("[data-action='check-narrative']") as HTMLButtonElement).click();
  await new Promise((r) => setTimeout(r, 50));
  await pane.audit();
  expect(calls[calls.length - 1].narrative).toBe(sampleText());
  const src = root.querySelector(".jp-narr-source") as HTMLElement;
  expect(src.textContent).toContain("粘贴的文字");
  expect(figure(root, "98.83%").getAttribute("data-narrative-status")).toBe("error");
  const res = pane.result()!;
  expect(res.findings.some((f) => f.rule === "N13c" && f.sheet === "情况说明（外部文本）")).toBe(true);
  expect(res.findings.some((f) => f.rule === "P.6")).toBe(true);
});
