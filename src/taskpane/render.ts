/** DOM building for the pane: the finding cards, the list in clusters, the 未审核 box. Text always goes in through textContent. */
import { AuditResult, Finding, NotChecked } from "../engine";
import { qualify } from "../present/address";
import { SEVERITY_LABEL, figureWords } from "../present/labels";
import { groupUnchecked, uncheckedText } from "../present/unchecked";
import { S } from "./labels";
import { Cluster } from "./order";
import { compactRefs } from "./refs";

export function el(tag: string, className?: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function clear(node: HTMLElement): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function button(className: string, text: string, action?: string): HTMLButtonElement {
  const b = el("button", className, text) as HTMLButtonElement;
  b.type = "button";
  if (action) b.setAttribute("data-action", action);
  return b;
}

/** A hidden list under a toggle button (not <details>, which IE11 lacks); returns the box, the list goes in `body`. */
export function foldable(className: string, title: string, body: HTMLElement, open: boolean): HTMLElement {
  const box = el("div", className);
  const toggle = button("jp-fold", title);
  toggle.setAttribute("aria-expanded", open ? "true" : "false");
  body.style.display = open ? "" : "none";
  toggle.onclick = function () {
    const now = body.style.display === "none";
    body.style.display = now ? "" : "none";
    toggle.setAttribute("aria-expanded", now ? "true" : "false");
  };
  box.appendChild(toggle);
  box.appendChild(body);
  return box;
}

/** The 未审核 checks: one line per table, reason and absence (present/unchecked), folded. */
export function uncheckedBox(list: NotChecked[]): HTMLElement {
  const ul = el("ul", "jp-unchecked-list");
  groupUnchecked(list).forEach(function (g) {
    const li = el("li", "jp-unchecked-item", uncheckedText(g));
    li.setAttribute("data-reason", g.reason);
    li.setAttribute("data-table", g.table);
    ul.appendChild(li);
  });
  return foldable("jp-unchecked", S.notChecked + " " + list.length + " 项" + S.notCheckedWhy, ul, false);
}

/** A label and its value kept on one line (white-space: nowrap): 允许误差 never splits from 0.03 at 350 px. */
function pair(box: HTMLElement, label: string, value: string | null | undefined): void {
  if (value === null || value === undefined || value === "") return;
  const p = el("span", "jp-pair");
  p.appendChild(el("span", "jp-pair-label", label));
  p.appendChild(el("span", "jp-pair-value", value));
  box.appendChild(p);
}

export interface ReviewInfo {
  status: string;
  note: string;
}

/**
 * One finding as a compact card. `review` set: the card of the 已复核 list (mark, note, 撤销). Every card is one
 * tab stop at most (the list's roving tabindex, pane.ts); its buttons follow it.
 */
export function findingItem(f: Finding, index: number, consequence: boolean, review: ReviewInfo | null): HTMLElement {
  const li = el("li", "jp-item" + (consequence ? " jp-echo" : ""));
  li.setAttribute("data-severity", f.severity);
  li.setAttribute("data-index", String(index));
  li.setAttribute("tabindex", "-1");
  const where = f.cell ? qualify(f.sheet, f.cell) : f.sheet;
  li.setAttribute("aria-label", SEVERITY_LABEL[f.severity] + " " + f.rule + " " + where + "：" + f.message);

  const head = el("div", "jp-item-head");
  head.appendChild(el("span", "jp-badge jp-sev-" + f.severity, SEVERITY_LABEL[f.severity]));
  head.appendChild(el("span", "jp-where", f.cell ? f.sheet + "!" + f.cell : f.sheet));
  head.appendChild(el("span", "jp-rule", f.rule));
  li.appendChild(head);
  li.appendChild(el("div", "jp-msg", f.message));

  const figs = el("div", "jp-figs");
  const words = figureWords(f);
  pair(figs, words.actual, f.actual);
  pair(figs, words.expected, f.expected);
  pair(figs, S.difference, f.difference);
  pair(figs, S.tolerance, f.tolerance);
  if (figs.firstChild) li.appendChild(figs);

  if (f.cause && !consequence) li.appendChild(el("div", "jp-cause", S.cause + "：" + String(f.cause)));
  // The quoted text is a tooltip, not a block: the message already quotes what matters (compact cards).
  if (f.excerpt) li.setAttribute("title", "原文：" + f.excerpt);

  // Last line: 相关单元格 as ranges, and the review actions at its right.
  const foot = el("div", "jp-foot");
  foot.appendChild(el("span", "jp-related", f.related && f.related.length ? S.related + "：" + compactRefs(f.related, f.sheet).join("、") : ""));
  li.appendChild(foot);
  const actions = el("span", "jp-actions");
  if (review) {
    li.setAttribute("data-review", review.status);
    actions.appendChild(el("span", "jp-review-mark", review.status + (review.note ? "：" + review.note : "")));
    actions.appendChild(button("jp-link", S.undo, "unreview"));
  } else {
    actions.appendChild(button("jp-link", S.verify, "verify"));
    actions.appendChild(button("jp-link", S.ignore, "ignore"));
  }
  foot.appendChild(actions);
  return li;
}

/**
 * The list: a heading per severity (不符 first), each cluster's root card and, folded under it, the findings that
 * follow from it ("由此引起 3 处" / "连带尾差 3 处").
 */
export function renderClusters(box: HTMLElement, list: Cluster[], findings: Finding[], expanded: { [root: number]: boolean }): void {
  clear(box);
  let section: HTMLElement | null = null;
  let sev = "";
  const counts: { [s: string]: number } = {};
  list.forEach(function (c) {
    counts[c.severity] = (counts[c.severity] || 0) + 1 + c.consequences.length;
  });
  list.forEach(function (c) {
    if (c.severity !== sev || !section) {
      sev = c.severity;
      const h = el("h2", "jp-sev-title jp-sev-" + sev, SEVERITY_LABEL[c.severity]);
      h.appendChild(el("span", "jp-group-n", String(counts[sev])));
      box.appendChild(h);
      section = el("ul", "jp-list");
      section.setAttribute("data-severity-group", sev);
      box.appendChild(section);
    }
    const li = findingItem(findings[c.root], c.root, false, null);
    section.appendChild(li);
    if (!c.consequences.length) return;
    const sub = el("ul", "jp-list jp-sub");
    c.consequences.forEach(function (i) {
      sub.appendChild(findingItem(findings[i], i, true, null));
    });
    const label = (findings[c.root].severity === "tail" ? S.echoes : S.consequences) + " " + c.consequences.length + " 处";
    const fold = foldable("jp-consequences", label, sub, !!expanded[c.root]);
    fold.setAttribute("data-root", String(c.root));
    li.appendChild(fold);
  });
}

/** The overview under the list: checks made, passed, 未审核 (with the folded list of reasons), the unit. */
export function renderOverview(box: HTMLElement, r: AuditResult): void {
  clear(box);
  const nc = r.notChecked || [];
  const checks = el("div", "jp-checks", S.checks + " " + r.summary.checks + " 项，通过 " + r.summary.passed + " 项，" + S.notChecked + " " + nc.length + " 项" + (r.unit ? "；单位：" + r.unit : ""));
  checks.setAttribute("data-not-checked", String(nc.length));
  box.appendChild(checks);
  if (nc.length) box.appendChild(uncheckedBox(nc));
}
