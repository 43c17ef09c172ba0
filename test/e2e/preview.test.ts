/**
 * Build once, then: the shipped bundles (ES5, size budget, CDN Office.js, production manifest) and the browser
 * preview end to end in Chromium (Debian's /usr/bin/chromium driven by playwright-core): open, audit, see the
 * sample's 尾差 flagged, click a finding and see its cell selected, clear the flags.
 *
 * Without Chromium the browser part is skipped with a message — unless CI is set, where it must run.
 * UPDATE_SCREENSHOT=1 also writes docs/preview.png (the README's screenshot) and docs/pane-350-1x.png / -2x.png
 * (committed after `pngquant --quality=70-95`, which makes them a third of the size).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { auditWorkbook } from "../../src/engine";
import { parseRange, toA1 } from "../../src/present/address";
import { planFlags } from "../../src/present/flagPlan";
import { startServer, Served } from "../../src/preview/server";
import { sampleSnapshot } from "../excel/sampleBook";

const ROOT = path.join(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
/**
 * Budget of the pane's JavaScript (polyfill.js + taskpane.js, minified, all loaded at once: the pane audits on open
 * and the audit runs entirely in the pane, so there is no later chunk). Decision "pane budget 320 KB" (README):
 * 300 KB held until the engine grew by the 未审核 state, the §8 layouts, root-cause grouping and the narrative checks
 * (+82 KB, 274 → 355 KB at ebff524). The waste was removed first — TypeScript's ES5 helpers once from tslib (−21 KB),
 * no iterator protocol for for..of over arrays (downlevelIteration off, −23 KB), core-js Symbol without its
 * JSON.stringify patch and no polyfill for what the bundle never calls (−7 KB, WeakSet added: the test below) —
 * leaving 307 KB of code the first audit runs; 320 KB keeps ~13 KB for what lands before the freeze. Growing past it needs the same measurement again, not a new number.
 * Issue 10 (measured on the production build, polyfill.js + taskpane.js): main before issue 10 313 KB; main at 4e71107,
 * after causeRef and the Excel side v2 (a316f42: grouped conditional formats, fill restore under protection, registry
 * v2, report sheet v2, error sentences, review-mark storage), 334 KB; with the pane v2 (status board, 核实/忽略
 * workflow, pasted-text acceptance through the engine's section recogniser, the list in severity order with folded
 * consequences, roving keyboard focus, flags-present notice and settings) 345 KB, after dropping the string and
 * DOM-collection iterator polyfills (−1.5 KB) and sharing the cell-range folding with the flags; 352 KB on e460265
 * (narrative statements as data, template sets, Array.prototype.fill now polyfilled). All of it runs when the pane
 * opens. Decision: budget 360 KB. A minifier with more passes saves 0.1 %; the one large saving left is decimal.js
 * (32 KB minified, of which the engine uses the arithmetic only) — an engine decision, not taken here.
 * Issue 9 (speed, 2026-11-30): 367,307 B at f624739 → 368,981 B (+1.7 KB), measured module by module: the narrative's
 * fast paths (normalisation on character codes, templates filled by indexOf, amounts grouped without split, the text
 * read once per audit and shared with the completeness checks), the hosts' one wording of a clearing result, the
 * title pre-test and the page-break text test; evaluate.ts and excelHost.ts shrank. All of it runs when the pane
 * opens, and each piece made the audit faster in the pane too. Decision: budget 364 KB (3.7 KB left).
 * Issue 9, third round (same day): 368,990 B at ed453de → 373,107 B at 247978a (+4.1 KB), measured commit by commit:
 * narrative round 1 (lazy explanations of passed checks, figures without × 1 copies) +1,010 B; tables round 1 (one-scan
 * amount texts beside the general reader, Σ from whole hundredths, 公开06 lane names once) +1,439 B; narrative round 2
 * (number memo per analysis, paragraphs split once, key-word pre-tests) +1,056 B; tables round 2 (operands without
 * objects, patterns made once) +464 B; hot functions split for TurboFan +148 B. The fast paths keep the general code
 * beside them (each is property-tested against it), hence the growth; they run in the pane too. Decision: budget
 * 368 KB (3.7 KB left).
 */
const PANE_BUDGET = 368 * 1024;
/** The function file (polyfills + commands) did not grow: it keeps the original 300 KB. */
const COMMANDS_BUDGET = 300 * 1024;
const PROD_URL = "https://audit.test.example/addin/";
const EXPECTED = auditWorkbook(sampleSnapshot()).findings;

