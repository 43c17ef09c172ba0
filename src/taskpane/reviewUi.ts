/**
 * The review workflow in the pane (issue 10 item 6): each finding can be marked 已核实 (optional note) or 忽略
 * (a reason is required). Marks are kept by the host in the workbook (present/review.ts: keys that survive a
 * 重新审核 and small edits elsewhere); without host storage they last for the session. Reviewed findings leave
 * the counts, the board and the flags, and are listed apart under 已复核 with their notes, where 撤销 reopens them.
 */
import { Finding, WorkbookSnapshot } from "../engine";
import { AuditHost } from "../present/host";
import { applyReview, makeMark, ReviewMark, ReviewSplit, ReviewStatus, setMark } from "../present/review";
import { S } from "./labels";
import { button, clear, el, findingItem, foldable } from "./render";

export class Reviews {
  private marks: ReviewMark[] = [];
  private split: ReviewSplit = { open: [], reviewed: [], byIndex: [], unmatched: [] };
  private book: WorkbookSnapshot | undefined;
  private findings: Finding[] = [];

  constructor(private readonly host: AuditHost) {}

  /** Reads the marks stored in the workbook (kept in memory when the host has no storage or it fails). */
  load(): Promise<void> {
    const self = this;
    if (!this.host.loadReviewMarks) return Promise.resolve();
    return this.host.loadReviewMarks().then(
      function (m) {
        self.marks = m;
      },
      function () {
        // Unreadable storage: keep the marks of this session; the audit itself goes on.
      },
    );
  }

  /** Splits a new result into open and reviewed findings. */
  apply(findings: Finding[], book: WorkbookSnapshot | undefined): void {
    this.findings = findings;
    this.book = book;
    this.split = applyReview(findings, this.marks, book);
  }

  open(): Finding[] {
    return this.split.open;
  }

  reviewedCount(): number {
    return this.split.reviewed.length;
  }

  reviewedIndexes(): number[] {
    return this.split.reviewed.map(function (r) {
      return r.index;
    });
  }

  markOf(i: number): ReviewMark | null {
    return this.split.byIndex[i] || null;
  }

  /** Sets (status) or removes (null) the mark of findings[i] and stores the marks. */
  set(i: number, status: ReviewStatus | null, note: string): Promise<void> {
    const f = this.findings[i];
    if (!f) return Promise.resolve();
    const mark = makeMark(f, status || "已核实", note, this.book);
    this.marks = status ? setMark(this.marks, mark) : setMark(this.marks, { key: mark.key, status: null });
    this.apply(this.findings, this.book);
    return this.host.saveReviewMarks ? this.host.saveReviewMarks(this.marks) : Promise.resolve();
  }

  all(): ReviewMark[] {
    return this.marks.slice();
  }
}

/**
 * The small form under a card: a note (已核实, optional) or a reason (忽略, required), 确定 and 取消.
 * `done` gets the trimmed text.
 */
export function reviewForm(status: ReviewStatus, done: (note: string) => void, cancel: () => void): HTMLElement {
  const form = el("div", "jp-review-form");
  form.setAttribute("data-review-form", status);
  const input = document.createElement("input");
  input.type = "text";
  input.className = "jp-review-note";
  input.setAttribute("maxlength", "500");
  const ph = status === "忽略" ? "忽略的原因（必填）" : "核实说明（可不填）";
  input.setAttribute("placeholder", ph);
  input.setAttribute("aria-label", ph);
  const ok = button("jp-btn jp-small jp-primary", status === "忽略" ? S.ignore : S.verify, "review-ok");
  const no = button("jp-btn jp-small", S.cancel, "review-cancel");
  const err = el("div", "jp-review-error");
  err.setAttribute("role", "alert");
  form.appendChild(input);
  form.appendChild(ok);
  form.appendChild(no);
  form.appendChild(err);
  function submit(): void {
    const note = input.value.replace(/^\s+|\s+$/g, "");
    if (status === "忽略" && !note) {
      err.textContent = "请写明忽略的原因，它会随工作簿保存，并写入审核报告。";
      input.focus();
      return;
    }
    done(note);
  }
  ok.onclick = submit;
  no.onclick = cancel;
  input.onkeydown = function (e: KeyboardEvent) {
    if (e.key === "Enter") {
      e.preventDefault();
      submit();
    } else if (e.key === "Escape" || e.key === "Esc") cancel();
  };
  return form;
}

/** The 已复核 section: the reviewed findings with their mark and note, folded; hidden when there are none. */
export function renderReviewed(box: HTMLElement, findings: Finding[], reviews: Reviews): void {
  clear(box);
  const idx = reviews.reviewedIndexes();
  box.style.display = idx.length ? "" : "none";
  if (!idx.length) return;
  const ul = el("ul", "jp-list");
  idx.forEach(function (i) {
    const m = reviews.markOf(i);
    ul.appendChild(findingItem(findings[i], i, false, m ? { status: m.status === "忽略" ? S.ignored : S.verified, note: m.note } : null));
  });
  const fold = foldable("jp-reviewed-fold", S.reviewed + " " + idx.length + " 条（不计入数目，不标记）", ul, false);
  (fold.firstChild as HTMLElement).setAttribute("data-action", "reviewed-panel");
  box.appendChild(fold);
}
