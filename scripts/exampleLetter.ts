/**
 * Regenerates the example 审核意见书 committed under docs/ (issue 12 item 4): the letter `--letter` writes for the bundled
 * sample, dated 2026-11-30 so that only a change of the findings changes it, and its plain text (read back with
 * mammoth, as the test does) so a reviewer can read it without Word.
 *
 *   npx tsx scripts/exampleLetter.ts
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as mammoth from "mammoth";
import { main } from "../src/cli/main";

const ROOT = path.join(__dirname, "..");
const SAMPLE = path.join(ROOT, "examples", "2024-sanmenxia-xzsp.xlsx");
const DATE = "2026-11-30";

async function generate(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-letter-"));
  try {
    let err = "";
    const code = await main(["--letter", dir, "--date", DATE, SAMPLE], { stdout: () => undefined, stderr: (s) => (err += s) });
    const made = fs.readdirSync(dir).filter((n) => n.endsWith(".docx"));
    if (code === 2 || made.length !== 1) throw new Error("意见书未生成（退出码 " + code + "）：" + err);
    const docx = path.join(ROOT, "docs", "example-letter.docx");
    fs.copyFileSync(path.join(dir, made[0]), docx);
    const text = (await mammoth.extractRawText({ path: docx })).value.replace(/\n{2,}/g, "\n");
    fs.writeFileSync(path.join(ROOT, "docs", "example-letter.txt"), text, "utf8");
    process.stdout.write("docs/example-letter.docx（" + made[0] + "）与 docs/example-letter.txt 已生成\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

generate().catch((e) => {
  process.stderr.write(String(e && (e as Error).stack ? (e as Error).stack : e) + "\n");
  process.exitCode = 1;
});
