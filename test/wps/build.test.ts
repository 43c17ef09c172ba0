/**
 * @jest-environment jsdom
 *
 * `npm run build:wps` yields a self-contained add-in folder and its deployment layout; ribbon.xml is valid XML whose
 * callbacks main.js defines, and main.js itself, run against the fake ET, opens the pane and clears the flags.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { auditWorkbook } from "../../src/engine";
import { EtApplication } from "../../src/wps/et";
import { WpsHost } from "../../src/wps/wpsHost";
import { fakeEt } from "./fakeEt";
import { cliSnapshot, etBookFromSnapshot } from "./sampleEt";

const ROOT = path.join(__dirname, "..", "..");
const OUT = path.join(ROOT, "dist-wps");
const ADDIN = path.join(OUT, "juesuan-audit");
const URL_ = "http://intranet.czj.local/jsaddons/juesuan-audit/";
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

beforeAll(() => {
  execFileSync("npx", ["webpack", "--config", "webpack.wps.config.js"], { cwd: ROOT, env: { ...process.env, WPS_ADDIN_URL: URL_ }, stdio: "pipe" });
}, 300000);

const read = (f: string) => fs.readFileSync(path.join(ADDIN, f), "utf8");

test("the add-in folder: ribbon.xml, main.js, the pane without Office.js, icons; the offline and online layouts", () => {
  for (const f of ["ribbon.xml", "index.html", "main.js", "taskpane.html", "taskpane.js", "taskpane.css", "images/icon-32.png", "images/clear-32.png"]) {
    expect(fs.existsSync(path.join(ADDIN, f))).toBe(true);
  }
  expect(read("index.html")).toMatch(/<script[^>]+src="?main\.js"?[ >]/);
  expect(read("taskpane.html")).toMatch(/<script[^>]+src="?taskpane\.js"?[ >]/);
  expect(read("taskpane.html")).not.toMatch(/office\.js|appsforoffice/i);
  expect(read("taskpane.js")).not.toMatch(/Office\.onReady|appsforoffice/);
  const size = (f: string) => fs.statSync(path.join(ADDIN, f)).size;
  console.log("WPS bundles: taskpane.js " + size("taskpane.js") + " B, main.js " + size("main.js") + " B");
  expect(size("main.js")).toBeLessThan(150 * 1024);
  // Offline, one computer: jsaddons/ with the list and the <name>_<version> folder.
  const offline = fs.readFileSync(path.join(OUT, "jsaddons", "jsplugins.xml"), "utf8");
  expect(offline).toContain('<jsplugin name="juesuan-audit" type="et" version="' + VERSION + '"');
  expect(fs.readFileSync(path.join(OUT, "jsaddons", "juesuan-audit_" + VERSION, "ribbon.xml"), "utf8")).toBe(read("ribbon.xml"));
  // Online, a bureau's server: jsplugins.xml for oem.ini and the publish page, both with the address given.
  expect(fs.readFileSync(path.join(OUT, "jsplugins.xml"), "utf8")).toContain('<jspluginonline name="juesuan-audit" type="et" url="' + URL_ + '"');
  const publish = fs.readFileSync(path.join(OUT, "publish.html"), "utf8");
  expect(publish).toContain('"url":"' + URL_ + '"');
  expect(publish).toContain("127.0.0.1:58890/deployaddons/runParams");
});

function ribbonDoc(): Document {
  const doc = new DOMParser().parseFromString(read("ribbon.xml"), "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

interface Sandbox {
  ribbon: { [k: string]: (...a: unknown[]) => unknown };
  alerts: string[];
  panes: { url: string; Visible: boolean; ID: string }[];
  storage: { [k: string]: string };
}

/** Runs the built main.js in a window of its own with the WPS globals; `app` is the ET the page sees. */
function runMain(app: unknown): Sandbox {
  const alerts: string[] = [];
  const panes: Sandbox["panes"] = [];
  const storage: { [k: string]: string } = {};
  const wps = {
    CreateTaskPane: (url: string) => {
      const p = { url, Visible: false, ID: "pane" + panes.length };
      panes.push(p);
      return p;
    },
    GetTaskPane: (id: string) => panes.filter((p) => p.ID === id)[0] || null,
    PluginStorage: { getItem: (k: string) => (k in storage ? storage[k] : null), setItem: (k: string, v: string) => (storage[k] = v) },
  };
  const win: { [k: string]: unknown } = { location: { href: "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/juesuan-audit_0.1.0/index.html" }, alert: (m: string) => alerts.push(m), Application: app, wps, setTimeout, Promise };
  win.window = win;
  win.self = win;
  win.globalThis = win;
  vm.runInNewContext(read("main.js"), win);
  return { ribbon: win.ribbon as Sandbox["ribbon"], alerts, panes, storage };
}

