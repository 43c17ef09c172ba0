/**
 * The ribbon's 清除标记 (ExecuteFunction "clearFlags"): removes every flag without opening the pane.
 * It runs in its own runtime, so it learns what to clear from the registry in the document's settings (validated,
 * see excel/registry.ts) and from the sheets themselves.
 *
 * A function command has no UI of its own, and Excel offers function commands no notification API. So when
 * something is left undone — a protected sheet kept its flags, the registry was ignored, or the clear failed — it
 * opens a small dialog (Office.context.ui.displayDialogAsync) showing that one sentence: this page again, with
 * the sentence in ?message=, written with textContent. A clear that did everything completes silently.
 * The event completes when the dialog closes (or could not open), so Office never waits on us.
 */
import { officeCapabilities } from "../excel/capabilities";
import { describeOfficeError } from "../excel/errors";
import { clearFlags } from "../excel/flags";
import { clearMessage } from "../present/flagMessages";

/** The sentence to show after a clear, or null when everything was cleared. */
export async function runClear(): Promise<string | null> {
  try {
    const r = await clearFlags({ caps: officeCapabilities(), knownSheets: [], protectedSheets: {} });
    const parts: string[] = [];
    if (r.notCleared.length) parts.push(clearMessage(r.cleared, r.notCleared));
    if (r.registryProblem) parts.push(r.registryProblem);
    return parts.length ? parts.join("") : null;
  } catch (e) {
    return describeOfficeError(e, "清除标记");
  }
}

/** Shows `text` in a small dialog; resolves when it is closed or could not be opened. */
export function showMessage(text: string): Promise<void> {
  return new Promise(function (resolve) {
    const ui = Office.context && Office.context.ui;
    if (!ui || !ui.displayDialogAsync) return resolve();
    const url = window.location.href.split("?")[0].split("#")[0] + "?message=" + encodeURIComponent(text);
    try {
      ui.displayDialogAsync(url, { height: 25, width: 35, displayInIframe: true }, function (res) {
        if (String(res.status) !== "succeeded") return resolve();
        const dialog = res.value;
        const done = function (): void {
          try {
            dialog.close();
          } catch (_e) {
            // already closed by the user
          }
          resolve();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
      });
    } catch (_e) {
      resolve();
    }
  });
}

export function clearFlagsCommand(event: Office.AddinCommands.Event): void {
  runClear()
    .then(function (message) {
      return message ? showMessage(message) : undefined;
    })
    .catch(function () {
      // showMessage never rejects; nothing may keep the event from completing.
    })
    .then(function () {
      event.completed();
    });
}

/** In the dialog: show the sentence from ?message= (as text, never as HTML) and a button that closes it. */
export function renderMessagePage(doc: Document, search: string): boolean {
  const m = /[?&]message=([^&]*)/.exec(search);
  if (!m) return false;
  let text = "";
  try {
    text = decodeURIComponent(m[1]);
  } catch (_e) {
    text = "清除标记未全部完成。";
  }
  const p = doc.createElement("p");
  p.style.cssText = "font:14px/1.6 'Microsoft YaHei',sans-serif;margin:16px";
  p.textContent = text.slice(0, 2000);
  const b = doc.createElement("button");
  b.textContent = "知道了";
  b.style.cssText = "margin:0 16px";
  b.onclick = function () {
    if (Office.context.ui && Office.context.ui.messageParent) Office.context.ui.messageParent("close");
  };
  doc.body.appendChild(p);
  doc.body.appendChild(b);
  return true;
}

Office.onReady(function () {
  if (renderMessagePage(document, window.location.search)) return;
  // Office.actions.associate is the current way; older hosts look the FunctionName up as a global function.
  if (Office.actions && Office.actions.associate) Office.actions.associate("clearFlags", clearFlagsCommand);
});
(window as unknown as { clearFlags: typeof clearFlagsCommand }).clearFlags = clearFlagsCommand;
