/**
 * 情况说明核对 in the pane: a box to paste the text from Word (passed to the audit as options.narrative), and
 * the checked text with every figure marked by its result (data-narrative-status = ok | tail | warning | error).
 * Clicking a figure shows its recomputation and selects the table cell it was checked against through the
 * host. Plain DOM, ES5-safe (IE11 webviews): no closest(), no classList on SVG, text only via textContent.
 */
import { analyseNarrative, AuditOptions, markNarrative, NarrativeResult, recognize, Span, WorkbookSnapshot } from "../engine";
import { AuditHost } from "../present/host";
import { splitQualified } from "../present/address";
import { clear, el } from "./render";

export interface NarrativeView {
  /** The audit options from the paste box: { narrative } when text was pasted, {} otherwise. */
  options(): AuditOptions;
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

export function mountNarrativeView(box: HTMLElement, host: AuditHost, onCheck?: () => void): NarrativeView {
  clear(box);
  box.className = (box.className ? box.className + " " : "") + "jp-narr";
  box.appendChild(el("h2", "jp-narr-title", "情况说明核对"));
  const input = document.createElement("textarea");
  input.className = "jp-narr-input";
  input.setAttribute("data-narrative-input", "");
  input.setAttribute("rows", "3");
  input.setAttribute("aria-label", "粘贴情况说明");
  input.setAttribute("placeholder", "从 Word 复制情况说明粘贴到这里，与本工作簿的表核对；留空则核对工作簿中的情况说明");
  box.appendChild(input);
  const bar = el("div", "jp-narr-bar");
  const btn = document.createElement("button");
  btn.type = "button";
  btn.className = "jp-btn";
  btn.setAttribute("data-action", "check-narrative");
  btn.textContent = "核对文字";
  bar.appendChild(btn);
  const legend = el("span", "jp-narr-legend");
  ["ok", "tail", "warning", "error"].forEach(function (s) {
    const k = el("span", "jp-fig", STATUS_LABEL[s]);
    k.setAttribute("data-narrative-status", s);
    legend.appendChild(k);
  });
  bar.appendChild(legend);
  box.appendChild(bar);
  const source = el("div", "jp-narr-source");
  box.appendChild(source);
  const view = el("div", "jp-narr-text");
  view.setAttribute("data-narrative-view", "");
  box.appendChild(view);
  const detail = el("div", "jp-narr-detail");
  detail.setAttribute("data-narrative-detail", "");
  detail.setAttribute("aria-live", "polite");
  detail.style.display = "none";
  box.appendChild(detail);

  let current: NarrativeResult | null = null;
  let spans: Span[] = [];

  btn.onclick = function () {
    if (onCheck) onCheck();
  };

  function options(): AuditOptions {
    const t = input.value;
    return t && t.replace(/\s+/g, "") ? { narrative: t } : {};
  }

  function render(): void {
    clear(view);
    if (!current) return;
    if (current.source === "none") {
      source.textContent = "工作簿中未找到情况说明；可将其粘贴到上方后点“核对文字”。";
      return;
    }
    const n = { ok: 0, tail: 0, warning: 0, error: 0 } as { [k: string]: number };
    spans.forEach(function (s) {
      n[s.status]++;
    });
    source.textContent =
      (current.source === "external" ? "核对的是粘贴的文字" : "核对的是工作簿“" + current.sheet + "”表中的文字") +
      "：数字 " + spans.length + " 个，相符 " + n.ok + "，尾差 " + n.tail + "，疑点 " + n.warning + "，不符 " + n.error + "。点数字查看重算并定位到所核对的单元格。";
    const text = current.text;
    let at = 0;
    spans.forEach(function (s, i) {
      if (s.start > at) view.appendChild(document.createTextNode(text.slice(at, s.start)));
      const f = el("span", "jp-fig", text.slice(s.start, s.end));
      f.setAttribute("data-narrative-status", s.status);
      f.setAttribute("data-span", String(i));
      f.setAttribute("tabindex", "0");
      f.setAttribute("role", "button");
      f.setAttribute("title", STATUS_LABEL[s.status] + (s.explain ? "：" + s.explain : ""));
      view.appendChild(f);
      at = s.end;
    });
    if (at < text.length) view.appendChild(document.createTextNode(text.slice(at)));
  }

  function open(i: number): void {
    const s = spans[i];
    if (!s || !current) return;
    clear(detail);
    detail.style.display = "";
    detail.setAttribute("data-narrative-status", s.status);
    detail.appendChild(el("div", "jp-narr-detail-head", STATUS_LABEL[s.status] + "：" + current.text.slice(s.start, s.end)));
    detail.appendChild(el("div", "jp-narr-detail-msg", s.explain || ""));
    const refs = s.related || [];
    if (refs.length) detail.appendChild(el("div", "jp-narr-detail-refs", "核对单元格：" + refs.join("、")));
    const marked = view.querySelectorAll(".jp-fig");
    for (let k = 0; k < marked.length; k++) {
      const m = marked[k] as HTMLElement;
      m.className = m.getAttribute("data-span") === String(i) ? "jp-fig jp-fig-current" : "jp-fig";
    }
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
    if (key !== "Enter" && key !== " " && key !== "Spacebar") return;
    const i = spanOf(e.target as Node);
    if (i >= 0) {
      e.preventDefault();
      open(i);
    }
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