test("ribbon.xml is valid XML: a 「决算审核」 group on 开始 with 审核工作簿 and 清除标记, every callback defined by main.js", () => {
  const doc = ribbonDoc();
  const ui = doc.documentElement;
  expect([ui.localName, ui.namespaceURI]).toEqual(["customUI", "http://schemas.microsoft.com/office/2006/01/customui"]);
  const tab = doc.getElementsByTagName("tab")[0];
  expect(tab.getAttribute("idMso")).toBe("TabHome");
  const group = tab.getElementsByTagName("group")[0];
  expect(group.getAttribute("label")).toBe("决算审核");
  const buttons = Array.from(group.getElementsByTagName("button"));
  expect(buttons.map((b) => [b.getAttribute("id"), b.getAttribute("label")])).toEqual([
    ["btnJuesuanAudit", "审核工作簿"],
    ["btnJuesuanClear", "清除标记"],
  ]);
  const sandbox = runMain(null);
  const callbacks = [ui.getAttribute("onLoad")].concat(buttons.flatMap((b) => [b.getAttribute("onAction"), b.getAttribute("getImage")]));
  expect(callbacks).toEqual(["ribbon.OnAddinLoad", "ribbon.OnAction", "ribbon.GetImage", "ribbon.OnAction", "ribbon.GetImage"]);
  for (const c of callbacks) expect(typeof sandbox.ribbon[c!.split(".")[1]]).toBe("function");
  expect(sandbox.ribbon.OnAddinLoad({})).toBe(true);
  for (const b of buttons) expect(fs.existsSync(path.join(ADDIN, String(sandbox.ribbon.GetImage({ Id: b.getAttribute("id") }))))).toBe(true);
});

test("main.js: 审核工作簿 opens the pane once and then asks it to audit again; 清除标记 clears without opening it", async () => {
  const snap = cliSnapshot();
  const book = etBookFromSnapshot(snap);
  book.sheets[2].protected = true;
  const host = new WpsHost(fakeEt(book).Application as EtApplication);
  await host.readSnapshot();
  await host.applyFlags(auditWorkbook(snap).findings, {});
  expect(book.sheets.some((s) => s.cfs.length > 0)).toBe(true);

  const sandbox = runMain(fakeEt(book).Application);
  sandbox.ribbon.OnAction({ Id: "btnJuesuanAudit" });
  expect(sandbox.panes).toEqual([{ url: "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/juesuan-audit_0.1.0/taskpane.html", Visible: true, ID: "pane0" }]);
  sandbox.ribbon.OnAction({ Id: "btnJuesuanAudit" });
  expect(sandbox.panes).toHaveLength(1);
  expect(sandbox.storage["juesuanAudit.auditRequest"]).toMatch(/^\d+$/);

  sandbox.ribbon.OnAction({ Id: "btnJuesuanClear" });
  await new Promise((r) => setTimeout(r, 50));
  expect(book.sheets.every((s) => s.cfs.length === 0)).toBe(true);
  expect(sandbox.alerts).toEqual([]);
  expect(sandbox.panes).toHaveLength(1);
});
