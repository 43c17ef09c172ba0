/**
 * The WPS 加载项 globals the add-in pages use besides the ET object model, typed from the WPS JS API pages
 * (加载项 API: CreateTaskPane/GetTaskPane, PluginStorage; the ribbon's control argument with its Id). Where the
 * documentation shows them on `window.wps` in one place and on `window.Application` in another, both are tried.
 */
import { EtApplication } from "../wps/et";

export interface WpsTaskPane {
  readonly ID: string;
  Visible: boolean;
}

export interface WpsPluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: string): void;
}

export interface WpsAddinApi {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: string): WpsTaskPane | null;
  readonly PluginStorage: WpsPluginStorage;
}

type Host = { Application?: EtApplication & Partial<WpsAddinApi>; wps?: Partial<WpsAddinApi> & { EtApplication?: () => EtApplication } };

/** The ET application object of this page. */
export function etApplication(w: Window): EtApplication {
  const h = w as unknown as Host;
  const app = h.Application || (h.wps && h.wps.EtApplication ? h.wps.EtApplication() : undefined);
  if (!app) throw new Error("未在 WPS 表格中运行：请在 WPS 表格的「开始」选项卡点「审核工作簿」。");
  return app;
}

/** The add-in API (task panes, plugin storage): window.wps where present, else window.Application. */
export function addinApi(w: Window): WpsAddinApi {
  const h = w as unknown as Host;
  const api = (h.wps && h.wps.CreateTaskPane ? h.wps : h.Application) as WpsAddinApi | undefined;
  if (!api || !api.CreateTaskPane) throw new Error("此 WPS 版本没有任务窗格接口（CreateTaskPane）：请升级 WPS Office。");
  return api;
}

/** PluginStorage key: the id of our task pane, shared by the ribbon page and the pane. */
export const PANE_ID_KEY = "juesuanAudit.paneId";
/** PluginStorage key: set by 审核工作簿 when the pane is already open; the pane audits again when it changes. */
export const AUDIT_REQUEST_KEY = "juesuanAudit.auditRequest";
