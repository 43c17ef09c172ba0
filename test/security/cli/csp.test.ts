/**
 * Issue 13 item 12: the Content-Security-Policy lives in the add-in pages themselves (a <meta http-equiv> in
 * taskpane.html and commands.html), not only in a header of the demo server. It still lets Office.js load from
 * Microsoft's CDN and nothing else run: no inline script, no eval, no plugin, no <base>, no form posts.
 */
import * as fs from "fs";
import * as path from "path";
import { CSP_ADDIN } from "../../../src/preview/server";
import { REPO } from "../../io/fixtures";

const PAGES = ["src/taskpane/taskpane.html", "src/commands/commands.html"];

function metaPolicy(html: string): { policy: string; at: number } | null {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i.exec(html);
  return m ? { policy: m[1], at: m.index } : null;
}

function directives(policy: string): { [name: string]: string[] } {
  const out: { [name: string]: string[] } = {};
  for (const part of policy.split(";")) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    if (words.length) out[words[0]] = words.slice(1);
  }
  return out;
}

describe.each(PAGES)("%s", (page) => {
  const html = fs.readFileSync(path.join(REPO, page), "utf8");

  test("carries the policy in a <meta> inside <head>, before any script", () => {
    const meta = metaPolicy(html);
    expect(meta).not.toBeNull();
    const head = html.indexOf("<head>");
    const firstScript = html.search(/<script\b/i);
    expect(meta!.at).toBeGreaterThan(head);
    expect(meta!.at).toBeLessThan(firstScript < 0 ? html.indexOf("</head>") : firstScript);
    expect(meta!.policy).toBe(CSP_ADDIN);
  });

  test("allows Office.js from Microsoft's CDN, and no inline script, eval or other origin for scripts", () => {
    const d = directives(metaPolicy(html)!.policy);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["script-src"]).toContain("'self'");
    expect(d["script-src"]).toContain("https://appsforoffice.microsoft.com");
    for (const src of d["script-src"]) expect(src === "'self'" || /^https:\/\/[a-z0-9.-]+$/.test(src)).toBe(true);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'none'"]);
    expect(d["form-action"]).toEqual(["'none'"]);
    expect(d["connect-src"]).toEqual(["'self'"]);
    // Every script the page loads is allowed by the policy.
    const scripts = Array.from(html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)).map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) {
      const allowed = /^https?:/.test(s) ? d["script-src"].includes(new URL(s).origin) : true;
      expect([s, allowed]).toEqual([s, true]);
    }
    // No inline script to need 'unsafe-inline' in the first place.
    expect(html).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>/i);
  });
});
