/**
 * `--format html` (issue 12 item 3) on a batch of the sample, its variants, a broken figure and a corrupt file named
 * like an HTML payload: the page is one file with a CSP and no external request; opened in Chromium (Debian's
 * /usr/bin/chromium through playwright-core, as test/e2e/preview.test.ts does) its counts equal the JSON, the corrupt
 * file is 无法读取, the filter and the status select work, sorting works, a link opens the document's drill-down,
 * and its board filters the findings by table. Without Chromium the browser part is skipped unless CI is set.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import type { BrowserContext, Page } from "playwright-core";
import { run } from "../cli/helpers";
import { esc } from "../../src/cli/html";
import { Batch, CORRUPT_NAME, makeBatch, removeBatch } from "../bureau/batch";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);

interface JsonReport {
  file: string;
  ok: boolean;
  summary: { errors: number; warnings: number; tails: number; notChecked: number };
  findings: { table: string | null }[];
}

let batch: Batch;
let html = "";
let htmlFile = "";
let reports: JsonReport[];

beforeAll(async () => {
  batch = makeBatch();
  htmlFile = path.join(batch.dir, "汇总.html");
  const h = await run(["--format", "html", "--output", htmlFile, "--date", "2026-11-30"].concat(batch.files));
  expect(h.code).toBe(2);
  html = fs.readFileSync(htmlFile, "utf8");
  const j = await run(["--format", "json"].concat(batch.files));
  reports = JSON.parse(j.stdout).reports;
}, 120000);
afterAll(() => removeBatch(batch));

test("one self-contained file: a CSP that allows only its own script, no external reference, document text escaped", () => {
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; script-src &#39;sha256-[A-Za-z0-9+/=]+&#39;/);
  expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
  expect(html).not.toContain("<img src=x");
  expect(html).toContain(esc(CORRUPT_NAME));
  expect(esc("<a href='x'>&\"")).toBe("&#60;a href=&#39;x&#39;&#62;&#38;&#34;");
});

const describeBrowser = HAVE_CHROMIUM || process.env.CI ? describe : describe.skip;
if (!HAVE_CHROMIUM && !process.env.CI) console.warn("跳过 HTML 汇总的浏览器测试：未找到 " + CHROMIUM + "。");

describeBrowser("the HTML summary in Chromium", () => {
  let browser: BrowserContext;
  let profile = "";
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    // A fresh profile each run (playwright passes it as --user-data-dir), as the preview test does.
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-html-"));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1400, height: 900 },
      locale: "zh-CN",
    });
    page = browser.pages()[0] || (await browser.newPage());
    page.on("pageerror", (e) => problems.push("pageerror: " + e.message));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push("console: " + m.text());
    });
    page.on("dialog", (d) => {
      problems.push("dialog: " + d.message());
      void d.dismiss();
    });
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(htmlFile).href);
  }, 60000);

  afterAll(async () => {
    if (browser) await browser.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  const visibleRows = () => page.locator("#overview tbody tr:visible");
  const shownText = () => page.textContent("#shown");

  test("the overview: one row per document, counts equal the JSON, the corrupt file 无法读取, the board per table", async () => {
    expect(await visibleRows().count()).toBe(reports.length);
    for (let i = 0; i < reports.length; i++) {
      const row = page.locator('#overview tbody tr[data-doc="' + (i + 1) + '"]');
      const cells = await row.locator("td").allTextContents();
      const r = reports[i];
      if (!r.ok) {
        expect(cells[9]).toBe("无法读取");
        expect(cells[1]).toBe(CORRUPT_NAME);
        continue;
      }
      expect(cells.slice(5, 9).map(Number)).toEqual([r.summary.errors, r.summary.warnings, r.summary.tails, r.summary.notChecked]);
      expect(cells[9]).toBe(r.summary.errors + r.summary.warnings ? "需整改" : "通过");
      // the board: eleven cells; 公开03 of the sample shows its 尾差 and 疑点, as the pane does
      expect(await row.locator("[data-table-status]").count()).toBe(11);
    }
    expect(await page.textContent('#overview tbody tr[data-doc="1"] [data-table-status="公开03"]')).toBe("03疑点 1尾差 4");
    expect(await page.getAttribute('#overview tbody tr[data-doc="1"] [data-table-status="公开03"]', "class")).toContain("cell-warning");
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
  });

  test("the filter: by text and by status, and back", async () => {
    await page.fill("#filter", "broken");
    expect(await visibleRows().count()).toBe(1);
    expect(await shownText()).toBe("显示 1 / 5 份");
    expect(await page.locator("#doc-" + (batch.broken + 1)).isVisible()).toBe(true);
    expect(await page.locator("#doc-1").isVisible()).toBe(false);
    await page.fill("#filter", "");
    await page.selectOption("#status", "无法读取");
    expect(await visibleRows().count()).toBe(1);
    expect(await visibleRows().first().getAttribute("data-doc")).toBe(String(batch.corrupt + 1));
    await page.selectOption("#status", "需整改");
    expect(await visibleRows().count()).toBe(reports.filter((r) => r.ok && r.summary.errors + r.summary.warnings > 0).length);
    await page.selectOption("#status", "");
    expect(await visibleRows().count()).toBe(reports.length);
  });

  test("sorting by 不符: the broken figure comes last ascending, first descending", async () => {
    const order = async () => (await visibleRows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-doc"))));
    await page.click('th button[data-col="5"]');
    expect(await page.getAttribute('th:has(button[data-col="5"])', "aria-sort")).toBe("ascending");
    expect((await order())[reports.length - 1]).toBe(String(batch.broken + 1));
    await page.click('th button[data-col="5"]');
    expect((await order())[0]).toBe(String(batch.broken + 1));
    await page.click('th button[data-col="0"]');
    expect(await order()).toEqual(reports.map((_r, i) => String(i + 1)));
  });

  test("a link opens the document's drill-down; its board filters the findings by table", async () => {
    await page.click('#overview tbody tr[data-doc="1"] td:nth-child(2) a');
    const doc = page.locator("#doc-1");
    expect(await doc.locator("details").getAttribute("open")).not.toBeNull();
    const rows = doc.locator("table.findings tbody tr:visible");
    expect(await rows.count()).toBe(reports[0].findings.length);
    await doc.locator('.board.big [data-table-status="情况说明"]').click();
    expect(await rows.count()).toBe(reports[0].findings.filter((f) => f.table === "情况说明").length);
    await doc.locator('.board.big [data-table-status="情况说明"]').press("Enter");
    expect(await rows.count()).toBe(reports[0].findings.length);
    expect(problems).toEqual([]);
  });
});
