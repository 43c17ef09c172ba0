/** DOM building for the pane: summary, filters and the findings list. Text always goes in through textContent. */
import { AuditResult, Finding, NotChecked, Severity, TABLE_IDS, TableStats } from "../engine";
import { qualify } from "../present/address";
import { countBySeverity, Group } from "../present/groups";
import { SEVERITY_LABEL, SEVERITY_ORDER } from "../present/labels";
import { groupUnchecked, uncheckedText } from "../present/unchecked";
import { S } from "./labels";

export function el(tag: string, className?: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function clear(node: HTMLElement): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function renderSummary(box: HTMLElement, result: AuditResult): void {
  clear(box);
  const n = countBySeverity(result.findings);
  const counts = el("div", "jp-counts");
  SEVERITY_ORDER.forEach(function (sev) {
    const c = el("span", "jp-count jp-sev-" + sev);
    c.setAttribute("data-count", sev);
    c.appendChild(el("span", "jp-count-label", SEVERITY_LABEL[sev]));
    c.appendChild(el("b", "jp-count-n", String(n[sev])));
    counts.appendChild(c);
  });
  box.appendChild(counts);

  const notChecked = result.notChecked || [];
  const checks = el("div", "jp-checks", S.checks + " " + result.summary.checks + " 项，通过 " + result.summary.passed + " 项，" + S.notChecked + " " + notChecked.length + " 项");
  checks.setAttribute("data-not-checked", String(notChecked.length));
  box.appendChild(checks);
  if (notChecked.length) box.appendChild(uncheckedBox(notChecked));

  const tables = el("div", "jp-tables");
  tables.appendChild(el("span", "jp-tables-label", S.tablesFound + "："));
  const found: { [id: string]: string } = {};
  result.tables.forEach(function (t) {
    found[t.id] = t.sheet;
  });
  const stats: { [id: string]: TableStats } = {};
  (result.tableStats || []).forEach(function (t) {
    stats[t.table] = t;
  });
  TABLE_IDS.forEach(function (id) {
    const chip = el("span", found[id] ? "jp-chip jp-chip-found" : "jp-chip jp-chip-missing", id.replace("公开", ""));
    chip.setAttribute("title", (found[id] ? id + "：工作表「" + found[id] + "」" : id + "：" + S.tablesMissing) + statsText(stats[id]));
    if (stats[id] && stats[id].notChecked) chip.className += " jp-chip-unchecked";
    chip.setAttribute("data-table", id);
    chip.setAttribute("data-found", found[id] ? "true" : "false");
    tables.appendChild(chip);
  });
  box.appendChild(tables);
  if (result.missing.length) box.appendChild(el("div", "jp-missing", S.tablesMissing + "：" + result.missing.join("、")));
  if (result.unit) box.appendChild(el("div", "jp-unit", "单位：" + result.unit));
}

/** "；通过 135，有结果 5，未审核 0" for a table chip's tooltip. */
function statsText(t: TableStats | undefined): string {
  return t ? "；通过 " + t.passed + "，有结果 " + t.withFindings + "，" + S.notChecked + " " + t.notChecked : "";
}

/**
 * The 未审核 checks: a button that opens a short list, one line per table, reason and absence (present/unchecked).
 * A plain toggle, not <details>, which IE11 (Office 2016/2019) does not support.
 */
function uncheckedBox(list: NotChecked[]): HTMLElement {
  const box = el("div", "jp-unchecked");
  const toggle = el("button", "jp-unchecked-toggle", S.notChecked + " " + list.length + " 项" + S.notCheckedWhy);
  toggle.setAttribute("type", "button");
  toggle.setAttribute("aria-expanded", "false");
  const ul = el("ul", "jp-unchecked-list");
  ul.style.display = "none";
  groupUnchecked(list).forEach(function (g) {
    const li = el("li", "jp-unchecked-item", uncheckedText(g));
    li.setAttribute("data-reason", g.reason);
    li.setAttribute("data-table", g.table);
    ul.appendChild(li);
  });
  toggle.onclick = function () {
    const open = ul.style.display === "none";
    ul.style.display = open ? "" : "none";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  };
  box.appendChild(toggle);
  box.appendChild(ul);
  return box;
}

/** The table <select>: 全部表 plus the tables that have findings, keeping the current choice when possible. */
export function renderTableOptions(select: HTMLSelectElement, groups: string[], current: string): void {
  while (select.options.length) select.remove(0);
  const all = document.createElement("option");
  all.value = "";
  all.text = S.filterAll;
  select.add(all);
  groups.forEach(function (t) {
    const o = document.createElement("option");
    o.value = t;
    o.text = t;
    select.add(o);
  });
  select.value = groups.indexOf(current) >= 0 ? current : "";
}

function figure(dl: HTMLElement, label: string, value: string | null): void {
  if (value === null || value === undefined) return;
  dl.appendChild(el("dt", undefined, label));
  dl.appendChild(el("dd", undefined, value));
}

export function findingItem(f: Finding, index: number, echo: boolean, echoes: number): HTMLElement {
  const li = el("li", "jp-item" + (echo ? " jp-echo" : ""));
  li.setAttribute("data-severity", f.severity);
  li.setAttribute("data-index", String(index));
  li.setAttribute("tabindex", "0");
  li.setAttribute("role", "button");
  const where = f.cell ? qualify(f.sheet, f.cell) : f.sheet;
  li.setAttribute("aria-label", SEVERITY_LABEL[f.severity] + " " + f.rule + " " + where + "：" + f.message);

  const head = el("div", "jp-item-head");
  head.appendChild(el("span", "jp-badge jp-sev-" + f.severity, SEVERITY_LABEL[f.severity]));
  head.appendChild(el("span", "jp-where", f.cell ? f.sheet + "!" + f.cell : f.sheet));
  head.appendChild(el("span", "jp-rule", f.rule));
  li.appendChild(head);
  li.appendChild(el("div", "jp-msg", f.message));

  const dl = el("dl", "jp-figs");
  figure(dl, S.expected, f.expected);
  figure(dl, S.actual, f.actual);
  figure(dl, S.difference, f.difference);
  figure(dl, S.tolerance, f.tolerance);
  if (dl.firstChild) li.appendChild(dl);

  if (f.cause) li.appendChild(el("div", "jp-cause", S.cause + "：" + f.cause));
  if (echoes) li.appendChild(el("div", "jp-echo-count", (f.severity === "tail" ? S.echoes : S.consequences) + " " + echoes + " 处（列在下方）"));
  if (f.excerpt) li.appendChild(el("blockquote", "jp-excerpt", f.excerpt));
  if (f.related && f.related.length) li.appendChild(el("div", "jp-related", S.related + "：" + f.related.join("，")));
  return li;
}

export function renderGroups(box: HTMLElement, groups: Group[], findings: Finding[]): void {
  clear(box);
  groups.forEach(function (g) {
    const section = el("section", "jp-group");
    section.setAttribute("data-table", g.table);
    const h = el("h2", "jp-group-title", g.table);
    h.appendChild(el("span", "jp-group-n", String(g.rows.length)));
    section.appendChild(h);
    const ul = el("ul", "jp-list");
    g.rows.forEach(function (r) {
      ul.appendChild(findingItem(findings[r.index], r.index, r.echo, r.echoes.length));
    });
    section.appendChild(ul);
    box.appendChild(section);
  });
}

export function severityLabel(s: Severity): string {
  return SEVERITY_LABEL[s];
}
