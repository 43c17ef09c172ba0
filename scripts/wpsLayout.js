/* eslint-disable no-undef */
/**
 * The deployment layout of the WPS 加载项 around the built add-in folder (npm run build:wps; docs/install-wps.md).
 * wpsjs (npm) is not a dependency: its build/publish steps are written out here, from what its publish step and
 * publish page do (docs/install-wps.md names the sources):
 *  - jsaddons/: for one computer, offline. Copied into the user's jsaddons folder it holds jsplugins.xml (the
 *    add-in list WPS reads at start) and the add-in folder named <name>_<version>, the layout wpsjs's offline
 *    package unpacks to; if a 7z program is on PATH, <name>.7z too (the archive wpsjs's offline mode serves);
 *  - with WPS_ADDIN_URL=http(s)://server/path/ (the folder's address on an intranet server): jsplugins.xml for
 *    online mode (<jspluginonline>, for oem.ini's JSPluginsServer) and publish.html, a page that asks the local
 *    WPS service to install the add-in (POST 127.0.0.1:58890/deployaddons/runParams, as wpsjs's page does).
 */
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const NAME = "juesuan-audit";
const TYPE = "et";

function wpsUrl(env) {
  const url = (env && env.wpsUrl) || process.env.WPS_ADDIN_URL || "";
  if (!url) return null;
  let ok = false;
  try {
    const u = new URL(url);
    ok = (u.protocol === "http:" || u.protocol === "https:") && /\/$/.test(url);
  } catch (_e) {
    ok = false;
  }
  if (!ok) throw new Error("WPS 加载项地址无效（" + url + "）：须为 http:// 或 https:// 开头、以 / 结尾，且该地址下能访问到 ribbon.xml。");
  return url;
}

function xmlEscape(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) copyDir(path.join(from, e.name), path.join(to, e.name));
    else fs.copyFileSync(path.join(from, e.name), path.join(to, e.name));
  }
}

function sevenZip() {
  for (const bin of ["7z", "7za", "7zr"]) {
    try {
      execFileSync(bin, ["i"], { stdio: "ignore" });
      return bin;
    } catch (_e) {
      // not installed
    }
  }
  return null;
}

function publishPage(url, version) {
  const addon = JSON.stringify({ name: NAME, addonType: TYPE, online: "true", url: url, version: version });
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<title>安装「决算审核」WPS 表格加载项</title>
<style>body{font:15px/1.7 "Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:32px;max-width:720px}button{font-size:15px;padding:6px 18px;margin-right:12px}#msg{margin-top:16px}</style>
</head>
<body>
<h1>决算审核 · WPS 表格加载项</h1>
<p>地址：<code id="url"></code></p>
<p><button id="install">安装</button><button id="remove">卸载</button></p>
<p id="msg">请先打开 WPS Office（或允许浏览器唤起它），再点「安装」。安装后重新启动 WPS 表格，「开始」选项卡上会出现「决算审核」组。</p>
<script>
(function () {
  var ADDON = ${addon};
  document.getElementById("url").textContent = ADDON.url;
  function b64(s) { return btoa(unescape(encodeURIComponent(s))); }
  function say(t) { document.getElementById("msg").textContent = t; }
  function send(cmd, retry) {
    var x = new XMLHttpRequest();
    x.open("POST", "http://127.0.0.1:58890/deployaddons/runParams");
    x.timeout = 3000;
    x.onload = function () { say(x.status === 200 ? (cmd === "enable" ? "已安装：请重新启动 WPS 表格。" : "已卸载。") : "WPS 拒绝了请求（" + x.status + "）：" + x.responseText); };
    x.onerror = x.ontimeout = function () {
      if (retry) { window.location.href = "ksoWPSCloudSvr://start=RelayHttpServer"; setTimeout(function () { send(cmd, false); }, 3000); }
      else say("连接不到本机的 WPS 服务：请确认已安装 WPS Office 并允许浏览器打开它，然后再试。");
    };
    x.send(b64(JSON.stringify({ cmd: cmd, name: ADDON.name, url: ADDON.url, addonType: ADDON.addonType, online: ADDON.online, version: ADDON.version })));
  }
  document.getElementById("install").onclick = function () { send("enable", true); };
  document.getElementById("remove").onclick = function () { send("disable", true); };
})();
</script>
</body>
</html>
`;
}

/** Writes the layout around `addinDir` into its parent folder; returns what was written (for the build's log). */
function writeLayout(addinDir, version, env) {
  const out = path.dirname(addinDir);
  const url = wpsUrl(env);
  const written = [];
  const folder = NAME + "_" + version;
  const jsaddons = path.join(out, "jsaddons");
  fs.rmSync(jsaddons, { recursive: true, force: true });
  copyDir(addinDir, path.join(jsaddons, folder));
  const bin = sevenZip();
  if (bin) {
    execFileSync(bin, ["a", "-bd", "-y", path.join(jsaddons, NAME + ".7z"), "./*"], { cwd: addinDir, stdio: "ignore" });
    written.push("jsaddons/" + NAME + ".7z");
  }
  fs.writeFileSync(
    path.join(jsaddons, "jsplugins.xml"),
    '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="' + NAME + '" type="' + TYPE + '" version="' + xmlEscape(version) + '" url="' + NAME + '.7z" enable="true"/>\n</jsplugins>\n'
  );
  written.push("jsaddons/jsplugins.xml", "jsaddons/" + folder + "/");
  for (const f of ["publish.html", "jsplugins.xml"]) fs.rmSync(path.join(out, f), { force: true });
  if (url) {
    fs.writeFileSync(path.join(out, "jsplugins.xml"), '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="' + NAME + '" type="' + TYPE + '" url="' + xmlEscape(url) + '" enable="true"/>\n</jsplugins>\n');
    fs.writeFileSync(path.join(out, "publish.html"), publishPage(url, version));
    written.push("jsplugins.xml", "publish.html");
  }
  return { url: url, written: written };
}

module.exports = { NAME, writeLayout, wpsUrl, publishPage };
