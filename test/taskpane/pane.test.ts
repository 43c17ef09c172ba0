/**
 * @jest-environment jsdom
 *
 * The pane against a fake AuditHost and hand-made findings: what it lists, how it groups 尾差 causes and echoes,
 * filters, navigation by mouse and keyboard, cancel, and how it reports host failures.
 */
import { AuditResult, Finding, NotChecked, Severity, WorkbookSnapshot } from "../../src/engine/types";
import { AuditHost, CancelledError, CancelToken, FlagOutcome, HostCapabilities } from "../../src/present/host";
import { mountPane } from "../../src/taskpane/pane";

function finding(severity: Severity, table: string | null, sheet: string, cell: string | null, extra: Partial<Finding> = {}): Finding {
  return {
    rule: extra.rule || "R" + (cell || "0"),
    severity,
    table,
    sheet,
    cell,
    related: [],
    expected: "10.00",
    actual: "10.01",
    difference: "0.01",
    tolerance: "0.02",
    message: sheet + (cell || "") + " 合计与各项之和不符",
    ...extra,
  };
}

const FINDINGS: Finding[] = [
  finding("tail", "公开03", "公开03表", "C7", { rule: "T03.1", cause: "T03.1 '公开03表'!C10", causeRef: { rule: "T03.1", table: "公开03", sheet: "公开03表", cell: "C10" } }),
  finding("error", "公开01", "公开01表", "B8", { rule: "T01.2" }),
  finding("tail", "公开03", "公开03表", "C10", { rule: "T03.1", related: ["'公开03表'!D10", "'公开03表'!E10"] }),
  finding("tail", "公开05", "公开05表", "C7", { rule: "T05.1", cause: "T03.1 '公开03表'!C10", causeRef: { rule: "T03.1", table: "公开03", sheet: "公开03表", cell: "C10" } }),
  finding("warning", "公开03", "公开03表", "E10", { rule: "T03.6", expected: null, actual: "66.89", difference: null, tolerance: null }),
  finding("info", null, "情况说明", "A45", { rule: "N10", expected: null, actual: null, difference: null, tolerance: null }),
];

function result(findings: Finding[]): AuditResult {
  return {
    tables: [
      { id: "公开01", title: "收入支出决算总表", sheet: "公开01表", range: "A1:F40" },
      { id: "公开03", title: "支出决算表", sheet: "公开03表", range: "A1:H31" },
      { id: "公开05", title: "一般公共预算财政拨款支出决算表", sheet: "公开05表", range: "A1:E31" },
    ],
    missing: ["公开02", "公开04", "公开06", "公开07", "公开08", "公开09"],
    summary: { checks: 120, passed: 114, errors: 1, warnings: 1, tails: 3, infos: 1, notChecked: 0 },
    findings,
    notChecked: [],
    tableStats: [],
  };
}

class FakeHost implements AuditHost {
  selected: [string, string][] = [];
  flagged: Finding[][] = [];
  cleared = 0;
  outcome: FlagOutcome = { flagged: 0, skippedSheets: [] };
  readError: Error | null = null;
  gate: Promise<void> | null = null;
  selectionCb: ((s: string, c: string) => void) | null = null;
  constructor(private caps: Partial<HostCapabilities> = {}) {}
  capabilities(): HostCapabilities {
    return { flagMode: "preview", notes: false, selectionEvents: true, exportReport: true, ...this.caps };
  }
  async readSnapshot(onProgress?: (p: { done: number; total: number; message: string }) => void, cancel?: CancelToken): Promise<WorkbookSnapshot> {
    if (onProgress) onProgress({ done: 0, total: 2, message: "正在读取…" });
    if (this.gate) await this.gate;
    if (cancel && cancel.cancelled) throw new CancelledError();
    if (this.readError) throw this.readError;
    return { sheets: [] };
  }
  async applyFlags(findings: Finding[]): Promise<FlagOutcome> {
    this.flagged.push(findings);
    return this.outcome;
  }
  async clearFlags(): Promise<number> {
    this.cleared++;
    return 7;
  }
  async select(sheet: string, cell: string): Promise<void> {
    this.selected.push([sheet, cell]);
  }
  async onSelectionChanged(cb: (s: string, c: string) => void): Promise<void> {
    this.selectionCb = cb;
  }
  async exportReport(): Promise<string> {
    return "审核报告";
  }
}

