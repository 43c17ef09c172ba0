/**
 * @jest-environment jsdom
 *
 * Offline checks of manifest.xml (office-addin-manifest validate needs Microsoft's web service): well-formed XML,
 * element order, every resid defined, string lengths, FunctionName associated in code, icons present with the
 * right pixel size, one host in all URLs, the requirement and permission the issue asks for.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(XML, "application/xml");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

function all(selector: string): Element[] {
  return Array.prototype.slice.call(doc.getElementsByTagName(selector));
}
function allBt(local: string): Element[] {
  return Array.prototype.slice.call(doc.getElementsByTagNameNS(BT, local));
}

test("is well-formed XML with OfficeApp as root", () => {
  expect(doc.getElementsByTagName("parsererror").length).toBe(0);
  expect(doc.documentElement.localName).toBe("OfficeApp");
  expect(doc.documentElement.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("TaskPaneApp");
});

test("top-level elements follow the schema's order", () => {
  const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
  const got = Array.prototype.map.call(doc.documentElement.children, (e: Element) => e.localName) as string[];
  expect(got).toEqual(order);
});

test("identity, locale, requirement and permission", () => {
  expect(all("Id")[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(all("Version")[0].textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(all("DefaultLocale")[0].textContent).toBe("zh-CN");
  const set = all("Set")[0];
  expect([set.getAttribute("Name"), set.getAttribute("MinVersion")]).toEqual(["ExcelApi", "1.1"]);
  expect(all("Sets")[0].getAttribute("DefaultMinVersion")).toBe("1.1");
  expect(all("Permissions")[0].textContent).toBe("ReadWriteDocument");
  expect(all("Host")[0].getAttribute("Name")).toBe("Workbook");
});

test("Home tab group 决算审核 with 审核工作簿 (pane) and 清除标记 (function)", () => {
  expect(all("OfficeTab").map((t) => t.getAttribute("id"))).toEqual(["TabHome"]);
  const strings: { [id: string]: string } = {};
  allBt("String").forEach((s) => (strings[s.getAttribute("id") as string] = s.getAttribute("DefaultValue") as string));
  const group = all("Group")[0];
  expect(strings[group.getElementsByTagName("Label")[0].getAttribute("resid") as string]).toBe("决算审核");
  const controls = all("Control").map((c) => ({
    label: strings[c.getElementsByTagName("Label")[0].getAttribute("resid") as string],
    action: c.getElementsByTagName("Action")[0].getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"),
  }));
  expect(controls).toEqual([
    { label: "审核工作簿", action: "ShowTaskpane" },
    { label: "清除标记", action: "ExecuteFunction" },
  ]);
});

test("every resid is defined, ids are at most 32 characters", () => {
  const defined: { [id: string]: boolean } = {};
  ["Image", "Url", "String"].forEach((t) => allBt(t).forEach((e) => (defined[e.getAttribute("id") as string] = true)));
  const used = Array.prototype.slice.call(doc.querySelectorAll("*")).filter((e: Element) => e.hasAttribute("resid")).map((e: Element) => e.getAttribute("resid"));
  expect(used.length).toBeGreaterThan(10);
  used.forEach((id: string | null) => {
    if (id === null) throw new Error("empty resid");
    expect(defined[id] ? id : "undefined resid " + id).toBe(id);
    expect(id.length).toBeLessThanOrEqual(32);
  });
  Object.keys(defined).forEach((id) => expect(id.length).toBeLessThanOrEqual(32));
});

test("strings within limits, each with an en-US override", () => {
  const check = (parent: string, limit: number) => {
    const list = allBt(parent)[0].getElementsByTagNameNS(BT, "String");
    expect(list.length).toBeGreaterThan(0);
    Array.prototype.forEach.call(list, (s: Element) => {
      expect((s.getAttribute("DefaultValue") as string).length).toBeLessThanOrEqual(limit);
      const over = s.getElementsByTagNameNS(BT, "Override");
      expect(over.length).toBe(1);
      expect(over[0].getAttribute("Locale")).toBe("en-US");
      expect((over[0].getAttribute("Value") as string).length).toBeLessThanOrEqual(limit);
    });
  };
  check("ShortStrings", 125);
  check("LongStrings", 250);
  expect((all("DisplayName")[0].getAttribute("DefaultValue") as string).length).toBeLessThanOrEqual(125);
  expect((all("Description")[0].getAttribute("DefaultValue") as string).length).toBeLessThanOrEqual(250);
});

test("every FunctionName is associated in the function file's code", () => {
  const code = fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
  const names = all("FunctionName").map((e) => e.textContent as string);
  expect(names).toEqual(["clearFlags"]);
  names.forEach((n) => expect(code).toContain('Office.actions.associate("' + n + '"'));
});

test("one host in all URLs, https, and every icon present with its size", () => {
  const urls: string[] = [];
  Array.prototype.forEach.call(doc.querySelectorAll("*"), (e: Element) => {
    ["DefaultValue", "Value"].forEach((a) => {
      const v = e.getAttribute(a);
      if (v && /^https?:/.test(v)) urls.push(v);
    });
    if (e.localName === "AppDomain") urls.push(e.textContent as string);
  });
  expect(urls.length).toBeGreaterThan(8);
  const origins = urls.map((u) => new URL(u).origin).filter((o, i, a) => a.indexOf(o) === i);
  expect(origins).toEqual(["https://localhost:3000"]);

  const icons: [string, number][] = allBt("Image").filter((e) => e.hasAttribute("id")).map((e) => [e.getAttribute("DefaultValue") as string, Number((e.getAttribute("id") as string).split(".").pop())]);
  icons.push([all("IconUrl")[0].getAttribute("DefaultValue") as string, 32], [all("HighResolutionIconUrl")[0].getAttribute("DefaultValue") as string, 64]);
  expect(icons.map((i) => i[1]).sort((a, b) => a - b)).toEqual([16, 16, 32, 32, 32, 64, 80, 80]);
  icons.forEach(([url, size]) => {
    const file = path.join(ROOT, new URL(url).pathname);
    const png = fs.readFileSync(file);
    expect(png.slice(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  });
});

test("the two buttons have icons of their own; the support page is not the demo", () => {
  const iconsOf = (id: string) =>
    Array.prototype.map.call(doc.getElementById(id)!.getElementsByTagNameNS(BT, "Image"), (e: Element) => e.getAttribute("resid")) as string[];
  const audit = iconsOf("JSA.AuditButton");
  const clear = iconsOf("JSA.ClearButton");
  expect(audit).toEqual(["JSA.Icon.16", "JSA.Icon.32", "JSA.Icon.80"]);
  expect(clear).toEqual(["JSA.Clear.16", "JSA.Clear.32", "JSA.Clear.80"]);
  const urlOf = (id: string) => allBt("Image").filter((e) => e.getAttribute("id") === id)[0].getAttribute("DefaultValue") as string;
  // Different pictures, not just different names.
  expect(fs.readFileSync(path.join(ROOT, new URL(urlOf("JSA.Clear.32")).pathname))).not.toEqual(fs.readFileSync(path.join(ROOT, new URL(urlOf("JSA.Icon.32")).pathname)));
  const support = all("SupportUrl")[0].getAttribute("DefaultValue") as string;
  expect(support).toBe("https://localhost:3000/support.html");
  const webpack = fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");
  expect(webpack).toContain('{ from: "src/commands/support.html", to: "support.html" }');
  expect(fs.readFileSync(path.join(ROOT, "src/commands/support.html"), "utf8")).toContain("清除标记");
});

test("the pages the manifest names are built (webpack entries exist as templates)", () => {
  ["src/taskpane/taskpane.html", "src/commands/commands.html"].forEach((f) => expect(fs.existsSync(path.join(ROOT, f))).toBe(true));
  const html = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
  expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
});
