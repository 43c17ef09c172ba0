/**
 * 情况说明核对 in the pane, a panel folded below the findings (issue 10 item 1): the checked text with every
 * figure marked by its result (data-narrative-status = ok | tail | warning | error), and a box to paste the text
 * from Word. Clicking a figure shows its recomputation and selects the table cell it was checked against.
 *
 * Pasted text (issue 10 item 3) is accepted only when the engine recognises section headings in it
 * (narrativeHeadings: the same recogniser the checks use); otherwise the pane says why and keeps checking the
 * workbook's own text. While pasted text is used, the panel and the pane's status line say so every time, with a
 * button back to the workbook's text (decision: it is kept for later 重新审核, but never silently).
 *
 * Keyboard: the figures are one tab stop (roving tabindex; the arrow keys move between them), not 156.
 * Plain DOM, ES5-safe (IE11 webviews): no closest(), text only via textContent.
 */
import { analyseNarrative, AuditOptions, markNarrative, NarrativeResult, narrativeHeadings, recognize, Span, WorkbookSnapshot } from "../engine";
import { AuditHost } from "../present/host";
import { splitQualified } from "../present/address";
import { button, clear, el } from "./render";

export interface NarrativeView {
  /** The audit options: { narrative } while accepted pasted text is in use, {} otherwise. */
  options(): AuditOptions;
  /** True while the pasted text, not the workbook's, is checked. */
  pasted(): boolean;
  /** Check the text against this snapshot's tables and show it marked. */
  update(snapshot: WorkbookSnapshot, made?: NarrativeResult | null): NarrativeResult | null;
  result(): NarrativeResult | null;
  spans(): Span[];
  /** Same as clicking the i-th marked figure. */
  open(i: number): void;
}

const STATUS_LABEL: { [s: string]: string } = { ok: "相符", tail: "尾差", warning: "疑点", error: "不符" };

/** "'公开05表'!C17" → { sheet: "公开05表", cell: "C17" }. */
export function parseRef(ref: string): { sheet: string; cell: string } | null {
  const q = splitQualified(ref);
  const cell = q.address.replace(/\$/g, "");
  return q.sheet && cell ? { sheet: q.sheet, cell } : null;
}

/** Why pasted text was refused, in one Chinese sentence with what to do. */
export const REFUSED =
  "未采用粘贴的文字：其中没有认得出的情况说明小标题（如「一、收入支出决算总体情况说明」「九、……“三公”经费支出决算情况说明」），无法确定各段说的是哪张表。请从 Word 复制完整的情况说明（连同各节标题）再粘贴；现仍核对工作簿中的情况说明。";