function mount(host: FakeHost, findings: Finding[] = FINDINGS) {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById("app") as HTMLElement;
  const pane = mountPane(root, host, { audit: () => result(findings) });
  const items = () => Array.prototype.slice.call(root.querySelectorAll("[data-severity]")) as HTMLElement[];
  return { root, pane, items };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

test("summary counts, tables found and missing, checks made", async () => {
  const { root, pane } = mount(new FakeHost());
  expect(root.querySelector('[data-action="audit"]')!.textContent).toBe("审核工作簿");
  await pane.audit();
  expect(root.querySelector('[data-action="audit"]')!.textContent).toBe("重新审核");
  const count = (s: string) => root.querySelector('[data-count="' + s + '"] b')!.textContent;
  expect([count("error"), count("warning"), count("tail"), count("info")]).toEqual(["1", "1", "3", "1"]);
  expect(root.querySelector(".jp-checks")!.textContent).toBe("检查项 120 项，通过 114 项，未审核 0 项");
  expect(root.querySelector(".jp-unchecked")).toBeNull();
  expect(root.querySelectorAll('.jp-chip[data-found="true"]').length).toBe(3);
  expect(root.querySelector(".jp-missing")!.textContent).toBe("未找到：公开02、公开04、公开06、公开07、公开08、公开09");
  expect(root.querySelector(".jp-status")!.textContent).toBe("审核完成：不符 1 处，疑点 1 处，尾差 3 处。");
  expect(root.getAttribute("data-state")).toBe("done");
});

test("未审核: counted in the summary, a collapsible list grouped by table and cause, per-table counts on the chips", async () => {
  const nc = (rule: string, table: string | null, reason: NotChecked["reason"], detail: string): NotChecked => ({ rule, table, reason, detail, cells: [] });
  const r: AuditResult = {
    ...result(FINDINGS),
    summary: { checks: 120, passed: 114, errors: 1, warnings: 1, tails: 3, infos: 1, notChecked: 3 },
    notChecked: [
      nc("N5d", "情况说明", "无法确定对应科目", "说明五(三)第5项：在公开05中找不到名称相同的项"),
      nc("X.4", "公开03", "缺合计行", "公开03 未找到“合计”行，未能核对：公开03 本年支出合计 = 公开01 本年支出合计"),
      nc("T03.2", "公开03", "缺合计行", "公开03 未找到“合计”行，未能核对：合计 = 各类之和"),
    ],
    tableStats: [{ table: "公开03", checks: 40, passed: 37, withFindings: 3, notChecked: 2 }],
  };
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById("app") as HTMLElement;
  const pane = mountPane(root, new FakeHost(), { audit: () => r });
  await pane.audit();
  expect(root.querySelector(".jp-checks")!.textContent).toBe("检查项 120 项，通过 114 项，未审核 3 项");
  const toggle = root.querySelector(".jp-unchecked-toggle") as HTMLButtonElement;
  const list = root.querySelector(".jp-unchecked-list") as HTMLElement;
  expect(toggle.textContent).toBe("未审核 3 项（缺表、缺合计行或取数不足，未作判断，也未计为通过）");
  expect(list.style.display).toBe("none");
  toggle.click();
  expect(list.style.display).toBe("");
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
  expect(Array.prototype.map.call(list.querySelectorAll("li"), (li: HTMLElement) => li.textContent)).toEqual([
    "公开03 [缺合计行] 公开03 未找到“合计”行：X.4、T03.2（2 项）",
    "情况说明 [无法确定对应科目] 说明五(三)第5项：在公开05中找不到名称相同的项：N5d",
  ]);
  toggle.click();
  expect(list.style.display).toBe("none");
  const chip = root.querySelector('.jp-chip[data-table="公开03"]') as HTMLElement;
  expect(chip.getAttribute("title")).toBe("公开03：工作表「公开03表」；通过 37，有结果 3，未审核 2");
  expect(chip.className).toContain("jp-chip-unchecked");
});

test("grouped by table in table order; a 尾差's echoes follow their cause, even from another table", async () => {
  const { root, pane, items } = mount(new FakeHost());
  await pane.audit();
  const groups = Array.prototype.map.call(root.querySelectorAll(".jp-group"), (g: HTMLElement) => g.getAttribute("data-table"));
  expect(groups).toEqual(["公开01", "公开03", "工作簿"]);
  expect(items().map((li) => li.getAttribute("data-index"))).toEqual(["1", "2", "0", "3", "4", "5"]);
  const cause = items()[1];
  expect(cause.querySelector(".jp-echo-count")!.textContent).toBe("连带尾差 2 处（列在下方）");
  expect(items()[2].className).toContain("jp-echo");
  expect(items()[3].querySelector(".jp-cause")!.textContent).toBe("源于：T03.1 '公开03表'!C10");
  const figs = cause.querySelector(".jp-figs")!.textContent;
  expect(figs).toBe("审核数10.00报表数10.01差额0.01容差0.02");
  expect(cause.querySelector(".jp-rule")!.textContent).toBe("T03.1");
  expect(items()[4].querySelector(".jp-figs")!.textContent).toBe("报表数66.89");
});

test("filters by severity and by table; an echo whose cause is filtered out stands in its own table", async () => {
  const { root, pane, items } = mount(new FakeHost());
  await pane.audit();
  const tail = root.querySelector('[data-filter-severity="tail"]') as HTMLInputElement;
  tail.checked = false;
  tail.onchange!(new Event("change"));
  expect(items().map((li) => li.getAttribute("data-severity"))).toEqual(["error", "warning", "info"]);
  tail.checked = true;
  tail.onchange!(new Event("change"));
  const table = root.querySelector('[data-filter="table"]') as HTMLSelectElement;
  expect(Array.prototype.map.call(table.options, (o: HTMLOptionElement) => o.value)).toEqual(["", "公开01", "公开03", "公开05", "工作簿"]);
  table.value = "公开05";
  table.onchange!(new Event("change"));
  expect(items().map((li) => li.getAttribute("data-index"))).toEqual(["3"]);
  expect(items()[0].className).not.toContain("jp-echo");
});

test("click and keyboard take the user to the cell; arrows move between findings", async () => {
  const host = new FakeHost();
  const { pane, items } = mount(host);
  await pane.audit();
  items()[0].click();
  await flush();
  expect(host.selected).toEqual([["公开01表", "B8"]]);
  expect(items()[0].className).toContain("jp-current");
  items()[1].focus();
  items()[1].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
  expect(document.activeElement).toBe(items()[2]);
  items()[2].dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  await flush();
  expect(host.selected[1]).toEqual(["公开03表", "C7"]);
  expect(items()[2].getAttribute("tabindex")).toBe("0");
  expect(items()[2].getAttribute("role")).toBe("button");
});

test("selecting a flagged cell shows its findings (checked value or operand)", async () => {
  const host = new FakeHost();
  const { root, pane } = mount(host);
  await pane.audit();
  host.selectionCb!("公开03表", "D10");
  const box = root.querySelector(".jp-selected") as HTMLElement;
  expect(box.style.display).toBe("");
  expect(box.textContent).toContain("所选单元格 公开03表!D10");
  expect(box.textContent).toContain("尾差 T03.1");
  host.selectionCb!("公开03表", "Z99");
  expect(box.style.display).toBe("none");
});

test("cancel during the read stops the audit and says so", async () => {
  const host = new FakeHost();
  let open!: () => void;
  host.gate = new Promise((r) => (open = r));
  const { root, pane } = mount(host);
  const running = pane.audit();
  await flush();
  expect(root.getAttribute("data-state")).toBe("busy");
  const cancel = root.querySelector('[data-action="cancel"]') as HTMLButtonElement;
  expect(cancel.style.display).toBe("");
  expect((root.querySelector('[data-action="audit"]') as HTMLButtonElement).disabled).toBe(true);
  cancel.click();
  open();
  await running;
  expect(root.querySelector(".jp-status")!.textContent).toBe("已取消审核。");
  expect(host.flagged).toEqual([]);
  expect(cancel.style.display).toBe("none");
});

test("flags that cannot be written leave the list intact and a warning in the status", async () => {
  const host = new FakeHost();
  host.outcome = { flagged: 0, skippedSheets: [], problem: "未能在单元格中写入标记（工作表受保护或文件为只读）。审核结果仍列在任务窗格中。" };
  const { root, pane, items } = mount(host);
  await pane.audit();
  expect(items().length).toBe(FINDINGS.length);
  const status = root.querySelector(".jp-status")!;
  expect(status.className).toBe("jp-status jp-status-warning");
  expect(status.textContent).toContain("审核结果仍列在任务窗格中");
});

test("a failed read is reported, not thrown", async () => {
  const host = new FakeHost();
  host.readError = new Error("网络中断");
  const { root, pane } = mount(host);
  await pane.audit();
  expect(root.querySelector(".jp-status")!.textContent).toBe("审核未完成：网络中断");
  expect(root.getAttribute("data-state")).toBe("done");
});

test("清除标记 and 导出审核报告 go to the host; export waits for a result", async () => {
  const host = new FakeHost();
  const { root, pane } = mount(host);
  const exportBtn = root.querySelector('[data-action="export"]') as HTMLButtonElement;
  expect(exportBtn.disabled).toBe(true);
  await pane.audit();
  expect(exportBtn.disabled).toBe(false);
  await pane.clearFlags();
  expect(host.cleared).toBe(1);
  expect(root.querySelector(".jp-status")!.textContent).toBe("已清除标记（7 处）。");
  await pane.exportReport();
  expect(root.querySelector(".jp-status")!.textContent).toBe("已生成工作表「审核报告」，共 6 条。");
});

test("no findings: a clear all-good message", async () => {
  const { root, pane, items } = mount(new FakeHost(), []);
  await pane.audit();
  expect(items()).toEqual([]);
  expect(root.querySelector(".jp-empty")!.textContent).toBe("未发现问题：各表勾稽关系相符。");
});
