/**
 * A hostile workbook for the per-file budgets (issue 13, "limits as budgets"), built in the test, never committed:
 * `memoryHog`, a well-formed workbook that passes every check of the reader (cells under the cell budget, sizes and
 * ratios under the zip guard's limits) and yet needs more time and memory than one file's budget: on this 2-core
 * machine it reaches the 512 MB memory budget (or, when the machine is overloaded, the 20 s time budget) first. Either way it fails alone.
 * (The hostile files that the reader itself refuses are in index.ts, `allHostile()`.)
 */
import { ZipInput, writeZip } from "../../io/fixtures";

/** writeZip's archive, but deflating fast (level 1): the memory hog's 120 MB of XML would take long at level 6. */
function fastZip(entries: ZipInput[]): Buffer {
  return writeZip(entries, 1);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The smallest .xlsx SheetJS and the fast reader accept: one worksheet with the given XML body. */
export function oneSheetXlsx(sheetXml: string | Buffer, fast = false): Buffer {
  return (fast ? fastZip : writeZip)([
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    { name: "xl/workbook.xml", data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><workbook ' + NS + '><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: "xl/worksheets/sheet1.xml", data: typeof sheetXml === "string" ? Buffer.from(sheetXml) : sheetXml },
  ]);
}

function column(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * `rows` × 26 numeric cells, each a different amount with two decimals (as a 决算 table holds them). 4,600,000 cells
 * (under the 5,000,000-cell budget) take about 120 MB of XML, 1.6 GB of heap once read: far over a 512 MB budget.
 */
export function memoryHog(rows = 177000): Buffer {
  const cols: string[] = [];
  for (let c = 0; c < 26; c++) cols.push(column(c));
  const chunks: Buffer[] = [Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet ' + NS + "><sheetData>")];
  let part: string[] = [];
  for (let r = 1; r <= rows; r++) {
    part.push('<row r="' + r + '">');
    for (let c = 0; c < 26; c++) part.push('<c r="' + cols[c] + r + '"><v>' + ((r * 26 + c) % 1000003) / 100 + "</v></c>");
    part.push("</row>");
    if (part.length > 1 << 16) {
      chunks.push(Buffer.from(part.join("")));
      part = [];
    }
  }
  chunks.push(Buffer.from(part.join("") + "</sheetData></worksheet>"));
  return oneSheetXlsx(Buffer.concat(chunks), true);
}

export interface BudgetHostile {
  name: string;
  bytes: Buffer;
}

/** The budget case for the batch test: refused by the time or the memory budget, whichever it reaches first. */
export function budgetHostile(): BudgetHostile[] {
  return [{ name: "memory-hog.xlsx", bytes: memoryHog() }];
}
