/**
 * 「上年决算文件」 in the pane (issue 12 item 1): the user picks last year's document from disk (.xlsx/.xls); it is read
 * by a module the pane's entry loads on demand (PaneDeps.previous: src/io/previousYear.ts with import(), so SheetJS,
 * the zip guard and the comparison rules are a chunk of their own), and every later audit runs with it, so the PY.*
 * findings show with last year's figures. A host whose entry gives no loader (WPS) shows no button.
 *
 * Decisions (the issue is silent):
 * - Picking the file re-runs the audit at once; 重新审核 keeps comparing with it until another file is picked.
 * - A file that cannot be read leaves everything as it was (this year's audit, and an earlier good 上年文件 if
 *   any) and says so in one sentence next to the button; the status line is not touched.
 * - Only workbooks: last year's PDF waits for the pane's PDF reader (the CLI takes .pdf).
 */
import { AuditOptions, AuditResult, WorkbookSnapshot } from "../engine";
import { el } from "./render";

type AuditFn = (snapshot: WorkbookSnapshot, options?: AuditOptions) => AuditResult;

/** What src/io/previousYear.ts exports (the pane may not import src/io: layers.json). */
export interface PreviousReader {
  readPrevious(bytes: ArrayBuffer, name: string): Promise<{ snapshot: WorkbookSnapshot; name: string }>;
  auditWithPreviousYear(snapshot: WorkbookSnapshot, options: AuditOptions): AuditResult;
}

export interface PreviousYear {
  /** Reads last year's document (the file input calls this); resolves true when it is in use. */
  load(bytes: ArrayBuffer, name: string): Promise<boolean>;
  /** The audit to run: with last year's document once one is loaded, else `plain`. */
  audit(plain: AuditFn, snapshot: WorkbookSnapshot, options: AuditOptions): AuditResult;
}

/**
 * The button, the file's name and the reading; `loaded` runs after a file is in use (the pane re-audits). Without
 * `chunk` the box stays empty and the audit is the plain one.
 */
export function mountPrevious(box: HTMLElement, chunk: (() => Promise<PreviousReader>) | undefined, loaded: () => void): PreviousYear {
  box.className = "jp-previous";
  if (!chunk) {
    box.style.display = "none";
    return {
      load: function () {
        return Promise.resolve(false);
      },
      audit: function (plain, snapshot, options) {
        return plain(snapshot, options);
      },
    };
  }
  const loadChunk = chunk;
  const label = el("label", "jp-btn jp-small jp-previous-pick");
  const input = document.createElement("input");
  input.type = "file";
  input.accept = ".xlsx,.xls";
  input.className = "jp-sr";
  input.setAttribute("data-action", "previous");
  label.appendChild(input);
  label.appendChild(document.createTextNode("上年决算文件"));
  const info = el("span", "jp-previous-name", "未选择：上年数只与本年文字核对");
  box.appendChild(label);
  box.appendChild(info);

  let using: { snapshot: WorkbookSnapshot; name: string } | null = null;
  let run: PreviousReader["auditWithPreviousYear"] | null = null;

  function say(text: string, bad: boolean): void {
    info.textContent = text;
    info.className = "jp-previous-name" + (bad ? " jp-status-error" : "");
  }

  function load(bytes: ArrayBuffer, name: string): Promise<boolean> {
    say("正在读取上年文件「" + name + "」…", false);
    return loadChunk()
      .then(function (m) {
        return m.readPrevious(bytes, name).then(function (doc) {
          using = doc;
          run = m.auditWithPreviousYear;
          say("上年文件：" + name, false);
          loaded();
          return true;
        });
      })
      .catch(function (e) {
        const why = (e && (e as Error).message) || String(e);
        say("无法读取上年文件「" + name + "」：" + why + "。本年的审核结果不变" + (using ? "，仍与「" + using.name + "」对比" : "") + "。", true);
        return false;
      });
  }

  input.onchange = function () {
    const file = input.files && input.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = function () {
      void load(reader.result as ArrayBuffer, file.name);
    };
    reader.onerror = function () {
      say("无法读取上年文件「" + file.name + "」：文件读取失败。本年的审核结果不变。", true);
    };
    reader.readAsArrayBuffer(file);
    input.value = "";
  };

  return {
    load: load,
    audit: function (plain, snapshot, options) {
      if (!using || !run) return plain(snapshot, options);
      return run(snapshot, { ...options, previous: using });
    },
  };
}
