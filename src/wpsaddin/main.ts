/**
 * main.js of the WPS 加载项: the ribbon's callbacks, which WPS looks up by the names in ribbon.xml
 * (onLoad="ribbon.OnAddinLoad", onAction="ribbon.OnAction", getImage="ribbon.GetImage") on this page's window.
 *  - 审核工作簿 (btnJuesuanAudit): opens the task pane (taskpane.html next to this page), which audits; if the pane is
 *    open already it is shown and asked to audit again (pane.ts);
 *  - 清除标记 (btnJuesuanClear): clears every flag of ours without opening the pane (WpsHost.clearFlagsReport, the
 *    same code as the pane's button); when something stays (a protected sheet, an ignored registry) one sentence is
 *    shown with alert(), as the Excel command shows its small dialog; a clear that did everything is silent.
 */
import { WpsHost } from "../wps/wpsHost";
import { addinApi, AUDIT_REQUEST_KEY, etApplication, PANE_ID_KEY } from "./wpsGlobals";

export const AUDIT_BUTTON = "btnJuesuanAudit";
export const CLEAR_BUTTON = "btnJuesuanClear";

/** The folder this page was loaded from, for the pane's URL (works for http:// and file:// alike). */
function here(w: Window): string {
  return w.location.href.split("?")[0].split("#")[0].replace(/[^/]*$/, "");
}

export function openPane(w: Window): void {
  const api = addinApi(w);
  const id = api.PluginStorage.getItem(PANE_ID_KEY);
  const existing = typeof id === "string" && id ? api.GetTaskPane(id) : null;
  if (existing) {
    existing.Visible = true;
    api.PluginStorage.setItem(AUDIT_REQUEST_KEY, String(Date.now()));
    return;
  }
  const pane = api.CreateTaskPane(here(w) + "taskpane.html");
  api.PluginStorage.setItem(PANE_ID_KEY, String(pane.ID));
  pane.Visible = true;
}

export async function clearFromRibbon(w: Window): Promise<string | null> {
  try {
    const r = await new WpsHost(etApplication(w)).clearFlagsReport();
    return r.problem || null;
  } catch (e) {
    return (e as Error).message;
  }
}

export function makeRibbon(w: Window) {
  return {
    OnAddinLoad: function (_ribbonUI: unknown): boolean {
      return true;
    },
    OnAction: function (control: { Id?: string }): boolean {
      const id = control && control.Id;
      try {
        if (id === AUDIT_BUTTON) openPane(w);
        else if (id === CLEAR_BUTTON)
          void clearFromRibbon(w).then(function (m) {
            if (m) w.alert(m);
          });
      } catch (e) {
        w.alert((e as Error).message);
      }
      return true;
    },
    GetImage: function (control: { Id?: string }): string {
      return control && control.Id === CLEAR_BUTTON ? "images/clear-32.png" : "images/icon-32.png";
    },
  };
}

(window as unknown as { ribbon: ReturnType<typeof makeRibbon> }).ribbon = makeRibbon(window);
