/**
 * The browser preview opens a PDF (issue 11 item 3), end to end in Chromium as test/e2e/preview.test.ts does: the
 * sample printed to PDF (test/fixtures/pdf/sample.pdf) gives the same board as the sample workbook — per table the
 * same 不符 / 疑点 / 尾差 / 未审核 counts, 14 不符 in all — and its cells are flagged like a sheet's; the PDF with one
 * figure printed 1.00 too high (broken-figure.pdf) gets the 不符 in 公开03 flagged on its cell. The PDF reader and
 * PDF.js come in their own chunks (pdf.js, pdfjs.js), fetched only when a PDF is opened, never with the page.
 *
 * Builds its own production bundle (about 1–2 minutes). Without Chromium it is skipped, unless CI is set.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { startServer, Served } from "../../src/preview/server";

const ROOT = path.join(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const TABLES = ["公开01", "公开02", "公开03", "公开04", "公开05", "公开06", "公开07", "公开08", "公开09", "情况说明", "绩效"];
const describeBrowser = HAVE_CHROMIUM || process.env.CI ? describe : describe.skip;

describeBrowser("the preview opens a PDF", () => {
  let out = "";
  let server: Served;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-pdfview-"));
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--output-path", out, "--env", "url=https://audit.test.example/addin/"], { cwd: ROOT, stdio: "pipe" });
    server = await startServer(out, 0);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    page.on("request", (r) => requested.push(path.basename(new URL(r.url()).pathname)));
    page.on("pageerror", (e) => problems.push("pageerror: " + e.message));
  }, 300000);

  afterAll(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  const done = (file: string) =>
    page.waitForFunction(
      (f) => (document.getElementById("pv-file")!.textContent || "").indexOf(f) >= 0 && document.getElementById("app")!.getAttribute("data-state") === "done" && /审核完成/.test(document.querySelector(".jp-status")!.textContent || ""),
      file,
      { timeout: 60000 },
    );
  const board = () =>
    page.evaluate((tables) => {
      const out: { [t: string]: number[] } = {};
      for (const t of tables) {
        const c = document.querySelector('[data-table-status="' + t + '"]')!;
        out[t] = ["data-errors", "data-warnings", "data-tails", "data-unchecked"].map((a) => Number(c.getAttribute(a)));
      }
      return out;
    }, TABLES);
  const errors = (b: { [t: string]: number[] }) => TABLES.reduce((n, t) => n + b[t][0], 0);

  test("the sample as PDF: the workbook's board, flagged like a sheet; the PDF chunks only then", async () => {
    await page.goto(server.url + "preview.html");
    await done("示例");
    const workbook = await board();
    expect(errors(workbook)).toBe(14);
    const cards = await page.locator(".jp-results [data-severity]").count();
    expect(requested.filter((f) => /^pdf/.test(f))).toEqual([]);

    await page.setInputFiles("#pv-open", path.join(ROOT, "test", "fixtures", "pdf", "sample.pdf"));
    await done("sample.pdf（PDF，");
    expect(requested).toContain("pdf.js");
    expect(requested).toContain("pdfjs.js");
    expect(await board()).toEqual(workbook);
    expect(await page.locator(".jp-results [data-severity]").count()).toBe(cards);

    await page.click('.jp-toolbar [data-action="flag"]');
    await page.waitForSelector('#app[data-flags="on"]');
    expect(await page.locator('.pv-tab[data-flagged]').count()).toBeGreaterThan(0);
    await page.click('.pv-tab[data-sheet="支出决算表"]');
    // The sample's 公开03 has 尾差 only (the board above): its flags are 尾差.
    expect(await page.locator('td[data-flag="tail"]').count()).toBeGreaterThan(0);
    expect(await page.locator('td[data-flag="error"]').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 180000);

  test("a figure printed 1.00 too high: 不符 in 公开03, flagged on its cell", async () => {
    await page.setInputFiles("#pv-open", path.join(ROOT, "test", "fixtures", "pdf", "broken-figure.pdf"));
    await done("broken-figure.pdf（PDF，");
    const b = await board();
    expect(b["公开03"][0]).toBeGreaterThanOrEqual(1);
    const card = page.locator('.jp-results [data-severity="error"]', { hasText: "585.44" }).first();
    expect(await card.textContent()).toContain("586.45");
    await page.click('.jp-toolbar [data-action="flag"]');
    await page.waitForSelector('#app[data-flags="on"]');
    await page.click('.pv-tab[data-sheet="支出决算表"]');
    expect(await page.locator('td[data-flag="error"]').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 120000);
});
