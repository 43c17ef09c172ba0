/**
 * The task pane page in WPS 表格: the same pane (src/taskpane) and engine as in Excel, given the WPS host. No
 * Office.js, no polyfills: WPS runs add-in pages in its own Chromium, so this bundle is built for ES2017
 * (webpack.wps.config.js), not ES5.
 * The ribbon's 审核工作簿 opens this page, which audits at once; pressed again while the pane is open, it writes a new
 * value under AUDIT_REQUEST_KEY in PluginStorage (shared by the add-in's pages), and the pane audits again. Decision:
 * the pane looks once a second (one PluginStorage call), because the WPS documentation names no event between an
 * add-in's pages.
 */
import { auditWithNarrative } from "../engine";
import { mountPane } from "../taskpane/pane";
import { WpsHost } from "../wps/wpsHost";
import { addinApi, AUDIT_REQUEST_KEY, etApplication } from "./wpsGlobals";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch (_e) {
    return null;
  }
}

export function start(w: Window): void {
  const root = w.document.getElementById("app") as HTMLElement;
  let host: WpsHost;
  try {
    host = new WpsHost(etApplication(w));
  } catch (e) {
    root.textContent = (e as Error).message;
    return;
  }
  const pane = mountPane(root, host, {
    audit: function (s, o) {
      return auditWithNarrative(s, o);
    },
    storage: storage(),
  });
  void pane.audit();
  let seen: unknown = null;
  try {
    seen = addinApi(w).PluginStorage.getItem(AUDIT_REQUEST_KEY);
  } catch (_e) {
    return; // no PluginStorage: the pane's own 重新审核 button still works
  }
  w.setInterval(function () {
    const now = addinApi(w).PluginStorage.getItem(AUDIT_REQUEST_KEY);
    if (now !== seen) {
      seen = now;
      void pane.audit();
    }
  }, 1000);
}

start(window);
