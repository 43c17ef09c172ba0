/**
 * Issue 13 item 9: `--output` never overwrites an input, whatever path names it: a symbolic link to the input, a hard
 * link of it, a link to the folder, `..` in the path. The input is byte-identical afterwards and the exit code is 2.
 */
import * as fs from "fs";
import * as path from "path";
import { clashingInput } from "../../../src/cli/outputClash";
import { SAMPLE, tempDir } from "../../io/fixtures";
import { run } from "../../cli/helpers";

let dir: string;
let book: string;
beforeAll(() => {
  dir = tempDir("juesuan-clash-");
  book = path.join(dir, "部门决算.xlsx");
  fs.copyFileSync(SAMPLE, book);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refused(output: string, inputs: string[]): Promise<void> {
  const before = fs.readFileSync(book);
  const r = await run(["--format", "json", "--output", output].concat(inputs));
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^错误：报告文件“.+”与输入文件相同，会覆盖输入，请换一个文件名。/);
  expect(fs.readFileSync(book).equals(before)).toBe(true);
}

test("a symbolic link to the input is refused as output", async () => {
  const link = path.join(dir, "report-link.json");
  fs.symlinkSync(book, link);
  await refused(link, [book]);
  expect(clashingInput(link, [book])).toBe(book);
});

test("the input given through a symbolic link, the output its real path, is refused", async () => {
  const link = path.join(dir, "input-link.xlsx");
  fs.symlinkSync(book, link);
  await refused(book, [link]);
});

test("a hard link of the input is refused as output", async () => {
  const hard = path.join(dir, "report-hard.json");
  fs.linkSync(book, hard);
  await refused(hard, [book]);
});

test("a path through a linked folder or with .. that ends at the input is refused", async () => {
  const sub = path.join(dir, "sub");
  fs.mkdirSync(sub);
  const folderLink = path.join(dir, "folder-link");
  fs.symlinkSync(dir, folderLink);
  await refused(path.join(folderLink, path.basename(book)), [book]);
  await refused(path.join(sub, "..", path.basename(book)), [book]);
});

test("a link to a file that does not exist yet is no clash; once that file is an input, it is", async () => {
  // The output link points at the input's real name; the input is named through the linked folder.
  const link = path.join(dir, "dangling.json");
  fs.symlinkSync(path.join(dir, "later.xlsx"), link);
  expect(clashingInput(link, [book])).toBeUndefined();
  fs.copyFileSync(SAMPLE, path.join(dir, "later.xlsx"));
  expect(clashingInput(link, [path.join(dir, "later.xlsx")])).toBe(path.join(dir, "later.xlsx"));
});

test("a new file beside the input is written (no false clash)", async () => {
  const out = path.join(dir, "报告.json");
  const r = await run(["--format", "json", "--output", out, book]);
  expect(r.code).toBe(1);
  expect(JSON.parse(fs.readFileSync(out, "utf8")).reports[0].file).toBe(book);
  expect(clashingInput(out, [book])).toBeUndefined();
});