let out = "";
let buildMs = 0;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-dist-"));
  const t = Date.now();
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--output-path", out, "--env", "url=" + PROD_URL], {
    cwd: ROOT,
    stdio: "pipe",
  });
  buildMs = Date.now() - t;
}, 240000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

describe("shipped bundles", () => {
  const size = (f: string) => fs.statSync(path.join(out, f)).size;

  test("pane and commands are ES5 (es-check) — the IE11 webview of Office 2016/2019", () => {
    const esCheck = path.join(ROOT, "node_modules", "es-check", "lib", "cli", "index.js");
    const files = ["polyfill.js", "taskpane.js", "commands.js"].map((f) => path.join(out, f));
    const res = execFileSync(process.execPath, [esCheck, "es5"].concat(files), { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
    expect(res + "").not.toContain("error");
  });

  test("pane JavaScript (polyfills + pane) stays within 368 KB minified", () => {
    const pane = size("polyfill.js") + size("taskpane.js");
    console.log("pane JavaScript " + pane + " B of " + PANE_BUDGET + " B; bundle sizes: polyfill " + size("polyfill.js") + " B, taskpane " + size("taskpane.js") + " B, commands " + size("commands.js") + " B, preview " + size("preview.js") + " B; build " + buildMs + " ms");
    expect(pane).toBeLessThanOrEqual(PANE_BUDGET);
    expect(size("polyfill.js") + size("commands.js")).toBeLessThanOrEqual(COMMANDS_BUDGET);
  });

  /**
   * What the minified pane and function file call that IE11 lacks must be in src/taskpane/polyfills.ts: names of
   * globals and methods survive minification, so the bundles themselves say what they use. (This caught
   * `new WeakSet` in the narrative checker: the pane would not have loaded in Office 2016/2019.)
   */
  test("every ES2015+ built-in the pane and function file use is polyfilled for IE11", () => {
    const needs: Array<[RegExp, string[]]> = [
      [/\bWeakSet\b/, ["es.weak-set"]],
      [/\bnew Map\b/, ["es.map"]],
      [/\bnew Set\b/, ["es.set"]],
      [/\bPromise\b/, ["es.promise"]],
      [/\bSymbol\b/, ["es.symbol.constructor"]],
      [/\bSymbol\.for\(/, ["es.symbol.for"]],
      [/\bArray\.from\(/, ["es.array.from", "es.array.iterator"]],
      [/\bArray\.of\(/, ["es.array.of"]],
      [/\.find\(/, ["es.array.find"]],
      [/\.findIndex\(/, ["es.array.find-index"]],
      [/\.fill\(/, ["es.array.fill"]],
      [/\.includes\(/, ["es.array.includes", "es.string.includes"]],
      [/\.startsWith\(/, ["es.string.starts-with"]],
      [/\.endsWith\(/, ["es.string.ends-with"]],
      [/\.repeat\(/, ["es.string.repeat"]],
      [/\.padStart\(/, ["es.string.pad-start"]],
      [/\.padEnd\(/, ["es.string.pad-end"]],
      [/\.codePointAt\(/, ["es.string.code-point-at"]],
      [/\bString\.fromCodePoint\(/, ["es.string.from-code-point"]],
      [/\bNumber\.isFinite\(/, ["es.number.is-finite"]],
      [/\bNumber\.isInteger\(/, ["es.number.is-integer"]],
      [/\bNumber\.isNaN\(/, ["es.number.is-nan"]],
      [/\bMath\.(sign|trunc|log10|log2|hypot|cbrt|expm1|log1p|sinh|cosh|tanh|fround|imul|clz32)\(/, ["es.math."]],
      [/\bObject\.assign\(/, ["es.object.assign"]],
      [/\bObject\.entries\(/, ["es.object.entries"]],
      [/\bObject\.values\(/, ["es.object.values"]],
      [/\.flatMap\(|\.flat\(/, ["es.array.flat"]],
    ];
    const polyfills = fs.readFileSync(path.join(ROOT, "src", "taskpane", "polyfills.ts"), "utf8");
    const code = fs.readFileSync(path.join(out, "taskpane.js"), "utf8") + fs.readFileSync(path.join(out, "commands.js"), "utf8");
    const missing: string[] = [];
    needs.forEach(([use, modules]) => {
      const m = use.exec(code);
      if (!m) return;
      const wanted = modules[0] === "es.math." ? ["es.math." + m[1].replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())] : modules;
      wanted.forEach((mod) => {
        if (polyfills.indexOf('"core-js/modules/' + mod + '"') < 0) missing.push(m[0] + " needs core-js/modules/" + mod);
      });
    });
    expect(missing).toEqual([]);
  });

  test("add-in pages load Office.js from Microsoft's CDN and have no inline script", () => {
    ["taskpane.html", "commands.html", "preview.html"].forEach((page) => {
      const html = fs.readFileSync(path.join(out, page), "utf8");
      const scripts = html.match(/<script[^>]*>[\s\S]*?<\/script>/g) || [];
      scripts.forEach((s) => expect(s).toMatch(/^<script[^>]*src=[^>]*><\/script>$/));
      if (page !== "preview.html") expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
      else expect(html).not.toContain("office.js");
    });
    expect(fs.readFileSync(path.join(out, "taskpane.js"), "utf8")).not.toMatch(/\beval\(/);
  });

  test("the production manifest points at the production URL only", () => {
    const m = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(m).not.toContain("localhost");
    expect(m).toContain(PROD_URL + "taskpane.html");
    expect(m).toContain(PROD_URL + "assets/icon-80.png");
  });
});

const describeBrowser = HAVE_CHROMIUM || process.env.CI ? describe : describe.skip;
if (!HAVE_CHROMIUM && !process.env.CI) {
  console.warn("跳过浏览器端到端测试：未找到 " + CHROMIUM + "（apt-get install -y chromium fonts-noto-cjk；CI 中必须运行）。");
}

describeBrowser("preview in Chromium", () => {
  let server: Served;
  let browser: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  let profile = "";

  beforeAll(async () => {
    server = await startServer(out, 0);
    const { chromium } = await import("playwright-core");
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-chromium-"));
    // A fresh profile each run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1440, height: 900 },
      locale: "zh-CN",
    });
    page = browser.pages()[0] || (await browser.newPage());
    page.on("pageerror", (e) => problems.push("pageerror: " + e.message));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push("console: " + m.text());
    });
  }, 60000);

  afterAll(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  const state = () => page.getAttribute("#app", "data-state");

  test("open, audit, see the 尾差 flagged, go to a finding's cell, clear", async () => {
    await page.goto(server.url + "preview.html");
    // The pane audits on open, as it does in Excel.
    await page.waitForFunction(() => document.getElementById("app")!.getAttribute("data-state") === "done", undefined, { timeout: 30000 });
    await page.click('[data-action="audit"]');
    await page.waitForFunction(() => document.getElementById("app")!.getAttribute("data-state") === "done" && /审核完成/.test(document.querySelector(".jp-status")!.textContent || ""), undefined, { timeout: 30000 });
    expect(await state()).toBe("done");
    // Flags only when asked (issue 10): none after the audit, then 标记单元格.
    expect(await page.locator("[data-flag]").count()).toBe(0);
    await page.click('.jp-toolbar [data-action="flag"]');
    await page.waitForSelector('#app[data-flags="on"]');
    expect(await page.locator("[data-severity]").count()).toBe(EXPECTED.length);
    expect(await page.locator('[data-severity="tail"]').count()).toBe(EXPECTED.filter((f) => f.severity === "tail").length);

    await page.click('.pv-tab[data-sheet="公开03表"]');
    for (const cell of ["C7", "C8", "C9", "C10"]) {
      expect(await page.getAttribute('td[data-cell="' + cell + '"]', "data-flag")).toBe("tail");
    }
    expect(await page.getAttribute('td[data-cell="D10"]', "data-flag-related")).toBe("tail");
    expect(await page.getAttribute('td[data-cell="E10"]', "data-flag")).toBe("warning");
    // Merged cells honoured: every merged area of the sheet is one td spanning it, its other cells absent.
    const merges = sampleSnapshot().sheets.filter((s) => s.name === "公开03表")[0].merges;
    expect(merges.length).toBeGreaterThan(3);
    for (const m of merges) {
      const box = parseRange(m)!;
      const td = 'td[data-cell="' + toA1(box.top, box.left) + '"]';
      expect(Number((await page.getAttribute(td, "colspan")) || 1)).toBe(box.right - box.left + 1);
      expect(Number((await page.getAttribute(td, "rowspan")) || 1)).toBe(box.bottom - box.top + 1);
      expect(await page.locator('td[data-cell="' + toA1(box.bottom, box.right) + '"]').count()).toBe(box.bottom === box.top && box.right === box.left ? 1 : 0);
    }

    // A finding on another sheet: its sheet becomes active and its cell selected.
    const index = EXPECTED.findIndex((f) => f.sheet === "公开06表" && f.cell === "F6");
    await page.click('[data-severity][data-index="' + index + '"]');
    await page.waitForSelector('td[data-cell="F6"][data-selected]');
    expect(await page.getAttribute(".pv-tab-active", "data-sheet")).toBe("公开06表");
    expect(await page.locator("[data-selected]").count()).toBe(1);

    // Selecting a flagged cell in the grid shows its finding in the pane.
    await page.click('.pv-tab[data-sheet="公开03表"]');
    await page.click('td[data-cell="C10"]');
    await page.waitForSelector(".jp-selected .jp-selected-line");
    expect(await page.textContent(".jp-selected")).toContain("T03.1");
    await page.click('.jp-results [data-severity="tail"][data-index="' + EXPECTED.findIndex((f) => f.sheet === "公开03表" && f.cell === "C10") + '"]');

    await page.evaluate(() => {
      document.querySelector(".pv-pane")!.scrollTop = 0; // the summary at the top of the pane for the picture
    });
    const shot = path.join(ROOT, "test-results", "preview.png");
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    if (process.env.UPDATE_SCREENSHOT) fs.copyFileSync(shot, path.join(ROOT, "docs", "preview.png"));

    await page.click('.jp-toolbar [data-action="clear"]');
    await page.waitForFunction(() => /已清除标记/.test(document.querySelector(".jp-status")!.textContent || ""));
    expect(await page.locator("[data-flag]").count()).toBe(0);
    expect(await page.locator("[data-flag-related]").count()).toBe(0);
    expect(await page.locator("[data-severity]").count()).toBe(EXPECTED.length);
    expect(problems).toEqual([]);
  }, 120000);

  test("opens an .xlsx the user picks and audits it", async () => {
    // A copy of the sample under another name stands for the user's own file.
    const picked = path.join(profile, "某单位2024年度部门决算.xlsx");
    fs.copyFileSync(path.join(ROOT, "examples", "2024-sanmenxia-xzsp.xlsx"), picked);
    await page.setInputFiles("#pv-open", picked);
    await page.waitForFunction(() => (document.getElementById("pv-file")!.textContent || "").indexOf("某单位2024年度部门决算.xlsx") >= 0);
    await page.waitForFunction(() => document.getElementById("app")!.getAttribute("data-state") === "done" && /审核完成/.test(document.querySelector(".jp-status")!.textContent || ""));
    expect(await page.locator("[data-severity]").count()).toBe(EXPECTED.length);
    await page.click('.jp-toolbar [data-action="flag"]');
    await page.waitForSelector('#app[data-flags="on"]');
    expect(await page.locator('.pv-tab[data-flagged]').count()).toBe(new Set(planFlags(EXPECTED, sampleSnapshot()).map((f) => f.sheet)).size);
    expect(await page.locator(".pv-tab").count()).toBe(sampleSnapshot().sheets.length);
  });

  /**
   * The pane alone at 350 px (/preview.html?layout=pane), as Excel shows it: the board and the first 不符 on the
   * first screen, the board's counts, 忽略 across a 重新审核 with its flag gone, pasted text refused, the tab order.
   * UPDATE_SCREENSHOT=1 writes docs/pane-350-1x.png and docs/pane-350-2x.png.
   */
  describe("the pane alone at 350 px", () => {
    const H = 640;
    let p: Page;
    const done = () => p.waitForFunction(() => document.getElementById("app")!.getAttribute("data-state") === "done" && /审核完成/.test(document.querySelector(".jp-status")!.textContent || ""), undefined, { timeout: 30000 });

    beforeAll(async () => {
      p = await browser.newPage();
      p.on("pageerror", (e) => problems.push("pageerror: " + e.message));
      await p.setViewportSize({ width: 350, height: H });
      await p.goto(server.url + "preview.html?layout=pane");
      await done();
    }, 60000);

    afterAll(async () => {
      if (p) await p.close();
    });

    test("first screen: the board and the first 不符, without scrolling; the pane is 350 px wide", async () => {
      const pane = (await p.locator(".pv-pane").boundingBox())!;
      expect(pane.width).toBe(350);
      expect(await p.locator(".pv-book").isVisible()).toBe(false);
      expect(await p.evaluate(() => document.querySelector(".pv-pane")!.scrollTop)).toBe(0);
      const board = (await p.locator(".jp-board").boundingBox())!;
      expect(board.y + board.height).toBeLessThanOrEqual(H);
      const firstError = p.locator('.jp-results .jp-item[data-severity="error"]').first();
      const box = (await firstError.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(H);
      // It is the first card of the list, and the status line says where the 不符 are.
      expect(await p.getAttribute(".jp-results .jp-item", "data-severity")).toBe("error");
      expect(await p.textContent(".jp-status")).toContain("九张表无不符");
      const shot = path.join(ROOT, "test-results", "pane-350-1x.png");
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await p.screenshot({ path: shot });
      if (process.env.UPDATE_SCREENSHOT) fs.copyFileSync(shot, path.join(ROOT, "docs", "pane-350-1x.png"));
    });

    test("2× (a high-density screen): the same first screen", async () => {
      const { chromium } = await import("playwright-core");
      const b2 = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
      try {
        const ctx = await b2.newContext({ viewport: { width: 350, height: H }, deviceScaleFactor: 2, locale: "zh-CN" });
        const p2 = await ctx.newPage();
        await p2.goto(server.url + "preview.html?layout=pane");
        await p2.waitForFunction(() => document.getElementById("app")!.getAttribute("data-state") === "done", undefined, { timeout: 30000 });
        const box = (await p2.locator('.jp-results .jp-item[data-severity="error"]').first().boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(H);
        const shot = path.join(ROOT, "test-results", "pane-350-2x.png");
        await p2.screenshot({ path: shot });
        if (process.env.UPDATE_SCREENSHOT) fs.copyFileSync(shot, path.join(ROOT, "docs", "pane-350-2x.png"));
      } finally {
        await b2.close();
      }
    }, 60000);

    test("board cells carry each table's counts", async () => {
      const tables = ["公开01", "公开02", "公开03", "公开04", "公开05", "公开06", "公开07", "公开08", "公开09", "情况说明", "绩效"];
      const nc = auditWorkbook(sampleSnapshot()).notChecked || [];
      for (const t of tables) {
        const mine = EXPECTED.filter((f) => (f.table || "") === t);
        const want = [mine.filter((f) => f.severity === "error").length, mine.filter((f) => f.severity === "warning").length, mine.filter((f) => f.severity === "tail").length, nc.filter((n) => n.table === t).length];
        const got = await p.evaluate((sel) => {
          const c = document.querySelector(sel)!;
          return ["data-errors", "data-warnings", "data-tails", "data-unchecked"].map((a) => Number(c.getAttribute(a)));
        }, '[data-table-status="' + t + '"]');
        expect([t, got]).toEqual([t, want]);
      }
      // The sample: the tables have only 疑点 and 尾差; the 不符 are in the 情况说明 (13) and the 绩效 table (1).
      expect(await p.textContent('[data-table-status="公开03"]')).toBe("公开03疑点 1尾差 4");
      expect(await p.textContent('[data-table-status="公开01"]')).toBe("公开01通过");
      expect(await p.textContent('[data-table-status="情况说明"]')).toBe("情况说明不符 13尾差 3");
      // A click filters the list to the table.
      await p.click('[data-table-status="公开05"]');
      const shown = await p.$$eval(".jp-results .jp-item", (els) => els.map((e) => Number(e.getAttribute("data-index"))));
      expect(shown.sort((a, b) => a - b)).toEqual(EXPECTED.map((f, i) => (f.table === "公开05" ? i : -1)).filter((i) => i >= 0));
      await p.click('[data-table-status="公开05"]');
    });

    test("a finding marked 忽略 stays ignored after 重新审核, and its flag is gone", async () => {
      const i = EXPECTED.findIndex((f) => f.sheet === "公开03表" && f.cell === "C10" && !f.cause);
      // Its cell is flagged by no other finding, so the flag must go with it.
      expect(planFlags(EXPECTED.filter((_f, j) => j !== i), sampleSnapshot()).some((x) => x.sheet === "公开03表" && x.cell === "C10")).toBe(false);
      await p.click('.jp-toolbar [data-action="flag"]');
      await p.waitForSelector('#app[data-flags="on"]');
      expect(await p.isVisible("[data-flags-notice]")).toBe(true);
      const flagOf = () =>
        p.evaluate(() => {
          (document.querySelector('.pv-tab[data-sheet="公开03表"]') as HTMLElement).click();
          return document.querySelector('td[data-cell="C10"]')!.getAttribute("data-flag");
        });
      expect(await flagOf()).toBe("tail");
      const card = '.jp-results .jp-item[data-index="' + i + '"]';
      await p.click(card + ' [data-action="ignore"]');
      await p.fill(card + ' [data-review-form="忽略"] input', "按财政批复口径，已核");
      await p.click(card + ' [data-action="review-ok"]');
      await p.waitForSelector('.jp-reviewed [data-index="' + i + '"][data-review]', { state: "attached" });
      await p.waitForFunction(() => document.getElementById("app")!.getAttribute("data-state") === "done");
      expect(await flagOf()).toBe(null);
      expect(await p.getAttribute('[data-table-status="公开03"]', "data-tails")).toBe("3");

      await p.click('.jp-toolbar [data-action="audit"]');
      await done();
      expect(await p.locator(card).count()).toBe(0);
      expect(await p.locator('.jp-reviewed [data-index="' + i + '"]').count()).toBe(1);
      expect(await p.textContent('.jp-reviewed [data-index="' + i + '"] .jp-review-mark')).toBe("已忽略：按财政批复口径，已核");
      expect(await p.getAttribute('[data-table-status="公开03"]', "data-tails")).toBe("3");
      expect(await flagOf()).toBe(null);
      expect(await p.locator('td[data-cell="C9"][data-flag="tail"]').count()).toBe(1);
      await p.click('[data-flags-notice] [data-action="clear-flags"]');
      await p.waitForSelector('#app[data-flags="off"]');
    });

    test("pasted text without recognisable headings is refused, with the reason in Chinese", async () => {
      await p.click('[data-action="narrative-panel"]');
      await p.fill("[data-narrative-input]", "今年我们单位工作很忙，收入比去年多了 12.5 万元。");
      await p.click('[data-action="check-narrative"]');
      await p.waitForSelector("[data-narrative-refused]", { state: "visible" });
      expect(await p.textContent("[data-narrative-refused]")).toContain("没有认得出的情况说明小标题");
      expect(await p.textContent("[data-narrative-source]")).toContain("正在核对：工作簿");
      expect(await p.locator(".jp-results .jp-item").count()).toBeGreaterThan(0);
      expect(await p.getAttribute('[data-table-status="情况说明"]', "data-errors")).toBe("13");
    });

    test("keyboard: the narrative figures are one tab stop; Tab reaches the first finding soon", async () => {
      expect(await p.locator(".jp-narr-text .jp-fig").count()).toBeGreaterThan(100);
      expect(await p.locator('.jp-narr-text .jp-fig[tabindex="0"]').count()).toBe(1);
      await p.focus('.jp-toolbar [data-action="audit"]');
      const seen: string[] = [];
      // One round of Tab through the pane: from 审核 until focus comes back to it (or leaves the page).
      for (let k = 0; k < 80; k++) {
        if (k) await p.keyboard.press("Tab");
        seen.push(
          await p.evaluate(() => {
            const a = document.activeElement as HTMLElement;
            return (a.getAttribute("data-action") || a.getAttribute("data-table-status") || a.getAttribute("data-filter-severity") || (/jp-item/.test(a.className) ? "item" : /jp-fig/.test(a.className) ? "fig" : a.tagName)) + "";
          }),
        );
        if (k && (seen[k] === "audit" || seen[k] === "BODY")) break;
      }
      expect(seen.length).toBeLessThan(60);
      expect(seen.slice(0, 4)).toEqual(["audit", "flag", "clear", "export"]);
      const firstItem = seen.indexOf("item");
      expect(firstItem).toBeGreaterThan(0);
      expect(firstItem).toBeLessThan(12);
      expect(seen.filter((x) => x === "fig").length).toBe(1);
      expect(seen.filter((x) => x === "item").length).toBe(1);
      expect(seen.filter((x) => /^(公开|情况|绩效)/.test(x)).length).toBe(1);
      expect(problems).toEqual([]);
    });
  });

  test("serves on 127.0.0.1 with a strict Content-Security-Policy", async () => {
    const res = await page.request.get(server.url + "preview.html");
    expect(res.headers()["content-security-policy"]).toContain("script-src 'self';");
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const pane = await page.request.get(server.url + "taskpane.html");
    expect(pane.headers()["content-security-policy"]).toContain("https://appsforoffice.microsoft.com");
    expect((await page.request.get(server.url + "../package.json")).status()).toBe(404);
  });
});
