/**
 * Issue 13 item 10: the demo server (src/preview/server.ts) answers a malformed request with 400 and keeps serving.
 * `GET /%E0%A4%A` (a broken UTF-8 escape) used to end it with an uncaught URIError; any web page can send it.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { Served, startServer } from "../../../src/preview/server";
import { tempDir } from "../../io/fixtures";

let root: string;
let server: Served;
beforeAll(async () => {
  root = tempDir("juesuan-server-");
  fs.writeFileSync(path.join(root, "preview.html"), "<!DOCTYPE html><title>t</title>");
  server = await startServer(root, 0);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

function get(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: server.port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode || 0, body: body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("a malformed percent escape is 400, and the server still serves afterwards", async () => {
  for (const bad of ["/%E0%A4%A", "/%", "/%ZZ", "/a%E0%A4%A?x=1"]) {
    const r = await get(bad);
    expect([bad, r.status]).toEqual([bad, 400]);
    expect(r.body).toBe("请求地址无效。");
  }
  expect((await get("/preview.html")).status).toBe(200);
});

test("a NUL byte in the path is 400, not a crash", async () => {
  expect((await get("/preview.html%00.png")).status).toBe(400);
  expect((await get("/preview.html")).status).toBe(200);
});

test("paths outside the served folder stay 404", async () => {
  expect((await get("/..%2Fpackage.json")).status).toBe(404);
  expect((await get("/%2e%2e/%2e%2e/etc/passwd")).status).toBe(404);
});
