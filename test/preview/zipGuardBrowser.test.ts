/**
 * The preview's guard (src/io/zipGuardBrowser.ts) against the hostile workbooks of the CLI's security suite: every
 * ZIP-level attack is refused with the reader's own sentence before SheetJS sees it, the sample passes, and a
 * browser without DecompressionStream refuses rather than open unguarded. (Node 20 has the same DecompressionStream.)
 */
import * as fs from "fs";
import * as path from "path";
import { MESSAGES } from "../../src/io/readMessages";
import { readWorkbookBuffer } from "../../src/io/readWorkbookFile";
import { guardZipInBrowser } from "../../src/io/zipGuardBrowser";
import { allHostile, zipDeclaredHuge, zipLocalNameDiffers, zipLyingSize, zipRatioBomb } from "../security/hostile";

const SAMPLE = fs.readFileSync(path.join(__dirname, "..", "..", "examples", "2024-sanmenxia-xzsp.xlsx"));

test("the sample and a non-ZIP file pass; a lying size, a ratio bomb, a huge declared size and differing views are refused", async () => {
  expect(await guardZipInBrowser(SAMPLE)).toBeNull();
  expect(await guardZipInBrowser(Buffer.from("<html><body>表</body></html>"))).toBeNull();
  expect(await guardZipInBrowser(zipLyingSize())).toBe(MESSAGES.sizeMismatch);
  expect(await guardZipInBrowser(zipRatioBomb())).toMatch(/压缩比异常/);
  expect(await guardZipInBrowser(zipDeclaredHuge())).toMatch(/解压后过大/);
  expect(await guardZipInBrowser(zipLocalNameDiffers())).toBe(MESSAGES.viewsDisagree);
});

test("every hostile ZIP the CLI refuses at the ZIP level is refused by the preview with the same sentence", async () => {
  let zipLevel = 0;
  for (const h of allHostile()) {
    const cli = readWorkbookBuffer(h.bytes, h.name);
    const mine = await guardZipInBrowser(h.bytes);
    // The CLI's sentence for ZIP problems (the guard's) must be the preview's; other refusals (HTML, cells, …)
    // come later in the CLI and are SheetJS's or the snapshot's business in the preview.
    if (mine !== null) {
      zipLevel++;
      expect(cli.ok).toBe(false);
      if (!cli.ok) expect(mine).toBe(cli.error);
    }
  }
  expect(zipLevel).toBeGreaterThanOrEqual(6);
});

test("without DecompressionStream the file is refused, not opened unguarded", async () => {
  const g = globalThis as { DecompressionStream?: unknown };
  const saved = g.DecompressionStream;
  try {
    delete g.DecompressionStream;
    expect(await guardZipInBrowser(SAMPLE)).toMatch(/DecompressionStream/);
  } finally {
    g.DecompressionStream = saved;
  }
});