export function mountNarrativeView(box: HTMLElement, host: AuditHost, onCheck?: () => void): NarrativeView {
  clear(box);
  box.className = (box.className ? box.className + " " : "") + "jp-narr";
  const toggle = button("jp-fold jp-narr-toggle", "情况说明核对");
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("data-action", "narrative-panel");
  box.appendChild(toggle);
  const source = el("div", "jp-narr-source");
  source.setAttribute("data-narrative-source", "");
  box.appendChild(source);
  const back = button("jp-btn jp-small", "改回核对工作簿中的文字", "narrative-workbook");
  back.style.display = "none";
  box.appendChild(back);

  const body = el("div", "jp-narr-body");
  body.style.display = "none";
  box.appendChild(body);
  const legend = el("div", "jp-narr-legend");
  ["ok", "tail", "warning", "error"].forEach(function (s) {
    const k = el("span", "jp-fig", STATUS_LABEL[s]);
    k.setAttribute("data-narrative-status", s);
    legend.appendChild(k);
  });
  body.appendChild(legend);
  const view = el("div", "jp-narr-text");
  view.setAttribute("data-narrative-view", "");
  view.setAttribute("aria-label", "情况说明原文，标出了核对过的数字（方向键在数字间移动，回车查看）");
  body.appendChild(view);
  const detail = el("div", "jp-narr-detail");
  detail.setAttribute("data-narrative-detail", "");
  detail.setAttribute("aria-live", "polite");
  detail.style.display = "none";
  body.appendChild(detail);

  const input = document.createElement("textarea");
  input.className = "jp-narr-input";
  input.setAttribute("data-narrative-input", "");
  input.setAttribute("rows", "3");
  input.setAttribute("aria-label", "粘贴情况说明");
  input.setAttribute("placeholder", "从 Word 复制完整的情况说明（连同各节标题）粘贴到这里，与本工作簿的表核对");
  body.appendChild(input);
  const btn = button("jp-btn jp-small", "核对粘贴的文字", "check-narrative");
  body.appendChild(btn);
  const refusal = el("div", "jp-narr-refused");
  refusal.setAttribute("data-narrative-refused", "");
  refusal.setAttribute("role", "alert");
  refusal.style.display = "none";
  body.appendChild(refusal);

  let current: NarrativeResult | null = null;
  let spans: Span[] = [];
  let pastedText: string | null = null;
  let focusAt = 0;

  function setOpen(on: boolean): void {
    body.style.display = on ? "" : "none";
    toggle.setAttribute("aria-expanded", on ? "true" : "false");
  }
  toggle.onclick = function () {
    setOpen(body.style.display === "none");
  };

  btn.onclick = function () {
    const text = input.value;
    const heads = narrativeHeadings(text);
    if (!heads.length) {
      refusal.textContent = REFUSED;
      refusal.style.display = "";
      return;
    }
    refusal.style.display = "none";
    pastedText = text;
    if (onCheck) onCheck();
  };
  back.onclick = function () {
    pastedText = null;
    if (onCheck) onCheck();
  };

  function options(): AuditOptions {
    return pastedText !== null ? { narrative: pastedText } : {};
  }

  function render(): void {
    clear(view);
    back.style.display = pastedText !== null ? "" : "none";
    if (!current) return;
    if (current.source === "none") {
      source.textContent = "工作簿中未找到情况说明；可展开后粘贴文字核对。";
      return;
    }
    const n = { ok: 0, tail: 0, warning: 0, error: 0 } as { [k: string]: number };
    spans.forEach(function (s) {
      n[s.status]++;
    });
    const heads = current.source === "external" ? narrativeHeadings(current.text).length : 0;
    source.textContent =
      (current.source === "external" ? "正在核对：粘贴的文字（识别出 " + heads + " 节）" : "正在核对：工作簿“" + current.sheet + "”表中的文字") +
      "。数字 " + spans.length + " 个：相符 " + n.ok + "，尾差 " + n.tail + "，疑点 " + n.warning + "，不符 " + n.error + "。";
    const text = current.text;
    let at = 0;
    focusAt = Math.min(focusAt, Math.max(0, spans.length - 1));
    spans.forEach(function (s, i) {
      if (s.start > at) view.appendChild(document.createTextNode(text.slice(at, s.start)));
      const f = el("span", "jp-fig", text.slice(s.start, s.end));
      f.setAttribute("data-narrative-status", s.status);
      f.setAttribute("data-span", String(i));
      f.setAttribute("tabindex", i === focusAt ? "0" : "-1");
      f.setAttribute("role", "button");
      f.setAttribute("title", STATUS_LABEL[s.status] + (s.explain ? "：" + s.explain : ""));
      view.appendChild(f);
      at = s.end;
    });
    if (at < text.length) view.appendChild(document.createTextNode(text.slice(at)));
  }

  function figures(): HTMLElement[] {
    const list = view.querySelectorAll(".jp-fig");
    const out: HTMLElement[] = [];
    for (let k = 0; k < list.length; k++) out.push(list[k] as HTMLElement);
    return out;
  }

  function open(i: number): void {
    const s = spans[i];
    if (!s || !current) return;
    setOpen(true);
    clear(detail);
    detail.style.display = "";
    detail.setAttribute("data-narrative-status", s.status);
    detail.appendChild(el("div", "jp-narr-detail-head", STATUS_LABEL[s.status] + "：" + current.text.slice(s.start, s.end)));
    detail.appendChild(el("div", "jp-narr-detail-msg", s.explain || ""));
    const refs = s.related || [];
    if (refs.length) detail.appendChild(el("div", "jp-narr-detail-refs", "核对单元格：" + refs.join("、")));
    figures().forEach(function (m) {
      const on = m.getAttribute("data-span") === String(i);
      m.className = on ? "jp-fig jp-fig-current" : "jp-fig";
      m.setAttribute("tabindex", on ? "0" : "-1");
    });
    focusAt = i;
    const target = refs.length ? parseRef(refs[0]) : s.cell ? { sheet: s.cell.sheet, cell: s.cell.addr } : null;
    if (target)
      host.select(target.sheet, target.cell).catch(function (e) {
        detail.appendChild(el("div", "jp-narr-detail-error", "无法定位到 " + target.sheet + "!" + target.cell + "：" + ((e && e.message) || String(e))));
      });
  }

  function spanOf(node: Node | null): number {
    while (node && node !== view) {
      if (node.nodeType === 1 && (node as HTMLElement).getAttribute("data-span") !== null) return Number((node as HTMLElement).getAttribute("data-span"));
      node = node.parentNode;
    }
    return -1;
  }

  view.onclick = function (e: MouseEvent) {
    const i = spanOf(e.target as Node);
    if (i >= 0) open(i);
  };
  view.onkeydown = function (e: KeyboardEvent) {
    const key = e.key || "";
    const i = spanOf(e.target as Node);
    if (i < 0) return;
    if (key === "Enter" || key === " " || key === "Spacebar") {
      e.preventDefault();
      open(i);
      return;
    }
    const step: { [k: string]: number } = { ArrowRight: 1, Right: 1, ArrowDown: 1, Down: 1, ArrowLeft: -1, Left: -1, ArrowUp: -1, Up: -1 };
    if (!(key in step)) return;
    e.preventDefault();
    const all = figures();
    const to = Math.max(0, Math.min(all.length - 1, i + step[key]));
    all[i].setAttribute("tabindex", "-1");
    all[to].setAttribute("tabindex", "0");
    all[to].focus();
    focusAt = to;
  };

  /** `made` is the analysis the audit already did (auditWithNarrative); without it the text is analysed here. */
  function update(snapshot: WorkbookSnapshot, made?: NarrativeResult | null): NarrativeResult | null {
    try {
      current = made || analyseNarrative(recognize(snapshot), snapshot, options());
      spans = markNarrative(current);
    } catch (e) {
      current = null;
      spans = [];
      source.textContent = "情况说明核对未完成：" + ((e && (e as Error).message) || String(e));
    }
    detail.style.display = "none";
    render();
    return current;
  }

  return {
    options: options,
    pasted: function () {
      return pastedText !== null;
    },
    update: update,
    result: function () {
      return current;
    },
    spans: function () {
      return spans;
    },
    open: open,
  };
}
