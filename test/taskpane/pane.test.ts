/**
 * @jest-environment jsdom
 *
 * The pane against a fake AuditHost and hand-made findings: the status line and the board, the order of the
 * list (不符 first, consequences folded under their root), filters from the board and by result, navigation by
 * mouse and keyboard, flags only when asked, review marks (核实/忽略) across a 重新审核, cancel and host failures.
 */
import { AuditResult, Finding, NotChecked, Severity, WorkbookSnapshot } from "../../src/engine/types";
import type { AuditOptions } from "../../src/engine";
import { AuditHost, CancelledError, CancelToken, FlagOutcome, HostCapabilities, HostSettings, ClearOutcome } from "../../src/present/host";
import { ReviewMark } from "../../src/present/review";
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
  finding("tail", "公开03", "公开03表", "C10", { rule: "T03.1", related: ["'公开03表'!D10", "'公开03表'!E10", "'公开03表'!F10", "'公开03表'!D11"] }),
  finding("tail", "公开05", "公开05表", "C7", { rule: "T05.1", cause: "T03.1 '公开03表'!C10", causeRef: { rule: "T03.1", table: "公开03", sheet: "公开03表", cell: "C10" } }),
  finding("warning", "公开03", "公开03表", "E10", { rule: "T03.6", expected: null, actual: "66.89", difference: null, tolerance: null }),
  finding("info", null, "情况说明", "A45", { rule: "N10", expected: null, actual: null, difference: null, tolerance: null }),
  finding("error", "情况说明", "情况说明", "A19", { rule: "N5d", actual: "100", expected: "0" }),
];

function result(findings: Finding[]): AuditResult {
  return {
    tables: [
      { id: "公开01", title: "收入支出决算总表", sheet: "公开01表", range: "A1:F40" },
      { id: "公开03", title: "支出决算表", sheet: "公开03表", range: "A1:H31" },
      { id: "公开05", title: "一般公共预算财政拨款支出决算表", sheet: "公开05表", range: "A1:E31" },
    ],
    missing: ["公开02", "公开04", "公开06", "公开07", "公开08", "公开09"],
    summary: { checks: 120, passed: 113, errors: 2, warnings: 1, tails: 3, infos: 1, notChecked: 0 },
    findings,
    notChecked: [],
    tableStats: [],
  };
}

class FakeHost implements AuditHost {
  selected: [string, string][] = [];
  flagged: Finding[][] = [];
  cleared = 0;
  outcome: FlagOutcome | null = null;
  readError: Error | null = null;
  gate: Promise<void> | null = null;
  selectionCb: ((s: string, c: string) => void) | null = null;
  marks: ReviewMark[] = [];
  settings: HostSettings = { autoFlag: false };
  exported: ReviewMark[] | undefined;
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
    return this.outcome || { flagged: findings.length, skippedSheets: [] };
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
  async exportReport(_r: AuditResult, marks?: ReviewMark[]): Promise<string> {
    this.exported = marks;
    return "审核报告";
  }
  async loadReviewMarks(): Promise<ReviewMark[]> {
    return this.marks.slice();
  }
  async saveReviewMarks(marks: ReviewMark[]): Promise<void> {
    this.marks = marks.slice();
  }
  async loadSettings(): Promise<HostSettings> {
    return { ...this.settings };
  }
  async saveSettings(s: HostSettings): Promise<void> {
    this.settings = { ...s };
  }
}

