/**
 * The batch the bureau's outputs are tested on (issue 12 "What must be shown"): the sample, variants of it
 * (test/fixtures/sample.ts), one with a deliberately broken figure, and a corrupt file — written to a fresh folder.
 * The corrupt file's name is an HTML/formula payload, so escaping and "text, never formula" are tested on the way.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadSample, shuffledNeutral, textAmounts, toBytes } from "../fixtures/sample";

export interface Batch {
  dir: string;
  files: string[];
  /** Indexes into files. */
  sample: number;
  broken: number;
  corrupt: number;
}

/** The broken variant: 公开03 2010301 行政运行 本年支出合计 585.44 printed as 595.44 (C10). */
export const BROKEN_CELL = { sheet: "公开03表", cell: "C10", value: 595.44 };

export const CORRUPT_NAME = "=HYPERLINK(1)<img src=x onerror=alert(1)>.xlsx";

export function makeBatch(): Batch {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-bureau-"));
  const write = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const broken = loadSample();
  const c = broken.Sheets[BROKEN_CELL.sheet][BROKEN_CELL.cell];
  c.v = BROKEN_CELL.value;
  delete c.w;
  const files = [
    write("sample.xlsx", toBytes(loadSample())),
    write("shuffled.xlsx", toBytes(shuffledNeutral(loadSample()))),
    write("text-amounts.xlsx", toBytes(textAmounts(loadSample()))),
    write("broken.xlsx", toBytes(broken)),
    write(CORRUPT_NAME, Buffer.from("PK\u0003\u0004 this is not a workbook")),
  ];
  return { dir: dir, files: files, sample: 0, broken: 3, corrupt: 4 };
}

export function removeBatch(b: Batch): void {
  fs.rmSync(b.dir, { recursive: true, force: true });
}
