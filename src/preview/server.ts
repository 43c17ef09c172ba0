/**
 * `npm run demo`: serves the built pages (dist/) on 127.0.0.1 only — no framework, no directory listing.
 * Every page gets a Content-Security-Policy without inline scripts or eval; the add-in pages may also load
 * Office.js from Microsoft's CDN. Usage: PORT=3000 tsx src/preview/server.ts [dist-folder]
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";

const TYPES: { [ext: string]: string } = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const CSP_PREVIEW = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
/**
 * The add-in pages' policy: the same as the <meta http-equiv="Content-Security-Policy"> in taskpane.html and
 * commands.html (test/security/cli/csp.test.ts holds them equal), so the demo serves what Office will see.
 */
export const CSP_ADDIN =
  "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com https://appsforoffice.cdn.partner.office365.cn; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export interface Served {
  port: number;
  url: string;
  close(): Promise<void>;
}

function badRequest(res: http.ServerResponse): void {
  res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
  res.end("请求地址无效。");
}

export function startServer(root: string, port: number): Promise<Served> {
  const base = path.resolve(root);
  const server = http.createServer(function (req, res) {
    // Any web page can make the browser send a request here: a malformed one is answered, never thrown
    // (issue 13 item 10: `GET /%E0%A4%A` used to end the server with an uncaught URIError).
    try {
      serve(req, res);
    } catch (_e) {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end();
    }
  });
  function serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    let url: string;
    try {
      url = decodeURIComponent((req.url || "/").split("?")[0]);
    } catch (_e) {
      badRequest(res);
      return;
    }
    // A NUL byte makes fs throw; no file name of ours has one.
    if (url.indexOf("\0") >= 0) {
      badRequest(res);
      return;
    }
    if (url === "/") {
      res.writeHead(302, { Location: "/preview.html" });
      res.end();
      return;
    }
    const file = path.resolve(base, "." + url);
    if (file.indexOf(base + path.sep) !== 0 || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404);
      res.end();
      return;
    }
    fs.readFile(file, function (err, body) {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("未找到：" + url);
        return;
      }
      const ext = path.extname(file);
      const headers: http.OutgoingHttpHeaders = { "Content-Type": TYPES[ext] || "application/octet-stream", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" };
      if (ext === ".html") headers["Content-Security-Policy"] = path.basename(file) === "preview.html" ? CSP_PREVIEW : CSP_ADDIN;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    });
  }
  return new Promise(function (resolve, reject) {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", function () {
      const addr = server.address();
      const actual = typeof addr === "object" && addr ? addr.port : port;
      resolve({
        port: actual,
        url: "http://127.0.0.1:" + actual + "/",
        close: function () {
          return new Promise<void>(function (done) {
            server.close(function () {
              done();
            });
          });
        },
      });
    });
  });
}

if (require.main === module) {
  const root = process.argv[2] || path.join(__dirname, "..", "..", "dist");
  const port = Number(process.env.PORT || 3000);
  startServer(root, port).then(
    function (s) {
      console.log("决算审核预览：" + s.url + "preview.html （Ctrl+C 结束）");
    },
    function (e: Error) {
      console.error("无法在 127.0.0.1:" + port + " 启动预览：" + e.message);
      process.exit(1);
    }
  );
}