function mount(host: FakeHost, findings: Finding[] = FINDINGS, seen: AuditOptions[] = []) {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById("app") as HTMLElement;
  const pane = mountPane(root, host, {
    audit: (_s, o) => {
      seen.push(o || {});
      return result(findings);
    },
  });
  const items = () => Array.prototype.slice.call(root.querySelectorAll(".jp-results [data-severity]")) as HTMLElement[];
  const shown = () =>
    items().filter((li) => {
      for (let n: HTMLElement | null = li; n && n !== root; n = n.parentElement) if (n.style.display === "none") return false;
      return true;
    });
  const cell = (t: string) => root.querySelector('[data-table-status="' + t + '"]') as HTMLElement;
  const status = () => root.querySelector(".jp-status")!.textContent;
  const click = (sel: string, within: ParentNode = root) => (within.querySelector(sel) as HTMLElement).click();
  return { root, pane, items, shown, cell, status, click };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const counts = (c: HTMLElement) => ["data-errors", "data-warnings", "data-tails", "data-unchecked"].map((a) => c.getAttribute(a));

test("the status line says where the 不符 are; the board gives each table's state", async () => {
  const { root, pane, cell, status } = mount(new FakeHost());
  expect(root.querySelector('[data-action="audit"]')!.textContent).toBe("审核工作簿");
  await pane.audit();
  expect(root.querySelector('[data-action="audit"]')!.textContent).toBe("重新审核");
  expect(status()).toBe("审核完成：表中不符 1 处：公开01 1；文字中不符 1 处：情况说明 1。疑点 1，尾差 3，提示 1。");
  expect(counts(cell("公开01"))).toEqual(["1", "0", "0", "0"]);
  expect(counts(cell("公开03"))).toEqual(["0", "1", "2", "0"]);
  expect(counts(cell("公开05"))).toEqual(["0", "0", "1", "0"]);
  expect(cell("公开03").textContent).toBe("公开03疑点 1尾差 2");
  expect(cell("公开02").textContent).toBe("公开02缺表");
  expect(cell("公开02").getAttribute("data-missing")).toBe("true");
  // No narrative in the (empty) snapshot, but findings about it: it shows them (缺表 only when nothing was reported).
  expect(counts(cell("情况说明"))).toEqual(["1", "0", "0", "0"]);
  expect(cell("情况说明").textContent).toBe("情况说明不符 1");
  expect(cell("绩效").textContent).toBe("绩效未见");
  expect(root.querySelectorAll("[data-table-status]").length).toBe(11);
  expect(root.querySelector(".jp-checks")!.textContent).toBe("检查项 120 项，通过 113 项，未审核 0 项");
  expect(root.getAttribute("data-state")).toBe("done");
});

test("only the narrative disagrees: the line says the tables have no 不符", async () => {
  const { pane, status } = mount(new FakeHost(), FINDINGS.filter((f) => f.rule !== "T01.2"));
  await pane.audit();
  expect(status()).toBe("审核完成：已找到的 3 张表无不符；不符 1 处都在文字中：情况说明 1。疑点 1，尾差 3，提示 1。");
});

test("不符 first, then 疑点, 尾差, 提示; a 尾差's echoes folded under their cause, even from another table", async () => {
  const { root, pane, items, shown } = mount(new FakeHost());
  await pane.audit();
  expect(Array.prototype.map.call(root.querySelectorAll(".jp-sev-title"), (h: HTMLElement) => h.textContent)).toEqual(["不符2", "疑点1", "尾差3", "提示1"]);
  expect(items().map((li) => li.getAttribute("data-index"))).toEqual(["1", "6", "4", "2", "0", "3", "5"]);
  expect(shown().map((li) => li.getAttribute("data-index"))).toEqual(["1", "6", "4", "2", "5"]);
  const fold = root.querySelector('.jp-consequences[data-root="2"] .jp-fold') as HTMLButtonElement;
  expect(fold.textContent).toBe("连带尾差 2 处");
  expect(fold.getAttribute("aria-expanded")).toBe("false");
  fold.click();
  expect(shown().map((li) => li.getAttribute("data-index"))).toEqual(["1", "6", "4", "2", "0", "3", "5"]);
  const cause = items()[3];
  expect(cause.querySelector(".jp-figs")!.textContent).toBe("报表数10.01计算数10.00差额0.01允许误差0.02");
  expect(cause.querySelector(".jp-related")!.textContent).toBe("相关单元格：公开03表!D10:D11、E10:F10");
  expect(items()[1].querySelector(".jp-figs")!.textContent).toBe("文中数100应为数0差额0.01允许误差0.02");
  expect(items()[2].querySelector(".jp-figs")!.textContent).toBe("报表数66.89");
  expect(items()[5].querySelector(".jp-cause")).toBeNull();
});

test("a board cell filters the list to its table (mouse and keyboard); the chip or a second click shows all", async () => {
  const { root, pane, items, cell } = mount(new FakeHost());
  await pane.audit();
  cell("公开05").click();
  expect(items().map((li) => li.getAttribute("data-index"))).toEqual(["3"]);
  expect(cell("公开05").getAttribute("aria-pressed")).toBe("true");
  expect((root.querySelector("[data-filter-table]") as HTMLElement).textContent).toBe("只看 公开05 ✕");
  (root.querySelector('[data-action="clear-table"]') as HTMLElement).click();
  expect(items().length).toBe(FINDINGS.length);
  // One tab stop on the board; arrows move, Enter picks.
  expect(root.querySelectorAll('[data-table-status][tabindex="0"]').length).toBe(1);
  cell("公开01").focus();
  cell("公开01").dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
  expect(document.activeElement).toBe(cell("公开02"));
  cell("公开02").dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
  expect(document.activeElement).toBe(cell("公开06"));
  cell("公开03").click();
  expect(items().map((li) => li.getAttribute("data-index"))).toEqual(["4", "2", "0"]);
  cell("公开03").click();
  expect(items().length).toBe(FINDINGS.length);
});

test("按结果筛选 by severity", async () => {
  const { root, pane, items } = mount(new FakeHost());
  await pane.audit();
  expect(root.querySelector(".jp-filter-label")!.textContent).toBe("按结果筛选：");
  const tail = root.querySelector('[data-filter-severity="tail"]') as HTMLInputElement;
  tail.checked = false;
  tail.onchange!(new Event("change"));
  expect(items().map((li) => li.getAttribute("data-severity"))).toEqual(["error", "error", "warning", "info"]);
});

test("click and keyboard take the user to the cell; the list is one tab stop, arrows move", async () => {
  const host = new FakeHost();
  const { root, pane, shown } = mount(host);
  await pane.audit();
  expect(root.querySelectorAll('.jp-results .jp-item[tabindex="0"]').length).toBe(1);
  shown()[0].click();
  await flush();
  expect(host.selected).toEqual([["公开01表", "B8"]]);
  expect(shown()[0].className).toContain("jp-current");
  shown()[1].focus();
  shown()[1].dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
  expect(document.activeElement).toBe(shown()[2]);
  expect(shown()[2].getAttribute("tabindex")).toBe("0");
  expect(shown()[1].getAttribute("tabindex")).toBe("-1");
  // The current card's own buttons are reachable by Tab, the other cards' are not.
  expect(shown()[2].querySelector('[data-action="ignore"]')!.getAttribute("tabindex")).toBe("0");
  expect(shown()[1].querySelector('[data-action="ignore"]')!.getAttribute("tabindex")).toBe("-1");
  shown()[2].dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  await flush();
  expect(host.selected[1]).toEqual(["公开03表", "E10"]);
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

test("flags only when asked: 标记单元格 writes them, a one-line notice with a clear button stays until they are cleared", async () => {
  const host = new FakeHost();
  const { root, pane, click } = mount(host);
  await pane.audit();
  expect(host.flagged).toEqual([]);
  const notice = root.querySelector("[data-flags-notice]") as HTMLElement;
  expect(notice.style.display).toBe("none");
  click('.jp-toolbar [data-action="flag"]');
  await flush();
  expect(host.flagged.length).toBe(1);
  expect(host.flagged[0].length).toBe(FINDINGS.length);
  expect(notice.style.display).toBe("");
  expect(notice.textContent).toBe("工作簿上有审核标记，保存或报送前请清除。清除标记");
  // A 重新审核 keeps flags in step with the result.
  await pane.audit();
  expect(host.flagged.length).toBe(2);
  click('[data-flags-notice] [data-action="clear-flags"]');
  await flush();
  expect(host.cleared).toBe(1);
  expect(notice.style.display).toBe("none");
  expect(root.querySelector(".jp-status")!.textContent).toBe("已清除标记（7 处）。");
  await pane.audit();
  expect(host.flagged.length).toBe(2);
});

test("清除标记 with protected sheets: the others are cleared, the pane names what is left and keeps the notice", async () => {
  const host = new FakeHost() as FakeHost & { clearFlagsReport?: () => Promise<ClearOutcome> };
  host.clearFlagsReport = async () => ({
    cleared: 5,
    notCleared: [{ sheet: "公开05表", reason: "工作表受保护" }],
    problem: "以下工作表的标记未能清除：公开05表（工作表受保护）。撤销保护后再点「清除标记」。",
  });
  const { root, pane, click } = mount(host);
  await pane.audit();
  click('.jp-toolbar [data-action="flag"]');
  await flush();
  const notice = root.querySelector("[data-flags-notice]") as HTMLElement;
  click('[data-flags-notice] [data-action="clear-flags"]');
  await flush();
  expect(host.cleared).toBe(0);
  expect(notice.style.display).toBe("");
  const status = root.querySelector(".jp-status")!;
  expect(status.textContent).toBe("已清除标记（5 处）。以下工作表的标记未能清除：公开05表（工作表受保护）。撤销保护后再点「清除标记」。");
  expect(status.className).toContain("warning");
});

test("the setting 审核后自动标记单元格, stored by the host, flags after every audit", async () => {
  const host = new FakeHost();
  host.settings = { autoFlag: true };
  const { root, pane } = mount(host);
  await flush();
  expect((root.querySelector('[data-option="auto-flag"]') as HTMLInputElement).checked).toBe(true);
  await pane.audit();
  expect(host.flagged.length).toBe(1);
  const box = root.querySelector('[data-option="auto-flag"]') as HTMLInputElement;
  box.checked = false;
  box.onchange!(new Event("change"));
  expect(host.settings.autoFlag).toBe(false);
  expect(root.querySelector('[data-option="notes"]')!.parentElement!.textContent).toContain("需要 ExcelApi 1.18：Microsoft 365 或 Excel 网页版");
  expect(Array.prototype.map.call(root.querySelectorAll("[data-legend-kind]"), (e: HTMLElement) => e.textContent)).toEqual(["不符", "疑点", "尾差", "相关单元格"]);
});

test("忽略 needs a reason; the finding leaves counts, board and flags, stays listed under 已复核 and stays ignored after 重新审核", async () => {
  const host = new FakeHost();
  const { root, pane, items, cell, status } = mount(host);
  await pane.audit();
  await pane.flag();
  const target = () => root.querySelector('.jp-results [data-index="1"]') as HTMLElement;
  (target().querySelector('[data-action="ignore"]') as HTMLElement).click();
  const form = target().querySelector('[data-review-form="忽略"]') as HTMLElement;
  expect(form).not.toBeNull();
  (form.querySelector('[data-action="review-ok"]') as HTMLElement).click();
  expect(form.querySelector(".jp-review-error")!.textContent).toContain("请写明忽略的原因");
  expect(host.marks).toEqual([]);
  (form.querySelector("input") as HTMLInputElement).value = "上级批复口径";
  (form.querySelector('[data-action="review-ok"]') as HTMLElement).click();
  await flush();
  await flush();
  expect(host.marks.map((m) => [m.status, m.note, m.rule])).toEqual([["忽略", "上级批复口径", "T01.2"]]);
  expect(items().map((li) => li.getAttribute("data-index"))).not.toContain("1");
  expect(counts(cell("公开01"))).toEqual(["0", "0", "0", "0"]);
  expect(cell("公开01").textContent).toBe("公开01通过");
  expect(status()).toContain("已复核 1");
  const lastFlags = host.flagged[host.flagged.length - 1];
  expect(lastFlags.map((f) => f.rule)).not.toContain("T01.2");
  expect(lastFlags.length).toBe(FINDINGS.length - 1);
  const reviewed = root.querySelector(".jp-reviewed") as HTMLElement;
  expect(reviewed.querySelector(".jp-fold")!.textContent).toBe("已复核 1 条（不计入数目，不标记）");
  expect(reviewed.querySelector(".jp-review-mark")!.textContent).toBe("已忽略：上级批复口径");

  await pane.audit();
  expect(items().map((li) => li.getAttribute("data-index"))).not.toContain("1");
  expect(host.flagged[host.flagged.length - 1].map((f) => f.rule)).not.toContain("T01.2");
  await pane.exportReport();
  expect(host.exported!.length).toBe(1);

  (reviewed.querySelector('[data-action="unreview"]') as HTMLElement).click();
  await flush();
  await flush();
  expect(host.marks).toEqual([]);
  expect(items().map((li) => li.getAttribute("data-index"))).toContain("1");
  expect(counts(cell("公开01"))).toEqual(["1", "0", "0", "0"]);
});

test("keyboard: after 忽略 by Enter in the reason box, focus goes to the card now in its place", async () => {
  const host = new FakeHost();
  const { pane, shown } = mount(host);
  await pane.audit();
  const li = shown()[0];
  expect(li.getAttribute("data-index")).toBe("1");
  (li.querySelector('[data-action="ignore"]') as HTMLElement).click();
  const input = li.querySelector("[data-review-form] input") as HTMLInputElement;
  expect(document.activeElement).toBe(input);
  input.value = "已与财政核对";
  input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  await flush();
  await flush();
  expect(host.marks.length).toBe(1);
  expect((document.activeElement as HTMLElement).getAttribute("data-index")).toBe("6");
  expect((document.activeElement as HTMLElement).getAttribute("tabindex")).toBe("0");
});

test("已核实 takes an optional note", async () => {
  const host = new FakeHost();
  const { root, pane } = mount(host);
  await pane.audit();
  const li = root.querySelector('.jp-results [data-index="4"]') as HTMLElement;
  (li.querySelector('[data-action="verify"]') as HTMLElement).click();
  (li.querySelector('[data-action="review-ok"]') as HTMLElement).click();
  await flush();
  await flush();
  expect(host.marks.map((m) => [m.status, m.note])).toEqual([["已核实", ""]]);
});

test("pasted text without recognisable section headings is refused, with the reason; with headings it is checked, and said so", async () => {
  const seen: AuditOptions[] = [];
  const { root, pane, status } = mount(new FakeHost(), FINDINGS, seen);
  await pane.audit();
  const input = root.querySelector("[data-narrative-input]") as HTMLTextAreaElement;
  input.value = "本单位2024年度收入合计100.00万元。";
  (root.querySelector('[data-action="check-narrative"]') as HTMLElement).click();
  await flush();
  const refused = root.querySelector("[data-narrative-refused]") as HTMLElement;
  expect(refused.style.display).toBe("");
  expect(refused.textContent).toContain("没有认得出的情况说明小标题");
  expect(seen.length).toBe(1);
  input.value = "一、收入支出决算总体情况说明\n2024年度收入总计100.00万元。\n";
  (root.querySelector('[data-action="check-narrative"]') as HTMLElement).click();
  await flush();
  await flush();
  expect(seen.length).toBe(2);
  expect(seen[1].narrative).toBe(input.value);
  expect(refused.style.display).toBe("none");
  expect(status()).toContain("情况说明按粘贴的文字核对");
  // Still used by the next 重新审核, and still said; the button goes back to the workbook's text.
  await pane.audit();
  expect(seen[2].narrative).toBe(input.value);
  expect(status()).toContain("情况说明按粘贴的文字核对");
  const back = root.querySelector('[data-action="narrative-workbook"]') as HTMLElement;
  expect(back.style.display).toBe("");
  back.click();
  await flush();
  await flush();
  expect(seen[3]).toEqual({});
  expect(status()).not.toContain("粘贴");
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
  await pane.flag();
  expect(items().length).toBe(FINDINGS.length);
  const status = root.querySelector(".jp-status")!;
  expect(status.className).toBe("jp-status jp-status-warning");
  expect(status.textContent).toContain("审核结果仍列在任务窗格中");
  expect((root.querySelector("[data-flags-notice]") as HTMLElement).style.display).toBe("none");
});

test("a failed read is reported, not thrown", async () => {
  const host = new FakeHost();
  host.readError = new Error("网络中断");
  const { root, pane } = mount(host);
  await pane.audit();
  expect(root.querySelector(".jp-status")!.textContent).toBe("审核未完成：网络中断");
  expect(root.getAttribute("data-state")).toBe("done");
});

test("导出报告 goes to the host with the review marks; export waits for a result", async () => {
  const host = new FakeHost();
  const { root, pane } = mount(host);
  const exportBtn = root.querySelector('[data-action="export"]') as HTMLButtonElement;
  expect(exportBtn.disabled).toBe(true);
  await pane.audit();
  expect(exportBtn.disabled).toBe(false);
  await pane.exportReport();
  expect(host.exported).toEqual([]);
  expect(root.querySelector(".jp-status")!.textContent).toBe("已生成工作表「审核报告」，共 7 条。");
});

test("未审核: counted on the board and listed, folded, by table and cause", async () => {
  const nc = (rule: string, table: string | null, reason: NotChecked["reason"], detail: string): NotChecked => ({ rule, table, reason, detail, cells: [] });
  const r: AuditResult = {
    ...result(FINDINGS),
    notChecked: [nc("X.4", "公开03", "缺合计行", "公开03 未找到“合计”行，未能核对：公开03 本年支出合计 = 公开01 本年支出合计"), nc("T03.2", "公开03", "缺合计行", "公开03 未找到“合计”行，未能核对：合计 = 各类之和")],
  };
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById("app") as HTMLElement;
  const pane = mountPane(root, new FakeHost(), { audit: () => r });
  await pane.audit();
  expect(root.querySelector('[data-table-status="公开03"]')!.getAttribute("data-unchecked")).toBe("2");
  expect(root.querySelector('[data-table-status="公开03"]')!.textContent).toBe("公开03疑点 1尾差 2未审核 2");
  const toggle = root.querySelector(".jp-unchecked .jp-fold") as HTMLButtonElement;
  expect(toggle.textContent).toBe("未审核 2 项（缺表、缺合计行或取数不足，未作判断，也未计为通过）");
  toggle.click();
  expect(Array.prototype.map.call(root.querySelectorAll(".jp-unchecked-item"), (li: HTMLElement) => li.textContent)).toEqual(["公开03 [缺合计行] 公开03 未找到“合计”行：X.4、T03.2（2 项）"]);
});

test("no findings: a clear all-good message", async () => {
  const { root, pane, items } = mount(new FakeHost(), []);
  await pane.audit();
  expect(items()).toEqual([]);
  expect(root.querySelector(".jp-empty")!.textContent).toBe("未发现问题：各表勾稽关系相符。");
  expect(root.querySelector(".jp-status")!.textContent).toBe("未发现问题：各表勾稽关系相符。");
});
